package org.zhiyuan.organization;

/**
 * Kinds of organization. Registered bodies carry a unified social credit code; teams
 * usually have none (they may give one, which is then checked).
 */
public enum OrganizationType {

	/** 社会组织（社会团体、社会服务机构、基金会） */
	SOCIAL_ORGANIZATION(true),
	/** 事业单位 */
	PUBLIC_INSTITUTION(true),
	/** 机关 */
	GOVERNMENT_AGENCY(true),
	/** 企业 */
	ENTERPRISE(true),
	/** 社区志愿服务队 */
	COMMUNITY_TEAM(false),
	/** 学校志愿服务队 */
	SCHOOL_TEAM(false),
	/** 新时代文明实践所、站 */
	PRACTICE_STATION(false),
	/** 其他志愿服务队伍 */
	OTHER_TEAM(false);

	private final boolean registered;

	OrganizationType(boolean registered) {
		this.registered = registered;
	}

	/** Whether this kind is a registered body and so must give its credit code. */
	public boolean requiresCreditCode() {
		return this.registered;
	}

}
