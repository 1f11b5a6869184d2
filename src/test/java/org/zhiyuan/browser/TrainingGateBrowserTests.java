package org.zhiyuan.browser;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.zhiyuan.attendance.Attendance;
import org.zhiyuan.browser.Browser.Screen;
import org.zhiyuan.support.ActivityFixtures;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.support.Identities;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The training gate on a phone, through the pages: a position needs the first aid
 * certificate, so the volunteer's sign-up is refused with the reason; the volunteer
 * enrols in a session of the course that grants it, the organizer marks the pass on the
 * session's roster, the volunteer sees the certificate under 我的培训, signs up to the
 * position and checks in with the code typed on the phone page. The course, its session
 * and the activity are made through the API (their forms are not under test here); the
 * session's and the activity's start are moved, not waited for. Every step is saved under
 * {@code target/browser-screenshots/training-gate/}.
 */
@Tag("browser")
class TrainingGateBrowserTests extends BrowserTestSupport {

	private static final double SITE_LAT = 39.9087;

	private static final double SITE_LNG = 116.4445;

	private static final String FIRST_AID = "急救证书";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Attendance attendance;

	@Test
	void aVolunteerPassesTheCourseThenSignsUpAndChecksInOnAPhone() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteerIn("110105");
		String courseTitle = "急救员培训" + Identities.suffix();
		String courseId = aCourse(team, courseTitle);
		String sessionId = aSession(team, courseId);
		Medics medics = anActivityForMedics(team);

		browser.startFlow("training-gate", baseUrl(), Screen.PHONE);
		browser.standAt(SITE_LAT + 0.0001, SITE_LNG + 0.0001, 10);

		// the sign-up is refused, and the page says why
		signIn(volunteer);
		browser.open("/activities/" + medics.id());
		browser.visible(By.cssSelector("#signup-panel form[action$='/signup'] button[type=submit]"));
		assertThat(browser.visible(By.cssSelector("main")).getText()).contains(FIRST_AID);
		shot("activity-needs-first-aid");
		browser.clickAndWaitForNextPage(By.cssSelector("#signup-panel form[action$='/signup'] button[type=submit]"));
		String refusal = browser.visible(By.cssSelector("main .alert-danger")).getText();
		assertThat(refusal).isEqualTo(text("qualification.requirement.missing", FIRST_AID))
			.contains("此岗位要求持有有效资质")
			.contains("培训");
		browser.visible(By.cssSelector("#signup-panel form[action$='/signup'] button[type=submit]"));
		assertThat(browser.visible(By.id("pos-" + medics.positionId())).isSelected())
			.as("the refused position stays chosen")
			.isTrue();
		shot("signup-refused");
		assertThat(statusesOf(volunteer, medics.id())).as("nothing signed up").isEmpty();

		// the volunteer enrols in the course's session
		browser.open("/training/courses/" + courseId);
		assertThat(browser.visible(By.cssSelector("main h1")).getText()).isEqualTo(courseTitle);
		assertThat(browser.visible(By.cssSelector("main dl")).getText()).contains(FIRST_AID);
		By enrol = By.cssSelector("#session-" + sessionId + " form[action$='/enrol'] button[type=submit]");
		browser.visible(enrol);
		shot("course");
		browser.clickAndWaitForNextPage(enrol);
		browser.waitForText(By.cssSelector(".alert-success"), text("training.page.enrolled"));
		assertThat(browser.visible(By.id("session-" + sessionId)).getText())
			.contains(text("training.page.enrolledBadge"));
		shot("enrolled");

		// the session has begun: the organizer marks the pass on the roster
		startNow(sessionId);
		signIn(team.admin());
		browser.open("/training/sessions/" + sessionId + "/roster");
		assertThat(browser.visible(By.cssSelector("main h1")).getText()).isEqualTo(text("training.page.roster"));
		assertThat(browser.visible(By.id("checkin-code")).getText()).contains(text("training.page.checkinCode"))
			.doesNotContain(text("training.checkinClosed"));
		assertThat(browser.visible(By.id("roster")).getText()).contains("测试志愿者");
		By pass = By.cssSelector("#roster form:has(input[name=volunteerId][value='" + volunteer.volunteerId()
				+ "']):has(input[name=passed][value=true]) button[type=submit]");
		assertThat(browser.visible(pass).getText()).isEqualTo(text("training.page.pass"));
		assertThat(browser.visibleElements("#roster form[action$='/results'] button[type=submit]")).as("pass and fail")
			.hasSize(2);
		shot("roster-before-the-result");
		browser.clickAndWaitForNextPage(pass);
		browser.waitForText(By.cssSelector(".alert-success"), text("training.page.resultSaved"));
		assertThat(browser.visible(By.id("roster")).getText()).contains(text("training.page.passed"));
		assertThat(browser.visibleElements("#roster form[action$='/results'] button[type=submit]"))
			.as("one result per volunteer")
			.isEmpty();
		shot("roster-passed");

		// the volunteer holds the certificate now
		signIn(volunteer);
		browser.open("/me/training");
		assertThat(browser.visible(By.cssSelector("main h1")).getText()).isEqualTo(text("training.page.mine"));
		assertThat(browser.visible(By.id("records")).getText()).contains(courseTitle)
			.contains(text("training.page.qualificationUntil", FIRST_AID, firstAidValidUntil(volunteer)));
		shot("my-training");

		// and the sign-up goes through
		browser.open("/activities/" + medics.id());
		browser.clickAndWaitForNextPage(By.cssSelector("#signup-panel form[action$='/signup'] button[type=submit]"));
		browser.waitForText(By.cssSelector(".alert-success"), text("signup.done.APPROVED"));
		browser.waitForText(By.id("signup-panel"), "赛事急救");
		browser.visible(By.cssSelector("#signup-panel a[href$='/check-in']"));
		shot("signed-up");
		assertThat(statusesOf(volunteer, medics.id())).containsExactly("APPROVED");

		// on the day, the volunteer checks in with the code the organizer shows
		startsAnHourAgo(medics.id());
		String code = this.attendance.issueCode(this.fixtures.actorOf(team.admin()), UUID.fromString(medics.id()))
			.shortCode();
		browser.open("/activities/" + medics.id());
		browser.clickAndWaitForNextPage(By.cssSelector("#signup-panel a[href$='/check-in']"));
		assertThat(browser.path()).isEqualTo("/activities/" + medics.id() + "/check-in");
		browser.waitFor((driver) -> driver.findElement(By.id("geo-status")).getText().startsWith("✓"));
		browser.type(By.id("checkin-code"), code);
		shot("check-in-code-typed");
		browser.clickAndWaitForNextPage(By.cssSelector("#checkin-form button[value=in]"));
		browser.waitForText(By.id("checkin-result"), text("attendance.in"));
		shot("checked-in");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM attendance WHERE activity_id = :a AND volunteer_id = :v")
			.param("a", UUID.fromString(medics.id()))
			.param("v", volunteer.volunteerId())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	// fixtures, through the API

	private String aCourse(Team team, String title) {
		Map<String, Object> body = new HashMap<>();
		body.put("organizationId", team.id().toString());
		body.put("title", title);
		body.put("description", "心肺复苏、AED 使用与创伤止血，考核通过取得急救证书。");
		body.put("hours", "4.0");
		body.put("qualification", Map.of("code", "FIRST_AID", "name", "救援资质", "validMonths", 24));
		body.put("teachers", List.of("王医生"));
		Response created = as(team.admin()).post("/api/v1/courses", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	/** A session three days ahead: open for enrolment. */
	private String aSession(Team team, String courseId) {
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).withNano(0);
		Response created = as(team.admin()).post("/api/v1/courses/" + courseId + "/sessions",
				Map.of("startsAt", start.toString(), "endsAt", start.plusHours(4).toString(), "regionCode", "110105001",
						"address", "建外街道社区卫生服务中心", "capacity", 10, "teacher", "李老师"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	/** A published activity in five days whose one position needs the certificate. */
	private Medics anActivityForMedics(Team team) {
		Map<String, Object> body = ActivityFixtures.startingIn(ActivityFixtures.anActivity(team.id().toString(), 5), 5,
				3);
		body.put("title", "社区马拉松医疗保障 " + Identities.suffix());
		body.put("positions", List.of(Map.of("name", "赛事急救", "capacity", 5, "qualifications", List.of("FIRST_AID"))));
		Api admin = as(team.admin());
		Response created = admin.post("/api/v1/activities", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(admin.post("/api/v1/activities/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		return new Medics(id, created.json().get("positions").get(0).get("id").asString());
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

	/** The activity under way: it began an hour ago (the clock is moved, not waited). */
	private void startsAnHourAgo(String activityId) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		this.jdbc.sql("UPDATE activity SET starts_at = :s, ends_at = :e, signup_deadline = :d WHERE id = :id")
			.param("s", now.minusHours(1))
			.param("e", now.plusHours(2))
			.param("d", now.minusHours(1))
			.param("id", UUID.fromString(activityId))
			.update();
	}

	private LocalDate firstAidValidUntil(Person volunteer) {
		return this.jdbc
			.sql("SELECT expires_on FROM volunteer_qualification WHERE volunteer_id = :v AND name = :n"
					+ " AND status = 'GRANTED'")
			.param("v", volunteer.volunteerId())
			.param("n", FIRST_AID)
			.query(LocalDate.class)
			.single();
	}

	private List<String> statusesOf(Person volunteer, String activityId) {
		return this.jdbc.sql("SELECT status FROM signup WHERE activity_id = :a AND volunteer_id = :v")
			.param("a", UUID.fromString(activityId))
			.param("v", volunteer.volunteerId())
			.query(String.class)
			.list();
	}

	private Api as(Person person) {
		return this.api.as(this.fixtures.tokenFor(person));
	}

	// the browser

	/** The activity of the first-aid position. */
	private record Medics(String id, String positionId) {

	}

}
