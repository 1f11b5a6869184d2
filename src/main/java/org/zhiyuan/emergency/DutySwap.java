package org.zhiyuan.emergency;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A swap asked by a member on duty: their shift for one of the partner's, or the partner
 * takes it over when {@code partnerDay} is empty.
 */
public record DutySwap(UUID id, UUID organizationId, String teamName, UUID requesterId, String requesterName,
		LocalDate day, Shift shift, UUID partnerId, String partnerName, LocalDate partnerDay, Shift partnerShift,
		SwapStatus status, OffsetDateTime requestedAt, OffsetDateTime agreedAt, OffsetDateTime decidedAt) {

	/** Whether the partner gives one of their shifts in exchange. */
	public boolean isExchange() {
		return this.partnerDay != null;
	}

}
