package org.zhiyuan.account;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * Too many attempts at this username, or from this client address: the attempt was not
 * checked at all. Thrown alike for known and unknown usernames.
 */
public class SignInThrottledException extends AuthenticationException {

	private final Duration retryAfter;

	public SignInThrottledException(Duration retryAfter) {
		super("too many sign-in attempts");
		this.retryAfter = retryAfter;
	}

	/** How long to wait before the next attempt can be checked. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	/** The wait in whole seconds, rounded up, for a {@code Retry-After} header. */
	public long retryAfterSeconds() {
		return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
	}

}
