package org.zhiyuan.pairing.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.zhiyuan.access.Actor;
import org.zhiyuan.pairing.AssignmentView;
import org.zhiyuan.pairing.BeneficiaryContact;
import org.zhiyuan.pairing.BeneficiaryView;
import org.zhiyuan.pairing.Continuity;
import org.zhiyuan.pairing.KeyGroup;
import org.zhiyuan.pairing.MissedVisit;
import org.zhiyuan.pairing.NewBeneficiary;
import org.zhiyuan.pairing.NewPairing;
import org.zhiyuan.pairing.PairingView;
import org.zhiyuan.pairing.Pairings;
import org.zhiyuan.pairing.Pairings.Visited;
import org.zhiyuan.pairing.VisitCheckIn;
import org.zhiyuan.pairing.VisitFrequency;
import org.zhiyuan.pairing.VisitView;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.RequestFormats;
import org.zhiyuan.shared.identity.Gender;

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
 * Long-term pairing (结对): beneficiaries of key groups (sealed, shown masked, every read
 * audited), pairings with an organization's volunteer or team under a visit plan, visits
 * checked in at the person's address, the history of volunteers, missed visits and the
 * continuity of each person's volunteers.
 */
@RestController
@Tag(name = "Pairing")
class PairingController {

	private final Pairings pairings;

	PairingController(Pairings pairings) {
		this.pairings = pairings;
	}

	// beneficiaries

	@PostMapping("/api/v1/beneficiaries")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(
			summary = "Register a person of a key group (an operator of their region, or an admin of the"
					+ " organization named)",
			description = "Name, address and its position, phone, notes and guardian are sealed at rest and shown"
					+ " masked. A child (LEFT_BEHIND_CHILD, CHILD_IN_DIFFICULTY, or under 18 by birth year) needs"
					+ " the guardian's name and the day they consented.")
	BeneficiaryView register(@AuthenticationPrincipal Actor actor, @Valid @RequestBody BeneficiaryRequest request) {
		GuardianRequest guardian = request.guardian();
		return this.pairings.register(actor, new NewBeneficiary(request.regionCode(), request.organizationId(),
				request.name(), request.keyGroup(), request.gender(), request.birthYear(), request.address(),
				(request.location() != null) ? request.location().lat() : null,
				(request.location() != null) ? request.location().lng() : null, request.phone(), request.notes(),
				(guardian != null) ? guardian.name() : null, (guardian != null) ? guardian.consentOn() : null));
	}

	@GetMapping("/api/v1/beneficiaries")
	@Operation(summary = "The beneficiaries of a region, masked (its operators and auditors; audited)")
	PageResult<BeneficiaryView> inRegion(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.pairings.beneficiariesInRegion(actor, regionCode, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/beneficiaries/{id}")
	@Operation(summary = "A beneficiary, masked (the paired volunteers, the admins of the organizations that"
			+ " registered or paired them, the region's operators and auditors; every read audited)")
	BeneficiaryView beneficiary(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.pairings.beneficiary(actor, id);
	}

	@GetMapping("/api/v1/beneficiaries/{id}/contact")
	@Operation(summary = "A beneficiary's name, address, position, phone, notes and guardian in full, for a visit"
			+ " (as above; every read audited)")
	BeneficiaryContact contact(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.pairings.contact(actor, id);
	}

	@GetMapping("/api/v1/beneficiaries/{id}/pairings")
	@Operation(summary = "A beneficiary's pairings (as above)")
	PageResult<PairingView> pairingsOfBeneficiary(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.pairings.pairingsOfBeneficiary(actor, id, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/organizations/{id}/beneficiaries")
	@Operation(summary = "The beneficiaries an organization registered or paired, masked (its admins, the"
			+ " region's operators and auditors; audited)")
	PageResult<BeneficiaryView> ofOrganization(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.pairings.beneficiariesOfOrganization(actor, id, PageQuery.of(page, size));
	}

	// pairings

	@PostMapping("/api/v1/pairings")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(
			summary = "Pair a beneficiary with one of an organization's members, or its team (the"
					+ " organization's admins for a person it registered, or the operators of the person's region)",
			description = "Without volunteerId the team as a whole is paired. The first visit is due one period"
					+ " after startsOn (default today). 422 NOT_A_MEMBER when the volunteer is no active member;"
					+ " 409 ALREADY_PAIRED when the organization is paired with the person already.")
	PairingView pair(@AuthenticationPrincipal Actor actor, @Valid @RequestBody PairingRequest request) {
		return this.pairings.pair(actor, new NewPairing(request.beneficiaryId(), request.organizationId(),
				request.volunteerId(), request.frequency(), request.startsOn(), request.geofenceMeters()));
	}

	@GetMapping("/api/v1/pairings")
	@Operation(summary = "The pairings of people of a region (its operators and auditors; audited)")
	PageResult<PairingView> inRegionPairings(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.pairings.inRegion(actor, regionCode, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/pairings/missed-visits")
	@Operation(summary = "Visit periods that ended without a visit, latest first (the region's operators and"
			+ " auditors)")
	PageResult<MissedVisit> missedInRegion(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.pairings.missedInRegion(actor, regionCode, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/pairings/continuity")
	@Operation(summary = "The continuity of the region's pairings (its operators and auditors)",
			description = "For each pairing: the volunteers the person had, the changes of volunteer (all told and"
					+ " in the last twelve months) and the score, 0 to 100: the share of the paired time that the"
					+ " longest-serving volunteer (or the team) served. 100 is one volunteer throughout.")
	PageResult<Continuity> continuity(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.pairings.continuityInRegion(actor, regionCode, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/pairings/{id}")
	@Operation(summary = "A pairing (as its beneficiary; audited)")
	PairingView pairing(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.pairings.pairing(actor, id);
	}

	@GetMapping("/api/v1/pairings/{id}/history")
	@Operation(summary = "Whom the pairing paired, oldest first: every change of volunteer is kept")
	PageResult<AssignmentView> history(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return PageResult.of(this.pairings.history(actor, id), PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/pairings/{id}/visits")
	@Operation(summary = "The pairing's visits, latest first")
	PageResult<VisitView> visits(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.pairings.visits(actor, id, PageQuery.of(page, size));
	}

	@PostMapping("/api/v1/pairings/{id}/visits")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(
			summary = "Check a visit in at the person's address (the paired volunteer; for a team pairing any"
					+ " active member)",
			description = "The phone's position must lie within the pairing's radius of the address, allowing for"
					+ " its accuracy up to 100 m; outside it the visit is taken only with an outsideReason and is"
					+ " flagged, else 422 OUTSIDE_GEOFENCE. The next visit is due one period after today. With an"
					+ " Idempotency-Key header a repeat by the same account returns the first visit. 409"
					+ " INVALID_STATE for an ended pairing.")
	VisitResponse visit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@Valid @RequestBody VisitRequest request) {
		VisitLocation at = request.location();
		Visited visited = this.pairings.visit(actor, id,
				new VisitCheckIn((at != null) ? at.lat() : null, (at != null) ? at.lng() : null,
						(at != null) ? at.accuracyMeters() : null, request.note(), request.outsideReason()),
				idempotencyKey);
		return new VisitResponse(visited.visit(), visited.nextDueOn());
	}

	@PostMapping("/api/v1/pairings/{id}/volunteer-changes")
	@Operation(summary = "Pair another of the organization's members instead (its admins, the region's operators)",
			description = "Appended to the pairing's history, which keeps every earlier volunteer. 409"
					+ " ALREADY_ASSIGNED for the volunteer paired now, 409 INVALID_STATE for an ended pairing, 422"
					+ " NOT_A_MEMBER.")
	PairingView changeVolunteer(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@Valid @RequestBody VolunteerChangeRequest request) {
		return this.pairings.changeVolunteer(actor, id, request.volunteerId(), request.reason());
	}

	@PostMapping("/api/v1/pairings/{id}/end")
	@Operation(summary = "End the pairing with a reason (its organization's admins, the region's operators)",
			description = "It stays readable with its history and visits. 409 INVALID_STATE when ended already.")
	PairingView end(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@Valid @RequestBody PairingEndRequest request) {
		return this.pairings.end(actor, id, request.reason());
	}

	@GetMapping("/api/v1/organizations/{id}/pairings")
	@Operation(summary = "An organization's pairings (its admins, the region's operators and auditors; audited)")
	PageResult<PairingView> ofOrganizationPairings(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.pairings.ofOrganization(actor, id, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/organizations/{id}/missed-visits")
	@Operation(summary = "An organization's missed visits (its admins, the region's operators and auditors)")
	PageResult<MissedVisit> missedOfOrganization(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.pairings.missedOfOrganization(actor, id, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/volunteers/me/pairings")
	@Operation(summary = "The caller's active pairings, the next visit due first")
	PageResult<PairingView> mine(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return PageResult.of(this.pairings.mine(actor), PageQuery.of(page, size));
	}

	@Schema(name = "BeneficiaryRequest")
	record BeneficiaryRequest(
			@Size(max = 12) @Schema(requiredMode = REQUIRED, minLength = 6, maxLength = 12,
					pattern = RequestFormats.REGION_CODE) String regionCode,
			@Schema(description = "The organization registering the person; empty when an operator does") UUID organizationId,
			@Size(max = 100) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 50) String name,
			@Schema(requiredMode = REQUIRED, implementation = KeyGroup.class) String keyGroup,
			@Schema(implementation = Gender.class) String gender,
			@Schema(requiredMode = REQUIRED, minimum = "1900", maximum = "2100",
					description = "Not after this year") Integer birthYear,
			@Size(max = 400) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 200) String address,
			@Valid @Schema(requiredMode = REQUIRED, description = "Picked on the map") BeneficiaryLocation location,
			@Size(max = 30) @Schema(requiredMode = REQUIRED, pattern = RequestFormats.MOBILE_PHONE,
					description = "The person's or their guardian's mobile") String phone,
			@Size(max = 2000) @Schema(maxLength = 1000) String notes,
			@Valid @Schema(description = "Required for a child") GuardianRequest guardian) {

	}

	@Schema(name = "BeneficiaryLocation")
	record BeneficiaryLocation(@Schema(requiredMode = REQUIRED, minimum = "-90", maximum = "90") Double lat,
			@Schema(requiredMode = REQUIRED, minimum = "-180", maximum = "180") Double lng) {

	}

	@Schema(name = "BeneficiaryGuardian")
	record GuardianRequest(@Size(max = 100) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 50) String name,
			@Schema(requiredMode = REQUIRED,
					description = "The day the guardian consented, not in the future") LocalDate consentOn) {

	}

	@Schema(name = "PairingRequest")
	record PairingRequest(@Schema(requiredMode = REQUIRED) UUID beneficiaryId,
			@Schema(requiredMode = REQUIRED) UUID organizationId,
			@Schema(description = "An active member of the organization; empty pairs the team") UUID volunteerId,
			@Schema(requiredMode = REQUIRED, implementation = VisitFrequency.class) String frequency,
			@Schema(description = "Default today, within a year of it") LocalDate startsOn,
			@Schema(minimum = "50", maximum = "1000", description = "Default 200") Integer geofenceMeters) {

	}

	@Schema(name = "PairingVisitRequest")
	record VisitRequest(
			@Valid @Schema(requiredMode = REQUIRED,
					description = "The phone's position from the browser's geolocation") VisitLocation location,
			@Size(max = 1000) @Schema(maxLength = 500) String note, @Size(max = 400) @Schema(maxLength = 200,
					description = "Why the visit was away from the address") String outsideReason) {

	}

	@Schema(name = "PairingVisitLocation")
	record VisitLocation(@Schema(requiredMode = REQUIRED, minimum = "-90", maximum = "90") Double lat,
			@Schema(requiredMode = REQUIRED, minimum = "-180", maximum = "180") Double lng,
			@Schema(minimum = "0") Double accuracyMeters) {

	}

	@Schema(name = "PairingVisit")
	record VisitResponse(VisitView visit, LocalDate nextDueOn) {

	}

	@Schema(name = "PairingVolunteerChangeRequest")
	record VolunteerChangeRequest(@Schema(requiredMode = REQUIRED) UUID volunteerId,
			@Size(max = 1000) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 500) String reason) {

	}

	@Schema(name = "PairingEndRequest")
	record PairingEndRequest(
			@Size(max = 1000) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 500) String reason) {

	}

}
