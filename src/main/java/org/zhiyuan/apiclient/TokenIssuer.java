package org.zhiyuan.apiclient;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.zhiyuan.interop.InstallationKeys;

import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.stereotype.Component;

/**
 * What the access tokens of registered systems say and who signs them: JWTs of type
 * {@code at+jwt} (RFC 9068) signed ES256 with the installation's current key
 * ({@link InstallationKeys}, published at /.well-known/jwks.json), issued by
 * {@code zhiyuan.public-url} (or {@link #FIXED_ISSUER} when that is not set), carrying
 * the granted {@code scope} (space-separated), {@code client_id}, the client's
 * {@code region_code} and the version of its secret ({@code sv}), so that a rotation
 * refuses what the old secret got.
 */
@Component
class TokenIssuer {

	/** The issuer when the installation's public address is not configured. */
	static final String FIXED_ISSUER = "https://zhiyuan.invalid";

	static final String TOKEN_TYPE = "at+jwt";

	static final String CLIENT_ID_CLAIM = "client_id";

	static final String REGION_CLAIM = "region_code";

	static final String SECRET_VERSION_CLAIM = "sv";

	private final InstallationKeys keys;

	private final String issuer;

	TokenIssuer(InstallationKeys keys, Environment environment) {
		this.keys = keys;
		String configured = environment.getProperty("zhiyuan.public-url");
		String value = (configured != null && !configured.isBlank()) ? configured.strip() : FIXED_ISSUER;
		this.issuer = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
	}

	String issuer() {
		return this.issuer;
	}

	/** Signs with the key that signs now, read on each issue so that a rotation holds. */
	JWKSource<SecurityContext> signingKeys() {
		return (selector, context) -> selector.select(new JWKSet(this.keys.signingKey()));
	}

	OAuth2TokenGenerator<?> generator() {
		JwtGenerator generator = new JwtGenerator(new NimbusJwtEncoder(signingKeys()));
		generator.setJwtCustomizer(this::customize);
		return generator;
	}

	private void customize(JwtEncodingContext context) {
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			return;
		}
		RegisteredClient client = context.getRegisteredClient();
		Set<String> scopes = new TreeSet<>(context.getAuthorizedScopes());
		context.getJwsHeader().algorithm(SignatureAlgorithm.ES256).type(TOKEN_TYPE);
		context.getClaims()
			.audience(List.of(this.issuer))
			.claim("scope", String.join(" ", scopes))
			.claim(CLIENT_ID_CLAIM, client.getClientId())
			.claim(REGION_CLAIM, client.getClientSettings().<String>getSetting(ClientRegistrations.REGION_SETTING))
			.claim(SECRET_VERSION_CLAIM,
					client.getClientSettings().<Integer>getSetting(ClientRegistrations.SECRET_VERSION_SETTING));
	}

}
