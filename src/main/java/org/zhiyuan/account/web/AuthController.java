package org.zhiyuan.account.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.zhiyuan.access.Actor;
import org.zhiyuan.account.AccessTokens;
import org.zhiyuan.account.AccessTokens.IssuedToken;
import org.zhiyuan.account.Authenticator;
import org.zhiyuan.account.PasswordReset;
import org.zhiyuan.account.PasswordResetThrottledException;
import org.zhiyuan.account.SignInThrottledException;
import org.zhiyuan.shared.RequestFormats;
import org.zhiyuan.shared.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exchanges a username and password for an API bearer token, and sets a new password with
 * a code sent to the account's phone.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthController {

	private final Authenticator authenticator;

	private final AccessTokens tokens;

	private final PasswordReset reset;

	AuthController(Authenticator authenticator, AccessTokens tokens, PasswordReset reset) {
		this.authenticator = authenticator;
		this.tokens = tokens;
		this.reset = reset;
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

	@PostMapping("/password-reset")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@SecurityRequirements
	@Operation(summary = "Send a code to set a new password",
			description = "Sends a 6-digit code by SMS to the number if an account signs in with it (a volunteer's"
					+ " username is their phone number). 202 whether or not the number has an account: the answer,"
					+ " its limits and its timing are the same, so it tells nobody who is registered. The code is"
					+ " valid for 10 minutes, once, and void after 5 wrong entries or when a new one is sent; it is"
					+ " never returned by the API. 400 VALIDATION_FAILED (field phone) for a number that is not a"
					+ " mainland mobile number. 429 TOO_MANY_REQUESTS with Retry-After (and retryAfterSeconds) when"
					+ " the number had a code less than a minute ago or 5 today, or the client address asked for"
					+ " too many.")
	void sendResetCode(@Valid @RequestBody ResetCodeRequest request, HttpServletRequest http,
			HttpServletResponse response) {
		try {
			this.reset.sendCode(request.phone(), http.getRemoteAddr());
		}
		catch (PasswordResetThrottledException ex) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()));
			throw ex;
		}
	}

	@PostMapping("/password-reset/confirm")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@SecurityRequirements
	@Operation(summary = "Set a new password with the code sent to the phone",
			description = "204 when the code is right: the new password holds from now, and every web session and"
					+ " API token of the account ends (sign in again for a token). 400 VALIDATION_FAILED with"
					+ " errors[].field = code for a wrong, expired, used or void code (a wrong one counts as one of"
					+ " its 5 attempts), newPassword for a password that breaks the rules (8 to 64 characters with"
					+ " letters and digits; the code stays valid), phone for a malformed number. 429"
					+ " TOO_MANY_REQUESTS with Retry-After when the client address entered too many codes.")
	void confirmReset(@Valid @RequestBody ResetConfirmation request, HttpServletRequest http,
			HttpServletResponse response) {
		try {
			this.reset.setNewPassword(request.phone(), request.code(), request.newPassword(), http.getRemoteAddr());
		}
		catch (PasswordResetThrottledException ex) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()));
			throw ex;
		}
	}

	record ResetCodeRequest(@NotNull @Size(max = 32) @Schema(pattern = RequestFormats.MOBILE_PHONE,
			example = "13800000001") String phone) {

	}

	record ResetConfirmation(@NotNull @Size(max = 32) @Schema(pattern = RequestFormats.MOBILE_PHONE) String phone,
			@NotNull @Size(max = 16) @Schema(minLength = 1, maxLength = 6,
					description = "The 6 digits sent to the phone") String code,
			@NotNull @Size(max = 128) @Schema(minLength = 1, maxLength = 64) String newPassword) {

	}

	record TokenRequest(@NotBlank @Size(max = 64) @Schema(minLength = 1) String username,
			@NotBlank @Size(max = 128) @Schema(minLength = 1) String password) {

	}

	record TokenResponse(String accessToken, String tokenType, long expiresIn) {

	}

}
