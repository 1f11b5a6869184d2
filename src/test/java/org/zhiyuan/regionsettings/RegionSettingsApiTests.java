package org.zhiyuan.regionsettings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A region's settings: each inherited from the nearest region above that sets it, else
 * the platform's default; set and read by the region's operators. The regions of 广西 are
 * used by no other test, so their settings change nothing elsewhere.
 */
class RegionSettingsApiTests extends ApiTestSupport {

	private static final String PROVINCE = "450000";

	private static final String CITY = "450100";

	private static final String DISTRICT = "450102";

	private static final String SISTER = "450103";

	@Test
	void aSettingNotGivenIsInheritedFromTheRegionAboveAndDefaultsToHighRisk() {
		Api province = signedIn(this.fixtures.anOperatorOf(PROVINCE));
		Api district = signedIn(this.fixtures.anOperatorOf(DISTRICT));
		JsonNode initial = district.get("/api/v1/regions/" + DISTRICT + "/settings").json();
		assertThat(initial.get("activityReview").asString()).isEqualTo("HIGH_RISK");
		assertThat(initial.get("starThresholds").get(0).asString()).isEqualTo("100.00");
		assertThat(initial.get("population").isNull()).isTrue();
		assertThat(initial.get("from").get("activityReview").isNull()).as("the platform's default").isTrue();

		Response set = province.send("PUT", "/api/v1/regions/" + CITY + "/settings", Map.of("activityReview", "ALL",
				"starThresholds", List.of("10", "20", "30", "40", "50.5"), "population", 8_740_000));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		JsonNode inherited = district.get("/api/v1/regions/" + DISTRICT + "/settings").json();
		assertThat(inherited.get("activityReview").asString()).isEqualTo("ALL");
		assertThat(inherited.get("from").get("activityReview").asString()).isEqualTo(CITY);
		assertThat(inherited.get("starThresholds").get(4).asString()).isEqualTo("50.50");
		assertThat(inherited.get("population").asLong()).isEqualTo(8_740_000L);
		assertThat(inherited.get("own").get("activityReview").isNull()).isTrue();
		assertThat(this.api.get("/api/v1/regions/" + DISTRICT + "001/star-thresholds")
			.json()
			.get("hours")
			.get(0)
			.asString()).as("star levels read the same inherited setting").isEqualTo("10.00");

		Map<String, Object> own = new HashMap<>();
		own.put("activityReview", "NONE");
		assertThat(district.send("PUT", "/api/v1/regions/" + DISTRICT + "/settings", own).status()).isEqualTo(200);
		JsonNode mixed = district.get("/api/v1/regions/" + DISTRICT + "/settings").json();
		assertThat(mixed.get("activityReview").asString()).isEqualTo("NONE");
		assertThat(mixed.get("own").get("activityReview").asString()).isEqualTo("NONE");
		assertThat(mixed.get("from").get("starThresholds").asString()).as("still inherited").isEqualTo(CITY);
		assertThat(province.get("/api/v1/regions/" + SISTER + "/settings").json().get("activityReview").asString())
			.as("a sister region keeps the city's")
			.isEqualTo("ALL");

		assertThat(province.send("PUT", "/api/v1/regions/" + CITY + "/settings", Map.of()).status()).isEqualTo(200);
		JsonNode cleared = province.get("/api/v1/regions/" + SISTER + "/settings").json();
		assertThat(cleared.get("activityReview").asString()).as("back to the default").isEqualTo("HIGH_RISK");
		assertThat(cleared.get("starThresholds").get(0).asString()).isEqualTo("100.00");
		assertThat(cleared.get("population").isNull()).isTrue();
	}

	@Test
	void onlyTheRegionsOperatorsReadAndSetIt() {
		Api district = signedIn(this.fixtures.anOperatorOf(DISTRICT));
		assertThat(district.get("/api/v1/regions/" + CITY + "/settings").status()).isEqualTo(403);
		assertThat(district.send("PUT", "/api/v1/regions/" + CITY + "/settings", Map.of("activityReview", "NONE"))
			.status()).isEqualTo(403);
		assertThat(signedIn(this.fixtures.anOperatorOf("310101")).get("/api/v1/regions/" + DISTRICT + "/settings")
			.status()).isEqualTo(403);
		assertThat(signedIn(this.fixtures.aVolunteer()).get("/api/v1/regions/" + DISTRICT + "/settings").status())
			.isEqualTo(403);
		assertThat(this.api.get("/api/v1/regions/" + DISTRICT + "/settings").status()).isEqualTo(401);
		assertThat(district.get("/api/v1/regions/999999/settings").status()).isEqualTo(404);
	}

	@Test
	void badSettingsAreNamedAndChangeNothing() {
		Person operator = this.fixtures.anOperatorOf(SISTER);
		Api api = signedIn(operator);
		Response bad = api.send("PUT", "/api/v1/regions/" + SISTER + "/settings", Map.of("activityReview", "SOMETIMES",
				"starThresholds", List.of("300", "100", "600", "1000", "1500"), "population", -5));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").findValuesAsString("field")).contains("activityReview");
		Response thresholds = api.send("PUT", "/api/v1/regions/" + SISTER + "/settings",
				Map.of("starThresholds", List.of("300", "100", "600", "1000", "1500"), "population", -5));
		assertThat(thresholds.json().get("errors").findValuesAsString("field"))
			.containsExactlyInAnyOrder("starThresholds", "population");
		assertThat(api.get("/api/v1/regions/" + SISTER + "/settings").json().get("own").get("population").isNull())
			.isTrue();
	}

	private Api signedIn(Person person) {
		return this.api.as(this.fixtures.tokenFor(person));
	}

}
