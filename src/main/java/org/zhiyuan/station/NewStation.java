package org.zhiyuan.station;

import java.util.UUID;

/**
 * A station as an operator enters or changes it; {@code organizationId} may be
 * {@code null}, everything else is required.
 */
public record NewStation(String name, StationKind kind, String regionCode, String address, Double lat, Double lng,
		String openingHours, UUID organizationId, Checklist checklist) {

}
