/**
 * Volunteer service organizations and teams: application and review by the region's
 * operator, hierarchy, members with their consent (join requests and invitations), and
 * supervision (warnings, suspension, reinstatement, closing) with its history.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "region", "access", "audit", "account", "volunteer", "notification" })
package org.zhiyuan.organization;
