package org.zhiyuan.record;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overdue list's cut-off, which the database applies so that the list can be paged:
 * an activity is overdue once its due date, ten working days after its end, has passed.
 */
class OverdueUnitTests {

	@Test
	void anActivityIsOverdueExactlyWhenItsDueDateHasPassed() {
		LocalDate today = LocalDate.of(2026, 3, 1);
		for (int i = 0; i < 120; i++) {
			LocalDate day = today.plusDays(i);
			LocalDate first = OverdueRecords.firstDayNotOverdue(day);
			for (LocalDate ended = day.minusDays(40); ended.isBefore(day); ended = ended.plusDays(1)) {
				boolean overdue = day.isAfter(OverdueRecords.addWorkingDays(ended, OverdueRecords.WORKING_DAYS_DUE));
				assertThat(ended.isBefore(first)).as("ended %s, today %s", ended, day).isEqualTo(overdue);
			}
		}
	}

	@Test
	void tenWorkingDaysSkipTheWeekends() {
		// Friday 2026-03-06: the due date is Friday 2026-03-20, so overdue from Saturday
		// on
		LocalDate friday = LocalDate.of(2026, 3, 6);
		assertThat(OverdueRecords.addWorkingDays(friday, 10)).isEqualTo(LocalDate.of(2026, 3, 20));
		assertThat(OverdueRecords.firstDayNotOverdue(LocalDate.of(2026, 3, 20))).isAfter(LocalDate.of(2026, 3, 5))
			.isBeforeOrEqualTo(friday);
		assertThat(OverdueRecords.firstDayNotOverdue(LocalDate.of(2026, 3, 21))).isAfter(friday);
	}

}
