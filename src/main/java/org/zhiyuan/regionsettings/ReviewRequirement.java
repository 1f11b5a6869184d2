package org.zhiyuan.regionsettings;

/**
 * Which activities of a region wait for its operators' review before they recruit: all of
 * them, only the high-risk ones (the default), or none.
 */
public enum ReviewRequirement {

	ALL, HIGH_RISK, NONE;

	/** The requirement where no region up to the nation sets one. */
	public static final ReviewRequirement DEFAULT = HIGH_RISK;

	/** Whether an activity of this risk needs review before it recruits. */
	public boolean requiresReview(boolean highRisk) {
		return this == ALL || (this == HIGH_RISK && highRisk);
	}

}
