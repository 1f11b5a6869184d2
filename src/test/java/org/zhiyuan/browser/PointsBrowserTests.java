package org.zhiyuan.browser;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.zhiyuan.browser.Browser.Screen;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Fixtures.Finished;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Points, rewards and hours used for a service, in 拉萨市城关区 (540102), on a phone and then
 * on a desktop: the district's operator offers a book voucher of a partner shop and gets
 * the shop's link; a volunteer whose four hours earned forty points redeems it from the
 * catalogue and sees the code on 我的积分; the shop opens its link, looks the code up and
 * marks it used; the volunteer orders a home visit paid with an hour of the time bank,
 * which the operator completes on the services page; then the operators' pages and the
 * volunteer's at 1366 px. Every step is saved under
 * {@code target/browser-screenshots/points/}.
 */
@Tag("browser")
class PointsBrowserTests extends BrowserTestSupport {

	private static final String DISTRICT = "540102";

	private static final String STREET = "540102004";

	@Test
	void aVolunteerRedeemsPointsTheShopChecksTheCodeAndHoursPayForAVisit() {
		Team team = this.fixtures.anActiveTeamIn(STREET);
		Person volunteer = this.fixtures.aVolunteerIn(STREET);
		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		Api admin = new Api(baseUrl()).as(this.fixtures.tokenFor(team.admin()));
		Finished finished = this.fixtures.aFinishedActivity(new Api(baseUrl()), team, volunteer, 2);
		assertThat(
				admin
					.post("/api/v1/records",
							Map.of("volunteerId", volunteer.volunteerId().toString(), "activityId", finished.id(),
									"startedAt", finished.startsAt().toString(), "endedAt",
									finished.startsAt().plusHours(4).toString(), "content", "助老服务", "reason", "按签到表补录"))
					.status())
			.isEqualTo(201);

		browser.startFlow("points", baseUrl(), Screen.PHONE);
		signIn(operator);
		browser.open("/rewards/manage?regionCode=" + DISTRICT);
		shot("operator-catalogue-empty");
		browser.type(By.id("reward-title"), "图书兑换券（30 元）");
		browser.type(By.id("reward-merchant"), "城关区新华书店");
		browser.type(By.id("reward-price"), "30");
		browser.type(By.id("reward-stock"), "");
		shot("operator-new-reward");
		browser.clickAndWaitForNextPage(By.id("reward-submit"));
		assertThat(browser.visible(By.id("problem-stock")).getText())
			.contains(text("validation.reward.stock", "1,000,000"));
		shot("operator-stock-missing");
		browser.type(By.id("reward-stock"), "20");
		browser.clickAndWaitForNextPage(By.id("reward-submit"));
		String checkLink = browser.visible(By.cssSelector("#check-link a")).getAttribute("href");
		assertThat(checkLink).contains("/check/");
		shot("operator-offered-with-link");

		signIn(volunteer);
		browser.open("/rewards");
		assertThat(browser.visible(By.id("rewards-balance")).getText()).isEqualTo("40");
		shot("catalogue");
		browser.clickAndWaitForNextPage(By.cssSelector(".reward-card .redeem"));
		String code = browser.visible(By.cssSelector("#new-code .font-monospace")).getText();
		assertThat(code).matches("[2-9A-Z]{5}-[2-9A-Z]{5}");
		assertThat(browser.visible(By.id("points-total")).getText()).isEqualTo("10");
		shot("my-points-with-code");

		browser.forgetVisitor();
		browser.open(checkLink.replaceFirst("^https?://[^/]+", ""));
		browser.type(By.id("code"), code.toLowerCase());
		shot("shop-types-code");
		browser.clickAndWaitForNextPage(By.id("check-look"));
		assertThat(browser.visible(By.id("checked-status")).getText())
			.isEqualTo(text("points.redemptionStatus.ISSUED"));
		shot("shop-looks-up");
		browser.clickAndWaitForNextPage(By.id("check-use"));
		assertThat(browser.visible(By.id("check-used")).getText()).isEqualTo(text("points.check.usedNow"));
		shot("shop-marked-used");

		signIn(volunteer);
		browser.open("/me/time-bank");
		browser.type(By.id("service-hours"), "1");
		browser.type(By.id("service-description"), "上门陪诊一次");
		shot("order-service");
		browser.clickAndWaitForNextPage(By.cssSelector("#service-form button[type=submit]"));
		assertThat(browser.visible(By.id("service-list")).getText()).contains("上门陪诊一次");
		assertThat(browser.visible(By.id("time-balance")).getText()).isEqualTo("3.00");
		shot("service-held");

		signIn(operator);
		browser.open("/time-bank/services?regionCode=" + DISTRICT);
		assertThat(browser.visible(By.id("held-services")).getText()).contains("上门陪诊一次");
		shot("operator-services");

		browser.layOutAs(Screen.DESKTOP);
		browser.open("/rewards/manage?regionCode=" + DISTRICT);
		shot("desktop-operator-catalogue");
		browser.open("/time-bank/services?regionCode=" + DISTRICT);
		shot("desktop-operator-services");
		browser.open("/time-bank/audit?regionCode=" + DISTRICT);
		shot("desktop-ledger-audit");
		signIn(volunteer);
		browser.open("/me/points");
		shot("desktop-my-points");
		browser.open("/rewards?lang=en");
		shot("desktop-catalogue-en");
		browser.open("/me/time-bank?lang=zh-CN");
		shot("desktop-my-time-bank");
	}

}
