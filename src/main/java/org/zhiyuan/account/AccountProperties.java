package org.zhiyuan.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings ({@code zhiyuan.security.*}).
 *
 * @param tokenTtl how long an API token is valid
 * @param tokenSecret base64 HMAC key for API tokens; empty means one generated key kept
 * in the database
 * @param maxFailedAttempts failures in a row that lock an account
 * @param lockDuration how long a locked account stays locked
 */
@ConfigurationProperties("zhiyuan.security")
public record AccountProperties(Duration tokenTtl, String tokenSecret, int maxFailedAttempts, Duration lockDuration) {

	public AccountProperties {
		tokenTtl = (tokenTtl != null) ? tokenTtl : Duration.ofHours(2);
		maxFailedAttempts = (maxFailedAttempts > 0) ? maxFailedAttempts : 5;
		lockDuration = (lockDuration != null) ? lockDuration : Duration.ofMinutes(15);
	}

}
