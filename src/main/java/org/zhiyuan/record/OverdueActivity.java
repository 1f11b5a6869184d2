package org.zhiyuan.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A finished activity with accepted volunteers but no service record, past the 10 working
 * days in which records are due.
 */
public record OverdueActivity(UUID activityId, String title, UUID organizationId, String organizationName,
		OffsetDateTime endedAt, LocalDate dueOn, long approvedSignups) {

}
