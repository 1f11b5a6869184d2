package org.zhiyuan.volunteer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A qualification a volunteer holds, e.g. 红十字救护员证, with its issuer and expiry, and
 * whether it is only the volunteer's own statement or was confirmed or granted.
 */
public record Qualification(UUID id, String name, String issuer, LocalDate expiresOn, QualificationStatus status,
		OffsetDateTime confirmedAt) {

	public boolean isValidOn(LocalDate day) {
		return this.expiresOn == null || !this.expiresOn.isBefore(day);
	}

	/**
	 * Whether it meets a position's requirement on the day: confirmed or granted, and
	 * valid.
	 */
	public boolean meetsRequirementOn(LocalDate day) {
		return this.status.counts() && isValidOn(day);
	}

}
