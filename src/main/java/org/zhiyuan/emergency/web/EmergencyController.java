package org.zhiyuan.emergency.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.emergency.Answer;
import org.zhiyuan.emergency.Board;
import org.zhiyuan.emergency.CallStatus;
import org.zhiyuan.emergency.EmergencyProfile;
import org.zhiyuan.emergency.EmergencyProfiles;
import org.zhiyuan.emergency.EmergencyProfiles.QualificationGiven;
import org.zhiyuan.emergency.EmergencyTeamView;
import org.zhiyuan.emergency.EmergencyTeams;
import org.zhiyuan.emergency.GeoPoint;
import org.zhiyuan.emergency.Launched;
import org.zhiyuan.emergency.Mobilizations;
import org.zhiyuan.emergency.NewMobilization;
import org.zhiyuan.emergency.NewMobilization.NeedRequest;
import org.zhiyuan.emergency.QualificationKind;
import org.zhiyuan.emergency.Readiness;
import org.zhiyuan.emergency.TeamTier;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.RequestFormats;

import org.springframework.http.HttpStatus;
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

/**
 * Emergency mobilization (C14): emergency teams, the volunteer's emergency profile, and
 * mobilizations — launch, answers, muster, the command board and stand-down.
 */
@RestController
@Tag(name = "Emergency")
class EmergencyController {

	private final EmergencyTeams teams;

	private final EmergencyProfiles profiles;

	private final Mobilizations mobilizations;

	EmergencyController(EmergencyTeams teams, EmergencyProfiles profiles, Mobilizations mobilizations) {
		this.teams = teams;
		this.profiles = profiles;
		this.mobilizations = mobilizations;
	}

	@PutMapping("/api/v1/emergency/teams/{organizationId}")
	@Operation(summary = "Mark an active organization as an emergency team of a tier (an operator of its region)",
			description = "CITY (总队), DISTRICT (支队) or STREET (大队); marking again changes the tier. Active members"
					+ " of the team are called by the mobilizations of its region, the regions above and below it.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: tier")
	@ApiResponse(responseCode = "404", description = "ORGANIZATION_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "ORGANIZATION_NOT_ACTIVE")
	EmergencyTeamView mark(@AuthenticationPrincipal Actor actor, @PathVariable UUID organizationId,
			@RequestBody EmergencyTeamRequest request) {
		return this.teams.mark(actor, organizationId, request.tier());
	}

	@DeleteMapping("/api/v1/emergency/teams/{organizationId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Take an organization's emergency team mark off (an operator of its region)")
	@ApiResponse(responseCode = "404", description = "ORGANIZATION_NOT_FOUND, EMERGENCY_TEAM_NOT_FOUND")
	void unmark(@AuthenticationPrincipal Actor actor, @PathVariable UUID organizationId) {
		this.teams.unmark(actor, organizationId);
	}

	@GetMapping("/api/v1/emergency/teams")
	@Operation(summary = "The emergency teams of a region and the regions below it (its operators and auditors)")
	@ApiResponse(responseCode = "404", description = "REGION_NOT_FOUND")
	PageResult<EmergencyTeamView> teams(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.teams.ofRegion(actor, regionCode, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/me/emergency-profile")
	@Operation(summary = "The caller's emergency profile")
	@ApiResponse(responseCode = "404", description = "NOT_A_VOLUNTEER, EMERGENCY_PROFILE_NOT_FOUND")
	EmergencyProfile profile(@AuthenticationPrincipal Actor actor) {
		return this.profiles.mine(actor);
	}

	@PutMapping("/api/v1/me/emergency-profile")
	@Operation(summary = "Set the caller's emergency profile",
			description = "Home within China (latitude 3 to 54, longitude 73 to 136), readiness and the emergency"
					+ " qualifications held, each kind once with its last valid day; they replace the ones before."
					+ " Mobilizations call only volunteers with a profile whose home lies within their radius.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: the fields named")
	@ApiResponse(responseCode = "404", description = "NOT_A_VOLUNTEER")
	EmergencyProfile changeProfile(@AuthenticationPrincipal Actor actor, @RequestBody EmergencyProfileRequest request) {
		List<QualificationGiven> given = (request.qualifications() != null) ? request.qualifications()
			.stream()
			.map((held) -> (held != null) ? new QualificationGiven(held.kind(), held.validUntil()) : null)
			.toList() : null;
		return this.profiles.change(actor, request.homeLat(), request.homeLng(), request.readiness(), given);
	}

	@PostMapping("/api/v1/emergency/mobilizations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Launch a mobilization (an operator of the region)",
			description = "Calls at once every eligible volunteer: active, of the region or below, 18 or older, with"
					+ " an emergency profile whose home lies within radiusKm of the location, a member of an"
					+ " emergency team of the region (or one above or below it) or holding a needed skill — with a"
					+ " valid qualification of the kind when the need names one — and not accepted in another open"
					+ " mobilization. Each gets a notification. With an Idempotency-Key header a repeat by the same"
					+ " operator returns the first and calls nobody again.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: the fields named")
	Launched launch(@AuthenticationPrincipal Actor actor, @RequestBody MobilizationRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		return this.mobilizations.launch(actor, request.toCommand(), idempotencyKey);
	}

	@PostMapping("/api/v1/emergency/mobilizations/{id}/responses")
	@Operation(summary = "Answer a call (the volunteer called)",
			description = "ACCEPT is ACCEPTED while fewer have accepted than the needs' total, else RESERVE in the"
					+ " order the answers came; an accepted volunteer who declines makes room for the first in"
					+ " reserve.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: answer")
	@ApiResponse(responseCode = "404", description = "MOBILIZATION_NOT_FOUND (also when the caller was not called)")
	@ApiResponse(responseCode = "409",
			description = "INVALID_STATE: stood down; ALREADY_MOBILIZED: accepted in another open mobilization")
	@ApiResponse(responseCode = "422", description = "REQUIREMENT_NOT_MET: under 18")
	MobilizationAnswer answer(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody MobilizationAnswerRequest request) {
		List<FieldProblem> problems = new java.util.ArrayList<>();
		Answer answer = Enums.parse(Answer.class, request.answer(), "answer", problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return new MobilizationAnswer(this.mobilizations.answer(actor, id, answer));
	}

	@PostMapping("/api/v1/emergency/mobilizations/{id}/muster")
	@Operation(summary = "Check in at the assembly point (an accepted volunteer)",
			description = "Within 500 m of the assembly point.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: location")
	@ApiResponse(responseCode = "404", description = "MOBILIZATION_NOT_FOUND (also when the caller was not called)")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: stood down, or the caller is not accepted")
	@ApiResponse(responseCode = "422", description = "OUTSIDE_GEOFENCE")
	Mustered muster(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody MusterRequest request) {
		return new Mustered(this.mobilizations.muster(actor, id, request.locationPoint()));
	}

	@GetMapping("/api/v1/emergency/mobilizations/{id}/board")
	@Operation(summary = "A mobilization's command board (the operators and auditors of its region)",
			description = "Per need, accepted counts the accepted volunteers with its skill (and valid"
					+ " qualification).")
	@ApiResponse(responseCode = "404", description = "MOBILIZATION_NOT_FOUND")
	Board board(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.mobilizations.board(actor, id);
	}

	@PostMapping("/api/v1/emergency/mobilizations/{id}/stand-down")
	@Operation(summary = "Stand a mobilization down (an operator of its region)",
			description = "The accepted and the reserve are told.")
	@ApiResponse(responseCode = "404", description = "MOBILIZATION_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: stood down already")
	StoodDown standDown(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return new StoodDown(this.mobilizations.standDown(actor, id).name());
	}

	/** The tier to mark an organization with. */
	record EmergencyTeamRequest(@Schema(requiredMode = REQUIRED, implementation = TeamTier.class) String tier) {

	}

	/** A point within China. */
	record EmergencyLocation(@Schema(requiredMode = REQUIRED, minimum = "3", maximum = "54") Double lat,
			@Schema(requiredMode = REQUIRED, minimum = "73", maximum = "136") Double lng) {

		GeoPoint toPoint() {
			return new GeoPoint(this.lat, this.lng);
		}

	}

	/** The assembly point: a name and where it is. */
	record AssemblyPointRequest(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 100) String name,
			@Schema(requiredMode = REQUIRED, minimum = "3", maximum = "54") Double lat,
			@Schema(requiredMode = REQUIRED, minimum = "73", maximum = "136") Double lng) {

	}

	/** A volunteer's emergency profile as given. */
	record EmergencyProfileRequest(@Schema(requiredMode = REQUIRED, minimum = "3", maximum = "54") Double homeLat,
			@Schema(requiredMode = REQUIRED, minimum = "73", maximum = "136") Double homeLng,
			@Schema(requiredMode = REQUIRED, implementation = Readiness.class) String readiness,
			@ArraySchema(maxItems = 8, schema = @Schema(
					implementation = EmergencyQualificationRequest.class)) List<EmergencyQualificationRequest> qualifications) {

	}

	/** An emergency qualification held: its kind, once, and its last valid day. */
	record EmergencyQualificationRequest(
			@Schema(requiredMode = REQUIRED, implementation = QualificationKind.class) String kind,
			@Schema(requiredMode = REQUIRED, type = "string", format = "date") String validUntil) {

	}

	/** People needed: with a skill, optionally holding a valid qualification. */
	record MobilizationNeed(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 60) String skill,
			@Schema(requiredMode = REQUIRED, minimum = "1", maximum = "10000") Integer count,
			@Schema(implementation = QualificationKind.class) String qualification) {

	}

	/** A mobilization to launch. */
	record MobilizationRequest(
			@Schema(requiredMode = REQUIRED, minLength = 6, maxLength = 12,
					pattern = RequestFormats.REGION_CODE) String regionCode,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 100) String title,
			@Schema(requiredMode = REQUIRED) EmergencyLocation location,
			@Schema(requiredMode = REQUIRED, minimum = "1", maximum = "200") Integer radiusKm,
			@Schema(requiredMode = REQUIRED,
					description = "When to assemble: from an hour ago to 30 days ahead") OffsetDateTime assembleAt,
			@Schema(requiredMode = REQUIRED) AssemblyPointRequest assemblyPoint,
			@ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED), minItems = 1, maxItems = 20,
					schema = @Schema(implementation = MobilizationNeed.class)) List<MobilizationNeed> needs,
			@Schema(description = "A drill rather than a real emergency; false when absent") Boolean drill) {

		NewMobilization toCommand() {
			List<NeedRequest> asked = (this.needs != null) ? this.needs.stream()
				.map((need) -> (need != null) ? new NeedRequest(need.skill(), need.count(), need.qualification())
						: null)
				.toList() : null;
			return new NewMobilization(this.regionCode, this.title,
					(this.location != null) ? this.location.toPoint() : null,
					(this.radiusKm != null) ? java.math.BigDecimal.valueOf(this.radiusKm) : null, this.assembleAt,
					(this.assemblyPoint != null) ? this.assemblyPoint.name() : null, (this.assemblyPoint != null)
							? new GeoPoint(this.assemblyPoint.lat(), this.assemblyPoint.lng()) : null,
					asked, Boolean.TRUE.equals(this.drill));
		}

	}

	/** A called volunteer's answer. */
	record MobilizationAnswerRequest(@Schema(requiredMode = REQUIRED, implementation = Answer.class) String answer) {

	}

	record MobilizationAnswer(CallStatus status) {

	}

	/** Where the volunteer checks in. */
	record MusterRequest(@Schema(requiredMode = REQUIRED) EmergencyLocation location) {

		GeoPoint locationPoint() {
			return (this.location != null) ? this.location.toPoint() : null;
		}

	}

	record Mustered(OffsetDateTime musteredAt) {

	}

	record StoodDown(@Schema(allowableValues = "STOOD_DOWN") String status) {

	}

}
