package org.zhiyuan.account;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Slows down guessing at sign-in. Every attempt takes a token from two buckets: one for
 * the username from this client address, and one for the address whatever the username.
 * The first {@code maxFailedAttempts} attempts of a username from one address go through
 * at once; then each further attempt waits {@code failureDelay}, and the wait grows
 * fourfold each time the attempts double (four tiers). An address gets ten times as many
 * attempts, ten times as fast, over all usernames. A successful sign-in gives its token
 * back and forgets the username's failures from that address.
 * <p>
 * Nothing here depends on whether the username exists, so an unknown name is throttled
 * exactly like a known one; and a stranger's failures from one address never slow down
 * the owner signing in from another. The buckets live in the database (Bucket4j over
 * {@link ThrottleBuckets}), keyed by a keyed hash, so the table holds neither usernames
 * (a volunteer's is their phone number) nor addresses.
 */
final class SignInThrottle {

	private static final String SECRET_NAME = "sign-in-throttle-key";

	private static final int TIERS = 4;

	private static final int ADDRESS_FACTOR = 10;

	private final ThrottleBuckets buckets;

	private final BucketConfiguration usernameLimits;

	private final BucketConfiguration addressLimits;

	private final SecretKeySpec key;

	SignInThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, AccountRepository accounts,
			AccountProperties properties, TimeMeter clock) {
		this.buckets = new ThrottleBuckets(jdbc, transactions,
				ClientSideConfig.getDefault()
					.withClientClock(clock)
					.withExpirationAfterWriteStrategy(
							ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO)));
		this.key = new SecretKeySpec(Base64.getDecoder().decode(accounts.secret(SECRET_NAME)), "HmacSHA256");
		this.usernameLimits = limits(properties.maxFailedAttempts(), properties.failureDelay());
		this.addressLimits = limits(properties.maxFailedAttempts() * ADDRESS_FACTOR,
				properties.failureDelay().dividedBy(ADDRESS_FACTOR));
	}

	/**
	 * Takes one attempt for the username from the address.
	 * @return empty when the attempt may go ahead, otherwise how long to wait first
	 */
	Optional<Duration> tryAttempt(String username, String address) {
		BucketProxy ofUsername = usernameBucket(username, address);
		ConsumptionProbe probe = ofUsername.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			return Optional.of(wait(probe));
		}
		ConsumptionProbe ofAddress = addressBucket(address).tryConsumeAndReturnRemaining(1);
		if (!ofAddress.isConsumed()) {
			ofUsername.addTokens(1);
			return Optional.of(wait(ofAddress));
		}
		return Optional.empty();
	}

	/** The attempt was right: it does not count, nor do the failures before it. */
	void succeeded(String username, String address) {
		this.buckets.removeProxy(keyOf("user", username, address));
		addressBucket(address).addTokens(1);
	}

	int purgeRefilled() {
		return this.buckets.removeExpired(System.currentTimeMillis());
	}

	private BucketProxy usernameBucket(String username, String address) {
		return this.buckets.builder().build(keyOf("user", username, address), () -> this.usernameLimits);
	}

	private BucketProxy addressBucket(String address) {
		return this.buckets.builder().build(keyOf("address", "", address), () -> this.addressLimits);
	}

	/**
	 * Tier {@code i} holds {@code free × 2^i} attempts and gives one back every
	 * {@code delay × 4^i}: the more attempts, the slower they come back.
	 */
	private static BucketConfiguration limits(int free, Duration delay) {
		ConfigurationBuilder builder = BucketConfiguration.builder();
		for (int tier = 0; tier < TIERS; tier++) {
			long capacity = (long) free << tier;
			Duration perToken = delay.multipliedBy(1L << (2 * tier));
			builder
				.addLimit((limit) -> limit.capacity(capacity).refillGreedy(capacity, perToken.multipliedBy(capacity)));
		}
		return builder.build();
	}

	private static Duration wait(ConsumptionProbe probe) {
		return Duration.ofNanos(Math.max(probe.getNanosToWaitForRefill(), 1));
	}

	/**
	 * A 64-bit keyed hash of what a bucket counts. IPv6 clients are counted by their /64
	 * network, which one household or attacker usually holds whole.
	 */
	private long keyOf(String kind, String username, String address) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update((kind + '\u0000' + username + '\u0000' + network(address)).getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(mac.doFinal()).getLong();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	static String network(String address) {
		if (address == null || address.isBlank()) {
			return "";
		}
		if (address.indexOf(':') < 0) {
			return address;
		}
		try {
			InetAddress parsed = InetAddress.getByName(address);
			if (parsed instanceof Inet6Address) {
				byte[] prefix = Arrays.copyOf(parsed.getAddress(), 8);
				return Base64.getEncoder().encodeToString(prefix) + "/64";
			}
			return parsed.getHostAddress();
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

}
