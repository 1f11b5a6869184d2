package org.zhiyuan.activity;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackfillWindowUnitTests {

	@Test
	void reachesBackTenWorkingDaysSkippingWeekends() {
		assertThat(BackfillWindow.earliestDay(LocalDate.of(2026, 3, 18))).as("from a Wednesday")
			.isEqualTo(LocalDate.of(2026, 3, 4));
		assertThat(BackfillWindow.earliestDay(LocalDate.of(2026, 3, 16))).as("from a Monday")
			.isEqualTo(LocalDate.of(2026, 3, 2));
		assertThat(BackfillWindow.earliestDay(LocalDate.of(2026, 3, 22))).as("from a Sunday")
			.isEqualTo(LocalDate.of(2026, 3, 9));
	}

}
