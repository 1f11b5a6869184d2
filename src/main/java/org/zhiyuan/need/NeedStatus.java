package org.zhiyuan.need;

/**
 * Where a need stands: SUBMITTED by or for a resident (点单), DISPATCHED to an organization
 * (派单), ACCEPTED by its volunteers (接单), DONE with their service recorded, RATED by the
 * resident (评单). Each step follows the one before; anything else is 409
 * {@code INVALID_STATE}.
 */
public enum NeedStatus {

	SUBMITTED, DISPATCHED, ACCEPTED, DONE, RATED, CANCELLED

}
