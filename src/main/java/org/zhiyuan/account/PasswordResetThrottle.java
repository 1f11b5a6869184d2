package org.zhiyuan.account;

import java.time.Duration;
import java.util.Optional;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Limits how often codes to set a new password are sent and entered. A code for a number
 * takes a token from the number's bucket (one a {@code codeInterval}, {@code codesPerDay}
 * a day) and from the client address's ({@code codesPerAddressPerHour}); entering a code
 * takes one from the address's attempts ({@code attemptsPerAddressPerHour}), on top of
 * the few attempts each code allows. A number counts alike whether or not it has an
 * account, so a refusal tells nothing about who is registered.
 * <p>
 * The buckets live in the database beside the sign-in throttle's (the same
 * {@link ThrottleBuckets} table), keyed by a keyed hash of the number or the address, so
 * that every instance sees the same counts and the table holds neither.
 */
final class PasswordResetThrottle {

	private final ThrottleBuckets buckets;

	private final ResetHashes hashes;

	private final BucketConfiguration numberLimits;

	private final BucketConfiguration addressLimits;

	private final BucketConfiguration attemptLimits;

	PasswordResetThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, ResetHashes hashes,
			PasswordResetProperties properties, TimeMeter clock) {
		this.buckets = new ThrottleBuckets(jdbc, transactions,
				ClientSideConfig.getDefault()
					.withClientClock(clock)
					.withExpirationAfterWriteStrategy(
							ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO)));
		this.hashes = hashes;
		this.numberLimits = BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(1).refillGreedy(1, properties.codeInterval()))
			.addLimit((limit) -> limit.capacity(properties.codesPerDay())
				.refillGreedy(properties.codesPerDay(), Duration.ofDays(1)))
			.build();
		this.addressLimits = perHour(properties.codesPerAddressPerHour());
		this.attemptLimits = perHour(properties.attemptsPerAddressPerHour());
	}

	/**
	 * Takes one code for the number from the address.
	 * @return empty when the code may be sent, otherwise how long to wait first
	 */
	Optional<Duration> tryCode(String phone, String address) {
		BucketProxy ofNumber = bucket("reset-number", phone, this.numberLimits);
		ConsumptionProbe probe = ofNumber.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			return Optional.of(wait(probe));
		}
		ConsumptionProbe ofAddress = bucket("reset-address", SignInThrottle.network(address), this.addressLimits)
			.tryConsumeAndReturnRemaining(1);
		if (!ofAddress.isConsumed()) {
			ofNumber.addTokens(1);
			return Optional.of(wait(ofAddress));
		}
		return Optional.empty();
	}

	/**
	 * Takes one attempt at entering a code from the address.
	 * @return empty when the attempt may be checked, otherwise how long to wait first
	 */
	Optional<Duration> tryAttempt(String address) {
		ConsumptionProbe probe = bucket("reset-attempt", SignInThrottle.network(address), this.attemptLimits)
			.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(wait(probe));
	}

	private BucketProxy bucket(String kind, String counted, BucketConfiguration limits) {
		return this.buckets.builder().build(this.hashes.bucketKey(kind, counted), () -> limits);
	}

	private static BucketConfiguration perHour(int count) {
		return BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(count).refillGreedy(count, Duration.ofHours(1)))
			.build();
	}

	private static Duration wait(ConsumptionProbe probe) {
		return Duration.ofNanos(Math.max(probe.getNanosToWaitForRefill(), 1));
	}

}
