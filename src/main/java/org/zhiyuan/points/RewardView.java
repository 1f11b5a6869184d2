package org.zhiyuan.points;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A reward of a region's catalogue: a points price, the stock left and the number
 * redeemed, how many one volunteer may redeem, offered by the platform ({@code merchant}
 * {@code null}) or a partner merchant.
 */
public record RewardView(UUID id, String regionCode, String title, String description, String merchant, int price,
		int stock, int redeemed, int perPerson, LocalDate availableUntil, RewardStatus status) {

	/** Whether a volunteer may redeem it now (on the given day, China time). */
	public boolean redeemable(LocalDate today) {
		return this.status == RewardStatus.ACTIVE && this.stock > 0
				&& (this.availableUntil == null || !this.availableUntil.isBefore(today));
	}

}
