package org.zhiyuan.stats.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.zhiyuan.access.Actor;
import org.zhiyuan.region.Region;
import org.zhiyuan.region.RegionLevel;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.stats.Breakdown;
import org.zhiyuan.stats.Breakdown.Item;
import org.zhiyuan.stats.BreakdownSheet;
import org.zhiyuan.stats.Dimension;
import org.zhiyuan.stats.Overview;
import org.zhiyuan.stats.Ranking;
import org.zhiyuan.stats.RankingKind;
import org.zhiyuan.stats.Rankings;
import org.zhiyuan.stats.ReportPeriod;
import org.zhiyuan.stats.Statistics;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard of a region's operators and auditors (数据看板): the headline figures, the
 * trend by month, the figures by field, category, age and gender, and the sub-regions,
 * each chart drawn from the table beside it, each table downloadable as Excel. A
 * sub-region opens its own dashboard; the breadcrumb leads back up to the highest region
 * the person oversees, and no further.
 */
@Controller
class DashboardPageController {

	/** Months the trend shows when the period is all time. */
	static final int TREND_MONTHS = 24;

	/** Places each ranking shows. */
	static final int RANKED = 10;

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Statistics statistics;

	private final Regions regions;

	private final MessageSource messages;

	private final Rankings rankings;

	DashboardPageController(Statistics statistics, Rankings rankings, Regions regions, MessageSource messages) {
		this.statistics = statistics;
		this.rankings = rankings;
		this.regions = regions;
		this.messages = messages;
	}

	/** The highest region the person oversees; 403 for anyone who oversees none. */
	@GetMapping("/dashboard")
	String mine(@AuthenticationPrincipal Actor actor) {
		String top = actor.readableRegions()
			.stream()
			.filter(this.regions::exists)
			.min(Comparator.comparingInt((String code) -> Regions.prefixOf(code).length())
				.thenComparing(Comparator.naturalOrder()))
			.orElseThrow(() -> ProblemException.forbidden("problem.forbidden.statistics"));
		return "redirect:/dashboard/" + top;
	}

	@GetMapping("/dashboard/{code}")
	String page(@AuthenticationPrincipal Actor actor, @PathVariable String code,
			@RequestParam(required = false) String period, Model model, Locale locale) {
		List<FieldProblem> problems = new ArrayList<>();
		ReportPeriod chosen = ReportPeriod.parse(period, "period", problems);
		String periodName = problems.isEmpty() ? chosen.name() : ReportPeriod.ALL;
		model.addAttribute("problems", problems);
		Overview overview = this.statistics.overview(actor, code, chosen);
		model.addAttribute("overview", overview);
		model.addAttribute("heading", overview.regionName().isBlank()
				? this.regions.displayName(overview.regionCode(), locale) : overview.regionName());
		model.addAttribute("goalProgress", goalProgress(overview));
		model.addAttribute("period", periodName);
		model.addAttribute("periods", periods(locale));
		model.addAttribute("crumbs", crumbs(actor, code, locale));
		Region region = this.regions.find(code).orElseThrow();
		boolean leaf = region.level() == RegionLevel.COMMUNITY;
		model.addAttribute("leaf", leaf);
		model.addAttribute("subRegions",
				leaf ? List.of()
						: breakdown(actor, code, Dimension.REGION, chosen, locale).items()
							.stream()
							.map((item) -> SubRegion.of(item, code))
							.toList());
		model.addAttribute("levelBelow", leaf ? null : RegionLevel.values()[region.level().ordinal() + 1]);
		ReportPeriod trend = trend(chosen);
		model.addAttribute("trendMonths", TREND_MONTHS);
		model.addAttribute("months", breakdown(actor, code, Dimension.MONTH, trend, locale).items());
		model.addAttribute("fields", breakdown(actor, code, Dimension.FIELD, chosen, locale).items());
		model.addAttribute("categories", breakdown(actor, code, Dimension.CATEGORY, chosen, locale).items());
		model.addAttribute("ages", breakdown(actor, code, Dimension.AGE_BAND, chosen, locale).items());
		model.addAttribute("genders", breakdown(actor, code, Dimension.GENDER, chosen, locale).items());
		List<Ranking> rankings = new ArrayList<>();
		for (RankingKind kind : RankingKind.values()) {
			boolean ofSubRegions = kind == RankingKind.REGISTERED_SHARE || kind == RankingKind.HOURS_PER_VOLUNTEER;
			if (!(leaf && ofSubRegions)) {
				rankings.add(this.rankings.rank(actor, code, kind, chosen, RANKED, locale));
			}
		}
		model.addAttribute("rankings", rankings);
		return "stats/dashboard";
	}

	/** One of the page's rankings as an Excel workbook, the same items the page shows. */
	@GetMapping("/dashboard/{code}/ranking")
	ResponseEntity<byte[]> ranking(@AuthenticationPrincipal Actor actor, @PathVariable String code,
			@RequestParam(required = false) String by, @RequestParam(required = false) String period, Locale locale) {
		List<FieldProblem> problems = new ArrayList<>();
		RankingKind kind = Enums.parse(RankingKind.class, by, "by", problems);
		if (kind == null && problems.isEmpty()) {
			problems.add(new FieldProblem("by", "validation.required"));
		}
		ReportPeriod chosen = ReportPeriod.parse(period, "period", problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		Ranking ranking = this.rankings.rank(actor, code, kind, chosen, RANKED, locale);
		return RankingsController.workbook(ranking, this.regions.fullName(ranking.regionCode(), locale));
	}

	/** One of the page's tables as an Excel workbook, the same items the page shows. */
	@GetMapping("/dashboard/{code}/sheet")
	ResponseEntity<byte[]> sheet(@AuthenticationPrincipal Actor actor, @PathVariable String code,
			@RequestParam(required = false) String by, @RequestParam(required = false) String period, Locale locale) {
		List<FieldProblem> problems = new ArrayList<>();
		Dimension dimension = Enums.parse(Dimension.class, by, "by", problems);
		if (dimension == null && problems.isEmpty()) {
			problems.add(new FieldProblem("by", "validation.required"));
		}
		ReportPeriod chosen = ReportPeriod.parse(period, "period", problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		ReportPeriod shown = (dimension == Dimension.MONTH) ? trend(chosen) : chosen;
		Breakdown breakdown = breakdown(actor, code, dimension, shown, locale);
		return StatisticsController.workbook(breakdown, this.regions.fullName(breakdown.regionCode(), locale));
	}

	private Breakdown breakdown(Actor actor, String code, Dimension by, ReportPeriod period, Locale locale) {
		return this.statistics.breakdown(actor, code, by, period.from(), period.to(), locale);
	}

	/**
	 * The months of the trend: the period's own, up to this month; the last
	 * {@value #TREND_MONTHS} months for all time.
	 */
	static ReportPeriod trend(ReportPeriod period) {
		YearMonth now = YearMonth.now(CHINA);
		if (period.from() == null && period.to() == null) {
			return new ReportPeriod(now.minusMonths(TREND_MONTHS - 1), now);
		}
		YearMonth last = (period.to() != null && period.to().isBefore(now)) ? period.to() : now;
		YearMonth first = (period.from() != null) ? period.from() : last.minusMonths(TREND_MONTHS - 1);
		return first.isAfter(last) ? new ReportPeriod(first, first) : new ReportPeriod(first, last);
	}

	/**
	 * All time, this year and the four before it, and the last twelve months, each with
	 * its name in the page's language.
	 */
	private List<PeriodOption> periods(Locale locale) {
		LocalDate today = LocalDate.now(CHINA);
		List<PeriodOption> periods = new ArrayList<>();
		periods.add(new PeriodOption(ReportPeriod.ALL, this.messages.getMessage("stats.period.all", null, locale)));
		for (int year = today.getYear(); year > today.getYear() - 5; year--) {
			periods.add(new PeriodOption(Integer.toString(year),
					this.messages.getMessage("stats.period.year", new Object[] { Integer.toString(year) }, locale)));
		}
		YearMonth month = YearMonth.from(today);
		for (int i = 0; i < 12; i++, month = month.minusMonths(1)) {
			periods.add(new PeriodOption(month.toString(),
					this.messages.getMessage("stats.period.month",
							new Object[] { Integer.toString(month.getYear()), month.getMonthValue(), month.toString() },
							locale)));
		}
		return periods;
	}

	/** How far the registered share has come towards the goal, 0 to 100. */
	static int goalProgress(Overview overview) {
		if (overview.registeredShare() == null) {
			return 0;
		}
		int percent = overview.registeredShare()
			.multiply(BigDecimal.valueOf(100))
			.divide(overview.goalShare(), 0, RoundingMode.DOWN)
			.intValue();
		return Math.min(100, Math.max(0, percent));
	}

	/**
	 * The way down from the highest region the person oversees above or at the region to
	 * the region itself; the nation first for the nation's overseers.
	 */
	private List<Crumb> crumbs(Actor actor, String code, Locale locale) {
		List<Region> path = new ArrayList<>();
		if (Regions.NATIONAL.equals(code)) {
			path.add(this.regions.find(code).orElseThrow());
		}
		else {
			this.regions.find(Regions.NATIONAL).ifPresent(path::add);
			path.addAll(this.regions.path(code));
		}
		List<Crumb> crumbs = new ArrayList<>();
		boolean within = false;
		for (Region step : path) {
			within = within || actor.readableRegions().contains(step.code());
			if (within) {
				crumbs.add(new Crumb(step.code(), this.regions.displayName(step.code(), locale)));
			}
		}
		return crumbs;
	}

	/** A step of the breadcrumb. */
	record Crumb(String code, String name) {

	}

	/** A choice of the period selector. */
	record PeriodOption(String value, String label) {

	}

	/**
	 * A row of the sub-region table: the item, its hours per registered volunteer, and
	 * whether it opens a dashboard one level down (not the row of facts held at the
	 * region itself).
	 */
	record SubRegion(Item item, BigDecimal hoursPerVolunteer, boolean drill) {

		static SubRegion of(Item item, String region) {
			return new SubRegion(item, BreakdownSheet.hoursPerVolunteer(item), !item.key().equals(region));
		}

	}

}
