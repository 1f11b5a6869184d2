package org.zhiyuan.apiclient;

import java.time.Duration;
import java.util.UUID;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * The authorization server's view of the registered systems, read from {@code api_client}
 * on every request so that every instance sees a registration, a rotation or a revocation
 * at once. Only active clients are found: a revoked one fails client authentication
 * ({@code invalid_client}). Each may use the client credentials grant only,
 * authenticating with its secret by HTTP Basic (or in the form), and gets self-contained
 * access tokens that live {@link #TOKEN_LIFETIME}.
 */
@Component
class ClientRegistrations implements RegisteredClientRepository {

	static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);

	static final String REGION_SETTING = "zhiyuan.region-code";

	static final String SECRET_VERSION_SETTING = "zhiyuan.secret-version";

	private final ApiClients clients;

	ClientRegistrations(ApiClients clients) {
		this.clients = clients;
	}

	/**
	 * Clients are registered through {@link ApiClients}; the server saves one only to
	 * store its secret hashed anew in a stronger encoding.
	 */
	@Override
	public void save(RegisteredClient registeredClient) {
		if (registeredClient.getClientSecret() == null || findByClientId(registeredClient.getClientId()) == null) {
			throw new UnsupportedOperationException("systems are registered at /api/v1/clients");
		}
		this.clients.rehash(registeredClient.getClientId(), registeredClient.getClientSecret());
	}

	@Override
	public RegisteredClient findById(String id) {
		UUID parsed;
		try {
			parsed = UUID.fromString(id);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return null;
		}
		return this.clients.byId(parsed).filter(ApiClientRow::active).map(ClientRegistrations::registered).orElse(null);
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return this.clients.byClientId(clientId)
			.filter(ApiClientRow::active)
			.map(ClientRegistrations::registered)
			.orElse(null);
	}

	private static RegisteredClient registered(ApiClientRow row) {
		return RegisteredClient.withId(row.id().toString())
			.clientId(row.clientId())
			.clientIdIssuedAt(row.createdAt().toInstant())
			.clientSecret(row.secretHash())
			.clientName(row.name())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes((scopes) -> scopes.addAll(row.scopes()))
			.clientSettings(ClientSettings.builder()
				.setting(REGION_SETTING, row.regionCode())
				.setting(SECRET_VERSION_SETTING, row.secretVersion())
				.build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.accessTokenTimeToLive(TOKEN_LIFETIME)
				.build())
			.build();
	}

}
