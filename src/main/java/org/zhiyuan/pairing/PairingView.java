package org.zhiyuan.pairing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A pairing: whom it serves (masked), the organization and who is paired now (a
 * volunteer, masked, or the team), the visit plan with the last day of the current
 * period, how often the volunteer changed, how many periods passed without a visit, and
 * the last visit.
 */
public record PairingView(UUID id, UUID beneficiaryId, String beneficiaryNameMasked, KeyGroup keyGroup,
		String regionCode, UUID organizationId, String organizationName, PairingKind kind, UUID volunteerId,
		String volunteerNameMasked, VisitFrequency frequency, int geofenceMeters, LocalDate startsOn,
		LocalDate nextDueOn, PairingStatus status, int volunteerChanges, int missedVisits, OffsetDateTime lastVisitAt,
		OffsetDateTime createdAt) {

	public boolean isActive() {
		return this.status == PairingStatus.ACTIVE;
	}

	/** The last visit's time of day in China, or null. */
	public java.time.LocalDateTime lastVisitLocal() {
		return (this.lastVisitAt != null) ? this.lastVisitAt.atZoneSameInstant(Pairings.CHINA).toLocalDateTime() : null;
	}

	/** Whether the current period has ended without a visit, as of the day. */
	public boolean overdueOn(LocalDate day) {
		return isActive() && this.nextDueOn.isBefore(day);
	}

}
