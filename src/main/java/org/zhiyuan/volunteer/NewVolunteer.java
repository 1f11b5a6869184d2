package org.zhiyuan.volunteer;

import java.time.LocalDate;
import java.util.List;

import org.zhiyuan.shared.identity.Gender;
import org.zhiyuan.shared.identity.IdType;

/**
 * A registration as submitted, before any check. {@code birthDate} and {@code gender} are
 * needed only for documents they cannot be read from (permits, passports).
 */
public record NewVolunteer(String name, IdType idType, String idNumber, LocalDate birthDate, Gender gender,
		String phone, String password, String regionCode, List<String> skills, String privacyPolicyVersion,
		Boolean oath, Guardian guardian) {

	/** The guardian of a volunteer under 18, who consents by this registration. */
	public record Guardian(String name, String phone, String idNumber) {

	}

}
