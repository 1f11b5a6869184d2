package org.zhiyuan.points;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One change of a volunteer's points: its kind, the points (negative when taken), the
 * lot, and the service record or redemption it comes from.
 */
public record PointEntryView(UUID id, PointEntryKind kind, int points, UUID lotId, OffsetDateTime lotExpiresAt,
		UUID recordId, UUID redemptionId, String rewardTitle, OffsetDateTime createdAt) {

}
