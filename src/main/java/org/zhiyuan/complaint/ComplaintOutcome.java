package org.zhiyuan.complaint;

/** How a resolved complaint ended. */
public enum ComplaintOutcome {

	UPHELD, DISMISSED

}
