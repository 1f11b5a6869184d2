package org.zhiyuan.browser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.zhiyuan.browser.Browser.Screen;
import org.zhiyuan.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public station map on a phone (390 px), without tiles as in every test: the
 * stations of 杭州市上城区 (330102, which no other test uses) drawn as markers, three that
 * stand within fifty metres of each other gathered into one cluster, all five listed as
 * cards under the map; a tap on the cluster zooms in and the list follows the map to the
 * three in view; on a wide screen the list stands beside the map. Screenshots go to
 * {@code target/browser-screenshots/station-map/}.
 */
@Tag("browser")
class StationMapBrowserTests extends BrowserTestSupport {

	private static final String SHANGCHENG = "330102";

	private static final String QINGBO = "330102001";

	@Test
	void theMapDrawsTheStationsInViewWithClustersAndListsThemUnderItOnAPhone() {
		Api operator = this.api.as(this.fixtures.tokenFor(this.fixtures.anOperatorOf(SHANGCHENG)));
		station(operator, "清波街道新时代文明实践所", "PRACTICE_INSTITUTE", 30.24500, 120.17000);
		station(operator, "清波街道志愿服务站", "SERVICE_POINT", 30.24530, 120.17030);
		station(operator, "清波街道睦邻点", "SERVICE_POINT", 30.24480, 120.17040);
		station(operator, "上城区新时代文明实践中心", "PRACTICE_CENTER", 30.26000, 120.19000);
		station(operator, "南星街道新时代文明实践站", "PRACTICE_STATION", 30.23000, 120.15000);

		browser.startFlow("station-map", baseUrl(), Screen.PHONE);
		browser.open("/stations?regionCode=" + SHANGCHENG);
		browser.visible(By.cssSelector("#station-map.leaflet-container"));
		browser.waitFor((driver) -> loads() >= 1);
		assertThat(browser.evaluate("return document.getElementById('station-map').dataset.markers")).isEqualTo("5");
		List<WebElement> clusters = browser.visibleElements("#station-map .marker-cluster");
		List<WebElement> single = browser.visibleElements("#station-map .leaflet-marker-icon:not(.marker-cluster)");
		assertThat(clusters).as("the three close stations are one cluster").hasSize(1);
		assertThat(clusters.get(0).getText()).isEqualTo("3");
		assertThat(single).as("the two others stand alone").hasSize(2);
		assertThat(browser.visibleElements("#station-list .station-card")).hasSize(5);
		assertThat(browser.visible(By.id("station-count")).getText()).contains("5");
		assertThat(browser.visibleElements(".station-badge")).isNotEmpty();
		Number mapBottom = (Number) browser
			.evaluate("return document.getElementById('station-map').getBoundingClientRect().bottom");
		Number listTop = (Number) browser
			.evaluate("return document.getElementById('station-list').getBoundingClientRect().top");
		assertThat(listTop.doubleValue()).as("the list lies under the map on a phone")
			.isGreaterThanOrEqualTo(mapBottom.doubleValue());
		assertThat(browser.fitsTheScreenWidth()).isTrue();
		browser.screenshot("map-with-cluster");

		int before = loads();
		browser.click(By.cssSelector("#station-map .marker-cluster"));
		browser.waitFor(
				(driver) -> loads() > before && browser.visibleElements("#station-list .station-card").size() == 3);
		assertThat(browser.evaluate("return document.getElementById('station-map').dataset.markers")).isEqualTo("3");
		assertThat(browser.visibleElements("#station-list .station-card")).extracting(WebElement::getText)
			.allMatch((text) -> text.contains("清波街道"));
		browser.screenshot("zoomed-into-cluster");

		browser.click(By.cssSelector("#station-list .station-card a"));
		browser.waitFor((driver) -> browser.path().startsWith("/stations/"));
		browser.visible(By.cssSelector(".map-view.leaflet-container"));
		assertThat(browser.visible(By.id("station-checklist")).getText()).contains("有场所");
		assertThat(browser.fitsTheScreenWidth()).isTrue();
		browser.screenshot("station-page");

		browser.layOutAs(Screen.DESKTOP);
		browser.open("/stations?regionCode=" + SHANGCHENG + "&kind=PRACTICE_CENTER");
		browser.waitFor((driver) -> loads() >= 1);
		assertThat(browser.visibleElements("#station-list .station-card")).hasSize(1);
		Number mapRight = (Number) browser
			.evaluate("return document.getElementById('station-map').getBoundingClientRect().right");
		Number listLeft = (Number) browser
			.evaluate("return document.getElementById('station-list').getBoundingClientRect().left");
		assertThat(listLeft.doubleValue()).as("the list stands beside the map on a wide screen")
			.isGreaterThanOrEqualTo(mapRight.doubleValue());
		browser.screenshot("desktop-by-kind");
	}

	private static int loads() {
		Object loads = browser.evaluate("var m = document.getElementById('station-map');"
				+ " return m && m.dataset.loads ? parseInt(m.dataset.loads, 10) : 0;");
		return ((Number) loads).intValue();
	}

	private static void station(Api operator, String name, String kind, double lat, double lng) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("kind", kind);
		body.put("regionCode", QINGBO);
		body.put("address", "杭州市上城区" + name);
		body.put("location", Map.of("lat", lat, "lng", lng));
		body.put("openingHours", "周二至周日 9:00-17:00");
		body.put("checklist", Map.of("venue", true, "team", true, "projects", true, "facilities", true, "rules", true,
				"signage", !kind.equals("SERVICE_POINT")));
		assertThat(operator.post("/api/v1/stations", body).status()).isEqualTo(201);
	}

}
