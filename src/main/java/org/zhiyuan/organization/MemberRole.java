package org.zhiyuan.organization;

/** A member's role in an organization. */
public enum MemberRole {

	ADMIN, MEMBER

}
