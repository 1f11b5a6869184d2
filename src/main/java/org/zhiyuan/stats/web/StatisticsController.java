package org.zhiyuan.stats.web;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.stats.Breakdown;
import org.zhiyuan.stats.BreakdownSheet;
import org.zhiyuan.stats.Dimension;
import org.zhiyuan.stats.Overview;
import org.zhiyuan.stats.Reconciliation;
import org.zhiyuan.stats.ReportPeriod;
import org.zhiyuan.stats.Statistics;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Statistics per API.md: a region's headline figures, its figures by one dimension (JSON,
 * or an Excel workbook when asked for one), and the reconciliation of its figures with
 * the facts.
 */
@RestController
@Tag(name = "Statistics")
class StatisticsController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final String WHAT_COUNTS = " registeredVolunteers: volunteers registered (not deregistered) in"
			+ " the region or below, today. activeVolunteers: distinct volunteers with at least one counted service"
			+ " record that started (China time) in the period, each counted in the region they lived in when the"
			+ " record was written and once in every region above it, however many records and regions. hours:"
			+ " the counted records' hours as amended, in the same regions. activities: activities of the region"
			+ " that were published (recruiting, in progress, finished or archived, never cancelled) and start in"
			+ " the period. organizations: active organizations of the region, today. Counted records are those"
			+ " not held or voided by a review. Figures follow the facts within seconds.";

	private final Statistics statistics;

	private final Regions regions;

	StatisticsController(Statistics statistics, Regions regions) {
		this.statistics = statistics;
		this.regions = regions;
	}

	@GetMapping("/api/v1/stats/overview")
	@Operation(summary = "A region's headline figures (operators and auditors of the region or a region above)",
			description = "Period: ALL (the default: all time), a year (2025) or a month (2025-03)." + WHAT_COUNTS
					+ " population: the residents the region's own settings state (a region above's is not"
					+ " inherited) or, when it states none, the sum of its sub-regions' own when every one states one"
					+ " (populationSummed true); registeredShare: registered volunteers per resident, null without a population;"
					+ " goalShare: the goal of 15%. 400 names a bad regionCode or period; 403 for a region that is"
					+ " not the caller's.")
	OverviewResponse overview(@AuthenticationPrincipal Actor actor,
			@Parameter(description = "The region; 000000 for the nation") @RequestParam String regionCode,
			@Parameter(description = "ALL, a year or a month; default ALL",
					schema = @Schema(pattern = "^(ALL|[0-9]{4}(-[0-9]{2})?)$")) @RequestParam(
							required = false) String period) {
		List<FieldProblem> problems = new ArrayList<>(this.statistics.regionProblems(regionCode, "regionCode"));
		ReportPeriod parsed = ReportPeriod.parse(period, "period", problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return OverviewResponse.of(this.statistics.overview(actor, regionCode, parsed));
	}

	@GetMapping(path = "/api/v1/stats/breakdown", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(
			summary = "A region's figures by sub-region, field, category, age band, gender or month (operators"
					+ " and auditors of the region or a region above)",
			description = "by: REGION (the sub-regions one level down, and the region itself when facts are held"
					+ " there directly, with population and registeredShare), FIELD (the activities' service field),"
					+ " CATEGORY (a volunteer of several categories counts in each), AGE_BAND (UNDER_18, AGE_18_35,"
					+ " AGE_36_45, AGE_46_59, AGE_60_PLUS by the age reached in the period's last year, this year"
					+ " without one), GENDER or MONTH. from and to: months (2025-01), both included; either may be"
					+ " left out (open), both: all time." + WHAT_COUNTS
					+ " volunteers are registered volunteers; null where a figure means nothing for the dimension:"
					+ " volunteers by field and month, activities and organizations by category, age band and"
					+ " gender, organizations by month. With Accept: " + XLSX + " the same items as an Excel"
					+ " workbook. 400 names each bad parameter; 403 for a region that is not the caller's.")
	@ApiResponse(responseCode = "200", description = "The items",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = BreakdownResponse.class)),
					@Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")) })
	BreakdownResponse breakdown(@AuthenticationPrincipal Actor actor,
			@Parameter(description = "The region; 000000 for the nation") @RequestParam String regionCode,
			@Parameter(schema = @Schema(allowableValues = { "REGION", "FIELD", "CATEGORY", "AGE_BAND", "GENDER",
					"MONTH" })) @RequestParam String by,
			@Parameter(description = "The first month, e.g. 2025-01; default: open",
					schema = @Schema(pattern = "^[0-9]{4}-[0-9]{2}$")) @RequestParam(required = false) String from,
			@Parameter(description = "The last month, e.g. 2025-12; default: open",
					schema = @Schema(pattern = "^[0-9]{4}-[0-9]{2}$")) @RequestParam(required = false) String to) {
		return BreakdownResponse.of(breakdownOf(actor, regionCode, by, from, to));
	}

	@GetMapping(path = "/api/v1/stats/breakdown", produces = XLSX)
	@Operation(hidden = true)
	ResponseEntity<byte[]> breakdownSheet(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
			@RequestParam String by, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		Breakdown breakdown = breakdownOf(actor, regionCode, by, from, to);
		return workbook(breakdown, this.regions.fullName(breakdown.regionCode(), LocaleContextHolder.getLocale()));
	}

	/**
	 * The breakdown as an Excel download, named after the region, dimension and period.
	 */
	static ResponseEntity<byte[]> workbook(Breakdown breakdown, String regionName) {
		String name = "statistics-" + breakdown.regionCode() + "-"
				+ breakdown.by().name().toLowerCase(java.util.Locale.ROOT) + "-" + breakdown.period().replace("..", "_")
				+ ".xlsx";
		return Downloads.xlsx(name, BreakdownSheet.of(breakdown, regionName));
	}

	@GetMapping("/api/v1/stats/reconciliation")
	@Operation(summary = "Recount a region's figures from the facts and compare (operators of the region or above)",
			description = "Folds what waits first, then compares every figure the rollups hold for the region with"
					+ " a recount of the service records, volunteers, activities and organizations within it"
					+ " (check RECOUNT), each additive figure with the sum of its sub-regions' and of the"
					+ " facts held at the region itself (check CHILDREN), and the hours, records and activities of"
					+ " each organization of the region and of its projects, which the rankings read, with a recount"
					+ " of theirs (check PROVIDERS). consistent: no difference. Audited. 403 for"
					+ " anyone but the operators of the region or a region above it; 409 STATS_BUILDING while the"
					+ " figures are being built from the facts again (overview's building is true).")
	ReconciliationResponse reconcile(@AuthenticationPrincipal Actor actor,
			@Parameter(description = "The region; 000000 for the nation") @RequestParam String regionCode) {
		return ReconciliationResponse.of(this.statistics.reconcile(actor, regionCode));
	}

	private Breakdown breakdownOf(Actor actor, String regionCode, String by, String from, String to) {
		List<FieldProblem> problems = new ArrayList<>(this.statistics.regionProblems(regionCode, "regionCode"));
		Dimension dimension = Enums.parse(Dimension.class, by, "by", problems);
		if (dimension == null && problems.stream().noneMatch((p) -> p.field().equals("by"))) {
			problems.add(new FieldProblem("by", "validation.required"));
		}
		YearMonth first = ReportPeriod.month(from, "from", problems);
		YearMonth last = ReportPeriod.month(to, "to", problems);
		if (first != null && last != null && first.isAfter(last)) {
			problems.add(new FieldProblem("to", "validation.stats.range"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return this.statistics.breakdown(actor, regionCode, dimension, first, last);
	}

	/** A region's headline figures; hours and shares as decimal strings. */
	record OverviewResponse(String regionCode, String regionName,
			@Schema(description = "ALL, a year or a month") String period, long registeredVolunteers,
			long activeVolunteers, long organizations, long activities,
			@Schema(type = "string", format = "decimal", example = "1250.50") BigDecimal totalHours,
			@Schema(description = "Residents, as the region's own settings state, or else the sum of its sub-regions' when"
					+ " each states one (populationSummed); null: none") Long population,
			@Schema(type = "string", format = "decimal", example = "0.0831",
					description = "Registered volunteers per resident; null without a population") BigDecimal registeredShare,
			@Schema(type = "string", format = "decimal", example = "0.15") BigDecimal goalShare,
			@Schema(description = "The population is the sum of the sub-regions' own") boolean populationSummed,
			@Schema(description = "The figures are being built from the records again and may be short until done") boolean building) {

		static OverviewResponse of(Overview overview) {
			return new OverviewResponse(overview.regionCode(), overview.regionName(), overview.period(),
					overview.registeredVolunteers(), overview.activeVolunteers(), overview.organizations(),
					overview.activities(), overview.totalHours(), overview.population(), overview.registeredShare(),
					overview.goalShare(), overview.populationSummed(), overview.building());
		}

	}

	/** A region's figures by one dimension. */
	record BreakdownResponse(String regionCode, @Schema(allowableValues = {
			"REGION", "FIELD", "CATEGORY", "AGE_BAND", "GENDER", "MONTH" }) String by, String period,
			List<ItemResponse> items){

		static BreakdownResponse of(Breakdown breakdown) {
			return new BreakdownResponse(breakdown.regionCode(), breakdown.by().name(), breakdown.period(),
					breakdown.items().stream().map(ItemResponse::of).toList());
		}

	}

	/** One key's figures; null where the figure means nothing for the dimension. */
	record ItemResponse(String key, String label, Long volunteers, Long activeVolunteers,
			@Schema(type = "string", format = "decimal", example = "86.00") BigDecimal hours, Long activities,
			Long organizations,
			@Schema(description = "By region only: the sub-region's population (its own, or its sub-regions' sum when it"
					+ " states none and each of them does)") Long population,
			@Schema(type = "string", format = "decimal",
					description = "By region only: registered volunteers per resident") BigDecimal registeredShare,
			@Schema(description = "By age band only: registered volunteers who are men (the age pyramid's left side)") Long male,
			@Schema(description = "By age band only: registered volunteers who are women (its right side)") Long female) {

		static ItemResponse of(Breakdown.Item item) {
			return new ItemResponse(item.key(), item.label(), item.volunteers(), item.activeVolunteers(), item.hours(),
					item.activities(), item.organizations(), item.population(), item.registeredShare(), item.male(),
					item.female());
		}

	}

	/** The outcome of a reconciliation. */
	record ReconciliationResponse(String regionCode, OffsetDateTime checkedAt, boolean consistent, int figuresChecked,
			List<DifferenceResponse> differences) {

		static ReconciliationResponse of(Reconciliation reconciliation) {
			return new ReconciliationResponse(reconciliation.regionCode(), reconciliation.checkedAt(),
					reconciliation.consistent(), reconciliation.figuresChecked(),
					reconciliation.differences().stream().map(DifferenceResponse::of).toList());
		}

	}

	/** A figure whose recount (expected) differs from the rollups (actual). */
	record DifferenceResponse(@Schema(allowableValues = {
			"RECOUNT", "CHILDREN", "PROVIDERS" }) String check,
			@Schema(allowableValues = { "REGISTERED", "ORGANIZATIONS", "ACTIVITIES", "HOURS", "RECORDS",
					"ACTIVE" }) String figure,
			@Schema(allowableValues = { "TOTAL", "GENDER", "BIRTH_YEAR", "CATEGORY", "FIELD", "ORGANIZATION",
					"PROJECT" }) String dim,
			@Schema(description = "The key within the dimension; * for TOTAL; the organization's or project's id"
					+ " for ORGANIZATION and PROJECT") String key,
			@Schema(description = "A month, a year or ALL; empty for today's figures") String period,
			@Schema(type = "string", format = "decimal") String expected,
			@Schema(type = "string", format = "decimal") String actual){

		static DifferenceResponse of(Reconciliation.Difference difference) {
			return new DifferenceResponse(difference.check(), difference.figure(), difference.dim(), difference.key(),
					difference.period(), difference.expected(), difference.actual());
		}

	}

}
