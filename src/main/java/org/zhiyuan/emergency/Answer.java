package org.zhiyuan.emergency;

/** A called volunteer's answer. */
public enum Answer {

	ACCEPT, DECLINE

}
