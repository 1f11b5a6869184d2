package org.zhiyuan.erasure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An erasure request: whose (volunteer number and masked name, or the pseudonym once
 * their retention ended), its scope, reason and status, the decision, when it was carried
 * out and when the kept data's retention ends or ended. {@code sheet} is present on a
 * single request and absent in lists.
 */
public record ErasureRequestView(UUID id, UUID volunteerId, String volunteerNumber, String volunteerName,
		String regionCode, ErasureScope scope, String reason, ErasureStatus status, OffsetDateTime requestedAt,
		OffsetDateTime decidedAt, String decisionNote, OffsetDateTime carriedOutAt, LocalDate retainedUntil,
		OffsetDateTime retentionEndedAt, ErasureSheet sheet) {

	ErasureRequestView withSheet(ErasureSheet value) {
		return new ErasureRequestView(this.id, this.volunteerId, this.volunteerNumber, this.volunteerName,
				this.regionCode, this.scope, this.reason, this.status, this.requestedAt, this.decidedAt,
				this.decisionNote, this.carriedOutAt, this.retainedUntil, this.retentionEndedAt, value);
	}

	/** Whether the volunteer may still withdraw it. */
	public boolean withdrawable() {
		return this.status == ErasureStatus.QUEUED;
	}

}
