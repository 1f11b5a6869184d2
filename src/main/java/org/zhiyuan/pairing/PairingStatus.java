package org.zhiyuan.pairing;

/** A pairing runs until it is ended, with a reason; ended pairings stay readable. */
public enum PairingStatus {

	ACTIVE, ENDED

}
