package org.zhiyuan.stats;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StatsUnitTests {

	@Test
	void keysACalendarQuartersActiveVolunteersAndNoOtherSpan() {
		assertThat(ReportPeriod.quarterOf(YearMonth.of(2025, 1))).isEqualTo("2025Q1");
		assertThat(ReportPeriod.quarterOf(YearMonth.of(2025, 6))).isEqualTo("2025Q2");
		assertThat(ReportPeriod.quarterOf(YearMonth.of(2025, 12))).isEqualTo("2025Q4");
		assertThat(new ReportPeriod(YearMonth.of(2025, 4), YearMonth.of(2025, 6)).activeKey()).isEqualTo("2025Q2");
		assertThat(new ReportPeriod(YearMonth.of(2025, 4), YearMonth.of(2025, 6)).rollupKey())
			.as("hours and activities of a quarter are summed from its months")
			.isNull();
		assertThat(new ReportPeriod(YearMonth.of(2025, 4), YearMonth.of(2025, 6)).name()).isEqualTo("2025-04..2025-06");
		assertThat(new ReportPeriod(YearMonth.of(2025, 2), YearMonth.of(2025, 4)).activeKey()).isNull();
		assertThat(new ReportPeriod(YearMonth.of(2025, 10), YearMonth.of(2026, 12)).activeKey()).isNull();
		assertThat(ReportPeriod.ofYear(2025).activeKey()).isEqualTo("2025");
		assertThat(new ReportPeriod(YearMonth.of(2025, 4), null).activeKey()).isNull();
	}

	@Test
	void readsAllTimeAYearOrAMonthAndRefusesAnythingElse() {
		List<FieldProblem> problems = new ArrayList<>();
		assertThat(ReportPeriod.parse(null, "period", problems).rollupKey()).isEqualTo("ALL");
		assertThat(ReportPeriod.parse("all", "period", problems).rollupKey()).isEqualTo("ALL");
		assertThat(ReportPeriod.parse("2025", "period", problems)).isEqualTo(ReportPeriod.ofYear(2025));
		assertThat(ReportPeriod.parse(" 2025-03 ", "period", problems).rollupKey()).isEqualTo("2025-03");
		assertThat(problems).isEmpty();
		for (String bad : List.of("2025-13", "2025-3", "1066", "25", "2025-03-01", "tomorrow")) {
			List<FieldProblem> refused = new ArrayList<>();
			ReportPeriod.parse(bad, "period", refused);
			assertThat(refused).as(bad).extracting(FieldProblem::field).containsExactly("period");
		}
	}

	@Test
	void usesTheRollupsForAMonthAYearOrAllTimeAndCountsOtherSpansFromMonths() {
		assertThat(new ReportPeriod(YearMonth.of(2025, 1), YearMonth.of(2025, 12)).rollupKey()).isEqualTo("2025");
		assertThat(new ReportPeriod(YearMonth.of(2025, 2), YearMonth.of(2025, 12)).rollupKey()).isNull();
		assertThat(new ReportPeriod(YearMonth.of(2024, 1), YearMonth.of(2025, 12)).rollupKey()).isNull();
		assertThat(new ReportPeriod(YearMonth.of(2025, 1), null).rollupKey()).isNull();
		assertThat(new ReportPeriod(YearMonth.of(2025, 1), null).name()).isEqualTo("2025-01..");
		assertThat(new ReportPeriod(null, YearMonth.of(2025, 4)).ageYear()).isEqualTo(2025);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReportPeriod(YearMonth.of(2025, 5), YearMonth.of(2025, 4)));
	}

	@Test
	void bandsAgesByTheYearTheyAreReached() {
		assertThat(AgeBand.of(2010, 2027)).isEqualTo(AgeBand.UNDER_18);
		assertThat(AgeBand.of(2009, 2027)).isEqualTo(AgeBand.AGE_18_35);
		assertThat(AgeBand.of(1992, 2027)).isEqualTo(AgeBand.AGE_18_35);
		assertThat(AgeBand.of(1991, 2027)).isEqualTo(AgeBand.AGE_36_45);
		assertThat(AgeBand.of(1981, 2027)).isEqualTo(AgeBand.AGE_46_59);
		assertThat(AgeBand.of(1968, 2027)).isEqualTo(AgeBand.AGE_46_59);
		assertThat(AgeBand.of(1967, 2027)).isEqualTo(AgeBand.AGE_60_PLUS);
	}

	@Test
	void sharesRegisteredVolunteersPerResidentOnlyWithAPopulation() {
		assertThat(Statistics.share(15, 100L)).isEqualByComparingTo("0.15");
		assertThat(Statistics.share(1, 3L)).isEqualTo(new BigDecimal("0.3333"));
		assertThat(Statistics.share(5, null)).isNull();
		assertThat(Statistics.share(5, 0L)).isNull();
	}

	@Test
	void countsAFactAtTheNationAndEveryRegionDownToItsOwn() {
		Nodes nodes = new Nodes(new Regions());
		assertThat(nodes.of("110105001")).containsExactly("000000", "110000", "110100", "110105", "110105001");
		assertThat(nodes.of("000000")).containsExactly("000000");
		assertThat(nodes.of("999999")).as("a code the directory does not know").containsExactly("000000", "999999");
		assertThat(nodes.ofAll(List.of("110105001", "110105002"))).containsExactly("000000", "110000", "110100",
				"110105", "110105001", "110105002");
	}

	@Test
	void gathersChangesToOneRowOnce() {
		Deltas deltas = new Deltas();
		deltas.count(Figure.REGISTERED, List.of("000000", "110000"), Dim.TOTAL, Dim.ALL, "ignored", 1);
		deltas.count(Figure.REGISTERED, List.of("000000", "310000"), Dim.TOTAL, Dim.ALL, "", -1);
		deltas.service(List.of("000000"), Dim.TOTAL, Dim.ALL, "2025-03", new BigDecimal("2.50"), 1);
		deltas.service(List.of("000000"), Dim.TOTAL, Dim.ALL, "2025-03", new BigDecimal("-2.50"), -1);
		assertThat(deltas.changes().get(new Deltas.Row(Figure.REGISTERED, "000000", Dim.TOTAL, Dim.ALL, "")).isZero())
			.isTrue();
		assertThat(deltas.changes().get(new Deltas.Row(Figure.REGISTERED, "110000", Dim.TOTAL, Dim.ALL, "")).count())
			.isEqualTo(1);
		assertThat(deltas.changes().get(new Deltas.Row(Figure.HOURS, "000000", Dim.TOTAL, Dim.ALL, "2025-03")).isZero())
			.isTrue();
	}

	@Test
	void ranksTheHighestFirstWithEqualValuesSharingARankAndThoseWithoutOneLast() {
		List<Ranking.Item> ranked = Ranking.ranked(List.of(item("e", null), item("b", "2.50"), item("a", "7"),
				item("c", "2.5"), item("d", "1.00"), item("f", null)), 5);
		assertThat(ranked).extracting(Ranking.Item::key).containsExactly("a", "b", "c", "d", "e");
		assertThat(ranked).extracting(Ranking.Item::rank).containsExactly(1, 2, 2, 4, null);
		assertThat(Ranking.ranked(List.of(item("a", "1"), item("b", "2")), 1)).extracting(Ranking.Item::key)
			.containsExactly("b");
		assertThat(Ranking.ranked(List.of(), 10)).isEmpty();
	}

	@Test
	void dividesHoursByRegisteredVolunteersOnlyWhenThereAreAny() {
		assertThat(Rankings.perVolunteer(new BigDecimal("8.50"), 3)).isEqualTo(new BigDecimal("2.83"));
		assertThat(Rankings.perVolunteer(new BigDecimal("0.00"), 4)).isEqualTo(new BigDecimal("0.00"));
		assertThat(Rankings.perVolunteer(new BigDecimal("5.00"), 0)).isNull();
	}

	@Test
	void addsAProvidersChangeToItsMonthItsYearAndAllTime() {
		Deltas deltas = new Deltas();
		java.util.UUID organization = java.util.UUID.randomUUID();
		deltas.provider(Provider.ORGANIZATION, organization, "2025-03", new BigDecimal("3.00"), 1, 0);
		deltas.provider(Provider.ORGANIZATION, organization, "2025-04", BigDecimal.ZERO, 0, 1);
		deltas.provider(Provider.PROJECT, null, "2025-03", new BigDecimal("3.00"), 1, 0);
		assertThat(deltas.providers()).hasSize(4);
		Deltas.Change year = deltas.providers()
			.get(new Deltas.ProviderRow(Provider.ORGANIZATION, organization, "2025"));
		assertThat(year.hours()).isEqualByComparingTo("3");
		assertThat(year.count()).isEqualTo(1);
		assertThat(year.activities()).isEqualTo(1);
		assertThat(
				deltas.providers().get(new Deltas.ProviderRow(Provider.ORGANIZATION, organization, "ALL")).activities())
			.isEqualTo(1);
	}

	private static Ranking.Item item(String key, String value) {
		return new Ranking.Item(null, key, key, (value != null) ? new BigDecimal(value) : null, null, null, null, null,
				null, null);
	}

}
