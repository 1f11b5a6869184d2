package org.zhiyuan.interop;

import java.text.ParseException;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.Test;
import org.zhiyuan.region.Regions;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The installation's signing keys: published to anyone at /.well-known/jwks.json without
 * their private parts, the private key sealed at rest, a rotation by a national operator
 * only, after which the new key signs and what the old one signed still verifies.
 */
class InstallationKeysApiTests extends ApiTestSupport {

	@Autowired
	InstallationKeys keys;

	@Autowired
	JdbcClient jdbc;

	private JWKSet published() throws ParseException {
		Response response = new Api("http://localhost:" + this.port).get("/.well-known/jwks.json");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().toString()).contains("jwk-set+json").contains("max-age=300");
		return JWKSet.parse(response.body());
	}

	@Test
	void theKeysArePublishedWithoutPrivatePartsAndARotationKeepsTheOldOnesForVerification() throws Exception {
		JWKSet before = published();
		assertThat(before.getKeys()).isNotEmpty();
		for (JWK key : before.getKeys()) {
			assertThat(key.isPrivate()).isFalse();
			assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
			assertThat(key.getKeyID()).isNotBlank();
		}
		assertThat(this.jdbc.sql("SELECT private_sealed FROM installation_key").query(String.class).list())
			.as("sealed at rest")
			.allSatisfy((sealed) -> assertThat(sealed).doesNotContain("\"d\"").doesNotContain("P-256"));
		ECKey signing = this.keys.signingKey();
		assertThat(before.getKeys().get(0).getKeyID()).as("the newest first").isEqualTo(signing.getKeyID());
		JWSObject signed = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signing.getKeyID()).build(),
				new Payload("{\"hours\":\"3.00\"}"));
		signed.sign(new ECDSASigner(signing));

		Response refused = new Api("http://localhost:" + this.port)
			.as(this.fixtures.tokenFor(this.fixtures.anOperatorOf("110105")))
			.post("/api/v1/installation-keys/rotation", java.util.Map.of());
		assertThat(refused.status()).as("a district's operator").isEqualTo(403);
		Response rotated = new Api("http://localhost:" + this.port)
			.as(this.fixtures.tokenFor(this.fixtures.anOperatorOf(Regions.NATIONAL)))
			.post("/api/v1/installation-keys/rotation", java.util.Map.of());
		assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);

		JWKSet after = published();
		String newKid = rotated.json().get("kid").asString();
		assertThat(after.getKeys()).hasSize(before.getKeys().size() + 1);
		assertThat(after.getKeys().get(0).getKeyID()).isEqualTo(newKid);
		assertThat(this.keys.signingKey().getKeyID()).isEqualTo(newKid);
		JWK old = after.getKeyByKeyId(signing.getKeyID());
		assertThat(old).as("the old key stays published").isNotNull();
		JWSObject received = JWSObject.parse(signed.serialize());
		assertThat(received.verify(new ECDSAVerifier(old.toECKey()))).isTrue();
		assertThat(List.of(newKid)).doesNotContain(signing.getKeyID());
	}

}
