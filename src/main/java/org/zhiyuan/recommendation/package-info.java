/**
 * Recommendations for each volunteer: activities and needs they may actually take (the
 * sign-up's own checks of age, qualifications, past service and overlap first, then
 * insurance for high-risk work), ranked by a transparent score of service field and
 * skill, distance from the point they chose near home, weekly availability and past
 * service, each with the reasons shown.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "privacy",
		"volunteer", "activity", "signup", "record", "need", "insurance" })
package org.zhiyuan.recommendation;
