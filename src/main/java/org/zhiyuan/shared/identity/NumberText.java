package org.zhiyuan.shared.identity;

import java.util.Locale;

/**
 * Character rules shared by every kind of number in this package.
 */
final class NumberText {

	private NumberText() {
	}

	/**
	 * Removes every whitespace and dash character and upper-cases letters; {@code null}
	 * becomes the empty string.
	 */
	static String normalize(String raw) {
		if (raw == null) {
			return "";
		}
		StringBuilder kept = new StringBuilder(raw.length());
		raw.codePoints().filter((c) -> !isSeparator(c)).forEach(kept::appendCodePoint);
		return kept.toString().toUpperCase(Locale.ROOT);
	}

	// Numbers are pasted from documents and chat apps, which bring no-break spaces,
	// ideographic spaces and typographic dashes along with the ASCII ones.
	private static boolean isSeparator(int c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c)
				|| Character.getType(c) == Character.DASH_PUNCTUATION;
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
