/**
 * Evaluations (评价, supervision C18) after a counted service: the recording organization
 * rates the volunteer and the volunteer rates the activity, one of each per service
 * record, 1 to 5 stars with an optional comment, changeable for 30 days after the record.
 * The volunteer sees what organizations said of them beside their records; an activity's
 * public page shows a summary of its ratings with no names; certificates show the
 * organizations' evaluations of the certified records.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "access", "audit", "volunteer",
		"organization", "activity", "record", "notification" })
package org.zhiyuan.evaluation;
