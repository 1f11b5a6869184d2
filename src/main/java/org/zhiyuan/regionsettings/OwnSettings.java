package org.zhiyuan.regionsettings;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a region sets itself; a {@code null} setting is inherited from the region above.
 * {@code starThresholds} holds the hours for stars 1 to 5.
 */
public record OwnSettings(ReviewRequirement activityReview, List<BigDecimal> starThresholds, Long population) {

	public OwnSettings {
		starThresholds = (starThresholds != null) ? List.copyOf(starThresholds) : null;
	}

	public static OwnSettings none() {
		return new OwnSettings(null, null, null);
	}

}
