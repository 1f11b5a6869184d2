package org.zhiyuan.signup;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.Concurrently;
import org.zhiyuan.support.Concurrently.Call;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiyuan.support.ActivityFixtures.anActivity;

/**
 * Races between separate requests, over HTTP, on each database: a volunteer asking for
 * two overlapping shifts or activities at the same moment gets at most one; a request for
 * several shifts or people never lands partly on a waiting list; two approvals of the
 * last place, or of one sign-up, accept once and count once; and nobody moves up from a
 * waiting list into a time they already serve elsewhere.
 */
class SignupRaceApiTests extends SignupTestSupport {

	private static final int VOLUNTEERS = 16;

	@Test
	void acceptsOnlyOneOfTwoOverlappingShiftsAskedForSeparatelyAtTheSameMoment() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105");
		OffsetDateTime start = nextWeek();
		Published activity = publish(team, shifts(team, start, shift("上午班", 50, start, start.plusHours(3)),
				shift("午间班", 50, start.plusHours(2), start.plusHours(5))));

		acceptsOneOfEachPair(signUp(activity, 0), signUp(activity, 1), 409, "ALREADY_SIGNED_UP");

		assertCounted(activity);
	}

	@Test
	void acceptsOnlyOneOfTwoOverlappingActivitiesAskedForAtTheSameMoment() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Published morning = publish(team, anActivity(team.id().toString(), 50));
		Published sameTime = publish(team, anActivity(team.id().toString(), 50));

		acceptsOneOfEachPair(signUp(morning, 0), signUp(sameTime, 0), 422, "REQUIREMENT_NOT_MET");

		assertCounted(morning);
		assertCounted(sameTime);
	}

	/**
	 * Fresh volunteers each send both sign-ups at the same moment: one of the two is
	 * accepted, the other refused with the status and code, and each volunteer ends up
	 * with one sign-up.
	 */
	private void acceptsOneOfEachPair(Function<String, Call> one, Function<String, Call> other, int refusal,
			String code) throws Exception {
		List<Person> volunteers = this.fixtures.manyVolunteersIn("110105001", VOLUNTEERS);
		List<Call> calls = new ArrayList<>();
		for (Person volunteer : volunteers) {
			String token = this.fixtures.tokenFor(volunteer);
			calls.add(one.apply(token));
			calls.add(other.apply(token));
		}

		List<Response> answers = Concurrently.send(this.port, calls);

		for (int v = 0; v < volunteers.size(); v++) {
			List<Response> theirs = answers.subList(2 * v, 2 * v + 2);
			assertOneOfTwo(theirs, 201, refusal, code);
			assertThat(this.jdbc
				.sql("SELECT COUNT(*) FROM signup WHERE volunteer_id = :v AND status IN ('APPROVED', 'PENDING',"
						+ " 'WAITLISTED')")
				.param("v", volunteers.get(v).volunteerId())
				.query(Long.class)
				.single()).isEqualTo(1);
		}
	}

	@Test
	void neverGivesAShiftRequestAndAnOverlappingSignupBoth() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105");
		OffsetDateTime start = nextWeek();
		Published activity = publish(team,
				shifts(team, start, shift("上午班", 50, start, start.plusHours(3)),
						shift("午间班", 50, start.plusHours(2), start.plusHours(5)),
						shift("晚班", 50, start.plusHours(6), start.plusHours(9))));
		Map<String, Object> elsewhere = anActivity(team.id().toString(), 50);
		elsewhere.put("startsAt", start.plusHours(7).toString());
		elsewhere.put("endsAt", start.plusHours(8).toString());
		Published other = publish(team, elsewhere);
		List<Person> volunteers = this.fixtures.manyVolunteersIn("110105001", VOLUNTEERS);
		List<Call> calls = new ArrayList<>();
		for (Person volunteer : volunteers) {
			String token = this.fixtures.tokenFor(volunteer);
			calls.add(Call.post(token, "/api/v1/activities/" + activity.id() + "/signups/shifts",
					"{\"positionIds\":[\"" + activity.position(0) + "\",\"" + activity.position(2) + "\"]}"));
			// the midday shift overlaps the morning, the other activity the evening
			calls.add(signUp(token, activity, 1));
			calls.add(signUp(token, other, 0));
		}

		List<Response> answers = Concurrently.send(this.port, calls);

		assertThat(answers).extracting(Response::status).containsOnly(201, 409, 422);
		for (int v = 0; v < volunteers.size(); v++) {
			Person volunteer = volunteers.get(v);
			List<Response> theirs = answers.subList(3 * v, 3 * v + 3);
			boolean shiftsTaken = theirs.get(0).status() == 201;
			assertThat(theirs.get(1).status() == 201).as(answered(theirs)).isNotEqualTo(shiftsTaken);
			assertThat(theirs.get(2).status() == 201).as(answered(theirs)).isNotEqualTo(shiftsTaken);
			assertThat(signupsOf(volunteer.volunteerId(), activity.id(), false)
					+ signupsOf(volunteer.volunteerId(), other.id(), false))
				.isEqualTo(2);
			assertThat(signupsOf(volunteer.volunteerId(), activity.position(0), false)).isEqualTo(shiftsTaken ? 1 : 0);
			assertThat(signupsOf(volunteer.volunteerId(), activity.position(1), false)).isEqualTo(shiftsTaken ? 0 : 1);
		}
		assertCounted(activity);
		assertCounted(other);
	}

	@Test
	void refusesAShiftOrGroupRequestWholeWhenOnePositionIsFullEvenWithAWaitingList() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		OffsetDateTime start = nextWeek();
		Map<String, Object> body = shifts(team, start, shift("周六班", 5, start, start.plusHours(3)),
				shift("周日班", 1, start.plusDays(1), start.plusDays(1).plusHours(3)));
		body.put("waitlist", true);
		Published activity = publish(team, body);
		Person first = this.fixtures.aVolunteerIn("110105001");
		assertThat(this.api.as(this.fixtures.tokenFor(first))
			.post("/api/v1/activities/" + activity.id() + "/signups", Map.of("positionId", activity.position(1)))
			.json()
			.get("status")
			.asString()).isEqualTo("APPROVED");
		Person late = this.fixtures.aVolunteerIn("110105001");

		Response both = this.api.as(this.fixtures.tokenFor(late))
			.in("en")
			.post("/api/v1/activities/" + activity.id() + "/signups/shifts",
					Map.of("positionIds", List.of(activity.position(0), activity.position(1))));

		assertThat(both.status()).isEqualTo(409);
		assertThat(both.problemCode()).isEqualTo("ACTIVITY_FULL");
		assertThat(both.json().get("detail").asString()).contains("周日班").contains("nobody was signed up");
		assertThat(signupsOf(late.volunteerId(), activity.id(), false)).as("nothing written, nothing waitlisted")
			.isZero();
		assertCounted(activity);

		Team leader = this.fixtures.anActiveTeamIn("110105");
		List<Person> members = this.fixtures.manyVolunteersIn("110105001", 5);
		members.forEach((m) -> joinTeam(leader.id(), m.volunteerId()));
		Response group = this.api.as(this.fixtures.tokenFor(leader.admin()))
			.post("/api/v1/activities/" + activity.id() + "/signups/group", Map.of("positionId", activity.position(1),
					"volunteerIds", members.stream().map(Person::volunteerId).toList()));
		assertThat(group.status()).isEqualTo(409);
		assertThat(group.problemCode()).isEqualTo("ACTIVITY_FULL");
		assertThat(group.json().get("detail").asString()).contains("周日班");
		members.forEach((m) -> assertThat(signupsOf(m.volunteerId(), activity.id(), false)).isZero());
	}

	@Test
	void shiftAndGroupRequestsRacingForTheLastPlacesNeverLandOnTheWaitingList() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105");
		OffsetDateTime start = nextWeek();
		Map<String, Object> body = shifts(team, start, shift("周六班", 40, start, start.plusHours(3)),
				shift("周日班", 6, start.plusDays(1), start.plusDays(1).plusHours(3)));
		body.put("waitlist", true);
		Published activity = publish(team, body);
		List<Person> pairs = this.fixtures.manyVolunteersIn("110105001", 10);
		List<Person> singles = this.fixtures.manyVolunteersIn("110105001", 6);
		List<List<Person>> groups = new ArrayList<>();
		List<Call> calls = new ArrayList<>();
		for (Person person : pairs) {
			calls.add(
					Call.post(this.fixtures.tokenFor(person), "/api/v1/activities/" + activity.id() + "/signups/shifts",
							"{\"positionIds\":[\"" + activity.position(0) + "\",\"" + activity.position(1) + "\"]}"));
		}
		for (int g = 0; g < 4; g++) {
			Team leader = this.fixtures.anActiveTeamIn("110105");
			List<Person> members = this.fixtures.manyVolunteersIn("110105001", 3);
			members.forEach((m) -> joinTeam(leader.id(), m.volunteerId()));
			groups.add(members);
			calls.add(Call.post(this.fixtures.tokenFor(leader.admin()),
					"/api/v1/activities/" + activity.id() + "/signups/group",
					"{\"positionId\":\"" + activity.position(1) + "\",\"volunteerIds\":["
							+ String.join(",", members.stream().map((m) -> "\"" + m.volunteerId() + "\"").toList())
							+ "]}"));
		}
		for (Person person : singles) {
			calls.add(signUp(this.fixtures.tokenFor(person), activity, 1));
		}

		List<Response> answers = Concurrently.send(this.port, calls);

		int requests = pairs.size() + groups.size();
		assertThat(answers.subList(0, requests)).extracting(Response::status).containsOnly(201, 409);
		assertThat(answers.subList(0, requests)).filteredOn((a) -> a.status() == 409)
			.extracting(Response::problemCode)
			.containsOnly("ACTIVITY_FULL");
		assertThat(answers.subList(requests, answers.size())).extracting(Response::status)
			.as("a single sign-up still joins the waiting list")
			.containsOnly(201);
		long taken = 0;
		for (int p = 0; p < pairs.size(); p++) {
			long held = signupsOf(pairs.get(p).volunteerId(), activity.id(), true);
			assertThat(held).as("both shifts or none").isEqualTo((answers.get(p).status() == 201) ? 2 : 0);
			assertThat(signupsOf(pairs.get(p).volunteerId(), activity.id(), false)).as("never waitlisted")
				.isEqualTo(held);
			taken += held / 2;
		}
		for (int g = 0; g < groups.size(); g++) {
			boolean signed = answers.get(pairs.size() + g).status() == 201;
			for (Person member : groups.get(g)) {
				assertThat(signupsOf(member.volunteerId(), activity.id(), true)).as("the whole group or nobody")
					.isEqualTo(signed ? 1 : 0);
				assertThat(signupsOf(member.volunteerId(), activity.id(), false)).as("never waitlisted")
					.isEqualTo(signed ? 1 : 0);
			}
			taken += signed ? groups.get(g).size() : 0;
		}
		long singlesAccepted = singles.stream().mapToLong((s) -> signupsOf(s.volunteerId(), activity.id(), true)).sum();
		assertThat(taken + singlesAccepted).isEqualTo(6);
		assertThat(accepted(activity.position(1))).isEqualTo(6);
		assertCounted(activity);
	}

	@Test
	void approvesOnlyOneOfTwoPendingSignupsForTheLastPlace() throws Exception {
		Person operator = this.fixtures.anOperatorOf("110105");
		List<Call> calls = new ArrayList<>();
		List<Manual> activities = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			Manual manual = manualActivity(1, false, 2);
			activities.add(manual);
			// the organizer and the region's operator, each approving another sign-up
			calls.add(approve(manual.adminToken(), manual.pending().get(0)));
			calls.add(approve(this.fixtures.tokenFor(operator), manual.pending().get(1)));
		}

		List<Response> answers = Concurrently.send(this.port, calls);

		for (int i = 0; i < activities.size(); i++) {
			Manual manual = activities.get(i);
			List<Response> two = answers.subList(2 * i, 2 * i + 2);
			assertOneOfTwo(two, 200, 409, "ACTIVITY_FULL");
			assertThat(statusesOf(manual.pending())).containsExactlyInAnyOrder("APPROVED", "PENDING");
			assertThat(accepted(manual.positionId())).isEqualTo(1).isEqualTo(holdingPlaces(manual.positionId()));
		}
	}

	@Test
	void movesTheLoserToTheWaitingListWhenTheActivityHasOne() throws Exception {
		Manual manual = manualActivity(1, true, 2);
		String operator = this.fixtures.tokenFor(this.fixtures.anOperatorOf("110105"));

		List<Response> answers = Concurrently.send(this.port, List
			.of(approve(manual.adminToken(), manual.pending().get(0)), approve(operator, manual.pending().get(1))));

		assertThat(answers).extracting(Response::status).containsOnly(200);
		assertThat(answers).extracting((a) -> a.json().get("status").asString())
			.containsExactlyInAnyOrder("APPROVED", "WAITLISTED");
		assertThat(statusesOf(manual.pending())).containsExactlyInAnyOrder("APPROVED", "WAITLISTED");
		assertThat(accepted(manual.positionId())).isEqualTo(1).isEqualTo(holdingPlaces(manual.positionId()));
	}

	@Test
	void approvingOneSignupTwiceAtOnceAcceptsAndCountsItOnce() throws Exception {
		List<Call> calls = new ArrayList<>();
		List<Manual> activities = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			Manual manual = manualActivity(3, false, 1);
			activities.add(manual);
			calls.add(approve(manual.adminToken(), manual.pending().get(0)));
			calls.add(approve(manual.adminToken(), manual.pending().get(0)));
		}

		List<Response> answers = Concurrently.send(this.port, calls);

		for (int i = 0; i < activities.size(); i++) {
			Manual manual = activities.get(i);
			List<Response> two = answers.subList(2 * i, 2 * i + 2);
			assertOneOfTwo(two, 200, 409, "INVALID_STATUS");
			assertThat(statusesOf(manual.pending())).containsExactly("APPROVED");
			assertThat(accepted(manual.positionId())).isEqualTo(1).isEqualTo(holdingPlaces(manual.positionId()));
			UUID signup = UUID.fromString(manual.pending().get(0));
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM signup_event WHERE signup_id = :s AND status = 'APPROVED'")
				.param("s", signup)
				.query(Long.class)
				.single()).as("approved once").isEqualTo(1);
			assertThat(
					this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'signup.approve' AND object_id = :s")
						.param("s", signup.toString())
						.query(Long.class)
						.single())
				.isEqualTo(1);
		}
	}

	@Test
	void approvingOverlappingSignupsOfOneVolunteerAtOnceAcceptsOne() throws Exception {
		List<Call> calls = new ArrayList<>();
		List<Person> volunteers = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			Manual one = manualActivity(5, false, 0);
			Manual other = manualActivity(5, false, 0);
			Person volunteer = this.fixtures.manyVolunteersIn("110105001", 1).get(0);
			volunteers.add(volunteer);
			Api api = this.api.as(this.fixtures.tokenFor(volunteer));
			// pending sign-ups are no service yet: both may be asked for
			String first = api
				.post("/api/v1/activities/" + one.id() + "/signups", Map.of("positionId", one.positionId()))
				.json()
				.get("id")
				.asString();
			String second = api
				.post("/api/v1/activities/" + other.id() + "/signups", Map.of("positionId", other.positionId()))
				.json()
				.get("id")
				.asString();
			calls.add(approve(one.adminToken(), first));
			calls.add(approve(other.adminToken(), second));
		}

		List<Response> answers = Concurrently.send(this.port, calls);

		for (int i = 0; i < volunteers.size(); i++) {
			List<Response> two = answers.subList(2 * i, 2 * i + 2);
			assertOneOfTwo(two, 200, 422, "REQUIREMENT_NOT_MET");
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM signup WHERE volunteer_id = :v AND status = 'APPROVED'")
				.param("v", volunteers.get(i).volunteerId())
				.query(Long.class)
				.single()).isEqualTo(1);
		}
	}

	@Test
	void passesOverAWaitingVolunteerWhoMeanwhileServesElsewhereAtTheSameTime() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Map<String, Object> body = anActivity(team.id().toString(), 1);
		body.put("waitlist", true);
		Published full = publish(team, body);
		Published sameTime = publish(team, anActivity(team.id().toString(), 5));
		List<Person> people = this.fixtures.manyVolunteersIn("110105001", 3);
		Api first = this.api.as(this.fixtures.tokenFor(people.get(0)));
		Api busy = this.api.as(this.fixtures.tokenFor(people.get(1)));
		Api next = this.api.as(this.fixtures.tokenFor(people.get(2)));
		String place = first
			.post("/api/v1/activities/" + full.id() + "/signups", Map.of("positionId", full.position(0)))
			.json()
			.get("id")
			.asString();
		String busyWaiting = busy
			.post("/api/v1/activities/" + full.id() + "/signups", Map.of("positionId", full.position(0)))
			.json()
			.get("id")
			.asString();
		String nextWaiting = next
			.post("/api/v1/activities/" + full.id() + "/signups", Map.of("positionId", full.position(0)))
			.json()
			.get("id")
			.asString();
		// waiting is no service yet: the same time elsewhere may be taken
		assertThat(busy
			.post("/api/v1/activities/" + sameTime.id() + "/signups", Map.of("positionId", sameTime.position(0)))
			.json()
			.get("status")
			.asString()).isEqualTo("APPROVED");

		assertThat(first.send("DELETE", "/api/v1/signups/" + place).status()).isEqualTo(200);

		assertThat(statusesOf(List.of(busyWaiting, nextWaiting))).containsExactly("WAITLISTED", "APPROVED");
		assertThat(accepted(full.position(0))).isEqualTo(1).isEqualTo(holdingPlaces(full.position(0)));
	}

	/**
	 * A published activity with manual approval of one position and the ids of the
	 * pending sign-ups of fresh volunteers.
	 */
	private Manual manualActivity(int capacity, boolean waitlist, int pending) {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Map<String, Object> body = anActivity(team.id().toString(), capacity);
		body.put("approval", "MANUAL");
		body.put("waitlist", waitlist);
		Published activity = publish(team, body);
		List<String> ids = new ArrayList<>();
		for (Person volunteer : this.fixtures.manyVolunteersIn("110105001", pending)) {
			Response signed = this.api.as(this.fixtures.tokenFor(volunteer))
				.post("/api/v1/activities/" + activity.id() + "/signups", Map.of("positionId", activity.position(0)));
			assertThat(signed.json().get("status").asString()).isEqualTo("PENDING");
			ids.add(signed.json().get("id").asString());
		}
		return new Manual(activity.id(), activity.position(0), this.fixtures.tokenFor(team.admin()), ids);
	}

	/**
	 * Of two answers one went through with the status, and the other was refused with the
	 * status and problem code.
	 */
	private static void assertOneOfTwo(List<Response> two, int success, int refusal, String code) {
		assertThat(two).extracting(Response::status).as(answered(two)).containsExactlyInAnyOrder(success, refusal);
		assertThat(two).filteredOn((a) -> a.status() == refusal)
			.extracting(Response::problemCode)
			.containsExactly(code);
	}

	/** The answers' statuses and problem codes, to say what came back. */
	private static String answered(List<Response> answers) {
		return answers.stream()
			.map((a) -> a.status() + ((a.status() >= 400) ? " " + a.problemCode() : ""))
			.toList()
			.toString();
	}

	private static Call approve(String token, String signupId) {
		return Call.post(token, "/api/v1/signups/" + signupId + "/approve", "{}");
	}

	private static Function<String, Call> signUp(Published activity, int position) {
		return (token) -> signUp(token, activity, position);
	}

	private static Call signUp(String token, Published activity, int position) {
		return Call.post(token, "/api/v1/activities/" + activity.id() + "/signups",
				"{\"positionId\":\"" + activity.position(position) + "\"}");
	}

	private static OffsetDateTime nextWeek() {
		return OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).withNano(0);
	}

	/** Every position's accepted count equals the sign-ups holding one of its places. */
	private void assertCounted(Published activity) {
		for (String position : activity.positions()) {
			assertThat(accepted(position)).isEqualTo(holdingPlaces(position));
		}
	}

	private List<String> statusesOf(List<String> signups) {
		return signups.stream()
			.map((id) -> this.jdbc.sql("SELECT status FROM signup WHERE id = :id")
				.param("id", UUID.fromString(id))
				.query(String.class)
				.single())
			.toList();
	}

	private record Manual(String id, String positionId, String adminToken, List<String> pending) {

	}

}
