package org.zhiyuan.volunteer;

/** A half-day of the week in which a volunteer is usually free. */
public enum AvailabilitySlot {

	MON_AM, MON_PM, MON_EVE, TUE_AM, TUE_PM, TUE_EVE, WED_AM, WED_PM, WED_EVE, THU_AM, THU_PM, THU_EVE, FRI_AM, FRI_PM,
	FRI_EVE, SAT_AM, SAT_PM, SAT_EVE, SUN_AM, SUN_PM, SUN_EVE

}
