package org.zhiyuan.commendation;

/**
 * Where a campaign stands, from its dates: taking NOMINATIONS until its deadline, then in
 * REVIEW until an operator opens the notice, IN_NOTICE for its days, NOTICE_ENDED until
 * the awards are made, then AWARDED.
 */
public enum CommendationStage {

	NOMINATIONS, REVIEW, IN_NOTICE, NOTICE_ENDED, AWARDED

}
