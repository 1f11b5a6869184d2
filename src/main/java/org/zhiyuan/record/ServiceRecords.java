package org.zhiyuan.record;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityStatus;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.record.RecordFlags.Assessment;
import org.zhiyuan.record.RegionVerification.BrokenChain;
import org.zhiyuan.record.ServiceRecordRepository.AmendmentRow;
import org.zhiyuan.record.ServiceRecordRepository.ChainRow;
import org.zhiyuan.record.ServiceRecordRepository.NewRow;
import org.zhiyuan.record.ServiceRecordRepository.VolunteerRef;
import org.zhiyuan.region.Region;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
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
 * stored record shows on verification. A record is never overwritten; its volunteer asks
 * for a correction, which the recording organization approves or rejects, and the
 * original stays readable. After every record and approved correction the volunteer's
 * total hours and star level are recomputed from the records themselves.
 */
@Service
public class ServiceRecords {

	/** The platform's default hours for stars 1 to 5 (C8). */
	public static final List<BigDecimal> DEFAULT_THRESHOLDS = List.of(hours("100"), hours("300"), hours("600"),
			hours("1000"), hours("1500"));

	/** Records are due within this many working days of an activity's end (art. 11). */
	static final int WORKING_DAYS_DUE = 10;

	/** At most this many volunteers are checked by one region-wide verification. */
	static final int VERIFY_CAP = 10_000;

	private static final int OVERDUE_LIMIT = 500;

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

	private final AuditLog auditLog;

	private final TransactionTemplate transaction;

	private final RecordFlags flags;

	private final RecordChains chains;

	ServiceRecords(ServiceRecordRepository records, Volunteers volunteers, Activities activities,
			Organizations organizations, AccessPolicy accessPolicy, Regions regions, AuditLog auditLog,
			PlatformTransactionManager transactions, RecordFlags flags, RecordChains chains) {
		this.records = records;
		this.flags = flags;
		this.chains = chains;
		this.volunteers = volunteers;
		this.activities = activities;
		this.organizations = organizations;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
		this.auditLog = auditLog;
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
		List<FieldProblem> problems = new ArrayList<>();
		Optional<ActivityView> activity = Optional.ofNullable(activityId).flatMap(this.activities::find);
		Checked checked = check(volunteerId, activityId, activity, startedAt, endedAt, problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return append(checked, null, (method != null) ? method : RecordMethod.QR, recordedBy, null, null, onOverlap);
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

	/** One record, for those who may read its volunteer's records. */
	/**
	 * A volunteer's records that started on the given days (China time), oldest first,
	 * for certificates; the caller has authorized the read.
	 */
	public List<ServiceRecordView> recordsForCertificate(UUID volunteerId, java.time.LocalDate from,
			java.time.LocalDate to) {
		java.time.ZoneId china = java.time.ZoneId.of("Asia/Shanghai");
		return this.records.inPeriod(volunteerId, from.atStartOfDay(china).toOffsetDateTime(),
				to.plusDays(1).atStartOfDay(china).toOffsetDateTime());
	}

	public ServiceRecordView view(Actor actor, UUID recordId) {
		ServiceRecordView record = this.records.view(recordId)
			.orElseThrow(() -> ProblemException.notFound("RECORD_NOT_FOUND", "record.notFound"));
		requireReader(actor, record);
		return record;
	}

	/** The corrections asked for on a record, oldest first. */
	public List<AmendmentView> amendmentsOf(Actor actor, UUID recordId) {
		view(actor, recordId);
		return this.records.amendmentsOf(recordId);
	}

	/** All corrections the caller asked for on their own records, newest first. */
	public List<AmendmentView> myAmendments(Actor actor) {
		return this.records.amendmentsOfVolunteer(this.volunteers.mine(actor).id());
	}

	/**
	 * The record's volunteer asks for a correction: either new hours, or new start and
	 * end times (the hours follow from them), with a reason. One pending request per
	 * record at a time.
	 * @throws ProblemException 409 {@code AMENDMENT_PENDING}, 403 for anyone but the
	 * record's volunteer
	 */
	@Transactional
	public AmendmentView requestAmendment(Actor volunteerActor, UUID recordId, OffsetDateTime startedAt,
			OffsetDateTime endedAt, BigDecimal hours, String reason) {
		ServiceRecordView record = this.records.view(recordId)
			.orElseThrow(() -> ProblemException.notFound("RECORD_NOT_FOUND", "record.notFound"));
		VolunteerView volunteer = this.volunteers.find(record.volunteerId()).orElseThrow();
		if (!volunteer.accountId().equals(volunteerActor.accountId())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		List<FieldProblem> problems = new ArrayList<>();
		OffsetDateTime start = seconds(startedAt);
		OffsetDateTime end = seconds(endedAt);
		BigDecimal corrected = null;
		boolean byTimes = start != null || end != null;
		if (byTimes && hours != null) {
			problems.add(new FieldProblem("hours", "validation.amendment.either"));
		}
		else if (byTimes) {
			if (start == null) {
				problems.add(new FieldProblem("startedAt", "validation.required"));
			}
			if (end == null) {
				problems.add(new FieldProblem("endedAt", "validation.required"));
			}
			else if (start != null) {
				checkTimes(start, end, problems);
				corrected = problems.isEmpty() ? hoursBetween(start, end) : null;
			}
		}
		else if (hours == null) {
			problems.add(new FieldProblem("hours", "validation.amendment.either"));
		}
		else if (hours.signum() < 0 || hours.compareTo(BigDecimal.valueOf(24)) > 0
				|| hours.stripTrailingZeros().scale() > 2) {
			problems.add(new FieldProblem("hours", "validation.amendment.hours"));
		}
		else {
			corrected = hours.setScale(2, RoundingMode.HALF_UP);
		}
		if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
			problems.add(new FieldProblem("reason", "validation.reason"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		ChainRow row = this.records.lockRecord(recordId).orElseThrow();
		if (this.records.hasPending(recordId)) {
			throw ProblemException.conflict("AMENDMENT_PENDING", "record.amendmentPending");
		}
		UUID id = Ids.newId();
		OffsetDateTime now = now().truncatedTo(ChronoUnit.MILLIS);
		String why = reason.strip();
		String hash = RecordHashes.ofAmendment(row.hash(), id, start, end, corrected, why, volunteerActor.accountId(),
				now, AmendmentStatus.PENDING, null, null, null);
		this.records.insertAmendment(new AmendmentRow(id, recordId, volunteerActor.accountId(), start, end, corrected,
				why, AmendmentStatus.PENDING, now, null, null, null, hash));
		this.auditLog.record(AuditRecord.of("record.amendment.request", volunteerActor.accountId())
			.on("record-amendment", id)
			.inRegion(volunteer.regionCode())
			.inOrganization(record.organizationId()));
		return this.records.amendment(id).orElseThrow();
	}

	/**
	 * An admin of the recording organization approves a correction: the record's
	 * effective hours become the corrected hours (its original hours stay readable) and
	 * the volunteer's totals are recomputed.
	 */
	@Transactional
	public AmendmentView approveAmendment(Actor actor, UUID amendmentId, String note) {
		return decide(actor, amendmentId, AmendmentStatus.APPROVED, note);
	}

	/** An admin of the recording organization rejects a correction; nothing changes. */
	@Transactional
	public AmendmentView rejectAmendment(Actor actor, UUID amendmentId, String note) {
		return decide(actor, amendmentId, AmendmentStatus.REJECTED, note);
	}

	/** Corrections waiting for the organization, oldest first. */
	public PageResult<AmendmentView> pendingAmendments(Actor admin, UUID organizationId, PageQuery page) {
		return amendmentsOfOrganization(admin, organizationId, AmendmentStatus.PENDING, page);
	}

	/**
	 * Corrections of the organization's records, in one status or all, for its admins and
	 * the region's overseers.
	 */
	public PageResult<AmendmentView> amendmentsOfOrganization(Actor actor, UUID organizationId, AmendmentStatus status,
			PageQuery page) {
		requireInsider(actor, organizationId);
		return this.records.amendmentsOfOrganization(organizationId, status, page);
	}

	/**
	 * The organization's finished activities with accepted volunteers and no record at
	 * all, more than 10 working days after their end. Working days count Monday to
	 * Friday; public holidays and the weekends moved around them are not modelled.
	 */
	public List<OverdueActivity> overdue(Actor actor, UUID organizationId) {
		requireInsider(actor, organizationId);
		return overdueOf(
				this.records.withoutRecords(organizationId, null, now().minusDays(WORKING_DAYS_DUE), OVERDUE_LIMIT));
	}

	/** The same for every organization of a region, for its operators and auditors. */
	public List<OverdueActivity> overdueInRegion(Actor actor, String regionCode) {
		requireOverseer(actor, regionCode);
		return overdueOf(this.records.withoutRecords(null, Regions.prefixOf(regionCode),
				now().minusDays(WORKING_DAYS_DUE), OVERDUE_LIMIT));
	}

	/**
	 * Recomputes a volunteer's chain, without an access check: for callers that have made
	 * their own decision.
	 */
	public ChainVerification verify(UUID volunteerId) {
		return this.chains.verify(volunteerId);
	}

	/** A volunteer's chain, for those who may read their records. */
	public ChainVerification verify(Actor actor, UUID volunteerId) {
		this.volunteers.read(actor, volunteerId);
		return verify(volunteerId);
	}

	/**
	 * Verifies the chains of a region's volunteers (those with records, at most
	 * {@value #VERIFY_CAP}), for its operators and auditors; the run is audited.
	 */
	public RegionVerification verifyAll(Actor actor, String regionCode) {
		requireOverseer(actor, regionCode);
		List<VolunteerRef> refs = this.records.volunteersWithRecords(Regions.prefixOf(regionCode), VERIFY_CAP + 1);
		boolean capped = refs.size() > VERIFY_CAP;
		List<BrokenChain> broken = new ArrayList<>();
		int recordsChecked = 0;
		int volunteersChecked = 0;
		for (VolunteerRef ref : refs.subList(0, Math.min(refs.size(), VERIFY_CAP))) {
			ChainVerification result = verify(ref.id());
			volunteersChecked++;
			recordsChecked += result.checked();
			if (!result.intact()) {
				broken.add(new BrokenChain(ref.id(), ref.volunteerNumber(), result.brokenAtSequence()));
			}
		}
		this.auditLog.record(AuditRecord.of("record.verify", actor.accountId())
			.on("region", regionCode)
			.inRegion(regionCode)
			.withDetail("volunteers " + volunteersChecked + ", broken " + broken.size()));
		return new RegionVerification(regionCode, volunteersChecked, recordsChecked, List.copyOf(broken), capped);
	}

	/**
	 * Sets a region's hours for stars 1 to 5 (strictly increasing, positive). They apply
	 * to the region and below, unless a nearer region has its own, from each volunteer's
	 * next record or approved correction on.
	 */
	@Transactional
	public List<BigDecimal> setStarThresholds(Actor operator, String regionCode, List<BigDecimal> hoursForStars1to5) {
		if (regionCode == null || !this.regions.exists(regionCode)) {
			throw ProblemException.notFound("REGION_NOT_FOUND", "region.notFound", regionCode);
		}
		this.accessPolicy.requireOperatorOf(operator, regionCode);
		List<BigDecimal> values = (hoursForStars1to5 != null) ? hoursForStars1to5 : List.of();
		boolean valid = values.size() == 5;
		for (int i = 0; valid && i < values.size(); i++) {
			BigDecimal value = values.get(i);
			valid = value != null && value.signum() > 0 && value.stripTrailingZeros().scale() <= 2
					&& value.compareTo(new BigDecimal("999999.99")) <= 0
					&& (i == 0 || value.compareTo(values.get(i - 1)) > 0);
		}
		if (!valid) {
			throw ProblemException.invalid(List.of(new FieldProblem("hours", "validation.record.thresholds")));
		}
		List<BigDecimal> scaled = values.stream().map((v) -> v.setScale(2, RoundingMode.HALF_UP)).toList();
		this.records.replaceThresholds(regionCode, scaled);
		this.auditLog.record(AuditRecord.of("record.star-thresholds", operator.accountId())
			.on("region", regionCode)
			.inRegion(regionCode)
			.withDetail(String.join(",", scaled.stream().map(BigDecimal::toPlainString).toList())));
		return scaled;
	}

	/**
	 * The hours for stars 1 to 5 that apply in a region: its own, else the nearest
	 * ancestor's, else the platform defaults.
	 */
	public List<BigDecimal> starThresholds(String regionCode) {
		if (regionCode == null || !this.regions.exists(regionCode)) {
			throw ProblemException.notFound("REGION_NOT_FOUND", "region.notFound", regionCode);
		}
		List<Region> path = new ArrayList<>(this.regions.path(regionCode));
		java.util.Collections.reverse(path);
		List<String> codes = new ArrayList<>(path.stream().map(Region::code).toList());
		codes.add(Regions.NATIONAL);
		for (String code : codes) {
			List<BigDecimal> own = this.records.thresholdsOf(code);
			if (own.size() == 5) {
				return own;
			}
		}
		return DEFAULT_THRESHOLDS;
	}

	/** The star level that the hours reach under the thresholds (0 to 5). */
	static int starFor(BigDecimal total, List<BigDecimal> thresholds) {
		int star = 0;
		for (BigDecimal threshold : thresholds) {
			if (total.compareTo(threshold) >= 0) {
				star++;
			}
		}
		return star;
	}

	/**
	 * The day that is {@code days} working days (Monday to Friday) after {@code from}.
	 */
	static LocalDate addWorkingDays(LocalDate from, int days) {
		LocalDate day = from;
		int added = 0;
		while (added < days) {
			day = day.plusDays(1);
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				added++;
			}
		}
		return day;
	}

	static BigDecimal hoursBetween(OffsetDateTime start, OffsetDateTime end) {
		long minutes = Duration.between(start, end).toMinutes();
		return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
	}

	private AmendmentView decide(Actor actor, UUID amendmentId, AmendmentStatus decision, String note) {
		if (note != null && note.length() > 500) {
			throw ProblemException.invalid(List.of(new FieldProblem("note", "validation.record.note")));
		}
		UUID recordId = this.records.recordOfAmendment(amendmentId)
			.orElseThrow(() -> ProblemException.notFound("AMENDMENT_NOT_FOUND", "record.amendmentNotFound"));
		ChainRow record = this.records.record(recordId).orElseThrow();
		if (!this.organizations.isAdmin(actor, record.organizationId())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		this.records.lockVolunteer(record.volunteerId());
		AmendmentRow amendment = this.records.lockAmendment(amendmentId).orElseThrow();
		if (amendment.status() != AmendmentStatus.PENDING) {
			throw ProblemException.conflict("INVALID_STATUS", "record.amendmentInvalidStatus",
					amendment.status().name());
		}
		OffsetDateTime now = now().truncatedTo(ChronoUnit.MILLIS);
		String why = (note != null && !note.isBlank()) ? note.strip() : null;
		String hash = RecordHashes.ofAmendment(record.hash(), amendment.id(), amendment.startedAt(),
				amendment.endedAt(), amendment.hours(), amendment.reason(), amendment.requestedBy(),
				amendment.requestedAt(), decision, actor.accountId(), now, why);
		this.records.decide(amendment.id(), decision, actor.accountId(), now, why, hash);
		if (decision == AmendmentStatus.APPROVED) {
			this.records.setEffectiveHours(recordId, amendment.hours());
			updateTotals(record.volunteerId());
		}
		this.auditLog.record(AuditRecord
			.of("record.amendment." + decision.name().toLowerCase(java.util.Locale.ROOT), actor.accountId())
			.on("record-amendment", amendment.id())
			.inOrganization(record.organizationId()));
		return this.records.amendment(amendment.id()).orElseThrow();
	}

	/**
	 * Appends a record to the volunteer's chain and recomputes their totals, in the
	 * current transaction. The volunteer's row is locked first, so that sequence numbers
	 * and links are taken one at a time.
	 */
	private ServiceRecordView append(Checked checked, String content, RecordMethod method, UUID recordedBy,
			String reason, String idempotencyKey, OnOverlap onOverlap) {
		VolunteerView volunteer = checked.volunteer();
		ActivityView activity = checked.activity();
		this.records.lockVolunteer(volunteer.id());
		BigDecimal hours = hoursBetween(checked.startedAt(), checked.endedAt());
		Assessment assessment = this.flags.assess(volunteer.id(), activity.id(), checked.startedAt(), checked.endedAt(),
				hours, method, onOverlap);
		Optional<ChainRow> head = this.records.head(volunteer.id());
		long sequence = head.map(ChainRow::sequence).orElse(0L) + 1;
		String prevHash = head.map(ChainRow::hash).orElse(RecordHashes.GENESIS);
		String hash = RecordHashes.ofRecord(volunteer.id(), sequence, activity.id(), activity.organizationId(),
				checked.startedAt(), checked.endedAt(), hours, method, recordedBy, prevHash, assessment.flags(),
				assessment.held());
		UUID id = Ids.newId();
		this.records.insert(new NewRow(id, volunteer.id(), activity.id(), activity.organizationId(),
				truncate(activity.address(), 200), (content != null) ? content : activity.title(), checked.startedAt(),
				checked.endedAt(), hours, method, recordedBy, reason, now().truncatedTo(ChronoUnit.MILLIS), sequence,
				prevHash, hash, idempotencyKey, assessment.flags(), assessment.held()));
		updateTotals(volunteer.id());
		String flagged = assessment.flags().isEmpty() ? "" : " " + RecordHashes.flagsText(assessment.flags());
		this.auditLog.record(AuditRecord.of("record.create", recordedBy)
			.on("service-record", id)
			.inRegion(activity.regionCode())
			.inOrganization(activity.organizationId())
			.withDetail(method.name() + " " + hours.toPlainString() + flagged + (assessment.held() ? " held" : "")));
		return this.records.view(id).orElseThrow();
	}

	/**
	 * Recomputes the volunteer's total hours and star level from their counted records.
	 */
	void updateTotals(UUID volunteerId) {
		VolunteerView volunteer = this.volunteers.find(volunteerId).orElseThrow();
		BigDecimal total = this.records.totalOf(volunteerId).setScale(2, RoundingMode.HALF_UP);
		this.volunteers.updateHoursAndStars(volunteerId, total, starFor(total, starThresholds(volunteer.regionCode())));
	}

	private Checked check(UUID volunteerId, UUID activityId, Optional<ActivityView> activity, OffsetDateTime startedAt,
			OffsetDateTime endedAt, List<FieldProblem> problems) {
		VolunteerView volunteer = null;
		if (volunteerId == null) {
			problems.add(new FieldProblem("volunteerId", "validation.required"));
		}
		else {
			volunteer = this.volunteers.find(volunteerId)
				.filter((v) -> v.status() == VolunteerStatus.ACTIVE)
				.orElse(null);
			if (volunteer == null) {
				problems.add(new FieldProblem("volunteerId", "validation.record.volunteer"));
			}
		}
		if (activityId == null) {
			problems.add(new FieldProblem("activityId", "validation.required"));
		}
		else if (activity.isEmpty() || !RECORDABLE.contains(activity.get().status())) {
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

	private static void checkTimes(OffsetDateTime start, OffsetDateTime end, List<FieldProblem> problems) {
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

	private List<OverdueActivity> overdueOf(List<OverdueActivity> candidates) {
		LocalDate today = now().atZoneSameInstant(CHINA).toLocalDate();
		List<OverdueActivity> overdue = new ArrayList<>();
		for (OverdueActivity candidate : candidates) {
			LocalDate due = addWorkingDays(candidate.endedAt().atZoneSameInstant(CHINA).toLocalDate(),
					WORKING_DAYS_DUE);
			if (today.isAfter(due)) {
				overdue.add(new OverdueActivity(candidate.activityId(), candidate.title(), candidate.organizationId(),
						candidate.organizationName(), candidate.endedAt(), due, candidate.approvedSignups()));
			}
		}
		return overdue;
	}

	private Optional<ServiceRecordView> earlier(UUID recordedBy, String key) {
		return this.records.findByIdempotencyKey(recordedBy, key).flatMap(this.records::view);
	}

	private void requireReader(Actor actor, ServiceRecordView record) {
		this.volunteers.read(actor, record.volunteerId());
	}

	private void requireInsider(Actor actor, UUID organizationId) {
		OrganizationView organization = this.organizations.find(organizationId)
			.orElseThrow(() -> ProblemException.notFound("ORGANIZATION_NOT_FOUND", "organization.notFound"));
		if (!this.organizations.isAdmin(actor, organizationId)
				&& !this.accessPolicy.oversees(actor, organization.regionCode())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
	}

	private void requireOverseer(Actor actor, String regionCode) {
		if (regionCode == null || !this.regions.exists(regionCode) || !this.accessPolicy.oversees(actor, regionCode)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
	}

	private static OffsetDateTime seconds(OffsetDateTime time) {
		return (time != null) ? time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS) : null;
	}

	private static String truncate(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) : text;
	}

	private static BigDecimal hours(String value) {
		return new BigDecimal(value).setScale(2);
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

	/** A request's volunteer, activity and times once they have been checked. */
	private record Checked(VolunteerView volunteer, ActivityView activity, OffsetDateTime startedAt,
			OffsetDateTime endedAt) {

	}

}
