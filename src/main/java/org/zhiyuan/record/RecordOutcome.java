package org.zhiyuan.record;

/** How a flagged or held record is resolved: its hours count, or they never will. */
public enum RecordOutcome {

	COUNT, VOID;

	RecordReview review() {
		return (this == COUNT) ? RecordReview.CONFIRMED : RecordReview.VOIDED;
	}

}
