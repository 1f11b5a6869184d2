package org.zhiyuan.recommendation;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.zhiyuan.support.ActivityFixtures;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recommendation pages as a browser gets them: the home page's block, which loads its
 * cards after the page, the full list with its reasons, and the point near home picked on
 * the map, refused next to the map when off the earth, saved, and forgotten.
 */
class RecommendationPageTests extends ApiTestSupport {

	static final String STREET = "440305002";

	@Test
	void aVolunteerSeesTheirRecommendationsAndSetsThePointNearHome() {
		Team team = this.fixtures.anActiveTeamIn(STREET);
		Map<String, Object> activity = ActivityFixtures.anActivity(team.id().toString(), 10);
		activity.put("title", "南山街道敬老院陪伴");
		activity.put("regionCode", STREET);
		activity.put("location", Map.of("lat", 22.5200, "lng", 113.9300));
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		String id = admin.post("/api/v1/activities", activity).json().get("id").asString();
		assertThat(admin.post("/api/v1/activities/" + id + "/publish", Map.of()).status()).isEqualTo(200);

		Person volunteer = this.fixtures.aVolunteerIn(STREET);
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login",
				Map.of("username", volunteer.username(), "password", volunteer.password()));
		assertThat(browser.get("/").body()).contains("home-recommendations", "/me/recommendations/panel");
		Response panel = browser.get("/me/recommendations/panel");
		assertThat(panel.status()).isEqualTo(200);
		assertThat(panel.body()).contains("recommendation-card", "南山街道敬老院陪伴", "在您所在的").doesNotContain("<html");

		Response page = browser.get("/me/recommendations");
		assertThat(page.body()).contains("南山街道敬老院陪伴", "map-picker", "recommendation-home-form")
			.doesNotContain("recommendation-home-set");
		Response refused = browser.submitForm("/me/recommendations", "/me/recommendations/home",
				Map.of("lat", "200", "lng", "113.93"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("problem-location");

		Response saved = browser.submitForm("/me/recommendations", "/me/recommendations/home",
				Map.of("lat", "22.5300", "lng", "113.9300"));
		assertThat(saved.status()).isEqualTo(302);
		Response after = browser.get("/me/recommendations");
		assertThat(after.body()).contains("recommendation-home-set", "离家 1.1 公里", "位置已保存");
		Api english = new Api("http://localhost:" + this.port).in("en");
		english.submitForm("/login", "/login",
				Map.of("username", volunteer.username(), "password", volunteer.password()));
		assertThat(english.get("/me/recommendations").body()).contains("km from home", "Recommended for you");

		assertThat(browser.submitForm("/me/recommendations", "/me/recommendations/home/clear", Map.of()).status())
			.isEqualTo(302);
		assertThat(browser.get("/me/recommendations").body()).doesNotContain("recommendation-home-set", "离家 1.1 公里");
	}

}
