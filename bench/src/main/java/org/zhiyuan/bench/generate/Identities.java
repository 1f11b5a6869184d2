package org.zhiyuan.bench.generate;

import java.time.LocalDate;

/**
 * Identity numbers as the platform checks them: resident ID numbers (GB 11643, MOD 11-2
 * check character), unified volunteer numbers (same check over region, year and serial),
 * unified social credit codes (GB 32100, MOD 31, around a GB 11714 organization code) and
 * mainland mobile numbers.
 * <p>
 * Generated volunteer number {@code i} always has the phone number {@link #phone(int)},
 * which is also their username: that is how the load driver signs them in.
 */
public final class Identities {

	private static final int[] GB11643_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String GB11643_CHECK = "10X98765432";

	private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] CREDIT_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private static final int[] GB11714_WEIGHTS = { 3, 7, 9, 10, 5, 8, 4, 2 };

	/** Prefixes of the three mainland carriers in use today. */
	private static final String[] MOBILE_PREFIXES = { "130", "131", "132", "133", "134", "135", "136", "137", "138",
			"139", "147", "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "173", "175", "176",
			"177", "178", "180", "181", "182", "183", "184", "185", "186", "187", "188", "189", "191", "198", "199" };

	private Identities() {
	}

	/**
	 * The phone number (and username) of generated volunteer {@code index}: distinct for
	 * every index below 3.9 billion.
	 */
	public static String phone(int index) {
		int prefixes = MOBILE_PREFIXES.length;
		return MOBILE_PREFIXES[index % prefixes] + String.format("%08d", index / prefixes);
	}

	/** An 18-character resident ID number with its check character. */
	static String residentId(String district, LocalDate birthDate, int sequence) {
		String body = district + String.format("%04d%02d%02d%03d", birthDate.getYear(), birthDate.getMonthValue(),
				birthDate.getDayOfMonth(), sequence);
		return body + GB11643_CHECK.charAt(mod11(body));
	}

	/**
	 * The unified volunteer number: region of registration, year, a 7-digit serial and
	 * the check character; distinct for distinct serials.
	 */
	static String volunteerNumber(String regionCode, int year, int serial) {
		String body = regionCode.substring(0, 6) + year + String.format("%07d", serial % 10_000_000);
		return body + GB11643_CHECK.charAt(mod11(body));
	}

	/**
	 * A unified social credit code with the given two-character prefix (registration
	 * authority and kind, e.g. {@code 51} for a social organization) for the district,
	 * distinct for distinct serials below one hundred million: the serial is the body of
	 * the organization code, which carries its own GB 11714 check character before the GB
	 * 32100 one, as real codes do.
	 */
	static String creditCode(String prefix, String district, int serial) {
		if (serial < 0 || serial >= 100_000_000) {
			throw new IllegalArgumentException("credit code serial out of range: " + serial);
		}
		String organization = String.format("%08d", serial);
		int organizationSum = 0;
		for (int i = 0; i < 8; i++) {
			organizationSum += (organization.charAt(i) - '0') * GB11714_WEIGHTS[i];
		}
		int organizationCheck = 11 - organizationSum % 11;
		String body = prefix + district + organization
				+ ((organizationCheck == 10) ? "X" : String.valueOf(organizationCheck % 11));
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CREDIT_ALPHABET.indexOf(body.charAt(i)) * CREDIT_WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return body + CREDIT_ALPHABET.charAt((check == 31) ? 0 : check);
	}

	/** The platform's display mask for 18-character numbers: 3 and 4 characters kept. */
	static String maskIdNumber(String number) {
		return number.substring(0, 3) + "*".repeat(number.length() - 7) + number.substring(number.length() - 4);
	}

	private static int mod11(String body) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * GB11643_WEIGHTS[i];
		}
		return sum % 11;
	}

}
