package org.zhiyuan.signup;

import java.util.UUID;

/**
 * A volunteer holds a place: approved at once, by the organizer, or promoted from the
 * waiting list.
 */
public record SignupApproved(UUID signupId, UUID activityId, UUID volunteerId, boolean promoted) {

}
