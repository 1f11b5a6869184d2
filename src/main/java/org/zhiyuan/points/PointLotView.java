package org.zhiyuan.points;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A lot of points: issued for a service record, what is left of it, and when it expires.
 */
public record PointLotView(UUID id, UUID recordId, int points, int remaining, OffsetDateTime issuedAt,
		OffsetDateTime expiresAt, boolean expired) {

}
