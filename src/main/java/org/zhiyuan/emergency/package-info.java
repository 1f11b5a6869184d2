/**
 * Emergency mobilization (应急志愿服务, 集结出动): organizations marked as emergency teams of a
 * tier, volunteers' emergency profiles, and mobilizations that call the eligible
 * volunteers near a scene, take their answers within the numbers needed, keep the rest in
 * reserve, muster them at the assembly point and stand them down.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "region", "access", "audit", "volunteer", "organization", "notification" })
package org.zhiyuan.emergency;
