package org.zhiyuan.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Webhook settings: {@code zhiyuan.webhooks.allow-private-addresses} (default
 * {@code false}) lets endpoints on loopback, private, link-local and similar addresses be
 * registered and called, e.g. for a receiver on the same computer;
 * {@code zhiyuan.webhooks.retry-scale} (default 1) multiplies every wait of the retry
 * schedule, so that a test or a staging installation can run it in seconds.
 */
@Component
public class WebhookSettings {

	/**
	 * The waits after each failed attempt (Standard Webhooks): the first attempt is
	 * immediate, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h — ten
	 * attempts over about three days.
	 */
	static final List<Duration> RETRY_WAITS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
			Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
			Duration.ofHours(14), Duration.ofHours(20), Duration.ofHours(24));

	/** How many attempts a delivery gets in all. */
	public static final int MAX_ATTEMPTS = RETRY_WAITS.size() + 1;

	private volatile boolean allowPrivateAddresses;

	private final double retryScale;

	WebhookSettings(@Value("${zhiyuan.webhooks.allow-private-addresses:false}") boolean allowPrivateAddresses,
			@Value("${zhiyuan.webhooks.retry-scale:1}") double retryScale) {
		this.allowPrivateAddresses = allowPrivateAddresses;
		this.retryScale = (retryScale >= 0) ? retryScale : 1;
	}

	public boolean allowPrivateAddresses() {
		return this.allowPrivateAddresses;
	}

	/**
	 * Changes the setting while running: for tests that call a receiver on this computer
	 * in an application whose configuration they share with others.
	 */
	void allowPrivateAddresses(boolean allowed) {
		this.allowPrivateAddresses = allowed;
	}

	/**
	 * The wait before the next attempt after attempt {@code attempt} (1-based) failed, or
	 * {@code null} when that was the last.
	 */
	Duration waitAfter(int attempt) {
		if (attempt < 1 || attempt > RETRY_WAITS.size()) {
			return null;
		}
		return Duration.ofMillis(Math.round(RETRY_WAITS.get(attempt - 1).toMillis() * this.retryScale));
	}

}
