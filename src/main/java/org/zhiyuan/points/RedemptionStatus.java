package org.zhiyuan.points;

/** Where a redemption stands. */
public enum RedemptionStatus {

	/** Paid; the code waits to be checked by the merchant. */
	ISSUED,

	/** The merchant checked the code and gave the reward. */
	USED,

	/**
	 * Cancelled by the volunteer before use: the points refunded, the item back in stock.
	 */
	CANCELLED

}
