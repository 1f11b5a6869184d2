package org.zhiyuan.station;

/**
 * What a station is, from the county's practice centre down to a volunteer service point.
 */
public enum StationKind {

	/** 新时代文明实践中心: the county's (district's) centre. */
	PRACTICE_CENTER,

	/** 新时代文明实践所: a street's or township's institute. */
	PRACTICE_INSTITUTE,

	/** 新时代文明实践站: a community's or village's station. */
	PRACTICE_STATION,

	/** 志愿服务站点: a volunteer service point (a post, a booth, a room in a building). */
	SERVICE_POINT

}
