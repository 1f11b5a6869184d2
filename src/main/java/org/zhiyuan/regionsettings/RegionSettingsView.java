package org.zhiyuan.regionsettings;

import java.math.BigDecimal;
import java.util.List;

/**
 * The settings that apply in a region, each its own or inherited, with the region's own
 * ({@code own}). A {@code …From} is the code of the region whose value applies, or
 * {@code null} where the platform's default does; {@code population} is {@code null} when
 * no region up to the nation sets one.
 */
public record RegionSettingsView(String regionCode, ReviewRequirement activityReview, List<BigDecimal> starThresholds,
		Long population, BigDecimal timeBankCap, OwnSettings own, String activityReviewFrom, String starThresholdsFrom,
		String populationFrom, String timeBankCapFrom) {

}
