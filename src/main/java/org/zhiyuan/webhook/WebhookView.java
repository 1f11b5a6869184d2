package org.zhiyuan.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A webhook endpoint as its region's overseers see it: never its secret.
 *
 * @param disabledReason why it is disabled: {@code GONE} (the receiver answered 410),
 * {@code FAILING} (a message's last retry failed) or {@code BY_OPERATOR}
 * @param previousSecretValidUntil until when the secret before the last rotation still
 * signs, next to the new one
 * @param lastAttempt the latest delivery attempt, if any
 */
public record WebhookView(UUID id, String regionCode, String url, List<String> events, boolean enabled,
		String disabledReason, OffsetDateTime disabledAt, OffsetDateTime createdAt,
		OffsetDateTime previousSecretValidUntil, AttemptView lastAttempt) {

	/** Whether the secret before the last rotation still signs. */
	public boolean rotating() {
		return this.previousSecretValidUntil != null && this.previousSecretValidUntil.isAfter(OffsetDateTime.now());
	}

}
