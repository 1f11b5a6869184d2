package org.zhiyuan.volunteer;

/** Where a qualification comes from, and so whether it meets a position's requirement. */
public enum QualificationStatus {

	/** Typed in by the volunteer (自述): shown, but meets no requirement. */
	SELF_DECLARED,
	/**
	 * Confirmed by an admin of an organization the volunteer belongs to, or an operator
	 * of their region.
	 */
	CONFIRMED,
	/** Granted by passing a training course. */
	GRANTED;

	/** Whether a qualification of this status meets a position's requirement. */
	public boolean counts() {
		return this != SELF_DECLARED;
	}

}
