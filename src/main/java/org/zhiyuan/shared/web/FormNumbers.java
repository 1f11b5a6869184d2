package org.zhiyuan.shared.web;

/** Numbers typed into page forms, where a blank or unreadable field is simply absent. */
public final class FormNumbers {

	private FormNumbers() {
	}

	/**
	 * The finite decimal the text holds, or {@code null} when it is blank, not a number,
	 * or infinite: the form's own checks then report the field as missing or wrong.
	 */
	public static Double decimalOrNull(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			double value = Double.parseDouble(text.strip());
			return Double.isFinite(value) ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
