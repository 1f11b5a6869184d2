/**
 * Service records and hours: manual and attendance records hash-chained per volunteer,
 * anomalies flagged and held for review so that counted service never overlaps itself,
 * corrections reviewed by the recording organization, totals and star levels, and the
 * records that are overdue.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit",
		"volunteer", "activity", "organization", "signup", "regionsettings" })
package org.zhiyuan.record;
