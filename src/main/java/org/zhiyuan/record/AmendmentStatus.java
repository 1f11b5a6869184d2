package org.zhiyuan.record;

/** Where a correction request stands: waiting for the organization, or decided. */
public enum AmendmentStatus {

	PENDING, APPROVED, REJECTED

}
