package org.zhiyuan.signup;

import java.util.UUID;

/** A sign-up ended: cancelled by the volunteer or organizer, or rejected. */
public record SignupCancelled(UUID signupId, UUID activityId, UUID volunteerId, SignupStatus status,
		boolean byOrganizer, String reason) {

}
