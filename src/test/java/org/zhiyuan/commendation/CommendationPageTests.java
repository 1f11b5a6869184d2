package org.zhiyuan.commendation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.organization.MemberRole;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commendation pages in 汇川区 (520303): an operator opens a campaign from the form (bad
 * values said beside their fields), an admin nominates a member picked from the list, the
 * operator approves and opens the notice, the public notice shows the masked name only, a
 * signed-in volunteer objects, the award button stays disabled with its reason until the
 * notice ends and the objection is answered, and the award shows on the honour roll and
 * the volunteer's home page.
 */
class CommendationPageTests extends ApiTestSupport {

	private static final String DISTRICT = "520303";

	@Autowired
	Organizations organizations;

	@Autowired
	JdbcClient jdbc;

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

	@Test
	void aCampaignRunsThroughItsPagesFromNominationToTheHonourRoll() {
		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		Team team = this.fixtures.anActiveTeamIn(DISTRICT + "001");
		Person member = this.fixtures.aVolunteerIn(DISTRICT + "001");
		this.organizations.addMember(this.fixtures.actorOf(team.admin()), team.id(), member.volunteerId(),
				MemberRole.MEMBER);
		this.organizations.acceptInvitation(this.fixtures.actorOf(member), team.id());
		Person neighbour = this.fixtures.aVolunteerIn(DISTRICT);

		Api operatorPages = browserOf(operator);
		String list = "/commendations?regionCode=" + DISTRICT;
		assertThat(operatorPages.get(list).body()).contains("id=\"campaign-form\"").contains("type=\"date\"");
		Response bad = operatorPages.submitForm(list, "/commendations", Map.of("regionCode", DISTRICT, "title", "",
				"kind", "VOLUNTEER", "nominationsUntil", "", "noticeDays", "3"));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("id=\"problem-title\"")
			.contains("id=\"problem-nominationsUntil\"")
			.contains("公示天数须为 7 到 60 天");
		Response created = operatorPages.submitForm(list, "/commendations",
				Map.of("regionCode", DISTRICT, "title", "独山子区最美志愿者", "kind", "VOLUNTEER", "nominationsUntil",
						LocalDate.now(ZoneOffset.ofHours(8)).plusDays(10).toString(), "noticeDays", "7"));
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		String campaignPage = created.header("Location").replaceAll("^https?://[^/]+", "");
		String campaign = campaignPage.substring("/commendations/".length());
		assertThat(operatorPages.get(list).body()).contains("独山子区最美志愿者");

		Api adminPages = browserOf(team.admin());
		String form = "/organizations/" + team.id() + "/nominations";
		assertThat(adminPages.get("/organizations/" + team.id()).body()).contains("id=\"org-nominate\"");
		String formPage = adminPages.get(form).body();
		assertThat(formPage).contains("独山子区最美志愿者").contains("value=\"" + member.volunteerId() + "\"");
		Response noReason = adminPages.submitForm(form, form,
				Map.of("commendationId", campaign, "nomineeId", member.volunteerId().toString(), "reason", ""));
		assertThat(noReason.body()).contains("id=\"problem-reason\"");
		Response nominated = adminPages.submitForm(form, form, Map.of("commendationId", campaign, "nomineeId",
				member.volunteerId().toString(), "reason", "坚持每周为独居老人送餐"));
		assertThat(nominated.body()).contains("推荐已提交");

		String page = operatorPages.get(campaignPage).body();
		assertThat(page).contains("坚持每周为独居老人送餐").contains("review-form");
		String nomination = page.replaceAll("(?s).*?/nominations/([0-9a-f-]{36})/review.*", "$1");
		assertThat(operatorPages
			.submitForm(campaignPage, campaignPage + "/nominations/" + nomination + "/review",
					Map.of("decision", "APPROVE", "note", ""))
			.status()).isEqualTo(302);
		assertThat(operatorPages.submitForm(campaignPage, campaignPage + "/notice", Map.of()).status()).isEqualTo(302);
		page = operatorPages.get(campaignPage).body();
		assertThat(page).contains("公示中").contains("id=\"award-blocked\"").contains("公示期尚未结束");
		assertThat(page).containsPattern("id=\"make-awards\"[^>]*disabled");

		String notice = this.api.get("/commendations/" + campaign + "/notice").body();
		assertThat(notice).contains("测***者").contains("坚持每周为独居老人送餐").contains("登录后可提出异议");
		assertThat(notice).doesNotContain("测试志愿者")
			.doesNotContain(member.username())
			.doesNotContain(member.volunteerId().toString());
		assertThat(this.api.get("/commendations/" + campaign + "/notice?lang=en").body())
			.contains("Public notice of commendation");

		Api neighbourPages = browserOf(neighbour);
		String noticePage = "/commendations/" + campaign + "/notice";
		Response empty = neighbourPages.submitForm(noticePage, noticePage + "/objections",
				Map.of("nominationId", nomination, "reason", ""));
		assertThat(empty.body()).contains("id=\"problem-reason\"");
		Response objected = neighbourPages.submitForm(noticePage, noticePage + "/objections",
				Map.of("nominationId", nomination, "reason", "送餐记录需要核实"));
		assertThat(objected.body()).contains("id=\"objected\"");

		this.jdbc.sql("UPDATE commendation SET notice_ends_at = :past WHERE id = :id")
			.param("past", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
			.param("id", UUID.fromString(campaign))
			.update();
		page = operatorPages.get(campaignPage).body();
		assertThat(page).contains("送餐记录需要核实").contains("还有未答复的异议");
		String objection = page.replaceAll("(?s).*?/objections/([0-9a-f-]{36})/answer.*", "$1");
		assertThat(operatorPages
			.submitForm(campaignPage, campaignPage + "/objections/" + objection + "/answer",
					Map.of("upheld", "false", "note", "已核实送餐记录"))
			.status()).isEqualTo(302);
		page = operatorPages.get(campaignPage).body();
		assertThat(page).doesNotContain("id=\"award-blocked\"");
		assertThat(operatorPages.submitForm(campaignPage, campaignPage + "/awards", Map.of()).status()).isEqualTo(302);
		assertThat(operatorPages.get(campaignPage).body()).contains("已表彰");

		String honours = this.api.get("/honours?regionCode=" + DISTRICT).body();
		assertThat(honours).contains("测***者").contains("独山子区最美志愿者").doesNotContain("测试志愿者");
		assertThat(this.api.get("/honours?regionCode=" + DISTRICT + "&lang=en").body()).contains("Honour roll");
		assertThat(this.api.get("/").body()).contains("id=\"home-honours\"");
		Api memberPages = browserOf(member);
		assertThat(memberPages.get("/").body()).contains("id=\"home-my-honours\"").contains("独山子区最美志愿者");
		assertThat(memberPages.get("/me").body()).contains("id=\"volunteer-awards\"").contains("独山子区最美志愿者");
		assertThat(operatorPages.get("/volunteers/" + member.volunteerId()).body()).contains("id=\"volunteer-awards\"")
			.contains("独山子区最美志愿者");
		assertThat(browserOf(neighbour).get("/me").body()).doesNotContain("id=\"volunteer-awards\"");
	}

}
