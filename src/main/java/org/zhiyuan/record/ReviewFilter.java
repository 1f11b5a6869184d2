package org.zhiyuan.record;

import java.util.EnumSet;
import java.util.Set;

/** Which flagged records a review list shows: those waiting, those resolved, or all. */
public enum ReviewFilter {

	OPEN(EnumSet.of(RecordReview.FLAGGED, RecordReview.HELD)),

	RESOLVED(EnumSet.of(RecordReview.CONFIRMED, RecordReview.VOIDED)),

	ALL(EnumSet.of(RecordReview.FLAGGED, RecordReview.HELD, RecordReview.CONFIRMED, RecordReview.VOIDED));

	private final Set<RecordReview> reviews;

	ReviewFilter(Set<RecordReview> reviews) {
		this.reviews = reviews;
	}

	Set<RecordReview> reviews() {
		return this.reviews;
	}

}
