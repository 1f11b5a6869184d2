package org.zhiyuan.timebank;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A service paid with a volunteer's hours: whose hours (the volunteer's masked name), how
 * many, what for, where it stands, and the volunteer's balance right after the hours were
 * held, and the need of the needs module it pays for, if any.
 */
public record TimeServiceView(UUID id, UUID volunteerId, String volunteerName, String regionCode, BigDecimal hours,
		String description, TimeServiceStatus status, BigDecimal balanceAfter, OffsetDateTime createdAt,
		OffsetDateTime decidedAt, UUID needId) {

}
