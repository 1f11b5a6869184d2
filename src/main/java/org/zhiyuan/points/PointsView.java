package org.zhiyuan.points;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A volunteer's points: what they can spend now, what expires within
 * {@value Points#SOON_DAYS} days and when the next lot expires, what earlier corrections
 * still owe, and the lots that hold points, soonest to expire first.
 */
public record PointsView(UUID volunteerId, int balance, int expiringSoon, OffsetDateTime nextExpiry, int owed,
		List<PointLotView> lots) {

}
