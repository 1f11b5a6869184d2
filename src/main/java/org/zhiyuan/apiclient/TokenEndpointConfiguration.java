package org.zhiyuan.apiclient;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.web.authentication.ClientSecretBasicAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.ClientSecretPostAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * {@code POST /oauth2/token}, served by Spring's authorization server for the client
 * credentials grant only: the client authenticates with its secret by HTTP Basic
 * ({@code client_secret_basic}) or in the form ({@code client_secret_post}). Any other
 * grant is {@code unsupported_grant_type}; a wrong or revoked client
 * {@code invalid_client} (401); a scope the client does not hold {@code invalid_scope}.
 * Without a {@code scope} parameter the token carries every scope of the client. This
 * chain matches the token endpoint alone: no authorization, OpenID Connect, metadata,
 * introspection or revocation endpoint is reachable.
 */
@Configuration(proxyBeanMethods = false)
class TokenEndpointConfiguration {

	static final String TOKEN_ENDPOINT = "/oauth2/token";

	@Bean
	@Order(0)
	SecurityFilterChain tokenEndpointChain(HttpSecurity http, ClientRegistrations registrations, TokenIssuer issuer)
			throws Exception {
		http.securityMatcher(TOKEN_ENDPOINT)
			.oauth2AuthorizationServer((server) -> server.registeredClientRepository(registrations)
				.authorizationService(new StatelessAuthorizations())
				.authorizationServerSettings(AuthorizationServerSettings.builder()
					.issuer(issuer.issuer())
					.tokenEndpoint(TOKEN_ENDPOINT)
					.build())
				.tokenGenerator(issuer.generator())
				.clientAuthentication((clients) -> clients.authenticationConverters((converters) -> converters
					.removeIf((converter) -> !(converter instanceof ClientSecretBasicAuthenticationConverter
							|| converter instanceof ClientSecretPostAuthenticationConverter))))
				.tokenEndpoint((token) -> token.accessTokenRequestConverters((converters) -> {
					converters.clear();
					converters.add(allScopesUnlessAsked(new OAuth2ClientCredentialsAuthenticationConverter()));
				})
					.authenticationProviders((providers) -> providers
						.removeIf((provider) -> !(provider instanceof OAuth2ClientCredentialsAuthenticationProvider)))))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
		return http.build();
	}

	/**
	 * The client credentials request as Spring reads it, but asking for every scope of
	 * the (already authenticated) client when it names none.
	 */
	private static AuthenticationConverter allScopesUnlessAsked(AuthenticationConverter delegate) {
		return (HttpServletRequest request) -> {
			Authentication converted = delegate.convert(request);
			if (converted instanceof OAuth2ClientCredentialsAuthenticationToken token && token.getScopes().isEmpty()) {
				Authentication client = SecurityContextHolder.getContext().getAuthentication();
				if (client instanceof OAuth2ClientAuthenticationToken authenticated
						&& authenticated.getRegisteredClient() != null) {
					return new OAuth2ClientCredentialsAuthenticationToken(authenticated,
							Set.copyOf(authenticated.getRegisteredClient().getScopes()),
							token.getAdditionalParameters());
				}
			}
			return converted;
		};
	}

}
