/**
 * Volunteer service organizations and teams: application and review by the region's
 * operator, hierarchy, members and join requests, and supervision (warnings, suspension,
 * reinstatement, closing) with its history.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "region", "access", "audit", "account", "volunteer" })
package org.zhiyuan.organization;
