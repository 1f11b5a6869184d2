package org.zhiyuan.activity;

/**
 * Where an activity stands: DRAFT until published, RECRUITING, IN_PROGRESS from its
 * start, FINISHED at its end, ARCHIVED for good; CANCELLED, with a reason, from any state
 * before FINISHED.
 */
public enum ActivityStatus {

	DRAFT, RECRUITING, IN_PROGRESS, FINISHED, ARCHIVED, CANCELLED

}
