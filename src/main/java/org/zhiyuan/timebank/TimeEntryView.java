package org.zhiyuan.timebank;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One entry of a volunteer's account: hours in (positive) or out (negative), the balance
 * after it, the other side (a relative's masked name, or the platform's account), the
 * service record it comes from, and the movement it belongs to (a correction names the
 * movement it corrects).
 */
public record TimeEntryView(UUID id, EntryKind kind, BigDecimal hours, BigDecimal balanceAfter,
		Counterparty counterparty, UUID recordId, UUID transferId, UUID correctsId, String memo,
		OffsetDateTime createdAt) {

	/**
	 * The other side of an entry: a volunteer (their id and masked name) or one of the
	 * platform's accounts (its kind and region).
	 */
	public record Counterparty(AccountKind kind, UUID volunteerId, String name, String regionCode) {

	}

}
