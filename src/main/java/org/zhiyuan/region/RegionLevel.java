package org.zhiyuan.region;

/**
 * The tiers of the administrative hierarchy, from the whole country down to a community
 * (村/居委会, 12-digit statistical codes).
 */
public enum RegionLevel {

	NATIONAL, PROVINCE, CITY, DISTRICT, STREET, COMMUNITY

}
