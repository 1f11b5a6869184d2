package org.zhiyuan.account.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.zhiyuan.access.Actor;
import org.zhiyuan.account.AccessTokens;
import org.zhiyuan.account.AccessTokens.IssuedToken;
import org.zhiyuan.account.Authenticator;
import org.zhiyuan.account.SignInThrottledException;
import org.zhiyuan.shared.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exchanges a username and password for an API bearer token.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthController {

	private final Authenticator authenticator;

	private final AccessTokens tokens;

	AuthController(Authenticator authenticator, AccessTokens tokens) {
		this.authenticator = authenticator;
		this.tokens = tokens;
	}

	@PostMapping("/token")
	@SecurityRequirements
	@Operation(summary = "Sign in and get a bearer token",
			description = "401 BAD_CREDENTIALS for a wrong username or password. After a few attempts at a"
					+ " username from one address (or many from one address) each further attempt must wait, longer"
					+ " and longer: 429 ACCOUNT_LOCKED (the contract's code for a sign-in that must"
					+ " wait) with Retry-After in seconds, unchecked even if the password is right. The wait holds"
					+ " only for that username from that address: the owner elsewhere is not locked out. Unknown usernames are answered exactly like known ones.")
	TokenResponse token(@Valid @RequestBody TokenRequest request, HttpServletRequest http,
			HttpServletResponse response) {
		Actor actor;
		try {
			actor = this.authenticator.authenticate(request.username(), request.password(), http.getRemoteAddr());
		}
		catch (SignInThrottledException ex) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()));
			throw new ProblemException(429, "ACCOUNT_LOCKED", "problem.tooManyAttempts");
		}
		catch (AuthenticationException ex) {
			throw new ProblemException(401, "BAD_CREDENTIALS", "problem.badCredentials");
		}
		IssuedToken token = this.tokens.issue(actor);
		return new TokenResponse(token.value(), "Bearer", token.expiresInSeconds());
	}

	record TokenRequest(@NotBlank @Size(max = 64) @Schema(minLength = 1) String username,
			@NotBlank @Size(max = 128) @Schema(minLength = 1) String password) {

	}

	record TokenResponse(String accessToken, String tokenType, long expiresIn) {

	}

}
