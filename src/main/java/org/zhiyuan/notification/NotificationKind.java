package org.zhiyuan.notification;

/**
 * What a notification is about, so that pages and channels can treat kinds differently.
 * Most kinds are kept in the recipient's in-app list; a {@linkplain #listed() unlisted}
 * kind, such as a one-time code, goes to the channels only
 * ({@link Notifications#deliverOnly}).
 */
public enum NotificationKind {

	SIGNUP_APPROVED, SIGNUP_REJECTED, SIGNUP_PROMOTED, SIGNUP_CANCELLED, ACTIVITY_CHANGED, ACTIVITY_CANCELLED,
	ACTIVITY_REMINDER, ACTIVITY_REVIEWED, ORGANIZATION_STATUS, MEMBERSHIP_INVITATION, CERTIFICATE, GENERAL,

	/**
	 * A one-time code to set a new password, sent to the phone of the account; its only
	 * argument is the code. Never stored, never shown in the platform: a channel renders
	 * and sends it (an SMS gateway with its verification-code template) and must neither
	 * log nor keep the code.
	 */
	PASSWORD_RESET_CODE(false);

	private final boolean listed;

	NotificationKind() {
		this(true);
	}

	NotificationKind(boolean listed) {
		this.listed = listed;
	}

	/**
	 * Whether notifications of this kind are kept in the recipient's list; if not, they
	 * reach the channels only.
	 */
	public boolean listed() {
		return this.listed;
	}

}
