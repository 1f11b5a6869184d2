package org.zhiyuan.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.ActorAuthentication;
import org.zhiyuan.shared.Ids;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Service;

/**
 * API bearer tokens: JWTs signed with HMAC-SHA256, valid for {@code tokenTtl}, carrying
 * the account's credentials version so that a password change revokes them all. The key
 * comes from configuration or, by default, is generated once and kept in the database so
 * that every instance shares it.
 */
@Service
public class AccessTokens {

	static final String ISSUER = "zhiyuan";

	static final String SECRET_NAME = "api-token-hmac";

	private static final String VERSION_CLAIM = "ver";

	/** How many verified tokens a platform instance remembers. */
	private static final int REMEMBERED_TOKENS = 20_000;

	private final AccountProperties properties;

	private final ActorLoader actors;

	private final AccountRepository accounts;

	private final JwtEncoder encoder;

	private final JwtDecoder decoder;

	AccessTokens(AccountProperties properties, ActorLoader actors, AccountRepository accounts) {
		this.properties = properties;
		this.actors = actors;
		this.accounts = accounts;
		SecretKey key = signingKey(properties, accounts);
		this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
		NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		nimbus.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
		// the issuer is a name, not a URL: left as text, instead of Spring's default that
		// tries a URL first and throws (and catches) an exception for every token
		nimbus.setClaimSetConverter(MappedJwtClaimSetConverter
			.withDefaults(Map.of(JwtClaimNames.ISS, (value) -> (value != null) ? value.toString() : null)));
		this.decoder = remembering(nimbus);
	}

	/**
	 * A decoder that verifies each token once and remembers it until it expires: an app
	 * sends the same token with every request, and parsing, checking the signature and
	 * converting the claims cost more than the rest of a small request's authentication.
	 * Only verified tokens are remembered (a bad one is checked again each time), a
	 * remembered one still stops working when it expires, and what it may do is read
	 * afresh on every request ({@link #authenticationConverter}).
	 */
	private static JwtDecoder remembering(JwtDecoder verifying) {
		Cache<String, Jwt> verified = Caffeine.newBuilder()
			.maximumSize(REMEMBERED_TOKENS)
			.expireAfterWrite(Duration.ofMinutes(10))
			.build();
		return (token) -> {
			Jwt known = verified.getIfPresent(token);
			if (known != null && known.getExpiresAt() != null && known.getExpiresAt().isAfter(Instant.now())) {
				return known;
			}
			Jwt jwt = verifying.decode(token);
			verified.put(token, jwt);
			return jwt;
		};
	}

	/** Issues a token bound to the account's current password. */
	public IssuedToken issue(Actor actor) {
		int credentialsVersion = this.accounts.findById(actor.accountId())
			.map(AccountRow::credentialsVersion)
			.orElseThrow(() -> new IllegalStateException("account vanished"));
		Instant now = Instant.now();
		Instant expiresAt = now.plus(this.properties.tokenTtl());
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(actor.accountId().toString())
			.id(Ids.newId().toString())
			.issuedAt(now)
			.expiresAt(expiresAt)
			.claim(VERSION_CLAIM, credentialsVersion)
			.build();
		JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
		String token = this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
		return new IssuedToken(token, this.properties.tokenTtl().toSeconds(), expiresAt);
	}

	/** Verifies the signature, issuer and expiry of a token. */
	public JwtDecoder decoder() {
		return this.decoder;
	}

	/**
	 * Turns a verified token into its actor, refusing tokens of a changed password or
	 * closed account.
	 */
	public Converter<Jwt, ActorAuthentication> authenticationConverter() {
		return (jwt) -> {
			Object version = jwt.getClaims().get(VERSION_CLAIM);
			UUID accountId;
			try {
				accountId = UUID.fromString(jwt.getSubject());
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				throw new InvalidBearerTokenException("token subject is not an account");
			}
			if (!(version instanceof Number number)) {
				throw new InvalidBearerTokenException("token has no credentials version");
			}
			return this.actors.forToken(accountId, number.intValue())
				.map(ActorAuthentication::new)
				.orElseThrow(() -> new InvalidBearerTokenException("token revoked"));
		};
	}

	private static SecretKey signingKey(AccountProperties properties, AccountRepository accounts) {
		String configured = properties.tokenSecret();
		String encoded;
		if (configured != null && !configured.isBlank()) {
			encoded = configured.strip();
		}
		else {
			encoded = accounts.secret(SECRET_NAME);
		}
		byte[] bytes = Base64.getDecoder().decode(encoded);
		if (bytes.length < 32) {
			throw new IllegalStateException("zhiyuan.security.token-secret must be at least 32 bytes (base64)");
		}
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

	/** A freshly issued token and when it stops working. */
	public record IssuedToken(String value, long expiresInSeconds, Instant expiresAt) {

	}

}
