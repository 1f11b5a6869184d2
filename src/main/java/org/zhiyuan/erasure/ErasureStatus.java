package org.zhiyuan.erasure;

/**
 * Where an erasure request stands: QUEUED for review; WITHDRAWN by the volunteer; REFUSED
 * by the reviewer (with a note); CARRIED_OUT on approval.
 */
public enum ErasureStatus {

	QUEUED, WITHDRAWN, REFUSED, CARRIED_OUT

}
