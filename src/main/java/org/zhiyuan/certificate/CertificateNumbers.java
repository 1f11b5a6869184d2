package org.zhiyuan.certificate;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Certificate numbers: {@code ZY-2026-7K3M-9QXD-H2PA}. After the prefix and the year come
 * eleven random characters (54 bits, so numbers cannot be guessed from one another) and a
 * check character, in Crockford's base 32 without Z (no I, L, O or U either), so a number
 * read aloud or typed from paper is either right or visibly wrong.
 */
public final class CertificateNumbers {

	/**
	 * Crockford's base 32 less Z: 31 symbols, a prime count, so that the check catches
	 * every single wrong character and every swap of neighbours.
	 */
	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXY";

	private static final int RANDOM_LENGTH = 11;

	private static final SecureRandom RANDOM = new SecureRandom();

	private CertificateNumbers() {
	}

	/** A new random number for the given year. */
	public static String next(int year) {
		StringBuilder body = new StringBuilder(RANDOM_LENGTH + 1);
		for (int i = 0; i < RANDOM_LENGTH; i++) {
			body.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		body.append(checkCharacter(year, body));
		return "ZY-" + year + "-" + body.substring(0, 4) + "-" + body.substring(4, 8) + "-" + body.substring(8);
	}

	/**
	 * Reads a number as typed: case, spaces and hyphens do not matter, and O, I and L are
	 * read as 0, 1 and 1. Empty when it is not a well-formed number with a correct check
	 * character.
	 */
	public static Optional<String> normalize(String typed) {
		if (typed == null || typed.length() > 40) {
			return Optional.empty();
		}
		String compact = typed.toUpperCase(Locale.ROOT)
			.replaceAll("[\\s\\-]", "")
			.replace('O', '0')
			.replace('I', '1')
			.replace('L', '1');
		if (!compact.startsWith("ZY") || compact.length() != 2 + 4 + RANDOM_LENGTH + 1) {
			return Optional.empty();
		}
		String year = compact.substring(2, 6);
		String body = compact.substring(6);
		if (!year.chars().allMatch(Character::isDigit) || !body.chars().allMatch((c) -> ALPHABET.indexOf(c) >= 0)) {
			return Optional.empty();
		}
		if (checkCharacter(Integer.parseInt(year), body.substring(0, RANDOM_LENGTH)) != body.charAt(RANDOM_LENGTH)) {
			return Optional.empty();
		}
		return Optional
			.of("ZY-" + year + "-" + body.substring(0, 4) + "-" + body.substring(4, 8) + "-" + body.substring(8));
	}

	/**
	 * A weighted sum modulo 31 (a prime, so every single wrong character and every swap
	 * of neighbours changes it), covering the year too.
	 */
	private static char checkCharacter(int year, CharSequence body) {
		int sum = 0;
		String all = String.format(Locale.ROOT, "%04d", year) + body;
		for (int i = 0; i < all.length(); i++) {
			sum += (i + 1) * ALPHABET.indexOf(all.charAt(i));
		}
		return ALPHABET.charAt(sum % 31);
	}

}
