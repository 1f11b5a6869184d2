package org.zhiyuan.access;

/** What a grant lets its holder do; the grant's scope says where. */
public enum Role {

	/** A registered volunteer: their own data only. */
	VOLUNTEER,

	/** Administers one organization (scope: the organization's id). */
	ORG_ADMIN,

	/** A platform operator of a region and everything below it (scope: region code). */
	OPERATOR,

	/** Reads, never changes, a region and everything below it (scope: region code). */
	AUDITOR,

	/**
	 * A resident (服务对象) who orders services and rates them: their own account and needs
	 * only (scope: the empty string).
	 */
	RESIDENT

}
