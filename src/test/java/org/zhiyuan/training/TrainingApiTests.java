package org.zhiyuan.training;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiyuan.support.ActivityFixtures.anActivity;
import static org.zhiyuan.support.ActivityFixtures.startingIn;

/**
 * Training end to end over the API: a course and its session, enrolment, check-in by the
 * signed code, a pass that grants the qualification and writes a training record, and the
 * qualification gating sign-up and check-in with a sentence that explains itself.
 */
class TrainingApiTests extends TrainingTestSupport {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final Map<String, Object> AT_THE_SITE = Map.of("lat", 39.9087, "lng", 116.4445, "accuracyMeters",
			10);

	@Autowired
	TrainingResults training;

	@Test
	void aSignupIsRefusedUntilThePassGrantsTheQualification() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = as(team.admin());
		Person volunteer = this.fixtures.aVolunteer();

		Map<String, Object> medics = startingIn(anActivity(team.id().toString(), 5), 20, 2);
		medics.put("positions", List.of(Map.of("name", "赛事急救", "capacity", 5, "qualifications", List.of("FIRST_AID"))));
		var activity = admin.post("/api/v1/activities", medics).json();
		String activityId = activity.get("id").asString();
		String positionId = activity.get("positions").get(0).get("id").asString();
		assertThat(admin.post("/api/v1/activities/" + activityId + "/publish", Map.of()).status()).isEqualTo(200);

		Response refused = as(volunteer).post("/api/v1/activities/" + activityId + "/signups",
				Map.of("positionId", positionId));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.problemCode()).isEqualTo("REQUIREMENT_NOT_MET");
		assertThat(refused.json().get("detail").asString()).contains("急救证书").contains("培训");

		String courseId = aCourse(admin, team, "FIRST_AID", 24);
		Response course = this.api.get("/api/v1/courses/" + courseId);
		assertThat(course.status()).isEqualTo(200);
		assertThat(course.json().get("qualification").get("name").asString()).isEqualTo("急救证书");
		assertThat(course.json().get("teachers").get(0).asString()).isEqualTo("王医生");
		String sessionId = aSession(admin, courseId, 10);
		assertThat(this.api.get("/api/v1/courses/" + courseId + "/sessions").json().get("total").asInt()).isEqualTo(1);

		Response enrolled = as(volunteer).post("/api/v1/course-sessions/" + sessionId + "/enrolments", Map.of());
		assertThat(enrolled.status()).isEqualTo(201);
		assertThat(as(volunteer).post("/api/v1/course-sessions/" + sessionId + "/enrolments", Map.of()).problemCode())
			.isEqualTo("ALREADY_ENROLLED");
		assertThat(this.api.get("/api/v1/course-sessions/" + sessionId).json().get("enrolled").asInt()).isEqualTo(1);
		assertThat(admin
			.post("/api/v1/course-sessions/" + sessionId + "/results",
					Map.of("volunteerId", volunteer.volunteerId().toString(), "passed", true))
			.problemCode()).as("no result before the session starts").isEqualTo("SESSION_NOT_STARTED");

		startNow(sessionId);
		String code = admin.post("/api/v1/course-sessions/" + sessionId + "/checkin-codes", Map.of())
			.json()
			.get("code")
			.asString();
		assertThat(as(this.fixtures.aVolunteer()).post("/api/v1/course-sessions/check-in", Map.of("code", code))
			.problemCode()).isEqualTo("NOT_ENROLLED");
		Response checkedIn = as(volunteer).post("/api/v1/course-sessions/check-in", Map.of("code", code));
		assertThat(checkedIn.status()).isEqualTo(200);
		assertThat(checkedIn.json().get("checkedInAt").asString()).isNotBlank();
		assertThat(as(volunteer).post("/api/v1/course-sessions/check-in", Map.of("code", code)).problemCode())
			.isEqualTo("ALREADY_CHECKED_IN");

		Response passed = admin.post("/api/v1/course-sessions/" + sessionId + "/results",
				Map.of("volunteerId", volunteer.volunteerId().toString(), "passed", true));
		assertThat(passed.status()).isEqualTo(201);
		LocalDate endDay = OffsetDateTime.now(ZoneOffset.UTC).plusHours(2).atZoneSameInstant(CHINA).toLocalDate();
		assertThat(passed.json().get("granted").get("code").asString()).isEqualTo("FIRST_AID");
		assertThat(passed.json().get("granted").get("validUntil").asString())
			.isEqualTo(endDay.plusMonths(24).toString());
		assertThat(admin
			.post("/api/v1/course-sessions/" + sessionId + "/results",
					Map.of("volunteerId", volunteer.volunteerId().toString(), "passed", false))
			.problemCode()).isEqualTo("RESULT_EXISTS");

		var records = as(volunteer).get("/api/v1/volunteers/me/training-records").json().get("items");
		assertThat(records.size()).isEqualTo(1);
		assertThat(records.get(0).get("hours").asString()).isEqualTo("4.00");
		assertThat(this.fixtures.totalHoursOf(volunteer)).as("training is not service").isZero();
		var roster = admin.get("/api/v1/course-sessions/" + sessionId + "/enrolments").json();
		assertThat(roster.get("items").get(0).get("passed").asBoolean()).isTrue();
		assertThat(as(volunteer).get("/api/v1/course-sessions/" + sessionId + "/enrolments").status()).isEqualTo(403);

		Response accepted = as(volunteer).post("/api/v1/activities/" + activityId + "/signups",
				Map.of("positionId", positionId));
		assertThat(accepted.status()).isEqualTo(201);
		assertThat(accepted.json().get("status").asString()).isEqualTo("APPROVED");
	}

	@Test
	void anExpiredQualificationIsRefusedAtSignupAndAtCheckIn() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = as(team.admin());
		Person volunteer = this.fixtures.aVolunteer();
		String sessionId = aSession(admin, aCourse(admin, team, "FIRST_AID", 12), 5);
		as(volunteer).post("/api/v1/course-sessions/" + sessionId + "/enrolments", Map.of());
		startNow(sessionId);
		assertThat(admin
			.post("/api/v1/course-sessions/" + sessionId + "/results",
					Map.of("volunteerId", volunteer.volunteerId().toString(), "passed", true))
			.status()).isEqualTo(201);

		Map<String, Object> body = anActivity(team.id().toString(), 5);
		body.put("positions", List.of(Map.of("name", "赛事急救", "capacity", 5, "qualifications", List.of("FIRST_AID"))));
		var activity = admin.post("/api/v1/activities", body).json();
		String activityId = activity.get("id").asString();
		String positionId = activity.get("positions").get(0).get("id").asString();
		admin.post("/api/v1/activities/" + activityId + "/publish", Map.of());

		expireFirstAid(volunteer, 3);
		Response refused = as(volunteer).post("/api/v1/activities/" + activityId + "/signups",
				Map.of("positionId", positionId));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.problemCode()).isEqualTo("REQUIREMENT_NOT_MET");
		assertThat(refused.json().get("detail").asString()).contains("急救证书已于 3 天前过期");
		assertThat(this.api.as(this.fixtures.tokenFor(volunteer))
			.in("en")
			.post("/api/v1/activities/" + activityId + "/signups", Map.of("positionId", positionId))
			.json()
			.get("detail")
			.asString()).contains("First aid certificate").contains("expired 3 days ago");

		expireFirstAid(volunteer, -365);
		assertThat(as(volunteer).post("/api/v1/activities/" + activityId + "/signups", Map.of("positionId", positionId))
			.status()).isEqualTo(201);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		this.jdbc.sql("UPDATE activity SET starts_at = :s, ends_at = :e, signup_deadline = :d WHERE id = :id")
			.param("s", now.minusHours(1))
			.param("e", now.plusHours(2))
			.param("d", now.plusHours(1))
			.param("id", UUID.fromString(activityId))
			.update();
		expireFirstAid(volunteer, 1);
		String code = admin.post("/api/v1/activities/" + activityId + "/checkin-codes", Map.of())
			.json()
			.get("code")
			.asString();
		Response atTheDoor = as(volunteer).post("/api/v1/attendance/check-in",
				Map.of("code", code, "location", AT_THE_SITE));
		assertThat(atTheDoor.status()).isEqualTo(422);
		assertThat(atTheDoor.problemCode()).isEqualTo("REQUIREMENT_NOT_MET");
		assertThat(atTheDoor.json().get("detail").asString()).contains("急救证书已于 1 天前过期");
		Response byHand = admin.post("/api/v1/activities/" + activityId + "/attendance/check-in",
				Map.of("volunteerId", volunteer.volunteerId().toString(), "reason", "手机没电"));
		assertThat(byHand.problemCode()).as("the organizer's entry checks too").isEqualTo("REQUIREMENT_NOT_MET");

		expireFirstAid(volunteer, -30);
		assertThat(as(volunteer).post("/api/v1/attendance/check-in", Map.of("code", code, "location", AT_THE_SITE))
			.status()).isEqualTo(200);
	}

	@Test
	void resultsComeFromASheetWithAReportForEveryRow() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = as(team.admin());
		String sessionId = aSession(admin, aCourse(admin, team, "AED", 36), 5);
		Person passes = anEnrolledVolunteer(sessionId);
		Person fails = anEnrolledVolunteer(sessionId);
		Person stranger = this.fixtures.aVolunteer();
		startNow(sessionId);
		assertThat(admin.download("/api/v1/course-sessions/" + sessionId + "/results-template.xlsx").status())
			.isEqualTo(200);

		byte[] sheet = sheet(new String[][] { { numberOf(passes), "通过" }, { numberOf(fails), "不通过" },
				{ numberOf(stranger), "通过" }, { "X000", "pass" }, { numberOf(passes), "maybe" } });
		Response report = admin.postMultipart("/api/v1/course-sessions/" + sessionId + "/results/import", "file",
				"results.xlsx", sheet, Map.of());
		assertThat(report.status()).isEqualTo(200);
		assertThat(report.json().get("passed").asInt()).isEqualTo(1);
		assertThat(report.json().get("failed").asInt()).isEqualTo(1);
		assertThat(report.json().get("refused").asInt()).isEqualTo(3);
		assertThat(report.json().get("rows").get(2).get("problem").asString()).contains("未报名");
		assertThat(report.json().get("rows").get(3).get("problem").asString()).contains("编号");
		assertThat(as(passes).get("/api/v1/volunteers/me/training-records").json().get("total").asInt()).isEqualTo(1);
		assertThat(as(fails).get("/api/v1/volunteers/me/training-records").json().get("total").asInt()).isZero();

		Response notASheet = admin.postMultipart("/api/v1/course-sessions/" + sessionId + "/results/import", "file",
				"results.xlsx", "not a workbook".getBytes(), Map.of());
		assertThat(notASheet.status()).isEqualTo(400);
	}

	@Test
	void aVolunteerIsToldOnceBeforeAQualificationExpiresWithTheSessionsThatRenewIt() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = as(team.admin());
		String code = "RESCUE_" + Math.abs(System.nanoTime() % 100000);
		String courseId = aCourse(admin, team, code, 12);
		String first = aSession(admin, courseId, 5);
		Person volunteer = this.fixtures.aVolunteer();
		as(volunteer).post("/api/v1/course-sessions/" + first + "/enrolments", Map.of());
		startNow(first);
		admin.post("/api/v1/course-sessions/" + first + "/results",
				Map.of("volunteerId", volunteer.volunteerId().toString(), "passed", true));
		aSession(admin, courseId, 5);
		LocalDate today = LocalDate.now(CHINA);
		this.jdbc.sql("UPDATE volunteer_qualification SET expires_on = :d WHERE volunteer_id = :v")
			.param("d", today.plusDays(20))
			.param("v", volunteer.volunteerId())
			.update();

		this.training.remindExpiring(today);
		this.training.remindExpiring(today);

		var notices = as(volunteer).get("/api/v1/notifications").json().get("items");
		long reminders = 0;
		for (var notice : notices) {
			if (notice.get("message").asString().contains("到期")) {
				reminders++;
				assertThat(notice.get("message").asString()).contains("救援培训").contains("建外");
			}
		}
		assertThat(reminders).isEqualTo(1);
	}

	@Test
	void onlyTheOrganizationAndTheRegionsOperatorsManageCourses() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Map<String, Object> body = courseBody(team, "FIRST_AID", 12);
		assertThat(as(this.fixtures.aVolunteer()).post("/api/v1/courses", body).status()).isEqualTo(403);
		assertThat(as(this.fixtures.anOperatorOf("110105")).post("/api/v1/courses", body).status()).isEqualTo(201);
		assertThat(as(this.fixtures.anOperatorOf("310101")).post("/api/v1/courses", body).status()).isEqualTo(403);
		Map<String, Object> regional = courseBody(team, "FIRST_AID", 12);
		regional.remove("organizationId");
		regional.put("regionCode", "110105");
		Response ofTheRegion = as(this.fixtures.anOperatorOf("110105")).post("/api/v1/courses", regional);
		assertThat(ofTheRegion.status()).isEqualTo(201);
		assertThat(this.api.get("/api/v1/courses?regionCode=110105&q=FIRST").json().get("total").asInt())
			.isGreaterThan(0);
		Map<String, Object> bad = new HashMap<>(courseBody(team, "first aid", 0));
		bad.put("hours", "-1");
		bad.put("title", "");
		Response refused = as(team.admin()).post("/api/v1/courses", bad);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().toString()).contains("qualification.code")
			.contains("qualification.validMonths")
			.contains("hours")
			.contains("title");
		assertThat(this.api.get("/api/v1/qualification-codes").json().toString()).contains("FIRST_AID");
	}

	private String aCourse(Api admin, Team team, String code, int months) {
		return aCourse(admin, courseBody(team, code, months));
	}

	private static Map<String, Object> courseBody(Team team, String code, int months) {
		return courseBody(team, "救援培训 " + code, code, months);
	}

	/**
	 * The volunteer's 急救证书 expired the given number of days ago (negative: expires then).
	 */
	private void expireFirstAid(Person volunteer, int daysAgo) {
		this.jdbc.sql("UPDATE volunteer_qualification SET expires_on = :d WHERE volunteer_id = :v AND name = '急救证书'")
			.param("d", LocalDate.now(CHINA).minusDays(daysAgo))
			.param("v", volunteer.volunteerId())
			.update();
	}

}
