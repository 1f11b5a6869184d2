package org.zhiyuan.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test identities: valid resident ID numbers (GB 11643), credit codes (GB 32100) and
 * phone numbers, fresh on every call so that tests never collide.
 */
public final class Identities {

	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String ID_CHECK = "10X98765432";

	private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] CREDIT_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();

	private Identities() {
	}

	/**
	 * A resident ID number never handed out before in this test run: a few hundred days
	 * times a thousand sequence numbers is small enough for random picks to meet again
	 * (the birthday paradox) over the whole suite.
	 */
	public static String residentId(String region, LocalDate birthDate) {
		for (int attempt = 0;; attempt++) {
			String sequence = String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
			String id = withCheck(
					region + birthDate.minusDays(attempt / 500).format(DateTimeFormatter.BASIC_ISO_DATE) + sequence);
			if (ISSUED.add(id)) {
				return id;
			}
		}
	}

	private static String withCheck(String body) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return body + ID_CHECK.charAt(sum % 11);
	}

	public static String residentIdAged(int years) {
		LocalDate birth = LocalDate.now().minusYears(years).minusDays(1 + ThreadLocalRandom.current().nextInt(300));
		return residentId("110105", birth);
	}

	public static String phone() {
		while (true) {
			String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
			if (ISSUED.add(phone)) {
				return phone;
			}
		}
	}

	/**
	 * A credit code never handed out before in this test run, of a social organization
	 * (51) registered in 朝阳区 (110105).
	 */
	public static String creditCode() {
		while (true) {
			String organization = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
			String code = creditCode("51", "110105", organization);
			if (ISSUED.add(code)) {
				return code;
			}
		}
	}

	/**
	 * A credit code after GB 32100 whose organization code carries its own GB 11714 check
	 * character, as real codes do.
	 * @param authorityAndKind the registration authority and the kind of organization,
	 * e.g. {@code 51} for a social organization registered with civil affairs
	 * @param region the six digits of the registering division
	 * @param organization the first eight characters of the organization code, from the
	 * alphabet of GB 32100
	 */
	public static String creditCode(String authorityAndKind, String region, String organization) {
		int[] weights = { 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += Character.digit(organization.charAt(i), 36) * weights[i];
		}
		int check = 11 - sum % 11;
		char organizationCheck = (check == 10) ? 'X' : (check == 11) ? '0' : (char) ('0' + check);
		return withCreditCheck(authorityAndKind + region + organization + organizationCheck);
	}

	/** Appends the GB 32100 check character to any 17 characters of its alphabet. */
	public static String withCreditCheck(String seventeen) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CREDIT_ALPHABET.indexOf(seventeen.charAt(i)) * CREDIT_WEIGHTS[i];
		}
		return seventeen + CREDIT_ALPHABET.charAt((31 - sum % 31) % 31);
	}

}
