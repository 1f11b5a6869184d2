/**
 * Accident insurance (意外保险) of volunteers: an organization's policies and the volunteers
 * each insures, and the rule that a high-risk activity is published and its volunteers
 * checked in only under cover.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "access", "audit", "volunteer",
		"organization", "activity", "signup", "attendance", "notification" })
package org.zhiyuan.insurance;
