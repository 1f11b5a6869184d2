package org.zhiyuan.timebank;

/** Where a service paid with hours stands. */
public enum TimeServiceStatus {

	/** Ordered: its hours are held, out of the volunteer's balance. */
	HELD,

	/** Done: its hours are spent. */
	DONE,

	/** Cancelled before it was done: its hours went back to the volunteer. */
	CANCELLED

}
