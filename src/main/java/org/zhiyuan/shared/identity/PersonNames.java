package org.zhiyuan.shared.identity;

/**
 * Personal names as the public may see them.
 */
public final class PersonNames {

	private PersonNames() {
	}

	/**
	 * Masks a name for public display: a two-character name keeps its first character
	 * ({@code 李*}), a longer one its first and last ({@code 欧**明}); names written in
	 * Latin letters keep the first letter of each word ({@code J*** S****}).
	 * @param name the full name
	 * @return the masked name, the empty string for {@code null} or blank
	 */
	public static String mask(String name) {
		if (name == null || name.isBlank()) {
			return "";
		}
		String text = name.strip();
		if (text.chars().anyMatch(Character::isWhitespace)) {
			StringBuilder masked = new StringBuilder();
			for (String word : text.split("\\s+")) {
				if (!masked.isEmpty()) {
					masked.append(' ');
				}
				masked.append(maskWord(word, false));
			}
			return masked.toString();
		}
		return maskWord(text, true);
	}

	private static String maskWord(String word, boolean keepLast) {
		int[] points = word.codePoints().toArray();
		if (points.length <= 1) {
			return word;
		}
		StringBuilder masked = new StringBuilder().appendCodePoint(points[0]);
		boolean last = keepLast && points.length > 2;
		masked.append("*".repeat(points.length - (last ? 2 : 1)));
		if (last) {
			masked.appendCodePoint(points[points.length - 1]);
		}
		return masked.toString();
	}

}
