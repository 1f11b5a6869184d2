package org.zhiyuan.erasure.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.erasure.ErasureDecision;
import org.zhiyuan.erasure.ErasureRequestView;
import org.zhiyuan.erasure.ErasureScope;
import org.zhiyuan.erasure.ErasureStatus;
import org.zhiyuan.erasure.Erasures;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Erasure requests (C18, PIPL art. 47): the volunteer's request and withdrawal, and the
 * review by the operators of their region, whose approval carries the erasure out.
 */
@RestController
@Tag(name = "Erasure requests")
class ErasureController {

	private final Erasures erasures;

	ErasureController(Erasures erasures) {
		this.erasures = erasures;
	}

	@PostMapping("/api/v1/me/erasure-requests")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Ask for the erasure of one's data (the signed-in volunteer)",
			description = "PROFILE erases everything not needed for the service records; ALL also erases, once"
					+ " their retention has ended (10 years after the last service record), what identifies the"
					+ " volunteer in the records. One open request at a time. With an Idempotency-Key header a repeat"
					+ " returns the first request.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: scope, reason, Idempotency-Key")
	@ApiResponse(responseCode = "404", description = "NOT_A_VOLUNTEER")
	@ApiResponse(responseCode = "409", description = "OPEN_REQUEST: another request is queued")
	ErasureRequestView request(@AuthenticationPrincipal Actor actor, @RequestBody ErasureRequestRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		return this.erasures.request(actor, request.scope(), request.reason(), idempotencyKey);
	}

	@GetMapping("/api/v1/me/erasure-requests")
	@Operation(summary = "The caller's erasure requests, newest first")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: page, size")
	@ApiResponse(responseCode = "404", description = "NOT_A_VOLUNTEER")
	PageResult<ErasureRequestView> mine(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.erasures.mine(actor, PageQuery.of(page, size));
	}

	@PostMapping("/api/v1/me/erasure-requests/{id}/withdrawal")
	@Operation(summary = "Withdraw one's own queued erasure request")
	@ApiResponse(responseCode = "404", description = "ERASURE_REQUEST_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: no longer queued")
	ErasureRequestView withdraw(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.erasures.withdraw(actor, id);
	}

	@GetMapping("/api/v1/erasure-requests")
	@Operation(summary = "The erasure requests of a region and the regions below it (its operators and auditors)",
			description = "Queued ones first, oldest first. Without regionCode, those of every region the caller"
					+ " operates or audits.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: status, page, size")
	@ApiResponse(responseCode = "404", description = "REGION_NOT_FOUND")
	PageResult<ErasureRequestView> ofRegion(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) String regionCode,
			@Parameter(schema = @Schema(implementation = ErasureStatus.class)) @RequestParam(
					required = false) String status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		List<FieldProblem> problems = new java.util.ArrayList<>();
		ErasureStatus parsed = Enums.parse(ErasureStatus.class, status, "status", problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return this.erasures.ofRegion(actor, regionCode, parsed, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/erasure-requests/{id}")
	@Operation(
			summary = "An erasure request with its review sheet (the volunteer, the operators and auditors of"
					+ " their region)",
			description = "While queued the sheet is computed from the data now: what is erased, what is kept and"
					+ " until when, what blocks (a sign-up in progress, a service under way). Once carried out it is"
					+ " what was done.")
	@ApiResponse(responseCode = "404", description = "ERASURE_REQUEST_NOT_FOUND")
	ErasureRequestView reviewSheet(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.erasures.view(actor, id);
	}

	@PostMapping("/api/v1/erasure-requests/{id}/decision")
	@Operation(summary = "Approve or refuse a queued erasure request (an operator of the volunteer's region)",
			description = "A refusal needs a note. An approval carries the erasure out at once: the account closes"
					+ " and the volunteer's personal data is erased, the service records kept.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: decision, note")
	@ApiResponse(responseCode = "404", description = "ERASURE_REQUEST_NOT_FOUND")
	@ApiResponse(responseCode = "409",
			description = "INVALID_STATE: no longer queued; OPEN_OBLIGATIONS: a sign-up or a service under way")
	ErasureRequestView decide(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody ErasureDecisionRequest request) {
		return this.erasures.decide(actor, id, request.decision(), request.note());
	}

	/** An erasure request as asked. */
	record ErasureRequestRequest(@Schema(requiredMode = REQUIRED, implementation = ErasureScope.class) String scope,
			@Schema(maxLength = 500) String reason) {

	}

	/** A reviewer's decision. */
	record ErasureDecisionRequest(
			@Schema(requiredMode = REQUIRED, implementation = ErasureDecision.class) String decision,
			@Schema(maxLength = 500, description = "Required for REFUSE") String note) {

	}

}
