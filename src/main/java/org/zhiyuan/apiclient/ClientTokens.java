package org.zhiyuan.apiclient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.ActorAuthentication;
import org.zhiyuan.interop.InstallationKeys;

import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Service;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The API's side of registered systems: their access tokens accepted next to people's,
 * each call held to the token's scopes and audited with the client's name.
 * <p>
 * A token is a system's when its JWS algorithm is ES256: it is verified against every
 * installation key ever published (a rotation keeps the old ones), must be of type
 * {@code at+jwt}, from this installation's issuer, unexpired, and name a client. On every
 * call the client is read afresh: a revoked client, or a token issued under a secret
 * since rotated, is refused at once (401), on every instance. Any other token goes to the
 * people's decoder unchanged.
 */
@Service
public class ClientTokens {

	/** How often at most the published keys are read again for an unknown key id. */
	private static final Duration KEY_REFRESH = Duration.ofSeconds(5);

	private final ApiClients clients;

	private final InstallationKeys keys;

	private final JwtDecoder decoder;

	private volatile JWKSet publishedKeys;

	private volatile Instant keysReadAt = Instant.MIN;

	ClientTokens(ApiClients clients, InstallationKeys keys, TokenIssuer issuer) {
		this.clients = clients;
		this.keys = keys;
		NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSource(publishedKeySource())
			.jwsAlgorithm(SignatureAlgorithm.ES256)
			.build();
		nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
				new JwtIssuerValidator(issuer.issuer()), new JwtTypeValidator(TokenIssuer.TOKEN_TYPE),
				(jwt) -> (jwt.getClaimAsString(TokenIssuer.CLIENT_ID_CLAIM) != null)
						? OAuth2TokenValidatorResult.success()
						: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "no client", null))));
		this.decoder = nimbus;
	}

	/** A decoder of systems' tokens (ES256) and, for any other, {@code people}. */
	public JwtDecoder decoder(JwtDecoder people) {
		return (token) -> isClientToken(token) ? this.decoder.decode(token) : people.decode(token);
	}

	/**
	 * The authentication of a verified token: a system's client, read afresh, or a
	 * person's as {@code people} makes it.
	 */
	public Converter<Jwt, ActorAuthentication> authenticationConverter(Converter<Jwt, ActorAuthentication> people) {
		return (jwt) -> {
			if (!"ES256".equals(String.valueOf(jwt.getHeaders().get("alg")))) {
				return people.convert(jwt);
			}
			ApiClientRow client = this.clients.byClientId(jwt.getClaimAsString(TokenIssuer.CLIENT_ID_CLAIM))
				.filter(ApiClientRow::active)
				.orElseThrow(() -> new InvalidBearerTokenException("client revoked"));
			Object version = jwt.getClaims().get(TokenIssuer.SECRET_VERSION_CLAIM);
			if (!(version instanceof Number number) || number.intValue() != client.secretVersion()) {
				throw new InvalidBearerTokenException("issued under a secret since rotated");
			}
			Actor actor = this.clients.actorOf(client)
				.orElseThrow(() -> new InvalidBearerTokenException("client account closed"));
			Set<ApiScope> granted = new LinkedHashSet<>();
			String scope = jwt.getClaimAsString("scope");
			if (scope != null) {
				Arrays.stream(scope.split(" "))
					.filter(client.scopes()::contains)
					.map(ApiScope::of)
					.flatMap(Optional::stream)
					.forEach(granted::add);
			}
			return new ClientAuthentication(actor, client, granted);
		};
	}

	/**
	 * A filter for the API chain after authorization: a system's call outside its token's
	 * scopes is refused with 403 {@code INSUFFICIENT_SCOPE}, and every call of a system,
	 * refused or not, is audited with its name, the method, the path template (never the
	 * path's values or the query) and the status.
	 */
	public jakarta.servlet.Filter scopeFilter(ProblemWriter problems) {
		return new ScopeFilter(this.clients, problems);
	}

	/**
	 * Whether the token's header names ES256: read from the header alone, as people's
	 * tokens are many and their decoder remembers them without parsing again.
	 */
	private static boolean isClientToken(String token) {
		int dot = (token != null) ? token.indexOf('.') : -1;
		if (dot <= 0 || dot > 400) {
			return false;
		}
		try {
			String header = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
			return header.replace(" ", "").contains("\"alg\":\"ES256\"");
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Every key the installation has published; read again when a token names a key not
	 * among them (a rotation on another instance), at most every {@link #KEY_REFRESH}.
	 */
	private JWKSource<SecurityContext> publishedKeySource() {
		return (selector, context) -> {
			List<JWK> found = selector.select(published(false));
			return found.isEmpty() ? selector.select(published(true)) : found;
		};
	}

	private JWKSet published(boolean refresh) {
		JWKSet current = this.publishedKeys;
		if (current == null || (refresh && this.keysReadAt.plus(KEY_REFRESH).isBefore(Instant.now()))) {
			Map<String, Object> set = this.keys.publicKeySet();
			try {
				current = JWKSet.parse(set);
			}
			catch (ParseException ex) {
				throw new IllegalStateException("the published keys do not parse", ex);
			}
			this.publishedKeys = current;
			this.keysReadAt = Instant.now();
		}
		return current;
	}

	/**
	 * The path with every segment that holds a digit (an id, a code) as {@code *}, but
	 * the version ({@code v1}).
	 */
	static String masked(String path) {
		return path.replaceAll("/(?!v[0-9]+(?:/|$))[^/]*[0-9][^/]*", "/*");
	}

	static final class ScopeFilter extends OncePerRequestFilter {

		private final ApiClients clients;

		private final ProblemWriter problems;

		ScopeFilter(ApiClients clients, ProblemWriter problems) {
			this.clients = clients;
			this.problems = problems;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (!(authentication instanceof ClientAuthentication client)) {
				chain.doFilter(request, response);
				return;
			}
			String path = request.getRequestURI().substring(request.getContextPath().length());
			HttpMethod method = HttpMethod.valueOf(request.getMethod());
			if (client.scopes().stream().noneMatch((scope) -> scope.opens(method, path))) {
				this.clients.called(client, method.name(), masked(path), 403);
				this.problems.write(request, response, 403, "INSUFFICIENT_SCOPE", "apiclient.insufficientScope");
				return;
			}
			try {
				chain.doFilter(request, response);
			}
			finally {
				Object template = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
				this.clients.called(client, method.name(), (template != null) ? template.toString() : "(unmatched)",
						response.getStatus());
			}
		}

	}

}
