package org.zhiyuan.webhook;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events an endpoint may subscribe to, by their dotted names. Their data carries ids,
 * region codes, hours and times, never a person's name, phone or ID number.
 */
public enum WebhookEvent {

	/**
	 * An activity was published and recruits (activityId, organizationId, regionCode).
	 */
	ACTIVITY_PUBLISHED("activity.published"),

	/** An activity was cancelled (activityId, organizationId, regionCode). */
	ACTIVITY_CANCELLED("activity.cancelled"),

	/**
	 * A sign-up was approved (signupId, activityId, volunteerId, regionCode, promoted).
	 */
	SIGNUP_APPROVED("signup.approved"),

	/**
	 * A sign-up was cancelled or withdrawn (signupId, activityId, volunteerId, status).
	 */
	SIGNUP_CANCELLED("signup.cancelled"),

	/**
	 * The hours a service record counts changed: recorded, approved, amended (recordId,
	 * volunteerId, activityId, startedAt, hoursBefore, hoursAfter, regionCode).
	 */
	RECORD_COUNTED("record.counted"),

	/** A volunteer registered (volunteerId, regionCode). */
	VOLUNTEER_REGISTERED("volunteer.registered"),

	/** An organization's status changed (organizationId, status, regionCode). */
	ORGANIZATION_STATUS_CHANGED("organization.status_changed"),

	/** A ping sent from the webhook's page or {@code POST /api/v1/webhooks/{id}/test}. */
	WEBHOOK_TEST("webhook.test");

	private final String type;

	WebhookEvent(String type) {
		this.type = type;
	}

	/** The dotted name, e.g. {@code activity.published}. */
	public String type() {
		return this.type;
	}

	/** Whether an endpoint may subscribe to it: every event but the ping. */
	public boolean subscribable() {
		return this != WEBHOOK_TEST;
	}

	public static Optional<WebhookEvent> ofType(String type) {
		return Arrays.stream(values()).filter((event) -> event.type.equals(type)).findFirst();
	}

}
