package org.zhiyuan.activity;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One sending of an activity to its region's operators: for review before it recruits,
 * or, when {@code backfill}, for confirmation of an activity registered after it took
 * place (补录). {@code decision}, {@code reason} and {@code decidedAt} are {@code null}
 * while it waits.
 */
public record ActivityReview(UUID id, UUID activityId, boolean backfill, OffsetDateTime submittedAt,
		ReviewDecision decision, String reason, OffsetDateTime decidedAt) {

	public boolean isOpen() {
		return this.decision == null;
	}

}
