package org.zhiyuan.record;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A manual entry: who served, in which activity, from when to when, what they did
 * (defaults to the activity's title) and why the record is entered by hand.
 */
public record NewRecord(UUID volunteerId, UUID activityId, OffsetDateTime startedAt, OffsetDateTime endedAt,
		String content, String reason) {

}
