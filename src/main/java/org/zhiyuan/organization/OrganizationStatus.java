package org.zhiyuan.organization;

/**
 * Where an organization stands. PENDING → ACTIVE or REJECTED by review; ACTIVE ⇄
 * SUSPENDED by supervision; CLOSED is final. Only ACTIVE organizations publish
 * activities.
 */
public enum OrganizationStatus {

	PENDING, ACTIVE, REJECTED, SUSPENDED, CLOSED

}
