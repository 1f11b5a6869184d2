package org.zhiyuan.record;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityReviews;
import org.zhiyuan.activity.ActivityStatus;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.volunteer.VolunteerStatus;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Service records (志愿服务记录). Records are appended to a per-volunteer chain: each holds the
 * SHA-256 of its canonical content and of the record before it, so that a change to any
 * stored record shows on verification ({@link RecordChains}). A record is never
 * overwritten: corrections ({@link RecordAmendments}) and reviews of flagged records
 * ({@link RecordReviews}) are hashed onto it. Every new record passes the same checks
 * ({@link RecordFlags}), so that the volunteer's counted service never overlaps itself.
 * After every change the volunteer's total hours and star level are recomputed from the
 * counted records themselves.
 */
@Service
public class ServiceRecords {

	private static final Duration MAX_DURATION = Duration.ofHours(24);

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final Set<ActivityStatus> RECORDABLE = EnumSet.of(ActivityStatus.RECRUITING,
			ActivityStatus.IN_PROGRESS, ActivityStatus.FINISHED, ActivityStatus.ARCHIVED);

	private final ServiceRecordRepository records;

	private final Volunteers volunteers;

	private final Activities activities;

	private final Organizations organizations;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	private final TransactionTemplate transaction;

	private final RecordFlags flags;

	private final ActivityReviews activityReviews;

	private final RecordAppender appender;

	ServiceRecords(ServiceRecordRepository records, Volunteers volunteers, Activities activities,
			Organizations organizations, AccessPolicy accessPolicy, Regions regions,
			PlatformTransactionManager transactions, RecordFlags flags, ActivityReviews activityReviews,
			RecordAppender appender) {
		this.records = records;
		this.activityReviews = activityReviews;
		this.appender = appender;
		this.flags = flags;
		this.volunteers = volunteers;
		this.activities = activities;
		this.organizations = organizations;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Manual entry by an admin of the activity's organization. Every invalid field is
	 * reported at once (400). With an idempotency key, a repeat by the same account
	 * returns the first record unchanged, whatever its body, also when the repeats arrive
	 * at the same moment. A record for someone without an accepted place at the activity
	 * is flagged {@code NO_SIGNUP} for the region's operators; one that brings the day
	 * above 24 hours is held (see {@link RecordFlags}).
	 * @throws ProblemException 403 when the actor does not administer the activity's
	 * organization; 409 {@code RECORD_OVERLAP} with the records it collides with when it
	 * overlaps time the volunteer already has counted
	 */
	public ServiceRecordView record(Actor actor, NewRecord request, String idempotencyKey) {
		String key = (idempotencyKey != null && !idempotencyKey.isBlank()) ? idempotencyKey.strip() : null;
		if (key != null && key.length() > 100) {
			throw ProblemException.invalid(List.of(new FieldProblem("Idempotency-Key", "validation.record.key")));
		}
		if (key != null) {
			Optional<ServiceRecordView> earlier = earlier(actor.accountId(), key);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		Optional<ActivityView> activity = Optional.ofNullable(request.activityId()).flatMap(this.activities::find);
		if (activity.isPresent() && !this.activities.isOrganizer(actor, activity.get())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		List<FieldProblem> problems = new ArrayList<>();
		Checked checked = check(request.volunteerId(), request.activityId(), activity, request.startedAt(),
				request.endedAt(), problems);
		if (request.reason() == null || request.reason().isBlank() || request.reason().strip().length() > 500) {
			problems.add(new FieldProblem("reason", "validation.reason"));
		}
		if (request.content() != null && request.content().strip().length() > 1000) {
			problems.add(new FieldProblem("content", "validation.record.content"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		String content = (request.content() != null && !request.content().isBlank()) ? request.content().strip() : null;
		try {
			return this.transaction.execute((status) -> {
				if (key != null) {
					this.records.lockVolunteer(checked.volunteer().id());
					Optional<UUID> raced = this.records.findByIdempotencyKey(actor.accountId(), key);
					if (raced.isPresent()) {
						return this.records.view(raced.get()).orElseThrow();
					}
				}
				return append(checked, content, RecordMethod.MANUAL, actor.accountId(), request.reason().strip(), key,
						OnOverlap.REFUSE);
			});
		}
		catch (DuplicateKeyException ex) {
			// Another request with the same key won between our check and our insert; its
			// transaction has committed, ours is rolled back, so read the winner afresh.
			return earlier(actor.accountId(), key).orElseThrow(() -> ex);
		}
	}

	/**
	 * A record from attendance (check-in and check-out) or an import, in the caller's
	 * transaction; the same rules as manual entry except that no reason is needed, and a
	 * record that overlaps counted time is refused or held as {@code onOverlap} says.
	 * @throws ProblemException 400 with every invalid field; 409 {@code RECORD_OVERLAP}
	 * when refused
	 */
	@Transactional
	public ServiceRecordView recordAttendance(UUID volunteerId, UUID activityId, OffsetDateTime startedAt,
			OffsetDateTime endedAt, UUID recordedBy, RecordMethod method, OnOverlap onOverlap) {
		return recordAttendance(volunteerId, activityId, Optional.ofNullable(activityId).flatMap(this.activities::find),
				startedAt, endedAt, recordedBy, method, onOverlap);
	}

	/**
	 * The same for an activity the caller has just read in its transaction, so that it is
	 * not read again.
	 */
	public ServiceRecordView recordAttendance(UUID volunteerId, ActivityView activity, OffsetDateTime startedAt,
			OffsetDateTime endedAt, UUID recordedBy, RecordMethod method, OnOverlap onOverlap) {
		return recordAttendance(volunteerId, activity.id(), Optional.of(activity), startedAt, endedAt, recordedBy,
				method, onOverlap);
	}

	/**
	 * The same for a volunteer and an activity that the caller has just read in its
	 * transaction, so that neither is read again.
	 */
	public ServiceRecordView recordAttendance(VolunteerView volunteer, ActivityView activity, OffsetDateTime startedAt,
			OffsetDateTime endedAt, UUID recordedBy, RecordMethod method, OnOverlap onOverlap) {
		List<FieldProblem> problems = new ArrayList<>();
		Checked checked = check(Optional.of(volunteer), volunteer.id(), activity.id(), Optional.of(activity), startedAt,
				endedAt, problems);
		return appendAttendance(checked, problems, recordedBy, method, onOverlap);
	}

	private ServiceRecordView recordAttendance(UUID volunteerId, UUID activityId, Optional<ActivityView> activity,
			OffsetDateTime startedAt, OffsetDateTime endedAt, UUID recordedBy, RecordMethod method,
			OnOverlap onOverlap) {
		List<FieldProblem> problems = new ArrayList<>();
		Checked checked = check(volunteerId, activityId, activity, startedAt, endedAt, problems);
		return appendAttendance(checked, problems, recordedBy, method, onOverlap);
	}

	private ServiceRecordView appendAttendance(Checked checked, List<FieldProblem> problems, UUID recordedBy,
			RecordMethod method, OnOverlap onOverlap) {
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return append(checked, null, (method != null) ? method : RecordMethod.QR, recordedBy, null, null, onOverlap);
	}

	/**
	 * A record that another installation signed and the volunteer brought here, in the
	 * caller's transaction, under the local activity that stands for that installation:
	 * its hours are the ones approved there (not recomputed from its times), and it
	 * passes the same checks as every record, so that one that overlaps time already
	 * counted here is held for review instead of counted twice. The caller has checked
	 * the signature and the holder.
	 * @throws ProblemException 400 naming the fields of the record that cannot be a
	 * record
	 */
	@Transactional
	public ServiceRecordView recordTransferred(TransferredRecord request) {
		List<FieldProblem> problems = new ArrayList<>();
		Optional<ActivityView> activity = Optional.ofNullable(request.activityId()).flatMap(this.activities::find);
		VolunteerView volunteer = Optional.ofNullable(request.volunteerId())
			.flatMap(this.volunteers::find)
			.filter((v) -> v.status() == VolunteerStatus.ACTIVE)
			.orElse(null);
		if (volunteer == null) {
			problems.add(new FieldProblem("volunteerId", "validation.record.volunteer"));
		}
		if (activity.isEmpty()) {
			problems.add(new FieldProblem("activityId", "validation.record.activity"));
		}
		OffsetDateTime start = seconds(request.startedAt());
		OffsetDateTime end = seconds(request.endedAt());
		if (start == null || end == null) {
			problems.add(new FieldProblem("startedAt", "validation.required"));
		}
		else {
			checkTimes(start, end, problems);
		}
		BigDecimal hours = request.hours();
		if (hours == null || hours.signum() < 0 || hours.compareTo(BigDecimal.valueOf(24)) > 0
				|| hours.stripTrailingZeros().scale() > 2) {
			problems.add(new FieldProblem("hours", "validation.amendment.hours"));
		}
		if (request.content() == null || request.content().isBlank() || request.place() == null
				|| request.place().isBlank() || request.recordedBy() == null) {
			problems.add(new FieldProblem("content", "validation.record.content"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return append(new Checked(volunteer, activity.get(), start, end), truncate(request.place().strip(), 200),
				truncate(request.content().strip(), 1000), hours.setScale(2, RoundingMode.HALF_UP),
				RecordMethod.TRANSFER, request.recordedBy(), null, null, OnOverlap.HOLD);
	}

	/**
	 * The counted records that a span of the volunteer's time would overlap, for callers
	 * that report every collision before they write; the write checks again.
	 */
	public List<RecordConflict> conflictsWith(UUID volunteerId, OffsetDateTime startedAt, OffsetDateTime endedAt) {
		return this.flags.conflicts(volunteerId, seconds(startedAt), seconds(endedAt), null);
	}

	/**
	 * The volunteer's records, for the volunteer, admins of organizations they belong to,
	 * and operators and auditors of their region; another person's read is audited, a
	 * refusal too.
	 */
	public PageResult<ServiceRecordView> ofVolunteer(Actor actor, UUID volunteerId, PageQuery page) {
		VolunteerView volunteer = this.volunteers.read(actor, volunteerId);
		return this.records.ofVolunteer(volunteer.id(), page);
	}

	/** The caller's own records; 404 {@code NOT_A_VOLUNTEER} for staff accounts. */
	public PageResult<ServiceRecordView> mine(Actor actor, PageQuery page) {
		return this.records.ofVolunteer(this.volunteers.mine(actor).id(), page);
	}

	/**
	 * A volunteer's counted records that started on the given days (China time), oldest
	 * first, for certificates; the caller has authorized the read.
	 */
	public List<ServiceRecordView> recordsForCertificate(UUID volunteerId, LocalDate from, LocalDate to) {
		return this.records.inPeriod(volunteerId, from.atStartOfDay(CHINA).toOffsetDateTime(),
				to.plusDays(1).atStartOfDay(CHINA).toOffsetDateTime());
	}

	/**
	 * One record without a read check, for a module that authorizes its own callers
	 * against the record's organization and volunteer (evaluations, for instance).
	 */
	public Optional<ServiceRecordView> find(UUID recordId) {
		return this.records.view(recordId);
	}

	/**
	 * The organization's counted records, the newest service first, for its admins and
	 * its region's overseers.
	 */
	public PageResult<ServiceRecordView> countedOfOrganization(Actor actor, UUID organizationId, PageQuery page) {
		requireInsider(actor, organizationId);
		return this.records.countedOfOrganization(organizationId, page);
	}

	/** One record, for those who may read its volunteer's records. */
	public ServiceRecordView view(Actor actor, UUID recordId) {
		ServiceRecordView record = this.records.view(recordId)
			.orElseThrow(() -> ProblemException.notFound("RECORD_NOT_FOUND", "record.notFound"));
		requireReader(actor, record);
		return record;
	}

	static BigDecimal hoursBetween(OffsetDateTime start, OffsetDateTime end) {
		long minutes = Duration.between(start, end).toMinutes();
		return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
	}

	private ServiceRecordView append(Checked checked, String content, RecordMethod method, UUID recordedBy,
			String reason, String idempotencyKey, OnOverlap onOverlap) {
		return append(checked, truncate(checked.activity().address(), 200),
				(content != null) ? content : checked.activity().title(),
				hoursBetween(checked.startedAt(), checked.endedAt()), method, recordedBy, reason, idempotencyKey,
				onOverlap);
	}

	private ServiceRecordView append(Checked checked, String place, String content, BigDecimal hours,
			RecordMethod method, UUID recordedBy, String reason, String idempotencyKey, OnOverlap onOverlap) {
		return this.appender.append(checked.volunteer(), checked.activity(), checked.startedAt(), checked.endedAt(),
				place, content, hours, method, recordedBy, reason, idempotencyKey, onOverlap);
	}

	/**
	 * Recomputes the volunteer's total hours and star level from their counted records.
	 */
	void updateTotals(UUID volunteerId) {
		this.appender.recomputeTotals(volunteerId);
	}

	private Checked check(UUID volunteerId, UUID activityId, Optional<ActivityView> activity, OffsetDateTime startedAt,
			OffsetDateTime endedAt, List<FieldProblem> problems) {
		return check(Optional.ofNullable(volunteerId).flatMap(this.volunteers::find), volunteerId, activityId, activity,
				startedAt, endedAt, problems);
	}

	private Checked check(Optional<VolunteerView> found, UUID volunteerId, UUID activityId,
			Optional<ActivityView> activity, OffsetDateTime startedAt, OffsetDateTime endedAt,
			List<FieldProblem> problems) {
		VolunteerView volunteer = null;
		if (volunteerId == null) {
			problems.add(new FieldProblem("volunteerId", "validation.required"));
		}
		else {
			volunteer = found.filter((v) -> v.status() == VolunteerStatus.ACTIVE).orElse(null);
			if (volunteer == null) {
				problems.add(new FieldProblem("volunteerId", "validation.record.volunteer"));
			}
		}
		if (activityId == null) {
			problems.add(new FieldProblem("activityId", "validation.required"));
		}
		else if (activity.isEmpty() || !(RECORDABLE.contains(activity.get().status())
				|| this.activityReviews.awaitsBackfillConfirmation(activity.get().id()))) {
			problems.add(new FieldProblem("activityId", "validation.record.activity"));
		}
		OffsetDateTime start = seconds(startedAt);
		OffsetDateTime end = seconds(endedAt);
		if (start == null) {
			problems.add(new FieldProblem("startedAt", "validation.required"));
		}
		if (end == null) {
			problems.add(new FieldProblem("endedAt", "validation.required"));
		}
		if (start != null && end != null) {
			checkTimes(start, end, problems);
			if (activity.isPresent() && !withinActivityDays(activity.get(), start, end)) {
				problems.add(new FieldProblem("startedAt", "validation.record.window"));
			}
		}
		return new Checked(volunteer, activity.orElse(null), start, end);
	}

	static void checkTimes(OffsetDateTime start, OffsetDateTime end, List<FieldProblem> problems) {
		if (!end.isAfter(start) || Duration.between(start, end).compareTo(MAX_DURATION) > 0) {
			problems.add(new FieldProblem("endedAt", "validation.record.end"));
		}
		if (end.isAfter(now())) {
			problems.add(new FieldProblem("endedAt", "validation.record.future"));
		}
	}

	/**
	 * Within the activity's days (China time), give or take one day. The request's times
	 * are compared as instants, never moved into the zone: a time at the edge of what
	 * {@link OffsetDateTime} holds has no date in China.
	 */
	private static boolean withinActivityDays(ActivityView activity, OffsetDateTime start, OffsetDateTime end) {
		LocalDate first = activity.startsAt().atZoneSameInstant(CHINA).toLocalDate().minusDays(1);
		LocalDate afterLast = activity.endsAt().atZoneSameInstant(CHINA).toLocalDate().plusDays(2);
		return !start.toInstant().isBefore(first.atStartOfDay(CHINA).toInstant())
				&& end.toInstant().isBefore(afterLast.atStartOfDay(CHINA).toInstant());
	}

	private Optional<ServiceRecordView> earlier(UUID recordedBy, String key) {
		return this.records.findByIdempotencyKey(recordedBy, key).flatMap(this.records::view);
	}

	private void requireReader(Actor actor, ServiceRecordView record) {
		this.volunteers.read(actor, record.volunteerId());
	}

	/** The organization's admins and its region's overseers; 403 for anyone else. */
	void requireInsider(Actor actor, UUID organizationId) {
		OrganizationView organization = this.organizations.find(organizationId)
			.orElseThrow(() -> ProblemException.notFound("ORGANIZATION_NOT_FOUND", "organization.notFound"));
		if (!this.organizations.isAdmin(actor, organizationId)
				&& !this.accessPolicy.oversees(actor, organization.regionCode())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
	}

	/** The region's operators and auditors; 403 for anyone else. */
	void requireOverseer(Actor actor, String regionCode) {
		if (regionCode == null || !this.regions.exists(regionCode) || !this.accessPolicy.oversees(actor, regionCode)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
	}

	static OffsetDateTime seconds(OffsetDateTime time) {
		return (time != null) ? time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS) : null;
	}

	private static String truncate(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) : text;
	}

	static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

	/** A request's volunteer, activity and times once they have been checked. */
	private record Checked(VolunteerView volunteer, ActivityView activity, OffsetDateTime startedAt,
			OffsetDateTime endedAt) {

	}

}
