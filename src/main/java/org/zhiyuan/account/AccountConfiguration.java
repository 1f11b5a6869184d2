package org.zhiyuan.account;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.github.bucket4j.TimeMeter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

	/**
	 * bcrypt today, with the algorithm stored in each hash so that it can be upgraded
	 * later.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SignInThrottle signInThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, AccountRepository accounts,
			AccountProperties properties) {
		return new SignInThrottle(jdbc, transactions, accounts, properties, TimeMeter.SYSTEM_MILLISECONDS);
	}

	@Bean
	ResetHashes resetHashes(AccountRepository accounts) {
		return new ResetHashes(accounts);
	}

	@Bean
	PasswordResetThrottle passwordResetThrottle(JdbcClient jdbc, PlatformTransactionManager transactions,
			ResetHashes hashes, PasswordResetProperties properties) {
		return new PasswordResetThrottle(jdbc, transactions, hashes, properties, TimeMeter.SYSTEM_MILLISECONDS);
	}

	/** Forgets expired codes to set a new password, on one instance. */
	@Bean
	RecurringTask<Void> purgeExpiredPasswordResetCodes(PasswordReset reset) {
		return Tasks.recurring("purge-password-reset-codes", FixedDelay.of(Duration.ofHours(1)))
			.execute((instance, context) -> reset.purgeExpired());
	}

	/**
	 * Forgets the sign-in and password reset buckets that have refilled, on one instance.
	 */
	@Bean
	RecurringTask<Void> purgeRefilledSignInThrottles(SignInThrottle throttle) {
		return Tasks.recurring("purge-sign-in-throttle", FixedDelay.of(Duration.ofHours(1)))
			.execute((instance, context) -> throttle.purgeRefilled());
	}

}
