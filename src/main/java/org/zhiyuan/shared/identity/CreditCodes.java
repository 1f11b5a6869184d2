package org.zhiyuan.shared.identity;

/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015) that identify organizations: 18
 * characters from an alphabet without I, O, S, V and Z, of which the third to eighth are
 * the digits of the registering region and the last is a MOD 31 check character.
 */
public final class CreditCodes {

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private CreditCodes() {
	}

	/**
	 * Removes whitespace and hyphens and upper-cases letters.
	 * @param raw the code as typed
	 * @return the normalized code, the empty string for {@code null}
	 */
	public static String normalize(String raw) {
		return NumberText.normalize(raw);
	}

	/**
	 * Tells whether a code has the length, alphabet, region digits and check character of
	 * GB 32100-2015. The category characters (first and second) are not checked against
	 * the registries that assign them.
	 * @param normalized a code as returned by {@link #normalize(String)}; lower-case
	 * letters are not accepted here
	 * @return {@code true} if the code is valid, {@code false} also for {@code null}
	 */
	public static boolean isValid(String normalized) {
		if (normalized == null || normalized.length() != 18 || !NumberText.isAsciiDigits(normalized, 2, 8)) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < WEIGHTS.length; i++) {
			int value = ALPHABET.indexOf(normalized.charAt(i));
			if (value < 0) {
				return false;
			}
			sum += value * WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		if (check == 31) {
			check = 0;
		}
		return normalized.charAt(17) == ALPHABET.charAt(check);
	}

}
