package org.zhiyuan.stats;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

import org.zhiyuan.shared.FieldProblem;

/**
 * The months a figure covers, both ends included, China time; an end left {@code null} is
 * open, and a period open at both ends is all time. Hours, activities and active
 * volunteers count within it; registered volunteers and organizations are always today's.
 */
public record ReportPeriod(YearMonth from, YearMonth to) {

	/** The key of the whole of time in the rollups, and its name in the API. */
	public static final String ALL = "ALL";

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");

	private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

	public ReportPeriod {
		if (from != null && to != null && from.isAfter(to)) {
			throw new IllegalArgumentException("from after to");
		}
	}

	public static ReportPeriod allTime() {
		return new ReportPeriod(null, null);
	}

	public static ReportPeriod of(YearMonth month) {
		return new ReportPeriod(month, month);
	}

	public static ReportPeriod ofYear(int year) {
		return new ReportPeriod(YearMonth.of(year, 1), YearMonth.of(year, 12));
	}

	/**
	 * The period named by {@code ALL}, a year ({@code 2025}) or a month
	 * ({@code 2025-03}); all time when blank. Anything else adds a problem for
	 * {@code field}.
	 */
	public static ReportPeriod parse(String text, String field, List<FieldProblem> problems) {
		if (text == null || text.isBlank() || ALL.equalsIgnoreCase(text.strip())) {
			return allTime();
		}
		String value = text.strip();
		if (YEAR.matcher(value).matches() && Integer.parseInt(value) >= 1900) {
			return ofYear(Integer.parseInt(value));
		}
		YearMonth month = month(value, field, problems);
		return (month != null) ? of(month) : allTime();
	}

	/**
	 * A month as {@code 2025-03}, or {@code null} when blank; anything else adds a
	 * problem for {@code field}.
	 */
	public static YearMonth month(String text, String field, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		try {
			if (MONTH.matcher(value).matches()) {
				YearMonth month = YearMonth.parse(value);
				if (month.getYear() >= 1900) {
					return month;
				}
			}
		}
		catch (DateTimeException ex) {
			// reported below
		}
		problems.add(new FieldProblem(field, "validation.stats.month"));
		return null;
	}

	/**
	 * The rollups' key of this period when it is one of every rollup's periods:
	 * {@code ALL}, a calendar year or a month; otherwise {@code null}, and its figures
	 * are summed from its months (its active volunteers counted from them unless it is a
	 * quarter, see {@link #activeKey()}).
	 */
	String rollupKey() {
		if (this.from == null && this.to == null) {
			return ALL;
		}
		if (this.from == null || this.to == null) {
			return null;
		}
		if (this.from.equals(this.to)) {
			return this.from.toString();
		}
		if (this.from.getYear() == this.to.getYear() && this.from.getMonthValue() == 1
				&& this.to.getMonthValue() == 12) {
			return String.valueOf(this.from.getYear());
		}
		return null;
	}

	/**
	 * The rollups' key of this period's active volunteers: its {@link #rollupKey()}, or a
	 * calendar quarter's ({@code 2025Q1}), which the volunteers' rows and the active
	 * figures also hold; otherwise {@code null}.
	 */
	String activeKey() {
		String key = rollupKey();
		if (key != null || this.from == null || this.to == null) {
			return key;
		}
		if (this.from.getYear() == this.to.getYear() && this.from.getMonthValue() % 3 == 1
				&& this.to.getMonthValue() == this.from.getMonthValue() + 2) {
			return quarterOf(this.from);
		}
		return null;
	}

	/** The rollups' key of the quarter a month falls in: {@code 2025Q1}. */
	static String quarterOf(YearMonth month) {
		return month.getYear() + "Q" + ((month.getMonthValue() + 2) / 3);
	}

	/** How the API names it: {@code ALL}, {@code 2025}, {@code 2025-03}, or its ends. */
	public String name() {
		String key = rollupKey();
		if (key != null) {
			return key;
		}
		return ((this.from != null) ? this.from.toString() : "") + ".." + ((this.to != null) ? this.to.toString() : "");
	}

	/** The year ages are counted in: the year of the period's end, else this year. */
	int ageYear() {
		return (this.to != null) ? this.to.getYear() : LocalDate.now(CHINA).getYear();
	}

}
