package org.zhiyuan.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An entry of the audit log as read back. */
public record AuditEntry(UUID id, OffsetDateTime occurredAt, UUID actorId, String action, AuditOutcome outcome,
		String objectType, String objectId, String regionCode, UUID organizationId, String clientIp, String detail) {

}
