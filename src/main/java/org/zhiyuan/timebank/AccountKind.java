package org.zhiyuan.timebank;

/**
 * Whose an account of the time bank is: a volunteer's, or one of the platform's per
 * region.
 */
public enum AccountKind {

	/** A volunteer's spendable hours; never below zero, never above the region's cap. */
	VOLUNTEER,

	/** Where every credit comes from: its balance is minus all credits issued. */
	ISSUANCE,

	/** Hours above a volunteer's cap, and hours given to it. */
	DONATION_POOL,

	/**
	 * Hours held for services ordered and not yet done or cancelled: the sum of the held
	 * services of the region's volunteers.
	 */
	HOLDS,

	/** Hours spent on services done: they leave the ledger's circulation here. */
	SERVICES,

	/**
	 * Hours volunteers moved to another installation with their transfer package: they
	 * leave the ledger's circulation here, and are credited there.
	 */
	TRANSFERRED_OUT,

	/**
	 * Where hours credited from another installation's package come from: like the
	 * issuance, its balance is minus all hours credited in.
	 */
	TRANSFERRED_IN;

	/** Whether the account's balance is kept on its row under its lock. */
	boolean locked() {
		return this != ISSUANCE && this != TRANSFERRED_IN;
	}

}
