package org.zhiyuan.apiclient;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Systems connected with OAuth 2.0 client credentials, in 宁夏 石嘴山市 (540200): an operator
 * registers one, it gets an ES256 token at /oauth2/token with HTTP Basic, calls what its
 * scopes open in its region and nothing else, a wrong secret or an unknown scope or grant
 * is refused the OAuth way, a rotation refuses the old secret and its tokens, a
 * revocation every token at once, and each call is audited with the client's name.
 */
class ApiClientsApiTests extends ApiTestSupport {

	private static final String CITY = "540200";

	@Autowired
	JdbcClient jdbc;

	private Api as(Person person) {
		return this.api.as(this.fixtures.tokenFor(person));
	}

	private Response register(Person operator, String name, List<String> scopes, String region) {
		return as(operator).post("/api/v1/clients", Map.of("name", name, "scopes", scopes, "regionCode", region));
	}

	private Response token(String clientId, String secret, String form) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return this.api.postWithHeaders("/oauth2/token", form,
				Map.of("Content-Type", "application/x-www-form-urlencoded", "Authorization", "Basic " + basic));
	}

	private String accessToken(String clientId, String secret, String form) {
		Response response = token(clientId, secret, form);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("access_token").asString();
	}

	@Test
	void aRegisteredSystemCallsWithinItsScopesAndRegionUntilRevoked() throws Exception {
		String district = "540202";
		Person operator = this.fixtures.anOperatorOf(CITY);
		Response created = register(operator, "大武口区民政系统", List.of("stats:read", "volunteers:read"), district);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		String clientId = created.json().get("clientId").asString();
		String secret = created.json().get("clientSecret").asString();
		assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
		assertThat(created.json().get("regionCode").asString()).isEqualTo(district);
		assertThat(this.jdbc.sql("SELECT secret_hash FROM api_client WHERE id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.single()).as("only the hash is kept").doesNotContain(secret);
		Response shown = as(operator).get("/api/v1/clients/" + id);
		assertThat(shown.status()).as(shown.body()).isEqualTo(200);
		assertThat(shown.body()).doesNotContain(secret).contains(clientId);
		// a system is not one of the region's staff
		Response staff = as(operator).get("/api/v1/staff?regionCode=" + district + "&size=100");
		assertThat(staff.status()).as(staff.body()).isEqualTo(200);
		assertThat(staff.body()).doesNotContain("client-" + clientId);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM account_grant g JOIN account a ON a.id = g.account_id"
					+ " WHERE a.username = :username")
			.param("username", "client-" + clientId)
			.query(Long.class)
			.single()).isZero();

		Response issued = token(clientId, secret, "grant_type=client_credentials&scope=stats:read");
		assertThat(issued.status()).as(issued.body()).isEqualTo(200);
		assertThat(issued.json().get("token_type").asString()).isEqualTo("Bearer");
		assertThat(issued.json().get("expires_in").asLong()).isBetween(500L, 600L);
		String statsOnly = issued.json().get("access_token").asString();
		SignedJWT jwt = SignedJWT.parse(statsOnly);
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
		assertThat(jwt.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("stats:read");
		assertThat(jwt.getJWTClaimsSet().getStringClaim("client_id")).isEqualTo(clientId);
		assertThat(jwt.getJWTClaimsSet().getStringClaim("region_code")).isEqualTo(district);

		Api system = this.api.as(statsOnly);
		Response overview = system.get("/api/v1/stats/overview?regionCode=" + district);
		assertThat(overview.status()).as(overview.body()).isEqualTo(200);
		Response elsewhere = system.get("/api/v1/stats/overview?regionCode=540221");
		assertThat(elsewhere.status()).as("another region").isEqualTo(403);
		Person volunteer = this.fixtures.aVolunteerIn(district);
		Response outside = system.get("/api/v1/volunteers/" + volunteer.volunteerId());
		assertThat(outside.status()).as("volunteers:read was not asked for").isEqualTo(403);
		assertThat(outside.problemCode()).isEqualTo("INSUFFICIENT_SCOPE");
		assertThat(outside.header("Content-Type")).contains("application/problem+json");
		assertThat(system.get("/api/v1/clients?regionCode=" + district).problemCode()).as("no scope opens the clients")
			.isEqualTo("INSUFFICIENT_SCOPE");
		assertThat(system.get("/api/v1/volunteers/me").problemCode()).isEqualTo("INSUFFICIENT_SCOPE");

		String all = accessToken(clientId, secret, "grant_type=client_credentials");
		assertThat(SignedJWT.parse(all).getJWTClaimsSet().getStringClaim("scope"))
			.as("no scope asked: all the client's")
			.isEqualTo("stats:read volunteers:read");

		assertThat(this.jdbc
			.sql("SELECT detail FROM audit_event WHERE action = 'apiclient.call' AND object_id = :id"
					+ " ORDER BY occurred_at")
			.param("id", id)
			.query(String.class)
			.list())
			.contains("大武口区民政系统: GET /api/v1/stats/overview 200", "大武口区民政系统: GET /api/v1/stats/overview 403",
					"大武口区民政系统: GET /api/v1/volunteers/* 403")
			.allSatisfy((detail) -> assertThat(detail).doesNotContain(volunteer.volunteerId().toString())
				.doesNotContain("regionCode"));
		Response calls = as(operator).get("/api/v1/clients/" + id + "/calls");
		assertThat(calls.status()).as(calls.body()).isEqualTo(200);
		assertThat(calls.json().get("items").findValuesAsString("call")).contains("GET /api/v1/stats/overview 200");
		assertThat(as(operator).get("/api/v1/clients/" + id).json().get("lastUsedAt").isNull()).isFalse();

		Response revoked = as(operator).post("/api/v1/clients/" + id + "/revocation", Map.of());
		assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
		assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
		Response refused = this.api.as(all).get("/api/v1/stats/overview?regionCode=" + district);
		assertThat(refused.status()).as("an issued token is refused at once").isEqualTo(401);
		Response noToken = token(clientId, secret, "grant_type=client_credentials");
		assertThat(noToken.status()).isEqualTo(401);
		assertThat(noToken.json().get("error").asString()).isEqualTo("invalid_client");
		assertThat(as(operator).post("/api/v1/clients/" + id + "/secret", Map.of()).problemCode())
			.isEqualTo("CLIENT_REVOKED");
	}

	@Test
	void theTokenEndpointRefusesTheOAuthWay() {
		Person operator = this.fixtures.anOperatorOf("540221");
		Response created = register(operator, "惠农区统计接口", List.of("stats:read"), "540221");
		String clientId = created.json().get("clientId").asString();
		String secret = created.json().get("clientSecret").asString();

		Response wrong = token(clientId, secret + "x", "grant_type=client_credentials");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.json().get("error").asString()).isEqualTo("invalid_client");
		Response unknown = token("zy-nobody", secret, "grant_type=client_credentials");
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(unknown.json().get("error").asString()).isEqualTo("invalid_client");
		Response scope = token(clientId, secret, "grant_type=client_credentials&scope=records:write");
		assertThat(scope.status()).isEqualTo(400);
		assertThat(scope.json().get("error").asString()).isEqualTo("invalid_scope");
		Response grant = token(clientId, secret, "grant_type=password&username=a&password=b");
		assertThat(grant.status()).isEqualTo(400);
		assertThat(grant.json().get("error").asString()).isEqualTo("unsupported_grant_type");
		Response code = token(clientId, secret, "grant_type=authorization_code&code=x&redirect_uri=https://a.example");
		assertThat(code.status()).as("no code is ever issued").isEqualTo(400);
		assertThat(code.json().get("error").asString()).isIn("invalid_grant", "unsupported_grant_type");
		assertThat(code.body()).doesNotContain("access_token");
		assertThat(this.api.get("/.well-known/openid-configuration").status()).isNotEqualTo(200);
		assertThat(this.api.get("/oauth2/authorize?response_type=code&client_id=" + clientId).status())
			.isNotEqualTo(200);
		assertThat(this.api.get("/oauth2/jwks").status()).isNotEqualTo(200);

		Response posted = this.api.postWithHeaders("/oauth2/token",
				"grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret,
				Map.of("Content-Type", "application/x-www-form-urlencoded"));
		assertThat(posted.status()).as("client_secret_post").isEqualTo(200);
	}

	@Test
	void aRotationRefusesTheOldSecretAndItsTokens() {
		String district = "540222";
		Person operator = this.fixtures.anOperatorOf(district);
		Response created = register(operator, "平罗县志愿服务对接", List.of("stats:read"), district);
		String id = created.json().get("id").asString();
		String clientId = created.json().get("clientId").asString();
		String old = created.json().get("clientSecret").asString();
		String oldToken = accessToken(clientId, old, "grant_type=client_credentials");

		Response rotated = as(operator).post("/api/v1/clients/" + id + "/secret", Map.of());
		assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
		String fresh = rotated.json().get("clientSecret").asString();
		assertThat(fresh).isNotEqualTo(old);
		assertThat(rotated.json().get("secretRotatedAt").isNull()).isFalse();

		Response refused = token(clientId, old, "grant_type=client_credentials");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.json().get("error").asString()).isEqualTo("invalid_client");
		assertThat(this.api.as(oldToken).get("/api/v1/stats/overview?regionCode=" + district).status())
			.as("a token of the old secret")
			.isEqualTo(401);
		String newToken = accessToken(clientId, fresh, "grant_type=client_credentials");
		Response overview = this.api.as(newToken).get("/api/v1/stats/overview?regionCode=" + district);
		assertThat(overview.status()).as(overview.body()).isEqualTo(200);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'apiclient.secret.rotate'" + " AND object_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void onlyTheRegionsOperatorsManageItsClientsAndBadFieldsAreNamedAtOnce() {
		Person operator = this.fixtures.anOperatorOf("540202");
		Person neighbour = this.fixtures.anOperatorOf("540221");
		Person auditor = this.fixtures.anAuditorOf(CITY);
		Response refused = register(neighbour, "越权登记", List.of("stats:read"), "540202");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(register(auditor, "审计员登记", List.of("stats:read"), "540202").status()).isEqualTo(403);

		Map<String, String> key = Map.of("Idempotency-Key", "register-" + UUID.randomUUID());
		Map<String, Object> body = Map.of("name", "大武口区数据交换", "scopes", List.of("records:read", "records:write"),
				"regionCode", "540202");
		Response first = as(operator).postWithHeaders("/api/v1/clients", body, key);
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		Response again = as(operator).postWithHeaders("/api/v1/clients", body, key);
		assertThat(again.status()).as(again.body()).isEqualTo(201);
		assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		assertThat(again.json().get("clientSecret").isNull()).as("the secret is shown once").isTrue();
		String id = first.json().get("id").asString();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM api_client WHERE created_by = :by")
			.param("by", operator.id())
			.query(Long.class)
			.single()).isEqualTo(1);

		assertThat(as(neighbour).get("/api/v1/clients/" + id).status()).isEqualTo(403);
		assertThat(as(neighbour).post("/api/v1/clients/" + id + "/revocation", Map.of()).status()).isEqualTo(403);
		assertThat(as(neighbour).get("/api/v1/clients?regionCode=540202").status()).isEqualTo(403);
		assertThat(as(operator).get("/api/v1/clients/" + UUID.randomUUID()).problemCode())
			.isEqualTo("CLIENT_NOT_FOUND");
		Response listed = as(this.fixtures.anOperatorOf(CITY)).get("/api/v1/clients?regionCode=" + CITY);
		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		assertThat(listed.json().get("items").findValuesAsString("id")).contains(id);

		Response bad = as(operator).post("/api/v1/clients",
				Map.of("name", "x".repeat(101), "scopes", List.of("stats:read", "everything"), "regionCode", "649999"));
		assertThat(bad.status()).as(bad.body()).isEqualTo(400);
		assertThat(bad.json().get("errors").findValuesAsString("field")).contains("name", "scopes", "regionCode");
		Response blank = as(operator).post("/api/v1/clients",
				Map.of("name", " ", "scopes", List.of(), "regionCode", "540202001"));
		assertThat(blank.json().get("errors").findValuesAsString("field")).contains("name", "scopes", "regionCode");
	}

}
