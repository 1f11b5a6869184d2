package org.zhiyuan.pairing;

import java.time.LocalDate;

/** How often a pairing's volunteer visits: the length of one visit period. */
public enum VisitFrequency {

	WEEKLY, BIWEEKLY, MONTHLY;

	/** The last day of the period that starts the day after {@code day}. */
	public LocalDate after(LocalDate day) {
		return switch (this) {
			case WEEKLY -> day.plusWeeks(1);
			case BIWEEKLY -> day.plusWeeks(2);
			case MONTHLY -> day.plusMonths(1);
		};
	}

}
