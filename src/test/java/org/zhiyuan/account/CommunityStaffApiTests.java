package org.zhiyuan.account;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures;
import org.zhiyuan.support.Fixtures.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A community (村/居委会, a 12-digit code) has operators of its own, who see the people of
 * their community and nobody next door; volunteers name their community.
 */
class CommunityStaffApiTests extends ApiTestSupport {

	private static final String STREET = "110101001";

	private static final String DUOFUXIANG = "110101001001";

	private static final String YINZHA = "110101001002";

	@Test
	void aStreetOperatorOpensAnAccountForACommunityOperator() {
		Api street = signedIn(this.fixtures.anOperatorOf(STREET));
		String username = Fixtures.uniqueUsername("sq");
		Response created = street.post("/api/v1/staff", staff(username, DUOFUXIANG));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("roles").get(0).get("scope").asString()).isEqualTo(DUOFUXIANG);

		Api community = this.api.signIn(username, "Community-pass-1");
		assertThat(community.post("/api/v1/staff", staff(Fixtures.uniqueUsername("yz"), YINZHA)).status())
			.as("the neighbouring community")
			.isEqualTo(403);
		assertThat(community.post("/api/v1/staff", staff(Fixtures.uniqueUsername("jd"), STREET)).status())
			.as("the street above")
			.isEqualTo(403);
		assertThat(community.get("/api/v1/staff?regionCode=" + DUOFUXIANG).status()).isEqualTo(200);
		assertThat(community.get("/api/v1/staff?regionCode=" + YINZHA).status()).isEqualTo(403);

		Response unknown = street.post("/api/v1/staff", staff(Fixtures.uniqueUsername("no"), "110101001999"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("errors").findValuesAsString("field")).containsExactly("regionCode");
	}

	@Test
	void aCommunityOperatorSeesTheirCommunityAndNotTheNeighbouringOne() {
		Person here = this.fixtures.aVolunteerIn(DUOFUXIANG);
		Person nextDoor = this.fixtures.aVolunteerIn(YINZHA);
		Api operator = signedIn(this.fixtures.anOperatorOf(DUOFUXIANG));

		assertThat(operator.get("/api/v1/volunteers/" + here.volunteerId()).status()).isEqualTo(200);
		assertThat(operator.get("/api/v1/volunteers/" + nextDoor.volunteerId()).status()).isEqualTo(403);
		Response mine = operator.get("/api/v1/volunteers?regionCode=" + DUOFUXIANG + "&size=100");
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.json().get("items").findValuesAsString("id")).contains(here.volunteerId().toString())
			.doesNotContain(nextDoor.volunteerId().toString());
		assertThat(operator.get("/api/v1/volunteers?regionCode=" + YINZHA).status()).isEqualTo(403);
		assertThat(operator.get("/api/v1/volunteers?regionCode=" + STREET).status()).isEqualTo(403);

		Api streetOperator = signedIn(this.fixtures.anOperatorOf(STREET));
		assertThat(streetOperator.get("/api/v1/volunteers/" + here.volunteerId()).status()).isEqualTo(200);
		assertThat(streetOperator.get("/api/v1/volunteers/" + nextDoor.volunteerId()).status()).isEqualTo(200);
	}

	@Test
	void aVolunteerNamesTheirCommunity() {
		Person volunteer = this.fixtures.aVolunteerIn(DUOFUXIANG);
		Api api = signedIn(volunteer);
		assertThat(api.get("/api/v1/volunteers/me").json().get("regionCode").asString()).isEqualTo(DUOFUXIANG);
		Map<String, Object> change = new HashMap<>();
		change.put("regionCode", YINZHA);
		change.put("skills", List.of("急救"));
		assertThat(api.send("PUT", "/api/v1/volunteers/me/profile", change).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/volunteers/me").json().get("regionCode").asString()).isEqualTo(YINZHA);
		change.put("regionCode", "110101001999");
		Response unknown = api.send("PUT", "/api/v1/volunteers/me/profile", change);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("errors").findValuesAsString("field")).containsExactly("regionCode");

		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login",
				Map.of("username", volunteer.username(), "password", volunteer.password()));
		assertThat(browser.get("/me?section=basic").body()).as("the picker opens at the community")
			.contains("data-value=\"" + YINZHA + "\"")
			.as("without scripts, a link to the region pages that open at the community")
			.contains("href=\"/regions?code=" + YINZHA + "\"");
		assertThat(browser
			.submitForm("/me?section=basic", "/me/profile", Map.of("section", "basic", "regionCode", DUOFUXIANG))
			.status()).isEqualTo(302);
		assertThat(api.get("/api/v1/volunteers/me").json().get("regionCode").asString()).isEqualTo(DUOFUXIANG);
	}

	@Test
	void theStaffPageOpensACommunityOperatorWithTheRegionPicker() {
		Person street = this.fixtures.anOperatorOf(STREET);
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", street.username(), "password", street.password()));
		assertThat(browser.get("/staff").body()).contains("class=\"region-picker\"", "data-value=\"" + STREET + "\"")
			.doesNotContain("id=\"regionCode\"");
		String username = Fixtures.uniqueUsername("page");
		Response created = browser.submitForm("/staff", "/staff", Map.of("username", username, "password",
				"Community-pass-1", "displayName", "多福巷社区", "role", "OPERATOR", "regionCode", DUOFUXIANG));
		assertThat(created.status()).isEqualTo(302);
		assertThat(browser.get(created.header("Location").replaceFirst("^https?://[^/]+", "")).body())
			.contains(username, "北京市 东城区 东华门街道 多福巷社区居委会");
	}

	private static Map<String, String> staff(String username, String regionCode) {
		return Map.of("username", username, "password", "Community-pass-1", "displayName", "社区工作人员", "role", "OPERATOR",
				"regionCode", regionCode);
	}

	private Api signedIn(Person person) {
		return this.api.signIn(person.username(), person.password());
	}

}
