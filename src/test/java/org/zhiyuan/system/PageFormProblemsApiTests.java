package org.zhiyuan.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Running;
import org.zhiyuan.support.Fixtures.Team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiyuan.support.ActivityFixtures.anActivity;

/**
 * A refused page form says what to do, marks each bad field next to its input in the
 * page's language and keeps what was typed; location refusals say what to do too.
 */
class PageFormProblemsApiTests extends ApiTestSupport {

	@Test
	void registrationMarksEachBadFieldAndKeepsWhatWasTyped() {
		Response refused = this.api.submitForm("/register", "/register", registration("张三丰", "12"));
		assertThat(refused.status()).isEqualTo(200);
		String page = refused.body();
		assertThat(page).contains("请修改下面标出的内容").doesNotContain("请求中有无效的字段");
		assertThat(input(page, "phone")).contains("is-invalid").contains("value=\"12\"");
		assertThat(feedbackAfter(page, "phone")).isNotBlank();
		assertThat(input(page, "name")).contains("value=\"张三丰\"").doesNotContain("is-invalid");
		assertThat(input(page, "password")).doesNotContain("value=\"Pass-word-1\"");
	}

	@Test
	void registrationSpeaksEnglishWithAsciiPunctuation() {
		Api english = new Api("http://localhost:" + this.port).in("en");
		String page = english.submitForm("/register", "/register", registration("Zhang San", "12")).body();
		assertThat(page).contains("Please correct the fields marked below").doesNotContain("：");
		assertThat(page).contains("Phone: ");
		assertThat(input(page, "phone")).contains("is-invalid");
		assertThat(feedbackAfter(page, "phone")).matches("[\\x20-\\x7E\\s]+");
	}

	@Test
	void aPasswordChangeThatDoesNotMatchMarksTheConfirmation() {
		Person volunteer = this.fixtures.aVolunteer();
		Response refused = browserOf(volunteer).submitForm("/account", "/account/password", Map.of("currentPassword",
				volunteer.password(), "newPassword", "Changed-pass-9", "confirmPassword", "Changed-pass-8"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(input(refused.body(), "confirmPassword")).contains("is-invalid");
		assertThat(feedbackAfter(refused.body(), "confirmPassword")).isNotBlank();
		assertThat(refused.body()).contains("请修改下面标出的内容");
	}

	@Test
	void staffCreationMarksTheBadFieldsAndKeepsTheTypedName() {
		Api operator = browserOf("admin", ADMIN_PASSWORD);
		Response refused = operator.submitForm("/staff", "/staff", Map.of("username", "x", "displayName", "街道管理员",
				"password", "short", "role", "OPERATOR", "regionCode", "110105"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("请修改下面标出的内容");
		assertThat(input(refused.body(), "displayName")).contains("value=\"街道管理员\"");
		assertThat(refused.body()).contains("is-invalid").contains("invalid-feedback");
	}

	@Test
	void anOrganizationApplicationMarksTheMissingName() {
		Person volunteer = this.fixtures.aVolunteer();
		Response refused = browserOf(volunteer).submitForm("/organizations/apply", "/organizations/apply",
				Map.of("name", " ", "type", "COMMUNITY_TEAM", "regionCode", "110105", "contactName", "李四",
						"contactPhone", "13800000000", "description", "社区服务"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(input(refused.body(), "name")).contains("is-invalid");
		assertThat(feedbackAfter(refused.body(), "name")).isNotBlank();
		assertThat(input(refused.body(), "contactName")).contains("value=\"李四\"");
	}

	@Test
	void anActivityWithoutATitleMarksTheTitle() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = browserOf(team.admin());
		String newPage = "/organizations/" + team.id() + "/activities/new";
		Map<String, String> form = new LinkedHashMap<>();
		form.put("title", " ");
		form.put("description", "为老人助餐");
		form.put("category", "ELDERLY_CARE");
		form.put("regionCode", "110105001");
		form.put("address", "建外街道");
		form.put("startsAt", "2030-05-01T09:00");
		form.put("endsAt", "2030-05-01T11:00");
		form.put("approval", "AUTO");
		form.put("riskLevel", "LOW");
		Response refused = admin.submitForm(newPage, "/organizations/" + team.id() + "/activities", form);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(input(refused.body(), "title")).contains("is-invalid");
		assertThat(feedbackAfter(refused.body(), "title")).isNotBlank();
		assertThat(input(refused.body(), "address")).contains("value=\"建外街道\"");
	}

	@Test
	void aQualificationWithoutANameIsMarkedOnTheProfilePage() {
		Person volunteer = this.fixtures.aVolunteer();
		Response refused = browserOf(volunteer).submitForm("/me", "/me/qualifications",
				Map.of("name", " ", "issuer", "红十字会"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(input(refused.body(), "qualification-name")).contains("is-invalid");
		assertThat(feedbackAfter(refused.body(), "name")).isNotBlank();
		assertThat(input(refused.body(), "qualification-issuer")).contains("value=\"红十字会\"");
	}

	@Test
	void aProfileWithABadEmergencyPhoneMarksItAndKeepsWhatWasTyped() {
		Person volunteer = this.fixtures.aVolunteer();
		Response refused = browserOf(volunteer).submitForm("/me?section=emergency", "/me/profile",
				Map.of("section", "emergency", "emergencyName", "王五", "emergencyPhone", "12"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(input(refused.body(), "emergencyPhone")).contains("is-invalid").contains("value=\"12\"");
		assertThat(feedbackAfter(refused.body(), "emergencyContact.phone")).isNotBlank();
		assertThat(input(refused.body(), "emergencyName")).contains("value=\"王五\"");
		Response service = browserOf(volunteer).submitForm("/me?section=service", "/me/profile",
				Map.of("section", "service", "skills", "急救、手语", "languages", "x".repeat(40)));
		assertThat(service.status()).isEqualTo(200);
		assertThat(input(service.body(), "skills")).contains("value=\"急救、手语\"");
	}

	@Test
	void aManualRecordForAnUnknownVolunteerMarksTheNumberAndKeepsTheEntry() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = browserOf(team.admin());
		String page = "/organizations/" + team.id() + "/records";
		Response refused = admin.submitForm(page, page,
				Map.of("volunteerNumber", "NOSUCH0001", "startedAt", "2026-01-05T09:00", "endedAt", "2026-01-05T11:00",
						"reason", "纸质签到表补录", "formKey", java.util.UUID.randomUUID().toString()));
		assertThat(refused.status()).isEqualTo(302);
		String shown = admin.get(page).body();
		assertThat(shown).contains("请修改下面标出的内容").doesNotContain("请求中有无效的字段");
		// the volunteer is picked, not typed: the picker's problem shows next to it
		assertThat(shown).contains("id=\"problem-volunteerId\"");
		assertThat(input(shown, "reason")).contains("value=\"纸质签到表补录\"");
	}

	@Test
	void aRefusedSignUpKeepsTheChosenPosition() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Map<String, Object> body = anActivity(team.id().toString(), 5);
		body.put("positions",
				List.of(Map.of("name", "助餐", "capacity", 5), Map.of("name", "老年陪伴", "capacity", 5, "minAge", 60)));
		Api organizer = this.api.as(this.fixtures.tokenFor(team.admin()));
		var created = organizer.post("/api/v1/activities", body).json();
		String id = created.get("id").asString();
		String seniors = created.get("positions").get(1).get("id").asString();
		assertThat(organizer.post("/api/v1/activities/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		Api volunteer = browserOf(this.fixtures.aVolunteer());
		Response refused = volunteer.submitForm("/activities/" + id, "/activities/" + id + "/signup",
				Map.of("positionId", seniors));
		assertThat(refused.status()).isEqualTo(302);
		String back = refused.header("Location");
		assertThat(back).contains("position=" + seniors);
		String detail = volunteer.get(back.replaceFirst("^https?://[^/]+", "").replaceFirst("#.*", "")).body();
		assertThat(detail).contains("60");
		Matcher panelLink = Pattern.compile("hx-get=\"([^\"]*signup-panel[^\"]*)\"").matcher(detail);
		assertThat(panelLink.find()).isTrue();
		String panel = volunteer.get(panelLink.group(1).replace("&amp;", "&")).body();
		assertThat(input(panel, "pos-" + seniors)).contains("checked");
	}

	@Test
	void locationRefusalsSayWhatToDoInThePagesLanguage() {
		assertThat(this.api.get("/activities").body()).contains("无法获取您的位置");
		assertThat(this.api.in("en").get("/activities").body()).contains("cannot get your location");
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteer();
		Running running = this.fixtures.aRunningActivity(this.api, team, volunteer);
		String checkIn = browserOf(volunteer).get("/activities/" + running.id() + "/check-in").body();
		assertThat(checkIn).contains("无法获取您的位置").contains("签到码");
	}

	private static Map<String, String> registration(String name, String phone) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", name);
		form.put("idType", "RESIDENT_ID");
		form.put("idNumber", "");
		form.put("phone", phone);
		form.put("password", "Pass-word-1");
		form.put("regionCode", "110105");
		form.put("oath", "on");
		return form;
	}

	/** The tag of the input, select or textarea with the id. */
	private static String input(String page, String id) {
		Matcher matcher = Pattern.compile("<(input|select|textarea)[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>")
			.matcher(page);
		assertThat(matcher.find()).as("an input with id " + id).isTrue();
		return matcher.group();
	}

	/** The text of the field's invalid-feedback element. */
	private static String feedbackAfter(String page, String id) {
		Matcher matcher = Pattern
			.compile("<div[^>]*class=\"invalid-feedback[^\"]*\"[^>]*id=\"problem-" + Pattern.quote(id)
					+ "\"[^>]*>(.*?)</div>\\s*</div>", Pattern.DOTALL)
			.matcher(page);
		assertThat(matcher.find()).as("the problems of " + id).isTrue();
		return matcher.group(1).replaceAll("<[^>]+>", "").strip();
	}

	private Api browserOf(Person person) {
		return browserOf(person.username(), person.password());
	}

	private Api browserOf(String username, String password) {
		Api browser = new Api("http://localhost:" + this.port);
		Response login = browser.submitForm("/login", "/login", Map.of("username", username, "password", password));
		assertThat(login.header("Location")).doesNotContain("error");
		return browser;
	}

}
