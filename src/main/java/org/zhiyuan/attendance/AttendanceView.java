package org.zhiyuan.attendance;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One volunteer's attendance at an activity, as the organizer's live board shows it. */
public record AttendanceView(UUID id, UUID activityId, UUID volunteerId, String volunteerName, String volunteerNumber,
		OffsetDateTime checkedInAt, OffsetDateTime checkedOutAt, String checkInMethod, String checkOutMethod,
		Double distanceMeters, UUID recordId, boolean needsReview, String flags) {

}
