package org.zhiyuan.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of setting a new password with a code sent to the phone
 * ({@code zhiyuan.security.password-reset.*}).
 *
 * @param codeTtl how long a code is valid
 * @param maxAttempts wrong entries of one code before it is void
 * @param codeInterval the least time between two codes for one number
 * @param codesPerDay codes for one number in a day
 * @param codesPerAddressPerHour codes for any numbers from one client address in an hour
 * @param attemptsPerAddressPerHour codes entered from one client address in an hour, for
 * any numbers
 * @see PasswordReset
 */
@ConfigurationProperties("zhiyuan.security.password-reset")
public record PasswordResetProperties(Duration codeTtl, int maxAttempts, Duration codeInterval, int codesPerDay,
		int codesPerAddressPerHour, int attemptsPerAddressPerHour) {

	public PasswordResetProperties {
		codeTtl = positive(codeTtl, Duration.ofMinutes(10));
		maxAttempts = (maxAttempts > 0) ? maxAttempts : 5;
		codeInterval = positive(codeInterval, Duration.ofSeconds(60));
		codesPerDay = (codesPerDay > 0) ? codesPerDay : 5;
		codesPerAddressPerHour = (codesPerAddressPerHour > 0) ? codesPerAddressPerHour : 20;
		attemptsPerAddressPerHour = (attemptsPerAddressPerHour > 0) ? attemptsPerAddressPerHour : 30;
	}

	/** The defaults: 10 minutes, 5 attempts, 1 code a minute and 5 a day per number. */
	static PasswordResetProperties defaults() {
		return new PasswordResetProperties(null, 0, null, 0, 0, 0);
	}

	private static Duration positive(Duration value, Duration fallback) {
		return (value != null && !value.isNegative() && !value.isZero()) ? value : fallback;
	}

}
