package org.zhiyuan.commendation;

/**
 * Where a nomination stands: PENDING review, APPROVED (shown in the notice) or REJECTED;
 * WITHDRAWN by an upheld objection; AWARDED at the end.
 */
public enum NominationStatus {

	PENDING, APPROVED, REJECTED, WITHDRAWN, AWARDED

}
