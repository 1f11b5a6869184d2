package org.zhiyuan.organization;

/**
 * A volunteer's standing with an organization. Nobody is a member without saying so: a
 * volunteer asks to join and an admin approves, or an admin invites and the volunteer
 * accepts.
 */
public enum MemberStatus {

	/** Asked to join; waits for an admin. */
	PENDING,
	/**
	 * Invited by an admin; waits for the volunteer, and sees nothing of them till then.
	 */
	INVITED,
	/** A member. */
	ACTIVE,
	/** Left, was removed, or the invitation was withdrawn. */
	LEFT,
	/** The join request was declined. */
	REJECTED,
	/** The volunteer declined the invitation. */
	DECLINED

}
