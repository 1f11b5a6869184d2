package org.zhiyuan.activity;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.ActivityFixtures;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Team;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activity forms take the place through the map picker, and still take the point as
 * plain lat and lng fields (a browser without scripts, or one whose person typed it); the
 * pages that show a place show it on a small map. Leaflet comes only with those pages.
 */
class ActivityMapPageTests extends ApiTestSupport {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Test
	void theNewActivityFormPicksThePlaceOnAMapAndTakesThePoint() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api page = browserOf(team);
		String form = page.get("/organizations/" + team.id() + "/activities/new").body();
		assertThat(form).contains("class=\"map-picker")
			.contains("data-radius-input=\"geofenceMeters\"")
			.contains("data-organization-id=\"" + team.id() + "\"")
			.contains("name=\"lat\"")
			.contains("name=\"lng\"")
			.contains("输入坐标")
			.contains("/webjars/leaflet/")
			.contains("/js/map-picker.js")
			.as("the tests load no tiles")
			.doesNotContain("data-tile-url=\"http");

		Response saved = page.submitForm("/organizations/" + team.id() + "/activities/new",
				"/organizations/" + team.id() + "/activities", activityForm("39.908700", "116.444500", "300"));
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		String id = saved.header("Location").replaceAll(".*/activities/", "");
		JsonNode activity = this.api.signIn(team.admin().username(), team.admin().password())
			.get("/api/v1/activities/" + id)
			.json();
		assertThat(activity.get("location").get("lat").asDouble()).isEqualTo(39.9087);
		assertThat(activity.get("location").get("lng").asDouble()).isEqualTo(116.4445);
		assertThat(activity.get("geofenceMeters").asInt()).isEqualTo(300);

		String detail = page.get("/activities/" + id).body();
		assertThat(detail).contains("class=\"map-view\"")
			.contains("data-lat=\"39.908700\"")
			.contains("data-radius=\"300\"")
			.contains("纬度 39.908700，经度 116.444500")
			.contains("href=\"geo:39.908700,116.444500?q=39.908700,116.444500\"")
			.contains("/webjars/leaflet/");
	}

	@Test
	void aPointOffTheEarthIsMarkedAtThePickerAndKept() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api page = browserOf(team);
		Response refused = page.submitForm("/organizations/" + team.id() + "/activities/new",
				"/organizations/" + team.id() + "/activities", activityForm("95", "116.4445", "300"));
		assertThat(refused.status()).isEqualTo(200);
		String body = refused.body();
		assertThat(body).contains("id=\"problem-location\"")
			.as("the coordinates open, with what was typed")
			.contains("<details class=\"map-picker-coordinates\" open")
			.contains("value=\"95\"");
		Response half = page.submitForm("/organizations/" + team.id() + "/activities/new",
				"/organizations/" + team.id() + "/activities", activityForm("39.9", "", "300"));
		assertThat(half.status()).isEqualTo(200);
		assertThat(half.body()).contains("id=\"problem-location\"");
	}

	@Test
	void theEditFormMovesThePlaceAndKeepsItWhenLeftAlone() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = this.api.signIn(team.admin().username(), team.admin().password());
		Response created = admin.post("/api/v1/activities", ActivityFixtures.anActivity(team.id().toString(), 5));
		String id = created.json().get("id").asString();
		Api page = browserOf(team);
		String form = page.get("/activities/" + id + "/edit").body();
		assertThat(form).contains("class=\"map-picker")
			.contains("value=\"39.9087\"")
			.contains("value=\"116.4445\"")
			.contains("id=\"geofenceMeters\"");

		Map<String, String> moved = new LinkedHashMap<>();
		moved.put("title", created.json().get("title").asString());
		moved.put("lat", "39.915");
		moved.put("lng", "116.451");
		moved.put("geofenceMeters", "500");
		Response saved = page.submitForm("/activities/" + id + "/edit", "/activities/" + id + "/edit", moved);
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		JsonNode after = admin.get("/api/v1/activities/" + id).json();
		assertThat(after.get("location").get("lat").asDouble()).isEqualTo(39.915);
		assertThat(after.get("location").get("lng").asDouble()).isEqualTo(116.451);
		assertThat(after.get("geofenceMeters").asInt()).isEqualTo(500);

		Response untouched = page.submitForm("/activities/" + id + "/edit", "/activities/" + id + "/edit",
				Map.of("title", "改个标题", "lat", "", "lng", ""));
		assertThat(untouched.status()).isEqualTo(302);
		assertThat(admin.get("/api/v1/activities/" + id).json().get("location").get("lat").asDouble())
			.as("blank coordinates leave the place where it was")
			.isEqualTo(39.915);

		Response bad = page.submitForm("/activities/" + id + "/edit", "/activities/" + id + "/edit",
				Map.of("lat", "北纬", "lng", "116.4"));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("id=\"problem-location\"");
	}

	@Test
	void pagesWithoutAPlaceLoadNoMap() {
		assertThat(this.api.get("/activities").body()).doesNotContain("leaflet");
		assertThat(this.api.get("/").body()).doesNotContain("leaflet");
		String nearby = this.api.get("/activities?lat=39.9087&lng=116.4445&radiusKm=5").body();
		assertThat(nearby).contains("class=\"map-view\"").contains("data-points=\"true\"").contains("leaflet.js");
	}

	@Test
	void thePagesImagePolicyAdmitsNoTileServiceWhenTilesAreOff() {
		Response home = this.api.get("/");
		assertThat(home.header("Content-Security-Policy")).contains("img-src 'self' data: blob:;");
	}

	private Map<String, String> activityForm(String lat, String lng, String geofence) {
		LocalDate tomorrow = LocalDate.now(CHINA).plusDays(2);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("title", "地图选点测试");
		form.put("description", "为社区老人助餐");
		form.put("category", "ELDERLY_CARE");
		form.put("regionCode", "110105001");
		form.put("address", "建外街道社区服务站");
		form.put("lat", lat);
		form.put("lng", lng);
		form.put("geofenceMeters", geofence);
		form.put("startsAt", tomorrow + "T09:00");
		form.put("endsAt", tomorrow + "T11:00");
		form.put("approval", "AUTO");
		form.put("riskLevel", "LOW");
		form.put("recruitmentMode", "REGULAR");
		form.put("positionName", "助餐志愿者");
		form.put("positionCapacity", "5");
		return form;
	}

	private Api browserOf(Team team) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login",
				Map.of("username", team.admin().username(), "password", team.admin().password()));
		return browser;
	}

}
