package org.zhiyuan.record;

/**
 * What becomes of a new record that overlaps time the volunteer already has counted: an
 * entry by hand is refused (409 {@code RECORD_OVERLAP}); a check-out, where the volunteer
 * was seen on site, is kept but held for review.
 */
public enum OnOverlap {

	REFUSE, HOLD

}
