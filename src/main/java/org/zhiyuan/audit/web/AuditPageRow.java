package org.zhiyuan.audit.web;

/**
 * One audit entry as a person reads it: every field already in the viewer's language,
 * people by name (the subject masked), the object by name or by its kind and a short id;
 * with the object's and the actor's ids, so that a page can narrow the log to either.
 */
record AuditPageRow(String time, String action, String outcome, boolean success, String object, String region,
		String actor, String subject, String client, String objectType, String objectId, java.util.UUID actorId) {

}
