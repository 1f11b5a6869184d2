package org.zhiyuan.story;

/**
 * Where a story stands: written (DRAFT), waiting for an operator (SUBMITTED), public
 * (PUBLISHED), sent back with a note (RETURNED), or taken down by an operator with a
 * reason (TAKEN_DOWN). Withdrawing a submitted or published story makes it a draft again.
 */
public enum StoryStatus {

	DRAFT, SUBMITTED, PUBLISHED, RETURNED, TAKEN_DOWN;

	/** Whether its author may change it, add or remove images, and submit it. */
	public boolean editable() {
		return this == DRAFT || this == RETURNED || this == TAKEN_DOWN;
	}

}
