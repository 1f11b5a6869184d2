package org.zhiyuan.pairing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.zhiyuan.shared.identity.Gender;

/**
 * A beneficiary as lists and pages show them: name, address and phone masked; whether a
 * guardian consented for a child. The full contact is read separately, audited.
 */
public record BeneficiaryView(UUID id, String regionCode, UUID organizationId, KeyGroup keyGroup, String nameMasked,
		Gender gender, int birthYear, String addressMasked, String phoneMasked, boolean guardianNamed,
		LocalDate guardianConsentOn, OffsetDateTime createdAt) {

}
