package org.zhiyuan.stats;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.access.Actor;
import org.zhiyuan.region.Region;
import org.zhiyuan.region.Regions;
import org.zhiyuan.regionsettings.OwnSettings;
import org.zhiyuan.regionsettings.RegionSettings;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A region that states no population of its own is reckoned against its sub-regions' sum
 * when every one of them states one, in 城中区 of 西宁市 (630103): the overview, the breakdown
 * by region, the ranking by registered share and the dashboard agree; one street without
 * a figure leaves the district without one, and the district's own figure, once stated,
 * is the one used.
 */
class PopulationsApiTests extends ApiTestSupport {

	private static final String CITY = "630100";

	private static final String DISTRICT = "630103";

	@Autowired
	RegionSettings settings;

	@Autowired
	Regions regions;

	@Autowired
	StatisticsFold fold;

	@Test
	void aDistrictWithoutItsOwnPopulationIsReckonedAgainstItsStreetsSum() {
		List<String> streets = this.regions.children(DISTRICT).stream().map(Region::code).toList();
		assertThat(streets).hasSizeGreaterThan(2);
		this.fixtures.aVolunteerIn(streets.get(0));
		this.fixtures.aVolunteerIn(streets.get(1));
		this.fold.foldAll();
		Person operator = this.fixtures.anOperatorOf(CITY);
		Actor actor = this.fixtures.actorOf(operator);
		for (String street : streets) {
			this.settings.update(actor, street, new OwnSettings(null, null, 1000L));
		}
		long residents = 1000L * streets.size();
		Api api = new Api("http://localhost:" + this.port).as(this.fixtures.tokenFor(operator));

		JsonNode overview = api.get("/api/v1/stats/overview?regionCode=" + DISTRICT).json();
		long registered = overview.get("registeredVolunteers").asLong();
		assertThat(registered).isGreaterThanOrEqualTo(2);
		assertThat(overview.get("population").asLong()).isEqualTo(residents);
		assertThat(overview.get("populationSummed").asBoolean()).isTrue();
		assertThat(new BigDecimal(overview.get("registeredShare").asString()))
			.isEqualByComparingTo(Statistics.share(registered, residents));
		JsonNode district = itemOf(api.get("/api/v1/stats/breakdown?regionCode=" + CITY + "&by=REGION").json());
		assertThat(district.get("population").asLong()).isEqualTo(residents);
		JsonNode ranked = itemOf(api.get("/api/v1/stats/rankings?regionCode=" + CITY + "&by=REGISTERED_SHARE").json());
		assertThat(ranked.get("population").asLong()).isEqualTo(residents);
		assertThat(ranked.get("rank").isNull()).isFalse();
		Api page = new Api("http://localhost:" + this.port);
		page.submitForm("/login", "/login", Map.of("username", operator.username(), "password", operator.password()));
		assertThat(page.get("/dashboard/" + DISTRICT).body()).contains("id=\"dash-population-summed\"")
			.contains(String.format("%,d", residents));

		this.settings.update(actor, streets.get(2), new OwnSettings(null, null, null));
		JsonNode partly = api.get("/api/v1/stats/overview?regionCode=" + DISTRICT).json();
		assertThat(partly.get("population").isNull()).as("one street states none").isTrue();
		assertThat(partly.get("populationSummed").asBoolean()).isFalse();

		this.settings.update(actor, DISTRICT, new OwnSettings(null, null, 5000L));
		JsonNode own = api.get("/api/v1/stats/overview?regionCode=" + DISTRICT).json();
		assertThat(own.get("population").asLong()).isEqualTo(5000L);
		assertThat(own.get("populationSummed").asBoolean()).isFalse();
		assertThat(page.get("/dashboard/" + DISTRICT).body()).doesNotContain("dash-population-summed");
	}

	private static JsonNode itemOf(JsonNode answer) {
		for (JsonNode item : answer.get("items")) {
			if (DISTRICT.equals(item.get("key").asString())) {
				return item;
			}
		}
		throw new AssertionError(DISTRICT + " not in " + answer);
	}

}
