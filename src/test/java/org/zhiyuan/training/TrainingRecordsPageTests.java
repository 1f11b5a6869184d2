package org.zhiyuan.training;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.support.Identities;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A volunteer's records page lists their training records beside the service records,
 * with the qualification a pass granted, and never adds training hours to service hours.
 */
class TrainingRecordsPageTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPassedCourseIsListedOnTheRecordsPageButNotCountedInServiceHours() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteer();
		Api browser = browserOf(volunteer);
		String before = browser.get("/me/records").body();
		assertThat(before).contains("id=\"training-records\"").contains("培训记录").contains("去找培训");

		String title = "水上救援" + Identities.suffix();
		Response course = as(team.admin()).post("/api/v1/courses",
				Map.of("organizationId", team.id().toString(), "title", title, "description", "落水救援与自救", "hours", "6.5",
						"qualification", Map.of("code", "FIRST_AID", "name", "救援资质", "validMonths", 12), "teachers",
						List.of("王教练")));
		assertThat(course.status()).as(course.body()).isEqualTo(201);
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).withNano(0);
		Response session = as(team.admin()).post("/api/v1/courses/" + course.json().get("id").asString() + "/sessions",
				Map.of("startsAt", start.toString(), "endsAt", start.plusHours(3).toString(), "regionCode", "110105001",
						"address", "朝阳公园码头", "capacity", 10, "teacher", "王教练"));
		assertThat(session.status()).as(session.body()).isEqualTo(201);
		String sessionId = session.json().get("id").asString();
		assertThat(as(volunteer).post("/api/v1/course-sessions/" + sessionId + "/enrolments", Map.of()).status())
			.isEqualTo(201);
		startNow(sessionId);
		Response passed = as(team.admin()).post("/api/v1/course-sessions/" + sessionId + "/results",
				Map.of("volunteerId", volunteer.volunteerId().toString(), "passed", true));
		assertThat(passed.status()).as(passed.body()).isEqualTo(201);

		String page = browser.get("/me/records").body();
		assertThat(page).contains(title)
			.contains("6.5 学时")
			.contains("取得急救证书，有效期至 ")
			.contains("不计入志愿服务时长")
			.doesNotContain("去找培训");
		assertThat(page).as("training hours are not service hours").contains("id=\"total-hours\">0.00<");
		assertThat(browser.get("/me/records?lang=en").body()).contains("Training records")
			.contains("First aid certificate, valid until ")
			.contains("not counted in volunteer service hours");
	}

	@Test
	void theExpiryReminderLinkListsTheCoursesThatRenewTheQualification() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		String suffix = Identities.suffix();
		String renewing = "急救复训" + suffix;
		String other = "垃圾分类讲座" + suffix;
		assertThat(
				as(team.admin())
					.post("/api/v1/courses",
							Map.of("organizationId", team.id().toString(), "title", renewing, "description", "复训",
									"hours", "2", "qualification", Map.of("code", "FIRST_AID", "validMonths", 24)))
					.status())
			.isEqualTo(201);
		assertThat(as(team.admin())
			.post("/api/v1/courses",
					Map.of("organizationId", team.id().toString(), "title", other, "description", "分类", "hours", "1"))
			.status()).isEqualTo(201);

		String page = this.api.get("/training?qualification=FIRST_AID&q=" + suffix).body();
		assertThat(page).contains(renewing).contains("可取得急救证书的课程").doesNotContain(other);
		assertThat(this.api.get("/training?q=" + suffix).body()).contains(renewing).contains(other);
		assertThat(this.api.get("/training?qualification=NO_SUCH_CODE&q=" + suffix).body())
			.as("an unknown code is no filter on the page")
			.contains(other);
		Response api = this.api.get("/api/v1/courses?qualification=FIRST_AID&q=" + suffix);
		assertThat(api.json().get("total").asInt()).isEqualTo(1);
		Response unknown = this.api.get("/api/v1/courses?qualification=NO_SUCH_CODE");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("qualification");
	}

	/** The session began half an hour ago and ends in two hours. */
	private void startNow(String sessionId) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		this.jdbc.sql("UPDATE course_session SET starts_at = :s, ends_at = :e WHERE id = :id")
			.param("s", now.minusMinutes(30))
			.param("e", now.plusHours(2))
			.param("id", UUID.fromString(sessionId))
			.update();
	}

	private Api as(Person person) {
		return this.api.as(this.fixtures.tokenFor(person));
	}

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

}
