/**
 * Demo data behind the {@code zhiyuan.demo} switch: a realistic district with its
 * operators, volunteers and organizations, so that a newcomer sees a living platform.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "region", "access", "account", "volunteer", "organization", "activity",
				"signup", "attendance", "record", "certificate", "training", "insurance", "pairing", "station", "need",
				"timebank", "points", "emergency", "commendation", "story", "evaluation", "complaint", "erasure" })
package org.zhiyuan.demo;
