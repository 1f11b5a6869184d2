package org.zhiyuan.emergency;

/** The emergency qualifications a volunteer may hold and a need may ask for. */
public enum QualificationKind {

	FIRST_AID, RESCUE, DRIVING, MEDICAL, PSYCHOLOGICAL, WATER_RESCUE, FIREFIGHTING, COMMUNICATIONS

}
