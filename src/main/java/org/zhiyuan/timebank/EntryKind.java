package org.zhiyuan.timebank;

/** What moved hours into or out of an account. */
public enum EntryKind {

	/** The hours of a counted service record of an eligible activity. */
	DEPOSIT,

	/** A record's hours changed (an approved amendment, a review): the difference. */
	CORRECTION,

	/** Hours above the volunteer's cap, moved to the donation pool. */
	CAP_SWEEP,

	/**
	 * Hours a correction could not take back when it was made, settled from a deposit.
	 */
	SETTLEMENT,

	/** Hours given to a confirmed relative (negative) or received from one (positive). */
	GIFT,

	/**
	 * Hours held for a service ordered: out of the volunteer's account, into the holds.
	 */
	HOLD,

	/** Held hours of a service cancelled: out of the holds, back to the volunteer. */
	RELEASE,

	/** Held hours of a service done: out of the holds, spent on services. */
	WITHDRAWAL,

	/**
	 * Hours the volunteer moved to another installation: out of their account, into the
	 * transferred-out account.
	 */
	TRANSFER_OUT,

	/**
	 * Hours moved here from another installation: out of the transferred-in account, into
	 * the volunteer's.
	 */
	TRANSFER_IN

}
