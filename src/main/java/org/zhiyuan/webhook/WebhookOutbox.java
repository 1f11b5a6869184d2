package org.zhiyuan.webhook;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityCancelled;
import org.zhiyuan.activity.ActivityPublished;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.organization.OrganizationStatusChanged;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.record.CountedHoursChanged;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.cache.SharedCache;
import org.zhiyuan.shared.cache.SharedCaches;
import org.zhiyuan.signup.SignupApproved;
import org.zhiyuan.signup.SignupCancelled;
import org.zhiyuan.volunteer.VolunteerRegistered;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the outgoing messages: each event some enabled endpoint subscribes to becomes a
 * message, and a delivery for each enabled endpoint of the event's region or a region
 * above it, in the transaction of the business change, so that a message exists exactly
 * when the change does and survives the process. Events nobody subscribes to cost one
 * query. The data carries ids, region codes, hours and times: never a name, phone or ID
 * number.
 */
@Component
class WebhookOutbox {

	private final JdbcClient jdbc;

	private final Regions regions;

	private final Activities activities;

	private final Organizations organizations;

	private final JsonMapper json = JsonMapper.builder().build();

	/** The name under which instances keep which events have subscribers. */
	private static final String SUBSCRIPTIONS = "webhook-subscriptions";

	private final SharedCaches caches;

	private final SharedCache<String, Boolean> subscribed;

	WebhookOutbox(JdbcClient jdbc, Regions regions, @Lazy Activities activities, @Lazy Organizations organizations,
			SharedCaches caches) {
		this.caches = caches;
		this.subscribed = caches.cache(SUBSCRIPTIONS, 100);
		this.jdbc = jdbc;
		this.regions = regions;
		this.activities = activities;
		this.organizations = organizations;
	}

	@EventListener
	void on(ActivityPublished event) {
		if (subscribed(WebhookEvent.ACTIVITY_PUBLISHED)) {
			publish(WebhookEvent.ACTIVITY_PUBLISHED, event.regionCode(), data("activityId", event.activityId(),
					"organizationId", event.organizationId(), "regionCode", event.regionCode()));
		}
	}

	@EventListener
	void on(ActivityCancelled event) {
		if (subscribed(WebhookEvent.ACTIVITY_CANCELLED)) {
			this.activities.find(event.activityId())
				.ifPresent((activity) -> publish(WebhookEvent.ACTIVITY_CANCELLED, activity.regionCode(),
						data("activityId", activity.id(), "organizationId", activity.organizationId(), "regionCode",
								activity.regionCode())));
		}
	}

	@EventListener
	void on(SignupApproved event) {
		if (subscribed(WebhookEvent.SIGNUP_APPROVED)) {
			Optional<ActivityView> activity = (event.activity() != null) ? Optional.of(event.activity())
					: this.activities.find(event.activityId());
			activity.ifPresent((a) -> publish(WebhookEvent.SIGNUP_APPROVED, a.regionCode(),
					data("signupId", event.signupId(), "activityId", event.activityId(), "volunteerId",
							event.volunteerId(), "regionCode", a.regionCode(), "promoted", event.promoted())));
		}
	}

	@EventListener
	void on(SignupCancelled event) {
		if (subscribed(WebhookEvent.SIGNUP_CANCELLED)) {
			this.activities.find(event.activityId())
				.ifPresent((a) -> publish(WebhookEvent.SIGNUP_CANCELLED, a.regionCode(),
						data("signupId", event.signupId(), "activityId", event.activityId(), "volunteerId",
								event.volunteerId(), "regionCode", a.regionCode(), "status",
								(event.status() != null) ? event.status().name() : null, "byOrganizer",
								event.byOrganizer())));
		}
	}

	/** Hours count for the volunteer's region, as in the statistics. */
	@EventListener
	void on(CountedHoursChanged event) {
		if (subscribed(WebhookEvent.RECORD_COUNTED)) {
			publish(WebhookEvent.RECORD_COUNTED, event.volunteerRegionCode(),
					data("recordId", event.recordId(), "volunteerId", event.volunteerId(), "activityId",
							event.activityId(), "startedAt", time(event.startedAt()), "regionCode",
							event.volunteerRegionCode(), "hoursBefore", plain(event.hoursBefore()), "hoursAfter",
							plain(event.hoursAfter())));
		}
	}

	@EventListener
	void on(VolunteerRegistered event) {
		if (subscribed(WebhookEvent.VOLUNTEER_REGISTERED)) {
			publish(WebhookEvent.VOLUNTEER_REGISTERED, event.regionCode(),
					data("volunteerId", event.volunteerId(), "regionCode", event.regionCode()));
		}
	}

	@EventListener
	void on(OrganizationStatusChanged event) {
		if (subscribed(WebhookEvent.ORGANIZATION_STATUS_CHANGED)) {
			Optional<OrganizationView> organization = this.organizations.find(event.organizationId());
			organization.ifPresent((o) -> publish(WebhookEvent.ORGANIZATION_STATUS_CHANGED, o.regionCode(),
					data("organizationId", o.id(), "status", event.status().name(), "regionCode", o.regionCode())));
		}
	}

	/**
	 * Whether any enabled endpoint subscribes to the event: one indexed query, kept in
	 * memory until endpoints or subscriptions change.
	 */
	private boolean subscribed(WebhookEvent event) {
		return this.subscribed.get(event.type(), this::anySubscriber);
	}

	/**
	 * Notes, in the caller's transaction, that endpoints or their subscriptions changed.
	 */
	void subscriptionsChanged() {
		this.caches.changed(SUBSCRIPTIONS);
	}

	private boolean anySubscriber(String type) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM webhook_subscription s JOIN webhook_endpoint e ON e.id = s.endpoint_id"
					+ " WHERE s.event_type = :type AND e.enabled = TRUE")
			.param("type", type)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Writes the message and a delivery for every enabled endpoint subscribed to it whose
	 * region is the event's or one above it.
	 */
	void publish(WebhookEvent event, String regionCode, Map<String, Object> data) {
		if (regionCode == null) {
			return;
		}
		List<UUID> endpoints = this.jdbc
			.sql("SELECT e.id, e.region_code FROM webhook_subscription s JOIN webhook_endpoint e"
					+ " ON e.id = s.endpoint_id WHERE s.event_type = :type AND e.enabled = TRUE")
			.param("type", event.type())
			.query((rs, n) -> this.regions.covers(rs.getString("region_code"), regionCode)
					? rs.getObject("id", UUID.class) : null)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
		if (endpoints.isEmpty()) {
			return;
		}
		String message = message(event, regionCode, data);
		for (UUID endpoint : endpoints) {
			deliver(endpoint, message, null);
		}
	}

	/**
	 * Writes a message: {@code {"type", "timestamp", "data"}} with a new id
	 * {@code msg_…}.
	 * @return the message id
	 */
	String message(WebhookEvent event, String regionCode, Map<String, Object> data) {
		OffsetDateTime now = Webhooks.now();
		String id = "msg_" + Ids.newId().toString().replace("-", "");
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("type", event.type());
		payload.put("timestamp", time(now));
		payload.put("data", data);
		this.jdbc
			.sql("INSERT INTO webhook_message (id, event_type, region_code, payload, created_at)"
					+ " VALUES (:id, :type, :region, :payload, :now)")
			.param("id", id)
			.param("type", event.type())
			.param("region", regionCode)
			.param("payload", this.json.writeValueAsString(payload))
			.param("now", now)
			.update();
		return id;
	}

	/**
	 * Writes a delivery of the message to the endpoint, due at once.
	 * @return the delivery's id
	 */
	UUID deliver(UUID endpoint, String messageId, UUID replayOf) {
		UUID id = Ids.newId();
		OffsetDateTime now = Webhooks.now();
		this.jdbc
			.sql("INSERT INTO webhook_delivery (id, endpoint_id, message_id, status, attempts, next_attempt_at,"
					+ " replay_of, created_at) VALUES (:id, :endpoint, :message, 'PENDING', 0, :now, :replay, :now)")
			.param("id", id)
			.param("endpoint", endpoint)
			.param("message", messageId)
			.param("now", now)
			.param("replay", replayOf)
			.update();
		return id;
	}

	private static Map<String, Object> data(Object... pairs) {
		Map<String, Object> data = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			Object value = pairs[i + 1];
			data.put((String) pairs[i], (value instanceof UUID) ? value.toString() : value);
		}
		return data;
	}

	private static String plain(java.math.BigDecimal value) {
		return (value != null) ? value.toPlainString() : null;
	}

	private static String time(OffsetDateTime time) {
		return (time != null) ? DateTimeFormatter.ISO_INSTANT.format(time) : null;
	}

}
