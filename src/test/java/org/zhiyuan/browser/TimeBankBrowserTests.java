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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time bank on a phone, in 拉萨市城关区 (540102): a volunteer with four hours of eligible
 * service opens 我的时间银行 from the menu, names her mother by phone and name, the mother
 * confirms from her own account, the daughter gives her one and a half hours picked from
 * the list, and both see it; then the mother's credit page. Every step is saved under
 * {@code target/browser-screenshots/time-bank/}.
 */
@Tag("browser")
class TimeBankBrowserTests extends BrowserTestSupport {

	private static final String STREET = "540102003";

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDaughterNamesHerMotherWhoConfirmsAndReceivesHoursOnThePhone() {
		Team team = this.fixtures.anActiveTeamIn(STREET);
		Person daughter = this.fixtures.aVolunteerIn(STREET);
		Person mother = this.fixtures.aVolunteerIn(STREET);
		Api admin = new Api(baseUrl()).as(this.fixtures.tokenFor(team.admin()));
		Finished finished = this.fixtures.aFinishedActivity(new Api(baseUrl()), team, daughter, 2);
		assertThat(
				admin
					.post("/api/v1/records",
							Map.of("volunteerId", daughter.volunteerId().toString(), "activityId", finished.id(),
									"startedAt", finished.startsAt().toString(), "endedAt",
									finished.startsAt().plusHours(4).toString(), "content", "助老服务", "reason", "按签到表补录"))
					.status())
			.isEqualTo(201);
		String motherName = this.jdbc.sql("SELECT name FROM volunteer WHERE id = :id")
			.param("id", mother.volunteerId())
			.query(String.class)
			.single();

		browser.startFlow("time-bank", baseUrl(), Screen.PHONE);
		signIn(daughter);
		browser.open("/me/time-bank");
		assertThat(browser.visible(By.id("time-balance")).getText()).isEqualTo("4.00");
		shot("balance");
		browser.click(By.cssSelector("#relatives summary"));
		browser.choose(By.id("relation"), "PARENT");
		browser.type(By.id("phoneOrNumber"), mother.username());
		browser.type(By.id("relative-name"), motherName);
		shot("name-mother");
		browser.clickAndWaitForNextPage(By.cssSelector("#relative-form button[type=submit]"));
		assertThat(browser.visible(By.id("relative-list")).getText()).contains(text("timebank.relativeStatus.PENDING"));
		shot("waiting");

		signIn(mother);
		browser.open("/me/time-bank");
		assertThat(browser.visible(By.id("relative-list")).getText()).contains(text("timebank.relatives.byThem"))
			.contains(text("timebank.relation.CHILD"));
		shot("mother-asked");
		browser.clickAndWaitForNextPage(By.cssSelector(".relative-confirm"));
		assertThat(browser.visible(By.id("relative-list")).getText())
			.contains(text("timebank.relativeStatus.CONFIRMED"));
		shot("mother-confirmed");

		signIn(daughter);
		browser.open("/me/time-bank");
		browser.type(By.id("gift-hours"), "1.5");
		browser.type(By.id("gift-memo"), "妈妈，请人上门陪您");
		shot("gift");
		browser.clickAndWaitForNextPage(By.cssSelector("#gift-form button[type=submit]"));
		assertThat(browser.visible(By.id("time-balance")).getText()).isEqualTo("2.50");
		assertThat(browser.visibleElements(".entry-card")).hasSize(2);
		shot("given");

		signIn(mother);
		browser.open("/me/time-bank?lang=en");
		assertThat(browser.visible(By.id("time-balance")).getText()).isEqualTo("1.50");
		assertThat(browser.visible(By.id("entries")).getText()).contains("Gift between relatives")
			.contains("妈妈，请人上门陪您");
		shot("mother-received-en");
		browser.open("/me/credit?lang=zh-CN");
		assertThat(browser.visible(By.id("credit-score")).getText()).isEqualTo("100");
		shot("credit");
	}

}
