package org.zhiyuan.browser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.zhiyuan.browser.Browser.Screen;
import org.zhiyuan.support.ActivityFixtures;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Fixtures.Team;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map picker on a 390 px phone with the tiles off (as in every test): the organizer
 * finds an earlier place by the place search, then sets the point by tapping the blank
 * map, saves the activity and sees the small map on its page; no page scrolls sideways.
 * Screenshots under {@code target/browser-screenshots/map-picker/}.
 */
@Tag("browser")
class MapPickerBrowserTests extends BrowserTestSupport {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final String[] JIANWAI = { "110000", "110100", "110105", "110105001" };

	@Test
	void anOrganizerPicksThePlaceOnTheMapOnAPhone() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		String earlier = "建外街道睦邻中心" + UUID.randomUUID().toString().substring(0, 6);
		Map<String, Object> before = ActivityFixtures.anActivity(team.id().toString(), 5);
		before.put("address", earlier);
		before.put("location", Map.of("lat", 39.9087, "lng", 116.4445));
		Api admin = this.api.signIn(team.admin().username(), team.admin().password());
		assertThat(admin.post("/api/v1/activities", before).status()).isEqualTo(201);

		browser.startFlow("map-picker", baseUrl(), Screen.PHONE);
		browser.open("/login");
		browser.type(By.id("username"), team.admin().username());
		browser.type(By.id("password"), team.admin().password());
		browser.clickAndWaitForNextPage(By.cssSelector("#login-form button[type=submit]"));
		browser.open("/organizations/" + team.id() + "/activities/new");
		browser.visible(By.cssSelector(".map-picker-map.leaflet-container"));
		assertThat(browser.visibleElements(".map-picker-no-tiles")).as("the page says the tiles are off").hasSize(1);
		assertThat(browser.visibleElements("#lat")).as("the coordinates wait behind 'Enter coordinates'").isEmpty();
		assertThat(browser.fitsTheScreenWidth()).as("the form with its map fits the phone").isTrue();
		browser.screenshot("form");

		LocalDate day = LocalDate.now(CHINA).plusDays(3);
		browser.type(By.id("title"), "睦邻中心读书会");
		browser.type(By.id("description"), "陪社区老人读报、聊天。");
		browser.choose(By.id("category"), "ELDERLY_CARE");
		browser.chooseRegion("main .region-picker", JIANWAI);

		browser.type(By.cssSelector(".map-picker-query"), "睦邻中心");
		browser.click(By.cssSelector(".map-picker-search"));
		browser.waitForText(By.cssSelector(".map-picker-matches .place-match"), earlier);
		browser.screenshot("place-search");
		browser.click(By.cssSelector(".map-picker-matches .place-match"));
		assertThat(value("lat")).isEqualTo("39.908700");
		assertThat(value("lng")).isEqualTo("116.444500");
		assertThat(value("address")).as("the picked place names the address").isEqualTo(earlier);

		browser.clickAt(By.cssSelector(".map-picker-map"), 60, -40);
		browser.waitFor((driver) -> !"39.908700".equals(value("lat")));
		String lat = value("lat");
		String lng = value("lng");
		assertThat(Double.parseDouble(lat)).as("north of the place, tapped on the blank map").isGreaterThan(39.9087);
		assertThat(Double.parseDouble(lng)).as("east of it").isGreaterThan(116.4445);
		browser.waitForText(By.cssSelector(".map-picker-readout"), lat);
		assertThat(browser.visibleElements(".map-picker-map .leaflet-marker-icon")).hasSize(1);
		assertThat(browser.visibleElements(".map-picker-map path.leaflet-interactive, .map-picker-map path"))
			.as("the check-in circle")
			.isNotEmpty();
		assertThat(browser.fitsTheScreenWidth()).isTrue();
		browser.screenshot("point-picked");

		browser.type(By.id("geofenceMeters"), "300");
		browser.setValue(By.id("startsAt"), day + "T09:00");
		browser.setValue(By.id("endsAt"), day + "T11:00");
		browser.type(By.cssSelector("input[name=positionName]"), "陪读志愿者");
		browser.type(By.cssSelector("input[name=positionCapacity]"), "4");
		browser.clickAndWaitForNextPage(By.cssSelector("main form button[type=submit]"));
		assertThat(browser.path()).as("saved as a draft").startsWith("/activities/");

		browser.visible(By.cssSelector(".map-view.leaflet-container"));
		browser.screenshot("detail-with-map");
		assertThat(browser.evaluate("return document.querySelector('.map-view').dataset.lat")).isEqualTo(lat);
		assertThat(browser.evaluate("return document.querySelector('.map-view').dataset.lng")).isEqualTo(lng);
		assertThat(browser.visibleElements(".map-view .leaflet-marker-icon")).hasSize(1);
		assertThat(browser.fitsTheScreenWidth()).as("the activity page with its map fits the phone").isTrue();
	}

	private static String value(String id) {
		return String.valueOf(browser.evaluate("return document.getElementById(arguments[0]).value", id));
	}

}
