package org.zhiyuan.shared;

import java.util.Locale;

/**
 * What a people picker's search box sent: a name (at least one Chinese character or two
 * letters) or digits of a phone or volunteer number (at least three). Anything shorter
 * asks nothing of the server.
 */
public record PersonQuery(String text, String digits) {

	private static final int MAX_LENGTH = 50;

	/**
	 * @param raw the text as typed, may be {@code null}
	 * @return the query, or {@code null} when it is too short or too long to search
	 */
	public static PersonQuery of(String raw) {
		if (raw == null) {
			return null;
		}
		String text = raw.strip().replace("%", "").replace("_", "");
		if (text.isEmpty() || text.length() > MAX_LENGTH) {
			return null;
		}
		String compact = text.replace(" ", "").replace("-", "");
		if (compact.startsWith("+86")) {
			compact = compact.substring(3);
		}
		boolean digitsOnly = compact.chars().allMatch((c) -> (c >= '0' && c <= '9') || c == 'X' || c == 'x');
		if (digitsOnly && compact.chars().anyMatch(Character::isDigit)) {
			return (compact.length() >= 3) ? new PersonQuery(null, compact.toUpperCase(Locale.ROOT)) : null;
		}
		boolean cjk = text.codePoints().anyMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
		return (cjk || text.length() >= 2) ? new PersonQuery(text, null) : null;
	}

	/** Whether the query is digits (a phone or number), not a name. */
	public boolean isDigits() {
		return this.digits != null;
	}

	/** The name as a SQL {@code LIKE} pattern (contains). */
	public String namePattern() {
		return "%" + this.text + "%";
	}

	/** The digits as a SQL {@code LIKE} pattern (contains). */
	public String digitsPattern() {
		return "%" + this.digits + "%";
	}

}
