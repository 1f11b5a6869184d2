package org.zhiyuan.pairing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A visit period of a pairing that ended without a visit, as flagged. */
public record MissedVisit(UUID pairingId, LocalDate dueOn, OffsetDateTime flaggedAt, String beneficiaryNameMasked,
		KeyGroup keyGroup, String regionCode, UUID organizationId, String organizationName,
		String volunteerNameMasked) {

}
