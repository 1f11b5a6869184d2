package org.zhiyuan.signup;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
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

/**
 * The pages of shifts, group sign-ups, direct addition, requirements, repeat and copy, in
 * Chinese, as a browser without scripts sends them.
 */
class MultiSignupPageTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aVolunteerTicksTwoShiftsAndALeaderSignsUpTheTeamFromTheActivityPage() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).withNano(0);
		Map<String, Object> body = anActivity(team.id().toString(), 1);
		body.put("endsAt", start.plusDays(1).plusHours(4).toString());
		body.put("startsAt", start.toString());
		body.put("positions",
				List.of(Map.of("name", "周六班", "capacity", 5, "startsAt", start.toString(), "endsAt",
						start.plusHours(4).toString()),
						Map.of("name", "周日班", "capacity", 5, "startsAt", start.plusDays(1).toString(), "endsAt",
								start.plusDays(1).plusHours(4).toString())));
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		var created = admin.post("/api/v1/activities", body).json();
		String id = created.get("id").asString();
		admin.post("/api/v1/activities/" + id + "/publish", Map.of());
		List<String> shifts = created.get("positions").findValuesAsString("id");

		Person volunteer = this.fixtures.aVolunteerIn("110105001");
		Api browser = browserOf(volunteer);
		assertThat(browser.get("/activities/" + id + "/signup-panel").body()).contains("选择班次")
			.contains("周六班")
			.doesNotContain("为成员报名");
		String csrf = browser.csrfTokenOf("/activities/" + id);
		Response ticked = browser.postForm(
				"/activities/" + id + "/signup/shifts?positionIds=" + shifts.get(0) + "&positionIds=" + shifts.get(1),
				Map.of("_csrf", csrf));
		assertThat(ticked.status()).isEqualTo(302);
		assertThat(browser.get("/activities/" + id + "/signup-panel").body()).contains("您的班次");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM signup WHERE volunteer_id = :v AND status = 'APPROVED'")
			.param("v", volunteer.volunteerId())
			.query(Long.class)
			.single()).isEqualTo(2);

		Team leaders = this.fixtures.anActiveTeamIn("110105");
		Person member = this.fixtures.aVolunteerIn("110105001");
		this.jdbc
			.sql("INSERT INTO organization_member (organization_id, volunteer_id, member_role, status, requested_at,"
					+ " joined_at) VALUES (:o, :v, 'MEMBER', 'ACTIVE', :now, :now)")
			.param("o", leaders.id())
			.param("v", member.volunteerId())
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		Api leader = browserOf(leaders.admin());
		assertThat(leader.get("/activities/" + id + "/signup-panel").body()).contains("为成员报名");
		assertThat(leader.get("/activities/" + id + "/signup/people?q=" + member.username().substring(7)).body())
			.contains(member.volunteerId().toString());
		Response group = leader.postForm("/activities/" + id + "/signup/group?volunteerIds=" + member.volunteerId(),
				Map.of("_csrf", leader.csrfTokenOf("/activities/" + id), "positionId", shifts.get(0)));
		assertThat(group.status()).isEqualTo(302);
		assertThat(browserOf(team.admin()).get("/activities/" + id + "/roster").body()).contains("代为报名");
	}

	@Test
	void anOrganizerAddsDirectlyCopiesAndCreatesARepeatingActivityFromTheForms() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = browserOf(team.admin());
		var created = this.api.as(this.fixtures.tokenFor(team.admin()))
			.post("/api/v1/activities", anActivity(team.id().toString(), 3))
			.json();
		String id = created.get("id").asString();
		this.api.as(this.fixtures.tokenFor(team.admin())).post("/api/v1/activities/" + id + "/publish", Map.of());
		Person volunteer = this.fixtures.aVolunteerIn("110105001");

		assertThat(admin.get("/activities/" + id + "/roster").body()).contains("直接添加");
		Response noReason = admin.submitForm("/activities/" + id + "/roster", "/activities/" + id + "/roster/direct",
				Map.of("volunteerId", volunteer.volunteerId().toString(), "positionId",
						created.get("positions").get(0).get("id").asString()));
		assertThat(noReason.status()).isEqualTo(302);
		assertThat(admin.get("/activities/" + id + "/roster").body()).contains("invalid-feedback");
		Response added = admin.submitForm("/activities/" + id + "/roster", "/activities/" + id + "/roster/direct",
				Map.of("volunteerId", volunteer.volunteerId().toString(), "positionId",
						created.get("positions").get(0).get("id").asString(), "reason", "临时补位"));
		assertThat(added.status()).isEqualTo(302);
		assertThat(admin.get("/activities/" + id + "/roster").body()).contains("组织方添加");

		assertThat(admin.get("/activities/" + id).body()).contains("copy-activity");
		Response copied = admin.submitForm("/activities/" + id, "/activities/" + id + "/copy", Map.of());
		assertThat(copied.status()).isEqualTo(302);
		assertThat(copied.header("Location")).contains("/edit").doesNotContain(id);

		String form = admin.get("/organizations/" + team.id() + "/activities/new").body();
		assertThat(form).contains("positionMinHours").contains("repeatFrequency").contains("每周");
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3);
		String local = start.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
			.toLocalDateTime()
			.withSecond(0)
			.withNano(0)
			.toString();
		String title = "周六图书馆志愿 " + UUID.randomUUID().toString().substring(0, 6);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("title", title);
		fields.put("description", "每周六上午在图书馆整理图书。");
		fields.put("category", "CULTURE");
		fields.put("regionCode", "110105001");
		fields.put("address", "社区图书馆");
		fields.put("geofenceMeters", "200");
		fields.put("startsAt", local);
		fields.put("endsAt",
				start.plusHours(3)
					.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
					.toLocalDateTime()
					.withSecond(0)
					.withNano(0)
					.toString());
		fields.put("approval", "AUTO");
		fields.put("riskLevel", "LOW");
		fields.put("recruitmentMode", "REGULAR");
		fields.put("positionName", "整理员");
		fields.put("positionCapacity", "4");
		fields.put("positionGender", "FEMALE");
		fields.put("positionMinHours", "2.5");
		fields.put("repeatFrequency", "WEEKLY");
		fields.put("repeatCount", "3");
		Response series = admin.submitForm("/organizations/" + team.id() + "/activities/new",
				"/organizations/" + team.id() + "/activities", fields);
		assertThat(series.status()).as(series.body()).isEqualTo(302);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM activity WHERE title = :t AND series_id IS NOT NULL")
			.param("t", title)
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM activity_position p JOIN activity a ON a.id = p.activity_id WHERE a.title = :t"
					+ " AND p.gender = 'FEMALE' AND p.min_hours = 2.5")
			.param("t", title)
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

}
