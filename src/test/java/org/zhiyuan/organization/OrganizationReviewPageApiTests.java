package org.zhiyuan.organization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures;
import org.zhiyuan.support.Fixtures.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator reviewing an application sees only 通过 and 驳回 with the reason; warning,
 * suspending, reinstating and closing (撤销) belong to organizations already at work.
 */
class OrganizationReviewPageApiTests extends ApiTestSupport {

	@Test
	void aPendingOrganizationOffersOnlyApproveAndRejectWithTheReason() {
		String name = "建外街道待审服务队" + Fixtures.uniqueUsername("");
		String id = apply(name);
		Api operator = browserOf(this.fixtures.anOperatorOf("110105"));

		String review = operator.get("/organizations/review?regionCode=110105001").body();
		assertThat(review).as("the application listed for review").contains(name);
		assertThat(review).doesNotContain("value=\"close\"").doesNotContain("value=\"suspend\"");

		String page = operator.get("/organizations/" + id).body();
		assertThat(page).contains("value=\"approve\"").contains("value=\"reject\"").contains("name=\"reason\"");
		assertThat(page).as("no 撤销, 警告, 暂停 or 恢复 for an application")
			.doesNotContain("value=\"close\"")
			.doesNotContain("value=\"suspend\"")
			.doesNotContain("value=\"warn\"")
			.doesNotContain("value=\"reinstate\"")
			.doesNotContain("name=\"successorId\"")
			.doesNotContain(">撤销<");
	}

	@Test
	void anActiveOrganizationOffersSupervisionButNotApproval() {
		String id = apply("建外街道在册服务队" + Fixtures.uniqueUsername(""));
		Api operator = browserOf(this.fixtures.anOperatorOf("110105"));
		assertThat(this.api.as(this.fixtures.tokenFor(this.fixtures.anOperatorOf("110105")))
			.post("/api/v1/organizations/" + id + "/approve", Map.of())
			.status()).isEqualTo(200);

		String page = operator.get("/organizations/" + id).body();
		assertThat(page).contains("value=\"warn\"")
			.contains("value=\"suspend\"")
			.contains("value=\"close\"")
			.contains("name=\"successorId\"");
		assertThat(page).doesNotContain("value=\"approve\"").doesNotContain("value=\"reject\"");
	}

	private String apply(String name) {
		Person applicant = this.fixtures.aVolunteerIn("110105001");
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("type", "COMMUNITY_TEAM");
		body.put("regionCode", "110105001");
		body.put("fields", List.of("ELDERLY_CARE"));
		var applied = this.api.as(this.fixtures.tokenFor(applicant)).post("/api/v1/organizations", body);
		assertThat(applied.status()).isEqualTo(201);
		return applied.json().get("id").asString();
	}

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

}
