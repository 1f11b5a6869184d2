package org.zhiyuan.training;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.support.Identities;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The training pages: the public course library, a course with its sessions where a
 * volunteer enrols and cancels through the forms, the volunteer's own training, and the
 * roster where the course's admin enters results; in Chinese and English.
 */
class TrainingPageTests extends TrainingTestSupport {

	@Test
	void theLibraryShowsACourseWithItsQualificationAndNextSessionToEveryone() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		String title = "急救入门" + Identities.suffix();
		String courseId = aCourse(team, title);
		aSession(team, courseId, 10);

		Response library = this.api.get("/training?q=" + title);
		assertThat(library.status()).isEqualTo(200);
		assertThat(library.body()).contains(title)
			.contains("/training/courses/" + courseId)
			.contains("4 学时")
			.contains("通过可取得：急救证书（有效 24 个月）")
			.contains("余 10 个名额");
		assertThat(this.api.get("/training?q=没有这样的课程" + Identities.suffix()).body()).contains("暂无记录");
		String english = this.api.get("/training?lang=en&q=" + title).body();
		assertThat(english).contains(title)
			.contains("A pass grants: First aid certificate (valid 24 months)")
			.contains("10 places left");
		assertThat(english).doesNotContain("学时");
	}

	@Test
	void aVolunteerEnrolsAndCancelsThroughTheCoursePage() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		String title = "防汛培训" + Identities.suffix();
		String courseId = aCourse(team, title);
		String sessionId = aSession(team, courseId, 5);
		String page = "/training/courses/" + courseId;

		String anonymous = this.api.get(page).body();
		assertThat(anonymous).contains(title).contains("建外街道社区卫生服务中心").contains("登录后报名");
		assertThat(anonymous).doesNotContain("/training/sessions/" + sessionId + "/enrol");

		Person volunteer = this.fixtures.aVolunteer();
		Api browser = browserOf(volunteer);
		assertThat(browser.get(page).body()).contains("/training/sessions/" + sessionId + "/enrol")
			.doesNotContain("/roster");
		Response enrolled = browser.submitForm(page, "/training/sessions/" + sessionId + "/enrol", Map.of());
		assertThat(enrolled.status()).isEqualTo(302);
		assertThat(enrolled.header("Location")).endsWith(page);
		assertThat(enrolledIn(sessionId)).isEqualTo(1);
		String after = browser.get(page).body();
		assertThat(after).contains("报名成功").contains("已报名").contains("余 4 个名额");
		assertThat(after).contains("/training/sessions/" + sessionId + "/cancel");

		Response twice = browser.submitForm(page, "/training/sessions/" + sessionId + "/enrol", Map.of());
		assertThat(twice.status()).isEqualTo(302);
		assertThat(browser.get(page).body()).contains("您已报名此场培训");
		assertThat(enrolledIn(sessionId)).isEqualTo(1);

		assertThat(browser.get("/training/sessions/" + sessionId + "/cancel?lang=en").body())
			.contains("Cancel your enrolment in this session?")
			.contains("Yes, cancel my enrolment");
		String confirm = browser.get("/training/sessions/" + sessionId + "/cancel?lang=zh-CN").body();
		assertThat(confirm).contains("取消这场培训的报名？").contains(title).contains("确认取消报名");
		Response cancelled = browser.submitForm("/training/sessions/" + sessionId + "/cancel",
				"/training/sessions/" + sessionId + "/cancel", Map.of());
		assertThat(cancelled.status()).isEqualTo(302);
		assertThat(enrolledIn(sessionId)).isZero();
		assertThat(browser.get(page).body()).contains("已取消培训报名");

		String english = browser.get(page + "?lang=en").body();
		assertThat(english).contains("Enrol").contains("5 of 5 places left").contains("Run by");
	}

	@Test
	void myTrainingShowsTheEnrolmentAndAfterThePassTheRecordWithItsQualification() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		String title = "心肺复苏" + Identities.suffix();
		String courseId = aCourse(team, title);
		String sessionId = aSession(team, courseId, 5);
		Person volunteer = this.fixtures.aVolunteer();
		Api browser = browserOf(volunteer);
		browser.submitForm("/training/courses/" + courseId, "/training/sessions/" + sessionId + "/enrol", Map.of());

		String mine = browser.get("/me/training").body();
		assertThat(mine).contains("我的培训").contains(title).contains("已报名");
		assertThat(mine).contains("/training/sessions/" + sessionId + "/cancel?back=mine");
		assertThat(mine).contains("我的培训</a>")
			.as("the menu links my training and the library")
			.contains("href=\"/training\"");

		Api admin = browserOf(team.admin());
		String beforeStart = admin.get("/training/courses/" + courseId).body();
		assertThat(beforeStart).contains("/training/sessions/" + sessionId + "/roster");
		String roster = admin.get("/training/sessions/" + sessionId + "/roster").body();
		assertThat(roster).contains("共 1 人报名").contains("不在签到时间内");
		assertThat(admin.get("/training/sessions/" + sessionId + "/roster?lang=en").body())
			.contains("Enrolled volunteers")
			.contains("1 enrolled");
		admin.get("/?lang=zh-CN");
		startNow(sessionId);
		roster = admin.get("/training/sessions/" + sessionId + "/roster").body();
		assertThat(roster).contains("签到码").doesNotContain("不在签到时间内").contains("/results");
		Response passed = admin.submitForm("/training/sessions/" + sessionId + "/roster",
				"/training/sessions/" + sessionId + "/results",
				Map.of("volunteerId", volunteer.volunteerId().toString(), "passed", "true"));
		assertThat(passed.status()).isEqualTo(302);
		assertThat(admin.get("/training/sessions/" + sessionId + "/roster").body()).contains("成绩已录入")
			.contains("通过</span>");
		assertThat(browserOf(volunteer).get("/training/sessions/" + sessionId + "/roster").status())
			.as("the roster is for the course's managers")
			.isEqualTo(403);

		String records = browser.get("/me/training").body();
		assertThat(records).contains("培训记录").contains("4 学时").contains("取得急救证书，有效期至 ");
		String english = browser.get("/me/training?lang=en").body();
		assertThat(english).contains("My training")
			.contains("Training records")
			.contains("First aid certificate, valid until ")
			.contains("4 hours");
	}

	@Test
	void myTrainingAsksToSignIn() {
		Response anonymous = this.api.get("/me/training");
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.header("Location")).contains("/login");
	}

	private String aCourse(Team team, String title) {
		return aCourse(as(team.admin()), courseBody(team, title, "FIRST_AID", 24));
	}

	private String aSession(Team team, String courseId, int capacity) {
		return aSession(as(team.admin()), courseId, capacity);
	}

	private int enrolledIn(String sessionId) {
		return this.api.get("/api/v1/course-sessions/" + sessionId).json().get("enrolled").asInt();
	}

}
