package org.zhiyuan.points;

/** Whether a reward is offered. */
public enum RewardStatus {

	/** In the catalogue, redeemable while stock lasts. */
	ACTIVE,

	/** Taken out of the catalogue; codes already given stay valid. */
	WITHDRAWN

}
