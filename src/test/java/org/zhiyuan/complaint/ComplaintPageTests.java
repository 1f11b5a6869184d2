package org.zhiyuan.complaint;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complaint pages in 贵阳市南明区 (520102): a volunteer reports an organization from its
 * page (errors beside the fields), follows it under 我的投诉, and an operator of the district
 * takes it from the region's list to a resolution that must be confirmed; the
 * organization's admin cannot open it.
 */
class ComplaintPageTests extends ApiTestSupport {

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private static final String DISTRICT = "520102";

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

	@Test
	void aVolunteerReportsAnOrganizationAndAnOperatorResolvesIt() {
		Team team = this.fixtures.anActiveTeamIn(DISTRICT);
		Person volunteer = this.fixtures.aVolunteerIn(DISTRICT);
		Api pages = browserOf(volunteer);
		String organizationPage = pages.get("/organizations/" + team.id()).body();
		assertThat(organizationPage).contains("id=\"report-organization\"").contains("投诉举报");
		String form = "/complaints/new?subjectType=ORGANIZATION&subjectId=" + team.id();
		assertThat(pages.get(form).body()).contains("id=\"complaint-form\"").contains("测试志愿服务队");

		Response bad = pages.submitForm(form, "/complaints/new", Map.of("subjectType", "ORGANIZATION", "subjectId",
				team.id().toString(), "category", "SAFETY", "description", " ", "contactPhone", "123"));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("id=\"problem-description\"")
			.contains("id=\"problem-contactPhone\"")
			.contains("请填写正确的大陆手机号码");
		Response filed = pages.submitForm(form, "/complaints/new",
				Map.of("subjectType", "ORGANIZATION", "subjectId", team.id().toString(), "category", "SAFETY",
						"description", "活动现场没有安全防护。", "contactPhone", "13800138000"));
		assertThat(filed.status()).as(filed.body()).isEqualTo(302);
		String id = filed.header("Location").replaceAll(".*/me/complaints/", "");
		assertThat(pages.get("/me/complaints").body()).contains("complaint-card").contains("安全问题").contains("已提交");

		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		Api staff = browserOf(operator);
		assertThat(staff.get("/complaints?regionCode=" + DISTRICT + "&status=SUBMITTED").body())
			.contains("/complaints/" + id);
		String detail = "/complaints/" + id;
		assertThat(staff.get(detail).body()).contains("13800138000").contains("complaint-assign");
		assertThat(staff.submitForm(detail, detail + "/assign", Map.of()).status()).isEqualTo(302);
		assertThat(staff.submitForm(detail, detail + "/investigate", Map.of()).status()).isEqualTo(302);
		assertThat(staff.get(detail).body()).contains("id=\"complaint-resolve\"");
		staff.submitForm(detail, detail + "/resolve", Map.of("outcome", "UPHELD", "note", "情况属实。"));
		assertThat(staff.get(detail).body()).contains("请勾选确认后再办结").contains("调查中");
		assertThat(staff
			.submitForm(detail, detail + "/resolve", Map.of("outcome", "UPHELD", "note", "情况属实。", "confirmed", "true"))
			.status()).isEqualTo(302);

		String seen = pages.get("/me/complaints/" + id).body();
		assertThat(seen).contains("complaint-timeline")
			.contains("已分派")
			.contains("调查中")
			.contains("已办结")
			.contains("投诉成立")
			.contains("情况属实。")
			.doesNotContain("complaint-handling");
		assertThat(pages.get("/me/complaints/" + id + "?lang=en").body()).contains("Progress").contains("Upheld");
		assertThat(browserOf(team.admin()).get(detail).status()).as("the subject").isEqualTo(403);
		String activity = this.fixtures.aRunningActivity(this.api, team).id();
		assertThat(pages.get("/activities/" + activity).body()).contains("id=\"report-activity\"")
			.contains("/complaints/new?subjectType=ACTIVITY&amp;subjectId=" + activity);
	}

	@Test
	void anAnonymousVisitorReportsWithAPhotoGetsATrackingCodeAndFollowsTheReport() {
		Team team = this.fixtures.anActiveTeamIn("520122");
		Api visitor = new Api("http://localhost:" + this.port);
		String form = "/complaints/new?subjectType=ORGANIZATION&subjectId=" + team.id();
		String page = visitor.get(form).body();
		assertThat(page).contains("id=\"complaint-name\"")
			.contains("手机号（必填）")
			.contains("enctype=\"multipart/form-data\"")
			.contains("id=\"complaint-files\"");

		Map<String, String> fields = new java.util.HashMap<>(
				Map.of("subjectType", "ORGANIZATION", "subjectId", team.id().toString(), "category", "SAFETY",
						"description", "活动没有安全员。", "contactName", "李大爷", "_csrf", visitor.csrfTokenOf(form)));
		Response noPhone = visitor.postMultipart("/complaints/new", "files", "photo.png", PNG, fields);
		assertThat(noPhone.status()).isEqualTo(200);
		assertThat(noPhone.body()).contains("id=\"problem-contactPhone\"").contains("请留下手机号").contains("李大爷");
		Response notAPhoto = visitor.postMultipart("/complaints/new", "files", "photo.png",
				"not a picture".getBytes(java.nio.charset.StandardCharsets.UTF_8), withPhone(fields, visitor, form));
		assertThat(notAPhoto.body()).as("nothing filed with a bad file").contains("id=\"problem-files\"");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM complaint WHERE subject_id = :s")
			.param("s", team.id())
			.query(Integer.class)
			.single()).isZero();

		Response filed = visitor.postMultipart("/complaints/new", "files", "现场.png", PNG,
				withPhone(fields, visitor, form));
		assertThat(filed.status()).as(filed.body()).isEqualTo(302);
		assertThat(filed.header("Location")).endsWith("/complaints/filed");
		String shown = visitor.get("/complaints/filed").body();
		java.util.regex.Matcher code = java.util.regex.Pattern.compile("id=\"tracking-code\">([A-Z0-9-]{14})<")
			.matcher(shown);
		assertThat(code.find()).as(shown).isTrue();
		assertThat(visitor.get("/complaints/filed").body()).as("shown once").doesNotContain(code.group(1));

		Response wrong = visitor.submitForm("/complaints/track", "/complaints/track",
				Map.of("trackingCode", "2222-2222-2222"));
		assertThat(wrong.body()).contains("id=\"problem-trackingCode\"").contains("没有找到这个查询码的投诉");
		Response tracked = visitor.submitForm("/complaints/track", "/complaints/track",
				Map.of("trackingCode", code.group(1).toLowerCase(java.util.Locale.ROOT)));
		assertThat(tracked.body()).contains("complaint-timeline")
			.contains("已提交")
			.contains("现场.png")
			.contains("id=\"complaint-attach\"");

		Person operator = this.fixtures.anOperatorOf("520122");
		String id = this.jdbc.sql("SELECT id FROM complaint WHERE subject_id = :s")
			.param("s", team.id())
			.query(String.class)
			.single();
		String detail = browserOf(operator).get("/complaints/" + id).body();
		assertThat(detail).contains("匿名举报（称呼：李大爷）").contains("/complaints/" + id + "/attachments/1");
		assertThat(browserOf(operator).download("/complaints/" + id + "/attachments/1").body()).isEqualTo(PNG);
	}

	private static Map<String, String> withPhone(Map<String, String> fields, Api visitor, String form) {
		Map<String, String> all = new java.util.HashMap<>(fields);
		all.put("contactPhone", "13912345678");
		all.put("_csrf", visitor.csrfTokenOf(form));
		return all;
	}

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0,
			0, 0, 1 };

}
