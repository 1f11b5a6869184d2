package org.zhiyuan.volunteer;

/** Whether a volunteer is registered or has deregistered (注销). */
public enum VolunteerStatus {

	ACTIVE, DEREGISTERED

}
