package org.zhiyuan.story;

/**
 * A story as written: the organization it speaks for (an admin's; absent for an
 * operator's), its region (the organization's when absent; required of an operator), the
 * text, and an optional activity or project it tells of. Identifiers are text, checked by
 * {@link Stories}.
 */
public record NewStory(String organizationId, String regionCode, String title, String summary, String body,
		String activityId, String projectId) {

}
