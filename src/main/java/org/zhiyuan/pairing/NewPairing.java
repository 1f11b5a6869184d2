package org.zhiyuan.pairing;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A pairing to make: the beneficiary, the organization, one of its members (or none: the
 * team as a whole), the visit plan, the first day, and the check-in radius around the
 * address.
 */
public record NewPairing(UUID beneficiaryId, UUID organizationId, UUID volunteerId, String frequency,
		LocalDate startsOn, Integer geofenceMeters) {

}
