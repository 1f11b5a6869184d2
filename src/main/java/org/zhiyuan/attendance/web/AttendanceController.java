package org.zhiyuan.attendance.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.zhiyuan.access.Actor;
import org.zhiyuan.attendance.Attendance;
import org.zhiyuan.attendance.Attendance.BulkEntry;
import org.zhiyuan.attendance.Attendance.CheckOut;
import org.zhiyuan.attendance.Attendance.CheckinCode;
import org.zhiyuan.attendance.Attendance.CodeInput;
import org.zhiyuan.attendance.AttendanceView;
import org.zhiyuan.attendance.GeoPoint;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;

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
 * Attendance per API.md: check-in codes, check-in and check-out; plus manual and bulk
 * entry and the live board.
 */
@RestController
@Tag(name = "Attendance")
class AttendanceController {

	private final Attendance attendance;

	AttendanceController(Attendance attendance) {
		this.attendance = attendance;
	}

	@PostMapping("/api/v1/activities/{id}/checkin-codes")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The current signed check-in code (organizer); it rotates every minute")
	CheckinCode code(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.attendance.issueCode(actor, id);
	}

	@PostMapping("/api/v1/attendance/check-in")
	@Operation(summary = "Check in with the code and the phone's position",
			description = "422 OUTSIDE_GEOFENCE, 422 CODE_EXPIRED, 422 CODE_INVALID, 403 NOT_SIGNED_UP, 409"
					+ " ALREADY_CHECKED_IN, 409 ALREADY_CHECKED_OUT (once per activity)")
	CheckedIn checkIn(@AuthenticationPrincipal Actor actor, @Valid @RequestBody CodeRequest request) {
		return new CheckedIn(this.attendance.checkIn(actor, request.input(), request.location()));
	}

	@PostMapping("/api/v1/attendance/check-out")
	@Operation(summary = "Check out; the service record is written with the hours served",
			description = "With an Idempotency-Key header a repeat by the same account returns the first answer. A"
					+ " record overlapping time the volunteer already has counted is kept but held (review HELD, flag"
					+ " OVERLAP) until the organization or the region's operator resolves it. 409 NOT_CHECKED_IN,"
					+ " 409 ALREADY_CHECKED_OUT; 422 as for check-in.")
	CheckOut checkOut(@AuthenticationPrincipal Actor actor,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@Valid @RequestBody CodeRequest request) {
		return this.attendance.checkOut(actor, request.input(), request.location(), idempotencyKey);
	}

	@PostMapping("/api/v1/activities/{id}/attendance/check-in")
	@Operation(summary = "Enter a check-in by hand, with a reason (organizer; audited)")
	void manualCheckIn(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@Valid @RequestBody ManualRequest request) {
		this.attendance.manualCheckIn(actor, id, request.volunteerId(), request.at(), request.reason());
	}

	@PostMapping("/api/v1/activities/{id}/attendance/check-out")
	@Operation(summary = "Enter a check-out by hand, with a reason (organizer; audited)",
			description = "With an Idempotency-Key header a repeat by the same account returns the first answer."
					+ " 409 NOT_CHECKED_IN, 409 ALREADY_CHECKED_OUT.")
	CheckOut manualCheckOut(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@Valid @RequestBody ManualRequest request) {
		return this.attendance.manualCheckOut(actor, id, request.volunteerId(), request.at(), request.reason(),
				idempotencyKey);
	}

	@PostMapping("/api/v1/activities/{id}/attendance/bulk")
	@Operation(summary = "Bulk entry for an offline event: all entries or none (organizer; audited)",
			description = "With an Idempotency-Key header a repeat by the same account returns the first answer."
					+ " 409 RECORD_OVERLAP when entries overlap time their volunteers already have counted, each"
					+ " in 'conflicts' (entry, volunteerId, recordId, activityId, activityTitle, startedAt, endedAt);"
					+ " 409 ALREADY_CHECKED_IN or ALREADY_CHECKED_OUT for a volunteer already entered.")
	List<CheckOut> bulk(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@Valid @RequestBody BulkRequest request) {
		return this.attendance.bulkEntry(actor, id, request.entries(), request.reason(), idempotencyKey);
	}

	@GetMapping("/api/v1/activities/{id}/attendance")
	@Operation(summary = "Who is checked in and out, in the order they checked in (organizers and overseers;"
			+ " audited)")
	PageResult<AttendanceView> board(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.attendance.board(actor, id, PageQuery.of(page, size));
	}

	/**
	 * The code from the QR image, or the activity and the short code shown beside it;
	 * where the phone is.
	 */
	record CodeRequest(
			@Size(max = 100) @Schema(description = "Required unless activityId and shortCode are given") String code,
			@Schema(description = "With shortCode, instead of code") UUID activityId,
			@Size(max = 12) @Schema(description = "With activityId, instead of code") String shortCode,
			@Schema(requiredMode = REQUIRED) GeoPoint location) {

		CodeInput input() {
			return new CodeInput(this.code, this.activityId, this.shortCode);
		}

	}

	record CheckedIn(OffsetDateTime checkedInAt) {

	}

	record ManualRequest(@NotNull UUID volunteerId, OffsetDateTime at,
			@Size(max = 500) @Schema(requiredMode = REQUIRED, minLength = 1) String reason) {

	}

	record BulkRequest(@Size(max = 500) @Schema(requiredMode = REQUIRED, minLength = 1) String reason,
			@Size(max = 1000) @ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED),
					minItems = 1) List<BulkEntry> entries) {

	}

}
