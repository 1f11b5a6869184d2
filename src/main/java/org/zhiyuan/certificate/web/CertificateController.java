package org.zhiyuan.certificate.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.certificate.CertificateRequest;
import org.zhiyuan.certificate.CertificateVerification;
import org.zhiyuan.certificate.CertificateView;
import org.zhiyuan.certificate.Certificates;
import org.zhiyuan.certificate.IssuerKind;
import org.zhiyuan.certificate.UploadCheck;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.PublicUrl;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * Certificates per API.md: issue, download, public verification by number or by file,
 * revocation, the volunteer's and the organization's lists, and the organization's seal.
 */
@RestController
@Tag(name = "Certificates")
class CertificateController {

	private final Certificates certificates;

	private final PublicUrl publicUrl;

	CertificateController(Certificates certificates, PublicUrl publicUrl) {
		this.certificates = certificates;
		this.publicUrl = publicUrl;
	}

	@PostMapping("/api/v1/certificates")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(
			summary = "Issue a service record certificate (the volunteer, or an admin of an organization they served)",
			description = "Covers the records that started between from and to (China time, both days included)."
					+ " organizationId limits it to the records that organization certifies (its own, and those of"
					+ " dissolved organizations it succeeds); an admin of several such organizations must name one."
					+ " seal stamps that organization's seal. language is zh (default) or en. With an"
					+ " Idempotency-Key a repeat returns the first certificate. 422 NO_RECORDS when nothing is"
					+ " recorded in the period; 503 RENDERING_BUSY when the renderers stay busy: retry.")
	IssuedResponse issue(@AuthenticationPrincipal Actor actor,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestBody IssueRequest request) {
		CertificateView issued = this.certificates.issue(
				actor, new CertificateRequest(request.volunteerId(), request.from(), request.to(),
						request.organizationId(), request.language(), Boolean.TRUE.equals(request.seal())),
				idempotencyKey);
		return IssuedResponse.of(issued, baseUrl());
	}

	@GetMapping("/api/v1/certificates/{number}/pdf")
	@Operation(summary = "The signed PDF exactly as issued (its volunteer, its organization's admins, overseers)")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The file",
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/pdf",
					schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal Actor actor, @PathVariable String number) {
		return pdfResponse(number, this.certificates.pdf(actor, number));
	}

	@GetMapping("/api/v1/certificates/{number}")
	@Operation(summary = "A registry entry (its volunteer, its organization's admins, overseers)")
	CertificateResponse get(@AuthenticationPrincipal Actor actor, @PathVariable String number) {
		return CertificateResponse.of(this.certificates.view(actor, number), baseUrl());
	}

	@GetMapping("/api/v1/certificates/{number}/verification")
	@Operation(summary = "Verify a certificate by its number (anyone); 404 for an unknown number",
			description = "Shows no personal data beyond the masked name. valid is false once revoked.")
	VerificationResponse verification(@PathVariable String number) {
		return VerificationResponse.of(this.certificates.verification(number));
	}

	@PostMapping(path = "/api/v1/certificates/verification", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Check an uploaded PDF against the registry (anyone)",
			description = "outcome is MATCH (byte for byte the issued file), ALTERED (names a certificate but its"
					+ " content differs), UNKNOWN or NOT_A_PDF; signatureValid tells whether the platform's"
					+ " signature covers the whole file intact.")
	UploadResponse checkUpload(@RequestParam(required = false) MultipartFile file) {
		UploadCheck check = this.certificates.checkUpload(bytesOf(file));
		return new UploadResponse(check.outcome(), check.signatureValid(),
				(check.certificate() != null) ? VerificationResponse.of(check.certificate()) : null);
	}

	@PostMapping("/api/v1/certificates/{number}/revocation")
	@Operation(summary = "Revoke a certificate with a reason (its volunteer for one they printed, its"
			+ " organization's admins, the volunteer's region's operators)")
	CertificateResponse revoke(@AuthenticationPrincipal Actor actor, @PathVariable String number,
			@RequestBody ReasonRequest request) {
		return CertificateResponse.of(this.certificates.revoke(actor, number, request.reason()), baseUrl());
	}

	@GetMapping("/api/v1/volunteers/me/certificates")
	@Operation(summary = "The caller's certificates, newest first")
	PageResult<CertificateResponse> mine(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		String base = baseUrl();
		return this.certificates.mine(actor, PageQuery.of(page, size)).map((c) -> CertificateResponse.of(c, base));
	}

	@GetMapping("/api/v1/organizations/{id}/certificates")
	@Operation(summary = "Certificates issued under an organization's name (its admins, its region's overseers)")
	PageResult<CertificateResponse> ofOrganization(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		String base = baseUrl();
		return this.certificates.ofOrganization(actor, id, PageQuery.of(page, size))
			.map((c) -> CertificateResponse.of(c, base));
	}

	@PutMapping(path = "/api/v1/organizations/{id}/seal", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Upload or replace the organization's seal image (PNG or JPEG, at most 512 KB; its admins)")
	void uploadSeal(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) MultipartFile file) {
		this.certificates.uploadSeal(actor, id, bytesOf(file));
	}

	@DeleteMapping("/api/v1/organizations/{id}/seal")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove the organization's seal image (its admins)")
	void removeSeal(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		this.certificates.removeSeal(actor, id);
	}

	static ResponseEntity<byte[]> pdfResponse(String number, byte[] pdf) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(number + ".pdf").build().toString())
			.body(pdf);
	}

	static byte[] bytesOf(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw ProblemException.invalid(List.of(new FieldProblem("file", "validation.required")));
		}
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw ProblemException.invalid(List.of(new FieldProblem("file", "validation.unreadableValue")));
		}
	}

	private String baseUrl() {
		return this.publicUrl.base();
	}

	record IssueRequest(@Schema(requiredMode = REQUIRED) UUID volunteerId,
			@Schema(requiredMode = REQUIRED) LocalDate from, @Schema(requiredMode = REQUIRED) LocalDate to,
			UUID organizationId, @Schema(allowableValues = {
					"zh", "en" }, description = "Default zh") String language,
			Boolean seal){

	}

	@Schema(name = "RevocationRequest")
	record ReasonRequest(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 500) String reason) {

	}

	/** Hours as a decimal string with two places, like every other hours figure. */
	record VerificationResponse(boolean valid, String number, String issuer, String volunteerName, String totalHours,
			LocalDate periodFrom, LocalDate periodTo, int recordCount, OffsetDateTime issuedAt, boolean revoked,
			OffsetDateTime revokedAt) {

		static VerificationResponse of(CertificateVerification v) {
			return new VerificationResponse(v.valid(), v.number(), v.issuer(), v.volunteerName(),
					v.totalHours().toPlainString(), v.periodFrom(), v.periodTo(), v.recordCount(), v.issuedAt(),
					v.revoked(), v.revokedAt());
		}

	}

	record UploadResponse(UploadCheck.Outcome outcome, boolean signatureValid, VerificationResponse certificate) {

	}

	record IssuedResponse(String number, String downloadUrl, String verifyUrl, String issuer, String totalHours,
			int recordCount, OffsetDateTime issuedAt) {

		static IssuedResponse of(CertificateView view, String base) {
			return new IssuedResponse(view.number(), base + "/api/v1/certificates/" + view.number() + "/pdf",
					base + "/verify/" + view.number(), view.issuerName(), view.totalHours().toPlainString(),
					view.recordCount(), view.issuedAt());
		}

	}

	record CertificateResponse(String number, UUID volunteerId, String volunteerName, String volunteerNumber,
			IssuerKind issuerKind, UUID organizationId, String issuer, LocalDate periodFrom, LocalDate periodTo,
			String language, boolean withSeal, int recordCount, String totalHours, String contentHash,
			OffsetDateTime issuedAt, boolean revoked, OffsetDateTime revokedAt, String revocationReason,
			String downloadUrl, String verifyUrl) {

		static CertificateResponse of(CertificateView view, String base) {
			return new CertificateResponse(view.number(), view.volunteerId(), view.volunteerName(),
					view.volunteerNumber(), view.issuerKind(), view.organizationId(), view.issuerName(),
					view.periodFrom(), view.periodTo(), view.language(), view.withSeal(), view.recordCount(),
					view.totalHours().toPlainString(), view.contentHash(), view.issuedAt(), view.isRevoked(),
					view.revokedAt(), view.revocationReason(), base + "/api/v1/certificates/" + view.number() + "/pdf",
					base + "/verify/" + view.number());
		}

	}

}
