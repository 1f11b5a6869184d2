package org.zhiyuan.stats;

/**
 * What a breakdown splits a region's figures by: its sub-regions one level down, the
 * activities' service field, the volunteers' category, age band and gender, or the month.
 */
public enum Dimension {

	REGION, FIELD, CATEGORY, AGE_BAND, GENDER, MONTH

}
