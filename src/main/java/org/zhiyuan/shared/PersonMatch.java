package org.zhiyuan.shared;

import java.util.UUID;

/**
 * One person a people picker offers: the name, the phone masked and the volunteer number
 * cut to its last digits; never the full phone or ID number.
 */
public record PersonMatch(UUID volunteerId, String name, String phoneMasked, String volunteerNumberMasked) {

	/** At most this many matches go back to a picker. */
	public static final int MAX = 10;

	public static PersonMatch of(UUID volunteerId, String name, String phoneMasked, String volunteerNumber) {
		return new PersonMatch(volunteerId, name, phoneMasked, maskNumber(volunteerNumber));
	}

	/** A volunteer number as a picker shows it: its last four characters. */
	public static String maskNumber(String volunteerNumber) {
		if (volunteerNumber == null || volunteerNumber.isBlank()) {
			return "";
		}
		int keep = Math.min(4, volunteerNumber.length());
		return "…" + volunteerNumber.substring(volunteerNumber.length() - keep);
	}

}
