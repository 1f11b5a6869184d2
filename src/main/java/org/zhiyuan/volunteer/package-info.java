/**
 * Volunteers: real-name registration (ID documents checked, ID numbers sealed and masked,
 * a unified volunteer number), guardians of minors, consents, the profile, the
 * volunteer's own data export and deregistration.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "region", "access", "audit", "account", "privacy" })
package org.zhiyuan.volunteer;
