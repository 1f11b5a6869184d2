package org.zhiyuan.activity;

/** An operator's decision on an activity sent for review. */
public enum ReviewDecision {

	APPROVE, REJECT

}
