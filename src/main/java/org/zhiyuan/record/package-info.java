/**
 * Service records and hours: manual and attendance records hash-chained per volunteer,
 * corrections reviewed by the recording organization, totals and star levels, and the
 * records that are overdue.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "region", "access", "audit", "volunteer", "activity", "organization" })
package org.zhiyuan.record;
