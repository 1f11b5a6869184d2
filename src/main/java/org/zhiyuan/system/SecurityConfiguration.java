package org.zhiyuan.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.zhiyuan.access.ActorAuthentication;
import org.zhiyuan.apiclient.ClientTokens;
import org.zhiyuan.account.AccessTokens;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.zhiyuan.account.AccountManagement;
import org.zhiyuan.account.Authenticator;
import org.zhiyuan.account.SignInThrottledException;
import org.zhiyuan.shared.web.MapSettings;
import org.zhiyuan.shared.web.ReturnPath;
import org.zhiyuan.shared.web.SignInFailure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two doors. The API ({@code /api/**}, {@code /actuator/**}) is stateless: bearer tokens,
 * no cookies, no CSRF, problem+json for 401 and 403. The pages use form sign-in with
 * sessions kept in the database, and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/** API paths anyone may call; everything else under /api needs a token. */
	private static final String[] PUBLIC_API_GETS = { "/api/v1/regions", "/api/v1/regions/**", "/api/v1/organizations",
			"/api/v1/organizations/*", "/api/v1/organizations/*/activities", "/api/v1/activities",
			"/api/v1/activities/*", "/api/v1/projects", "/api/v1/certificates/*/verification", "/api/v1/consents",
			"/api/v1/courses", "/api/v1/courses/*", "/api/v1/courses/*/sessions", "/api/v1/course-sessions/*",
			"/api/v1/qualification-codes", "/api/v1/stations", "/api/v1/stations/*", "/api/v1/menu-items",
			"/api/v1/rewards", "/api/v1/rewards/*", "/api/v1/point-rules/*", "/api/v1/commendations/*",
			"/api/v1/commendations/*/notice", "/api/v1/honours", "/api/v1/organizations/*/awards",
			"/api/v1/complaints/*/attachments/*", "/api/v1/stories", "/api/v1/stories/*", "/api/v1/stories/*/images/*",
			"/api/v1/activities/*/ratings" };

	/** Under the public patterns above, but only for signed-in callers. */
	private static final String[] PRIVATE_API_GETS = { "/api/v1/organizations/mine", "/api/v1/organizations/supervised",
			"/api/v1/organizations/import-template.xlsx", "/api/v1/regions/*/settings", "/api/v1/regions/*/rewards",
			"/api/v1/stories/review-queue" };

	private static final String[] PUBLIC_API_POSTS = { "/api/v1/auth/token", "/api/v1/auth/password-reset",
			"/api/v1/auth/password-reset/confirm", "/api/v1/volunteers", "/api/v1/certificates/verification",
			"/api/v1/residents", "/api/v1/redemption-checks", "/api/v1/complaints", "/api/v1/complaints/tracking",
			"/api/v1/complaints/*/attachments" };

	private static final org.springframework.util.AntPathMatcher API_PATHS = new org.springframework.util.AntPathMatcher();

	/**
	 * Whether an API operation is open to anonymous callers, by the same patterns that
	 * this configuration permits: the OpenAPI document declares no security for these.
	 * @param method the HTTP method
	 * @param path the path as the document writes it, with {@code {name}} templates
	 */
	static boolean isAnonymousApi(HttpMethod method, String path) {
		if (HttpMethod.GET.equals(method)) {
			return !matchesAny(PRIVATE_API_GETS, path) && matchesAny(PUBLIC_API_GETS, path);
		}
		return HttpMethod.POST.equals(method) && matchesAny(PUBLIC_API_POSTS, path);
	}

	private static boolean matchesAny(String[] patterns, String path) {
		for (String pattern : patterns) {
			if (API_PATHS.match(pattern, path)) {
				return true;
			}
		}
		return false;
	}

	private static final String[] PUBLIC_PAGES = { "/", "/login", "/error", "/regions", "/regions/**", "/about",
			"/register", "/residents/register", "/password-reset", "/password-reset/code", "/privacy", "/verify",
			"/verify/**", "/complaints/new", "/complaints/filed", "/complaints/track", "/complaints/track/attachments",
			"/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/v3/api-docs", "/v3/api-docs/**",
			"/swagger-ui.html", "/swagger-ui/**", "/rewards/*/check/*", "/.well-known/jwks.json", "/oath" };

	/** Pages under the public patterns below that still need a signed-in caller. */
	private static final String[] PRIVATE_PAGES = { "/organizations/apply", "/organizations/mine",
			"/organizations/review", "/regions/settings", "/regions/*/settings", "/regions/*/pairings",
			"/activities/review", "/training/courses/new", "/stations/new", "/stations/manage", "/rewards/manage",
			"/rewards/new", "/stories/new", "/stories/review" };

	private static final String[] PUBLIC_PAGE_GETS = { "/organizations", "/organizations/*", "/activities",
			"/activities/*", "/activities/*/signup-panel", "/organizations/*/activities", "/projects",
			"/organizations/*/projects", "/training", "/training/courses/*", "/stations", "/stations/*", "/rewards",
			"/rewards/*", "/honours", "/commendations/*/notice", "/stories", "/stories/*", "/stories/*/images/*",
			"/projects/*/showcase" };

	/**
	 * The default firewall, and query and form values must be storable text as JSON
	 * strings must ({@link StorableText}).
	 */
	@Bean
	static StrictHttpFirewall firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedParameterValues(StorableText::isStorable);
		return firewall;
	}

	/**
	 * No observation of each security filter: with metrics on, every filter of every
	 * request would otherwise be wrapped and timed, about 8 % of the platform's CPU in
	 * the sign-up benchmark (BENCHMARKS.md). Requests as a whole are still measured.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/** People's tokens (HS256) and registered systems' (ES256, {@link ClientTokens}). */
	@Bean
	JwtDecoder jwtDecoder(AccessTokens tokens, ClientTokens clients) {
		return clients.decoder(tokens.decoder());
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, AccessTokens tokens, ClientTokens clients,
			ProblemResponder problems) throws Exception {
		// a registered system's call: held to its token's scopes and audited
		http.addFilterAfter(clients.scopeFilter(problems::write), AuthorizationFilter.class);
		http.securityMatcher("/api/**", "/actuator/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, PRIVATE_API_GETS)
				.authenticated()
				.requestMatchers(HttpMethod.GET, PUBLIC_API_GETS)
				.permitAll()
				.requestMatchers(HttpMethod.POST, PUBLIC_API_POSTS)
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole("OPERATOR")
				.anyRequest()
				.authenticated())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.oauth2ResourceServer((server) -> server
				.jwt((jwt) -> jwt.decoder(clients.decoder(tokens.decoder()))
					.jwtAuthenticationConverter(clients.authenticationConverter(tokens.authenticationConverter())))
				.authenticationEntryPoint(problems.unauthorized())
				.accessDeniedHandler(problems.forbidden()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems.unauthorized())
				.accessDeniedHandler(problems.forbidden()));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageChain(HttpSecurity http, Authenticator authenticator, AccountManagement accounts,
			MapSettings maps) throws Exception {
		// the maps' tiles are the only images from beyond the platform
		// (zhiyuan.map.tile-url)
		String tiles = (maps.tileOrigin() != null) ? " " + maps.tileOrigin() : "";
		http.addFilterAfter(new ActorRefreshFilter(accounts), SecurityContextHolderFilter.class);
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(PUBLIC_PAGES)
			.permitAll()
			.requestMatchers(PRIVATE_PAGES)
			.authenticated()
			.requestMatchers(HttpMethod.GET, PUBLIC_PAGE_GETS)
			.permitAll()
			.anyRequest()
			.authenticated())
			.authenticationProvider(new FormLoginProvider(authenticator))
			// the token lives in a cookie, so public pages create no session rows
			.csrf((csrf) -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()))
			.formLogin((
					form) -> form.loginPage("/login").successHandler(successHandler()).failureHandler(failureHandler()))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut"))
			.headers((headers) -> headers.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.contentSecurityPolicy(
						(csp) -> csp.policyDirectives("default-src 'self'; img-src 'self' data: blob:" + tiles + ";"
								+ " style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'self'")));
		return http.build();
	}

	/**
	 * After signing in: back to the page given as {@code continue} when it is a path on
	 * this platform ({@link ReturnPath}), else to the private page that sent the visitor
	 * to sign in, else home. The way back is always a path: a saved request's full
	 * address would be built from the {@code Host} header, so only its path and query are
	 * used, and only when they pass the same check.
	 */
	private static AuthenticationSuccessHandler successHandler() {
		RequestCache cache = new HttpSessionRequestCache();
		return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
			String back = ReturnPath.orNull(request.getParameter(ReturnPath.PARAMETER));
			SavedRequest saved = cache.getRequest(request, response);
			if (back == null && saved instanceof DefaultSavedRequest original) {
				back = ReturnPath.orNull(localPathOf(original, request.getContextPath()));
			}
			cache.removeRequest(request, response);
			redirect(request, response, (back != null) ? back : "/");
		};
	}

	private static String localPathOf(DefaultSavedRequest saved, String contextPath) {
		String path = saved.getRequestURI();
		if (path == null || !path.startsWith(contextPath)) {
			return null;
		}
		path = path.substring(contextPath.length());
		return (saved.getQueryString() != null) ? path + "?" + saved.getQueryString() : path;
	}

	/**
	 * A failed sign-in shows the sign-in page again at once, with the error next to the
	 * field and the username kept: no redirect (the username would have to travel in the
	 * address or a session), the page rendered as for a GET of {@code /login}.
	 */
	private static AuthenticationFailureHandler failureHandler() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> {
			boolean throttled = ex instanceof SignInThrottledException;
			if (ex instanceof SignInThrottledException throttle) {
				response.setHeader("Retry-After", Long.toString(throttle.retryAfterSeconds()));
			}
			request.setAttribute(SignInFailure.ATTRIBUTE, new SignInFailure(
					throttled ? "login.throttled" : "login.error", request.getParameter("username"), throttled));
			request.getRequestDispatcher("/login").forward(new HttpServletRequestWrapper(request) {

				@Override
				public String getMethod() {
					return HttpMethod.GET.name();
				}

			}, response);
		};
	}

	private static void redirect(HttpServletRequest request, HttpServletResponse response, String path)
			throws IOException {
		response.sendRedirect(request.getContextPath() + path);
	}

	/** Form sign-in through the same checks and throttle as the token endpoint. */
	static final class FormLoginProvider implements AuthenticationProvider {

		private final Authenticator authenticator;

		FormLoginProvider(Authenticator authenticator) {
			this.authenticator = authenticator;
		}

		@Override
		public Authentication authenticate(Authentication authentication) {
			Object credentials = authentication.getCredentials();
			String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
					? details.getRemoteAddress() : null;
			return new ActorAuthentication(this.authenticator.authenticate(authentication.getName(),
					(credentials != null) ? credentials.toString() : null, address));
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
		}

	}

}
