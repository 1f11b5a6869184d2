package org.zhiyuan.activity;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Changes to a draft or recruiting activity; {@code null} leaves a part as it is.
 * Capacities may grow, or shrink down to the places already taken.
 */
public record ActivityChange(String title, String description, String address, Double lat, Double lng,
		Integer geofenceMeters, OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime signupDeadline,
		String risksAndProtections, String contactName, String contactPhone, Map<UUID, Integer> capacities) {

}
