package org.zhiyuan.browser;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.zhiyuan.browser.Browser.Screen;
import org.zhiyuan.support.ActivityFixtures;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recommendations on a phone: a volunteer's home page loads the block of recommendations
 * after the page, each card with its reasons; the volunteer opens all of them, places the
 * point near home with "使用我的位置" and sees the distance in the reasons, then taps a card
 * and signs up on the activity's page. People live in 深圳市南山区 (440305). Every step is
 * saved under {@code target/browser-screenshots/recommendations/}.
 */
@Tag("browser")
class RecommendationBrowserTests extends BrowserTestSupport {

	private static final String STREET = "440305003";

	private static final double HOME_LAT = 22.5400;

	private static final double HOME_LNG = 113.9300;

	@Test
	void aVolunteerFindsWhatSuitsThemOnTheHomePageAndSignsUp() {
		Team team = this.fixtures.anActiveTeamIn(STREET);
		Map<String, Object> activity = ActivityFixtures.anActivity(team.id().toString(), 10);
		activity.put("title", "沙河街道长者理发日");
		activity.put("regionCode", STREET);
		activity.put("location", Map.of("lat", HOME_LAT + 0.01, "lng", HOME_LNG));
		Api admin = new Api(baseUrl()).as(this.fixtures.tokenFor(team.admin()));
		String id = admin.post("/api/v1/activities", activity).json().get("id").asString();
		assertThat(admin.post("/api/v1/activities/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		Person volunteer = this.fixtures.aVolunteerIn(STREET);

		browser.startFlow("recommendations", baseUrl(), Screen.PHONE);
		browser.standAt(HOME_LAT, HOME_LNG, 10);
		signIn(volunteer);
		browser.open("/");
		browser.waitFor((driver) -> !driver.findElements(By.cssSelector("#home-recommendations .recommendation-card"))
			.isEmpty());
		assertThat(browser.visible(By.id("home-recommendations")).getText()).contains("沙河街道长者理发日")
			.contains(text("recommendation.home.title"));
		shot("home-block");

		browser.clickAndWaitForNextPage(By.id("home-recommendations-all"));
		browser.click(By.cssSelector(".map-picker-locate"));
		browser.waitFor((driver) -> !driver.findElement(By.id("lat")).getDomProperty("value").isBlank());
		shot("point-near-home");
		browser.clickAndWaitForNextPage(By.cssSelector("#recommendation-home-form button[type=submit]"));
		browser.waitForText(By.cssSelector(".alert-success"), text("recommendation.home.saved"));
		String card = "a.recommendation-card[data-id='" + id + "']";
		assertThat(browser.visible(By.cssSelector(card)).getText()).contains("离家 1.1 公里");
		shot("recommendations-by-distance");

		browser.clickAndWaitForNextPage(By.cssSelector(card));
		assertThat(browser.path()).isEqualTo("/activities/" + id);
		browser.waitFor((driver) -> !driver.findElements(By.cssSelector("#signup-panel form")).isEmpty());
		shot("activity");
	}

}
