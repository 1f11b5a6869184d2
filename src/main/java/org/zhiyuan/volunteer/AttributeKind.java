package org.zhiyuan.volunteer;

/** The list-valued parts of a profile, stored one row per value. */
enum AttributeKind {

	CATEGORY, FIELD, SKILL, LANGUAGE, AVAILABILITY

}
