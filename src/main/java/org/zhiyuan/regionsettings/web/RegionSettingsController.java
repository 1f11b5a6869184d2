package org.zhiyuan.regionsettings.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.regionsettings.OwnSettings;
import org.zhiyuan.regionsettings.RegionSettings;
import org.zhiyuan.regionsettings.RegionSettingsView;
import org.zhiyuan.regionsettings.ReviewRequirement;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.RequestFormats;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A region's settings per API.md, for the operators of the region and above. */
@RestController
@Tag(name = "Regions")
class RegionSettingsController {

	private final RegionSettings settings;

	RegionSettingsController(RegionSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/api/v1/regions/{code}/settings")
	@Operation(summary = "The settings that apply in a region, and those it sets itself (operator of the region)",
			description = "Each setting the region does not set itself is inherited from the nearest region above"
					+ " that sets it, else the platform's default: activityReview HIGH_RISK, stars at 100, 300, 600,"
					+ " 1000 and 1500 hours, no population, a time bank cap of 1500 hours. 'own' holds the region's own settings (null: inherited),"
					+ " 'from' the code of the region whose value applies (null: the platform's default).")
	@ApiResponse(responseCode = "403", description = "FORBIDDEN: not an operator of the region")
	@ApiResponse(responseCode = "404", description = "REGION_NOT_FOUND")
	SettingsResponse get(@AuthenticationPrincipal Actor actor, @PathVariable String code) {
		return SettingsResponse.of(this.settings.view(actor, code));
	}

	@PutMapping("/api/v1/regions/{code}/settings")
	@Operation(summary = "Set a region's own settings (operator of the region)",
			description = "Replaces the region's own settings: a setting left out or null is inherited from the"
					+ " region above again. activityReview: ALL (every activity waits for review before it recruits),"
					+ " HIGH_RISK (those with riskLevel HIGH) or NONE. starThresholds: the hours for stars 1 to 5,"
					+ " positive and strictly increasing. population: the region's residents. timeBankCap: the most"
					+ " hours a volunteer's time account holds; what a deposit brings above it goes to the donation"
					+ " pool.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: the fields named")
	@ApiResponse(responseCode = "403", description = "FORBIDDEN: not an operator of the region")
	@ApiResponse(responseCode = "404", description = "REGION_NOT_FOUND")
	SettingsResponse put(@AuthenticationPrincipal Actor actor, @PathVariable String code,
			@RequestBody SettingsRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		ReviewRequirement review = Enums.parse(ReviewRequirement.class, request.activityReview(), "activityReview",
				problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return SettingsResponse.of(this.settings.update(actor, code,
				new OwnSettings(review, request.starThresholds(), request.population(), request.timeBankCap())));
	}

	/** A region's own settings; each one left out or null is inherited. */
	record SettingsRequest(@Schema(allowableValues = {
			"ALL", "HIGH_RISK", "NONE" },
			description = "Which activities wait for review; null: inherited") String activityReview,
			@ArraySchema(minItems = 5, maxItems = 5,
					schema = @Schema(type = "string", format = "decimal", pattern = RequestFormats.HOURS,
							example = "100.00"),
					arraySchema = @Schema(
							description = "Hours for stars 1 to 5; null: inherited")) List<BigDecimal> starThresholds,
			@Schema(minimum = "0", maximum = "2000000000",
					description = "Residents of the region; null: inherited") Long population,
			@Schema(type = "string", format = "decimal", pattern = RequestFormats.HOURS, example = "1500.00",
					description = "The most hours a volunteer's time account holds; null: inherited") BigDecimal timeBankCap){

	}

	/** The settings that apply, hours as decimal strings. */
	record SettingsResponse(String regionCode, @Schema(allowableValues = {
			"ALL", "HIGH_RISK", "NONE" }) String activityReview, List<String> starThresholds, Long population,
			@Schema(type = "string", format = "decimal", example = "1500.00") String timeBankCap, Own own, From from){

		static SettingsResponse of(RegionSettingsView view) {
			OwnSettings own = view.own();
			return new SettingsResponse(view.regionCode(), view.activityReview().name(), hours(view.starThresholds()),
					view.population(), view.timeBankCap().toPlainString(),
					new Own((own.activityReview() != null) ? own.activityReview().name() : null,
							(own.starThresholds() != null) ? hours(own.starThresholds()) : null, own.population(),
							(own.timeBankCap() != null) ? own.timeBankCap().toPlainString() : null),
					new From(view.activityReviewFrom(), view.starThresholdsFrom(), view.populationFrom(),
							view.timeBankCapFrom()));
		}

		private static List<String> hours(List<BigDecimal> hours) {
			return hours.stream().map(BigDecimal::toPlainString).toList();
		}

	}

	/** What the region sets itself; null where it inherits. */
	record Own(String activityReview, List<String> starThresholds, Long population,
			@Schema(type = "string", format = "decimal") String timeBankCap) {

	}

	/**
	 * The code of the region whose value applies; null where the platform's default does.
	 */
	record From(String activityReview, String starThresholds, String population, String timeBankCap) {

	}

}
