package org.zhiyuan.audit.web;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;
import org.zhiyuan.audit.AuditOutcome;

/**
 * One time someone else read or acted on the caller's personal data, as the audit log
 * holds it, in the caller's language.
 */
record DataAccessView(OffsetDateTime occurredAt,
		@Schema(description = "personal-data.read or personal-data.manage") String action,
		@Schema(description = "The action in the caller's language") String actionName,
		@Schema(description = "SUCCESS when it was allowed, DENIED when it was refused") AuditOutcome outcome,
		@Schema(description = "Who: their display name, for staff with their username") String actor, String objectType,
		String objectId,
		@Schema(description = "What was read, in the caller's language: the kind of object and its name") String object,
		String regionCode, @Schema(description = "The region's name in the caller's language") String region) {

}
