package org.zhiyuan.timebank;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Hours given from one volunteer to a confirmed relative, with the giver's balance after.
 */
public record GiftView(UUID id, UUID fromVolunteerId, UUID toVolunteerId, String toName, BigDecimal hours,
		BigDecimal balanceAfter, String memo, OffsetDateTime createdAt) {

}
