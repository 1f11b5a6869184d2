package org.zhiyuan.record;

import java.util.Set;

/**
 * Where a record stands in review. {@code NONE}: nothing was flagged. {@code FLAGGED}:
 * counted, waiting for review. {@code HELD}: not counted until reviewed. A review ends in
 * {@code CONFIRMED} (counted) or {@code VOIDED} (not counted), once.
 */
public enum RecordReview {

	NONE, FLAGGED, HELD, CONFIRMED, VOIDED;

	/** The reviews whose records count in totals, stars and certificates. */
	static final Set<RecordReview> COUNTED = Set.of(NONE, FLAGGED, CONFIRMED);

	/** Whether the record's hours count in the volunteer's totals. */
	public boolean counts() {
		return COUNTED.contains(this);
	}

	/** Whether the record waits for someone to resolve it. */
	public boolean isOpen() {
		return this == FLAGGED || this == HELD;
	}

	/** Where a new record with these flags starts. */
	static RecordReview initial(boolean held, Set<RecordFlag> flags) {
		if (held) {
			return HELD;
		}
		return flags.isEmpty() ? NONE : FLAGGED;
	}

}
