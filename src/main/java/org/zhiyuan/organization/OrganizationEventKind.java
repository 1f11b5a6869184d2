package org.zhiyuan.organization;

/** Entries of an organization's history: review and supervision (动态管理和退出机制). */
public enum OrganizationEventKind {

	APPLIED, APPROVED, REJECTED, WARNED, SUSPENDED, REINSTATED, CLOSED

}
