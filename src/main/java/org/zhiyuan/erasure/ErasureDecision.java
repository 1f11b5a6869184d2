package org.zhiyuan.erasure;

/** A reviewer's decision on a queued erasure request. */
public enum ErasureDecision {

	APPROVE, REFUSE

}
