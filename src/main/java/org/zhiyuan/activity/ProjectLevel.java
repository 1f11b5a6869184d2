package org.zhiyuan.activity;

/** The level at which a project is run and graded. */
public enum ProjectLevel {

	COMMUNITY, STREET, DISTRICT, CITY, PROVINCE, NATIONAL

}
