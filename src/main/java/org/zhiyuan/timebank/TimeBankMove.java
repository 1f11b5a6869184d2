package org.zhiyuan.timebank;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Hours a volunteer moved out of their time account to take to another installation: the
 * movement's id (what the transfer package names, so that the destination credits it
 * once), the hours, the balance left and when.
 */
public record TimeBankMove(UUID transferId, UUID volunteerId, BigDecimal hours, BigDecimal balanceAfter,
		OffsetDateTime movedAt) {

}
