package org.zhiyuan.signup;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiyuan.support.ActivityFixtures.anActivity;

/**
 * Shifts, requirements beyond age, sign-ups by a team leader or guardian, and an
 * organizer's direct addition, through the API.
 */
class MultiSignupApiTests extends SignupTestSupport {

	@Test
	void takesSeveralShiftsThatDoNotOverlapAndRefusesOnesThatDo() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).withNano(0);
		Published activity = publish(team,
				shifts(team, start, shift("周六上午", 5, start, start.plusHours(3)),
						shift("周六下午", 5, start.plusHours(2), start.plusHours(6)),
						shift("周日", 5, start.plusDays(1), start.plusDays(1).plusHours(3))));
		Person volunteer = this.fixtures.aVolunteerIn("110105001");
		Api api = this.api.as(this.fixtures.tokenFor(volunteer)).in("en");

		Response overlapping = api.post("/api/v1/activities/" + activity.id() + "/signups/shifts",
				Map.of("positionIds", List.of(activity.position(0), activity.position(1))));
		assertThat(overlapping.status()).isEqualTo(422);
		assertThat(overlapping.problemCode()).isEqualTo("REQUIREMENT_NOT_MET");
		assertThat(overlapping.json().get("detail").asString()).contains("overlap");
		assertThat(activeSignups(volunteer)).isZero();

		Response both = api.post("/api/v1/activities/" + activity.id() + "/signups/shifts",
				Map.of("positionIds", List.of(activity.position(0), activity.position(2))));
		assertThat(both.status()).isEqualTo(201);
		assertThat(both.json().get("items")).hasSize(2);
		assertThat(both.json().get("items").findValuesAsString("status")).containsOnly("APPROVED");
		assertThat(activeSignups(volunteer)).isEqualTo(2);

		Response clash = api.post("/api/v1/activities/" + activity.id() + "/signups",
				Map.of("positionId", activity.position(1)));
		assertThat(clash.status()).isEqualTo(409);
		assertThat(clash.problemCode()).isEqualTo("ALREADY_SIGNED_UP");
		Response again = api.post("/api/v1/activities/" + activity.id() + "/signups/shifts",
				Map.of("positionIds", List.of(activity.position(2))));
		assertThat(again.problemCode()).isEqualTo("ALREADY_SIGNED_UP");
	}

	@Test
	void keepsOneWholeActivityPlacePerVolunteerAsBefore() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Map<String, Object> body = anActivity(team.id().toString(), 5);
		body.put("positions", List.of(Map.of("name", "A", "capacity", 5), Map.of("name", "B", "capacity", 5)));
		Published activity = publish(team, body);
		Api api = this.api.as(this.fixtures.tokenFor(this.fixtures.aVolunteerIn("110105001")));
		assertThat(
				api.post("/api/v1/activities/" + activity.id() + "/signups", Map.of("positionId", activity.position(0)))
					.status())
			.isEqualTo(201);
		assertThat(
				api.post("/api/v1/activities/" + activity.id() + "/signups", Map.of("positionId", activity.position(1)))
					.problemCode())
			.isEqualTo("ALREADY_SIGNED_UP");
	}

	@Test
	void refusesPositionsAskingForAnotherGenderOrMoreExperienceWithAReason() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Map<String, Object> body = anActivity(team.id().toString(), 5);
		body.put("positions",
				List.of(Map.of("name", "男队员", "capacity", 5, "gender", "MALE"),
						Map.of("name", "骨干", "capacity", 5, "minHours", "20.00"),
						Map.of("name", "老队员", "capacity", 5, "minServices", 3)));
		Published activity = publish(team, body);
		// the bulk volunteers are women with no service yet
		Person volunteer = this.fixtures.manyVolunteersIn("110105001", 1).get(0);
		Api zh = this.api.as(this.fixtures.tokenFor(volunteer));
		Api en = zh.in("en");

		Response gender = zh.post("/api/v1/activities/" + activity.id() + "/signups",
				Map.of("positionId", activity.position(0)));
		assertThat(gender.status()).isEqualTo(422);
		assertThat(gender.problemCode()).isEqualTo("REQUIREMENT_NOT_MET");
		assertThat(gender.json().get("detail").asString()).contains("仅限男性");
		Response hours = en.post("/api/v1/activities/" + activity.id() + "/signups",
				Map.of("positionId", activity.position(1)));
		assertThat(hours.problemCode()).isEqualTo("REQUIREMENT_NOT_MET");
		assertThat(hours.json().get("detail").asString()).contains("at least 20.00 hours").contains("0.00");
		Response services = en.post("/api/v1/activities/" + activity.id() + "/signups",
				Map.of("positionId", activity.position(2)));
		assertThat(services.problemCode()).isEqualTo("REQUIREMENT_NOT_MET");
		assertThat(services.json().get("detail").asString()).contains("at least 3 earlier services");
		assertThat(activeSignups(volunteer)).isZero();

		var detail = this.api.get("/api/v1/activities/" + activity.id()).json().get("positions");
		assertThat(detail.get(0).get("gender").asString()).isEqualTo("MALE");
		assertThat(detail.get(1).get("minHours").asString()).isEqualTo("20.00");
		assertThat(detail.get(2).get("minServices").asInt()).isEqualTo(3);
	}

	@Test
	void refusesRequirementsAndShiftsThatMakeNoSense() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		Map<String, Object> body = anActivity(team.id().toString(), 5);
		OffsetDateTime start = OffsetDateTime.parse((String) body.get("startsAt"));
		body.put("positions", List.of(Map.of("name", "A", "capacity", 5, "gender", "OTHER")));
		assertThat(admin.post("/api/v1/activities", body).json().get("errors").findValuesAsString("field"))
			.containsExactly("positions[0].gender");
		body.put("positions",
				List.of(Map.of("name", "A", "capacity", 5, "minServices", -1, "minHours", "1.234"),
						Map.of("name", "B", "capacity", 5, "startsAt", start.minusHours(1).toString(), "endsAt",
								start.plusHours(1).toString()),
						Map.of("name", "C", "capacity", 5, "startsAt", start.toString())));
		Response refused = admin.post("/api/v1/activities", body);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").findValuesAsString("field")).contains("positions[0].minServices",
				"positions[0].minHours", "positions[1].startsAt", "positions[2].endsAt");
	}

	@Test
	void letsATeamLeaderAndAGuardianSignUpTheirPeopleAndNobodyElse() {
		Team organizer = this.fixtures.anActiveTeamIn("110105");
		Published activity = publish(organizer, anActivity(organizer.id().toString(), 10));
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person member = this.fixtures.aVolunteerIn("110105001");
		Person stranger = this.fixtures.aVolunteerIn("110105001");
		joinTeam(team.id(), member.volunteerId());
		Api leader = this.api.as(this.fixtures.tokenFor(team.admin())).in("en");

		Response notTheirs = leader.post("/api/v1/activities/" + activity.id() + "/signups/group", Map.of("positionId",
				activity.position(0), "volunteerIds", List.of(member.volunteerId(), stranger.volunteerId())));
		assertThat(notTheirs.status()).isEqualTo(403);
		assertThat(activeSignups(member)).as("nobody when one may not be signed up").isZero();

		Response signed = leader.post("/api/v1/activities/" + activity.id() + "/signups/group", Map.of("positionId",
				activity.position(0), "volunteerIds", List.of(member.volunteerId(), team.admin().volunteerId())));
		assertThat(signed.status()).isEqualTo(201);
		assertThat(signed.json().get("items").findValuesAsString("signedUpVia")).containsOnly("GROUP");
		assertThat(this.jdbc.sql("SELECT signed_up_by FROM signup WHERE volunteer_id = :v")
			.param("v", member.volunteerId())
			.query(UUID.class)
			.single()).isEqualTo(team.admin().id());

		Response twice = leader.post("/api/v1/activities/" + activity.id() + "/signups/group",
				Map.of("positionId", activity.position(0), "volunteerIds", List.of(member.volunteerId())));
		assertThat(twice.problemCode()).isEqualTo("ALREADY_SIGNED_UP");
		assertThat(twice.json().get("detail").asString()).startsWith("测试志愿者: ");

		Person parent = this.fixtures.aVolunteerIn("110105001");
		Person child = this.fixtures.manyVolunteersIn("110105001", 1).get(0);
		guardianOf(child.volunteerId(), parent);
		Response byParent = this.api.as(this.fixtures.tokenFor(parent))
			.post("/api/v1/activities/" + activity.id() + "/signups/group",
					Map.of("positionId", activity.position(0), "volunteerIds", List.of(child.volunteerId())));
		assertThat(byParent.status()).isEqualTo(201);
		Response notAParent = this.api.as(this.fixtures.tokenFor(stranger))
			.post("/api/v1/activities/" + activity.id() + "/signups/group",
					Map.of("positionId", activity.position(0), "volunteerIds", List.of(child.volunteerId())));
		assertThat(notAParent.status()).isEqualTo(403);
	}

	@Test
	void refusesAGroupWhenFewerPlacesAreLeftThanPeople() {
		Team organizer = this.fixtures.anActiveTeamIn("110105");
		Map<String, Object> body = anActivity(organizer.id().toString(), 2);
		Published activity = publish(organizer, body);
		Team team = this.fixtures.anActiveTeamIn("110105");
		List<Person> members = this.fixtures.manyVolunteersIn("110105001", 3);
		members.forEach((m) -> joinTeam(team.id(), m.volunteerId()));
		Response full = this.api.as(this.fixtures.tokenFor(team.admin()))
			.post("/api/v1/activities/" + activity.id() + "/signups/group", Map.of("positionId", activity.position(0),
					"volunteerIds", members.stream().map(Person::volunteerId).toList()));
		assertThat(full.status()).isEqualTo(409);
		assertThat(full.problemCode()).isEqualTo("ACTIVITY_FULL");
		assertThat(this.jdbc.sql("SELECT accepted FROM activity_position WHERE id = :p")
			.param("p", UUID.fromString(activity.position(0)))
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void letsTheOrganizerAddAVolunteerDirectlyWithAReasonAfterTheDeadline() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Map<String, Object> body = anActivity(team.id().toString(), 1);
		body.put("approval", "MANUAL");
		Published activity = publish(team, body);
		Person volunteer = this.fixtures.aVolunteerIn("110105001");
		Person other = this.fixtures.aVolunteerIn("110105001");
		this.jdbc.sql("UPDATE activity SET signup_deadline = :past WHERE id = :id")
			.param("past", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1))
			.param("id", UUID.fromString(activity.id()))
			.update();
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));

		Response noReason = admin.post("/api/v1/activities/" + activity.id() + "/signups/direct",
				Map.of("volunteerId", volunteer.volunteerId(), "positionId", activity.position(0)));
		assertThat(noReason.status()).isEqualTo(400);
		Response byVolunteer = this.api.as(this.fixtures.tokenFor(other))
			.post("/api/v1/activities/" + activity.id() + "/signups/direct", Map.of("volunteerId",
					volunteer.volunteerId(), "positionId", activity.position(0), "reason", "现场补位"));
		assertThat(byVolunteer.status()).isEqualTo(403);

		Response added = admin.post("/api/v1/activities/" + activity.id() + "/signups/direct",
				Map.of("volunteerId", volunteer.volunteerId(), "positionId", activity.position(0), "reason", "现场补位"));
		assertThat(added.status()).isEqualTo(201);
		assertThat(added.json().get("status").asString()).isEqualTo("APPROVED");
		assertThat(added.json().get("signedUpVia").asString()).isEqualTo("DIRECT");
		assertThat(this.jdbc.sql("SELECT reason FROM signup_event WHERE signup_id = :s AND status = 'APPROVED'")
			.param("s", UUID.fromString(added.json().get("id").asString()))
			.query(String.class)
			.single()).isEqualTo("现场补位");
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'signup.create.direct'"
					+ " AND object_id = :s AND actor_id = :a")
			.param("s", added.json().get("id").asString())
			.param("a", team.admin().id())
			.query(Long.class)
			.single()).isEqualTo(1);

		Response full = admin.post("/api/v1/activities/" + activity.id() + "/signups/direct",
				Map.of("volunteerId", other.volunteerId(), "positionId", activity.position(0), "reason", "现场补位"));
		assertThat(full.problemCode()).isEqualTo("ACTIVITY_FULL");
	}

	private long activeSignups(Person volunteer) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM signup WHERE volunteer_id = :v AND status IN ('APPROVED', 'PENDING',"
					+ " 'WAITLISTED')")
			.param("v", volunteer.volunteerId())
			.query(Long.class)
			.single();
	}

}
