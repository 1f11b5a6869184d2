package org.zhiyuan.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sign-in throttle with explicit client addresses, which the HTTP tests cannot vary
 * (the platform does not trust forwarded-address headers), and with a clock the test
 * moves.
 */
class SignInThrottleApiTests extends ApiTestSupport {

	@Autowired
	Authenticator authenticator;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	AccountRepository accounts;

	@Test
	void aStrangersFailuresFromAnotherAddressDoNotStopTheOwner() {
		Person owner = this.fixtures.anOperatorOf("110105");
		String stranger = anAddress();
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThatExceptionOfType(BadCredentialsException.class)
				.isThrownBy(() -> this.authenticator.authenticate(owner.username(), "a-wrong-guess-1", stranger));
		}
		for (int attempt = 6; attempt <= 30; attempt++) {
			assertThatExceptionOfType(SignInThrottledException.class)
				.isThrownBy(() -> this.authenticator.authenticate(owner.username(), "a-wrong-guess-1", stranger));
		}
		assertThat(this.authenticator.authenticate(owner.username(), owner.password(), anAddress()).accountId())
			.isEqualTo(owner.id());
	}

	@Test
	void theOwnersSignInForgetsTheirEarlierFailuresFromThatAddress() {
		Person owner = this.fixtures.aVolunteer();
		String home = anAddress();
		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThatExceptionOfType(BadCredentialsException.class)
				.isThrownBy(() -> this.authenticator.authenticate(owner.username(), "typo-1", home));
		}
		this.authenticator.authenticate(owner.username(), owner.password(), home);
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThatExceptionOfType(BadCredentialsException.class).as("attempt %d", attempt)
				.isThrownBy(() -> this.authenticator.authenticate(owner.username(), "typo-1", home));
		}
	}

	@Test
	void delaysGrowAsTheFailuresGoOn() {
		ManualClock clock = new ManualClock();
		SignInThrottle throttle = aThrottle(clock);
		String username = aUsername();
		String address = anAddress();
		int free = 0;
		while (throttle.tryAttempt(username, address).isEmpty()) {
			free++;
		}
		assertThat(free).isEqualTo(5);
		List<Duration> waits = new ArrayList<>();
		for (int failures = free; failures < 40; failures++) {
			Optional<Duration> wait = throttle.tryAttempt(username, address);
			while (wait.isPresent()) {
				waits.add(wait.get());
				clock.advance(wait.get());
				wait = throttle.tryAttempt(username, address);
			}
		}
		assertThat(waits.get(0)).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(60));
		assertThat(waits.get(waits.size() - 1)).isGreaterThanOrEqualTo(Duration.ofMinutes(15));
		for (int i = 1; i < waits.size(); i++) {
			assertThat(waits.get(i)).as("wait %d", i).isGreaterThanOrEqualTo(waits.get(i - 1).minusSeconds(1));
		}
	}

	@Test
	void everyInstanceSeesTheSameCountsThroughTheDatabase() {
		ManualClock clock = new ManualClock();
		SignInThrottle one = aThrottle(clock);
		SignInThrottle another = aThrottle(clock);
		String username = aUsername();
		String address = anAddress();
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(((attempt % 2 == 0) ? one : another).tryAttempt(username, address)).isEmpty();
		}
		assertThat(another.tryAttempt(username, address)).isPresent();
		assertThat(one.tryAttempt(username, address)).isPresent();
		assertThat(one.tryAttempt(username, anAddress())).as("from elsewhere").isEmpty();
	}

	@Test
	void oneAddressTryingManyUsernamesIsSlowedDownToo() {
		SignInThrottle throttle = aThrottle(new ManualClock());
		String address = anAddress();
		for (int username = 1; username <= 50; username++) {
			assertThat(throttle.tryAttempt(aUsername(), address)).as("username %d", username).isEmpty();
		}
		assertThat(throttle.tryAttempt(aUsername(), address)).isPresent();
		assertThat(throttle.tryAttempt(aUsername(), anAddress())).isEmpty();
	}

	@Test
	void countsAnIpv6ClientByItsNetwork() {
		assertThat(SignInThrottle.network("2001:db8:1:2:aaaa::1")).isEqualTo(SignInThrottle.network("2001:db8:1:2::9"))
			.isNotEqualTo(SignInThrottle.network("2001:db8:1:3::1"));
		assertThat(SignInThrottle.network("203.0.113.9")).isEqualTo("203.0.113.9");
	}

	private SignInThrottle aThrottle(ManualClock clock) {
		return new SignInThrottle(this.jdbc, this.transactions, this.accounts,
				new AccountProperties(null, null, 5, Duration.ofMinutes(1)), clock);
	}

	/** A fresh documentation-range IPv6 network, so that tests do not share buckets. */
	private static String anAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return String.format("2001:db8:%x:%x::1", random.nextInt(0x10000), random.nextInt(0x10000));
	}

	private static String aUsername() {
		return "someone-" + ThreadLocalRandom.current().nextLong(1L << 40);
	}

	/** Wall-clock time that moves only when told. */
	private static final class ManualClock implements TimeMeter {

		private final AtomicLong nanos = new AtomicLong(System.currentTimeMillis() * 1_000_000L);

		void advance(Duration duration) {
			this.nanos.addAndGet(duration.toNanos());
		}

		@Override
		public long currentTimeNanos() {
			return this.nanos.get();
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
