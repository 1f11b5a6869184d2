package org.zhiyuan.record;

/**
 * An anomaly found when a record is made, whichever way it is made: it overlaps time the
 * volunteer already has counted ({@code OVERLAP}), it brings the hours of the day it
 * starts on (China time) above 24 ({@code DAY_OVER_24H}), or it was entered by hand for
 * someone without an accepted place at the activity ({@code NO_SIGNUP}).
 */
public enum RecordFlag {

	OVERLAP, DAY_OVER_24H, NO_SIGNUP;

	/**
	 * Whether a record with this flag is held, not counted, until someone resolves it.
	 */
	boolean holds() {
		return this != NO_SIGNUP;
	}

}
