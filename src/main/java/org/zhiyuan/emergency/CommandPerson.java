package org.zhiyuan.emergency;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An accepted or reserve volunteer as the command sees them: name, number and masked
 * phone, how far from the scene they live (km), when and where they mustered (the place
 * only until the stand-down), their task group and the hours recorded at the stand-down.
 */
public record CommandPerson(UUID volunteerId, String name, String volunteerNumber, String phoneMasked,
		CallStatus status, BigDecimal distanceKm, OffsetDateTime musteredAt, Double musterLat, Double musterLng,
		UUID groupId, String groupName, BigDecimal recordedHours) {

}
