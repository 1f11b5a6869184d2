/**
 * Complaints and reports (投诉举报, supervision): anyone signed in reports an organization,
 * an activity or a volunteer; the operators of the subject's region (resolved from the
 * subject) assign the complaint, investigate and resolve it as UPHELD or DISMISSED within
 * a deadline, and are told once when it is overdue. The complainant follows each step; an
 * upheld complaint warns the organization (its supervision history) and lowers the
 * volunteer's credit. The complainant is never shown to the subject.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit",
		"volunteer", "organization", "activity", "notification", "privacy" })
package org.zhiyuan.complaint;
