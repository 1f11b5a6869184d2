package org.zhiyuan.activity;

import java.time.LocalDate;

/**
 * How a series repeats its first activity: every day or every week, a number of times in
 * all or up to a last day (China time), at most {@value #MAX_OCCURRENCES} occurrences.
 */
public record Repeat(Frequency frequency, Integer count, LocalDate until) {

	public static final int MAX_OCCURRENCES = 52;

	public enum Frequency {

		DAILY, WEEKLY

	}

}
