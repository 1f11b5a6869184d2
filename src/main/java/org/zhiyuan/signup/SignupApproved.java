package org.zhiyuan.signup;

import java.util.UUID;

import org.zhiyuan.activity.ActivityView;

/**
 * A volunteer holds a place: approved at once, by the organizer, or promoted from the
 * waiting list.
 *
 * @param activity the activity as the sign-up read it, so that listeners need not read it
 * again (sign-ups written in one batch hold the position's lock meanwhile), or
 * {@code null} when the writer did not have it at hand
 * @param volunteerAccountId the volunteer's account when the writer knows it (the
 * volunteer signed up themself), else {@code null}
 */
public record SignupApproved(UUID signupId, UUID activityId, UUID volunteerId, boolean promoted, ActivityView activity,
		UUID volunteerAccountId) {

	public SignupApproved(UUID signupId, UUID activityId, UUID volunteerId, boolean promoted) {
		this(signupId, activityId, volunteerId, promoted, null, null);
	}

	public SignupApproved(UUID signupId, UUID activityId, UUID volunteerId, boolean promoted, ActivityView activity) {
		this(signupId, activityId, volunteerId, promoted, activity, null);
	}

}
