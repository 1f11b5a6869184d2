package org.zhiyuan.complaint;

/** The steps of a complaint, in order. */
public enum ComplaintStatus {

	SUBMITTED, ASSIGNED, INVESTIGATING, RESOLVED

}
