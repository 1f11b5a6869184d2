package org.zhiyuan.record;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A record another installation signed, as it is appended here: the volunteer, the local
 * activity that stands for that installation, the times and the hours approved there,
 * what was done (with the recording organization's name), where it comes from, and the
 * account that brought it.
 */
public record TransferredRecord(UUID volunteerId, UUID activityId, OffsetDateTime startedAt, OffsetDateTime endedAt,
		BigDecimal hours, String content, String place, UUID recordedBy) {

}
