package org.zhiyuan.signup.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.zhiyuan.access.Actor;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.signup.SignupStatus;
import org.zhiyuan.signup.SignupView;
import org.zhiyuan.signup.Signups;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-ups per API.md, plus the volunteer's list, the organizer's roster and cancellation
 * by the organizer.
 */
@RestController
@Tag(name = "Sign-ups")
class SignupController {

	private final Signups signups;

	SignupController(Signups signups) {
		this.signups = signups;
	}

	@PostMapping("/api/v1/activities/{id}/signups")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Sign up for a position (volunteer)",
			description = "201 APPROVED, PENDING or WAITLISTED; 409 ACTIVITY_FULL, 409 ALREADY_SIGNED_UP, 422"
					+ " REQUIREMENT_NOT_MET (age, qualification, overlapping service) or SIGNUP_CLOSED.")
	SignupView signUp(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@Valid @RequestBody SignupRequest request) {
		return this.signups.signUp(actor, id, request.positionId());
	}

	@GetMapping("/api/v1/signups/{id}")
	@Operation(summary = "One sign-up (the volunteer or the activity's organizers)")
	SignupView get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		SignupView view = this.signups.view(id)
			.orElseThrow(() -> ProblemException.notFound("SIGNUP_NOT_FOUND", "signup.notFound"));
		boolean own = this.signups.mineFor(actor, view.activityId()).filter((s) -> s.id().equals(id)).isPresent();
		if (!own) {
			this.signups.roster(actor, view.activityId(), null, PageQuery.of(0, 1));
		}
		return view;
	}

	@PostMapping("/api/v1/signups/{id}/approve")
	@Operation(summary = "Accept a pending or waiting sign-up (organizer)")
	SignupView approve(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.signups.approve(actor, id);
	}

	@PostMapping("/api/v1/signups/{id}/reject")
	@Operation(summary = "Decline a pending or waiting sign-up (organizer)")
	SignupView reject(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@Valid @RequestBody(required = false) ReasonRequest request) {
		return this.signups.reject(actor, id, (request != null) ? request.reason() : null);
	}

	@DeleteMapping("/api/v1/signups/{id}")
	@Operation(summary = "Cancel one's own sign-up; a waiting volunteer moves up")
	SignupView cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String reason) {
		return this.signups.cancel(actor, id, reason);
	}

	@PostMapping("/api/v1/signups/{id}/cancel")
	@Operation(summary = "Cancel a sign-up with a reason (the volunteer, or the organizer)")
	SignupView cancelWithReason(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@Valid @RequestBody ReasonRequest request) {
		return this.signups.cancel(actor, id, request.reason());
	}

	@GetMapping("/api/v1/volunteers/me/signups")
	@Operation(summary = "The caller's sign-ups: upcoming (default) or past")
	PageResult<SignupView> mine(@AuthenticationPrincipal Actor actor,
			@RequestParam(defaultValue = "upcoming") String when, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		if (!when.equals("upcoming") && !when.equals("past")) {
			throw ProblemException.invalid(List.of(new FieldProblem("when", "validation.signup.when")));
		}
		return this.signups.mine(actor, when.equals("upcoming"), PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/activities/{id}/signups")
	@Operation(summary = "The activity's roster (organizers and the region's overseers; audited)")
	PageResult<SignupView> roster(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		List<FieldProblem> problems = new ArrayList<>();
		SignupStatus parsed = Enums.parse(SignupStatus.class, status, "status", problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return this.signups.roster(actor, id, parsed, PageQuery.of(page, size));
	}

	record SignupRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID positionId) {

	}

	@Schema(name = "SignupReasonRequest")
	record ReasonRequest(@Size(max = 500) String reason) {

	}

}
