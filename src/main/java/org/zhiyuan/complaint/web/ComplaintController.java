package org.zhiyuan.complaint.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.complaint.ComplaintCategory;
import org.zhiyuan.complaint.ComplaintOutcome;
import org.zhiyuan.complaint.ComplaintStatus;
import org.zhiyuan.complaint.ComplaintSubjectType;
import org.zhiyuan.complaint.ComplaintView;
import org.zhiyuan.complaint.Complaints;
import org.zhiyuan.complaint.NewComplaint;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Complaints and reports (C18): filing, following one's own, and the region's operators
 * assigning, investigating and resolving them.
 */
@RestController
@Tag(name = "Complaints")
class ComplaintController {

	private final Complaints complaints;

	ComplaintController(Complaints complaints) {
		this.complaints = complaints;
	}

	@PostMapping("/api/v1/complaints")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "File a complaint or report about an organization, an activity or a volunteer (signed in)",
			description = "The region is the subject's. The category is OTHER when absent; ILLEGAL_ACTIVITY is"
					+ " profit-making or unlawful activity under the name of volunteer service. The deadline is the"
					+ " configured number of days from now. With an Idempotency-Key header a repeat by the same"
					+ " person returns the first. The complainant is never shown to the subject.")
	@ApiResponse(responseCode = "400",
			description = "VALIDATION_FAILED: subjectType, subjectId, category, description, contactPhone")
	@ApiResponse(responseCode = "404", description = "SUBJECT_NOT_FOUND")
	@ApiResponse(responseCode = "422", description = "OWN_SUBJECT: a complaint about oneself")
	ComplaintView file(@AuthenticationPrincipal Actor actor, @RequestBody NewComplaintRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		return this.complaints.file(actor, new NewComplaint(request.subjectType(), request.subjectId(),
				request.category(), request.description(), request.contactPhone()), idempotencyKey);
	}

	@GetMapping("/api/v1/complaints/{id}")
	@Operation(summary = "A complaint with its timeline (the complainant, the operators and auditors of its region)")
	@ApiResponse(responseCode = "404", description = "COMPLAINT_NOT_FOUND")
	ComplaintView complaint(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.complaints.view(actor, id);
	}

	@GetMapping("/api/v1/me/complaints")
	@Operation(summary = "The caller's complaints, newest first")
	PageResult<ComplaintView> mine(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.complaints.mine(actor, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/complaints")
	@Operation(summary = "The complaints of a region and the regions below it (its operators and auditors)",
			description = "Open ones first, by deadline; overdue=true keeps the open ones past their deadline.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: status, page, size")
	@ApiResponse(responseCode = "404", description = "REGION_NOT_FOUND")
	PageResult<ComplaintView> ofRegion(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
			@Parameter(schema = @Schema(implementation = ComplaintStatus.class)) @RequestParam(
					required = false) String status,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		List<FieldProblem> problems = new java.util.ArrayList<>();
		ComplaintStatus parsed = Enums.parse(ComplaintStatus.class, status, "status", problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return this.complaints.ofRegion(actor, regionCode, parsed, Boolean.TRUE.equals(overdue),
				PageQuery.of(page, size));
	}

	@PostMapping("/api/v1/complaints/{id}/assignment")
	@Operation(summary = "Assign a complaint to an operator of its region (an operator of its region or above)",
			description = "The assignee may be the caller; assigning again hands an open complaint over.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: assigneeId (not an operator of the region)")
	@ApiResponse(responseCode = "404", description = "COMPLAINT_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: resolved")
	ComplaintView assign(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody ComplaintAssignmentRequest request) {
		return this.complaints.assign(actor, id, request.assigneeId());
	}

	@PostMapping("/api/v1/complaints/{id}/investigation")
	@Operation(summary = "Start investigating an assigned complaint (an operator of its region)")
	@ApiResponse(responseCode = "404", description = "COMPLAINT_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: not assigned")
	ComplaintView investigate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.complaints.investigate(actor, id);
	}

	@PostMapping("/api/v1/complaints/{id}/resolution")
	@Operation(summary = "Resolve a complaint under investigation (an operator of its region)",
			description = "UPHELD warns the organization complained of, or the activity's organization (its"
					+ " supervision history), and counts against the credit of the volunteer complained of.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: outcome, note")
	@ApiResponse(responseCode = "404", description = "COMPLAINT_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: not under investigation")
	ComplaintView resolve(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody ComplaintResolutionRequest request) {
		return this.complaints.resolve(actor, id, request.outcome(), request.note());
	}

	/** A complaint as filed. */
	record NewComplaintRequest(
			@Schema(requiredMode = REQUIRED, implementation = ComplaintSubjectType.class) String subjectType,
			@Schema(requiredMode = REQUIRED, format = "uuid") String subjectId,
			@Schema(implementation = ComplaintCategory.class) String category,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 2000) String description,
			@Schema(description = "A mainland mobile number to reach the complainant",
					pattern = RequestFormats.MOBILE_PHONE) String contactPhone) {

	}

	/** Who handles a complaint. */
	record ComplaintAssignmentRequest(@Schema(requiredMode = REQUIRED, format = "uuid",
			description = "The account of an operator of the complaint's region") String assigneeId) {

	}

	/** How a complaint ends. */
	record ComplaintResolutionRequest(
			@Schema(requiredMode = REQUIRED, implementation = ComplaintOutcome.class) String outcome,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 500) String note) {

	}

}
