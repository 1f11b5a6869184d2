package org.zhiyuan.activity;

/**
 * Where an activity stands: DRAFT until published, RECRUITING, IN_PROGRESS from its
 * start, FINISHED at its end, ARCHIVED for good; CANCELLED, with a reason, from any state
 * before FINISHED. An activity whose region asks for review is PENDING_REVIEW once
 * published, until its operators approve it (RECRUITING) or reject it with a reason
 * (REJECTED, to be changed and sent again); so is an activity registered after the fact
 * (补录) until they confirm it (FINISHED) or reject it.
 */
public enum ActivityStatus {

	DRAFT, RECRUITING, IN_PROGRESS, FINISHED, ARCHIVED, CANCELLED, PENDING_REVIEW, REJECTED

}
