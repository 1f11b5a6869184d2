package org.zhiyuan.station;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.ActivityFixtures;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiyuan.station.StationApiTests.DISTRICT;
import static org.zhiyuan.station.StationApiTests.XIXI;

/**
 * The station pages as a browser gets them: the public map with its list, a station's
 * public page with its checklist badge and coming activities, and the operator's forms.
 */
class StationPageTests extends ApiTestSupport {

	@Test
	void thePublicSeesTheMapListAndAStationWithItsActivities() {
		Team team = this.fixtures.anActiveTeamIn(DISTRICT);
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		Map<String, Object> activity = ActivityFixtures.anActivity(team.id().toString(), 10);
		activity.put("title", "西溪湿地垃圾分类宣传");
		activity.put("regionCode", XIXI);
		activity.put("location", Map.of("lat", 30.2700, "lng", 120.0800));
		String activityId = admin.post("/api/v1/activities", activity).json().get("id").asString();
		assertThat(admin.post("/api/v1/activities/" + activityId + "/publish", Map.of()).status()).isEqualTo(200);

		Api operator = this.api.as(this.fixtures.tokenFor(this.fixtures.anOperatorOf(DISTRICT)));
		Map<String, Object> body = StationApiTests.station("西溪湿地志愿服务站", "SERVICE_POINT", XIXI, 30.2702, 120.0803);
		body.put("organizationId", team.id().toString());
		String id = operator.post("/api/v1/stations", body).json().get("id").asString();

		Response map = this.api.get("/stations?regionCode=" + XIXI);
		assertThat(map.status()).isEqualTo(200);
		assertThat(map.body()).contains("station-map", "西溪湿地志愿服务站", "6/6 达标", "leaflet.markercluster.js");
		Response page = this.api.get("/stations/" + id);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("西溪湿地志愿服务站", "6/6 达标", "station-menu", "西溪湿地垃圾分类宣传")
			.doesNotContain("station-actions");
		assertThat(this.api.in("en").get("/stations/" + id).body()).contains("6/6 meets the standard",
				"Volunteer service point");
		assertThat(this.api.get("/stations?kind=CASTLE").status()).isEqualTo(200);
		assertThat(this.api.get("/stations/new").status()).as("sign in first").isEqualTo(302);
	}

	@Test
	void anOperatorEntersChangesAndClosesAStationOnThePages() {
		Person person = this.fixtures.anOperatorOf(DISTRICT);
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		assertThat(browser.get("/stations/new").body()).contains("map-picker", "checklist-venue");

		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", "");
		form.put("kind", "PRACTICE_STATION");
		form.put("regionCode", XIXI);
		form.put("address", "西溪路 100 号");
		form.put("lat", "");
		form.put("lng", "");
		form.put("openingHours", "周一至周六 9:00-18:00");
		form.put("venue", "on");
		form.put("team", "on");
		Response refused = browser.submitForm("/stations/new", "/stations", form);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("problem-name", "problem-location");

		form.put("name", "西溪路社区新时代文明实践站");
		form.put("lat", "30.271000");
		form.put("lng", "120.121000");
		Response created = browser.submitForm("/stations/new", "/stations", form);
		assertThat(created.status()).isEqualTo(302);
		String path = created.header("Location").replaceAll("^https?://[^/]+", "");
		Response page = browser.get(path);
		assertThat(page.body()).contains("西溪路社区新时代文明实践站", "2/6 项", "station-actions");

		form.put("projects", "on");
		form.put("facilities", "on");
		form.put("rules", "on");
		form.put("signage", "on");
		assertThat(browser.submitForm(path + "/edit", path, form).status()).isEqualTo(302);
		assertThat(browser.get(path).body()).contains("6/6 达标");
		assertThat(browser.submitForm(path, path + "/close", Map.of("reason", "社区用房调整")).status()).isEqualTo(302);
		assertThat(browser.get(path).body()).contains("本站点已关闭：社区用房调整", "station-reopen");
		assertThat(browser.get("/stations/manage?regionCode=" + DISTRICT).body()).contains("西溪路社区新时代文明实践站", "已关闭");

		Person volunteer = this.fixtures.aVolunteerIn(DISTRICT);
		Api stranger = new Api("http://localhost:" + this.port);
		stranger.submitForm("/login", "/login",
				Map.of("username", volunteer.username(), "password", volunteer.password()));
		assertThat(stranger.get("/stations/new").status()).isEqualTo(403);
		assertThat(stranger.get(path + "/edit").status()).isEqualTo(403);
		assertThat(stranger.submitForm(path, path + "/reopen", Map.of()).status()).isEqualTo(403);
	}

}
