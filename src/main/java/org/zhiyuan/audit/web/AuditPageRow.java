package org.zhiyuan.audit.web;

/**
 * One audit entry as a person reads it: every field already in the viewer's language,
 * people by name (the subject masked), the object by name or by its kind and a short id.
 */
record AuditPageRow(String time, String action, String outcome, boolean success, String object, String region,
		String actor, String subject, String client) {

}
