package org.zhiyuan.emergency.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.emergency.DutyAssignment;
import org.zhiyuan.emergency.DutyMember;
import org.zhiyuan.emergency.DutyRosters;
import org.zhiyuan.emergency.DutyRosters.SwapAsked;
import org.zhiyuan.emergency.DutySwap;
import org.zhiyuan.emergency.MyDuty;
import org.zhiyuan.emergency.Roster;
import org.zhiyuan.emergency.Shift;

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
 * Emergency duty rosters (C14, 应急值守): who of an emergency team is on duty per day and
 * shift, and the swaps its members ask for, agree to and its leaders approve.
 */
@RestController
@Tag(name = "Emergency")
class DutyRosterController {

	private final DutyRosters rosters;

	DutyRosterController(DutyRosters rosters) {
		this.rosters = rosters;
	}

	@GetMapping("/api/v1/emergency/teams/{organizationId}/duty")
	@Operation(summary = "An emergency team's duty roster (its leaders, its members and the overseers of its region)",
			description = "Every shift of every day from `from` to `to` (at most 31 days; from today for a week when"
					+ " not given), empty ones too: DAY 08:00-20:00 and NIGHT 20:00-08:00 the next morning, Beijing"
					+ " time. mayManage tells whether the caller may assign and approve swaps. Audited.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: from, to")
	@ApiResponse(responseCode = "404", description = "EMERGENCY_TEAM_NOT_FOUND")
	Roster roster(@AuthenticationPrincipal Actor actor, @PathVariable UUID organizationId,
			@RequestParam(required = false) @Schema(type = "string", format = "date") String from,
			@RequestParam(required = false) @Schema(type = "string", format = "date") String to) {
		return this.rosters.roster(actor, organizationId, from, to);
	}

	@GetMapping("/api/v1/emergency/teams/{organizationId}/duty/members")
	@Operation(summary = "The team's active adult members who may be put on duty or asked for a swap"
			+ " (its leaders and members)", description = "Audited.")
	@ApiResponse(responseCode = "404", description = "EMERGENCY_TEAM_NOT_FOUND")
	List<DutyMember> members(@AuthenticationPrincipal Actor actor, @PathVariable UUID organizationId) {
		return this.rosters.members(actor, organizationId);
	}

	@PutMapping("/api/v1/emergency/teams/{organizationId}/duty/{day}/{shift}/members/{volunteerId}")
	@Operation(summary = "Put a member on duty in a shift (a leader of the team or an operator of its region)",
			description = "Only active members 18 or older on the day; from today to 366 days ahead. A volunteer is"
					+ " on duty once in a shift: again for the same team changes nothing, for another team is"
					+ " refused. The volunteer is told.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: day, shift")
	@ApiResponse(responseCode = "404", description = "EMERGENCY_TEAM_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "ALREADY_ON_DUTY: for another team in the shift")
	@ApiResponse(responseCode = "422", description = "NOT_A_MEMBER; REQUIREMENT_NOT_MET: under 18")
	DutyAssignment assign(@AuthenticationPrincipal Actor actor, @PathVariable UUID organizationId,
			@PathVariable @Schema(type = "string", format = "date") String day,
			@PathVariable @Schema(implementation = Shift.class) String shift, @PathVariable UUID volunteerId) {
		return this.rosters.assign(actor, organizationId, day, shift, volunteerId);
	}

	@DeleteMapping("/api/v1/emergency/teams/{organizationId}/duty/{day}/{shift}/members/{volunteerId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Take a member off duty in a shift (a leader of the team or an operator of its region)",
			description = "The volunteer is told.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: day, shift")
	@ApiResponse(responseCode = "404", description = "EMERGENCY_TEAM_NOT_FOUND, DUTY_NOT_FOUND")
	void unassign(@AuthenticationPrincipal Actor actor, @PathVariable UUID organizationId,
			@PathVariable @Schema(type = "string", format = "date") String day,
			@PathVariable @Schema(implementation = Shift.class) String shift, @PathVariable UUID volunteerId) {
		this.rosters.unassign(actor, organizationId, day, shift, volunteerId);
	}

	@GetMapping("/api/v1/emergency/teams/{organizationId}/duty/swaps")
	@Operation(summary = "The team's open duty swaps, asked or agreed (its leaders and the overseers of its region)")
	@ApiResponse(responseCode = "404", description = "EMERGENCY_TEAM_NOT_FOUND")
	List<DutySwap> swaps(@AuthenticationPrincipal Actor actor, @PathVariable UUID organizationId) {
		return this.rosters.openSwaps(actor, organizationId);
	}

	@PostMapping("/api/v1/emergency/teams/{organizationId}/duty/swaps")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Ask another member to swap a shift (a member on duty in it)",
			description = "For one of the other member's shifts (partnerDay and partnerShift), or the other takes the"
					+ " shift over when they are absent. The other member is told; once they agree a leader approves."
					+ " With an Idempotency-Key header a repeat returns the first request.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: the fields named")
	@ApiResponse(responseCode = "404",
			description = "EMERGENCY_TEAM_NOT_FOUND, NOT_A_VOLUNTEER, DUTY_NOT_FOUND (the caller's or the partner's)")
	@ApiResponse(responseCode = "422", description = "NOT_A_MEMBER; REQUIREMENT_NOT_MET: the partner is under 18")
	DutySwap askSwap(@AuthenticationPrincipal Actor actor, @PathVariable UUID organizationId,
			@RequestBody SwapRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		return this.rosters.askSwap(actor, organizationId, new SwapAsked(request.day(), request.shift(),
				request.withVolunteerId(), request.partnerDay(), request.partnerShift()), idempotencyKey);
	}

	@PostMapping("/api/v1/emergency/teams/{organizationId}/duty/swaps/{id}/accept")
	@Operation(summary = "Agree to a swap (the member asked)",
			description = "The team's leaders and the member who asked are told.")
	@ApiResponse(responseCode = "404", description = "SWAP_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: not asked any more")
	DutySwap accept(@AuthenticationPrincipal Actor actor, @PathVariable UUID organizationId, @PathVariable UUID id) {
		return this.rosters.accept(actor, organizationId, id);
	}

	@PostMapping("/api/v1/emergency/teams/{organizationId}/duty/swaps/{id}/approve")
	@Operation(summary = "Approve an agreed swap (a leader of the team or an operator of its region)",
			description = "Both duties change in one transaction; both members are told.")
	@ApiResponse(responseCode = "404", description = "SWAP_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: not agreed; SWAP_STALE: a duty changed since,"
			+ " or a member is on duty elsewhere in the shift they would take")
	DutySwap approve(@AuthenticationPrincipal Actor actor, @PathVariable UUID organizationId, @PathVariable UUID id) {
		return this.rosters.approve(actor, organizationId, id);
	}

	@PostMapping("/api/v1/emergency/teams/{organizationId}/duty/swaps/{id}/decline")
	@Operation(summary = "Decline an open swap (the member asked, the member who asked, or a leader)",
			description = "No duty changes; the others involved are told.")
	@ApiResponse(responseCode = "404", description = "SWAP_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: decided already")
	DutySwap decline(@AuthenticationPrincipal Actor actor, @PathVariable UUID organizationId, @PathVariable UUID id) {
		return this.rosters.decline(actor, organizationId, id);
	}

	@GetMapping("/api/v1/me/emergency-duty")
	@Operation(summary = "The caller's duty: their shifts for 30 days, today's duty of their emergency teams and"
			+ " their open swaps")
	@ApiResponse(responseCode = "404", description = "NOT_A_VOLUNTEER")
	MyDuty mine(@AuthenticationPrincipal Actor actor) {
		return this.rosters.mine(actor);
	}

	/**
	 * A swap to ask for: the caller's shift, the member asked, and maybe one of theirs.
	 */
	record SwapRequest(@Schema(requiredMode = REQUIRED, type = "string", format = "date") String day,
			@Schema(requiredMode = REQUIRED, implementation = Shift.class) String shift,
			@Schema(requiredMode = REQUIRED) UUID withVolunteerId,
			@Schema(type = "string", format = "date",
					description = "The day of the partner's shift given in exchange; absent: the partner takes the"
							+ " shift over") String partnerDay,
			@Schema(implementation = Shift.class) String partnerShift) {

	}

}
