package org.zhiyuan.volunteer;

/** The groups a volunteer belongs to (党员, 青年, 巾帼, 社区, 职工, 退役军人, 学生, 老年). */
public enum VolunteerCategory {

	PARTY_MEMBER, YOUTH, WOMEN, COMMUNITY, WORKER, VETERAN, STUDENT, SENIOR

}
