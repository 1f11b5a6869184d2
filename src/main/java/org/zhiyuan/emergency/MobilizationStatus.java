package org.zhiyuan.emergency;

/** A mobilization is open from its launch until it is stood down. */
public enum MobilizationStatus {

	OPEN, STOOD_DOWN

}
