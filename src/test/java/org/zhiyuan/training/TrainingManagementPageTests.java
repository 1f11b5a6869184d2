package org.zhiyuan.training;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.shared.PersonMatch;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Download;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.support.Identities;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organizers' training pages: opening a course (the owner, the qualification and the
 * teachers picked), the courses they manage, adding a session on the course page, and the
 * session's roster with the check-in QR image and the results sheet whose report says
 * what became of every row; volunteers and visitors get none of it.
 */
class TrainingManagementPageTests extends TrainingTestSupport {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Test
	void anAdminOpensACourseFromThePageAndFindsItAmongTheCoursesTheyManage() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = browserOf(team.admin());
		assertThat(admin.get("/training").body()).contains("href=\"/training/courses/new\"").contains("我管理的课程");
		String form = admin.get("/training/courses/new").body();
		assertThat(form).contains("开设课程")
			.contains("value=\"" + team.id() + "\"")
			.as("the qualification is picked from the platform's list")
			.contains("value=\"FIRST_AID\"")
			.contains("急救证书");

		String title = "水上救援" + Identities.suffix();
		Response created = admin.submitForm("/training/courses/new", "/training/courses",
				Map.of("owner", team.id().toString(), "title", title, "description", "溺水急救与岸上施救", "hours", "3.5",
						"qualificationCode", "FIRST_AID", "validMonths", "24", "newTeachers", "张老师，李教练"));
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		String courseId = idIn(created.header("Location"));
		JsonNode course = this.api.get("/api/v1/courses/" + courseId).json();
		assertThat(course.get("title").asString()).isEqualTo(title);
		assertThat(course.get("organizationId").asString()).isEqualTo(team.id().toString());
		assertThat(course.get("hours").asString()).startsWith("3.5");
		assertThat(course.get("qualification").get("code").asString()).isEqualTo("FIRST_AID");
		assertThat(course.get("qualification").get("validMonths").asInt()).isEqualTo(24);
		assertThat(course.get("teachers").toString()).contains("张老师").contains("李教练");
		assertThat(admin.get("/training/courses/" + courseId).body()).contains("课程已开设")
			.contains(title)
			.contains("id=\"session-form\"");

		assertThat(admin.get("/training?managed=true").body()).contains(title).contains("我管理的课程");
		assertThat(admin.get("/training/courses/new").body()).as("the new teachers joined the team's library")
			.contains("value=\"张老师\"")
			.contains("value=\"李教练\"");
		assertThat(admin.get("/training/courses/new/teachers?owner=" + team.id()).body()).contains("李教练");
		assertThat(admin.get("/training/courses/new?lang=en").body()).contains("Open a course")
			.contains("Qualification a pass grants")
			.contains("First aid certificate");
		admin.get("/?lang=zh-CN");
	}

	@Test
	void anOperatorOpensACourseOfTheirRegion() {
		Person operator = this.fixtures.anOperatorOf("110105");
		Api browser = browserOf(operator);
		assertThat(browser.get("/training/courses/new").body()).contains("本地区志愿服务管理部门");
		String title = "社区防灾" + Identities.suffix();
		Response created = browser.submitForm("/training/courses/new", "/training/courses", Map.of("owner", "region",
				"regionCode", "110105", "title", title, "hours", "2", "qualificationCode", "", "validMonths", "24"));
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		JsonNode course = this.api.get("/api/v1/courses/" + idIn(created.header("Location"))).json();
		assertThat(course.get("regionCode").asString()).isEqualTo("110105");
		assertThat(course.hasNonNull("organizationId")).isFalse();
		assertThat(course.hasNonNull("qualification")).isFalse();
	}

	@Test
	void aRefusedCourseComesBackWithItsFieldsMarkedAndCreatesNothing() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = browserOf(team.admin());
		Response refused = admin.submitForm("/training/courses/new", "/training/courses",
				Map.of("owner", team.id().toString(), "title", " ", "description", "保留这段介绍", "hours", "四小时",
						"qualificationCode", "FIRST_AID", "validMonths", "0"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("请修改下面标出的内容")
			.contains("id=\"problem-title\"")
			.contains("id=\"problem-hours\"")
			.contains("id=\"problem-qualification.validMonths\"")
			.contains("is-invalid")
			.as("what was typed stays")
			.contains("保留这段介绍")
			.contains("value=\"四小时\"");
		Response noOwner = admin.submitForm("/training/courses/new", "/training/courses",
				Map.of("owner", "someone", "title", "无主课程", "hours", "2"));
		assertThat(noOwner.status()).isEqualTo(200);
		assertThat(noOwner.body()).contains("id=\"problem-owner\"").contains("请选择开课方");
		assertThat(this.api.get("/api/v1/courses?organizationId=" + team.id()).json().get("total").asInt()).isZero();
	}

	@Test
	void aVolunteerOrAVisitorCannotOpenCoursesNorAddSessions() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		String courseId = aCourse(as(team.admin()), courseBody(team, "急救复训" + Identities.suffix(), "FIRST_AID", 24));
		Response visitor = this.api.get("/training/courses/new");
		assertThat(visitor.status()).isEqualTo(302);
		assertThat(visitor.header("Location")).contains("/login");
		assertThat(this.api.get("/training/courses/" + courseId).body()).doesNotContain("session-form");

		Api volunteer = browserOf(this.fixtures.aVolunteer());
		assertThat(volunteer.get("/training").body()).doesNotContain("/training/courses/new").doesNotContain("我管理的课程");
		assertThat(volunteer.get("/training/courses/new").status()).isEqualTo(403);
		assertThat(volunteer
			.submitForm("/training", "/training/courses",
					Map.of("owner", team.id().toString(), "title", "冒名课程", "hours", "2"))
			.status()).isEqualTo(403);
		assertThat(volunteer.get("/training/courses/" + courseId).body()).doesNotContain("session-form");
		assertThat(volunteer
			.submitForm("/training/courses/" + courseId, "/training/courses/" + courseId + "/sessions", aSessionForm())
			.status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/courses?organizationId=" + team.id()).json().get("total").asInt())
			.isEqualTo(1);
		assertThat(sessionsOf(courseId).get("total").asInt()).isZero();
	}

	@Test
	void anAdminAddsASessionOnTheCoursePageAndARefusedOneShowsItsFields() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		String courseId = aCourse(as(team.admin()), courseBody(team, "急救复训" + Identities.suffix(), "FIRST_AID", 24));
		Api admin = browserOf(team.admin());
		String page = "/training/courses/" + courseId;
		assertThat(admin.get(page).body()).contains("添加场次")
			.as("the course's teacher to pick")
			.contains("value=\"王医生\"");

		Response added = admin.submitForm(page, page + "/sessions", aSessionForm());
		assertThat(added.status()).as(added.body()).isEqualTo(302);
		assertThat(added.header("Location")).endsWith(page);
		JsonNode session = sessionsOf(courseId).get("items").get(0);
		assertThat(session.get("capacity").asInt()).isEqualTo(12);
		assertThat(session.get("teacher").asString()).isEqualTo("赵老师");
		assertThat(session.get("regionCode").asString()).isEqualTo("110105001");
		String after = admin.get(page).body();
		assertThat(after).contains("场次已添加")
			.contains("建外街道市民活动中心")
			.contains("/training/sessions/" + session.get("id").asString() + "/roster");

		LocalDateTime start = LocalDateTime.now(CHINA).plusDays(5).withHour(9).withMinute(0).withSecond(0).withNano(0);
		Response refused = admin.submitForm(page, page + "/sessions",
				Map.of("startsAt", start.toString(), "endsAt", start.minusHours(1).toString(), "regionCode",
						"110105001", "address", "", "capacity", "0", "teacher", "", "newTeacher", ""));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"problem-endsAt\"")
			.contains("id=\"problem-address\"")
			.contains("id=\"problem-capacity\"")
			.contains("value=\"" + start + "\"");
		assertThat(sessionsOf(courseId).get("total").asInt()).isEqualTo(1);
		assertThat(admin.get(page + "?lang=en").body()).contains("Add a session").contains("Places");
		admin.get("/?lang=zh-CN");
	}

	@Test
	void aResultsSheetUploadedOnTheRosterShowsWhatBecameOfEveryRow() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105");
		String courseId = aCourse(as(team.admin()), courseBody(team, "急救复训" + Identities.suffix(), "FIRST_AID", 24));
		String sessionId = aSession(as(team.admin()), courseId, 5);
		Person passes = anEnrolledVolunteer(sessionId);
		Person fails = anEnrolledVolunteer(sessionId);
		Person stranger = this.fixtures.aVolunteer();
		startNow(sessionId);
		Api admin = browserOf(team.admin());
		String rosterPage = "/training/sessions/" + sessionId + "/roster";

		String roster = admin.get(rosterPage).body();
		assertThat(roster).contains("/training/sessions/" + sessionId + "/checkin-qr.png")
			.contains("/training/sessions/" + sessionId + "/results-template.xlsx")
			.contains("/training/sessions/" + sessionId + "/results/import");
		assertThat(roster).as("volunteer numbers are cut to their last digits")
			.doesNotContain(numberOf(passes))
			.contains(PersonMatch.maskNumber(numberOf(passes)));
		Download template = admin.download("/training/sessions/" + sessionId + "/results-template.xlsx");
		assertThat(template.status()).isEqualTo(200);
		assertThat(ResultSheet.read(template.body()).stream().map(ResultSheet.Line::volunteerNumber))
			.contains(numberOf(passes), numberOf(fails));

		byte[] sheet = sheet(new String[][] { { numberOf(passes), "通过" }, { numberOf(fails), "不通过" },
				{ numberOf(stranger), "通过" }, { "X000", "通过" }, { numberOf(passes), "不通过" } });
		Response report = admin.postMultipart("/training/sessions/" + sessionId + "/results/import", "file",
				"results.xlsx", sheet, Map.of("_csrf", admin.csrfTokenOf(rosterPage)));
		assertThat(report.status()).isEqualTo(200);
		assertThat(report.body()).contains("录入通过 1 人、不通过 1 人；未录入 3 行。")
			.contains("第 2 行")
			.contains("已录入：通过")
			.contains("已录入：不通过")
			.contains("该志愿者未报名此场培训。")
			.contains("找不到这个志愿者编号。")
			.contains("已录入该志愿者此场培训的成绩。");
		assertThat(as(passes).get("/api/v1/volunteers/me/training-records").json().get("total").asInt()).isEqualTo(1);
		assertThat(as(fails).get("/api/v1/volunteers/me/training-records").json().get("total").asInt()).isZero();
		assertThat(admin.get(rosterPage).body()).contains("通过</span>").contains("不通过</span>");

		Response notASheet = admin.postMultipart("/training/sessions/" + sessionId + "/results/import", "file",
				"results.xlsx", "not a workbook".getBytes(), Map.of("_csrf", admin.csrfTokenOf(rosterPage)));
		assertThat(notASheet.status()).isEqualTo(200);
		assertThat(notASheet.body()).contains("id=\"problem-file\"").contains("请选择要上传的 .xlsx 文件");
		assertThat(admin.get(rosterPage + "?lang=en").body()).contains("Enter results from a sheet")
			.contains("Download the results sheet");
		admin.get("/?lang=zh-CN");

		Api volunteer = browserOf(passes);
		assertThat(volunteer
			.postMultipart("/training/sessions/" + sessionId + "/results/import", "file", "results.xlsx", sheet,
					Map.of("_csrf", volunteer.csrfTokenOf("/training")))
			.status()).isEqualTo(403);
		assertThat(volunteer.download("/training/sessions/" + sessionId + "/results-template.xlsx").status())
			.isEqualTo(403);
	}

	@Test
	void theCheckInQrImageIsServedOnlyToThoseWhoManageTheSession() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		String courseId = aCourse(as(team.admin()), courseBody(team, "急救复训" + Identities.suffix(), "FIRST_AID", 24));
		String sessionId = aSession(as(team.admin()), courseId, 5);
		Person enrolled = anEnrolledVolunteer(sessionId);
		startNow(sessionId);
		String qr = "/training/sessions/" + sessionId + "/checkin-qr.png";

		Api admin = browserOf(team.admin());
		assertThat(admin.get("/training/sessions/" + sessionId + "/checkin-code").body())
			.as("the roster's code card, asked for again every half minute")
			.contains("id=\"checkin-code\"")
			.contains("hx-get=\"/training/sessions/" + sessionId + "/checkin-code\"")
			.contains(qr);
		assertThat(browserOf(enrolled).get("/training/sessions/" + sessionId + "/checkin-code").status())
			.isEqualTo(403);
		Download image = admin.download(qr);
		assertThat(image.status()).isEqualTo(200);
		assertThat(image.contentType()).isEqualTo("image/png");
		assertThat(List.of(image.body()[1], image.body()[2], image.body()[3])).containsExactly((byte) 'P', (byte) 'N',
				(byte) 'G');
		assertThat(browserOf(this.fixtures.anOperatorOf("110105")).download(qr).status()).isEqualTo(200);

		assertThat(browserOf(enrolled).download(qr).status()).isEqualTo(403);
		assertThat(browserOf(this.fixtures.anActiveTeamIn("110105").admin()).download(qr).status()).isEqualTo(403);
		assertThat(this.api.download(qr).status()).as("a visitor is sent to sign in").isEqualTo(302);
	}

	/** A session five days ahead from 9 to 12, China time, with a new teacher. */
	private static Map<String, String> aSessionForm() {
		LocalDateTime start = LocalDateTime.now(CHINA).plusDays(5).withHour(9).withMinute(0).withSecond(0).withNano(0);
		return Map.of("startsAt", start.toString(), "endsAt", start.plusHours(3).toString(), "regionCode", "110105001",
				"address", "建外街道市民活动中心", "capacity", "12", "teacher", "", "newTeacher", "赵老师");
	}

	/** The course's id in the address a created course is shown at. */
	private static String idIn(String location) {
		assertThat(location).contains("/training/courses/");
		return location.substring(location.lastIndexOf('/') + 1);
	}

	private JsonNode sessionsOf(String courseId) {
		return this.api.get("/api/v1/courses/" + courseId + "/sessions").json();
	}

}
