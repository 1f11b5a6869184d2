package org.zhiyuan.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings ({@code zhiyuan.security.*}).
 *
 * @param tokenTtl how long an API token is valid
 * @param tokenSecret base64 HMAC key for API tokens; empty means one generated key kept
 * in the database
 * @param maxFailedAttempts attempts at one username from one client address that go
 * through before each further one must wait (ten times as many from one address over all
 * usernames)
 * @param failureDelay the first wait; it grows as the failures go on
 * @see SignInThrottle
 */
@ConfigurationProperties("zhiyuan.security")
public record AccountProperties(Duration tokenTtl, String tokenSecret, int maxFailedAttempts, Duration failureDelay) {

	public AccountProperties {
		tokenTtl = (tokenTtl != null) ? tokenTtl : Duration.ofHours(2);
		maxFailedAttempts = (maxFailedAttempts > 0) ? maxFailedAttempts : 5;
		failureDelay = (failureDelay != null && !failureDelay.isNegative() && !failureDelay.isZero()) ? failureDelay
				: Duration.ofMinutes(1);
	}

}
