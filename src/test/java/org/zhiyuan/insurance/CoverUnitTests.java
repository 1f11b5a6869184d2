package org.zhiyuan.insurance;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoverUnitTests {

	private static final LocalDate DEC_4 = LocalDate.of(2026, 12, 4);

	@Test
	void twoPoliciesMayShareTheDaysBetweenThem() {
		List<LocalDate[]> periods = List.of(period(DEC_4.minusDays(30), DEC_4),
				period(DEC_4.plusDays(1), DEC_4.plusDays(30)));
		assertThat(Cover.firstBareDay(DEC_4, DEC_4.plusDays(2), periods)).isEmpty();
	}

	@Test
	void namesTheFirstDayNoPolicyCovers() {
		List<LocalDate[]> periods = List.<LocalDate[]>of(period(DEC_4.minusDays(30), DEC_4));
		assertThat(Cover.firstBareDay(DEC_4, DEC_4.plusDays(2), periods)).contains(DEC_4.plusDays(1));
		assertThat(Cover.firstBareDay(DEC_4, DEC_4, List.of())).contains(DEC_4);
	}

	private static LocalDate[] period(LocalDate from, LocalDate to) {
		return new LocalDate[] { from, to };
	}

}
