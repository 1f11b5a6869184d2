package org.zhiyuan.regionsettings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a region sets itself; a {@code null} setting is inherited from the region above.
 * {@code starThresholds} holds the hours for stars 1 to 5.
 */
public record OwnSettings(ReviewRequirement activityReview, List<BigDecimal> starThresholds, Long population) {

	public OwnSettings {
		// a list as received: a missing element is reported as a bad field, not here
		starThresholds = (starThresholds != null) ? Collections.unmodifiableList(new ArrayList<>(starThresholds))
				: null;
	}

	public static OwnSettings none() {
		return new OwnSettings(null, null, null);
	}

}
