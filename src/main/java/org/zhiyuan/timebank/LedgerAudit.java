package org.zhiyuan.timebank;

import java.math.BigDecimal;

/**
 * The ledger checked whole: the sum of every entry (zero), movements whose entries do not
 * sum to zero, accounts, balances below zero, and volunteers' balances that differ from
 * the sum of their entries (all zero when the ledger is sound); then the region's
 * figures: its volunteers' balances, the hours issued to them and its donation pool.
 */
public record LedgerAudit(BigDecimal sum, long unbalancedTransfers, long accounts, long negativeBalances,
		long balanceMismatches, String regionCode, long regionAccounts, BigDecimal regionBalances,
		BigDecimal regionIssued, BigDecimal regionDonationPool) {

	public boolean sound() {
		return this.sum.signum() == 0 && this.unbalancedTransfers == 0 && this.negativeBalances == 0
				&& this.balanceMismatches == 0;
	}

}
