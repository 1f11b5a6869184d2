package org.zhiyuan.points;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A redemption as its merchant sees it when checking the code: the reward, the holder's
 * masked name, where it stands; {@code usedNow} when this check marked it used.
 */
public record CheckedRedemption(UUID id, String code, UUID rewardId, String rewardTitle, String holder, int points,
		RedemptionStatus status, OffsetDateTime createdAt, OffsetDateTime decidedAt, boolean usedNow) {

}
