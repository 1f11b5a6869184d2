package org.zhiyuan.volunteer.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.zhiyuan.access.Actor;
import org.zhiyuan.shared.RequestFormats;
import org.zhiyuan.shared.identity.Gender;
import org.zhiyuan.shared.identity.IdType;
import org.zhiyuan.volunteer.AvailabilitySlot;
import org.zhiyuan.volunteer.Contact;
import org.zhiyuan.volunteer.PartyReportIn;
import org.zhiyuan.volunteer.ProfessionalField;
import org.zhiyuan.volunteer.ProfileChange;
import org.zhiyuan.volunteer.Qualification;
import org.zhiyuan.volunteer.VolunteerCategory;
import org.zhiyuan.volunteer.VolunteerDataExport;
import org.zhiyuan.volunteer.VolunteerProfile;
import org.zhiyuan.volunteer.VolunteerRegistration;
import org.zhiyuan.volunteer.VolunteerStatus;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Volunteers per API.md: anonymous self-registration, the caller's own record and
 * profile, others' records for those allowed (audited), the data export and
 * deregistration.
 */
@RestController
@RequestMapping("/api/v1/volunteers")
@Tag(name = "Volunteers")
class VolunteerController {

	private final VolunteerRegistration registration;

	private final Volunteers volunteers;

	private final VolunteerSpreadsheets spreadsheets;

	VolunteerController(VolunteerRegistration registration, Volunteers volunteers, VolunteerSpreadsheets spreadsheets) {
		this.registration = registration;
		this.volunteers = volunteers;
		this.spreadsheets = spreadsheets;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@SecurityRequirements
	@Operation(summary = "Register as a volunteer under one's real name",
			description = "400 with every invalid field; 409 VOLUNTEER_EXISTS for an ID number already registered,"
					+ " 409 PHONE_REGISTERED for a phone number in use. Under 18 a guardian is required.")
	VolunteerResponse register(@Valid @RequestBody VolunteerRequests.Registration request) {
		return VolunteerResponse.of(this.registration.register(request.toNewVolunteer()));
	}

	@GetMapping
	@Operation(summary = "Volunteers of a region and below, for its operators and auditors (audited)",
			description = "q matches the name (contains), the volunteer number or the phone (exact).")
	org.zhiyuan.shared.PageResult<VolunteerResponse> search(@AuthenticationPrincipal Actor actor,
			@RequestParam String regionCode, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.volunteers.search(actor, regionCode, q, org.zhiyuan.shared.PageQuery.of(page, size))
			.map(VolunteerResponse::of);
	}

	@GetMapping("/me")
	@Operation(summary = "The caller's own volunteer record")
	VolunteerResponse me(@AuthenticationPrincipal Actor actor) {
		return VolunteerResponse.of(this.volunteers.mine(actor));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A volunteer's record: for the volunteer, admins of their organizations and operators"
			+ " or auditors of their region (audited); 403 for anyone else")
	VolunteerResponse get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return VolunteerResponse.of(this.volunteers.read(actor, id));
	}

	@GetMapping("/me/profile")
	@Operation(summary = "The caller's whole profile")
	VolunteerProfile myProfile(@AuthenticationPrincipal Actor actor) {
		return this.volunteers.myProfile(actor);
	}

	@GetMapping("/{id}/profile")
	@Operation(summary = "A volunteer's whole profile, for those allowed (audited)")
	VolunteerProfile profile(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.volunteers.profile(actor, id);
	}

	@PutMapping("/me/profile")
	@Operation(summary = "Change the caller's profile: region, categories, fields, skills, languages,"
			+ " availability, emergency contact")
	VolunteerProfile changeProfile(@AuthenticationPrincipal Actor actor, @Valid @RequestBody ProfileRequest request) {
		return this.volunteers.changeProfile(actor,
				new ProfileChange(request.regionCode(), request.categories(), request.fields(), request.skills(),
						request.languages(), request.availability(),
						(request.emergencyContact() != null) ? request.emergencyContact().toContact() : null));
	}

	@PostMapping("/me/qualifications")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a qualification the caller holds")
	Qualification addQualification(@AuthenticationPrincipal Actor actor,
			@Valid @RequestBody QualificationRequest request) {
		return this.volunteers.addQualification(actor, request.name(), request.issuer(), request.expiresOn());
	}

	@DeleteMapping("/me/qualifications/{qualificationId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove one of the caller's qualifications")
	void removeQualification(@AuthenticationPrincipal Actor actor, @PathVariable UUID qualificationId) {
		this.volunteers.removeQualification(actor, qualificationId);
	}

	@PostMapping("/{id}/qualifications/{qualificationId}/confirmation")
	@Operation(operationId = "confirmQualification",
			summary = "Confirm a qualification the volunteer typed in, so that it meets positions' requirements",
			description = "For an admin of an organization the volunteer is an active member of, or an operator of"
					+ " their region; never the volunteer themselves (403). 404 QUALIFICATION_NOT_FOUND; 409"
					+ " QUALIFICATION_CONFIRMED when it was confirmed or granted already. Audited.")
	Qualification confirmQualification(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@PathVariable UUID qualificationId) {
		return this.volunteers.confirmQualification(actor, id, qualificationId);
	}

	@PostMapping("/me/party-report-ins")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record that the caller, a party member, reported to a community (双报到)")
	PartyReportIn reportIn(@AuthenticationPrincipal Actor actor, @Valid @RequestBody ReportInRequest request) {
		return this.volunteers.reportToCommunity(actor, request.regionCode(), request.communityName(),
				request.reportedOn());
	}

	@GetMapping("/me/export")
	@Operation(summary = "Everything held on the caller, as JSON")
	ResponseEntity<VolunteerDataExport> export(@AuthenticationPrincipal Actor actor) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"zhiyuan-my-data.json\"")
			.body(this.volunteers.export(actor));
	}

	@GetMapping("/me/export.xlsx")
	@Operation(summary = "Everything held on the caller, as an Excel workbook")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The file",
			content = @io.swagger.v3.oas.annotations.media.Content(
					mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
					schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
	ResponseEntity<byte[]> exportExcel(@AuthenticationPrincipal Actor actor) {
		return this.spreadsheets.exportResponse(this.volunteers.export(actor));
	}

	@PostMapping("/me/deregistration")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Deregister (注销): closes the account, keeps service records, erases other personal data")
	void deregister(@AuthenticationPrincipal Actor actor, @Valid @RequestBody DeregistrationRequest request) {
		this.volunteers.deregister(actor, request.password());
	}

	record VolunteerResponse(UUID id, String volunteerNumber, String name, IdType idType, String idNumberMasked,
			Gender gender, LocalDate birthDate, String phoneMasked, String regionCode, VolunteerStatus status,
			int starLevel, String totalHours, OffsetDateTime registeredAt) {

		static VolunteerResponse of(VolunteerView v) {
			return new VolunteerResponse(v.id(), v.volunteerNumber(), v.name(), v.idType(), v.idNumberMasked(),
					v.gender(), v.birthDate(), v.phoneMasked(), v.regionCode(), v.status(), v.starLevel(),
					v.totalHours().toPlainString(), v.registeredAt());
		}

	}

	record ProfileRequest(
			@Size(max = 12) @Schema(requiredMode = REQUIRED, minLength = 6, maxLength = 12,
					pattern = RequestFormats.REGION_CODE) String regionCode,
			@Size(max = 8) List<VolunteerCategory> categories, @Size(max = 14) List<ProfessionalField> fields,
			@ArraySchema(maxItems = 20, schema = @Schema(minLength = 1, maxLength = 30)) List<String> skills,
			@ArraySchema(maxItems = 20, schema = @Schema(minLength = 1, maxLength = 30)) List<String> languages,
			@Size(max = 21) List<AvailabilitySlot> availability, ContactRequest emergencyContact) {

	}

	/** An emergency contact: a name and a mainland mobile number. */
	record ContactRequest(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 50) String name,
			@Schema(requiredMode = REQUIRED, pattern = RequestFormats.MOBILE_PHONE) String phone) {

		Contact toContact() {
			return new Contact(this.name, this.phone);
		}

	}

	record QualificationRequest(@Size(max = 100) @Schema(requiredMode = REQUIRED, minLength = 1) String name,
			@Size(max = 100) String issuer, LocalDate expiresOn) {

	}

	record ReportInRequest(
			@Size(max = 12) @Schema(requiredMode = REQUIRED, minLength = 6, maxLength = 12,
					pattern = RequestFormats.REGION_CODE) String regionCode,
			@Size(max = 100) @Schema(requiredMode = REQUIRED, minLength = 1) String communityName,
			@Schema(requiredMode = REQUIRED) LocalDate reportedOn) {

	}

	record DeregistrationRequest(@Size(max = 128) @Schema(requiredMode = REQUIRED, minLength = 1) String password) {

	}

}
