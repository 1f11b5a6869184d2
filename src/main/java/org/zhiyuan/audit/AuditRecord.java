package org.zhiyuan.audit;

import java.util.UUID;

/**
 * One entry to write to the audit log. {@code action} is a dotted name such as
 * {@code account.login}; {@code detail} is a short non-personal note (never a name, ID
 * number, phone number or password); {@code subjectAccountId} is the person whose data
 * the object is, if one person's, so that they can learn who else read it; {@code homeId}
 * the key whose rows the entry is kept beside ({@link #at}).
 */
public record AuditRecord(String action, AuditOutcome outcome, UUID actorId, String objectType, String objectId,
		String regionCode, UUID organizationId, String detail, UUID subjectAccountId, UUID homeId) {

	/** An entry kept beside its actor's other entries. */
	public AuditRecord(String action, AuditOutcome outcome, UUID actorId, String objectType, String objectId,
			String regionCode, UUID organizationId, String detail, UUID subjectAccountId) {
		this(action, outcome, actorId, objectType, objectId, regionCode, organizationId, detail, subjectAccountId,
				null);
	}

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
				this.regionCode, this.organizationId, this.detail, this.subjectAccountId, this.homeId);
	}

	public AuditRecord inRegion(String code) {
		return new AuditRecord(this.action, this.outcome, this.actorId, this.objectType, this.objectId, code,
				this.organizationId, this.detail, this.subjectAccountId, this.homeId);
	}

	public AuditRecord inOrganization(UUID id) {
		return new AuditRecord(this.action, this.outcome, this.actorId, this.objectType, this.objectId, this.regionCode,
				id, this.detail, this.subjectAccountId, this.homeId);
	}

	public AuditRecord withOutcome(AuditOutcome value) {
		return new AuditRecord(this.action, value, this.actorId, this.objectType, this.objectId, this.regionCode,
				this.organizationId, this.detail, this.subjectAccountId, this.homeId);
	}

	public AuditRecord withDetail(String text) {
		return new AuditRecord(this.action, this.outcome, this.actorId, this.objectType, this.objectId, this.regionCode,
				this.organizationId, text, this.subjectAccountId, this.homeId);
	}

	/** The entry as one about the data of the person with this account. */
	public AuditRecord about(UUID accountId) {
		return new AuditRecord(this.action, this.outcome, this.actorId, this.objectType, this.objectId, this.regionCode,
				this.organizationId, this.detail, accountId, this.homeId);
	}

	/**
	 * The entry kept beside the rows of this key (an activity's or a volunteer's id): on
	 * a Citus cluster it is written on their shard, in the transaction that writes them
	 * ({@code docs/scale-out.md}). Without it the entry goes beside its actor's.
	 */
	public AuditRecord at(UUID home) {
		return new AuditRecord(this.action, this.outcome, this.actorId, this.objectType, this.objectId, this.regionCode,
				this.organizationId, this.detail, this.subjectAccountId, home);
	}

}
