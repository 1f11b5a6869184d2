package org.zhiyuan.station;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A station as everyone may see it: it holds no personal data. */
public record StationView(UUID id, String name, StationKind kind, String regionCode, String address, double lat,
		double lng, String openingHours, UUID organizationId, String organizationName, Checklist checklist,
		StationStatus status, String closedReason, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

	public boolean isOpen() {
		return this.status == StationStatus.OPEN;
	}

}
