package org.zhiyuan.emergency;

/** The tier of an emergency team: 总队 of a city, 支队 of a district, 大队 of a street. */
public enum TeamTier {

	CITY, DISTRICT, STREET

}
