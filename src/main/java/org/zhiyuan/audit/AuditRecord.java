package org.zhiyuan.audit;

import java.util.UUID;

/**
 * One entry to write to the audit log. {@code action} is a dotted name such as
 * {@code account.login}; {@code detail} is a short non-personal note (never a name, ID
 * number, phone number or password).
 */
public record AuditRecord(String action, AuditOutcome outcome, UUID actorId, String objectType, String objectId,
		String regionCode, UUID organizationId, String detail) {

	public static AuditRecord of(String action, UUID actorId) {
		return new AuditRecord(action, AuditOutcome.SUCCESS, actorId, null, null, null, null, null);
	}

	public AuditRecord on(String type, Object id) {
		return new AuditRecord(this.action, this.outcome, this.actorId, type, (id != null) ? id.toString() : null,
				this.regionCode, this.organizationId, this.detail);
	}

	public AuditRecord inRegion(String code) {
		return new AuditRecord(this.action, this.outcome, this.actorId, this.objectType, this.objectId, code,
				this.organizationId, this.detail);
	}

	public AuditRecord inOrganization(UUID id) {
		return new AuditRecord(this.action, this.outcome, this.actorId, this.objectType, this.objectId, this.regionCode,
				id, this.detail);
	}

	public AuditRecord withOutcome(AuditOutcome value) {
		return new AuditRecord(this.action, value, this.actorId, this.objectType, this.objectId, this.regionCode,
				this.organizationId, this.detail);
	}

	public AuditRecord withDetail(String text) {
		return new AuditRecord(this.action, this.outcome, this.actorId, this.objectType, this.objectId, this.regionCode,
				this.organizationId, text);
	}

}
