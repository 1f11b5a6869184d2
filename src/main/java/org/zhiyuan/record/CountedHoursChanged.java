package org.zhiyuan.record;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What a service record counts changed: it was written, an approved amendment changed its
 * hours, or a review counted or voided it. {@code hoursBefore} and {@code hoursAfter} are
 * the hours it counted before and after the change, {@code null} while it did not count;
 * {@code volunteerRegionCode} is the volunteer's region when the record was written.
 * Published in the transaction of the change.
 */
public record CountedHoursChanged(UUID recordId, UUID volunteerId, UUID activityId, OffsetDateTime startedAt,
		String volunteerRegionCode, BigDecimal hoursBefore, BigDecimal hoursAfter) {

}
