package org.zhiyuan.regionsettings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a region sets itself; a {@code null} setting is inherited from the region above.
 * {@code starThresholds} holds the hours for stars 1 to 5; {@code timeBankCap} the most
 * hours a volunteer's time account holds.
 */
public record OwnSettings(ReviewRequirement activityReview, List<BigDecimal> starThresholds, Long population,
		BigDecimal timeBankCap) {

	public OwnSettings {
		// a list as received: a missing element is reported as a bad field, not here
		starThresholds = (starThresholds != null) ? Collections.unmodifiableList(new ArrayList<>(starThresholds))
				: null;
	}

	/** Settings that leave the time bank's cap inherited. */
	public OwnSettings(ReviewRequirement activityReview, List<BigDecimal> starThresholds, Long population) {
		this(activityReview, starThresholds, population, null);
	}

	public static OwnSettings none() {
		return new OwnSettings(null, null, null, null);
	}

}
