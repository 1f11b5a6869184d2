package org.zhiyuan.organization;

/** Where a volunteer import stands. */
public enum ImportStatus {

	QUEUED, RUNNING, DONE, FAILED

}
