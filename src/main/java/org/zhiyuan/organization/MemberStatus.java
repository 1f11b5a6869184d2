package org.zhiyuan.organization;

/** A volunteer's standing with an organization. */
public enum MemberStatus {

	/** Asked to join; waits for an admin. */
	PENDING,
	/** A member. */
	ACTIVE,
	/** Left, or was removed. */
	LEFT,
	/** The join request was declined. */
	REJECTED

}
