package org.zhiyuan.commendation;

/** Whom a campaign commends. */
public enum CommendationKind {

	VOLUNTEER, ORGANIZATION, PROJECT

}
