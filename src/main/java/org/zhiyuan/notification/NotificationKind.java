package org.zhiyuan.notification;

/**
 * What a notification is about, so that pages and channels can treat kinds differently.
 */
public enum NotificationKind {

	SIGNUP_APPROVED, SIGNUP_REJECTED, SIGNUP_PROMOTED, SIGNUP_CANCELLED, ACTIVITY_CHANGED, ACTIVITY_CANCELLED,
	ACTIVITY_REMINDER, ORGANIZATION_STATUS, MEMBERSHIP_INVITATION, CERTIFICATE, GENERAL

}
