package org.zhiyuan.shared.identity;

/**
 * Character rules shared by every kind of number in this package.
 */
final class NumberText {

	private NumberText() {
	}

	/**
	 * Removes spaces and dashes and upper-cases ASCII letters; {@code null} and text of
	 * nothing but whitespace become the empty string.
	 * <p>
	 * Only characters of the Unicode categories Zs (space separators: the ASCII space,
	 * the no-break space, the ideographic space {@code U+3000}, …) and Pd (dash
	 * punctuation: the hyphen-minus, en and em dashes, the full-width hyphen-minus
	 * {@code U+FF0D}, …) are removed. Everything else is kept as it is, so that a control
	 * character, a zero-width or other invisible character, a full-width digit or a
	 * non-ASCII letter makes the number fail the ASCII-only checks of its kind instead of
	 * vanishing from it. Upper-casing is limited to {@code a}–{@code z} so that it never
	 * changes the length of the text nor turns a non-ASCII character into an ASCII one:
	 * {@link String#toUpperCase} makes {@code FF} of the ligature {@code U+FB00},
	 * {@code S} of the long s and {@code I} of the dotless i.
	 */
	static String normalize(String raw) {
		if (raw == null || raw.isBlank()) {
			return "";
		}
		StringBuilder kept = new StringBuilder(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (!isSeparator(c)) {
				kept.append((c >= 'a' && c <= 'z') ? (char) (c - 'a' + 'A') : c);
			}
		}
		return kept.toString();
	}

	// Numbers are pasted from documents and chat apps, which bring no-break spaces,
	// ideographic spaces and typographic dashes along with the ASCII ones. Surrogate
	// halves are neither, so a character outside the BMP is kept and refused.
	private static boolean isSeparator(char c) {
		int type = Character.getType(c);
		return type == Character.SPACE_SEPARATOR || type == Character.DASH_PUNCTUATION;
	}

	/**
	 * Tells whether the characters from {@code from} (inclusive) to {@code to}
	 * (exclusive) are all ASCII digits; {@link Character#isDigit(char)} would also accept
	 * full-width and other scripts' digits.
	 */
	static boolean isAsciiDigits(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (!isAsciiDigit(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/**
	 * Replaces all but the first {@code head} and the last {@code tail} characters with
	 * {@code *}; the result has as many characters as the text.
	 */
	static String mask(String text, int head, int tail) {
		StringBuilder masked = new StringBuilder(text.length());
		masked.append(text, 0, head);
		masked.append("*".repeat(text.length() - head - tail));
		masked.append(text, text.length() - tail, text.length());
		return masked.toString();
	}

}
