package org.zhiyuan.record.web;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.record.AmendmentStatus;
import org.zhiyuan.record.AmendmentView;
import org.zhiyuan.record.RecordAmendments;
import org.zhiyuan.record.RecordChains;
import org.zhiyuan.record.ChainVerification;
import org.zhiyuan.record.FlaggedRecord;
import org.zhiyuan.record.NewRecord;
import org.zhiyuan.record.OverdueActivity;
import org.zhiyuan.record.OverdueRecords;
import org.zhiyuan.record.RecordConflict;
import org.zhiyuan.record.RecordFlag;
import org.zhiyuan.record.RecordMethod;
import org.zhiyuan.record.RecordOutcome;
import org.zhiyuan.record.RecordReview;
import org.zhiyuan.record.RecordReviews;
import org.zhiyuan.record.RecordStatus;
import org.zhiyuan.record.RegionVerification;
import org.zhiyuan.record.ReviewFilter;
import org.zhiyuan.record.ServiceRecordView;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.record.StarThresholds;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.RequestFormats;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Service records per API.md: manual entry, a volunteer's records, corrections and their
 * review, chain verification, overdue records and star thresholds. Hours are decimal
 * strings with two places, e.g. {@code "2.50"}.
 */
@RestController
@Tag(name = "Service records")
class ServiceRecordController {

	private final ServiceRecords records;

	private final RecordReviews reviews;

	private final RecordAmendments amendments;

	private final StarThresholds thresholds;

	private final RecordChains chains;

	private final OverdueRecords overdue;

	ServiceRecordController(ServiceRecords records, RecordReviews reviews, RecordAmendments amendments,
			StarThresholds thresholds, RecordChains chains, OverdueRecords overdue) {
		this.chains = chains;
		this.overdue = overdue;
		this.records = records;
		this.reviews = reviews;
		this.amendments = amendments;
		this.thresholds = thresholds;
	}

	@PostMapping("/api/v1/records")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record service by hand (admin of the activity's organization)",
			description = "With an Idempotency-Key header a repeat returns the first record unchanged. 400 lists"
					+ " every invalid field; 403 for anyone but the organization's admins; 409 RECORD_OVERLAP when"
					+ " the time overlaps a counted record of the volunteer, with those records in 'conflicts'"
					+ " (recordId, activityId, activityTitle, startedAt, endedAt). A record for someone without an"
					+ " accepted place is flagged NO_SIGNUP for the region's operators; one that brings a day above"
					+ " 24 hours is held (review HELD, not counted) and flagged DAY_OVER_24H.")
	RecordResponse record(@AuthenticationPrincipal Actor actor,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestBody RecordRequest request) {
		return RecordResponse.of(this.records.record(actor, new NewRecord(request.volunteerId(), request.activityId(),
				request.startedAt(), request.endedAt(), request.content(), request.reason()), idempotencyKey));
	}

	@GetMapping("/api/v1/records/{id}")
	@Operation(summary = "One record (its volunteer, their organizations' admins, the region's overseers)")
	RecordResponse get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return RecordResponse.of(this.records.view(actor, id));
	}

	@GetMapping("/api/v1/volunteers/me/records")
	@Operation(summary = "The caller's own records, newest first")
	PageResult<RecordResponse> mine(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.records.mine(actor, PageQuery.of(page, size)).map(RecordResponse::of);
	}

	@GetMapping("/api/v1/volunteers/{id}/records")
	@Operation(summary = "A volunteer's records (audited when read by someone else)")
	PageResult<RecordResponse> ofVolunteer(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.records.ofVolunteer(actor, id, PageQuery.of(page, size)).map(RecordResponse::of);
	}

	@GetMapping("/api/v1/volunteers/{id}/records/verification")
	@Operation(summary = "Recompute the volunteer's hash chain and report the first broken record")
	ChainVerification verify(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.chains.verify(actor, id);
	}

	@GetMapping("/api/v1/records/verification")
	@Operation(summary = "Verify the chains of a region's volunteers (operators and auditors)")
	RegionVerification verifyRegion(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode) {
		return this.chains.verifyAll(actor, regionCode);
	}

	@PostMapping("/api/v1/records/{id}/amendments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Ask for a correction of one's own record: hours, or start and end, and a reason",
			description = "201 PENDING; 409 AMENDMENT_PENDING while another request waits.")
	AmendmentResponse requestAmendment(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody AmendmentRequest request) {
		return AmendmentResponse.of(this.amendments.request(actor, id, request.startedAt(), request.endedAt(),
				request.hours(), request.reason()));
	}

	@GetMapping("/api/v1/records/{id}/amendments")
	@Operation(summary = "The corrections asked for on a record, oldest first")
	PageResult<AmendmentResponse> amendments(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.amendments.amendmentsOf(actor, id, PageQuery.of(page, size)).map(AmendmentResponse::of);
	}

	@PostMapping("/api/v1/amendments/{id}/approve")
	@Operation(summary = "Approve a correction (admin of the recording organization)")
	AmendmentResponse approve(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) NoteRequest request) {
		return AmendmentResponse.of(this.amendments.approve(actor, id, (request != null) ? request.note() : null));
	}

	@PostMapping("/api/v1/amendments/{id}/reject")
	@Operation(summary = "Reject a correction (admin of the recording organization)")
	AmendmentResponse reject(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) NoteRequest request) {
		return AmendmentResponse.of(this.amendments.reject(actor, id, (request != null) ? request.note() : null));
	}

	@GetMapping("/api/v1/organizations/{id}/amendments")
	@Operation(summary = "Corrections of the organization's records, by status (default PENDING)")
	PageResult<AmendmentResponse> ofOrganization(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "PENDING") String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		List<FieldProblem> problems = new ArrayList<>();
		AmendmentStatus parsed = Enums.parse(AmendmentStatus.class, status, "status", problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return this.amendments.ofOrganization(actor, id, parsed, PageQuery.of(page, size)).map(AmendmentResponse::of);
	}

	@GetMapping("/api/v1/organizations/{id}/overdue-records")
	@Operation(summary = "Finished activities whose records are more than 10 working days overdue, the longest"
			+ " overdue first")
	PageResult<OverdueActivity> overdue(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.overdue.overdue(actor, id, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/records/overdue")
	@Operation(summary = "Overdue records of every organization in a region (operators and auditors)")
	PageResult<OverdueActivity> overdueInRegion(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.overdue.overdueInRegion(actor, regionCode, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/records/flagged")
	@Operation(operationId = "listFlaggedRecordsInRegion",
			summary = "Flagged and held records of a region's organizations (its operators and auditors)",
			description = "state OPEN (default: FLAGGED and HELD), RESOLVED (CONFIRMED and VOIDED) or ALL; oldest"
					+ " first. Each item has the record, the volunteer's name and number, the reason of a manual"
					+ " entry, and the counted records it overlaps now. The read is audited.")
	@ApiResponse(responseCode = "200", description = "A page of flagged records")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: unknown state")
	@ApiResponse(responseCode = "403", description = "FORBIDDEN: not an operator or auditor of the region")
	PageResult<FlaggedResponse> flaggedInRegion(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
			@RequestParam(defaultValue = "OPEN") String state, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.reviews.inRegion(actor, regionCode, filter(state), PageQuery.of(page, size))
			.map(FlaggedResponse::of);
	}

	@GetMapping("/api/v1/organizations/{id}/flagged-records")
	@Operation(operationId = "listFlaggedRecordsOfOrganization",
			summary = "Flagged and held records of an organization (its admins, the region's overseers)",
			description = "The same items and states as listFlaggedRecordsInRegion. The read is audited.")
	@ApiResponse(responseCode = "200", description = "A page of flagged records")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: unknown state")
	@ApiResponse(responseCode = "403", description = "FORBIDDEN: not an admin or overseer of the organization")
	@ApiResponse(responseCode = "404", description = "ORGANIZATION_NOT_FOUND")
	PageResult<FlaggedResponse> flaggedOfOrganization(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "OPEN") String state, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.reviews.ofOrganization(actor, id, filter(state), PageQuery.of(page, size)).map(FlaggedResponse::of);
	}

	@PostMapping("/api/v1/records/{id}/resolution")
	@Operation(operationId = "resolveFlaggedRecord",
			summary = "Resolve a flagged or held record: count it or void it, with a note",
			description = "A held record (OVERLAP, DAY_OVER_24H) is resolved by an admin of the recording"
					+ " organization or an operator of its region; a record flagged NO_SIGNUP by the region's"
					+ " operators only. Once per record; the resolution is hash-chained onto the record and audited,"
					+ " and the volunteer's totals are recomputed. Returns the record.")
	@ApiResponse(responseCode = "200", description = "The record, review CONFIRMED or VOIDED")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: outcome or note missing or invalid")
	@ApiResponse(responseCode = "403", description = "FORBIDDEN: may not resolve this record")
	@ApiResponse(responseCode = "404", description = "RECORD_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "RECORD_RESOLVED, RECORD_NOT_FLAGGED, or RECORD_OVERLAP (counting"
			+ " it would count time twice; the records in 'conflicts')")
	RecordResponse resolve(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody ResolutionRequest request) {
		RecordOutcome outcome = outcomeOf(request.outcome(), request.note());
		return RecordResponse.of(this.reviews.resolve(actor, id, outcome, request.note()));
	}

	@GetMapping("/api/v1/regions/{code}/star-thresholds")
	@Operation(summary = "Hours for stars 1 to 5 in a region (its own, the nearest ancestor's, or the defaults)")
	ThresholdsResponse thresholds(@PathVariable String code) {
		return ThresholdsResponse.of(code, this.thresholds.of(code));
	}

	@PutMapping("/api/v1/regions/{code}/star-thresholds")
	@Operation(summary = "Set a region's hours for stars 1 to 5 (operator of the region)")
	ThresholdsResponse setThresholds(@AuthenticationPrincipal Actor actor, @PathVariable String code,
			@RequestBody ThresholdsRequest request) {
		return ThresholdsResponse.of(code, this.thresholds.set(actor, code, request.hours()));
	}

	static ReviewFilter filter(String state) {
		List<FieldProblem> problems = new ArrayList<>();
		ReviewFilter filter = Enums.parse(ReviewFilter.class, state, "state", problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return (filter != null) ? filter : ReviewFilter.OPEN;
	}

	/**
	 * The outcome of a resolution, once both fields are known to be valid; 400 names
	 * every bad one.
	 */
	static RecordOutcome outcomeOf(String outcome, String note) {
		List<FieldProblem> problems = new ArrayList<>();
		RecordOutcome parsed = Enums.parse(RecordOutcome.class, outcome, "outcome", problems);
		if (parsed == null && problems.isEmpty()) {
			problems.add(new FieldProblem("outcome", "validation.required"));
		}
		if (note == null || note.isBlank() || note.strip().length() > 500) {
			problems.add(new FieldProblem("note", "validation.record.resolutionNote"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return parsed;
	}

	record RecordRequest(@Schema(requiredMode = REQUIRED) UUID volunteerId,
			@Schema(requiredMode = REQUIRED) UUID activityId, @Schema(requiredMode = REQUIRED) OffsetDateTime startedAt,
			@Schema(requiredMode = REQUIRED) OffsetDateTime endedAt, @Schema(maxLength = 1000) String content,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 500) String reason) {

	}

	/** The corrected hours, or the corrected times (both) instead. */
	record AmendmentRequest(
			@Schema(type = "string", format = "decimal", pattern = RequestFormats.HOURS, example = "2.50",
					description = "0 to 24; required unless startedAt and endedAt are given") BigDecimal hours,
			@Schema(description = "With endedAt, instead of hours") OffsetDateTime startedAt,
			@Schema(description = "With startedAt, instead of hours") OffsetDateTime endedAt,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 500) String reason) {

	}

	record NoteRequest(@Schema(maxLength = 500) String note) {

	}

	/** {@code outcome}: COUNT or VOID; {@code note}: why, up to 500 characters. */
	record ResolutionRequest(@Schema(requiredMode = REQUIRED, implementation = RecordOutcome.class) String outcome,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 500) String note) {

	}

	/**
	 * A flagged record as a reviewer sees it, with the counted records it overlaps now.
	 */
	record FlaggedResponse(RecordResponse record, String volunteerName, String volunteerNumber, String reason,
			List<RecordConflict> conflicts) {

		static FlaggedResponse of(FlaggedRecord f) {
			return new FlaggedResponse(RecordResponse.of(f.record()), f.volunteerName(), f.volunteerNumber(),
					f.reason(), f.conflicts());
		}

	}

	/** The hours of the five star levels, in order. */
	record ThresholdsRequest(@ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED), minItems = 5, maxItems = 5,
			schema = @Schema(type = "string", format = "decimal", pattern = RequestFormats.HOURS,
					example = "100.00")) List<BigDecimal> hours) {

	}

	record ThresholdsResponse(String regionCode, List<String> hours) {

		static ThresholdsResponse of(String code, List<BigDecimal> hours) {
			return new ThresholdsResponse(code, hours.stream().map(BigDecimal::toPlainString).toList());
		}

	}

	/**
	 * A record with its hours as decimal strings; {@code flags} are the anomalies found
	 * when it was made, {@code review} where it stands (NONE, FLAGGED, HELD, CONFIRMED,
	 * VOIDED) and {@code counted} whether its hours count in the volunteer's totals.
	 */
	record RecordResponse(UUID id, UUID volunteerId, UUID activityId, String activityTitle, UUID organizationId,
			String organizationName, String place, String content, OffsetDateTime startedAt, OffsetDateTime endedAt,
			String hours, String effectiveHours, RecordMethod method, OffsetDateTime recordedAt, RecordStatus status,
			List<RecordFlag> flags, RecordReview review, boolean counted) {

		static RecordResponse of(ServiceRecordView r) {
			return new RecordResponse(r.id(), r.volunteerId(), r.activityId(), r.activityTitle(), r.organizationId(),
					r.organizationName(), r.place(), r.content(), r.startedAt(), r.endedAt(), r.hours().toPlainString(),
					r.effectiveHours().toPlainString(), r.method(), r.recordedAt(), r.status(), r.flags(), r.review(),
					r.counted());
		}

	}

	/** A correction with its hours as decimal strings. */
	record AmendmentResponse(UUID id, UUID recordId, UUID volunteerId, String activityTitle, String originalHours,
			OffsetDateTime startedAt, OffsetDateTime endedAt, String hours, String reason, AmendmentStatus status,
			OffsetDateTime requestedAt, OffsetDateTime decidedAt, String decisionNote) {

		static AmendmentResponse of(AmendmentView a) {
			return new AmendmentResponse(a.id(), a.recordId(), a.volunteerId(), a.activityTitle(),
					a.originalHours().toPlainString(), a.startedAt(), a.endedAt(), a.hours().toPlainString(),
					a.reason(), a.status(), a.requestedAt(), a.decidedAt(), a.decisionNote());
		}

	}

}
