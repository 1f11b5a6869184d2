/**
 * Training (培训): the course library, sessions with places that are never oversold,
 * attendance by signed check-in codes, results entered one by one or from a sheet, the
 * qualification a pass grants with its validity and the volunteer's training records; the
 * qualification check again at every check-in, and a reminder before a qualification
 * expires.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit",
		"organization", "volunteer", "activity", "signup", "attendance", "record", "notification" })
package org.zhiyuan.training;
