package org.zhiyuan.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.privacy.PersonalDataCipher;
import org.zhiyuan.shared.Ids;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attempts the deliveries that are due, run by db-scheduler on one instance at a time;
 * each delivery is also claimed with a lease, so that no two instances or runs attempt it
 * at once. A delivery is a POST of the message with the Standard Webhooks headers:
 * {@code webhook-id} (the message id, the same on every retry and replay),
 * {@code webhook-timestamp} (seconds since the epoch) and {@code webhook-signature}
 * ({@code v1,} and the base64 of HMAC-SHA256 over {@code id.timestamp.body} with the
 * secret's bytes; during a rotation also the old secret's, separated by a space). A 2xx
 * answer delivers it; redirects are not followed; 410 disables the endpoint at once;
 * anything else is retried after {@link WebhookSettings#RETRY_WAITS}, and when the last
 * attempt fails the endpoint is disabled. Whoever registered it is told.
 */
@Component
class WebhookSender implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

	/** How much of an answer's body is kept in the log. */
	static final int RESPONSE_EXCERPT = 300;

	private static final int BATCH = 100;

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final AddressGuard guard;

	private final WebhookSettings settings;

	private final Webhooks webhooks;

	private final Notifications notifications;

	private final TransactionTemplate transaction;

	/** HTTP/1.1: no h2c upgrade offered to receivers behind proxies that refuse it. */
	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(CONNECT_TIMEOUT)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final ExecutorService pool = Executors.newFixedThreadPool(4, (task) -> {
		Thread thread = new Thread(task, "webhook-sender");
		thread.setDaemon(true);
		return thread;
	});

	WebhookSender(JdbcClient jdbc, PersonalDataCipher cipher, AddressGuard guard, WebhookSettings settings,
			Webhooks webhooks, Notifications notifications, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.guard = guard;
		this.settings = settings;
		this.webhooks = webhooks;
		this.notifications = notifications;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Attempts every delivery of an enabled endpoint due by {@code now}, four at a time.
	 * @return how many were attempted
	 */
	int deliverDue(OffsetDateTime now) {
		return deliverDue(now, null);
	}

	/** The same for one endpoint only, or all when {@code endpoint} is null. */
	int deliverDue(OffsetDateTime now, UUID endpoint) {
		List<UUID> due = this.jdbc
			.sql("SELECT d.id FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id"
					+ " WHERE d.status = 'PENDING' AND e.enabled = TRUE AND d.next_attempt_at <= :now"
					+ " AND (d.leased_until IS NULL OR d.leased_until < :now)"
					+ ((endpoint != null) ? " AND d.endpoint_id = :endpoint" : "")
					+ " ORDER BY d.next_attempt_at LIMIT :batch")
			.param("now", now)
			.param("batch", BATCH)
			.param("endpoint", endpoint)
			.query(UUID.class)
			.list();
		List<Callable<Boolean>> attempts = new ArrayList<>();
		for (UUID id : due) {
			attempts.add(() -> attempt(id, now));
		}
		int attempted = 0;
		try {
			for (var result : this.pool.invokeAll(attempts)) {
				if (Boolean.TRUE.equals(result.get())) {
					attempted++;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (java.util.concurrent.ExecutionException ex) {
			log.warn("A webhook delivery failed unexpectedly: {}", ex.getCause().getClass().getSimpleName());
		}
		return attempted;
	}

	/** Claims the delivery and attempts it; false when another got it first. */
	private boolean attempt(UUID id, OffsetDateTime now) {
		int claimed = this.jdbc
			.sql("UPDATE webhook_delivery SET leased_until = :lease WHERE id = :id AND status = 'PENDING'"
					+ " AND next_attempt_at <= :now AND (leased_until IS NULL OR leased_until < :now)")
			.param("lease", now.plus(CONNECT_TIMEOUT).plus(READ_TIMEOUT).plusSeconds(60))
			.param("id", id)
			.param("now", now)
			.update();
		if (claimed == 0) {
			return false;
		}
		Target target = this.jdbc
			.sql("SELECT d.endpoint_id, d.attempts, d.message_id, m.payload, e.url, e.secret_sealed,"
					+ " e.previous_sealed, e.previous_until, e.enabled FROM webhook_delivery d"
					+ " JOIN webhook_message m ON m.id = d.message_id JOIN webhook_endpoint e ON e.id = d.endpoint_id"
					+ " WHERE d.id = :id")
			.param("id", id)
			.query((rs, n) -> {
				OffsetDateTime previousUntil = rs.getObject("previous_until", OffsetDateTime.class);
				String previous = (rs.getString("previous_sealed") != null && previousUntil != null
						&& previousUntil.isAfter(now)) ? rs.getString("previous_sealed") : null;
				return new Target(rs.getObject("endpoint_id", UUID.class), rs.getInt("attempts") + 1,
						rs.getString("message_id"), rs.getString("payload"), rs.getString("url"),
						rs.getString("secret_sealed"), previous, rs.getBoolean("enabled"));
			})
			.optional()
			.orElse(null);
		if (target == null || !target.enabled()) {
			release(id);
			return false;
		}
		Outcome outcome = send(target, now);
		record(id, target, outcome, now);
		return true;
	}

	private Outcome send(Target target, OffsetDateTime now) {
		long started = System.nanoTime();
		URI url = URI.create(target.url());
		Optional<String> refusal = this.guard.refusal(url.getHost(), true);
		if (refusal.isPresent()) {
			return new Outcome(null, refusal.get(), null, elapsed(started));
		}
		String timestamp = Long.toString(now.toEpochSecond());
		String signature = signature(this.cipher.open(target.secretSealed()), target.messageId(), timestamp,
				target.payload());
		if (target.previousSealed() != null) {
			signature += " " + signature(this.cipher.open(target.previousSealed()), target.messageId(), timestamp,
					target.payload());
		}
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(READ_TIMEOUT)
			.header("content-type", "application/json")
			.header("user-agent", "Zhiyuan-Webhooks/1")
			.header("webhook-id", target.messageId())
			.header("webhook-timestamp", timestamp)
			.header("webhook-signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(target.payload(), StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<InputStream> response = this.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
			String excerpt;
			try (InputStream body = response.body()) {
				excerpt = new String(body.readNBytes(RESPONSE_EXCERPT), StandardCharsets.UTF_8).replace((char) 0, ' ');
			}
			return new Outcome(response.statusCode(), null, excerpt, elapsed(started));
		}
		catch (IOException | IllegalArgumentException ex) {
			return new Outcome(null, ex.getClass().getSimpleName(), null, elapsed(started));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome(null, "Interrupted", null, elapsed(started));
		}
	}

	private void record(UUID id, Target target, Outcome outcome, OffsetDateTime now) {
		boolean disabled = this.transaction.execute((status) -> {
			this.jdbc
				.sql("INSERT INTO webhook_attempt (id, delivery_id, attempt, attempted_at, status_code, error,"
						+ " response, duration_ms) VALUES (:id, :delivery, :attempt, :at, :status, :error, :response,"
						+ " :duration)")
				.param("id", Ids.newId())
				.param("delivery", id)
				.param("attempt", target.attempt())
				.param("at", now)
				.param("status", outcome.statusCode())
				.param("error", outcome.error())
				.param("response", outcome.response())
				.param("duration", outcome.durationMs())
				.update();
			String next;
			OffsetDateTime nextAt = null;
			String disable = null;
			if (outcome.delivered()) {
				next = "DELIVERED";
			}
			else if (Integer.valueOf(410).equals(outcome.statusCode())) {
				next = "FAILED";
				disable = "GONE";
			}
			else {
				Duration wait = this.settings.waitAfter(target.attempt());
				if (wait == null) {
					next = "FAILED";
					disable = "FAILING";
				}
				else {
					next = "PENDING";
					nextAt = now.plus(wait);
				}
			}
			this.jdbc
				.sql("UPDATE webhook_delivery SET status = :status, attempts = :attempt, next_attempt_at = :next,"
						+ " leased_until = NULL, last_attempt_at = :at, last_status = :code, last_error = :error"
						+ " WHERE id = :id")
				.param("status", next)
				.param("attempt", target.attempt())
				.param("next", nextAt)
				.param("at", now)
				.param("code", outcome.statusCode())
				.param("error", outcome.error())
				.param("id", id)
				.update();
			if (disable != null) {
				this.webhooks.disable(target.endpointId(), disable);
				return true;
			}
			return false;
		});
		if (disabled) {
			tell(target.endpointId());
		}
	}

	/** Tells whoever registered the endpoint that it was disabled, once per disabling. */
	private void tell(UUID endpoint) {
		this.jdbc.sql("SELECT created_by, url, disabled_reason, disabled_at FROM webhook_endpoint WHERE id = :id")
			.param("id", endpoint)
			.query((rs, n) -> {
				String host = URI.create(rs.getString("url")).getHost();
				return new NotificationRequest(rs.getObject("created_by", UUID.class), NotificationKind.GENERAL,
						"notice.webhook.disabled", List.of(host), "/webhooks/" + endpoint, "webhook-disabled:"
								+ endpoint + ":" + rs.getObject("disabled_at", OffsetDateTime.class).toEpochSecond());
			})
			.optional()
			.ifPresent((request) -> {
				try {
					this.notifications.send(request);
				}
				catch (RuntimeException ex) {
					log.warn("Could not tell about a disabled webhook: {}", ex.getClass().getSimpleName());
				}
			});
	}

	/**
	 * Forgets the deliveries that ended (delivered or failed) before {@code before}, with
	 * their attempts, and the messages no delivery refers to any more.
	 * @return how many deliveries were forgotten
	 */
	int purge(OffsetDateTime before) {
		return this.transaction.execute((status) -> {
			this.jdbc
				.sql("DELETE FROM webhook_attempt WHERE delivery_id IN (SELECT id FROM webhook_delivery"
						+ " WHERE status <> 'PENDING' AND last_attempt_at < :before)")
				.param("before", before)
				.update();
			int deliveries = this.jdbc
				.sql("DELETE FROM webhook_delivery WHERE status <> 'PENDING' AND last_attempt_at < :before")
				.param("before", before)
				.update();
			this.jdbc
				.sql("DELETE FROM webhook_message m WHERE m.created_at < :before"
						+ " AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.message_id = m.id)")
				.param("before", before)
				.update();
			return deliveries;
		});
	}

	private void release(UUID id) {
		this.jdbc.sql("UPDATE webhook_delivery SET leased_until = NULL WHERE id = :id").param("id", id).update();
	}

	/**
	 * {@code v1,} and the base64 of HMAC-SHA256 over {@code id.timestamp.body}, keyed
	 * with the bytes of the secret's base64 after {@code whsec_}.
	 */
	static String signature(String secret, String messageId, String timestamp, String body) {
		byte[] key = Base64.getDecoder().decode(secret.substring(secret.indexOf('_') + 1));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] digest = mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", ex);
		}
	}

	private static long elapsed(long started) {
		return Duration.ofNanos(System.nanoTime() - started).toMillis();
	}

	@Override
	public void destroy() {
		this.pool.shutdownNow();
	}

	private record Target(UUID endpointId, int attempt, String messageId, String payload, String url,
			String secretSealed, String previousSealed, boolean enabled) {

	}

	private record Outcome(Integer statusCode, String error, String response, long durationMs) {

		boolean delivered() {
			return this.statusCode != null && this.statusCode >= 200 && this.statusCode < 300;
		}

	}

}
