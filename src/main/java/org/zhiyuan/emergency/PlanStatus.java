package org.zhiyuan.emergency;

/** An emergency plan is ACTIVE until an operator archives it. */
public enum PlanStatus {

	ACTIVE, ARCHIVED

}
