package org.zhiyuan.shared.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.zhiyuan.shared.FieldProblem;

/**
 * The times that page forms send from the phone's date and time pickers
 * ({@code datetime-local}, as {@code 2026-05-01T09:00}), meant in China time.
 */
public final class FormTimes {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private FormTimes() {
	}

	/**
	 * The time typed, or empty when nothing was; a value no picker sends adds a problem
	 * of the field and is empty.
	 */
	public static OffsetDateTime inChina(String text, String field, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.strip()).atZone(CHINA).toOffsetDateTime();
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "validation.unreadableValue"));
			return null;
		}
	}

}
