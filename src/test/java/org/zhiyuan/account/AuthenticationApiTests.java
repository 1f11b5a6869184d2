package org.zhiyuan.account;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void issuesAnExpiringBearerTokenForTheRightPassword() {
		Person operator = this.fixtures.anOperatorOf("110105");
		Response response = this.api.post("/api/v1/auth/token",
				Map.of("username", operator.username(), "password", operator.password()));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("tokenType").asString()).isEqualTo("Bearer");
		assertThat(response.json().get("expiresIn").asLong()).isEqualTo(7200);
		String token = response.json().get("accessToken").asString();
		Response me = this.api.as(token).get("/api/v1/accounts/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("username").asString()).isEqualTo(operator.username());
		assertThat(me.json().get("roles").get(0).get("role").asString()).isEqualTo("OPERATOR");
		assertThat(me.json().get("roles").get(0).get("scope").asString()).isEqualTo("110105");
	}

	@Test
	void acceptsUsernamesWithoutCaseOrSurroundingBlanks() {
		Person operator = this.fixtures.anOperatorOf("110105");
		Response response = this.api.post("/api/v1/auth/token",
				Map.of("username", "  " + operator.username().toUpperCase() + " ", "password", operator.password()));
		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void rejectsAWrongPasswordWithBadCredentials() {
		Person operator = this.fixtures.anOperatorOf("110105");
		Response response = this.api.post("/api/v1/auth/token",
				Map.of("username", operator.username(), "password", "not-the-password-1"));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.problemCode()).isEqualTo("BAD_CREDENTIALS");
	}

	@Test
	void rejectsAnUnknownUserExactlyLikeAWrongPassword() {
		Response response = this.api.post("/api/v1/auth/token",
				Map.of("username", "nobody-" + UUID.randomUUID(), "password", "whatever-123"));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.problemCode()).isEqualTo("BAD_CREDENTIALS");
	}

	@Test
	void makesFurtherAttemptsWaitAfterFiveFailuresEvenWithTheRightPassword() {
		Person volunteer = this.fixtures.aVolunteer();
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(wrongPassword(volunteer).problemCode()).as("attempt %d", attempt).isEqualTo("BAD_CREDENTIALS");
		}
		Response sixth = wrongPassword(volunteer);
		assertThat(sixth.status()).isEqualTo(429);
		assertThat(sixth.header("Content-Type")).startsWith("application/problem+json");
		assertThat(sixth.problemCode()).isEqualTo("ACCOUNT_LOCKED");
		assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 60L);
		Response right = this.api.post("/api/v1/auth/token",
				Map.of("username", volunteer.username(), "password", volunteer.password()));
		assertThat(right.status()).as("not checked while waiting").isEqualTo(429);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM account WHERE id = :id AND status = 'ACTIVE'")
			.param("id", volunteer.id())
			.query(Long.class)
			.single()).as("the account itself is not locked").isEqualTo(1);
		assertThat(auditCount("account.login", volunteer.id(), "DENIED")).isEqualTo(2);
	}

	@Test
	void answersUnknownAndKnownUsernamesAlikeThroughRepeatedFailures() {
		Person volunteer = this.fixtures.aVolunteer();
		String unknown = "139" + String.format("%08d", Math.abs(UUID.randomUUID().hashCode()) % 100_000_000);
		for (int attempt = 1; attempt <= 7; attempt++) {
			Response known = wrongPassword(volunteer.username());
			Response nobody = wrongPassword(unknown);
			assertThat(nobody.status()).as("attempt %d", attempt).isEqualTo(known.status());
			assertThat(nobody.body()).as("attempt %d", attempt).isEqualTo(known.body());
			assertThat(nobody.header("Retry-After") != null).isEqualTo(known.header("Retry-After") != null);
		}
		assertThat(wrongPassword(unknown).problemCode()).isEqualTo("ACCOUNT_LOCKED");
	}

	@Test
	void aPasswordChangeRevokesEveryToken() {
		Person operator = this.fixtures.anOperatorOf("110105");
		var signedIn = this.api.signIn(operator.username(), operator.password());
		assertThat(signedIn.get("/api/v1/accounts/me").status()).isEqualTo(200);
		Response change = signedIn.post("/api/v1/accounts/me/password",
				Map.of("currentPassword", operator.password(), "newPassword", "Brand-new-pass-7"));
		assertThat(change.status()).isEqualTo(204);
		Response after = signedIn.get("/api/v1/accounts/me");
		assertThat(after.status()).isEqualTo(401);
		assertThat(after.problemCode()).isEqualTo("UNAUTHORIZED");
		assertThat(this.api.signIn(operator.username(), "Brand-new-pass-7").get("/api/v1/accounts/me").status())
			.isEqualTo(200);
	}

	@Test
	void refusesAPasswordChangeWithTheWrongCurrentPasswordAndAWeakNewOne() {
		Person operator = this.fixtures.anOperatorOf("110105");
		Response change = this.api.signIn(operator.username(), operator.password())
			.post("/api/v1/accounts/me/password", Map.of("currentPassword", "wrong-one-1", "newPassword", "short"));
		assertThat(change.status()).isEqualTo(400);
		assertThat(change.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("currentPassword",
				"newPassword");
		assertThat(this.api.signIn(operator.username(), operator.password()).get("/api/v1/accounts/me").status())
			.isEqualTo(200);
	}

	@Test
	void rejectsExpiredAndTamperedTokens() {
		Person operator = this.fixtures.anOperatorOf("110105");
		String secret = this.jdbc.sql("SELECT secret FROM platform_secret WHERE name = 'api-token-hmac'")
			.query(String.class)
			.single();
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(
				new ImmutableSecret<>(new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA256")));
		Instant past = Instant.now().minusSeconds(3600);
		String expired = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
				JwtClaimsSet.builder()
					.issuer("zhiyuan")
					.subject(operator.id().toString())
					.issuedAt(past.minusSeconds(7200))
					.expiresAt(past)
					.claim("ver", 0)
					.build()))
			.getTokenValue();
		assertThat(this.api.as(expired).get("/api/v1/accounts/me").status()).isEqualTo(401);
		// the issuer is compared as text: a current token signed with the right key but
		// naming another issuer is refused
		String otherIssuer = currentToken(encoder, "https://zhiyuan.example", operator);
		assertThat(this.api.as(otherIssuer).get("/api/v1/accounts/me").status()).isEqualTo(401);
		String ours = currentToken(encoder, "zhiyuan", operator);
		assertThat(this.api.as(ours).get("/api/v1/accounts/me").status()).isEqualTo(200);

		String valid = this.api.signIn(operator.username(), operator.password())
			.post("/api/v1/auth/token", Map.of("username", operator.username(), "password", operator.password()))
			.json()
			.get("accessToken")
			.asString();
		// verified once and remembered: neither that nor a signature of another body lets
		// a
		// changed token through
		assertThat(this.api.as(valid).get("/api/v1/accounts/me").status()).isEqualTo(200);
		String[] parts = valid.split("\\.");
		String otherSubject = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]))
				.replace(operator.id().toString(), UUID.randomUUID().toString())
				.getBytes());
		Response tampered = this.api.as(parts[0] + "." + otherSubject + "." + parts[2]).get("/api/v1/accounts/me");
		assertThat(tampered.status()).isEqualTo(401);
		assertThat(tampered.header("WWW-Authenticate")).startsWith("Bearer");
	}

	@Test
	void answersUnauthenticatedCallsWithProblemJson() {
		Response response = this.api.in("en").get("/api/v1/accounts/me");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.problemCode()).isEqualTo("UNAUTHORIZED");
		assertThat(response.json().get("detail").asString()).startsWith("Sign in first");
	}

	@Test
	void auditsSuccessfulAndFailedSignInsWithoutTheUsername() {
		Person operator = this.fixtures.anOperatorOf("110105");
		wrongPassword(operator);
		this.api.signIn(operator.username(), operator.password());
		assertThat(this.jdbc.sql("SELECT outcome FROM audit_event WHERE action = 'account.login' AND actor_id = :id")
			.param("id", operator.id())
			.query(String.class)
			.list()).containsExactlyInAnyOrder("FAILURE", "SUCCESS");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE detail LIKE :name OR object_id = :name")
			.param("name", "%" + operator.username() + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void bootstrapsTheNationalAdministrator() {
		Response me = this.api.signIn("admin", ADMIN_PASSWORD).get("/api/v1/accounts/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("roles").get(0).get("role").asString()).isEqualTo("OPERATOR");
		assertThat(me.json().get("roles").get(0).get("scope").asString()).isEqualTo("000000");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM account WHERE username = 'admin'").query(Long.class).single())
			.isEqualTo(1);
	}

	private Response wrongPassword(Person person) {
		return wrongPassword(person.username());
	}

	private Response wrongPassword(String username) {
		return this.api.post("/api/v1/auth/token", Map.of("username", username, "password", "wrong-pass-0"));
	}

	private long auditCount(String action, UUID actor, String outcome) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE action = :action AND actor_id = :actor AND outcome = :outcome")
			.param("action", action)
			.param("actor", actor)
			.param("outcome", outcome)
			.query(Long.class)
			.single();
	}

	private static String currentToken(NimbusJwtEncoder encoder, String issuer, Person operator) {
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
				JwtClaimsSet.builder()
					.issuer(issuer)
					.subject(operator.id().toString())
					.issuedAt(Instant.now())
					.expiresAt(Instant.now().plusSeconds(600))
					.claim("ver", 0)
					.build()))
			.getTokenValue();
	}

}
