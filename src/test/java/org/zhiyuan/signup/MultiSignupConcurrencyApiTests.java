package org.zhiyuan.signup;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Concurrently;
import org.zhiyuan.support.Concurrently.Call;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiyuan.support.ActivityFixtures.anActivity;

/**
 * Sign-ups written together race each other and single sign-ups over HTTP, on each
 * database: a request for several shifts, or a team leader's or guardian's request for
 * several people, is written whole or not at all, and no position ever takes more than
 * its capacity.
 */
class MultiSignupConcurrencyApiTests extends SignupTestSupport {

	@Test
	void givesEveryShiftOfARequestOrNoneWhileSinglesRaceForTheSamePlaces() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		OffsetDateTime saturday = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).withNano(0);
		Map<String, Object> body = anActivity(team.id().toString(), 1);
		body.put("endsAt", saturday.plusDays(1).plusHours(4).toString());
		body.put("startsAt", saturday.toString());
		body.put("waitlist", false);
		body.put("positions",
				List.of(Map.of("name", "周六班", "capacity", 10, "startsAt", saturday.toString(), "endsAt",
						saturday.plusHours(4).toString()),
						Map.of("name", "周日班", "capacity", 5, "startsAt", saturday.plusDays(1).toString(), "endsAt",
								saturday.plusDays(1).plusHours(4).toString())));
		var created = admin.post("/api/v1/activities", body).json();
		String activityId = created.get("id").asString();
		String saturdayShift = created.get("positions").get(0).get("id").asString();
		String sundayShift = created.get("positions").get(1).get("id").asString();
		assertThat(admin.post("/api/v1/activities/" + activityId + "/publish", Map.of()).status()).isEqualTo(200);

		List<Person> pairs = this.fixtures.manyVolunteersIn("110105001", 30);
		List<Person> singles = this.fixtures.manyVolunteersIn("110105001", 15);
		List<Call> calls = new ArrayList<>();
		for (Person person : pairs) {
			calls.add(Call.post(this.fixtures.tokenFor(person), "/api/v1/activities/" + activityId + "/signups/shifts",
					"{\"positionIds\":[\"" + saturdayShift + "\",\"" + sundayShift + "\"]}"));
		}
		for (Person person : singles) {
			calls.add(Call.post(this.fixtures.tokenFor(person), "/api/v1/activities/" + activityId + "/signups",
					"{\"positionId\":\"" + saturdayShift + "\"}"));
		}

		List<Integer> statuses = Concurrently.statuses(this.port, calls);

		assertThat(statuses).containsOnly(201, 409);
		long pairsSignedUp = statuses.subList(0, pairs.size()).stream().filter((s) -> s == 201).count();
		long singlesSignedUp = statuses.subList(pairs.size(), statuses.size()).stream().filter((s) -> s == 201).count();
		assertThat(accepted(saturdayShift)).isLessThanOrEqualTo(10)
			.isEqualTo(holdingPlaces(saturdayShift))
			.isEqualTo(pairsSignedUp + singlesSignedUp);
		assertThat(accepted(sundayShift)).isLessThanOrEqualTo(5)
			.isEqualTo(holdingPlaces(sundayShift))
			.isEqualTo(pairsSignedUp);
		assertThat(pairsSignedUp).as("some pair got both shifts").isPositive();
		for (Person person : pairs) {
			assertThat(signupsOf(person.volunteerId(), activityId, true)).as("both shifts or none").isIn(0L, 2L);
		}
	}

	@Test
	void signsUpAWholeTeamOrNobodyWhenLeadersAndGuardiansRaceForFewPlaces() throws Exception {
		Team organizer = this.fixtures.anActiveTeamIn("110105");
		Api admin = this.api.as(this.fixtures.tokenFor(organizer.admin()));
		Map<String, Object> body = anActivity(organizer.id().toString(), 10);
		body.put("waitlist", false);
		var created = admin.post("/api/v1/activities", body).json();
		String activityId = created.get("id").asString();
		String positionId = created.get("positions").get(0).get("id").asString();
		admin.post("/api/v1/activities/" + activityId + "/publish", Map.of());

		List<Call> calls = new ArrayList<>();
		List<List<UUID>> groups = new ArrayList<>();
		for (int t = 0; t < 5; t++) {
			Team team = this.fixtures.anActiveTeamIn("110105");
			List<UUID> members = this.fixtures.manyVolunteersIn("110105001", 4)
				.stream()
				.map(Person::volunteerId)
				.toList();
			members.forEach((m) -> joinTeam(team.id(), m));
			groups.add(members);
			String token = this.fixtures.tokenFor(team.admin());
			String request = groupBody(positionId, members);
			// every leader taps twice: only one of the two may go through
			calls.add(Call.post(token, "/api/v1/activities/" + activityId + "/signups/group", request));
			calls.add(Call.post(token, "/api/v1/activities/" + activityId + "/signups/group", request));
		}
		for (int g = 0; g < 3; g++) {
			Person guardian = this.fixtures.manyVolunteersIn("110105001", 1).get(0);
			List<UUID> children = this.fixtures.manyVolunteersIn("110105001", 2)
				.stream()
				.map(Person::volunteerId)
				.toList();
			children.forEach((c) -> guardianOf(c, guardian));
			groups.add(children);
			calls.add(Call.post(this.fixtures.tokenFor(guardian), "/api/v1/activities/" + activityId + "/signups/group",
					groupBody(positionId, children)));
		}

		List<Integer> statuses = Concurrently.statuses(this.port, calls);

		assertThat(statuses).containsOnly(201, 409);
		long signedUp = 0;
		for (List<UUID> group : groups) {
			List<Long> each = group.stream().map((v) -> signupsOf(v, activityId, true)).toList();
			assertThat(each).as("the whole group or nobody").containsAnyOf(0L, 1L).doesNotContain(2L);
			assertThat(each.stream().distinct().count()).as("the whole group or nobody").isEqualTo(1);
			signedUp += each.stream().mapToLong(Long::longValue).sum();
		}
		assertThat(accepted(positionId)).isLessThanOrEqualTo(10)
			.isEqualTo(holdingPlaces(positionId))
			.isEqualTo(signedUp)
			.isPositive();
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM signup WHERE activity_id = :a AND (signed_up_via <> 'GROUP' OR signed_up_by IS"
					+ " NULL)")
			.param("a", UUID.fromString(activityId))
			.query(Long.class)
			.single()).as("every sign-up recorded as made by the leader or guardian").isZero();
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'signup.create.group' AND object_id IN"
					+ " (SELECT CAST(id AS VARCHAR(36)) FROM signup WHERE activity_id = :a)")
			.param("a", UUID.fromString(activityId))
			.query(Long.class)
			.single()).isEqualTo(signedUp);
	}

	private static String groupBody(String positionId, List<UUID> volunteers) {
		return "{\"positionId\":\"" + positionId + "\",\"volunteerIds\":["
				+ volunteers.stream().map((v) -> "\"" + v + "\"").collect(Collectors.joining(",")) + "]}";
	}

}
