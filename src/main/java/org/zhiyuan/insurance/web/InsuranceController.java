package org.zhiyuan.insurance.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.zhiyuan.access.Actor;
import org.zhiyuan.insurance.InsurancePolicies;
import org.zhiyuan.insurance.InsurancePolicies.Insured;
import org.zhiyuan.insurance.InsuredImport;
import org.zhiyuan.insurance.InsuredSheet;
import org.zhiyuan.insurance.InsuredView;
import org.zhiyuan.insurance.NewPolicy;
import org.zhiyuan.insurance.PolicyView;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Insurance per API.md: an organization's policies, the volunteers insured under each (by
 * id, from an Excel sheet, or all accepted volunteers of an activity), and the insured
 * list as JSON pages or an Excel workbook.
 */
@RestController
@Tag(name = "Insurance")
class InsuranceController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final InsurancePolicies insurance;

	InsuranceController(InsurancePolicies insurance) {
		this.insurance = insurance;
	}

	@PostMapping("/api/v1/insurance-policies")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Enter an accident insurance policy of an organization (its admins)",
			description = "The policy covers whole days, China time, from startsOn to endsOn (at most five years)."
					+ " 409 POLICY_NUMBER_TAKEN when the organization entered that number before.")
	PolicyResponse create(@AuthenticationPrincipal Actor actor, @RequestBody PolicyRequest request) {
		return PolicyResponse.of(this.insurance.create(actor, new NewPolicy(request.organizationId(), request.insurer(),
				request.policyNumber(), request.startsOn(), request.endsOn(), request.coverage())));
	}

	@GetMapping("/api/v1/insurance-policies/{id}")
	@Operation(summary = "A policy (its organization's admins, the region's overseers)")
	PolicyResponse get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return PolicyResponse.of(this.insurance.view(actor, id));
	}

	@GetMapping("/api/v1/organizations/{id}/insurance-policies")
	@Operation(summary = "An organization's policies, latest ending first (its admins, the region's overseers)")
	PageResult<PolicyResponse> ofOrganization(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.insurance.ofOrganization(actor, id, PageQuery.of(page, size)).map(PolicyResponse::of);
	}

	@PostMapping("/api/v1/insurance-policies/{id}/insured")
	@Operation(summary = "Insure volunteers under the policy, all or none (its organization's admins)",
			description = "Each must be an active member of the organization or accepted for one of its activities,"
					+ " else 422 NOT_INSURABLE and nobody is added. Insuring someone twice counts once: insured is"
					+ " how many different volunteers the request named, added how many of them were new.")
	InsuredResponse insure(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody InsureRequest request) {
		return InsuredResponse.of(this.insurance.insure(actor, id, request.volunteerIds()));
	}

	@GetMapping("/api/v1/insurance-policies/{id}/insured")
	@Operation(summary = "The volunteers insured under the policy (its organization's admins, the region's"
			+ " overseers; audited); ID numbers and phones masked")
	PageResult<InsuredView> insured(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.insurance.insured(actor, id, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/insurance-policies/{id}/insured.xlsx")
	@Operation(summary = "The insured list as an Excel workbook, for the insurer (as the list above)")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The file",
			content = @io.swagger.v3.oas.annotations.media.Content(
					mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
					schema = @Schema(type = "string", format = "binary")))
	ResponseEntity<byte[]> insuredSheet(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return sheet(this.insurance, actor, id);
	}

	@PostMapping(path = "/api/v1/insurance-policies/{id}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Insure the volunteers an Excel sheet names (its organization's admins)",
			description = "One volunteer number or phone a row in the first column (the template is at"
					+ " /insurance/import-template.xlsx). Rows naming someone who is neither a member nor an"
					+ " accepted volunteer of the organization are reported and skipped; the others are insured."
					+ " Phones in the report are masked.")
	InsuredImport importSheet(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) MultipartFile file) {
		return this.insurance.importSheet(actor, id, bytesOf(file));
	}

	@PostMapping("/api/v1/activities/{id}/insurance")
	@Operation(summary = "Insure every volunteer accepted for the activity under a policy (its organization's admins)",
			description = "The policy must be the activity's organization's and cover every day of the activity,"
					+ " else 422 POLICY_NOT_COVERING naming the first day it misses.")
	InsuredResponse insureAccepted(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody ActivityInsuranceRequest request) {
		return InsuredResponse.of(this.insurance.insureAccepted(actor, id, request.policyId()));
	}

	/** Every insured volunteer of the policy as a workbook; every page is read first. */
	static ResponseEntity<byte[]> sheet(InsurancePolicies insurance, Actor actor, UUID id) {
		PolicyView policy = insurance.view(actor, id);
		List<InsuredView> all = new ArrayList<>();
		PageResult<InsuredView> page;
		int number = 0;
		do {
			page = insurance.insured(actor, id, PageQuery.of(number++, PageQuery.MAX_SIZE));
			all.addAll(page.items());
		}
		while (number < page.totalPages());
		return ResponseEntity.ok()
			.contentType(XLSX)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("insured-" + policy.policyNumber() + ".xlsx")
						.build()
						.toString())
			.body(InsuredSheet.list(policy, all));
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

	@Schema(name = "InsurancePolicyRequest")
	record PolicyRequest(@Schema(requiredMode = REQUIRED) UUID organizationId,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 100) String insurer,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 64,
					pattern = "^[A-Za-z0-9][A-Za-z0-9/_.-]{0,63}$",
					description = "Letters, digits and / _ . -") String policyNumber,
			@Schema(requiredMode = REQUIRED) LocalDate startsOn,
			@Schema(requiredMode = REQUIRED,
					description = "Not before startsOn, at most five years after it") LocalDate endsOn,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 500,
					description = "What the policy pays for, e.g. accidental death and disability 500,000 yuan") String coverage) {

	}

	record InsureRequest(@Size(max = 500) @ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED),
			minItems = 1) List<UUID> volunteerIds) {

	}

	record ActivityInsuranceRequest(@Schema(requiredMode = REQUIRED) UUID policyId) {

	}

	@Schema(name = "InsurancePolicy")
	record PolicyResponse(UUID id, UUID organizationId, String insurer, String policyNumber, LocalDate startsOn,
			LocalDate endsOn, String coverage, long insuredCount, OffsetDateTime createdAt) {

		static PolicyResponse of(PolicyView p) {
			return new PolicyResponse(p.id(), p.organizationId(), p.insurer(), p.policyNumber(), p.startsOn(),
					p.endsOn(), p.coverage(), p.insuredCount(), p.createdAt());
		}

	}

	record InsuredResponse(int insured, int added) {

		static InsuredResponse of(Insured insured) {
			return new InsuredResponse(insured.insured(), insured.added());
		}

	}

}
