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
import org.zhiyuan.attendance.CheckinCodes;
import org.zhiyuan.emergency.CommandPerson;
import org.zhiyuan.emergency.MobilizationAnswers;
import org.zhiyuan.emergency.MobilizationCommand;
import org.zhiyuan.emergency.MobilizationSummary;
import org.zhiyuan.emergency.Mobilizations;
import org.zhiyuan.emergency.MyCall;
import org.zhiyuan.emergency.TaskGroup;
import org.zhiyuan.emergency.Wave;
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

	private final MobilizationAnswers answers;

	private final MobilizationCommand command;

	EmergencyController(EmergencyTeams teams, EmergencyProfiles profiles, Mobilizations mobilizations,
			MobilizationAnswers answers, MobilizationCommand command) {
		this.teams = teams;
		this.profiles = profiles;
		this.mobilizations = mobilizations;
		this.answers = answers;
		this.command = command;
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
			description = "Calls the first wave of eligible volunteers: active, of the region or below, 18 or older,"
					+ " with an emergency profile whose home lies within radiusKm of the location, a member of an"
					+ " emergency team of the region (or one above or below it) or holding a needed skill — with a"
					+ " valid qualification of the kind when the need names one, insured on the day when it says"
					+ " insured — and not accepted in another open mobilization. The first wave calls the nearest,"
					+ " three times as many as the needs' total; while the needs lack people another wave calls the"
					+ " next nearest every five minutes (or at once: POST .../waves). notified is how many the"
					+ " first wave called; each gets a notification. organizationId names the emergency team in"
					+ " command, under which service is recorded for volunteers of no emergency team (default: the"
					+ " team of the region nearest it). With an Idempotency-Key header a repeat by the same"
					+ " operator returns the first and calls nobody again.")
	@ApiResponse(responseCode = "403", description = "Not an operator of the region")
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
		return new MobilizationAnswer(this.answers.answer(actor, id, answer));
	}

	@PostMapping("/api/v1/emergency/mobilizations/{id}/muster")
	@Operation(summary = "Check in at the assembly point (an accepted volunteer)",
			description = "With the code shown at the assembly point (the QR's full code or the short code beside"
					+ " it), or else with the phone's location within 500 m of the assembly point.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: location (neither code nor location), code")
	@ApiResponse(responseCode = "404", description = "MOBILIZATION_NOT_FOUND (also when the caller was not called)")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: stood down, or the caller is not accepted")
	@ApiResponse(responseCode = "422", description = "OUTSIDE_GEOFENCE, CODE_INVALID, CODE_EXPIRED")
	Mustered muster(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody MusterRequest request) {
		return new Mustered(this.answers.muster(actor, id, request.locationPoint(), request.code()));
	}

	@GetMapping("/api/v1/emergency/mobilizations/{id}/board")
	@Operation(summary = "A mobilization's command board (the operators and auditors of its region)",
			description = "Per need, accepted counts the accepted volunteers with its skill (and valid"
					+ " qualification and insurance where it asks for them).")
	@ApiResponse(responseCode = "404", description = "MOBILIZATION_NOT_FOUND")
	Board board(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.command.board(actor, id);
	}

	@PostMapping("/api/v1/emergency/mobilizations/{id}/stand-down")
	@Operation(summary = "Stand a mobilization down (an operator of its region)",
			description = "Each mustered volunteer gets a service record from their muster to now (split at"
					+ " midnight; time overlapping service already counted is held for review) under their own"
					+ " emergency team, else the team in command; a drill's records say it was a drill. recorded is"
					+ " how many volunteers' service was recorded. The accepted and the reserve are told.")
	@ApiResponse(responseCode = "404", description = "MOBILIZATION_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: stood down already")
	StoodDown standDown(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		MobilizationCommand.StandDown done = this.command.standDown(actor, id);
		return new StoodDown(done.status().name(), done.recorded());
	}

	@PostMapping("/api/v1/emergency/mobilizations/{id}/waves")
	@Operation(summary = "Call the next wave now (an operator of the region)",
			description = "The nearest of the eligible not called yet, three times as many as the needs still lack"
					+ " (as many as their total when they are met). called is 0 when nobody eligible is left.")
	@ApiResponse(responseCode = "404", description = "MOBILIZATION_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: stood down")
	Wave wave(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.mobilizations.nextWave(actor, id);
	}

	@GetMapping("/api/v1/emergency/mobilizations")
	@Operation(summary = "The mobilizations of a region and the regions below it (its operators and auditors)",
			description = "The open first, then the latest.")
	@ApiResponse(responseCode = "404", description = "REGION_NOT_FOUND")
	PageResult<MobilizationSummary> mobilizations(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.command.ofRegion(actor, regionCode, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/emergency/mobilizations/{id}/people")
	@Operation(summary = "The accepted and the reserve of a mobilization (its region's operators and auditors)",
			description = "In the order they answered, with how far from the scene they live, when and where they"
					+ " mustered (the place until the stand-down), their task group and the hours recorded. The"
					+ " read is audited.")
	@ApiResponse(responseCode = "404", description = "MOBILIZATION_NOT_FOUND")
	List<CommandPerson> people(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.command.people(actor, id);
	}

	@GetMapping("/api/v1/emergency/mobilizations/{id}/groups")
	@Operation(summary = "A mobilization's task groups (its region's operators and auditors)")
	@ApiResponse(responseCode = "404", description = "MOBILIZATION_NOT_FOUND")
	List<TaskGroup> groups(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.command.groups(actor, id);
	}

	@PostMapping("/api/v1/emergency/mobilizations/{id}/groups")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Form a task group with a leader (an operator of the region)",
			description = "The leader and the members are accepted volunteers; each is told the group's task. A"
					+ " volunteer is in one group at a time.")
	@ApiResponse(responseCode = "400",
			description = "VALIDATION_FAILED: name (also when taken), task, leaderId," + " memberIds")
	@ApiResponse(responseCode = "404", description = "MOBILIZATION_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: stood down")
	TaskGroup formGroup(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody TaskGroupRequest request) {
		return this.command.formGroup(actor, id, request.name(), request.task(), request.leaderId(),
				request.memberIds());
	}

	@PutMapping("/api/v1/emergency/mobilizations/{id}/groups/{groupId}/members")
	@Operation(summary = "Put accepted volunteers in a task group (an operator of the region)",
			description = "They leave the group they were in; each is told the task.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: volunteerIds")
	@ApiResponse(responseCode = "404", description = "MOBILIZATION_NOT_FOUND, GROUP_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: stood down")
	TaskGroup assign(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID groupId,
			@RequestBody GroupMembersRequest request) {
		return this.command.assign(actor, id, groupId, request.volunteerIds());
	}

	@GetMapping("/api/v1/emergency/mobilizations/{id}/muster-code")
	@Operation(summary = "The signed code to show at the assembly point (an operator of the region)",
			description = "It rotates every minute and is accepted for two; the short code can be typed.")
	@ApiResponse(responseCode = "404", description = "MOBILIZATION_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: stood down")
	MusterCode musterCode(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		CheckinCodes.Issued issued = this.command.musterCode(actor, id);
		return new MusterCode(issued.code(), issued.shortCode(), issued.expiresAt());
	}

	@GetMapping("/api/v1/me/emergency-calls")
	@Operation(summary = "The caller's calls to mobilizations, the open first")
	@ApiResponse(responseCode = "404", description = "NOT_A_VOLUNTEER")
	List<MobilizationSummary> myCalls(@AuthenticationPrincipal Actor actor) {
		return this.command.myCalls(actor);
	}

	@GetMapping("/api/v1/me/emergency-calls/{id}")
	@Operation(summary = "The caller's call: the mobilization, their answer, group, task and hours recorded")
	@ApiResponse(responseCode = "404", description = "MOBILIZATION_NOT_FOUND (also when the caller was not called)")
	MyCall myCall(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.command.myCall(actor, id);
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

	/**
	 * People needed: with a skill, optionally holding a valid qualification and insured.
	 */
	record MobilizationNeed(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 60) String skill,
			@Schema(requiredMode = REQUIRED, minimum = "1", maximum = "10000") Integer count,
			@Schema(implementation = QualificationKind.class) String qualification,
			@Schema(description = "Only volunteers insured on the day; false when absent") Boolean insured) {

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
			@Schema(description = "A drill rather than a real emergency; false when absent") Boolean drill,
			@Schema(description = "The emergency team in command (of the region, above or below it)") UUID organizationId) {

		NewMobilization toCommand() {
			List<NeedRequest> asked = (this.needs != null) ? this.needs.stream()
				.map((need) -> (need != null)
						? new NeedRequest(need.skill(), need.count(), need.qualification(), need.insured()) : null)
				.toList() : null;
			return new NewMobilization(this.regionCode, this.title,
					(this.location != null) ? this.location.toPoint() : null,
					(this.radiusKm != null) ? java.math.BigDecimal.valueOf(this.radiusKm) : null, this.assembleAt,
					(this.assemblyPoint != null) ? this.assemblyPoint.name() : null, (this.assemblyPoint != null)
							? new GeoPoint(this.assemblyPoint.lat(), this.assemblyPoint.lng()) : null,
					asked, Boolean.TRUE.equals(this.drill), this.organizationId, null);
		}

	}

	/** A called volunteer's answer. */
	record MobilizationAnswerRequest(@Schema(requiredMode = REQUIRED, implementation = Answer.class) String answer) {

	}

	record MobilizationAnswer(CallStatus status) {

	}

	/** Where the volunteer checks in, or the code shown there. */
	record MusterRequest(@Schema(description = "Required unless code is given") EmergencyLocation location,
			@Schema(maxLength = 100,
					description = "The code shown at the assembly point: the QR's or the short one") String code) {

		GeoPoint locationPoint() {
			return (this.location != null) ? this.location.toPoint() : null;
		}

	}

	record Mustered(OffsetDateTime musteredAt) {

	}

	record StoodDown(@Schema(allowableValues = "STOOD_DOWN") String status, int recorded) {

	}

	/** A task group to form. */
	record TaskGroupRequest(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 60) String name,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 500) String task,
			@Schema(requiredMode = REQUIRED) UUID leaderId,
			@ArraySchema(maxItems = 1000, schema = @Schema(format = "uuid")) List<UUID> memberIds) {

	}

	/** The accepted volunteers to put in a group. */
	record GroupMembersRequest(@ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED), minItems = 1,
			maxItems = 1000, schema = @Schema(format = "uuid")) List<UUID> volunteerIds) {

	}

	record MusterCode(String code, String shortCode, OffsetDateTime expiresAt) {

	}

}
