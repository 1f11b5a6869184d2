package org.zhiyuan.browser;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.zhiyuan.browser.Browser.Screen;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Fixtures.Person;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mobilization on phones, in 贵南县 (632525): the operator, standing at the scene,
 * launches it from the form (the scene and the assembly point where they stand, a need of
 * two first aiders), two volunteers who live nearby open their call from the list,
 * accept, and one checks in at the assembly point by the phone's position; the board
 * shows them, and refreshes by itself when the second arrives. Every step is saved under
 * {@code target/browser-screenshots/mobilization/}.
 */
@Tag("browser")
class MobilizationBrowserTests extends BrowserTestSupport {

	private static final String DISTRICT = "632525";

	private static final double LAT = 35.5870;

	private static final double LNG = 100.7470;

	@Autowired
	JdbcClient jdbc;

	private Person aFirstAiderNear(double lat, double lng) {
		Person volunteer = this.fixtures.aVolunteerIn(DISTRICT + "100");
		this.jdbc
			.sql("INSERT INTO emergency_profile (volunteer_id, home_lat, home_lng, readiness, updated_at)"
					+ " VALUES (:id, :lat, :lng, 'HIGH', :now)")
			.param("id", volunteer.volunteerId())
			.param("lat", lat)
			.param("lng", lng)
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		this.jdbc.sql("DELETE FROM volunteer_attribute WHERE volunteer_id = :id AND kind = 'SKILL'")
			.param("id", volunteer.volunteerId())
			.update();
		this.jdbc.sql("INSERT INTO volunteer_attribute (volunteer_id, kind, attribute) VALUES (:id, 'SKILL', '急救')")
			.param("id", volunteer.volunteerId())
			.update();
		return volunteer;
	}

	@Test
	void anOperatorLaunchesTwoVolunteersAnswerOnTheirPhonesAndTheBoardShowsThem() {
		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		Person first = aFirstAiderNear(LAT + 0.01, LNG);
		Person second = aFirstAiderNear(LAT - 0.01, LNG + 0.01);

		browser.startFlow("mobilization", baseUrl(), Screen.PHONE);
		signIn(operator);
		browser.standAt(LAT, LNG, 15);
		browser.open("/emergency/mobilizations?regionCode=" + DISTRICT);
		shot("list");
		browser.clickAndWaitForNextPage(By.id("launch-link"));
		browser.type(By.id("launch-title"), "沙柳河水位上涨");
		browser.click(By.xpath("(//button[contains(@class,'map-picker-locate')])[1]"));
		browser.waitFor((driver) -> !value("lat").isEmpty());
		browser.type(By.id("launch-assembly-name"), "县体育场北门");
		browser.click(By.xpath("(//button[contains(@class,'map-picker-locate')])[2]"));
		browser.waitFor((driver) -> !value("assemblyLat").isEmpty());
		browser.type(By.id("need-skill-0"), "急救");
		browser.type(By.id("need-count-0"), "2");
		shot("launch-form");
		browser.clickAndWaitForNextPage(By.id("launch-submit"));
		assertThat(browser.path()).matches("/emergency/mobilizations/[0-9a-f-]{36}/board");
		String board = browser.path();
		String id = board.split("/")[3];
		assertThat(shown("count-notified")).isEqualTo("2");
		shot("board-launched");

		for (Person volunteer : List.of(first, second)) {
			signIn(volunteer);
			browser.open("/emergency/mobilizations");
			browser.clickAndWaitForNextPage(By.cssSelector(".my-call"));
			assertThat(browser.path()).isEqualTo("/emergency/mobilizations/" + id);
			shot("call");
			browser.clickAndWaitForNextPage(By.id("accept"));
			assertThat(browser.visible(By.id("call-status")).getText()).contains(text("emergency.callStatus.ACCEPTED"));
		}
		// the second, still on the way, sees where to go; the first arrives
		signIn(first);
		browser.standAt(LAT + 0.0005, LNG, 20);
		browser.open("/emergency/mobilizations/" + id);
		browser.waitFor((driver) -> !value("geo-lat").isEmpty());
		shot("arrived");
		browser.clickAndWaitForNextPage(By.id("muster-submit"));
		browser.visible(By.id("mustered"));
		shot("mustered");

		signIn(operator);
		browser.open(board);
		assertThat(shown("count-accepted")).isEqualTo("2");
		assertThat(shown("count-mustered")).isEqualTo("1");
		assertThat(browser.visibleElements(".board-person")).hasSize(2);
		shot("board-answered");
		// the second arrives while the board is open: it shows without reloading
		Api secondPhone = new Api(baseUrl()).as(this.fixtures.tokenFor(second));
		Api.Response arrived = secondPhone.post("/api/v1/emergency/mobilizations/" + id + "/muster",
				Map.of("location", Map.of("lat", LAT, "lng", LNG + 0.001)));
		assertThat(arrived.status()).as(arrived.body()).isEqualTo(200);
		browser.waitForText(By.id("count-mustered"), "2");
		shot("board-live");

		// the same pages on a wide screen and in English
		browser.layOutAs(Screen.DESKTOP);
		browser.open(board + "?lang=en");
		assertThat(browser.visible(By.tagName("h1")).getText()).contains("沙柳河水位上涨");
		assertThat(browser.visible(By.id("command")).getText()).contains("Call the next wave now");
		shot("board-desktop-en");
		browser.open("/emergency/mobilizations/new?regionCode=" + DISTRICT + "&lang=en");
		assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Launch an emergency mobilization");
		shot("launch-form-desktop-en");
		signIn(second);
		browser.layOutAs(Screen.PHONE);
		browser.open("/emergency/mobilizations/" + id + "?lang=en");
		assertThat(browser.visible(By.id("mustered")).getText()).contains("Arrived at the assembly point");
		shot("call-en");
	}

	private static String shown(String id) {
		return browser.visible(By.id(id)).getText().strip();
	}

	private static String value(String id) {
		return String.valueOf(browser.evaluate("return document.getElementById(arguments[0]).value", id));
	}

}
