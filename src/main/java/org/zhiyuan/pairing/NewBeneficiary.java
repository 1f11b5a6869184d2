package org.zhiyuan.pairing;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A person of a key group as an operator of their region or an organization's admin
 * registers them: enums as given (checked on registering), the address with its position
 * from the map picker, the phone of the person or their guardian, and for a child the
 * guardian's name and the day they consented.
 */
public record NewBeneficiary(String regionCode, UUID organizationId, String name, String keyGroup, String gender,
		Integer birthYear, String address, Double lat, Double lng, String phone, String notes, String guardianName,
		LocalDate guardianConsentOn) {

}
