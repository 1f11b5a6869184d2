package org.zhiyuan.timebank;

/**
 * A declared relative: waiting for the relative, confirmed by them, declined, or ended by
 * either.
 */
public enum RelativeStatus {

	PENDING, CONFIRMED, DECLINED, ENDED

}
