package org.zhiyuan.webhook;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registering webhooks with the installation's default settings, where private addresses
 * are not allowed: loopback, private and the cloud metadata address refused beside the
 * url field, every bad field named at once, another region's operator refused, an unknown
 * webhook not found, a repeat with the same Idempotency-Key answered with the first, and
 * the pages of the region's operators and auditors. Regions 5403xx.
 */
class WebhookApiTests extends ApiTestSupport {

	private static final String CITY = "540300";

	private static final String DISTRICT = "540322";

	private static final String OTHER_DISTRICT = "540323";

	private Api as(Person person) {
		return new Api("http://localhost:" + this.port).as(this.fixtures.tokenFor(person));
	}

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

	private static List<String> fields(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		List<String> names = new java.util.ArrayList<>();
		response.json().get("errors").forEach((error) -> names.add(error.get("field").asString()));
		return names;
	}

	@Test
	void privateLoopbackAndMetadataAddressesAreRefusedBesideTheUrl() {
		Api operator = as(this.fixtures.anOperatorOf(DISTRICT));
		for (String url : List.of("http://127.0.0.1/hook", "http://169.254.169.254/latest/meta-data",
				"http://10.1.2.3/x", "https://192.168.1.10/x", "http://[::1]/x", "http://localhost:8080/x",
				"http://0.0.0.0/x", "http://[fd00::1]/x")) {
			Response refused = operator.post("/api/v1/webhooks",
					Map.of("url", url, "events", List.of("activity.published")));
			assertThat(fields(refused)).as(url).containsExactly("url");
			assertThat(refused.body()).as(url).contains("内网").doesNotContain("whsec_");
		}
		assertThat(as(this.fixtures.anOperatorOf(DISTRICT)).in("en")
			.post("/api/v1/webhooks", Map.of("url", "http://127.0.0.1/hook", "events", List.of("signup.approved")))
			.body()).contains("private network");
	}

	@Test
	void everyBadFieldIsNamedAtOnceAndTheRegionIsChecked() {
		Person operatorPerson = this.fixtures.anOperatorOf(DISTRICT);
		Api operator = as(operatorPerson);
		assertThat(fields(operator.post("/api/v1/webhooks",
				Map.of("url", "ftp://example.org/x", "events", List.of("activity.nope"), "regionCode", "999999"))))
			.containsExactlyInAnyOrder("url", "events", "regionCode");
		assertThat(fields(operator.post("/api/v1/webhooks", Map.of("url", "/relative", "events", List.of()))))
			.containsExactlyInAnyOrder("url", "events");
		assertThat(fields(operator.post("/api/v1/webhooks", Map.of("events", List.of("webhook.test")))))
			.containsExactlyInAnyOrder("url", "events");

		Response other = operator.post("/api/v1/webhooks", Map.of("url", "https://receiver.invalid/hook", "events",
				List.of("activity.published"), "regionCode", OTHER_DISTRICT));
		assertThat(other.status()).as("another district").isEqualTo(403);
		Response above = operator.post("/api/v1/webhooks", Map.of("url", "https://receiver.invalid/hook", "events",
				List.of("activity.published"), "regionCode", CITY));
		assertThat(above.status()).as("the city above").isEqualTo(403);

		// the region defaults to the operator's; a repeat with the same key answers the
		// first
		Map<String, String> key = Map.of("Idempotency-Key", "webhook-" + UUID.randomUUID());
		Map<String, Object> body = Map.of("url", "https://receiver.invalid/hook", "events",
				List.of("activity.published", "record.counted", "activity.published"));
		Response created = operator.postWithHeaders("/api/v1/webhooks", body, key);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode webhook = created.json();
		assertThat(webhook.get("regionCode").asString()).isEqualTo(DISTRICT);
		assertThat(webhook.get("enabled").asBoolean()).isTrue();
		assertThat(webhook.get("events").toString()).isEqualTo("[\"activity.published\",\"record.counted\"]");
		Response again = operator.postWithHeaders("/api/v1/webhooks", body, key);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.json().get("id").asString()).isEqualTo(webhook.get("id").asString());
		assertThat(again.json().get("secret").asString()).isEqualTo(webhook.get("secret").asString());

		String id = webhook.get("id").asString();
		JsonNode read = operator.get("/api/v1/webhooks/" + id).json();
		assertThat(read.has("secret")).as("never shown again").isFalse();
		assertThat(read.get("url").asString()).isEqualTo("https://receiver.invalid/hook");

		// the city's auditor reads, the other district's operator does not
		Api cityAuditor = as(this.fixtures.anAuditorOf(CITY));
		assertThat(cityAuditor.get("/api/v1/webhooks/" + id).status()).isEqualTo(200);
		JsonNode list = cityAuditor.get("/api/v1/webhooks?regionCode=" + CITY).json();
		assertThat(list.get("items").toString()).contains(id);
		assertThat(cityAuditor.post("/api/v1/webhooks/" + id + "/disable", Map.of()).status()).isEqualTo(403);
		Api otherOperator = as(this.fixtures.anOperatorOf(OTHER_DISTRICT));
		assertThat(otherOperator.get("/api/v1/webhooks/" + id).status()).isEqualTo(403);
		assertThat(otherOperator.get("/api/v1/webhooks").json().get("items").toString()).doesNotContain(id);
		assertThat(otherOperator.send("DELETE", "/api/v1/webhooks/" + id).status()).isEqualTo(403);

		Response unknown = operator.get("/api/v1/webhooks/" + UUID.randomUUID());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.problemCode()).isEqualTo("WEBHOOK_NOT_FOUND");

		JsonNode disabled = operator.post("/api/v1/webhooks/" + id + "/disable", Map.of()).json();
		assertThat(disabled.get("enabled").asBoolean()).isFalse();
		assertThat(disabled.get("disabledReason").asString()).isEqualTo("BY_OPERATOR");
		assertThat(operator.send("DELETE", "/api/v1/webhooks/" + id).status()).isEqualTo(204);
		assertThat(operator.get("/api/v1/webhooks/" + id).status()).isEqualTo(404);
	}

	@Test
	void theOperatorRegistersOnThePageSeesTheSecretOnceAndTheLog() {
		Person operator = this.fixtures.anOperatorOf("540324");
		Api pages = browserOf(operator);
		assertThat(pages.get("/me").body()).contains("href=\"/webhooks\"");
		String page = pages.get("/webhooks").body();
		assertThat(page).contains("id=\"register-webhook-form\"")
			.contains("活动发布")
			.contains("value=\"organization.status_changed\"")
			.contains("还没有登记推送地址");

		Response bad = pages.submitForm("/webhooks", "/webhooks",
				Map.of("regionCode", "540324", "url", "http://169.254.169.254/latest", "formKey", "k1"));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("id=\"problem-url\"")
			.contains("id=\"problem-events\"")
			.contains("http://169.254.169.254/latest")
			.doesNotContain("id=\"webhook-secret\"");

		Response made = pages.submitForm("/webhooks", "/webhooks",
				Map.of("regionCode", "540324", "url", "https://receiver.invalid/zhiyuan", "events", "signup.approved",
						"formKey", UUID.randomUUID().toString()));
		assertThat(made.status()).isEqualTo(200);
		assertThat(made.body()).contains("id=\"webhook-secret\"")
			.contains("whsec_")
			.contains("class=\"card h-100 webhook-card\"");
		String again = pages.get("/webhooks").body();
		assertThat(again).contains("https://receiver.invalid/zhiyuan").contains("报名通过").doesNotContain("whsec_");

		String id = as(operator).get("/api/v1/webhooks").json().get("items").get(0).get("id").asString();
		Response pinged = pages.submitForm("/webhooks", "/webhooks/" + id + "/test", Map.of());
		assertThat(pinged.status()).isEqualTo(302);
		String log = pages.get("/webhooks/" + id).body();
		assertThat(log).contains("推送记录").contains("测试推送").contains("class=\"card delivery-card\"");
		assertThat(log).as("no replay while it is pending").doesNotContain("delivery-replay");

		String english = pages.get("/webhooks/" + id + "?lang=en").body();
		assertThat(english).contains("Delivery log").contains("Test message");
		Response removed = pages.submitForm("/webhooks", "/webhooks/" + id + "/remove", Map.of());
		assertThat(removed.status()).isEqualTo(302);
		assertThat(removed.header("Location")).endsWith("/webhooks?regionCode=540324");
		assertThat(pages.get("/webhooks?regionCode=540324").body()).as("in the language chosen")
			.contains("The webhook was removed.")
			.doesNotContain("https://receiver.invalid/zhiyuan");

		Person volunteer = this.fixtures.aVolunteerIn("540324");
		assertThat(browserOf(volunteer).get("/webhooks").status()).isEqualTo(403);
	}

	@Test
	void theGuardRefusesEveryInternalRange() throws Exception {
		for (String address : List.of("127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.255",
				"192.168.0.1", "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::",
				"fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1")) {
			assertThat(AddressGuard.isForbidden(java.net.InetAddress.getByName(address))).as(address).isTrue();
		}
		for (String address : List.of("8.8.8.8", "1.1.1.1", "172.32.0.1", "192.169.0.1", "2001:4860:4860::8888",
				"100.128.0.1")) {
			assertThat(AddressGuard.isForbidden(java.net.InetAddress.getByName(address))).as(address).isFalse();
		}
	}

}
