package org.zhiyuan.volunteer;

import java.security.SecureRandom;
import java.time.LocalDate;

/**
 * The unified volunteer number (志愿者统一编号): 18 characters, shown publicly instead of the ID
 * number and never derived from it. Layout: the 6-digit region of registration, the
 * 4-digit year, 7 random digits, and a GB 11643-style check character (MOD 11-2), so that
 * a mistyped number is caught.
 */
final class VolunteerNumbers {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK = "10X98765432";

	private static final SecureRandom RANDOM = new SecureRandom();

	private VolunteerNumbers() {
	}

	static String next(String regionCode, LocalDate today) {
		String region = regionCode.substring(0, 6);
		String serial = String.format("%07d", RANDOM.nextInt(10_000_000));
		String body = region + today.getYear() + serial;
		return body + checkCharacter(body);
	}

	static boolean isWellFormed(String number) {
		if (number == null || number.length() != 18) {
			return false;
		}
		String body = number.substring(0, 17);
		return body.chars().allMatch(Character::isDigit) && number.charAt(17) == checkCharacter(body);
	}

	private static char checkCharacter(String body) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK.charAt(sum % 11);
	}

}
