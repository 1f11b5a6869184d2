package org.zhiyuan.fault;

import java.util.ArrayList;
import java.util.List;

import org.zhiyuan.fault.Json.Raw;

/**
 * One field of a request body as the malformed-input suite sees it: what kind of value it
 * holds and its limits (what the OpenAPI document must say of it, see
 * {@link DocumentedRequestsApiTests}), enough to name values that every request must be
 * refused for: {@link #spoiledValues invalid values} and {@link #wronglyTyped values of
 * another JSON type}, including those a lenient reader would take for a valid one (a
 * number where text is expected, {@code 1} or {@code "true"} where a flag is, {@code "5"}
 * where a number is).
 */
record Field(String name, Kind kind, boolean mandatory, long min, long max, List<Field> fields, Field element,
		boolean replaceable) {

	static final String SQL = "'; DROP TABLE volunteer; --";

	static final String SQL_OR = "1 OR 1=1";

	static final String SCRIPT = "<script>alert(1)</script>";

	static final String RTL = "\u202E";

	static final String EMOJI = "😀";

	static final String NUL = "\u0000";

	static final String LONE_SURROGATE = "\uD800";

	static final Raw HUGE_FLOAT = Json.raw("1e309");

	static final Raw HUGE_INTEGER = Json.raw("99999999999999999999");

	enum Kind {

		/** Free text up to {@code max} characters. */
		TEXT,

		/**
		 * Text in a fixed format (a username, an ID or credit code, a password to check,
		 * a check-in code), where any hostile text is invalid.
		 */
		CODE,

		/** An enum's name. */
		ENUM,

		/** The id of an object that must exist. */
		ID,

		/** A date-time that must lie in the future. */
		FUTURE_TIME,

		/** A date-time that must lie in the past, near an activity's. */
		PAST_TIME,

		/** A date-time near an activity's, now. */
		NEAR_TIME,

		/** A date, any. */
		DATE,

		/** A date not in the future. */
		PAST_DATE,

		INTEGER, DECIMAL,

		/** Latitude or longitude, from {@code min} to {@code max}. */
		COORDINATE,

		/** A measure that must not be negative. */
		NON_NEGATIVE,

		FLAG, PHONE, REGION, OBJECT, LIST

	}

	static Field text(String name, int max) {
		return new Field(name, Kind.TEXT, false, 0, max, List.of(), null, false);
	}

	static Field code(String name, int max) {
		return new Field(name, Kind.CODE, false, 0, max, List.of(), null, false);
	}

	static Field enumeration(String name) {
		return new Field(name, Kind.ENUM, false, 0, 0, List.of(), null, false);
	}

	static Field id(String name) {
		return new Field(name, Kind.ID, false, 0, 0, List.of(), null, false);
	}

	static Field time(String name, Kind when) {
		return new Field(name, when, false, 0, 0, List.of(), null, false);
	}

	static Field date(String name, Kind which) {
		return new Field(name, which, false, 0, 0, List.of(), null, false);
	}

	static Field integer(String name, long min, long max) {
		return new Field(name, Kind.INTEGER, false, min, max, List.of(), null, false);
	}

	/** A decimal with at most two places, from {@code min} to {@code max}. */
	static Field decimal(String name, long min, long max) {
		return new Field(name, Kind.DECIMAL, false, min, max, List.of(), null, false);
	}

	static Field coordinate(String name, int limit) {
		return new Field(name, Kind.COORDINATE, false, -limit, limit, List.of(), null, false);
	}

	/** Latitude or longitude from {@code min} to {@code max}, e.g. within China. */
	static Field coordinate(String name, long min, long max) {
		return new Field(name, Kind.COORDINATE, false, min, max, List.of(), null, false);
	}

	static Field nonNegative(String name) {
		return new Field(name, Kind.NON_NEGATIVE, false, 0, 0, List.of(), null, false);
	}

	static Field flag(String name) {
		return new Field(name, Kind.FLAG, false, 0, 0, List.of(), null, false);
	}

	static Field phone(String name) {
		return new Field(name, Kind.PHONE, false, 0, 0, List.of(), null, false);
	}

	static Field region(String name) {
		return new Field(name, Kind.REGION, false, 0, 0, List.of(), null, false);
	}

	static Field object(String name, Field... fields) {
		return new Field(name, Kind.OBJECT, false, 0, 0, List.of(fields), null, false);
	}

	/** A list of {@code min} to {@code max} elements. */
	static Field list(String name, Field element, int min, int max) {
		return new Field(name, Kind.LIST, false, min, max, List.of(), element, false);
	}

	Field required() {
		return new Field(this.name, this.kind, true, this.min, this.max, this.fields, this.element, false);
	}

	/**
	 * Required in the form of the body that the valid request uses, yet not in the
	 * document: another form of the body ({@code Row.otherForm}) does without it.
	 */
	Field requiredUnlessOtherForm() {
		return new Field(this.name, this.kind, true, this.min, this.max, this.fields, this.element, true);
	}

	/** Whether the document must list the field as required. */
	boolean documentedRequired() {
		return this.mandatory && !this.replaceable;
	}

	/** A value and what is wrong with it. */
	record Spoiled(String what, Object value) {

	}

	/**
	 * Values that make the field invalid, for a field whose valid value is {@code valid};
	 * objects and lists are spoiled field by field by the {@link Spoiler}, this gives
	 * only their wrong shapes.
	 */
	List<Spoiled> spoiledValues(Object valid) {
		List<Spoiled> values = new ArrayList<>();
		String text = (valid instanceof String s && !s.isEmpty()) ? s : "有效";
		switch (this.kind) {
			case TEXT -> {
				if (this.mandatory) {
					values.add(new Spoiled("empty", ""));
					values.add(new Spoiled("blank", "   "));
				}
				values.add(new Spoiled("one character too long", "字".repeat((int) this.max + 1)));
				values.add(new Spoiled("100 KB of script", SCRIPT.repeat(100 * 1024 / SCRIPT.length())));
				values.add(new Spoiled("a NUL character", text.substring(0, 1) + NUL + text.substring(1)));
				values.add(new Spoiled("a lone surrogate", text.substring(0, 1) + LONE_SURROGATE + text.substring(1)));
				values.add(new Spoiled("an object", java.util.Map.of("text", text)));
				values.add(new Spoiled("an array", List.of(text)));
			}
			case CODE -> {
				values.addAll(hostile(text));
				values.add(new Spoiled("too long", "9".repeat((int) this.max + 1)));
				values.add(new Spoiled("100 KB", "9".repeat(100 * 1024)));
				if (this.mandatory) {
					values.add(new Spoiled("empty", ""));
				}
				values.add(new Spoiled("an object", java.util.Map.of()));
			}
			case ENUM -> {
				values.add(new Spoiled("an unknown value", "NO_SUCH_VALUE"));
				values.addAll(hostile(text));
				values.add(new Spoiled("a number", 12345));
				values.add(new Spoiled("a flag", true));
				values.add(new Spoiled("an array", List.of(text)));
				if (this.mandatory) {
					values.add(new Spoiled("empty", ""));
				}
			}
			case ID -> {
				values.add(new Spoiled("not a UUID", "not-a-uuid"));
				values.add(new Spoiled("an almost UUID", "00000000-0000-0000-0000-00000000000g"));
				values.add(new Spoiled("SQL", SQL));
				values.add(new Spoiled("SQL", SQL_OR));
				values.add(new Spoiled("a number", 12345));
				values.add(new Spoiled("an emoji", EMOJI));
				values.add(new Spoiled("an object", java.util.Map.of("id", text)));
				values.add(new Spoiled("nothing's id", "00000000-0000-7000-8000-000000000000"));
				if (this.mandatory) {
					values.add(new Spoiled("empty", ""));
				}
			}
			case FUTURE_TIME, PAST_TIME, NEAR_TIME -> {
				values.addAll(wrongDates());
				values.add(new Spoiled("a date-time without offset", "2026-03-01T10:00:00"));
				values.add(new Spoiled("epoch seconds of 1970", 0));
				values.add(new Spoiled("a fraction of epoch seconds", 1.5));
				values.add(new Spoiled("the largest date", "+999999999-12-31T23:59:59Z"));
				values.add(new Spoiled("the smallest date", "-999999999-01-01T00:00:00Z"));
				if (this.mandatory) {
					values.add(new Spoiled("empty", ""));
				}
			}
			case DATE, PAST_DATE -> {
				values.addAll(wrongDates());
				values.add(new Spoiled("a Chinese-style date", "2026年1月5日"));
				if (this.kind == Kind.PAST_DATE) {
					values.add(new Spoiled("a future date", "9999-12-31"));
					values.add(new Spoiled("epoch days far ahead", 99999999));
				}
			}
			case INTEGER -> {
				values.add(new Spoiled("text", "abc"));
				values.add(new Spoiled("SQL", SQL_OR));
				values.add(new Spoiled("a huge integer", HUGE_INTEGER));
				values.add(new Spoiled("a huge number", HUGE_FLOAT));
				values.add(new Spoiled("below the minimum", this.min - 1));
				values.add(new Spoiled("negative", -5));
				values.add(new Spoiled("the smallest int", Integer.MIN_VALUE));
				values.add(new Spoiled("above the maximum", this.max + 1));
				values.add(new Spoiled("an object", java.util.Map.of()));
			}
			case DECIMAL -> {
				values.add(new Spoiled("text", "abc"));
				values.add(new Spoiled("not a number", "NaN"));
				values.add(new Spoiled("infinity", "Infinity"));
				values.add(new Spoiled("a huge integer", HUGE_INTEGER));
				values.add(new Spoiled("a huge number", HUGE_FLOAT));
				values.add(new Spoiled("below the minimum", this.min - 1));
				values.add(new Spoiled("above the maximum", this.max + 1));
				values.add(new Spoiled("three decimal places", Json.raw("1.005")));
				values.add(new Spoiled("a tiny number", Json.raw("1e-400")));
			}
			case COORDINATE -> {
				values.add(new Spoiled("beyond the pole", this.max + 1));
				values.add(new Spoiled("beyond the pole", this.min - 1));
				values.add(new Spoiled("a huge number", HUGE_FLOAT));
				values.add(new Spoiled("not a number", "NaN"));
				values.add(new Spoiled("text", "abc"));
				values.add(new Spoiled("SQL", SQL_OR));
			}
			case NON_NEGATIVE -> {
				values.add(new Spoiled("negative", -1));
				values.add(new Spoiled("minus a huge number", Json.raw("-1e309")));
				values.add(new Spoiled("not a number", "NaN"));
				values.add(new Spoiled("text", "abc"));
			}
			case FLAG -> {
				values.add(new Spoiled("text", "maybe"));
				values.add(new Spoiled("SQL", SQL));
				values.add(new Spoiled("an object", java.util.Map.of()));
				values.add(new Spoiled("an array", List.of()));
			}
			case PHONE -> {
				values.add(new Spoiled("too short", "12345"));
				values.add(new Spoiled("too long", "1390013800012345"));
				values.addAll(hostile(text));
				values.add(new Spoiled("an object", java.util.Map.of()));
			}
			case REGION -> {
				values.add(new Spoiled("an unknown region", "999999"));
				values.add(new Spoiled("an unknown community", "110105001999"));
				values.add(new Spoiled("too long", "1101050010010"));
				values.add(new Spoiled("full-width digits", "１１０１０５"));
				values.add(new Spoiled("a number", 999999));
				values.addAll(hostile(text));
			}
			case OBJECT -> {
				values.add(new Spoiled("text", "text"));
				values.add(new Spoiled("a number", 42));
				values.add(new Spoiled("an array", List.of()));
			}
			case LIST -> {
				values.add(new Spoiled("text", "text"));
				values.add(new Spoiled("an object", java.util.Map.of()));
				values.add(new Spoiled("a null element", java.util.Collections.singletonList(null)));
			}
		}
		return values;
	}

	/**
	 * Values of every JSON type but the field's own, made from its valid value where a
	 * lenient reader could take one for the other: the text {@code "5"} for the number 5,
	 * the number {@code 1} for the flag {@code true}, a number for text.
	 */
	List<Spoiled> wronglyTyped(Object valid) {
		List<Spoiled> values = new ArrayList<>();
		switch (this.kind) {
			case TEXT, CODE, ENUM, ID, FUTURE_TIME, PAST_TIME, NEAR_TIME, DATE, PAST_DATE, PHONE, REGION -> {
				values.add(new Spoiled("a whole number", -1));
				values.add(new Spoiled("a huge number", Json.raw("1e308")));
				values.add(new Spoiled("a flag", true));
				// a JSON number has no leading zero: "047123" sent bare would be a syntax
				// error, not a wrongly typed field
				if (valid instanceof String text && text.matches("-?(0|[1-9][0-9]{0,14})")) {
					values.add(new Spoiled("its digits as a number", Json.raw(text)));
				}
			}
			case DECIMAL -> {
				String text = (valid instanceof String s && !s.isEmpty()) ? s : "1.50";
				values.add(new Spoiled("its value as a JSON number", Json.raw(text)));
				values.add(new Spoiled("a whole number", 2));
				values.add(new Spoiled("a flag", true));
			}
			case INTEGER -> {
				Object number = (valid instanceof Number n) ? n : Long.valueOf(this.min);
				values.add(new Spoiled("its value as text", String.valueOf(number)));
				values.add(new Spoiled("its value as a fraction", Json.raw(number + ".0")));
				values.add(new Spoiled("a fraction", Json.raw(number + ".5")));
				values.add(new Spoiled("a flag", true));
			}
			case COORDINATE, NON_NEGATIVE -> {
				Object number = (valid instanceof Number n) ? n : Long.valueOf(this.min);
				values.add(new Spoiled("its value as text", String.valueOf(number)));
				values.add(new Spoiled("a flag", true));
			}
			case FLAG -> {
				values.add(new Spoiled("one", 1));
				values.add(new Spoiled("minus one", -1));
				values.add(new Spoiled("zero", 0));
				values.add(new Spoiled("its value as text", String.valueOf(valid != null ? valid : true)));
			}
			case OBJECT -> {
				values.add(new Spoiled("text", "text"));
				values.add(new Spoiled("a number", 42));
				values.add(new Spoiled("a flag", true));
				values.add(new Spoiled("an array", List.of()));
			}
			case LIST -> {
				values.add(new Spoiled("text", "text"));
				values.add(new Spoiled("a number", 42));
				values.add(new Spoiled("a flag", false));
				values.add(new Spoiled("an object", java.util.Map.of()));
			}
		}
		return values;
	}

	/** Hostile text in a field whose format it cannot match. */
	private static List<Spoiled> hostile(String valid) {
		return List.of(new Spoiled("SQL", SQL), new Spoiled("SQL", SQL_OR), new Spoiled("a script", SCRIPT),
				new Spoiled("an emoji", EMOJI), new Spoiled("a right-to-left override", RTL + valid),
				new Spoiled("a NUL character", valid.substring(0, 1) + NUL + valid.substring(1)),
				new Spoiled("a lone surrogate", valid.substring(0, 1) + LONE_SURROGATE + valid.substring(1)));
	}

	private static List<Spoiled> wrongDates() {
		return List.of(new Spoiled("the 30th of February", "2026-02-30T10:00:00+08:00"),
				new Spoiled("a 13th month", "2026-13-01T00:00:00Z"), new Spoiled("a word", "yesterday"),
				new Spoiled("a day-first date", "30/01/2026"), new Spoiled("SQL", SQL_OR),
				new Spoiled("a huge number", HUGE_FLOAT), new Spoiled("a huge integer", HUGE_INTEGER),
				new Spoiled("an object", java.util.Map.of()));
	}

}
