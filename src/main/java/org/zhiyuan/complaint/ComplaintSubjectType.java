package org.zhiyuan.complaint;

/** What a complaint is about. */
public enum ComplaintSubjectType {

	ORGANIZATION, ACTIVITY, VOLUNTEER

}
