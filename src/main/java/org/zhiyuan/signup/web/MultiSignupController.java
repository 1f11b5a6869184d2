package org.zhiyuan.signup.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.zhiyuan.access.Actor;
import org.zhiyuan.signup.MultiSignups;
import org.zhiyuan.signup.SignupView;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Sign-ups written together, all or nothing: several shifts, a team or a child, and an
 * organizer's direct addition.
 */
@RestController
@Tag(name = "Sign-ups")
class MultiSignupController {

	private final MultiSignups signups;

	MultiSignupController(MultiSignups signups) {
		this.signups = signups;
	}

	@PostMapping("/api/v1/activities/{id}/signups/shifts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Sign up for several shifts (positions) of an activity at once (volunteer)",
			description = "All or nothing: 201 with every sign-up, or nothing is written. The shifts may not overlap"
					+ " each other or the volunteer's other accepted service (422 REQUIREMENT_NOT_MET); 409"
					+ " ACTIVITY_FULL when any shift has no place left (no waiting list for such a request), 409"
					+ " ALREADY_SIGNED_UP, 422 SIGNUP_CLOSED.")
	SignupList shifts(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@Valid @RequestBody ShiftsRequest request) {
		return new SignupList(this.signups.signUpForShifts(actor, id, request.positionIds()));
	}

	@PostMapping("/api/v1/activities/{id}/signups/group")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Sign up members of one's team or one's own child (team leader or guardian)",
			description = "All or nothing, each recorded as signed up by the caller. 403 for anyone who is neither a"
					+ " member of a team the caller leads, nor a minor the caller is guardian of, nor the caller; 409"
					+ " ACTIVITY_FULL when fewer places are left than people; 409 ALREADY_SIGNED_UP and 422"
					+ " REQUIREMENT_NOT_MET name the person (volunteerId in the problem).")
	SignupList group(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@Valid @RequestBody GroupRequest request) {
		return new SignupList(this.signups.signUpGroup(actor, id, request.positionId(), request.volunteerIds()));
	}

	@PostMapping("/api/v1/activities/{id}/signups/direct")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a volunteer to a position directly, with a reason (organizer)",
			description = "Accepted at once, also after the sign-up deadline and while the activity runs; never beyond"
					+ " capacity (409 ACTIVITY_FULL) and only when the volunteer meets the position's requirements"
					+ " (422 REQUIREMENT_NOT_MET). The reason is kept with the sign-up and in the audit log.")
	SignupView direct(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@Valid @RequestBody DirectRequest request) {
		return this.signups.addDirectly(actor, id, request.volunteerId(), request.positionId(), request.reason());
	}

	record ShiftsRequest(@Size(max = 100) @ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED), minItems = 1,
			maxItems = MultiSignups.MAX_SHIFTS, uniqueItems = true) List<UUID> positionIds) {

	}

	record GroupRequest(@Schema(requiredMode = REQUIRED) UUID positionId,
			@Size(max = 200) @ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED), minItems = 1,
					maxItems = MultiSignups.MAX_GROUP, uniqueItems = true) List<UUID> volunteerIds) {

	}

	record DirectRequest(@Schema(requiredMode = REQUIRED) UUID volunteerId,
			@Schema(requiredMode = REQUIRED) UUID positionId,
			@Size(max = 1000) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 500) String reason) {

	}

	/** The sign-ups a request wrote. */
	record SignupList(List<SignupView> items) {

	}

}
