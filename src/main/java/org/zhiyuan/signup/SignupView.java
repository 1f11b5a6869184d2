package org.zhiyuan.signup;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A sign-up with what its viewer needs: the activity and position, and for organizers the
 * volunteer's name and number (never the ID number; the phone masked), and who made it.
 */
public record SignupView(UUID id, UUID activityId, String activityTitle, OffsetDateTime startsAt, OffsetDateTime endsAt,
		UUID positionId, String positionName, UUID volunteerId, String volunteerName, String volunteerNumber,
		String phoneMasked, SignupStatus status, OffsetDateTime queuedAt, String cancelReason, boolean lateCancel,
		SignupOrigin signedUpVia) {

}
