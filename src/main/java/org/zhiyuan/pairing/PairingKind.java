package org.zhiyuan.pairing;

/** Who is paired with the person: one volunteer of the organization, or its team. */
public enum PairingKind {

	VOLUNTEER, TEAM

}
