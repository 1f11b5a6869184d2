package org.zhiyuan.complaint;

/**
 * A complaint as given: the subject's type and id, the category (OTHER when absent), the
 * description, a contact phone (required of anonymous visitors, optional otherwise) and,
 * from anonymous visitors, an optional name to address them by.
 */
public record NewComplaint(String subjectType, String subjectId, String category, String description,
		String contactPhone, String contactName) {

	public NewComplaint(String subjectType, String subjectId, String category, String description,
			String contactPhone) {
		this(subjectType, subjectId, category, description, contactPhone, null);
	}

}
