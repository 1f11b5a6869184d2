package org.zhiyuan.complaint.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.complaint.ComplaintAttachments;
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

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Complaints and reports (C18): filing, following one's own, and the region's operators
 * assigning, investigating and resolving them.
 */
@RestController
@Tag(name = "Complaints")
class ComplaintController {

	/** The header that carries an anonymous report's tracking code. */
	static final String TRACKING_HEADER = "Complaint-Tracking-Code";

	private final Complaints complaints;

	private final ComplaintAttachments attachments;

	ComplaintController(Complaints complaints, ComplaintAttachments attachments) {
		this.complaints = complaints;
		this.attachments = attachments;
	}

	@PostMapping("/api/v1/complaints")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "File a complaint or report about an organization, an activity or a volunteer",
			description = "Signed in, or anonymously with a contact phone (and optionally a name): the answer to an"
					+ " anonymous report carries its trackingCode, shown once, to follow it and add evidence with."
					+ " The region is the subject's. The category is OTHER when absent; ILLEGAL_ACTIVITY is"
					+ " profit-making or unlawful activity under the name of volunteer service. The deadline is the"
					+ " configured number of days from now. With an Idempotency-Key header a repeat by the same"
					+ " person (or contact phone) returns the first. The complainant is never shown to the subject.")
	@ApiResponse(responseCode = "400",
			description = "VALIDATION_FAILED: subjectType, subjectId, category,"
					+ " description, contactPhone (required when anonymous), contactName")
	@ApiResponse(responseCode = "404", description = "SUBJECT_NOT_FOUND")
	@ApiResponse(responseCode = "422", description = "OWN_SUBJECT: a complaint about oneself")
	@ApiResponse(responseCode = "429", description = "TOO_MANY_REPORTS: a contact phone's anonymous reports in a day")
	ComplaintView file(@AuthenticationPrincipal Actor actor, @RequestBody NewComplaintRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		return this.complaints.file(actor, new NewComplaint(request.subjectType(), request.subjectId(),
				request.category(), request.description(), request.contactPhone(), request.contactName()),
				idempotencyKey);
	}

	@PostMapping("/api/v1/complaints/tracking")
	@Operation(summary = "Follow an anonymous report by its tracking code (anyone holding the code)",
			description = "The code travels in the body so that it stays out of addresses and logs.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: trackingCode")
	@ApiResponse(responseCode = "404", description = "COMPLAINT_NOT_FOUND")
	ComplaintView track(@RequestBody TrackingRequest request) {
		return this.complaints.track(request.trackingCode());
	}

	@PostMapping(path = "/api/v1/complaints/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Attach evidence to an open complaint (its complainant, or the holder of its tracking code)",
			description = "A photo (JPEG, PNG, WebP) or a PDF, told by its content, of at most 5 MB; at most 4 per"
					+ " complaint. Anonymous visitors send the tracking code in the " + TRACKING_HEADER + " header.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: file (empty, too large or another kind)")
	@ApiResponse(responseCode = "404", description = "COMPLAINT_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: resolved; TOO_MANY_ATTACHMENTS")
	ComplaintView attach(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) MultipartFile file,
			@RequestHeader(name = TRACKING_HEADER, required = false) String trackingCode) throws IOException {
		return this.attachments.attach(actor, id, trackingCode, (file != null) ? file.getOriginalFilename() : null,
				(file != null) ? file.getBytes() : null);
	}

	@GetMapping("/api/v1/complaints/{id}/attachments/{position}")
	@Operation(summary = "One file attached to a complaint (the complainant or the tracking code's holder, the"
			+ " operators and auditors of its region)")
	@ApiResponse(responseCode = "200", description = "The file",
			content = { @Content(mediaType = "image/jpeg"), @Content(mediaType = "image/png"),
					@Content(mediaType = "image/webp"), @Content(mediaType = "application/pdf") })
	@ApiResponse(responseCode = "404", description = "COMPLAINT_NOT_FOUND, ATTACHMENT_NOT_FOUND")
	ResponseEntity<byte[]> attachment(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@PathVariable int position, @RequestHeader(name = TRACKING_HEADER, required = false) String trackingCode) {
		return served(this.attachments.file(actor, id, position, trackingCode));
	}

	/** An attached file as a private download: never cached, never guessed at. */
	static ResponseEntity<byte[]> served(ComplaintAttachments.AttachmentFile file) {
		boolean image = file.contentType().startsWith("image/");
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.cacheControl(CacheControl.noStore().cachePrivate())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.builder(image ? "inline" : "attachment")
						.filename(file.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(file.content());
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
			@Schema(description = "A mainland mobile number to reach the complainant; required when anonymous",
					pattern = RequestFormats.MOBILE_PHONE) String contactPhone,
			@Schema(description = "How to address an anonymous complainant (not kept when signed in)",
					maxLength = 50) String contactName) {

	}

	/** The code an anonymous report is followed with. */
	record TrackingRequest(@Schema(requiredMode = REQUIRED, example = "K7QM-3XRT-9HWA", minLength = 1, maxLength = 20,
			description = "Twelve letters and digits, dashes and spaces ignored") String trackingCode) {

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
