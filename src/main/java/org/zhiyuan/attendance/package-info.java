/**
 * Attendance: rotating signed check-in codes shown as QR images, check-in and check-out
 * from the volunteer's phone with a geofence, manual and bulk entry by the organizer,
 * forgotten check-outs closed by rule and flagged, and the service record each check-out
 * produces.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "access", "audit", "volunteer", "activity", "signup", "record" })
package org.zhiyuan.attendance;
