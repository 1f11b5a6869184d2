/**
 * The project library and activities: positions and capacities, requirements, the
 * recruitment notice, review before publication, the lifecycle from draft to archive, and
 * public search by region, field, text, date and distance.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit",
		"organization", "regionsettings", "notification" })
package org.zhiyuan.activity;
