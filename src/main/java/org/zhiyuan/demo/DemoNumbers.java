package org.zhiyuan.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.zhiyuan.shared.identity.Gender;

/**
 * Valid identity numbers for the demo: computed with the check characters of the
 * standards, so that they pass every check of the platform without belonging to anyone
 * real.
 */
final class DemoNumbers {

	private static final int[] GB11643_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String GB11643_CHECK_CHARACTERS = "10X98765432";

	private static final int[] GB11714_WEIGHTS = { 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String GB32100_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] GB32100_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private DemoNumbers() {
	}

	/**
	 * An 18-character number after GB 11643-1999: a resident ID number, or with a prefix
	 * such as {@code 911840} a foreign permanent resident ID number of 2023.
	 * @param prefix the six leading digits (region of household registration)
	 * @param birthDate the birth date it encodes
	 * @param gender the gender it encodes in the parity of the sequence
	 * @param serial distinguishes people of the same prefix and birth date, 0 to 499
	 * @return the number with its MOD 11-2 check character
	 */
	static String gb11643(String prefix, LocalDate birthDate, Gender gender, int serial) {
		int sequence = serial * 2 + ((gender == Gender.MALE) ? 1 : 0);
		String body = prefix + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
		int sum = 0;
		for (int i = 0; i < GB11643_WEIGHTS.length; i++) {
			sum += (body.charAt(i) - '0') * GB11643_WEIGHTS[i];
		}
		return body + GB11643_CHECK_CHARACTERS.charAt(sum % 11);
	}

	/**
	 * A unified social credit code after GB 32100-2015 whose organization code (the ninth
	 * to seventeenth characters) carries its own GB 11714 check character, as real codes
	 * do.
	 * @param category the registering authority and kind, e.g. {@code 51} for a social
	 * group registered with civil affairs
	 * @param region the six digits of the registering region
	 * @param organizationCode the first eight characters of the organization code, from
	 * the alphabet of GB 32100
	 * @return the 18-character code with both check characters
	 */
	static String creditCode(String category, String region, String organizationCode) {
		int sum = 0;
		for (int i = 0; i < GB11714_WEIGHTS.length; i++) {
			sum += Character.digit(organizationCode.charAt(i), 36) * GB11714_WEIGHTS[i];
		}
		int check = 11 - sum % 11;
		char organizationCheck = (check == 10) ? 'X' : (check == 11) ? '0' : (char) ('0' + check);
		String body = category + region + organizationCode + organizationCheck;
		int total = 0;
		for (int i = 0; i < GB32100_WEIGHTS.length; i++) {
			total += GB32100_ALPHABET.indexOf(body.charAt(i)) * GB32100_WEIGHTS[i];
		}
		int code = (31 - total % 31) % 31;
		return body + GB32100_ALPHABET.charAt(code);
	}

}
