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
	GIFT

}
