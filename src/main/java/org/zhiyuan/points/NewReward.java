package org.zhiyuan.points;

import java.time.LocalDate;

/**
 * A reward to offer in a region's catalogue; {@code merchant} {@code null} or blank: the
 * platform offers it; {@code perPerson} {@code null}: one per volunteer.
 */
public record NewReward(String regionCode, String title, String description, String merchant, Integer price,
		Integer stock, Integer perPerson, LocalDate availableUntil) {

}
