package org.zhiyuan.audit;

/** How an audited action ended. */
public enum AuditOutcome {

	SUCCESS, DENIED, FAILURE

}
