package org.zhiyuan.volunteer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.zhiyuan.shared.identity.Gender;
import org.zhiyuan.shared.identity.IdType;

/**
 * A volunteer as others see them: never the full ID number, and the phone only masked.
 */
public record VolunteerView(UUID id, UUID accountId, String volunteerNumber, String name, IdType idType,
		String idNumberMasked, Gender gender, LocalDate birthDate, String phoneMasked, String regionCode,
		VolunteerStatus status, int starLevel, BigDecimal totalHours, OffsetDateTime registeredAt) {

	public int ageOn(LocalDate day) {
		return (this.birthDate != null) ? java.time.Period.between(this.birthDate, day).getYears() : -1;
	}

}
