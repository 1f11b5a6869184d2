package org.zhiyuan.account;

import java.time.Duration;

import org.zhiyuan.shared.ProblemException;

/**
 * Too many codes for this number or from this client address, or too many codes entered
 * from this address: 429 {@code TOO_MANY_REQUESTS}, with a message that says when to try
 * again. Thrown alike for numbers with and without an account.
 */
public class PasswordResetThrottledException extends ProblemException {

	private final Duration retryAfter;

	PasswordResetThrottledException(Duration retryAfter) {
		super(429, "TOO_MANY_REQUESTS", messageKey(retryAfter), amount(retryAfter));
		this.retryAfter = retryAfter;
		with("retryAfterSeconds", retryAfterSeconds());
	}

	/** How long to wait before the next request can be answered. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	/** The wait in whole seconds, rounded up, for a {@code Retry-After} header. */
	public long retryAfterSeconds() {
		return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
	}

	private static String messageKey(Duration wait) {
		if (wait.compareTo(Duration.ofMinutes(2)) < 0) {
			return "passwordReset.throttled.seconds";
		}
		return (wait.compareTo(Duration.ofHours(2)) < 0) ? "passwordReset.throttled.minutes"
				: "passwordReset.throttled.hours";
	}

	private static long amount(Duration wait) {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		if (wait.compareTo(Duration.ofMinutes(2)) < 0) {
			return seconds;
		}
		return (wait.compareTo(Duration.ofHours(2)) < 0) ? (seconds + 59) / 60 : (seconds + 3599) / 3600;
	}

}
