package org.zhiyuan.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reading enum values that arrive as text, so that an unknown value is one more field
 * error.
 */
public final class Enums {

	private Enums() {
	}

	/**
	 * The constant named by {@code value} (case and surrounding blanks ignored), or
	 * {@code null} when blank; an unknown name adds a problem for {@code field} that
	 * lists the allowed values.
	 */
	public static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem(field, "validation.enum",
					String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
			return null;
		}
	}

}
