package org.zhiyuan.system;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.shared.FieldProblem;

/**
 * The problem of a field whose value has the wrong JSON type: what type the field takes,
 * in the caller's language.
 */
final class TypeProblems {

	private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(Integer.class, int.class, Long.class, long.class,
			Short.class, short.class, Byte.class, byte.class, BigInteger.class);

	private static final Set<Class<?>> NUMBERS = Set.of(Double.class, double.class, Float.class, float.class);

	private static final Set<Class<?>> TIMES = Set.of(OffsetDateTime.class, ZonedDateTime.class, Instant.class,
			LocalDateTime.class);

	private TypeProblems() {
	}

	static FieldProblem of(String field, Class<?> type) {
		if (type == null) {
			return new FieldProblem(field, "validation.unreadableValue");
		}
		if (type.isEnum()) {
			return new FieldProblem(field, "validation.enum", String.join(", ",
					Arrays.stream(type.getEnumConstants()).map((c) -> ((Enum<?>) c).name()).toList()));
		}
		return new FieldProblem(field, keyOf(type));
	}

	private static String keyOf(Class<?> type) {
		if (CharSequence.class.isAssignableFrom(type)) {
			return "validation.type.text";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "validation.type.flag";
		}
		if (WHOLE_NUMBERS.contains(type)) {
			return "validation.type.integer";
		}
		if (NUMBERS.contains(type)) {
			return "validation.type.number";
		}
		if (type == BigDecimal.class) {
			return "validation.type.decimal";
		}
		if (TIMES.contains(type)) {
			return "validation.type.time";
		}
		if (type == LocalDate.class) {
			return "validation.type.date";
		}
		if (type == UUID.class) {
			return "validation.type.id";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "validation.type.list";
		}
		if (Map.class.isAssignableFrom(type) || type.isRecord()) {
			return "validation.type.object";
		}
		return "validation.unreadableValue";
	}

}
