package org.zhiyuan.shared.identity;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Phone numbers, most of them mainland mobile numbers used to sign in and to be reached.
 */
public final class PhoneNumbers {

	private static final List<String> CHINA_PREFIXES = List.of("+86", "0086", "86");

	private static final Pattern ELEVEN_DIGITS = Pattern.compile("[0-9]{11}");

	private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9][0-9]{9}");

	private PhoneNumbers() {
	}

	/**
	 * Removes whitespace and hyphens, upper-cases letters and drops a leading
	 * {@code +86}, {@code 0086} or {@code 86} when 11 digits remain after it.
	 * @param raw the number as typed
	 * @return the normalized number, the empty string for {@code null}
	 */
	public static String normalize(String raw) {
		String number = NumberText.normalize(raw);
		for (String prefix : CHINA_PREFIXES) {
			if (number.startsWith(prefix)) {
				String rest = number.substring(prefix.length());
				if (ELEVEN_DIGITS.matcher(rest).matches()) {
					return rest;
				}
			}
		}
		return number;
	}

	/**
	 * Tells whether a number is a mainland mobile number: 11 digits, a {@code 1} and then
	 * a digit from {@code 3} to {@code 9}.
	 * @param normalized a number as returned by {@link #normalize(String)}
	 * @return {@code true} for a mainland mobile number, {@code false} also for
	 * {@code null}
	 */
	public static boolean isMainlandMobile(String normalized) {
		return normalized != null && MAINLAND_MOBILE.matcher(normalized).matches();
	}

	/**
	 * Masks a number for display: the first 3 and the last 4 characters of a number with
	 * 11 or more ({@code 138****1234}); of a shorter one only the last half, at most 4.
	 * Every hidden character becomes one {@code *}.
	 * @param normalized a number as returned by {@link #normalize(String)}
	 * @return the masked number, or the empty string for {@code null} or a blank number
	 */
	public static String mask(String normalized) {
		String number = NumberText.normalize(normalized);
		int length = number.length();
		if (length >= 11) {
			return NumberText.mask(number, 3, 4);
		}
		return NumberText.mask(number, 0, Math.min(4, length / 2));
	}

}
