package org.zhiyuan.activity.web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.ActivityReviews;
import org.zhiyuan.activity.ActivityReviews.WaitingActivity;
import org.zhiyuan.activity.ReviewDecision;
import org.zhiyuan.activity.web.ActivityRequests.ActivityResponse;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Review before publication and confirmation of backfilled activities, per API.md. */
@RestController
@Tag(name = "Activities")
class ActivityReviewController {

	private final ActivityReviews reviews;

	ActivityReviewController(ActivityReviews reviews) {
		this.reviews = reviews;
	}

	@PostMapping("/api/v1/activities/{id}/review")
	@Operation(summary = "Approve or reject an activity waiting for review (operator of its region or above)",
			description = "An approved activity recruits (RECRUITING); an activity registered after the fact (补录) is"
					+ " confirmed instead (FINISHED), and its held records with it, so that their hours count once."
					+ " A rejected one is REJECTED: the reason, required, reaches whoever sent it, who may change the"
					+ " activity and publish it again; a rejected backfill's records are voided with the reason.")
	@ApiResponse(responseCode = "200", description = "The activity, RECRUITING, FINISHED or REJECTED")
	@ApiResponse(responseCode = "400",
			description = "VALIDATION_FAILED: decision missing or unknown, reason missing"
					+ " for a rejection or longer than 500 characters")
	@ApiResponse(responseCode = "403", description = "FORBIDDEN: not an operator of the activity's region")
	@ApiResponse(responseCode = "404", description = "ACTIVITY_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATUS: the activity does not wait for review")
	@ApiResponse(responseCode = "422", description = "ACTIVITY_IN_PAST: its start passed while it waited")
	ActivityResponse review(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@Valid @RequestBody ReviewRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		ReviewDecision decision = Enums.parse(ReviewDecision.class, request.decision(), "decision", problems);
		if (decision == null && problems.isEmpty()) {
			problems.add(new FieldProblem("decision", "validation.required"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return ActivityResponse.of(this.reviews.review(actor, id, decision, request.reason()));
	}

	@GetMapping("/api/v1/activity-reviews")
	@Operation(summary = "Activities waiting for review or confirmation in a region and below (its operators and"
			+ " auditors), the longest waiting first")
	@ApiResponse(responseCode = "403", description = "FORBIDDEN: not an overseer of the region")
	PageResult<WaitingResponse> waiting(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.reviews.waiting(actor, regionCode, PageQuery.of(page, size)).map(WaitingResponse::of);
	}

	/** The decision, and its reason (required to reject). */
	record ReviewRequest(@Schema(requiredMode = REQUIRED, allowableValues = {
			"APPROVE", "REJECT" }) String decision,
			@Size(max = 500) @Schema(maxLength = 500,
					description = "Required to reject; reaches whoever sent the activity") String reason){

	}

	/**
	 * A waiting activity; {@code backfill} when it was registered after it took place
	 * (补录) and waits for confirmation with its records.
	 */
	record WaitingResponse(ActivityResponse activity, boolean backfill, OffsetDateTime submittedAt) {

		static WaitingResponse of(WaitingActivity waiting) {
			return new WaitingResponse(ActivityResponse.of(waiting.activity()), waiting.review().backfill(),
					waiting.review().submittedAt());
		}

	}

}
