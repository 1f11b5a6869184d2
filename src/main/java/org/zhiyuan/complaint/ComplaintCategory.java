package org.zhiyuan.complaint;

/**
 * The kind of a complaint: ILLEGAL_ACTIVITY is profit-making or unlawful activity under
 * the name of volunteer service (假借志愿服务名义进行营利/违法活动, 条例 art. 36).
 */
public enum ComplaintCategory {

	ILLEGAL_ACTIVITY, SAFETY, MISCONDUCT, RECORD_FRAUD, OTHER

}
