package org.zhiyuan.signup;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiyuan.support.ActivityFixtures.anActivity;
import static org.zhiyuan.support.ActivityFixtures.startingIn;

class SignupApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void acceptsWhilePlacesLastThenWaitlistsAndPromotesInOrder() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Published activity = publish(team, anActivity(team.id().toString(), 2));
		Person first = this.fixtures.aVolunteer();
		Person second = this.fixtures.aVolunteer();
		Person third = this.fixtures.aVolunteer();
		Person fourth = this.fixtures.aVolunteer();
		Response one = signUp(first, activity);
		assertThat(one.status()).isEqualTo(201);
		assertThat(one.json().get("status").asString()).isEqualTo("APPROVED");
		assertThat(signUp(first, activity).problemCode()).isEqualTo("ALREADY_SIGNED_UP");
		assertThat(signUp(second, activity).json().get("status").asString()).isEqualTo("APPROVED");
		assertThat(signUp(third, activity).json().get("status").asString()).isEqualTo("WAITLISTED");
		assertThat(signUp(fourth, activity).json().get("status").asString()).isEqualTo("WAITLISTED");
		assertThat(accepted(activity)).isEqualTo(2);

		Response cancelled = signedIn(first).send("DELETE", "/api/v1/signups/" + one.json().get("id").asString());
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(statusOf(third, activity)).as("the first in line moves up").isEqualTo("APPROVED");
		assertThat(statusOf(fourth, activity)).isEqualTo("WAITLISTED");
		assertThat(accepted(activity)).isEqualTo(2);
		assertThat(signUp(first, activity).json().get("status").asString()).as("back of the line")
			.isEqualTo("WAITLISTED");
		assertBookingsAreTheApprovedSignups();
	}

	@Test
	void answersWhatTheSignUpsRecordSaysFreshAndAfterACancellation() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Published activity = publish(team, anActivity(team.id().toString(), 1));
		Person volunteer = this.fixtures.aVolunteer();
		Person other = this.fixtures.aVolunteer();
		Response approved = signUp(volunteer, activity);
		assertThat(approved.json())
			.isEqualTo(signedIn(volunteer).get("/api/v1/signups/" + approved.json().get("id").asString()).json());
		Response waitlisted = signUp(other, activity);
		assertThat(waitlisted.json().get("status").asString()).isEqualTo("WAITLISTED");
		assertThat(waitlisted.json())
			.isEqualTo(signedIn(other).get("/api/v1/signups/" + waitlisted.json().get("id").asString()).json());
		signedIn(other).send("DELETE", "/api/v1/signups/" + waitlisted.json().get("id").asString());
		Response again = signUp(other, activity);
		assertThat(again.json().get("id")).as("the same row, started again").isEqualTo(waitlisted.json().get("id"));
		assertThat(again.json())
			.isEqualTo(signedIn(other).get("/api/v1/signups/" + again.json().get("id").asString()).json());
	}

	@Test
	void refusesWhenFullAndThereIsNoWaitingList() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Map<String, Object> body = anActivity(team.id().toString(), 1);
		body.put("waitlist", false);
		Published activity = publish(team, body);
		assertThat(signUp(this.fixtures.aVolunteer(), activity).status()).isEqualTo(201);
		Response full = signUp(this.fixtures.aVolunteer(), activity);
		assertThat(full.status()).isEqualTo(409);
		assertThat(full.problemCode()).isEqualTo("ACTIVITY_FULL");
	}

	@Test
	void manualApprovalWaitsForTheOrganizer() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Map<String, Object> body = anActivity(team.id().toString(), 1);
		body.put("approval", "MANUAL");
		Published activity = publish(team, body);
		Person volunteer = this.fixtures.aVolunteer();
		Person other = this.fixtures.aVolunteer();
		String pending = signUp(volunteer, activity).json().get("id").asString();
		String otherPending = signUp(other, activity).json().get("id").asString();
		assertThat(statusOf(volunteer, activity)).isEqualTo("PENDING");
		assertThat(accepted(activity)).isZero();
		assertThat(signedIn(volunteer).post("/api/v1/signups/" + pending + "/approve", Map.of()).status())
			.isEqualTo(403);
		Api admin = signedIn(team.admin());
		assertThat(admin.post("/api/v1/signups/" + pending + "/approve", Map.of()).json().get("status").asString())
			.isEqualTo("APPROVED");
		assertThat(admin.post("/api/v1/signups/" + otherPending + "/approve", Map.of()).json().get("status").asString())
			.as("no place left: onto the waiting list")
			.isEqualTo("WAITLISTED");
		assertThat(admin.post("/api/v1/signups/" + otherPending + "/reject", Map.of("reason", "岗位已满"))
			.json()
			.get("status")
			.asString()).isEqualTo("REJECTED");
		var roster = admin.get("/api/v1/activities/" + activity.id() + "/signups").json();
		assertThat(roster.get("total").asInt()).isEqualTo(2);
		assertThat(roster.toString()).doesNotContain(volunteer.username());
		assertThat(signedIn(other).get("/api/v1/activities/" + activity.id() + "/signups").status()).isEqualTo(403);
		assertBookingsAreTheApprovedSignups();
	}

	@Test
	void checksAgeQualificationAndOverlapWithAReasonAPersonUnderstands() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Map<String, Object> seniors = anActivity(team.id().toString(), 5);
		seniors.put("positions", List.of(Map.of("name", "老年陪伴", "capacity", 5, "minAge", 60)));
		Published forSeniors = publish(team, seniors);
		Response tooYoung = signedIn(this.fixtures.aVolunteer())
			.post("/api/v1/activities/" + forSeniors.id() + "/signups", Map.of("positionId", forSeniors.positionId()));
		assertThat(tooYoung.status()).isEqualTo(422);
		assertThat(tooYoung.problemCode()).isEqualTo("REQUIREMENT_NOT_MET");
		assertThat(tooYoung.json().get("detail").asString()).contains("60");

		Map<String, Object> medics = startingIn(anActivity(team.id().toString(), 5), 20, 2);
		medics.put("positions", List.of(Map.of("name", "急救", "capacity", 5, "qualifications", List.of("红十字救护员证"))));
		Published forMedics = publish(team, medics);
		Person volunteer = this.fixtures.aVolunteer();
		Response unqualified = signUp(volunteer, forMedics);
		assertThat(unqualified.status()).isEqualTo(422);
		assertThat(unqualified.json().get("detail").asString()).contains("红十字救护员证");
		String typedIn = signedIn(volunteer).post("/api/v1/volunteers/me/qualifications", Map.of("name", "红十字救护员证"))
			.json()
			.get("id")
			.asString();
		Response selfDeclared = signUp(volunteer, forMedics);
		assertThat(selfDeclared.status()).as("a qualification the volunteer typed in counts once confirmed")
			.isEqualTo(422);
		assertThat(selfDeclared.problemCode()).isEqualTo("REQUIREMENT_NOT_MET");
		assertThat(selfDeclared.json().get("detail").asString()).contains("红十字救护员证").contains("确认");
		assertThat(this.api.as(this.fixtures.tokenFor(volunteer))
			.in("en")
			.post("/api/v1/activities/" + forMedics.id() + "/signups", Map.of("positionId", forMedics.positionId()))
			.json()
			.get("detail")
			.asString()).contains("confirm");
		Response confirmed = signedIn(this.fixtures.anOperatorOf("110105")).post(
				"/api/v1/volunteers/" + volunteer.volunteerId() + "/qualifications/" + typedIn + "/confirmation",
				Map.of());
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(signUp(volunteer, forMedics).status()).isEqualTo(201);

		Published sameTime = publish(team, startingIn(anActivity(team.id().toString(), 5), 20, 2));
		Response overlap = signUp(volunteer, sameTime);
		assertThat(overlap.status()).isEqualTo(422);
		assertThat(overlap.json().get("detail").asString()).contains("时间冲突");
		assertThat(this.api.signIn(volunteer.username(), volunteer.password())
			.in("en")
			.post("/api/v1/activities/" + sameTime.id() + "/signups", Map.of("positionId", sameTime.positionId()))
			.json()
			.get("detail")
			.asString()).contains("overlaps");
	}

	@Test
	void cancellingTheActivityCancelsEverySignUpWithItsReason() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Published activity = publish(team, anActivity(team.id().toString(), 1));
		Person accepted = this.fixtures.aVolunteer();
		Person waiting = this.fixtures.aVolunteer();
		signUp(accepted, activity);
		signUp(waiting, activity);
		signedIn(team.admin()).post("/api/v1/activities/" + activity.id() + "/cancel", Map.of("reason", "暴雨红色预警"));
		var mine = signedIn(accepted).get("/api/v1/volunteers/me/signups").json().get("items");
		assertThat(mine.get(0).get("status").asString()).isEqualTo("CANCELLED");
		assertThat(mine.get(0).get("cancelReason").asString()).isEqualTo("暴雨红色预警");
		assertThat(statusOf(waiting, activity)).isEqualTo("CANCELLED");
		assertThat(accepted(activity)).isZero();
		assertBookingsAreTheApprovedSignups();
	}

	@Test
	void refusesSignUpsAfterTheDeadlineAndFromStaff() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Published activity = publish(team, anActivity(team.id().toString(), 3));
		this.jdbc.sql("UPDATE activity SET signup_deadline = :past WHERE id = :id")
			.param("past", java.time.OffsetDateTime.now().minusMinutes(1))
			.param("id", UUID.fromString(activity.id()))
			.update();
		Response late = signUp(this.fixtures.aVolunteer(), activity);
		assertThat(late.status()).isEqualTo(422);
		assertThat(late.problemCode()).isEqualTo("SIGNUP_CLOSED");
		Person operator = this.fixtures.anOperatorOf("110105");
		assertThat(signUp(operator, activity).problemCode()).isEqualTo("NOT_A_VOLUNTEER");
		assertThat(this.api
			.post("/api/v1/activities/" + activity.id() + "/signups", Map.of("positionId", activity.positionId()))
			.status()).isEqualTo(401);
	}

	@Test
	void theOrganizerCancelsAnAcceptedVolunteerWithAReason() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Published activity = publish(team, anActivity(team.id().toString(), 1));
		Person volunteer = this.fixtures.aVolunteer();
		Person next = this.fixtures.aVolunteer();
		String id = signUp(volunteer, activity).json().get("id").asString();
		signUp(next, activity);
		Api admin = signedIn(team.admin());
		assertThat(admin.post("/api/v1/signups/" + id + "/cancel", Map.of("reason", "")).status()).isEqualTo(400);
		assertThat(admin.post("/api/v1/signups/" + id + "/cancel", Map.of("reason", "未按要求参加培训"))
			.json()
			.get("status")
			.asString()).isEqualTo("CANCELLED");
		assertThat(statusOf(next, activity)).isEqualTo("APPROVED");
		assertBookingsAreTheApprovedSignups();
	}

	@Test
	void theActivityPageSignsUpAndShowsMySignups() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Published activity = publish(team, anActivity(team.id().toString(), 3));
		Person volunteer = this.fixtures.aVolunteer();
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login",
				Map.of("username", volunteer.username(), "password", volunteer.password()));
		String page = "/activities/" + activity.id();
		assertThat(this.api.get(page + "/signup-panel").body()).contains("登录后即可报名");
		assertThat(browser.get(page + "/signup-panel").body()).contains(activity.positionId());
		Response signedUp = browser.submitForm(page, page + "/signup", Map.of("positionId", activity.positionId()));
		assertThat(signedUp.status()).isEqualTo(302);
		assertThat(browser.get(page).body()).contains("报名成功，您已被录用");
		assertThat(browser.get(page + "/signup-panel").body()).contains("已录用").contains("取消报名");
		assertThat(browser.get("/me/signups").body()).contains((String) activity.title());
		Api admin = new Api("http://localhost:" + this.port);
		admin.submitForm("/login", "/login",
				Map.of("username", team.admin().username(), "password", team.admin().password()));
		assertThat(admin.get(page + "/roster").body()).contains("测试志愿者").doesNotContain(volunteer.username());
	}

	private record Published(String id, String positionId, Object title) {

	}

	private Published publish(Team team, Map<String, Object> body) {
		Api admin = signedIn(team.admin());
		var created = admin.post("/api/v1/activities", body).json();
		String id = created.get("id").asString();
		assertThat(admin.post("/api/v1/activities/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		return new Published(id, created.get("positions").get(0).get("id").asString(), body.get("title"));
	}

	private Response signUp(Person person, Published activity) {
		return signedIn(person).post("/api/v1/activities/" + activity.id() + "/signups",
				Map.of("positionId", activity.positionId()));
	}

	private String statusOf(Person person, Published activity) {
		for (var item : signedIn(person).get("/api/v1/volunteers/me/signups").json().get("items")) {
			if (item.get("activityId").asString().equals(activity.id())) {
				return item.get("status").asString();
			}
		}
		return "NONE";
	}

	private int accepted(Published activity) {
		return this.api.get("/api/v1/activities/" + activity.id())
			.json()
			.get("positions")
			.get(0)
			.get("accepted")
			.asInt();
	}

	/**
	 * Each volunteer's bookings (the accepted places their overlap check reads, kept on
	 * their own shard) are exactly their approved sign-ups, with each shift's time.
	 */
	private void assertBookingsAreTheApprovedSignups() {
		List<String> approved = this.jdbc
			.sql("SELECT s.volunteer_id, s.id, s.activity_id, p.starts_at, p.ends_at FROM signup s"
					+ " JOIN activity_position p ON p.activity_id = s.activity_id AND p.id = s.position_id"
					+ " WHERE s.status = 'APPROVED'")
			.query((rs, n) -> String.join(" ", rs.getString(1), rs.getString(2), rs.getString(3),
					String.valueOf(rs.getObject(4)), String.valueOf(rs.getObject(5))))
			.list();
		List<String> booked = this.jdbc
			.sql("SELECT volunteer_id, signup_id, activity_id, starts_at, ends_at FROM volunteer_booking")
			.query((rs, n) -> String.join(" ", rs.getString(1), rs.getString(2), rs.getString(3),
					String.valueOf(rs.getObject(4)), String.valueOf(rs.getObject(5))))
			.list();
		assertThat(booked).containsExactlyInAnyOrderElementsOf(approved);
	}

	private Api signedIn(Person person) {
		return this.api.as(this.fixtures.tokenFor(person));
	}

}
