package org.zhiyuan.attendance;

import java.util.Optional;

import org.zhiyuan.attendance.AttendanceRepository.Open;
import org.zhiyuan.shared.ProblemException;

/**
 * Where a volunteer stands at an activity: not checked in, checked in, or checked out.
 * One attendance per volunteer and activity, so checked out is the end: every way in or
 * out answers from this one state.
 */
enum AttendanceState {

	ABSENT, IN, OUT;

	static AttendanceState of(Optional<Open> row) {
		if (row.isEmpty()) {
			return ABSENT;
		}
		return (row.get().checkedOutAt() == null) ? IN : OUT;
	}

	/**
	 * @throws ProblemException 409 {@code ALREADY_CHECKED_IN} or
	 * {@code ALREADY_CHECKED_OUT}
	 */
	void requireCheckIn() {
		if (this == IN) {
			throw ProblemException.conflict("ALREADY_CHECKED_IN", "attendance.alreadyIn");
		}
		if (this == OUT) {
			throw ProblemException.conflict("ALREADY_CHECKED_OUT", "attendance.alreadyOut");
		}
	}

	/**
	 * @throws ProblemException 409 {@code NOT_CHECKED_IN} or {@code ALREADY_CHECKED_OUT}
	 */
	void requireCheckOut() {
		if (this == ABSENT) {
			throw ProblemException.conflict("NOT_CHECKED_IN", "attendance.notIn");
		}
		if (this == OUT) {
			throw ProblemException.conflict("ALREADY_CHECKED_OUT", "attendance.alreadyOut");
		}
	}

}
