package org.zhiyuan.shared;

/**
 * The service fields (服务领域) in which organizations, projects and activities work: one
 * taxonomy for the whole platform.
 */
public enum ServiceField {

	/** 理论宣讲 */
	THEORY_OUTREACH,
	/** 乡村振兴 */
	RURAL_REVITALIZATION,
	/** 扶老 */
	ELDERLY_CARE,
	/** 助残 */
	DISABILITY_SUPPORT,
	/** 救灾、应急 */
	DISASTER_RELIEF,
	/** 卫生健康 */
	HEALTH,
	/** 支教助学 */
	EDUCATION,
	/** 文化惠民 */
	CULTURE,
	/** 平安建设 */
	PUBLIC_SAFETY,
	/** 科普 */
	SCIENCE_POPULARIZATION,
	/** 生态环保 */
	ENVIRONMENT,
	/** 体育健身 */
	SPORTS,
	/** 关爱儿童 */
	CHILD_CARE,
	/** 社区治理 */
	COMMUNITY_SERVICE,
	/** 大型赛会 */
	MAJOR_EVENTS,
	/** 法律服务 */
	LEGAL_AID,
	/** 文明实践 */
	CIVILITY_PRACTICE

}
