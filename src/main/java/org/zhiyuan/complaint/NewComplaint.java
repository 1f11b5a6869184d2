package org.zhiyuan.complaint;

/**
 * A complaint as given: the subject's type and id, the category (OTHER when absent), the
 * description and an optional contact phone.
 */
public record NewComplaint(String subjectType, String subjectId, String category, String description,
		String contactPhone) {

}
