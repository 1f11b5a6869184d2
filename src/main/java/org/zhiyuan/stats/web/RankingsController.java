package org.zhiyuan.stats.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
import org.zhiyuan.stats.Ranking;
import org.zhiyuan.stats.RankingKind;
import org.zhiyuan.stats.RankingSheet;
import org.zhiyuan.stats.Rankings;
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
 * Rankings per API.md: a region's sub-regions, organizations or brand projects in the
 * order of one figure, as JSON or, when asked for one, as an Excel workbook.
 */
@RestController
@Tag(name = "Statistics")
class RankingsController {

	private static final String PATH = "/api/v1/stats/rankings";

	private final Rankings rankings;

	private final Statistics statistics;

	private final Regions regions;

	RankingsController(Rankings rankings, Statistics statistics, Regions regions) {
		this.rankings = rankings;
		this.statistics = statistics;
		this.regions = regions;
	}

	@GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(
			summary = "A region's sub-regions, organizations or brand projects ranked (operators and auditors of the"
					+ " region or a region above)",
			description = "by: REGISTERED_SHARE ranks the sub-regions one level down by registered volunteers per"
					+ " resident (value = volunteers / population, four places; population: the sub-region's own, as"
					+ " its settings state, or its own sub-regions' sum when it states none and each of them does; the period does not apply, registrations are today's). HOURS_PER_VOLUNTEER"
					+ " ranks them by the counted hours of the period per registered volunteer (value = hours /"
					+ " volunteers, two places; hours count in the region the volunteer lived in when the record was"
					+ " written). ORGANIZATION_HOURS ranks the active organizations of the region or below (by the"
					+ " organization's own region) by the counted hours of the records of their activities in the"
					+ " period, wherever the volunteers live (value = hours; organizations without hours are not"
					+ " listed). BRAND_PROJECTS ranks every brand project (品牌项目) of the region or below by the"
					+ " counted hours of its activities' records in the period (value = hours, 0 without any). Records"
					+ " count in the month they started (China time) and when not held or voided by a review, with"
					+ " their amended hours; activities: published ones (never cancelled) that start in the period."
					+ " The highest value first; equal values share a rank (1, 2, 2, 4); a sub-region without a value"
					+ " (no population, or no registered volunteers) comes last with rank and value null. Figures"
					+ " follow the facts within seconds. With Accept: " + StatisticsController.XLSX + " the same"
					+ " items as an Excel workbook. 400 names each bad parameter; 403 for a region that is not the"
					+ " caller's.")
	@ApiResponse(responseCode = "200", description = "The ranking", content = {
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = RankingResponse.class)),
			@Content(mediaType = StatisticsController.XLSX, schema = @Schema(type = "string", format = "binary")) })
	RankingResponse ranking(@AuthenticationPrincipal Actor actor,
			@Parameter(description = "The region; 000000 for the nation") @RequestParam String regionCode,
			@Parameter(description = "What to rank, and by what",
					schema = @Schema(allowableValues = { "REGISTERED_SHARE", "HOURS_PER_VOLUNTEER",
							"ORGANIZATION_HOURS", "BRAND_PROJECTS" })) @RequestParam String by,
			@Parameter(description = "ALL (all time), a year (2025) or a month (2025-03); default ALL",
					schema = @Schema(pattern = "^(ALL|[0-9]{4}(-[0-9]{2})?)$")) @RequestParam(
							required = false) String period,
			@Parameter(
					description = "The most items to give, 1 to " + Rankings.MAX_LIMIT + "; default "
							+ Rankings.DEFAULT_LIMIT,
					schema = @Schema(type = "integer", format = "int32", minimum = "1",
							maximum = "" + Rankings.MAX_LIMIT,
							defaultValue = "" + Rankings.DEFAULT_LIMIT)) @RequestParam(
									required = false) Integer limit) {
		return RankingResponse.of(rankingOf(actor, regionCode, by, period, limit));
	}

	@GetMapping(path = PATH, produces = StatisticsController.XLSX)
	@Operation(hidden = true)
	ResponseEntity<byte[]> rankingSheet(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
			@RequestParam String by, @RequestParam(required = false) String period,
			@RequestParam(required = false) Integer limit) {
		Ranking ranking = rankingOf(actor, regionCode, by, period, limit);
		return workbook(ranking, this.regions.fullName(ranking.regionCode(), LocaleContextHolder.getLocale()));
	}

	/** The ranking as an Excel download, named after the region, kind and period. */
	static ResponseEntity<byte[]> workbook(Ranking ranking, String regionName) {
		String name = "ranking-" + ranking.regionCode() + "-" + ranking.by().name().toLowerCase(Locale.ROOT) + "-"
				+ ranking.period().replace("..", "_") + ".xlsx";
		return Downloads.xlsx(name, RankingSheet.of(ranking, regionName));
	}

	private Ranking rankingOf(Actor actor, String regionCode, String by, String period, Integer limit) {
		List<FieldProblem> problems = new ArrayList<>(this.statistics.regionProblems(regionCode, "regionCode"));
		RankingKind kind = Enums.parse(RankingKind.class, by, "by", problems);
		if (kind == null && problems.stream().noneMatch((p) -> p.field().equals("by"))) {
			problems.add(new FieldProblem("by", "validation.required"));
		}
		ReportPeriod parsed = ReportPeriod.parse(period, "period", problems);
		int items = (limit != null) ? limit : Rankings.DEFAULT_LIMIT;
		if (items < 1 || items > Rankings.MAX_LIMIT) {
			problems.add(new FieldProblem("limit", "validation.stats.limit", Rankings.MAX_LIMIT));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return this.rankings.rank(actor, regionCode, kind, parsed, items, LocaleContextHolder.getLocale());
	}

	/** A ranking: its items in rank order. */
	record RankingResponse(String regionCode, @Schema(allowableValues = {
			"REGISTERED_SHARE", "HOURS_PER_VOLUNTEER", "ORGANIZATION_HOURS", "BRAND_PROJECTS" }) String by,
			@Schema(description = "ALL, a year or a month") String period, List<RankingItemResponse> items){

		static RankingResponse of(Ranking ranking) {
			return new RankingResponse(ranking.regionCode(), ranking.by().name(), ranking.period(),
					ranking.items().stream().map(RankingItemResponse::of).toList());
		}

	}

	/** One ranked item; null where a figure means nothing for the kind. */
	record RankingItemResponse(@Schema(
			description = "1 for the highest value; equal values share a rank; null without a value") Integer rank,
			@Schema(description = "The sub-region's code, or the organization's or project's id") String key,
			@Schema(description = "The sub-region's name in the reader's language, or the organization's or"
					+ " project's name") String label,
			@Schema(type = "string", format = "decimal", example = "0.0831",
					description = "What the item is ranked by: a registered share (four places), hours per"
							+ " volunteer or hours (two places); null for a sub-region without one") BigDecimal value,
			@Schema(description = "Sub-regions: registered volunteers today") Long volunteers,
			@Schema(type = "string", format = "decimal", example = "86.00",
					description = "Counted hours of the period (not for REGISTERED_SHARE)") BigDecimal hours,
			@Schema(description = "REGISTERED_SHARE: the sub-region's population (its own, or its sub-regions' sum); null: none") Long population,
			@Schema(description = "Organizations and projects: counted records of the period") Long records,
			@Schema(description = "Organizations and projects: published activities that start in the period") Long activities,
			@Schema(description = "BRAND_PROJECTS: the project's organization") String organizationName) {

		static RankingItemResponse of(Ranking.Item item) {
			return new RankingItemResponse(item.rank(), item.key(), item.label(), item.value(), item.volunteers(),
					item.hours(), item.population(), item.records(), item.activities(), item.organizationName());
		}

	}

}
