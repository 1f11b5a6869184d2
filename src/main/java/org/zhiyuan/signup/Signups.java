package org.zhiyuan.signup;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.Access;
import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.ScopedObject;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityCancelled;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.ActivityView.PositionView;
import org.zhiyuan.activity.ApprovalMode;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.PersonMatch;
import org.zhiyuan.shared.PersonQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.signup.SignupRepository.Row;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Sign-ups. A place is taken only by a conditional update of the position's accepted
 * count, in the same transaction as the sign-up row, so capacity is never exceeded
 * however many requests arrive at once. When a place frees up, the first in the waiting
 * list who can take it moves up in the same transaction ({@link WaitingList}).
 */
@Service
public class Signups {

	/**
	 * Cancelling within this time before the start counts as late (条例 art. 22: with
	 * notice).
	 */
	static final Duration NOTICE = Duration.ofHours(24);

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final SignupRepository signups;

	private final Activities activities;

	private final Volunteers volunteers;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate writing;

	private final PositionLanes<Pending> lanes = new PositionLanes<>();

	private final PositionRequirements furtherRequirements;

	private final WaitingList waitingList;

	Signups(SignupRepository signups, Activities activities, Volunteers volunteers, AccessPolicy accessPolicy,
			AuditLog auditLog, ApplicationEventPublisher events, PlatformTransactionManager transactions,
			PositionRequirements furtherRequirements, WaitingList waitingList) {
		this.furtherRequirements = furtherRequirements;
		this.waitingList = waitingList;
		this.signups = signups;
		this.activities = activities;
		this.volunteers = volunteers;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
		this.events = events;
		this.writing = new TransactionTemplate(transactions);
	}

	/**
	 * Signs the calling volunteer up for a position.
	 * <p>
	 * The checks read what they need first, outside any transaction. A sign-up that may
	 * take a place then joins its position's lane ({@link PositionLanes}): sign-ups for a
	 * busy position are written together, one lock of the position and one commit for
	 * each batch, places given in arrival order. One that cannot take a place (the
	 * position is full or the organizer decides) is written at once in its own
	 * transaction.
	 * @throws ProblemException 409 {@code ACTIVITY_FULL} when no place is left and there
	 * is no waiting list, 409 {@code ALREADY_SIGNED_UP}, 422 {@code REQUIREMENT_NOT_MET}
	 * (age, qualification, overlapping service) or {@code SIGNUP_CLOSED}
	 */
	public SignupView signUp(Actor actor, UUID activityId, UUID positionId) {
		VolunteerView volunteer = this.volunteers.mine(actor);
		ActivityView activity = this.activities.view(actor, activityId);
		if (positionId == null) {
			throw ProblemException.invalid(List.of(new FieldProblem("positionId", "validation.required")));
		}
		PositionView position = activity.positions()
			.stream()
			.filter((p) -> p.id().equals(positionId))
			.findFirst()
			.orElseThrow(() -> ProblemException
				.invalid(List.of(new FieldProblem("positionId", "validation.signup.position"))));
		if (!activity.isOpenForSignup(now())) {
			throw ProblemException.unprocessable("SIGNUP_CLOSED", "signup.closed");
		}
		// the overlap with the volunteer's other service is checked as the sign-up is
		// written, under their lock
		checkPersonalRequirements(volunteer, activity, position);
		Pending pending = new Pending(actor, volunteer, activity, positionId,
				RequestContextHolder.getRequestAttributes());
		boolean mayTakePlace = activity.approval() != ApprovalMode.MANUAL && position.free() > 0;
		if (mayTakePlace && !TransactionSynchronizationManager.isActualTransactionActive()) {
			this.lanes.submit(positionId, pending, (batch) -> writeTogether(positionId, batch));
		}
		else {
			writeTogether(positionId, List.of(pending));
		}
		return pending.result();
	}

	/**
	 * Writes sign-ups for one position in one transaction and settles each once it has
	 * committed. Several lock the position first and take their places with one update at
	 * the end; one alone claims its place directly. Should the batch fail as a whole (a
	 * volunteer signing up twice at the same moment), each is written again alone.
	 */
	private void writeTogether(UUID positionId, List<Pending> batch) {
		Map<Pending, Object> outcomes;
		try {
			outcomes = this.writing.execute((status) -> write(positionId, batch));
		}
		catch (RuntimeException ex) {
			if (batch.size() > 1) {
				for (Pending each : batch) {
					writeTogether(positionId, List.of(each));
				}
				return;
			}
			outcomes = Map.of(batch.get(0), (ex instanceof DuplicateKeyException)
					? ProblemException.conflict("ALREADY_SIGNED_UP", "signup.already") : ex);
		}
		for (Pending each : batch) {
			Object outcome = outcomes.get(each);
			each.settle((outcome != null) ? outcome : new IllegalStateException("a sign-up left unwritten"));
		}
	}

	/**
	 * The sign-ups as written, or the problems that refused them, in the current
	 * transaction.
	 */
	private Map<Pending, Object> write(UUID positionId, List<Pending> batch) {
		Map<Pending, Object> outcomes = new IdentityHashMap<>();
		batch.stream().map(Pending::volunteerId).distinct().sorted().forEach(this.signups::lockVolunteer);
		// one position, so one activity
		UUID activityId = batch.get(0).activity().id();
		int free = (batch.size() > 1) ? this.activities.lockFreePlaces(activityId, positionId) : -1;
		int taken = 0;
		RequestAttributes own = RequestContextHolder.getRequestAttributes();
		try {
			for (Pending p : batch) {
				RequestContextHolder.setRequestAttributes(p.request());
				OffsetDateTime now = now();
				List<Row> mine = this.signups.lockAllFor(p.activity().id(), p.volunteerId());
				if (mine.stream()
					.anyMatch((r) -> r.status().isActive() && overlaps(p.activity(), r.positionId(), positionId))) {
					outcomes.put(p, ProblemException.conflict("ALREADY_SIGNED_UP", "signup.already"));
					continue;
				}
				List<String> elsewhere = overlappingElsewhere(p.volunteerId(), p.activity(),
						positionOf(p.activity(), positionId));
				if (!elsewhere.isEmpty()) {
					outcomes.put(p, overlap(elsewhere));
					continue;
				}
				UUID slot = slotOf(p.activity(), positionId);
				Optional<Row> existing = mine.stream()
					.filter((r) -> slot.equals(slotOf(p.activity(), r.positionId())))
					.findFirst();
				SignupStatus status;
				boolean holds = false;
				if (p.activity().approval() == ApprovalMode.MANUAL) {
					status = SignupStatus.PENDING;
				}
				else if ((free >= 0) ? taken < free : this.activities.claimPlace(activityId, positionId)) {
					status = SignupStatus.APPROVED;
					holds = true;
					taken++;
				}
				else if (p.activity().waitlist()) {
					status = SignupStatus.WAITLISTED;
				}
				else {
					outcomes.put(p, ProblemException.conflict("ACTIVITY_FULL", "signup.full"));
					continue;
				}
				UUID id = existing.map(Row::id).orElseGet(Ids::newId);
				if (existing.isPresent()) {
					this.signups.restart(p.activity().id(), id, positionId, status, holds, now);
				}
				else {
					this.signups.insert(id, p.activity().id(), positionOf(p.activity(), positionId), slot,
							p.volunteerId(), status, holds, null, SignupOrigin.SELF, now);
				}
				this.signups.event(p.activity().id(), id, status, null, p.actor().accountId(), now);
				this.auditLog.record(AuditRecord.of("signup.create", p.actor().accountId())
					.on("signup", id)
					.inRegion(p.activity().regionCode())
					.inOrganization(p.activity().organizationId())
					.withDetail(status.name()));
				if (holds) {
					this.events.publishEvent(new SignupApproved(id, p.activity().id(), p.volunteerId(), false,
							p.activity(), p.volunteer().accountId()));
				}
				// what the sign-up's row now says, without reading it back
				outcomes.put(p,
						new SignupView(id, p.activity().id(), p.activity().title(), p.activity().startsAt(),
								p.activity().endsAt(), positionId, positionOf(p.activity(), positionId).name(),
								p.volunteerId(), p.volunteer().name(), p.volunteer().volunteerNumber(),
								p.volunteer().phoneMasked(), status, now, null, false, SignupOrigin.SELF));
			}
		}
		finally {
			RequestContextHolder.setRequestAttributes(own);
		}
		if (free >= 0 && taken > 0 && !this.activities.claimPlaces(activityId, positionId, taken)) {
			throw new IllegalStateException("places of a locked position changed");
		}
		return outcomes;
	}

	/**
	 * A sign-up on its way to the database, and then its id or the problem that refused
	 * it.
	 */
	private static final class Pending implements PositionLanes.Request {

		private final Actor actor;

		private final VolunteerView volunteer;

		private final ActivityView activity;

		private final UUID positionId;

		private final RequestAttributes request;

		private volatile Object outcome;

		Pending(Actor actor, VolunteerView volunteer, ActivityView activity, UUID positionId,
				RequestAttributes request) {
			this.actor = actor;
			this.volunteer = volunteer;
			this.activity = activity;
			this.positionId = positionId;
			this.request = request;
		}

		Actor actor() {
			return this.actor;
		}

		UUID volunteerId() {
			return this.volunteer.id();
		}

		VolunteerView volunteer() {
			return this.volunteer;
		}

		ActivityView activity() {
			return this.activity;
		}

		RequestAttributes request() {
			return this.request;
		}

		void settle(Object value) {
			this.outcome = value;
		}

		@Override
		public boolean settled() {
			return this.outcome != null;
		}

		@Override
		public void fail(Throwable failure) {
			this.outcome = failure;
		}

		/** The sign-up as written, or the problem rethrown in the caller's thread. */
		SignupView result() {
			Object value = this.outcome;
			if (value instanceof SignupView written) {
				return written;
			}
			if (value instanceof RuntimeException ex) {
				throw ex;
			}
			if (value instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException("sign-up for position " + this.positionId + " was not written",
					(Throwable) value);
		}

	}

	/**
	 * The organizer accepts a pending or waiting sign-up. With no place left it joins (or
	 * stays on) the waiting list when the activity has one, else 409
	 * {@code ACTIVITY_FULL}.
	 */
	@Transactional
	public SignupView approve(Actor actor, UUID signupId) {
		this.signups.volunteerOf(signupId).ifPresent(this.signups::lockVolunteer);
		Row row = lockManaged(actor, signupId);
		if (row.status() != SignupStatus.PENDING && row.status() != SignupStatus.WAITLISTED) {
			throw ProblemException.conflict("INVALID_STATUS", "signup.invalidStatus", row.status().name());
		}
		ActivityView activity = activityOf(row);
		if (!overlappingElsewhere(row.volunteerId(), activity, positionOf(activity, row.positionId())).isEmpty()) {
			throw ProblemException.unprocessable("REQUIREMENT_NOT_MET", "signup.requirement.overlapOfVolunteer");
		}
		OffsetDateTime now = now();
		if (this.activities.claimPlace(row.activityId(), row.positionId())) {
			this.signups.decide(row.activityId(), row.id(), SignupStatus.APPROVED, true, now);
			this.signups.event(row.activityId(), row.id(), SignupStatus.APPROVED, null, actor.accountId(), now);
			this.events.publishEvent(new SignupApproved(row.id(), row.activityId(), row.volunteerId(), false));
		}
		else if (activity.waitlist()) {
			if (row.status() == SignupStatus.PENDING) {
				this.signups.decide(row.activityId(), row.id(), SignupStatus.WAITLISTED, false, now);
				this.signups.event(row.activityId(), row.id(), SignupStatus.WAITLISTED, null, actor.accountId(), now);
			}
		}
		else {
			throw ProblemException.conflict("ACTIVITY_FULL", "signup.full");
		}
		audit("signup.approve", actor, row);
		return this.signups.view(row.id()).orElseThrow();
	}

	/** The organizer declines a pending or waiting sign-up. */
	@Transactional
	public SignupView reject(Actor actor, UUID signupId, String reason) {
		Row row = lockManaged(actor, signupId);
		if (row.status() != SignupStatus.PENDING && row.status() != SignupStatus.WAITLISTED) {
			throw ProblemException.conflict("INVALID_STATUS", "signup.invalidStatus", row.status().name());
		}
		String why = optionalReason(reason);
		this.signups.end(row.activityId(), row.id(), SignupStatus.REJECTED, why, false, now());
		this.signups.event(row.activityId(), row.id(), SignupStatus.REJECTED, why, actor.accountId(), now());
		audit("signup.reject", actor, row);
		this.events.publishEvent(
				new SignupCancelled(row.id(), row.activityId(), row.volunteerId(), SignupStatus.REJECTED, true, why));
		return this.signups.view(row.id()).orElseThrow();
	}

	/**
	 * Cancels a sign-up: by the volunteer (a reason is optional; within 24 hours of the
	 * start the cancellation is marked late) or by the organizer (a reason is required).
	 * A freed place goes to the first in the waiting list who can take it.
	 */
	@Transactional
	public SignupView cancel(Actor actor, UUID signupId, String reason) {
		// their volunteer first, locked before sign-ups and places as everywhere
		this.signups.volunteerOf(signupId).ifPresent(this.signups::lockVolunteer);
		Row row = this.signups.lock(signupId)
			.orElseThrow(() -> ProblemException.notFound("SIGNUP_NOT_FOUND", "signup.notFound"));
		VolunteerView volunteer = this.volunteers.find(row.volunteerId()).orElseThrow();
		ActivityView activity = activityOf(row);
		boolean own = volunteer.accountId().equals(actor.accountId());
		if (!own) {
			this.activities.requireManager(actor, activity);
			if (reason == null || reason.isBlank()) {
				throw ProblemException.invalid(List.of(new FieldProblem("reason", "validation.reason")));
			}
		}
		if (!row.status().isActive()) {
			throw ProblemException.conflict("INVALID_STATUS", "signup.invalidStatus", row.status().name());
		}
		OffsetDateTime now = now();
		boolean late = own && isLate(row.status(), activity.startsAt(), now);
		String why = optionalReason(reason);
		this.signups.end(row.activityId(), row.id(), SignupStatus.CANCELLED, why, late, now);
		this.signups.event(row.activityId(), row.id(), SignupStatus.CANCELLED, why, actor.accountId(), now);
		if (row.holdsPlace()) {
			this.activities.releasePlace(row.activityId(), row.positionId());
			this.waitingList.promoteInto(row.activityId(), row.positionId(), actor.accountId());
		}
		audit(own ? "signup.cancel" : "signup.cancel.organizer", actor, row);
		this.events.publishEvent(
				new SignupCancelled(row.id(), row.activityId(), row.volunteerId(), SignupStatus.CANCELLED, !own, why));
		return this.signups.view(row.id()).orElseThrow();
	}

	/**
	 * When an activity is cancelled, so are all its sign-ups, with the activity's reason.
	 */
	@EventListener
	void on(ActivityCancelled event) {
		OffsetDateTime now = now();
		for (Row row : this.signups.activeOf(event.activityId())) {
			this.signups.end(row.activityId(), row.id(), SignupStatus.CANCELLED, event.reason(), false, now);
			this.signups.event(row.activityId(), row.id(), SignupStatus.CANCELLED, event.reason(), null, now);
			if (row.holdsPlace()) {
				this.activities.releasePlace(row.activityId(), row.positionId());
			}
			this.events.publishEvent(new SignupCancelled(row.id(), row.activityId(), row.volunteerId(),
					SignupStatus.CANCELLED, true, event.reason()));
		}
	}

	public PageResult<SignupView> mine(Actor actor, boolean upcoming, PageQuery page) {
		VolunteerView volunteer = this.volunteers.mine(actor);
		return this.signups.ofVolunteer(volunteer.id(), upcoming, now(), page);
	}

	/**
	 * The activity's roster, for its organizers and the region's overseers; the read is
	 * audited.
	 */
	public PageResult<SignupView> roster(Actor actor, UUID activityId, SignupStatus status, PageQuery page) {
		ActivityView activity = this.activities.view(actor, activityId);
		this.accessPolicy.check(actor, Access.READ, new ScopedObject("activity-roster", activityId.toString(), null,
				activity.regionCode(), Set.of(activity.organizationId())));
		return this.signups.ofActivity(activityId, status, page);
	}

	/**
	 * Volunteers holding an accepted place whose name contains the query or whose phone
	 * or volunteer number contains its digits, for a people picker of the activity's
	 * organizers and the region's overseers; audited like the roster. At most
	 * {@value PersonMatch#MAX}, masked.
	 */
	public List<PersonMatch> pickAccepted(Actor actor, UUID activityId, String query) {
		ActivityView activity = this.activities.view(actor, activityId);
		this.accessPolicy.check(actor, Access.READ, new ScopedObject("activity-roster", activityId.toString(), null,
				activity.regionCode(), Set.of(activity.organizationId())));
		PersonQuery parsed = PersonQuery.of(query);
		return (parsed != null) ? this.signups.pickApproved(activityId, parsed, PersonMatch.MAX) : List.of();
	}

	public Optional<SignupView> view(UUID signupId) {
		return this.signups.view(signupId);
	}

	/**
	 * The caller's sign-up for an activity, if any (ended ones included): an active one
	 * first.
	 */
	public Optional<SignupView> mineFor(Actor actor, UUID activityId) {
		return allMineFor(actor, activityId).stream().findFirst();
	}

	/**
	 * All the caller's sign-ups for an activity (one per shift), active ones first, then
	 * the latest.
	 */
	public List<SignupView> allMineFor(Actor actor, UUID activityId) {
		return (actor == null) ? List.of()
				: this.volunteers.findByAccount(actor.accountId())
					.map((v) -> this.signups.ofVolunteerAt(activityId, v.id()))
					.orElse(List.of());
	}

	/**
	 * Whether two positions of the activity overlap in time: the same position, or a
	 * whole-activity position with any other, or two shifts whose times overlap.
	 */
	static boolean overlaps(ActivityView activity, UUID one, UUID other) {
		if (one.equals(other)) {
			return true;
		}
		PositionView a = positionOf(activity, one);
		PositionView b = positionOf(activity, other);
		if (a == null || b == null) {
			return true;
		}
		return activity.startsAt(a).isBefore(activity.endsAt(b)) && activity.startsAt(b).isBefore(activity.endsAt(a));
	}

	/**
	 * A sign-up's slot: its position when that is a shift, else the activity. The
	 * database holds one sign-up per volunteer and slot.
	 */
	static UUID slotOf(ActivityView activity, UUID positionId) {
		PositionView position = positionOf(activity, positionId);
		return (position != null && position.isShift()) ? positionId : activity.id();
	}

	private static PositionView positionOf(ActivityView activity, UUID positionId) {
		return activity.positions().stream().filter((p) -> p.id().equals(positionId)).findFirst().orElse(null);
	}

	/**
	 * Whether the volunteer holds an accepted place at the activity: who may check in.
	 */
	public boolean isApproved(UUID volunteerId, UUID activityId) {
		return this.signups.isApproved(volunteerId, activityId);
	}

	/**
	 * The positions in which the volunteer holds an accepted place at the activity: whose
	 * requirements a check-in checks again.
	 */
	public List<UUID> approvedPositions(UUID volunteerId, UUID activityId) {
		return this.signups.approvedPositions(volunteerId, activityId);
	}

	/**
	 * How many sign-ups hold a place of the position: must always equal its accepted
	 * count.
	 */
	public long placesHeld(UUID positionId) {
		return this.signups.countApproved(positionId);
	}

	/**
	 * Whether the volunteer may take the position: age, qualifications, gender and past
	 * service, and no overlap with their other accepted service.
	 * @throws ProblemException 422 {@code REQUIREMENT_NOT_MET} saying which
	 */
	void checkRequirements(VolunteerView volunteer, ActivityView activity, PositionView position) {
		checkPersonalRequirements(volunteer, activity, position);
		List<String> overlapping = overlappingElsewhere(volunteer.id(), activity, position);
		if (!overlapping.isEmpty()) {
			throw overlap(overlapping);
		}
	}

	/**
	 * The requirements on the volunteer themself (age, qualifications, gender and past
	 * service), without the overlap with their other service, which a sign-up checks
	 * under the volunteer's lock as it is written.
	 */
	private void checkPersonalRequirements(VolunteerView volunteer, ActivityView activity, PositionView position) {
		if (position.minAge() != null || position.maxAge() != null) {
			if (volunteer.birthDate() == null) {
				throw ProblemException.unprocessable("REQUIREMENT_NOT_MET", "signup.requirement.ageUnknown");
			}
			int age = Period.between(volunteer.birthDate(), activity.startsAt().atZoneSameInstant(CHINA).toLocalDate())
				.getYears();
			int min = (position.minAge() != null) ? position.minAge() : 0;
			int max = (position.maxAge() != null) ? position.maxAge() : 200;
			if (age < min || age > max) {
				throw (position.maxAge() != null)
						? ProblemException.unprocessable("REQUIREMENT_NOT_MET", "signup.requirement.ageRange", min, max)
						: ProblemException.unprocessable("REQUIREMENT_NOT_MET", "signup.requirement.minAge", min);
			}
		}
		this.volunteers.requireQualifications(volunteer.id(), position.qualifications(), activity.endsAt(position));
		this.furtherRequirements.check(volunteer, position);
	}

	/**
	 * Titles of the volunteer's other activities where they hold an accepted place whose
	 * time overlaps the position's. Read again under the volunteer's lock before a
	 * sign-up is written, so that two requests at the same moment cannot both pass.
	 */
	List<String> overlappingElsewhere(UUID volunteerId, ActivityView activity, PositionView position) {
		return this.signups.overlapping(volunteerId, activity.id(),
				(position != null) ? activity.startsAt(position) : activity.startsAt(),
				(position != null) ? activity.endsAt(position) : activity.endsAt());
	}

	static ProblemException overlap(List<String> overlapping) {
		return ProblemException.unprocessable("REQUIREMENT_NOT_MET", "signup.requirement.overlap", overlapping.get(0));
	}

	private Row lockManaged(Actor actor, UUID signupId) {
		Row row = this.signups.lock(signupId)
			.orElseThrow(() -> ProblemException.notFound("SIGNUP_NOT_FOUND", "signup.notFound"));
		this.activities.requireManager(actor, activityOf(row));
		return row;
	}

	private ActivityView activityOf(Row row) {
		return this.activities.find(row.activityId()).orElseThrow();
	}

	private void audit(String action, Actor actor, Row row) {
		this.auditLog.record(AuditRecord.of(action, actor.accountId()).on("signup", row.id()));
	}

	private static String optionalReason(String reason) {
		if (reason != null && reason.length() > 500) {
			throw ProblemException.invalid(List.of(new FieldProblem("reason", "validation.reason")));
		}
		return (reason != null && !reason.isBlank()) ? reason.strip() : null;
	}

	/**
	 * Whether the volunteer's cancelling this sign-up now would count as late: an
	 * accepted place given up within 24 hours of the start. What the page warns of before
	 * asking.
	 */
	public boolean cancellingNowIsLate(SignupView signup) {
		return isLate(signup.status(), signup.startsAt(), now());
	}

	private static boolean isLate(SignupStatus status, OffsetDateTime startsAt, OffsetDateTime now) {
		return status == SignupStatus.APPROVED && Duration.between(now, startsAt).compareTo(NOTICE) < 0;
	}

	/** Now, to the microsecond that the databases keep. */
	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
	}

}
