package org.zhiyuan.points;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A redemption: the reward, the points paid, the code to show the merchant, where it
 * stands.
 */
public record RedemptionView(UUID id, UUID rewardId, String rewardTitle, String merchant, int points, String code,
		RedemptionStatus status, OffsetDateTime createdAt, OffsetDateTime decidedAt) {

}
