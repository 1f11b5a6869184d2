/**
 * Emergency mobilization (应急志愿服务, 集结出动): organizations marked as emergency teams of a
 * tier, volunteers' emergency profiles, and mobilizations that call the eligible
 * volunteers near a scene in waves, take their answers within the numbers needed, keep
 * the rest in reserve, muster them at the assembly point (by position or by the signed
 * code of the attendance module), put them in task groups, and stand them down with a
 * service record (through the activity and record modules) for each who mustered.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit",
		"volunteer", "organization", "notification", "attendance", "activity", "record" })
package org.zhiyuan.emergency;
