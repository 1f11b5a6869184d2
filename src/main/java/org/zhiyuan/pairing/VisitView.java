package org.zhiyuan.pairing;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A visit checked in at the beneficiary's address: who, when, how far from the address
 * the phone was, and whether that was outside the radius (then with the reason given).
 */
public record VisitView(UUID id, UUID pairingId, UUID volunteerId, String volunteerNameMasked, OffsetDateTime visitedAt,
		BigDecimal distanceMeters, boolean outsideGeofence, String outsideReason) {

	/** The time of the visit in China. */
	public java.time.LocalDateTime visitedAtLocal() {
		return this.visitedAt.atZoneSameInstant(Pairings.CHINA).toLocalDateTime();
	}

}
