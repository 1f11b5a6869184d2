package org.zhiyuan.signup;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiyuan.support.ActivityFixtures.anActivity;
import static org.zhiyuan.support.ActivityFixtures.startingIn;

/**
 * Volunteers hear of every change to their sign-ups, and are reminded once before the
 * start.
 */
class SignupNotificationApiTests extends ApiTestSupport {

	@Autowired
	SignupNotifications reminders;

	@Test
	void approvalPromotionAndCancellationReachTheVolunteer() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		var created = admin.post("/api/v1/activities", anActivity(team.id().toString(), 1)).json();
		String activityId = created.get("id").asString();
		String positionId = created.get("positions").get(0).get("id").asString();
		admin.post("/api/v1/activities/" + activityId + "/publish", Map.of());
		Person first = this.fixtures.aVolunteer();
		Person waiting = this.fixtures.aVolunteer();
		String firstSignup = as(first)
			.post("/api/v1/activities/" + activityId + "/signups", Map.of("positionId", positionId))
			.json()
			.get("id")
			.asString();
		as(waiting).post("/api/v1/activities/" + activityId + "/signups", Map.of("positionId", positionId));
		assertThat(messages(first)).contains("您已被录用");
		assertThat(messages(waiting)).doesNotContain("您已被录用");
		as(first).send("DELETE", "/api/v1/signups/" + firstSignup);
		assertThat(messages(waiting)).contains("从候补转为录用");
		admin.post("/api/v1/activities/" + activityId + "/cancel", Map.of("reason", "场地维修"));
		assertThat(messages(waiting)).contains("已取消").contains("场地维修");
		assertThat(as(waiting).in("en").get("/api/v1/notifications").body()).contains("was cancelled");
	}

	@Test
	void remindsAcceptedVolunteersOnceWithinADayOfTheStart() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		var body = startingIn(anActivity(team.id().toString(), 3), 0, 2);
		body.put("startsAt", OffsetDateTime.now(ZoneOffset.UTC).plusHours(5).withNano(0).toString());
		body.put("endsAt", OffsetDateTime.now(ZoneOffset.UTC).plusHours(7).withNano(0).toString());
		var created = admin.post("/api/v1/activities", body).json();
		String activityId = created.get("id").asString();
		admin.post("/api/v1/activities/" + activityId + "/publish", Map.of());
		Person volunteer = this.fixtures.aVolunteer();
		as(volunteer).post("/api/v1/activities/" + activityId + "/signups",
				Map.of("positionId", created.get("positions").get(0).get("id").asString()));
		this.reminders.remind(OffsetDateTime.now(ZoneOffset.UTC));
		this.reminders.remind(OffsetDateTime.now(ZoneOffset.UTC));
		String all = messages(volunteer);
		assertThat(all).contains("提醒");
		assertThat(all.indexOf("提醒")).isEqualTo(all.lastIndexOf("提醒"));
	}

	private String messages(Person person) {
		return as(person).get("/api/v1/notifications?size=50").body();
	}

	private Api as(Person person) {
		return this.api.as(this.fixtures.tokenFor(person));
	}

}
