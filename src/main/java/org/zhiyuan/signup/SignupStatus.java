package org.zhiyuan.signup;

/**
 * A sign-up's state. PENDING waits for the organizer (manual approval); APPROVED holds a
 * place; WAITLISTED waits for one in order; REJECTED and CANCELLED are ends, from which
 * the volunteer may sign up again.
 */
public enum SignupStatus {

	PENDING, APPROVED, WAITLISTED, REJECTED, CANCELLED;

	public boolean isActive() {
		return this == PENDING || this == APPROVED || this == WAITLISTED;
	}

}
