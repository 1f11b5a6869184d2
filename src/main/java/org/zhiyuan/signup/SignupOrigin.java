package org.zhiyuan.signup;

/**
 * Who made a sign-up: the volunteer (SELF), a team leader or guardian for their members
 * or child (GROUP), or an organizer adding the volunteer directly, with a reason
 * (DIRECT).
 */
public enum SignupOrigin {

	SELF, GROUP, DIRECT

}
