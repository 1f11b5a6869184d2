package org.zhiyuan.account;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures;
import org.zhiyuan.support.Fixtures.Person;

import static org.assertj.core.api.Assertions.assertThat;

/** Operators open staff accounts inside their own region, and nowhere else. */
class StaffApiTests extends ApiTestSupport {

	@Test
	void aDistrictOperatorCreatesAStreetOperator() {
		Api chaoyang = signedIn(this.fixtures.anOperatorOf("110105"));
		String username = Fixtures.uniqueUsername("jw");
		Response created = chaoyang.post("/api/v1/staff", Map.of("username", username, "password", "Street-pass-1",
				"displayName", "建外街道", "role", "OPERATOR", "regionCode", "110105001"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("roles").get(0).get("scope").asString()).isEqualTo("110105001");
		assertThat(this.api.signIn(username, "Street-pass-1").get("/api/v1/accounts/me").status()).isEqualTo(200);
	}

	@Test
	void anOperatorCannotCreateStaffForAnotherRegion() {
		Api chaoyang = signedIn(this.fixtures.anOperatorOf("110105"));
		Response refused = chaoyang.post("/api/v1/staff", Map.of("username", Fixtures.uniqueUsername("hp"), "password",
				"Street-pass-1", "displayName", "黄浦", "role", "OPERATOR", "regionCode", "310101"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.problemCode()).isEqualTo("FORBIDDEN");
		Response upward = chaoyang.post("/api/v1/staff", Map.of("username", Fixtures.uniqueUsername("bj"), "password",
				"Street-pass-1", "displayName", "北京", "role", "OPERATOR", "regionCode", "110000"));
		assertThat(upward.status()).isEqualTo(403);
	}

	@Test
	void auditorsAndVolunteersCannotCreateStaff() {
		Map<String, String> request = Map.of("username", Fixtures.uniqueUsername("x"), "password", "Street-pass-1",
				"displayName", "某", "role", "AUDITOR", "regionCode", "110105");
		assertThat(signedIn(this.fixtures.anAuditorOf("110105")).post("/api/v1/staff", request).status())
			.isEqualTo(403);
		assertThat(signedIn(this.fixtures.aVolunteer()).post("/api/v1/staff", request).status()).isEqualTo(403);
	}

	@Test
	void reportsEveryInvalidFieldAtOnceAndCreatesNothing() {
		Api chaoyang = signedIn(this.fixtures.anOperatorOf("110105"));
		Response invalid = chaoyang.in("en")
			.post("/api/v1/staff", Map.of("username", "X", "password", "short", "displayName", " ", "role", "VOLUNTEER",
					"regionCode", "999999"));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.problemCode()).isEqualTo("VALIDATION_FAILED");
		assertThat(invalid.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("username",
				"password", "displayName", "role", "regionCode");
		assertThat(invalid.json().get("errors").get(0).get("message").asString()).doesNotContain("validation.");
	}

	@Test
	void refusesATakenUsername() {
		Person existing = this.fixtures.anOperatorOf("110105");
		Response taken = signedIn(this.fixtures.anOperatorOf("110105")).post("/api/v1/staff",
				Map.of("username", existing.username(), "password", "Street-pass-1", "displayName", "重复", "role",
						"OPERATOR", "regionCode", "110105"));
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.problemCode()).isEqualTo("USERNAME_TAKEN");
	}

	@Test
	void listsStaffWithinTheCallersRegionOnly() {
		Person street = this.fixtures.anOperatorOf("110105002");
		Person elsewhere = this.fixtures.anOperatorOf("310101");
		Api chaoyang = signedIn(this.fixtures.anOperatorOf("110105"));
		// every page: when the whole suite has run the district has hundreds of staff
		java.util.List<String> usernames = new java.util.ArrayList<>();
		for (int page = 0;; page++) {
			Response list = chaoyang.get("/api/v1/staff?regionCode=110105&size=200&page=" + page);
			assertThat(list.status()).isEqualTo(200);
			usernames.addAll(list.json().get("items").findValuesAsString("username"));
			if ((page + 1) * 200L >= list.json().get("total").asLong()) {
				break;
			}
		}
		assertThat(usernames).contains(street.username()).doesNotContain(elsewhere.username());
		assertThat(chaoyang.get("/api/v1/staff?regionCode=310101").status()).isEqualTo(403);
	}

	@Test
	void theStaffPageCreatesAnAccountForAnOperator() {
		Person chaoyang = this.fixtures.anOperatorOf("110105");
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login",
				Map.of("username", chaoyang.username(), "password", chaoyang.password()));
		assertThat(browser.get("/staff").body()).contains("110105");
		String username = Fixtures.uniqueUsername("page");
		Response created = browser.submitForm("/staff", "/staff", Map.of("username", username, "password",
				"Street-pass-1", "displayName", "朝外街道", "role", "OPERATOR", "regionCode", "110105002"));
		assertThat(created.status()).isEqualTo(302);
		assertThat(browser.get(created.header("Location").replaceFirst("^https?://[^/]+", "")).body())
			.contains(username);
		Response refused = browser.submitForm("/staff", "/staff", Map.of("username", Fixtures.uniqueUsername("p"),
				"password", "Street-pass-1", "displayName", "黄浦", "role", "OPERATOR", "regionCode", "310101"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("不在您的管辖范围内");
	}

	private Api signedIn(Person person) {
		return this.api.signIn(person.username(), person.password());
	}

}
