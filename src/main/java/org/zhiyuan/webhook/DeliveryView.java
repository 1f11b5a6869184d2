package org.zhiyuan.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A delivery of a message to an endpoint, with its attempts, the newest first.
 *
 * @param messageId the {@code webhook-id} header: the same for every retry and replay of
 * the message
 * @param status {@code PENDING} (to be attempted at {@code nextAttemptAt}),
 * {@code DELIVERED} or {@code FAILED}
 * @param replayOf the delivery this one replays, if it is a replay
 */
public record DeliveryView(UUID id, String messageId, String eventType, String status, int attempts,
		OffsetDateTime createdAt, OffsetDateTime lastAttemptAt, Integer lastStatusCode, String lastError,
		OffsetDateTime nextAttemptAt, UUID replayOf, List<AttemptView> attemptLog) {

}
