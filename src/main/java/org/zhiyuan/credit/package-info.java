/**
 * Volunteer credit (志愿信用): a score that rewards reliability, counted from the facts
 * themselves (services done; no-shows found after an activity ended; late cancellations),
 * with every event and the formula shown to the volunteer; positions may ask for a
 * minimum score at sign-up.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "access", "audit", "volunteer", "record", "signup" })
package org.zhiyuan.credit;
