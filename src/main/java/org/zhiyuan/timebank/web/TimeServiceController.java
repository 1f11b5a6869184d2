package org.zhiyuan.timebank.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.RequestFormats;
import org.zhiyuan.timebank.TimeServiceStatus;
import org.zhiyuan.timebank.TimeServiceView;
import org.zhiyuan.timebank.TimeServices;

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
 * Hours used for a service (用时间兑换服务): ordered by the volunteer or recorded for them by an
 * operator of their region, the hours held until an operator completes the service or it
 * is cancelled; the volunteer's services and a region's.
 */
@RestController
@Tag(name = "Time bank")
class TimeServiceController {

	private final TimeServices services;

	TimeServiceController(TimeServices services) {
		this.services = services;
	}

	@PostMapping("/api/v1/time-services")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(
			summary = "Use hours for a service (the volunteer whose hours they are; an operator of their region for"
					+ " them)",
			description = "The hours leave the volunteer's balance and are held (status HELD) until the service is"
					+ " done or cancelled. Without volunteerId the hours are the caller's own. With an"
					+ " Idempotency-Key header a repeat by the same account returns the first order and holds"
					+ " nothing more. With needId the service pays for a need of the needs module: done with the"
					+ " need (its hours spent) or cancelled with it (given back).")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: the fields named")
	@ApiResponse(responseCode = "403",
			description = "FORBIDDEN: neither the volunteer nor an operator of their"
					+ " region (of the need's region, with needId)")
	@ApiResponse(responseCode = "404",
			description = "VOLUNTEER_NOT_FOUND, NOT_A_VOLUNTEER (staff without volunteerId), NEED_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "IDEMPOTENCY_KEY_REUSED: the key was used for another movement;"
			+ " INVALID_STATE: the need is closed; NEED_ALREADY_PAID: a held or spent service pays for the need")
	@ApiResponse(responseCode = "422", description = "INSUFFICIENT_BALANCE")
	TimeServiceView order(@AuthenticationPrincipal Actor actor, @RequestBody ServiceRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		return this.services.order(actor, request.volunteerId(), request.hours(), request.description(),
				request.needId(), idempotencyKey);
	}

	@PostMapping("/api/v1/time-services/{id}/completion")
	@Operation(summary = "Complete a held service (an operator of its region): its hours are spent")
	@ApiResponse(responseCode = "404", description = "TIME_SERVICE_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: it is not held")
	TimeServiceView complete(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.services.complete(actor, id);
	}

	@PostMapping("/api/v1/time-services/{id}/cancellation")
	@Operation(summary = "Cancel a held service (its volunteer; an operator of its region): its hours go back")
	@ApiResponse(responseCode = "404", description = "TIME_SERVICE_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: it is not held")
	TimeServiceView cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.services.cancel(actor, id);
	}

	@GetMapping("/api/v1/me/time-services")
	@Operation(summary = "The caller's services paid with hours, newest first")
	@ApiResponse(responseCode = "404", description = "NOT_A_VOLUNTEER")
	PageResult<TimeServiceView> mine(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.services.mine(actor, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/time-services")
	@Operation(summary = "A region's services paid with hours, oldest first (its operators and auditors, audited)",
			description = "The region and the regions below it; status: HELD, DONE or CANCELLED, else all.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: status")
	@ApiResponse(responseCode = "404", description = "REGION_NOT_FOUND")
	PageResult<TimeServiceView> ofRegion(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		List<FieldProblem> problems = new ArrayList<>();
		TimeServiceStatus parsed = Enums.parse(TimeServiceStatus.class, status, "status", problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return this.services.ofRegion(actor, regionCode, parsed, PageQuery.of(page, size));
	}

	/** A service to pay with hours. */
	record ServiceRequest(@Schema(
			description = "Whose hours; the caller's own when absent (an operator names the volunteer)") UUID volunteerId,
			@Schema(requiredMode = REQUIRED, type = "string", format = "decimal", pattern = RequestFormats.HOURS,
					example = "2.00") BigDecimal hours,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 200) String description,
			@Schema(description = "The need of the needs module the service pays for (an operator of the need's"
					+ " region): its hours are spent when the need is done and given back when it is cancelled") UUID needId) {

	}

}
