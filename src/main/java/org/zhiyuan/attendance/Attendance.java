package org.zhiyuan.attendance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.zhiyuan.access.Access;
import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.ScopedObject;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityStatus;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.attendance.AttendanceRepository.Forgotten;
import org.zhiyuan.attendance.AttendanceRepository.Open;
import org.zhiyuan.attendance.AttendanceRepository.Served;
import org.zhiyuan.attendance.AttendanceRequests.Closed;
import org.zhiyuan.attendance.AttendanceRequests.Operation;
import org.zhiyuan.attendance.CheckinCodes.Issued;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.record.OnOverlap;
import org.zhiyuan.record.RecordConflict;
import org.zhiyuan.record.RecordMethod;
import org.zhiyuan.record.RecordReview;
import org.zhiyuan.record.ServiceRecordView;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.signup.Signups;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Check-in and check-out. A volunteer with an accepted place checks in with the current
 * code from the organizer's screen, standing within the activity's geofence (the distance
 * less the accuracy the phone reports, up to {@value #MAX_ACCURACY_ALLOWANCE} m, must be
 * inside it). Check-out produces the service record: the time served inside the
 * activity's own hours, so travel before and after is not counted. Organizers may enter
 * times by hand, with a reason; a check-out forgotten for more than an hour after the end
 * is closed at the end and flagged for review.
 * <p>
 * A volunteer is checked in and out once per activity, and every way in and out gives the
 * same answer for where they stand ({@link AttendanceState}): after a check-out, checking
 * in or out again is 409 {@code ALREADY_CHECKED_OUT}. Someone who left early by mistake
 * asks for a correction of the record, which the organization reviews; a second shift
 * would be a second check-in that a scan-happy phone could also make by accident.
 * <p>
 * A check-out whose service overlaps time the volunteer already has counted is kept but
 * held for review (the volunteer was seen on site); a bulk entry that would overlap is
 * refused with every colliding entry. Check-out, manual check-out and bulk entry take an
 * {@code Idempotency-Key}: a repeat by the same account gets the first answer.
 */
@Service
public class Attendance {

	/** How much of a phone's reported inaccuracy may count in the volunteer's favour. */
	static final double MAX_ACCURACY_ALLOWANCE = 100;

	/** Check-in opens this long before the start. */
	static final Duration EARLY = Duration.ofMinutes(60);

	/** A check-out still open this long after the end is closed by rule. */
	static final Duration FORGOTTEN_AFTER = Duration.ofHours(1);

	private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

	private static final java.time.format.DateTimeFormatter MINUTES = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm");

	private static final Set<ActivityStatus> RUNNING = EnumSet.of(ActivityStatus.RECRUITING,
			ActivityStatus.IN_PROGRESS);

	private final AttendanceRepository attendance;

	private final CheckinCodes codes;

	private final Activities activities;

	private final Signups signups;

	private final Volunteers volunteers;

	private final ServiceRecords records;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final AttendanceRequests requests;

	private final ObjectProvider<CheckinRule> rules;

	Attendance(AttendanceRepository attendance, CheckinCodes codes, Activities activities, Signups signups,
			Volunteers volunteers, ServiceRecords records, AccessPolicy accessPolicy, AuditLog auditLog,
			AttendanceRequests requests, ObjectProvider<CheckinRule> rules) {
		this.requests = requests;
		this.rules = rules;
		this.attendance = attendance;
		this.codes = codes;
		this.activities = activities;
		this.signups = signups;
		this.volunteers = volunteers;
		this.records = records;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
	}

	/** The current code for the organizer's screen. */
	public CheckinCode issueCode(Actor actor, UUID activityId) {
		ActivityView activity = this.activities.view(actor, activityId);
		this.activities.requireManager(actor, activity);
		if (!RUNNING.contains(activity.status())) {
			throw ProblemException.unprocessable("CHECKIN_CLOSED", "attendance.closed");
		}
		Issued issued = this.codes.issue(activityId, Instant.now());
		return new CheckinCode(issued.code(), issued.shortCode(), issued.expiresAt());
	}

	@Transactional
	public OffsetDateTime checkIn(Actor actor, CodeInput code, GeoPoint where) {
		OffsetDateTime now = now();
		ActivityView activity = activityFor(code, now);
		VolunteerView volunteer = this.volunteers.mine(actor);
		requireAccepted(volunteer, activity);
		if (now.isBefore(activity.startsAt().minus(EARLY)) || now.isAfter(activity.endsAt())) {
			throw ProblemException.unprocessable("CHECKIN_CLOSED", "attendance.closed");
		}
		Double distance = checkGeofence(activity, where);
		checkRules(volunteer, activity, now);
		AttendanceState.of(this.attendance.lockFor(activity.id(), volunteer.id())).requireCheckIn();
		try {
			this.attendance.checkIn(Ids.newId(), activity.id(), volunteer.id(), now, "QR", where, distance, null,
					actor.accountId());
		}
		catch (DuplicateKeyException ex) {
			throw ProblemException.conflict("ALREADY_CHECKED_IN", "attendance.alreadyIn");
		}
		return now;
	}

	/**
	 * The volunteer checks out; the service record follows. With an idempotency key a
	 * repeat returns the first answer.
	 * @throws ProblemException 409 {@code NOT_CHECKED_IN} or {@code ALREADY_CHECKED_OUT}
	 */
	public CheckOut checkOut(Actor actor, CodeInput code, GeoPoint where, String idempotencyKey) {
		return this.requests.once(actor, Operation.CHECK_OUT, idempotencyKey, () -> {
			OffsetDateTime now = now();
			ActivityView activity = activityFor(code, now);
			VolunteerView volunteer = this.volunteers.mine(actor);
			Optional<Open> row = this.attendance.lockFor(activity.id(), volunteer.id());
			AttendanceState.of(row).requireCheckOut();
			checkGeofence(activity, where);
			return List
				.of(close(row.get(), activity, volunteer, now, "QR", actor.accountId(), null, false, OnOverlap.HOLD));
		}).get(0);
	}

	/**
	 * The organizer enters a check-in by hand (e.g. a phone without signal), with a
	 * reason.
	 */
	@Transactional
	public void manualCheckIn(Actor actor, UUID activityId, UUID volunteerId, OffsetDateTime at, String reason) {
		ActivityView activity = this.activities.view(actor, activityId);
		this.activities.requireManager(actor, activity);
		String why = requireReason(reason);
		VolunteerView volunteer = requireVolunteer(volunteerId);
		requireAccepted(volunteer, activity);
		OffsetDateTime time = (at != null) ? at : now();
		checkManualTime(activity, time, "checkedInAt");
		checkRules(volunteer, activity, time);
		AttendanceState.of(this.attendance.lockFor(activityId, volunteerId)).requireCheckIn();
		this.attendance.checkIn(Ids.newId(), activityId, volunteerId, time, "MANUAL", null, null, why,
				actor.accountId());
		this.auditLog.record(AuditRecord.of("attendance.manual.checkin", actor.accountId())
			.on("volunteer", volunteerId)
			.inRegion(activity.regionCode())
			.inOrganization(activity.organizationId())
			.withDetail(why));
	}

	/**
	 * The organizer enters a check-out by hand, with a reason; the service record
	 * follows. With an idempotency key a repeat returns the first answer.
	 */
	public CheckOut manualCheckOut(Actor actor, UUID activityId, UUID volunteerId, OffsetDateTime at, String reason,
			String idempotencyKey) {
		return this.requests.once(actor, Operation.MANUAL_CHECK_OUT, idempotencyKey, () -> {
			ActivityView activity = this.activities.view(actor, activityId);
			this.activities.requireManager(actor, activity);
			String why = requireReason(reason);
			Optional<Open> row = this.attendance.lockFor(activityId, volunteerId);
			AttendanceState.of(row).requireCheckOut();
			Open open = row.get();
			OffsetDateTime time = (at != null) ? at : now();
			checkManualTime(activity, time, "checkedOutAt");
			if (!time.isAfter(open.checkedInAt())) {
				throw ProblemException
					.invalid(List.of(new FieldProblem("checkedOutAt", "validation.attendance.order")));
			}
			Closed closed = close(open, activity, volunteerId, time, "MANUAL", actor.accountId(), why, false,
					OnOverlap.HOLD);
			this.auditLog.record(AuditRecord.of("attendance.manual.checkout", actor.accountId())
				.on("volunteer", volunteerId)
				.inRegion(activity.regionCode())
				.inOrganization(activity.organizationId())
				.withDetail(why));
			return List.of(closed);
		}).get(0);
	}

	/**
	 * Bulk entry for an offline event: each accepted volunteer in the list with their
	 * times. All or nothing: one bad entry rejects the whole list with every problem
	 * reported, and entries whose service overlaps time their volunteers already have
	 * counted are all named in one 409 {@code RECORD_OVERLAP}. With an idempotency key a
	 * repeat returns the first answer.
	 */
	public List<CheckOut> bulkEntry(Actor actor, UUID activityId, List<BulkEntry> entries, String reason,
			String idempotencyKey) {
		return this.requests.once(actor, Operation.BULK, idempotencyKey,
				() -> enterInBulk(actor, activityId, entries, reason));
	}

	private List<Closed> enterInBulk(Actor actor, UUID activityId, List<BulkEntry> entries, String reason) {
		ActivityView activity = this.activities.view(actor, activityId);
		this.activities.requireManager(actor, activity);
		String why = requireReason(reason);
		List<FieldProblem> problems = new ArrayList<>();
		Set<UUID> seen = new HashSet<>();
		if (entries == null || entries.isEmpty() || entries.size() > 1000) {
			problems.add(new FieldProblem("entries", "validation.attendance.entries"));
		}
		else {
			for (int i = 0; i < entries.size(); i++) {
				BulkEntry entry = entries.get(i);
				if (entry == null || entry.volunteerId() == null || entry.checkedInAt() == null
						|| entry.checkedOutAt() == null || !entry.checkedOutAt().isAfter(entry.checkedInAt())) {
					problems.add(new FieldProblem("entries[" + i + "]", "validation.attendance.entry"));
				}
				else if (!isPlausible(activity, entry.checkedInAt()) || !isPlausible(activity, entry.checkedOutAt())) {
					problems.add(new FieldProblem("entries[" + i + "]", "validation.attendance.time"));
				}
				else if (!this.signups.isApproved(entry.volunteerId(), activityId)) {
					problems.add(new FieldProblem("entries[" + i + "].volunteerId", "attendance.notSignedUp"));
				}
				else if (!seen.add(entry.volunteerId())) {
					problems.add(new FieldProblem("entries[" + i + "].volunteerId", "validation.attendance.twice"));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		for (BulkEntry entry : entries) {
			AttendanceState.of(this.attendance.lockFor(activityId, entry.volunteerId())).requireCheckIn();
		}
		List<BulkConflict> conflicts = new ArrayList<>();
		List<FieldProblem> overlapping = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			BulkEntry entry = entries.get(i);
			Span span = Span.served(entry.checkedInAt(), entry.checkedOutAt(), activity);
			if (span.isService()) {
				for (RecordConflict conflict : this.records.conflictsWith(entry.volunteerId(), span.start(),
						span.end())) {
					conflicts.add(BulkConflict.of(i, entry.volunteerId(), conflict));
					overlapping.add(new FieldProblem("entries[" + i + "]", "attendance.entryOverlap", i + 1,
							conflict.activityTitle(), china(conflict.startedAt()), china(conflict.endedAt())));
				}
			}
		}
		if (!conflicts.isEmpty()) {
			throw new ProblemException(409, "RECORD_OVERLAP", "attendance.bulkOverlap", overlapping, conflicts.size())
				.with("conflicts", conflicts);
		}
		List<Closed> results = new ArrayList<>();
		for (BulkEntry entry : entries) {
			UUID id = Ids.newId();
			this.attendance.checkIn(id, activityId, entry.volunteerId(), entry.checkedInAt(), "BULK", null, null, why,
					actor.accountId());
			results.add(close(new Open(id, entry.checkedInAt(), null), activity, entry.volunteerId(),
					entry.checkedOutAt(), "BULK", actor.accountId(), why, false, OnOverlap.REFUSE));
		}
		this.auditLog.record(AuditRecord.of("attendance.bulk", actor.accountId())
			.on("activity", activityId)
			.inRegion(activity.regionCode())
			.inOrganization(activity.organizationId())
			.withDetail(entries.size() + " entries: " + why));
		return results;
	}

	/**
	 * Closes forgotten check-outs at the activity's end and flags them; run by the
	 * scheduler.
	 */
	@Transactional
	public int closeForgotten(OffsetDateTime now) {
		List<Forgotten> forgotten = this.attendance.forgotten(now.minus(FORGOTTEN_AFTER), 500);
		for (Forgotten row : forgotten) {
			ActivityView activity = this.activities.find(row.activityId()).orElseThrow();
			close(new Open(row.id(), row.checkedInAt(), null), activity, row.volunteerId(), row.endsAt(), "AUTO",
					row.checkedInBy(), "closed at the activity's end: check-out forgotten", true, OnOverlap.HOLD);
		}
		return forgotten.size();
	}

	/** Who is in and out, for the organizer's live board; the read is audited. */
	public PageResult<AttendanceView> board(Actor actor, UUID activityId, PageQuery page) {
		ActivityView activity = this.activities.view(actor, activityId);
		this.accessPolicy.check(actor, Access.READ, new ScopedObject("activity-attendance", activityId.toString(), null,
				activity.regionCode(), Set.of(activity.organizationId())));
		return this.attendance.board(activityId, page);
	}

	/**
	 * Closes an attendance and writes its service record, in the caller's transaction;
	 * returns the attendance with the check-out that answers for it, built from what was
	 * written.
	 */
	private Closed close(Open open, ActivityView activity, UUID volunteerId, OffsetDateTime at, String method,
			UUID recordedBy, String reason, boolean automatic, OnOverlap onOverlap) {
		return close(open, activity, volunteerId, null, at, method, recordedBy, reason, automatic, onOverlap);
	}

	/** The same for the volunteer the caller has just read in its transaction. */
	private Closed close(Open open, ActivityView activity, VolunteerView volunteer, OffsetDateTime at, String method,
			UUID recordedBy, String reason, boolean automatic, OnOverlap onOverlap) {
		return close(open, activity, volunteer.id(), volunteer, at, method, recordedBy, reason, automatic, onOverlap);
	}

	private Closed close(Open open, ActivityView activity, UUID volunteerId, VolunteerView volunteer,
			OffsetDateTime checkedOutAt, String method, UUID recordedBy, String reason, boolean automatic,
			OnOverlap onOverlap) {
		OffsetDateTime at = checkedOutAt.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
		Set<String> flags = new LinkedHashSet<>();
		if (automatic) {
			flags.add("AUTO_CHECKOUT");
		}
		if (this.attendance.overlapping(volunteerId, open.id(), open.checkedInAt(), at) > 0) {
			flags.add("OVERLAP");
		}
		if (Duration.between(open.checkedInAt(), at).compareTo(Duration.ofHours(24)) > 0) {
			flags.add("OVER_24H");
		}
		Span span = Span.served(open.checkedInAt(), at, activity);
		Served served = new Served(null, BigDecimal.ZERO.setScale(2), null);
		if (span.isService()) {
			RecordMethod recordMethod = "QR".equals(method) ? RecordMethod.QR : RecordMethod.MANUAL;
			ServiceRecordView record = (volunteer != null)
					? this.records.recordAttendance(volunteer, activity, span.start(), span.end(), recordedBy,
							recordMethod, onOverlap)
					: this.records.recordAttendance(volunteerId, activity, span.start(), span.end(), recordedBy,
							recordMethod, onOverlap);
			served = new Served(record.id(), record.hours(), record.review());
			record.flags().forEach((flag) -> flags.add(flag.name()));
		}
		else {
			flags.add("NO_SERVICE_TIME");
		}
		this.attendance.checkOut(open.id(), at, method, served, flags.isEmpty() ? null : String.join(",", flags),
				reason);
		return new Closed(open.id(), new CheckOut(at, served.recordId(),
				served.hours().setScale(2, RoundingMode.HALF_UP).toPlainString(), List.copyOf(flags), served.review()));
	}

	private ActivityView activityFor(CodeInput code, OffsetDateTime now) {
		UUID named = this.codes.require(code.code(), code.activityId(), code.shortCode(), now.toInstant());
		ActivityView activity = this.activities.find(named)
			.orElseThrow(() -> ProblemException.unprocessable("CODE_INVALID", "attendance.codeInvalid"));
		if (!RUNNING.contains(activity.status())) {
			throw ProblemException.unprocessable("CHECKIN_CLOSED", "attendance.closed");
		}
		return activity;
	}

	private Double checkGeofence(ActivityView activity, GeoPoint where) {
		if (activity.lat() == null) {
			return null;
		}
		if (where == null || !where.isComplete()) {
			throw ProblemException.invalid(List.of(new FieldProblem("location", "validation.location")));
		}
		double distance = where.metersTo(activity.lat(), activity.lng());
		double allowance = Math.min((where.accuracyMeters() != null) ? where.accuracyMeters() : 0,
				MAX_ACCURACY_ALLOWANCE);
		if (distance - allowance > activity.geofenceMeters()) {
			throw ProblemException.unprocessable("OUTSIDE_GEOFENCE", "attendance.outside", Math.round(distance),
					activity.geofenceMeters());
		}
		return Math.round(distance * 10) / 10.0;
	}

	/** The other modules' conditions of a check-in (qualifications, insurance). */
	private void checkRules(VolunteerView volunteer, ActivityView activity, OffsetDateTime at) {
		this.rules.orderedStream().forEach((rule) -> rule.check(volunteer.id(), activity, at));
	}

	private void requireAccepted(VolunteerView volunteer, ActivityView activity) {
		if (!this.signups.isApproved(volunteer.id(), activity.id())) {
			throw new ProblemException(403, "NOT_SIGNED_UP", "attendance.notSignedUp");
		}
	}

	private VolunteerView requireVolunteer(UUID volunteerId) {
		return this.volunteers.find(volunteerId)
			.orElseThrow(() -> ProblemException.notFound("VOLUNTEER_NOT_FOUND", "volunteer.notFound"));
	}

	private static void checkManualTime(ActivityView activity, OffsetDateTime time, String field) {
		if (!isPlausible(activity, time)) {
			throw ProblemException.invalid(List.of(new FieldProblem(field, "validation.attendance.time")));
		}
	}

	/**
	 * Whether a time entered by hand can be one of the activity's: from an hour before
	 * its start to 12 hours after its end, and not in the future.
	 */
	private static boolean isPlausible(ActivityView activity, OffsetDateTime time) {
		return !time.isAfter(now().plusMinutes(5)) && !time.isBefore(activity.startsAt().minus(EARLY))
				&& !time.isAfter(activity.endsAt().plusHours(12));
	}

	private static String requireReason(String reason) {
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			throw ProblemException.invalid(List.of(new FieldProblem("reason", "validation.reason")));
		}
		return reason.strip();
	}

	private static String china(OffsetDateTime time) {
		return time.atZoneSameInstant(CHINA).format(MINUTES);
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * A code as the volunteer sends it: the full code from the QR, or the short code
	 * typed on the activity's page.
	 */
	public record CodeInput(String code, UUID activityId, String shortCode) {

		public static CodeInput of(String code) {
			return new CodeInput(code, null, null);
		}

	}

	/** The code for the organizer's screen. */
	public record CheckinCode(String code, String shortCode, OffsetDateTime expiresAt) {

	}

	/**
	 * The result of a check-out: the service record and its hours (a decimal string), any
	 * flags of the attendance and the record, and where the record stands in review
	 * ({@code HELD}: kept, but not counted until someone resolves it); no record and no
	 * review when no minute was served inside the activity's hours.
	 */
	public record CheckOut(OffsetDateTime checkedOutAt, UUID recordId, String hours, List<String> flags,
			RecordReview review) {

	}

	/**
	 * An entry of a bulk entry whose service would overlap a counted record of its
	 * volunteer: the entry's position in the list, and the record.
	 */
	public record BulkConflict(int entry, UUID volunteerId, UUID recordId, UUID activityId, String activityTitle,
			OffsetDateTime startedAt, OffsetDateTime endedAt) {

		static BulkConflict of(int entry, UUID volunteerId, RecordConflict conflict) {
			return new BulkConflict(entry, volunteerId, conflict.recordId(), conflict.activityId(),
					conflict.activityTitle(), conflict.startedAt(), conflict.endedAt());
		}

	}

	/**
	 * The time served between a check-in and a check-out: inside the activity's hours,
	 * since arriving early or leaving late is not service, and at most a day, the rest
	 * being for the organizer to review.
	 */
	private record Span(OffsetDateTime start, OffsetDateTime end) {

		static Span served(OffsetDateTime checkedInAt, OffsetDateTime checkedOutAt, ActivityView activity) {
			OffsetDateTime start = checkedInAt.isBefore(activity.startsAt()) ? activity.startsAt() : checkedInAt;
			OffsetDateTime end = checkedOutAt.isAfter(activity.endsAt()) ? activity.endsAt() : checkedOutAt;
			return new Span(start, end.isAfter(start.plusHours(24)) ? start.plusHours(24) : end);
		}

		/** Whether at least a minute was served: a record is written. */
		boolean isService() {
			return Duration.between(this.start, this.end).compareTo(Duration.ofMinutes(1)) >= 0;
		}

	}

	/** One line of a bulk entry. */
	public record BulkEntry(@Schema(requiredMode = REQUIRED) UUID volunteerId,
			@Schema(requiredMode = REQUIRED) OffsetDateTime checkedInAt,
			@Schema(requiredMode = REQUIRED) OffsetDateTime checkedOutAt) {

	}

}
