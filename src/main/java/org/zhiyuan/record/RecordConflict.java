package org.zhiyuan.record;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A counted record that a new one would overlap. */
public record RecordConflict(UUID recordId, UUID activityId, String activityTitle, OffsetDateTime startedAt,
		OffsetDateTime endedAt) {

}
