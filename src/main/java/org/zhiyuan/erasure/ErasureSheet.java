package org.zhiyuan.erasure;

import java.time.LocalDate;
import java.util.List;

/**
 * The review sheet of an erasure request: what is (or was) erased, what is kept and until
 * when, and what blocks the erasure until it ends. {@code computed} is true while the
 * request is queued (the sheet is computed from the data as it is now) and false once
 * carried out (the sheet is what was done). {@code retainedUntil} is the day the kept
 * data's retention ends; {@code erasedAtRetentionEnd} whether it is erased then (scope
 * ALL).
 */
public record ErasureSheet(boolean computed, List<ErasureItemView> erased, List<ErasureItemView> kept,
		List<ErasureItemView> blockers, LocalDate retainedUntil, boolean erasedAtRetentionEnd) {

	public ErasureSheet {
		erased = List.copyOf(erased);
		kept = List.copyOf(kept);
		blockers = List.copyOf(blockers);
	}

	public boolean blocked() {
		return !this.blockers.isEmpty();
	}

}
