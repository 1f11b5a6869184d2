package org.zhiyuan.region;

/** The tiers of the administrative hierarchy, from the whole country down to a street. */
public enum RegionLevel {

	NATIONAL, PROVINCE, CITY, DISTRICT, STREET

}
