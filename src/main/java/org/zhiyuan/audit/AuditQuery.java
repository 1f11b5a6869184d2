package org.zhiyuan.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Filters of an audit log search; {@code null} means "any". */
public record AuditQuery(String action, UUID actorId, String objectType, String objectId, OffsetDateTime from,
		OffsetDateTime to) {

	public static AuditQuery any() {
		return new AuditQuery(null, null, null, null, null, null);
	}

}
