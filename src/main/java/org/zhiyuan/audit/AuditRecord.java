package org.zhiyuan.audit;

import java.util.UUID;

/**
 * One entry to write to the audit log. {@code action} is a dotted name such as
 * {@code account.login}; {@code detail} is a short non-personal note (never a name, ID
 * number, phone number or password); {@code subjectAccountId} is the person whose data
 * the object is, if one person's, so that they can learn who else read it.
 */
public record AuditRecord(String action, AuditOutcome outcome, UUID actorId, String objectType, String objectId,
		String regionCode, UUID organizationId, String detail, UUID subjectAccountId) {

	/** An entry about no one person's data. */
	public AuditRecord(String action, AuditOutcome outcome, UUID actorId, String objectType, String objectId,
			String regionCode, UUID organizationId, String detail) {
		this(action, outcome, actorId, objectType, objectId, regionCode, organizationId, detail, null);
	}

	public static AuditRecord of(String action, UUID actorId) {
		return new AuditRecord(action, AuditOutcome.SUCCESS, actorId, null, null, null, null, null);
	}

	public AuditRecord on(String type, Object id) {
		return new AuditRecord(this.action, this.outcome, this.actorId, type, (id != null) ? id.toString() : null,
				this.regionCode, this.organizationId, this.detail, this.subjectAccountId);
	}

	public AuditRecord inRegion(String code) {
		return new AuditRecord(this.action, this.outcome, this.actorId, this.objectType, this.objectId, code,
				this.organizationId, this.detail, this.subjectAccountId);
	}

	public AuditRecord inOrganization(UUID id) {
		return new AuditRecord(this.action, this.outcome, this.actorId, this.objectType, this.objectId, this.regionCode,
				id, this.detail, this.subjectAccountId);
	}

	public AuditRecord withOutcome(AuditOutcome value) {
		return new AuditRecord(this.action, value, this.actorId, this.objectType, this.objectId, this.regionCode,
				this.organizationId, this.detail, this.subjectAccountId);
	}

	public AuditRecord withDetail(String text) {
		return new AuditRecord(this.action, this.outcome, this.actorId, this.objectType, this.objectId, this.regionCode,
				this.organizationId, text, this.subjectAccountId);
	}

	/** The entry as one about the data of the person with this account. */
	public AuditRecord about(UUID accountId) {
		return new AuditRecord(this.action, this.outcome, this.actorId, this.objectType, this.objectId, this.regionCode,
				this.organizationId, this.detail, accountId);
	}

}
