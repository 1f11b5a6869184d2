package org.zhiyuan.browser;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.zhiyuan.browser.Browser.Screen;
import org.zhiyuan.organization.MemberRole;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commendation from nomination to the public notice to the award, on a phone, in 正安县
 * (520324): an operator opens a campaign for volunteers on 表彰活动, an organization's admin
 * nominates a member picked from the list with a reason, the operator approves it and
 * starts the public notice (公示), an anonymous visitor reads the notice with the name
 * masked, a signed-in volunteer objects and the operator dismisses the objection, the
 * award is refused while the notice lasts, and once the notice has ended the operator
 * makes the awards: the award shows, masked, on the honour roll and on the volunteer's
 * own page. Every step is saved under {@code target/browser-screenshots/commendation/}.
 */
@Tag("browser")
class CommendationBrowserTests extends BrowserTestSupport {

	private static final String DISTRICT = "520324";

	private static final String TITLE = "正安县最美志愿者";

	private static final String REASON = "三年来每周为独居老人送餐";

	@Autowired
	Organizations organizations;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCampaignRunsFromNominationThroughTheNoticeToTheAwardOnThePhone() {
		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		Team team = this.fixtures.anActiveTeamIn(DISTRICT + "001");
		Person member = this.fixtures.aVolunteerIn(DISTRICT + "001");
		this.organizations.addMember(this.fixtures.actorOf(team.admin()), team.id(), member.volunteerId(),
				MemberRole.MEMBER);
		this.organizations.acceptInvitation(this.fixtures.actorOf(member), team.id());
		Person neighbour = this.fixtures.aVolunteerIn(DISTRICT);
		browser.startFlow("commendation", baseUrl(), Screen.PHONE);

		// the operator opens a campaign for volunteers
		signIn(operator);
		browser.open("/commendations?regionCode=" + DISTRICT);
		assertThat(browser.visible(By.id("campaign-create")).getText()).contains(text("commendation.create.title"));
		shot("campaigns-empty");
		browser.type(By.id("campaign-title"), TITLE);
		browser.choose(By.id("campaign-kind"), "VOLUNTEER");
		browser.setValue(By.id("campaign-until"), LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5).toString());
		browser.type(By.id("campaign-days"), "7");
		browser.clickAndWaitForNextPage(By.cssSelector("#campaign-form button[type=submit]"));
		assertThat(browser.path()).matches("/commendations/[0-9a-f-]{36}");
		String campaignPage = browser.path();
		String campaign = campaignPage.substring("/commendations/".length());
		assertThat(browser.visible(By.id("campaign-stage")).getText())
			.isEqualTo(text("commendation.stage.NOMINATIONS"));
		assertThat(browser.visibleElements(".alert-success")).as("said once")
			.singleElement()
			.extracting((alert) -> alert.getText())
			.isEqualTo(text("commendation.created"));
		shot("campaign-created");

		// the organization's admin nominates a member picked from the list
		signIn(team.admin());
		browser.open("/organizations/" + team.id());
		browser.clickAndWaitForNextPage(By.id("org-nominate"));
		assertThat(browser.path()).isEqualTo("/organizations/" + team.id() + "/nominations");
		assertThat(browser.visible(By.cssSelector(".nominate-campaign")).getText()).contains(TITLE);
		By nominee = By.id("nominee-" + campaign);
		assertThat(browser.visible(nominee).getText()).contains("测试志愿者");
		browser.choose(nominee, member.volunteerId().toString());
		browser.type(By.id("reason-" + campaign), REASON);
		shot("nominate");
		browser.clickAndWaitForNextPage(By.cssSelector(".nominate-form button[type=submit]"));
		assertThat(browser.visibleElements(".alert-success")).as("said once")
			.singleElement()
			.extracting((alert) -> alert.getText())
			.isEqualTo(text("commendation.nominated"));
		shot("nominated");

		// the operator approves it and starts the public notice
		signIn(operator);
		browser.open(campaignPage);
		assertThat(browser.visible(By.cssSelector(".nomination")).getText()).contains(REASON)
			.contains(text("commendation.status.PENDING"));
		shot("to-review");
		browser.clickAndWaitForNextPage(By.cssSelector(".review-form button[value=APPROVE]"));
		assertThat(browser.visible(By.cssSelector(".nomination")).getText())
			.contains(text("commendation.status.APPROVED"));
		browser.clickAndWaitForNextPage(By.id("open-notice"));
		assertThat(browser.visible(By.id("campaign-stage")).getText()).isEqualTo(text("commendation.stage.IN_NOTICE"));
		assertThat(browser.visible(By.id("notice-link")).getAttribute("href")).endsWith(campaignPage + "/notice");
		shot("notice-started");

		// an anonymous visitor reads the notice: the name masked
		browser.forgetVisitor();
		browser.open(campaignPage + "/notice");
		String notice = browser.visible(By.id("notice-nominees")).getText();
		assertThat(browser.visible(By.cssSelector(".nominee-name")).getText()).isEqualTo("测***者");
		assertThat(notice).contains(REASON).doesNotContain("测试志愿者");
		assertThat(browser.evaluate("return document.body.innerHTML").toString()).doesNotContain("测试志愿者")
			.doesNotContain(member.volunteerId().toString());
		assertThat(browser.visibleElements(".objection-form")).isEmpty();
		assertThat(browser.visible(By.tagName("body")).getText()).as("no message without text").doesNotContain("??");
		assertThat(browser.visible(By.tagName("main")).getText()).contains(text("commendation.notice.signInToObject"));
		shot("notice-anonymous");

		// a signed-in volunteer objects
		signIn(neighbour);
		browser.open(campaignPage + "/notice");
		browser.click(By.cssSelector(".notice-nominee details summary"));
		browser.type(By.cssSelector(".objection-form textarea[name=reason]"), "送餐记录需要核实");
		shot("objecting");
		browser.clickAndWaitForNextPage(By.cssSelector(".objection-form button[type=submit]"));
		assertThat(browser.visible(By.id("objected")).getText()).isEqualTo(text("commendation.notice.objected"));
		assertThat(browser.visible(By.tagName("body")).getText()).doesNotContain("??");
		shot("objected");

		// the operator dismisses the objection; the award is refused while the notice
		// lasts
		signIn(operator);
		browser.open(campaignPage);
		assertThat(browser.visible(By.cssSelector(".objection")).getText()).contains("送餐记录需要核实");
		shot("objection-to-answer");
		browser.type(By.cssSelector(".answer-form input[name=note]"), "已核实送餐记录");
		browser.clickAndWaitForNextPage(By.cssSelector(".answer-form button[value=false]"));
		assertThat(browser.visible(By.cssSelector(".objection")).getText()).contains("已核实送餐记录")
			.contains(text("commendation.objection.DISMISSED"));
		assertThat(browser.visibleElements(".answer-form")).isEmpty();
		assertThat(browser.visible(By.id("award-blocked")).getText()).isEqualTo(text("commendation.noticeNotEnded"));
		assertThat(browser.visible(By.id("make-awards")).isEnabled()).isFalse();
		// the server refuses too, should the button be pressed anyway
		browser.evaluate("document.getElementById('make-awards').disabled = false");
		browser.clickAndWaitForNextPage(By.id("make-awards"));
		assertThat(browser.visible(By.id("action-error")).getText()).isEqualTo(text("commendation.noticeNotEnded"));
		assertThat(browser.visible(By.id("campaign-stage")).getText()).isEqualTo(text("commendation.stage.IN_NOTICE"));
		shot("award-refused");

		// the notice ends; the operator makes the awards
		endNotice(campaign);
		browser.open(campaignPage);
		assertThat(browser.visibleElements("#award-blocked")).isEmpty();
		browser.clickAndWaitForNextPage(By.id("make-awards"));
		assertThat(browser.visibleElements("#action-error")).isEmpty();
		assertThat(browser.visible(By.id("campaign-stage")).getText()).isEqualTo(text("commendation.stage.AWARDED"));
		assertThat(browser.visible(By.cssSelector(".nomination")).getText())
			.contains(text("commendation.status.AWARDED"));
		shot("awarded");

		// the honour roll shows the award, masked, to everyone
		browser.forgetVisitor();
		browser.open("/honours?regionCode=" + DISTRICT);
		String roll = browser.visible(By.id("honours-awards")).getText();
		assertThat(browser.visible(By.cssSelector(".award .award-name")).getText()).isEqualTo("测***者");
		assertThat(roll).contains(TITLE).doesNotContain("测试志愿者");
		shot("honour-roll");

		// and the volunteer's own page
		signIn(member);
		browser.open("/me");
		assertThat(browser.visible(By.id("volunteer-awards")).getText()).contains(TITLE);
		shot("my-page");
		browser.open("/");
		assertThat(browser.visible(By.id("home-my-honours")).getText()).contains(TITLE);
		shot("my-home");
	}

	/** Moves the end of the campaign's notice into the past, as time would. */
	private void endNotice(String campaign) {
		this.jdbc.sql("UPDATE commendation SET notice_ends_at = :past WHERE id = :id")
			.param("past", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
			.param("id", UUID.fromString(campaign))
			.update();
	}

}
