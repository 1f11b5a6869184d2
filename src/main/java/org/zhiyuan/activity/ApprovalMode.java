package org.zhiyuan.activity;

/**
 * Whether sign-ups are accepted at once (while places last) or reviewed by the organizer.
 */
public enum ApprovalMode {

	AUTO, MANUAL

}
