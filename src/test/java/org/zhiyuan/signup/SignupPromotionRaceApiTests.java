package org.zhiyuan.signup;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.Concurrently;
import org.zhiyuan.support.Concurrently.Call;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Places freed on full shifts (by cancellations, or by the organizer adding places) go to
 * their waiting lists while, at the same moment, the volunteers waiting there sign up for
 * another activity at the same time, over HTTP, on each database. Nobody ends up with two
 * accepted places at once, every place is counted once, and a freed place stays free only
 * when nobody waiting for it can take it. Without the promotion's check under the
 * volunteer's lock about a fifth of the waiting volunteers held both places.
 */
class SignupPromotionRaceApiTests extends SignupTestSupport {

	/** Shifts per activity, each with one place: pairs of racing requests per round. */
	private static final int SHIFTS = 24;

	private static final int ROUNDS = 4;

	@Test
	void neverPromotesAWaitingVolunteerIntoATimeTheyTookElsewhereAtTheSameMoment() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			Race race = aRace();
			List<Call> calls = new ArrayList<>();
			for (int i = 0; i < SHIFTS; i++) {
				// the holder cancels, or the organizer, beside the sign-up elsewhere
				String signup = "/api/v1/signups/" + race.held().get(i);
				calls.add((i % 2 == 0) ? Call.delete(this.fixtures.tokenFor(race.holders().get(i)), signup)
						: Call.post(race.organizer(), signup + "/cancel", "{\"reason\":\"临时调整岗位\"}"));
				calls.add(race.elsewhere().get(i));
			}

			List<Response> answers = Concurrently.send(this.port, calls);

			for (int i = 0; i < SHIFTS; i++) {
				assertThat(answers.get(2 * i).status()).as(answers.get(2 * i).body()).isEqualTo(200);
				assertOneOfTwoAt(race, i, answers.get(2 * i + 1));
			}
			assertCounted(race.full());
			assertCounted(race.sameTime());
		}
	}

	@Test
	void neverGivesNewPlacesToAWaitingVolunteerWhoTookTheTimeElsewhereAtTheSameMoment() throws Exception {
		for (int round = 0; round < ROUNDS / 2; round++) {
			Race race = aRace();
			List<Call> calls = new ArrayList<>();
			calls.add(new Call("PATCH", "/api/v1/activities/" + race.full().id(), race.organizer(),
					"{\"capacities\":[" + String.join(",",
							race.full()
								.positions()
								.stream()
								.map((p) -> "{\"positionId\":\"" + p + "\",\"capacity\":2}")
								.toList())
							+ "]}"));
			calls.addAll(race.elsewhere());

			List<Response> answers = Concurrently.send(this.port, calls);

			assertThat(answers.get(0).status()).as(answers.get(0).body()).isEqualTo(200);
			for (int i = 0; i < SHIFTS; i++) {
				assertOneOfTwoAt(race, i, answers.get(1 + i));
			}
			assertCounted(race.full());
			assertCounted(race.sameTime());
		}
	}

	/**
	 * The first waiting volunteer of the shift holds one of the two places, the one their
	 * sign-up elsewhere was answered with, and the shift's freed places are taken unless
	 * nobody waiting can take them.
	 */
	private void assertOneOfTwoAt(Race race, int shift, Response elsewhere) {
		String answered = "shift " + shift + ": " + elsewhere.status()
				+ ((elsewhere.status() >= 400) ? " " + elsewhere.problemCode() : "");
		assertThat(elsewhere.status()).as(answered).isIn(201, 409, 422);
		if (elsewhere.status() == 409) {
			assertThat(shift % 3).as(answered + ": that shift was full").isZero();
			assertThat(elsewhere.problemCode()).isEqualTo("ACTIVITY_FULL");
		}
		if (elsewhere.status() == 422) {
			assertThat(elsewhere.problemCode()).isEqualTo("REQUIREMENT_NOT_MET");
		}
		UUID waiting = race.waiting().get(shift).volunteerId();
		assertThat(overlappingAccepted(waiting)).as(answered + ": two places at once").isZero();
		assertThat(signupsOf(waiting, race.sameTime().position(shift), true))
			.as(answered + ": accepted elsewhere exactly when told so")
			.isEqualTo((elsewhere.status() == 201) ? 1 : 0);
		assertThat(accepted(race.full().position(shift))).as(answered + ": a freed place left free")
			.isEqualTo(takeable(race.full().position(shift)));
	}

	/**
	 * A full activity whose every shift has one place, its holder and one or two waiting
	 * volunteers; another activity at the same time with a place per shift, every third
	 * of them taken already; and for each shift the first waiting volunteer's sign-up for
	 * the same shift of the other activity, to send.
	 */
	private Race aRace() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105");
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).withNano(0);
		Map<String, Object> full = sameShifts(team, start);
		full.put("waitlist", true);
		Published fullActivity = publish(team, full);
		Map<String, Object> other = sameShifts(team, start.plusHours(1));
		other.put("waitlist", false);
		Published sameTime = publish(team, other);
		List<Person> holders = this.fixtures.manyVolunteersIn("110105001", SHIFTS);
		List<Person> waiting = this.fixtures.manyVolunteersIn("110105001", SHIFTS);
		List<Person> behind = this.fixtures.manyVolunteersIn("110105001", SHIFTS / 2);
		List<Person> busy = this.fixtures.manyVolunteersIn("110105001", SHIFTS / 3);

		List<String> held = signUpEach(holders, fullActivity, 1, "APPROVED").stream()
			.map((a) -> a.json().get("id").asString())
			.toList();
		signUpEach(waiting, fullActivity, 1, "WAITLISTED");
		// every other shift has a second volunteer in line, who could take a place the
		// first cannot
		signUpEach(behind, fullActivity, 2, "WAITLISTED");
		signUpEach(busy, sameTime, 3, "APPROVED");

		List<Call> elsewhere = new ArrayList<>();
		for (int i = 0; i < SHIFTS; i++) {
			elsewhere.add(signUp(this.fixtures.tokenFor(waiting.get(i)), sameTime, i));
		}
		return new Race(fullActivity, sameTime, this.fixtures.tokenFor(team.admin()), holders, held, waiting,
				elsewhere);
	}

	/**
	 * Signs the volunteers up at once, the first for the first shift, the next for the
	 * shift {@code every} further on and so on: the answers, each with the status.
	 */
	private List<Response> signUpEach(List<Person> volunteers, Published activity, int every, String status)
			throws Exception {
		List<Call> calls = new ArrayList<>();
		for (int v = 0; v < volunteers.size(); v++) {
			calls.add(signUp(this.fixtures.tokenFor(volunteers.get(v)), activity, v * every));
		}
		List<Response> answers = Concurrently.send(this.port, calls);
		assertThat(answers).extracting((a) -> a.json().get("status").asString()).containsOnly(status);
		return answers;
	}

	/** An activity of {@value #SHIFTS} shifts of one place, all at the same time. */
	private static Map<String, Object> sameShifts(Team team, OffsetDateTime start) {
		List<Map<String, Object>> shifts = new ArrayList<>();
		for (int i = 0; i < SHIFTS; i++) {
			shifts.add(shift("第" + (i + 1) + "组", 1, start, start.plusHours(3)));
		}
		Map<String, Object> body = shifts(team, start);
		body.put("positions", shifts);
		return body;
	}

	private static Call signUp(String token, Published activity, int position) {
		return Call.post(token, "/api/v1/activities/" + activity.id() + "/signups",
				"{\"positionId\":\"" + activity.position(position) + "\"}");
	}

	/**
	 * How many pairs of the volunteer's accepted sign-ups overlap in time, each by its
	 * shift's time when it has one. The times are read by sign-up and compared here, so
	 * that a Citus cluster, which keeps sign-ups by activity, runs it too.
	 */
	private long overlappingAccepted(UUID volunteerId) {
		List<OffsetDateTime[]> times = acceptedTimes(volunteerId, null);
		long pairs = 0;
		for (int i = 0; i < times.size(); i++) {
			for (int j = i + 1; j < times.size(); j++) {
				if (times.get(i)[0].isBefore(times.get(j)[1]) && times.get(j)[0].isBefore(times.get(i)[1])) {
					pairs++;
				}
			}
		}
		return pairs;
	}

	/**
	 * The times of the volunteer's accepted sign-ups, other than at
	 * {@code exceptActivity} when given.
	 */
	private List<OffsetDateTime[]> acceptedTimes(UUID volunteerId, UUID exceptActivity) {
		return this.jdbc
			.sql("SELECT COALESCE(p.starts_at, a.starts_at), COALESCE(p.ends_at, a.ends_at) FROM signup s"
					+ " JOIN activity a ON a.id = s.activity_id JOIN activity_position p ON p.id = s.position_id"
					+ " AND p.activity_id = s.activity_id WHERE s.volunteer_id = :v AND s.status = 'APPROVED'"
					+ ((exceptActivity != null) ? " AND s.activity_id <> :except" : ""))
			.param("v", volunteerId)
			.param("except", exceptActivity)
			.query((rs,
					n) -> new OffsetDateTime[] { rs.getObject(1, OffsetDateTime.class),
							rs.getObject(2, OffsetDateTime.class) })
			.list();
	}

	/**
	 * The places of the position a waiting list could fill: those taken, plus, if any is
	 * free, one for each volunteer waiting there who serves nowhere else at the time, up
	 * to the capacity.
	 */
	private long takeable(String positionId) {
		Map<String, Object> position = this.jdbc
			.sql("SELECT activity_id, capacity, accepted FROM activity_position WHERE id = :p")
			.param("p", UUID.fromString(positionId))
			.query()
			.singleRow();
		UUID activityId = (UUID) position.get("activity_id");
		OffsetDateTime[] shift = this.jdbc.sql("SELECT starts_at, ends_at FROM activity_position WHERE id = :p")
			.param("p", UUID.fromString(positionId))
			.query((rs,
					n) -> new OffsetDateTime[] { rs.getObject(1, OffsetDateTime.class),
							rs.getObject(2, OffsetDateTime.class) })
			.single();
		List<UUID> waiting = this.jdbc
			.sql("SELECT volunteer_id FROM signup WHERE activity_id = :a AND position_id = :p"
					+ " AND status = 'WAITLISTED'")
			.param("a", activityId)
			.param("p", UUID.fromString(positionId))
			.query(UUID.class)
			.list();
		long free = waiting.stream()
			.filter((volunteer) -> acceptedTimes(volunteer, activityId).stream()
				.noneMatch((t) -> t[0].isBefore(shift[1]) && t[1].isAfter(shift[0])))
			.count();
		long capacity = ((Number) position.get("capacity")).longValue();
		long accepted = ((Number) position.get("accepted")).longValue();
		return Math.min(capacity, accepted + free);
	}

	/**
	 * Every position's accepted count equals the sign-ups holding one of its places, and
	 * is within its capacity.
	 */
	private void assertCounted(Published activity) {
		for (String position : activity.positions()) {
			assertThat(accepted(position)).isEqualTo(holdingPlaces(position))
				.isLessThanOrEqualTo(this.jdbc.sql("SELECT capacity FROM activity_position WHERE id = :id")
					.param("id", UUID.fromString(position))
					.query(Long.class)
					.single());
		}
	}

	/**
	 * The full activity and the one at the same time, the organizer's token, each shift's
	 * holder and their sign-up, its first waiting volunteer and their sign-up elsewhere.
	 */
	private record Race(Published full, Published sameTime, String organizer, List<Person> holders, List<String> held,
			List<Person> waiting, List<Call> elsewhere) {

	}

}
