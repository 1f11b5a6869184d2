package org.zhiyuan.evaluation.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.evaluation.ActivityRatingView;
import org.zhiyuan.evaluation.EvaluationView;
import org.zhiyuan.evaluation.Evaluations;
import org.zhiyuan.evaluation.RatingSummary;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Evaluations after a counted service (评价, C18): the organization rates the volunteer,
 * the volunteer rates the activity, the volunteer reads what organizations said of them,
 * and anyone reads an activity's ratings as an anonymous summary.
 */
@RestController
@Tag(name = "Evaluations")
class EvaluationController {

	private final Evaluations evaluations;

	EvaluationController(Evaluations evaluations) {
		this.evaluations = evaluations;
	}

	@PutMapping("/api/v1/records/{id}/evaluation")
	@Operation(summary = "Rate the volunteer's service of a counted record (an admin of the record's organization)",
			description = "1 to 5 stars and an optional comment (at most 200 characters, stripped). One evaluation per"
					+ " record: a repeat changes it, for 30 days after the record was made. Audited; the first"
					+ " evaluation is told to the volunteer.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: stars, comment")
	@ApiResponse(responseCode = "404", description = "RECORD_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "RECORD_NOT_COUNTED, EVALUATION_CLOSED")
	EvaluationView evaluate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody RatingRequest request) {
		return this.evaluations.evaluate(actor, id, request.stars(), request.comment());
	}

	@PutMapping("/api/v1/records/{id}/activity-rating")
	@Operation(summary = "Rate the activity of one's own counted record (the record's volunteer)",
			description = "1 to 5 stars and an optional comment (at most 200 characters, stripped). One rating per"
					+ " record: a repeat changes it, for 30 days after the record was made. Others see it only in"
					+ " the activity's summary, without the volunteer's name.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: stars, comment")
	@ApiResponse(responseCode = "404", description = "RECORD_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "RECORD_NOT_COUNTED, EVALUATION_CLOSED")
	ActivityRatingView rateActivity(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody RatingRequest request) {
		return this.evaluations.rateActivity(actor, id, request.stars(), request.comment());
	}

	@GetMapping("/api/v1/me/evaluations")
	@Operation(summary = "What organizations said of the caller's services, the newest service first")
	@ApiResponse(responseCode = "404", description = "NOT_A_VOLUNTEER")
	PageResult<EvaluationView> mine(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.evaluations.mine(actor, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/activities/{id}/ratings")
	@Operation(summary = "The volunteers' ratings of an activity, as a summary without names (anyone)",
			description = "How many, the average (one decimal), how many gave one to five stars, and the ten most"
					+ " recent comments with their stars.")
	@ApiResponse(responseCode = "404", description = "ACTIVITY_NOT_FOUND")
	RatingSummary ratings(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.evaluations.summary(actor, id);
	}

	record RatingRequest(@Schema(requiredMode = REQUIRED, minimum = "1", maximum = "5") Integer stars,
			@Schema(maxLength = 200) String comment) {

	}

}
