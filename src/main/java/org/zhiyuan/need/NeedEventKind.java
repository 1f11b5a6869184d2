package org.zhiyuan.need;

/** A step in a need's timeline. */
public enum NeedEventKind {

	SUBMITTED, TAKEN, DISPATCHED, ACCEPTED, DONE, RATED, OVERDUE, CANCELLED

}
