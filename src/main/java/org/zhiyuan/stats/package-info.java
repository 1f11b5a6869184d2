/**
 * Statistics for decision support (C16): every region's registered and active volunteers,
 * hours, activities and organizations, kept incrementally from the facts the other
 * modules publish, broken down by sub-region, field, category, age, gender and month, and
 * reconciled with a recount of the facts themselves.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit",
		"regionsettings", "volunteer", "record", "activity", "organization" })
package org.zhiyuan.stats;
