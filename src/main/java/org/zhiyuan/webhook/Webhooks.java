package org.zhiyuan.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Role;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.privacy.PersonalDataCipher;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhook endpoints of a region: registered, listed, rotated, disabled, enabled and
 * removed by its operators (read by its overseers), with the log of their deliveries,
 * replays and pings. A secret is shown only when it is made; it is sealed at rest.
 */
@Service
public class Webhooks {

	/** How long the secret before a rotation still signs, next to the new one. */
	static final java.time.Duration ROTATION_OVERLAP = java.time.Duration.ofHours(24);

	static final int URL_LENGTH = 2000;

	static final int MAX_EVENTS = 20;

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	private final AuditLog auditLog;

	private final AddressGuard guard;

	private final WebhookOutbox outbox;

	private final TransactionTemplate transaction;

	private final SecureRandom random = new SecureRandom();

	Webhooks(JdbcClient jdbc, PersonalDataCipher cipher, AccessPolicy accessPolicy, Regions regions, AuditLog auditLog,
			AddressGuard guard, WebhookOutbox outbox, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
		this.auditLog = auditLog;
		this.guard = guard;
		this.outbox = outbox;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Registers an endpoint. With an Idempotency-Key a repeat by the same operator
	 * answers the first registration again, secret included, and registers nothing.
	 * @throws ProblemException 400 naming every bad field; 403 for anyone but an operator
	 * of the region
	 */
	public CreatedWebhook create(Actor actor, NewWebhook request, String idempotencyKey) {
		String region = (request.regionCode() != null) ? request.regionCode().strip() : defaultRegion(actor);
		List<FieldProblem> problems = new ArrayList<>();
		URI url = checkUrl(request.url(), problems);
		List<String> events = checkEvents(request.events(), problems);
		if (region == null) {
			// no region given, and the caller operates or audits none
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		if (!Regions.isWellFormed(region) || !this.regions.exists(region)) {
			problems.add(new FieldProblem("regionCode", "validation.regionCode"));
		}
		if (idempotencyKey != null && idempotencyKey.length() > 100) {
			problems.add(new FieldProblem("Idempotency-Key", "validation.record.key"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		this.accessPolicy.requireOperatorOf(actor, region);
		try {
			return this.transaction.execute((status) -> create(actor, region, url, events, idempotencyKey));
		}
		catch (DuplicateKeyException ex) {
			// the same key at the same moment: the other one registered
			return earlier(actor, idempotencyKey).orElseThrow(() -> ex);
		}
	}

	private CreatedWebhook create(Actor actor, String region, URI url, List<String> events, String idempotencyKey) {
		if (idempotencyKey != null) {
			Optional<CreatedWebhook> earlier = earlier(actor, idempotencyKey);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		UUID id = Ids.newId();
		String secret = newSecret();
		this.jdbc
			.sql("INSERT INTO webhook_endpoint (id, region_code, url, secret_sealed, enabled, created_at, created_by,"
					+ " idempotency_key) VALUES (:id, :region, :url, :secret, TRUE, :now, :by, :key)")
			.param("id", id)
			.param("region", region)
			.param("url", url.toString())
			.param("secret", this.cipher.seal(secret))
			.param("now", now())
			.param("by", actor.accountId())
			.param("key", idempotencyKey)
			.update();
		for (String event : events) {
			this.jdbc.sql("INSERT INTO webhook_subscription (endpoint_id, event_type) VALUES (:id, :type)")
				.param("id", id)
				.param("type", event)
				.update();
		}
		this.outbox.subscriptionsChanged();
		this.auditLog.record(AuditRecord.of("webhook.create", actor.accountId())
			.on("webhook", id)
			.inRegion(region)
			.withDetail(String.join(",", events)));
		return new CreatedWebhook(secret, find(id).orElseThrow());
	}

	private Optional<CreatedWebhook> earlier(Actor actor, String idempotencyKey) {
		if (idempotencyKey == null) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("SELECT id, secret_sealed FROM webhook_endpoint WHERE created_by = :by AND idempotency_key = :key")
			.param("by", actor.accountId())
			.param("key", idempotencyKey)
			.query((rs, n) -> new CreatedWebhook(this.cipher.open(rs.getString("secret_sealed")),
					find(rs.getObject("id", UUID.class)).orElseThrow()))
			.optional();
	}

	/**
	 * The endpoints of the region and the regions below it (its operators and auditors);
	 * without a region, those of the caller's.
	 */
	public PageResult<WebhookView> list(Actor actor, String regionCode, PageQuery page) {
		String region = (regionCode != null && !regionCode.isBlank()) ? regionCode.strip() : defaultRegion(actor);
		if (region == null) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		if (!Regions.isWellFormed(region) || !this.regions.exists(region)) {
			throw ProblemException.notFound("REGION_NOT_FOUND", "region.notFound", region);
		}
		if (!this.accessPolicy.oversees(actor, region)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		String prefix = Regions.prefixOf(region);
		long total = this.jdbc.sql("SELECT COUNT(*) FROM webhook_endpoint WHERE region_code LIKE :prefix")
			.param("prefix", prefix + "%")
			.query(Long.class)
			.single();
		List<UUID> ids = this.jdbc
			.sql("SELECT id FROM webhook_endpoint WHERE region_code LIKE :prefix ORDER BY created_at DESC, id"
					+ " LIMIT :size OFFSET :offset")
			.param("prefix", prefix + "%")
			.param("size", page.size())
			.param("offset", page.offset())
			.query(UUID.class)
			.list();
		return new PageResult<>(ids.stream().map((id) -> find(id).orElseThrow()).toList(), page.page(), page.size(),
				total);
	}

	/** One endpoint (its region's operators and auditors). */
	public WebhookView view(Actor actor, UUID id) {
		WebhookView webhook = find(id).orElseThrow(Webhooks::notFound);
		if (!this.accessPolicy.oversees(actor, webhook.regionCode())) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		return webhook;
	}

	/**
	 * Gives the endpoint a new secret, shown only in this answer; for
	 * {@link #ROTATION_OVERLAP} the old one signs too, so that deliveries carry both
	 * signatures while the receiver changes over.
	 */
	public CreatedWebhook rotate(Actor actor, UUID id) {
		WebhookView webhook = managed(actor, id);
		String secret = newSecret();
		OffsetDateTime until = now().plus(ROTATION_OVERLAP);
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc
				.sql("UPDATE webhook_endpoint SET previous_sealed = secret_sealed, previous_until = :until,"
						+ " secret_sealed = :secret WHERE id = :id")
				.param("until", until)
				.param("secret", this.cipher.seal(secret))
				.param("id", id)
				.update();
			this.auditLog.record(AuditRecord.of("webhook.rotate", actor.accountId())
				.on("webhook", id)
				.inRegion(webhook.regionCode()));
		});
		return new CreatedWebhook(secret, find(id).orElseThrow());
	}

	/**
	 * Disables the endpoint (nothing is recorded or sent for it) or enables it again
	 * (what was pending is sent).
	 */
	public WebhookView setEnabled(Actor actor, UUID id, boolean enabled) {
		WebhookView webhook = managed(actor, id);
		this.transaction.executeWithoutResult((status) -> {
			if (enabled) {
				this.jdbc
					.sql("UPDATE webhook_endpoint SET enabled = TRUE, disabled_reason = NULL, disabled_at = NULL"
							+ " WHERE id = :id")
					.param("id", id)
					.update();
				this.outbox.subscriptionsChanged();
			}
			else if (webhook.enabled()) {
				disable(id, "BY_OPERATOR");
			}
			this.auditLog.record(AuditRecord.of(enabled ? "webhook.enable" : "webhook.disable", actor.accountId())
				.on("webhook", id)
				.inRegion(webhook.regionCode()));
		});
		return find(id).orElseThrow();
	}

	/** Removes the endpoint with its deliveries and their log. */
	public void remove(Actor actor, UUID id) {
		WebhookView webhook = managed(actor, id);
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc
				.sql("DELETE FROM webhook_attempt WHERE delivery_id IN"
						+ " (SELECT id FROM webhook_delivery WHERE endpoint_id = :id)")
				.param("id", id)
				.update();
			this.jdbc.sql("DELETE FROM webhook_delivery WHERE endpoint_id = :id").param("id", id).update();
			this.jdbc.sql("DELETE FROM webhook_subscription WHERE endpoint_id = :id").param("id", id).update();
			this.jdbc.sql("DELETE FROM webhook_endpoint WHERE id = :id").param("id", id).update();
			this.outbox.subscriptionsChanged();
			this.auditLog.record(AuditRecord.of("webhook.remove", actor.accountId())
				.on("webhook", id)
				.inRegion(webhook.regionCode()));
		});
	}

	/** The endpoint's deliveries, the newest first, each with its attempts. */
	public PageResult<DeliveryView> deliveries(Actor actor, UUID id, PageQuery page) {
		view(actor, id);
		long total = this.jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		List<UUID> ids = this.jdbc
			.sql("SELECT id FROM webhook_delivery WHERE endpoint_id = :id ORDER BY created_at DESC, id DESC"
					+ " LIMIT :size OFFSET :offset")
			.param("id", id)
			.param("size", page.size())
			.param("offset", page.offset())
			.query(UUID.class)
			.list();
		return new PageResult<>(ids.stream().map((delivery) -> delivery(delivery).orElseThrow()).toList(), page.page(),
				page.size(), total);
	}

	/**
	 * Sends a delivery's message again as a new delivery with the same message id (and so
	 * the same {@code webhook-id}), attempted at once.
	 * @throws ProblemException 404 for a delivery of another endpoint; 409
	 * {@code WEBHOOK_DISABLED} while the endpoint is disabled
	 */
	public DeliveryView replay(Actor actor, UUID id, UUID deliveryId) {
		WebhookView webhook = managed(actor, id);
		DeliveryView original = delivery(deliveryId).filter((d) -> endpointOf(deliveryId).equals(Optional.of(id)))
			.orElseThrow(() -> ProblemException.notFound("DELIVERY_NOT_FOUND", "webhook.delivery.notFound"));
		requireEnabled(webhook);
		UUID replay = this.transaction.execute((status) -> {
			UUID newId = this.outbox.deliver(id, original.messageId(), deliveryId);
			this.auditLog.record(AuditRecord.of("webhook.replay", actor.accountId())
				.on("webhook", id)
				.inRegion(webhook.regionCode())
				.withDetail(original.messageId()));
			return newId;
		});
		return delivery(replay).orElseThrow();
	}

	/** Sends a {@code webhook.test} message to the endpoint alone, attempted at once. */
	public DeliveryView ping(Actor actor, UUID id) {
		WebhookView webhook = managed(actor, id);
		requireEnabled(webhook);
		UUID delivery = this.transaction.execute((status) -> {
			String message = this.outbox.message(WebhookEvent.WEBHOOK_TEST, webhook.regionCode(),
					Map.of("webhookId", id.toString(), "regionCode", webhook.regionCode()));
			return this.outbox.deliver(id, message, null);
		});
		return delivery(delivery).orElseThrow();
	}

	/**
	 * The region a caller's registrations and lists default to: their operator region.
	 */
	public static String defaultRegion(Actor actor) {
		if (actor == null) {
			return null;
		}
		Set<String> scopes = actor.scopesOf(Role.OPERATOR);
		if (scopes.isEmpty()) {
			scopes = actor.readableRegions();
		}
		return scopes.stream().sorted().findFirst().orElse(null);
	}

	/** Whether the caller operates the endpoint's region. */
	public boolean manages(Actor actor, WebhookView webhook) {
		return this.accessPolicy.operates(actor, webhook.regionCode());
	}

	void disable(UUID id, String reason) {
		this.jdbc
			.sql("UPDATE webhook_endpoint SET enabled = FALSE, disabled_reason = :reason, disabled_at = :now"
					+ " WHERE id = :id AND enabled = TRUE")
			.param("reason", reason)
			.param("now", now())
			.param("id", id)
			.update();
		this.outbox.subscriptionsChanged();
	}

	private void requireEnabled(WebhookView webhook) {
		if (!webhook.enabled()) {
			throw ProblemException.conflict("WEBHOOK_DISABLED", "webhook.disabled");
		}
	}

	private WebhookView managed(Actor actor, UUID id) {
		WebhookView webhook = find(id).orElseThrow(Webhooks::notFound);
		this.accessPolicy.requireOperatorOf(actor, webhook.regionCode());
		return webhook;
	}

	private static ProblemException notFound() {
		return ProblemException.notFound("WEBHOOK_NOT_FOUND", "webhook.notFound");
	}

	Optional<WebhookView> find(UUID id) {
		Optional<EndpointRow> row = this.jdbc
			.sql("SELECT id, region_code, url, enabled, disabled_reason, disabled_at, created_at, previous_until"
					+ " FROM webhook_endpoint WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new EndpointRow(rs.getObject("id", UUID.class), rs.getString("region_code"),
					rs.getString("url"), rs.getBoolean("enabled"), rs.getString("disabled_reason"),
					rs.getObject("disabled_at", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class),
					rs.getObject("previous_until", OffsetDateTime.class)))
			.optional();
		return row.map((r) -> {
			List<String> events = this.jdbc
				.sql("SELECT event_type FROM webhook_subscription WHERE endpoint_id = :id ORDER BY event_type")
				.param("id", id)
				.query(String.class)
				.list();
			AttemptView last = this.jdbc
				.sql("SELECT a.attempt, a.attempted_at, a.status_code, a.error, a.duration_ms FROM webhook_attempt a"
						+ " JOIN webhook_delivery d ON d.id = a.delivery_id WHERE d.endpoint_id = :id"
						+ " ORDER BY a.attempted_at DESC LIMIT 1")
				.param("id", id)
				.query(Webhooks::attempt)
				.optional()
				.orElse(null);
			OffsetDateTime previousUntil = (r.previousUntil() != null && r.previousUntil().isAfter(now()))
					? r.previousUntil() : null;
			return new WebhookView(r.id(), r.regionCode(), r.url(), events, r.enabled(), r.disabledReason(),
					r.disabledAt(), r.createdAt(), previousUntil, last);
		});
	}

	/** A delivery with its attempts, the newest first. */
	Optional<DeliveryView> delivery(UUID id) {
		return this.jdbc
			.sql("SELECT d.id, d.message_id, m.event_type, d.status, d.attempts, d.created_at, d.last_attempt_at,"
					+ " d.last_status, d.last_error, d.next_attempt_at, d.replay_of FROM webhook_delivery d"
					+ " JOIN webhook_message m ON m.id = d.message_id WHERE d.id = :id")
			.param("id", id)
			.query((rs, n) -> new DeliveryView(rs.getObject("id", UUID.class), rs.getString("message_id"),
					rs.getString("event_type"), rs.getString("status"), rs.getInt("attempts"),
					rs.getObject("created_at", OffsetDateTime.class),
					rs.getObject("last_attempt_at", OffsetDateTime.class), (Integer) rs.getObject("last_status"),
					rs.getString("last_error"), rs.getObject("next_attempt_at", OffsetDateTime.class),
					rs.getObject("replay_of", UUID.class), List.of()))
			.optional()
			.map((d) -> new DeliveryView(d.id(), d.messageId(), d.eventType(), d.status(), d.attempts(), d.createdAt(),
					d.lastAttemptAt(), d.lastStatusCode(), d.lastError(), d.nextAttemptAt(), d.replayOf(),
					this.jdbc
						.sql("SELECT attempt, attempted_at, status_code, error, duration_ms FROM webhook_attempt"
								+ " WHERE delivery_id = :id ORDER BY attempt DESC")
						.param("id", id)
						.query(Webhooks::attempt)
						.list()));
	}

	private Optional<UUID> endpointOf(UUID deliveryId) {
		return this.jdbc.sql("SELECT endpoint_id FROM webhook_delivery WHERE id = :id")
			.param("id", deliveryId)
			.query(UUID.class)
			.optional();
	}

	private static AttemptView attempt(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new AttemptView(rs.getInt("attempt"), rs.getObject("attempted_at", OffsetDateTime.class),
				(Integer) rs.getObject("status_code"), rs.getString("error"), rs.getLong("duration_ms"));
	}

	private URI checkUrl(String text, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(new FieldProblem("url", "validation.required"));
			return null;
		}
		if (text.length() > URL_LENGTH) {
			problems.add(new FieldProblem("url", "validation.webhook.url", URL_LENGTH));
			return null;
		}
		if (!text.strip().chars().allMatch((c) -> c > 0x20 && c < 0x7f)) {
			// printable ASCII only: an international domain name is written in punycode
			problems.add(new FieldProblem("url", "validation.webhook.url", URL_LENGTH));
			return null;
		}
		URI url;
		try {
			url = new URI(text.strip());
		}
		catch (URISyntaxException ex) {
			problems.add(new FieldProblem("url", "validation.webhook.url", URL_LENGTH));
			return null;
		}
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!url.isAbsolute() || !("https".equals(scheme) || "http".equals(scheme)) || url.getHost() == null
				|| url.getHost().isBlank() || url.getRawUserInfo() != null || url.getRawFragment() != null) {
			problems.add(new FieldProblem("url", "validation.webhook.url", URL_LENGTH));
			return null;
		}
		if (this.guard.refusal(url.getHost(), false).isPresent()) {
			problems.add(new FieldProblem("url", "validation.webhook.privateAddress"));
			return null;
		}
		return url;
	}

	private static List<String> checkEvents(List<String> events, List<FieldProblem> problems) {
		if (events == null || events.isEmpty() || events.size() > MAX_EVENTS) {
			problems.add(new FieldProblem("events", "validation.webhook.events", MAX_EVENTS));
			return List.of();
		}
		Set<String> known = new LinkedHashSet<>();
		for (String event : events) {
			Optional<WebhookEvent> type = (event != null) ? WebhookEvent.ofType(event.strip()) : Optional.empty();
			if (type.isEmpty() || !type.get().subscribable()) {
				problems.add(new FieldProblem("events", "validation.webhook.event"));
				return List.of();
			}
			known.add(type.get().type());
		}
		return List.copyOf(known);
	}

	private String newSecret() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return "whsec_" + Base64.getEncoder().encodeToString(bytes);
	}

	static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
	}

	private record EndpointRow(UUID id, String regionCode, String url, boolean enabled, String disabledReason,
			OffsetDateTime disabledAt, OffsetDateTime createdAt, OffsetDateTime previousUntil) {

	}

}
