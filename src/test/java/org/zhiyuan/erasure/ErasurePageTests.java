package org.zhiyuan.erasure;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The erasure pages in 济南市长清区 (370113): a volunteer reads from the privacy section what
 * is erased and what is kept and why, asks (errors beside the fields), sees the status
 * and withdraws, asks again; an operator of the district opens the queue and the review
 * sheet, a refusal without a note is answered beside the note, and an approval erases;
 * English complete.
 */
class ErasurePageTests extends ApiTestSupport {

	private static final String DISTRICT = "370113";

	@Autowired
	JdbcClient jdbc;

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

	@Test
	void aVolunteerAsksFromThePrivacyPageAndAnOperatorReviewsTheSheet() {
		Person volunteer = this.fixtures.aVolunteerIn(DISTRICT);
		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		Api pages = browserOf(volunteer);
		assertThat(pages.get("/me?section=privacy").body()).contains("id=\"me-erasure\"")
			.contains("/me/erasure-requests")
			.contains("至少 10 年")
			.doesNotContain("id=\"me-erasure-status\"");
		String mine = pages.get("/me/erasure-requests").body();
		assertThat(mine).contains("id=\"erasure-explained\"")
			.contains("至少保存 10 年")
			.contains("id=\"erasure-form\"")
			.contains("只删个人资料")
			.contains("全部删除");

		Response bad = pages.submitForm("/me/erasure-requests", "/me/erasure-requests",
				Map.of("scope", "SOME", "reason", "字".repeat(501)));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("id=\"problem-scope\"").contains("id=\"problem-reason\"").contains("最多 500 个字");
		Response asked = pages.submitForm("/me/erasure-requests", "/me/erasure-requests",
				Map.of("scope", "PROFILE", "reason", "搬家了"));
		assertThat(asked.status()).as(asked.body()).isEqualTo(302);
		String seen = pages.get("/me/erasure-requests").body();
		assertThat(seen).contains("id=\"erasure-open\"").contains("待审核").doesNotContain("id=\"erasure-form\"");
		assertThat(pages.get("/me?section=privacy").body()).contains("id=\"me-erasure-status\"").contains("待审核");
		String id = this.jdbc.sql("SELECT id FROM erasure_request WHERE volunteer_id = :v AND status = 'QUEUED'")
			.param("v", volunteer.volunteerId())
			.query(String.class)
			.single();
		assertThat(
				pages.submitForm("/me/erasure-requests", "/me/erasure-requests/" + id + "/withdraw", Map.of()).status())
			.isEqualTo(302);
		assertThat(pages.get("/me/erasure-requests").body()).contains("已撤回").contains("id=\"erasure-form\"");
		pages.submitForm("/me/erasure-requests", "/me/erasure-requests", Map.of("scope", "ALL"));
		String second = this.jdbc.sql("SELECT id FROM erasure_request WHERE volunteer_id = :v AND status = 'QUEUED'")
			.param("v", volunteer.volunteerId())
			.query(String.class)
			.single();
		assertThat(pages.get("/me/erasure-requests?lang=en").body()).contains("What is kept, and why")
			.contains("Waiting for review");

		Api staff = browserOf(operator);
		assertThat(staff.get("/erasure-requests?regionCode=" + DISTRICT).body()).contains("erasure-card")
			.contains("/erasure-requests/" + second)
			.doesNotContain("/erasure-requests/" + id + "\"");
		String review = "/erasure-requests/" + second;
		String sheet = staff.get(review).body();
		assertThat(sheet).contains("id=\"erasure-erased\"")
			.contains("手机号")
			.contains("id=\"erasure-kept\"")
			.contains("志愿服务记录")
			.contains("保留至")
			.contains("id=\"erasure-decision\"");
		Response refused = staff.submitForm(review, review + "/decision", Map.of("decision", "REFUSE", "note", " "));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"problem-note\"").contains("不同意时请写明原因");
		assertThat(staff.submitForm(review, review + "/decision", Map.of("decision", "APPROVE")).status())
			.isEqualTo(302);
		String done = staff.get(review).body();
		assertThat(done).contains("已删除").doesNotContain("id=\"erasure-decision\"");
		assertThat(staff.get(review + "?lang=en").body()).contains("Service records").contains("Erased");
		assertThat(browserOf(this.fixtures.aVolunteerIn(DISTRICT)).get(review).status()).isEqualTo(403);
	}

}
