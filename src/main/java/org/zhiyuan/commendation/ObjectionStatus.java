package org.zhiyuan.commendation;

/** An objection is OPEN until an operator answers it UPHELD or DISMISSED. */
public enum ObjectionStatus {

	OPEN, UPHELD, DISMISSED

}
