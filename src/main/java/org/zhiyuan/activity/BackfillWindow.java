package org.zhiyuan.activity;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * How far back an organizer may register an activity that took place offline (补录): it
 * began within the last {@value #WORKING_DAYS} working days, that is on or after the
 * {@value #WORKING_DAYS}th working day before today (China time). Working days are Monday
 * to Friday; weekends do not count, and public holidays and the weekends worked in their
 * place are not modelled.
 */
public final class BackfillWindow {

	/** Working days within which an organizer may register a past activity. */
	public static final int WORKING_DAYS = 10;

	private BackfillWindow() {
	}

	/** The first day on which a past activity may have begun, seen from {@code today}. */
	public static LocalDate earliestDay(LocalDate today) {
		LocalDate day = today;
		int counted = 0;
		while (counted < WORKING_DAYS) {
			day = day.minusDays(1);
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				counted++;
			}
		}
		return day;
	}

}
