package org.zhiyuan.erasure;

/**
 * What a volunteer asks to be erased: PROFILE, everything not needed for the service
 * records (kept as the law requires); ALL, that and, once their retention ends, what
 * identifies the volunteer in the records too.
 */
public enum ErasureScope {

	PROFILE, ALL

}
