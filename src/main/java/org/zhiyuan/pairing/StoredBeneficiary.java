package org.zhiyuan.pairing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.zhiyuan.shared.identity.Gender;

/** A beneficiary as stored: personal data sealed, masked forms beside it. */
record StoredBeneficiary(UUID id, String regionCode, UUID organizationId, KeyGroup keyGroup, String nameSealed,
		String nameMasked, Gender gender, int birthYear, String addressSealed, String locationSealed,
		String phoneSealed, String phoneMasked, String notesSealed, String guardianNameSealed,
		LocalDate guardianConsentOn, UUID createdBy, OffsetDateTime createdAt) {

}
