package org.zhiyuan.stats;

/** What a ranking ranks, and by what. */
public enum RankingKind {

	/**
	 * The sub-regions one level down by registered volunteers per resident (their own
	 * population, as the region settings state it).
	 */
	REGISTERED_SHARE,

	/**
	 * The sub-regions one level down by the hours served in the period per registered
	 * volunteer.
	 */
	HOURS_PER_VOLUNTEER,

	/** The region's active organizations by the hours served in their activities. */
	ORGANIZATION_HOURS,

	/** The region's brand projects (品牌项目) by the hours served in their activities. */
	BRAND_PROJECTS

}
