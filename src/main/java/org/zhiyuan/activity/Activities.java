package org.zhiyuan.activity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.ActivityRepository.PositionRow;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.shared.identity.PhoneNumbers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities and the project library. Admins of an active organization create activities
 * as drafts and publish them; the lifecycle then follows the clock (recruiting → in
 * progress → finished); an organizer or the region's operator may cancel with a reason
 * that reaches every signed-up volunteer.
 */
@Service
public class Activities {

	private static final Set<ActivityStatus> PUBLIC = EnumSet.of(ActivityStatus.RECRUITING, ActivityStatus.IN_PROGRESS,
			ActivityStatus.FINISHED, ActivityStatus.ARCHIVED, ActivityStatus.CANCELLED);

	private static final int MAX_POSITIONS = 50;

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/**
	 * How long after it began an operator of its region may still register an activity
	 * that took place offline, entering historical records (for instance a team's paper
	 * records when it moves onto the platform): half a year, the period most bodies
	 * report their hours for. Organizers have {@link BackfillWindow}.
	 */
	static final Duration PAST_WINDOW = Duration.ofDays(183);

	private final ActivityRepository activities;

	private final Organizations organizations;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<PublicationRule> publicationRules;

	private final ActivityReviews reviews;

	private final PositionQualifications qualifications;

	private final ObjectProvider<ActiveSignups> activeSignups;

	Activities(ActivityRepository activities, Organizations organizations, AccessPolicy accessPolicy, Regions regions,
			AuditLog auditLog, ApplicationEventPublisher events, ObjectProvider<PublicationRule> publicationRules,
			ActivityReviews reviews, PositionQualifications qualifications,
			ObjectProvider<ActiveSignups> activeSignups) {
		this.publicationRules = publicationRules;
		this.reviews = reviews;
		this.qualifications = qualifications;
		this.activeSignups = activeSignups;
		this.activities = activities;
		this.organizations = organizations;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
		this.auditLog = auditLog;
		this.events = events;
	}

	@Transactional
	public ActivityView create(Actor actor, NewActivity request) {
		List<FieldProblem> problems = problemsOf(request, null);
		NewActivity coded = withCodes(request, problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		OrganizationView organization = requireOrganizerOf(actor, request);
		UUID id = Ids.newId();
		this.activities.insert(id, withDefaults(coded), actor.accountId(), now());
		this.auditLog.record(AuditRecord.of("activity.create", actor.accountId())
			.on("activity", id)
			.inRegion(request.regionCode())
			.inOrganization(organization.id()));
		return this.activities.find(id).orElseThrow();
	}

	/**
	 * Registers an activity that already took place offline without being published, so
	 * that its records can be entered afterwards (补录); it never recruits, so it has no
	 * sign-ups and no publication time, and the audit log keeps the reason given.
	 * <p>
	 * The same admins as for {@link #create} register an activity that ended before now
	 * and began within the last {@link BackfillWindow#WORKING_DAYS} working days
	 * ({@link BackfillWindow}). It waits, {@code PENDING_REVIEW}, in the review queue of
	 * its region's operators, marked as a backfill ({@link ActivityReviews}); the records
	 * the organization enters meanwhile are held, not counted, until the operators
	 * confirm the activity, which confirms them with it (or rejects it, which voids
	 * them).
	 * <p>
	 * An operator of the activity's region and of its organization's region may instead
	 * enter historical records: an activity that began within {@link #PAST_WINDOW}, which
	 * is {@code FINISHED} at once since its confirmer registered it. Records entered for
	 * it by hand are flagged {@code NO_SIGNUP} and wait for the operators one by one.
	 * @throws ProblemException 400 naming every bad field, 403 for anyone else
	 */
	@Transactional
	public ActivityView recordPast(Actor actor, NewActivity request, String reason) {
		boolean historian = request.regionCode() != null && request.organizationId() != null
				&& this.accessPolicy.operates(actor, request.regionCode())
				&& this.organizations.find(request.organizationId())
					.filter((o) -> this.accessPolicy.operates(actor, o.regionCode()))
					.isPresent();
		OffsetDateTime earliest = historian ? now().minus(PAST_WINDOW)
				: BackfillWindow.earliestDay(now().atZoneSameInstant(CHINA).toLocalDate())
					.atStartOfDay(CHINA)
					.toOffsetDateTime();
		List<FieldProblem> problems = problemsOf(request, earliest);
		NewActivity coded = withCodes(request, problems);
		if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
			problems.add(new FieldProblem("reason", "validation.reason"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		OrganizationView organization = historian
				? requireProjectOf(this.organizations.requireActive(actor, request.organizationId()), request)
				: requireOrganizerOf(actor, request);
		UUID id = Ids.newId();
		OffsetDateTime now = now();
		NewActivity past = withDefaults(coded);
		this.activities.insert(id,
				new NewActivity(past.organizationId(), past.projectId(), past.title(), past.description(), past.field(),
						past.regionCode(), past.address(), past.lat(), past.lng(), past.geofenceMeters(),
						past.startsAt(), past.endsAt(), past.startsAt(), past.approval(), past.waitlist(),
						past.riskLevel(), past.recruitmentMode(), past.timeBankEligible(), past.risksAndProtections(),
						past.contactName(), past.contactPhone(), past.positions()),
				actor.accountId(), now);
		if (historian) {
			this.activities.changeStatus(id, ActivityStatus.FINISHED, null, now);
		}
		else {
			this.reviews.submitBackfill(actor.accountId(), id, now);
		}
		this.auditLog.record(AuditRecord.of("activity.record-past", actor.accountId())
			.on("activity", id)
			.inRegion(request.regionCode())
			.inOrganization(organization.id())
			.withDetail(reason.strip()));
		this.events.publishEvent(new PastActivityRecorded(id, historian));
		return this.activities.find(id).orElseThrow();
	}

	/**
	 * Registers the activity behind a resident's need that an organization served
	 * (点单、派单、接单), {@code FINISHED} at once, so that the service records of the volunteers
	 * who served have an activity, as every record has: it never recruits, has no
	 * sign-ups and is never in the public search. Its place is the need's community,
	 * never the resident's address. The need module has checked who completes the need.
	 */
	@Transactional
	public ActivityView recordServedNeed(UUID organizationId, String title, ServiceField field, String regionCode,
			String place, OffsetDateTime startsAt, OffsetDateTime endsAt, UUID recordedBy) {
		return recordFinished(organizationId, title, field, regionCode, place, "上门服务", startsAt, endsAt, recordedBy,
				"activity.record-need");
	}

	/**
	 * Registers the activity behind an emergency mobilization's service under one of the
	 * organizations whose volunteers mustered, {@code FINISHED} at once, like
	 * {@link #recordServedNeed}: it never recruits and is never in the public search. The
	 * emergency module has checked who stands the mobilization down.
	 */
	@Transactional
	public ActivityView recordEmergencyService(UUID organizationId, String title, String regionCode, String place,
			OffsetDateTime startsAt, OffsetDateTime endsAt, UUID recordedBy) {
		return recordFinished(organizationId, title, ServiceField.DISASTER_RELIEF, regionCode, place, "应急出动", startsAt,
				endsAt, recordedBy, "activity.record-emergency");
	}

	/**
	 * Registers the activity that stands for the service records volunteers bring from
	 * another installation, under the local organization that stands for it,
	 * {@code FINISHED} at once, like {@link #recordServedNeed}: it never recruits and is
	 * never in the public search. The interoperability module has checked the records.
	 */
	@Transactional
	public ActivityView recordTransferredService(UUID organizationId, String title, String regionCode, String place,
			OffsetDateTime startsAt, OffsetDateTime endsAt, UUID recordedBy) {
		return recordFinished(organizationId, title, ServiceField.COMMUNITY_SERVICE, regionCode, place, "转入记录",
				startsAt, endsAt, recordedBy, "activity.record-transfer");
	}

	private ActivityView recordFinished(UUID organizationId, String title, ServiceField field, String regionCode,
			String place, String position, OffsetDateTime startsAt, OffsetDateTime endsAt, UUID recordedBy,
			String action) {
		UUID id = Ids.newId();
		OffsetDateTime now = now();
		String shortTitle = (title.length() > 100) ? title.substring(0, 100) : title;
		this.activities.insert(id,
				new NewActivity(organizationId, null, shortTitle, shortTitle, field, regionCode, place, null, null, 200,
						startsAt, endsAt, startsAt, ApprovalMode.MANUAL, false, RiskLevel.LOW, RecruitmentMode.REGULAR,
						false, null, null, null, List.of(new NewActivity.NewPosition(position, 1, 0, null, List.of()))),
				recordedBy, now);
		this.activities.changeStatus(id, ActivityStatus.FINISHED, null, now);
		this.auditLog.record(AuditRecord.of(action, recordedBy)
			.on("activity", id)
			.inRegion(regionCode)
			.inOrganization(organizationId));
		this.events.publishEvent(new PastActivityRecorded(id, true));
		return this.activities.find(id).orElseThrow();
	}

	/**
	 * The activity's organization, when it is active, the actor administers it, and the
	 * project, if any, is its own.
	 */
	private OrganizationView requireOrganizerOf(Actor actor, NewActivity request) {
		OrganizationView organization = this.organizations.requireActive(actor, request.organizationId());
		if (!this.organizations.isAdmin(actor, organization.id())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		return requireProjectOf(organization, request);
	}

	/** The organization, when the request's project, if any, is its own. */
	private OrganizationView requireProjectOf(OrganizationView organization, NewActivity request) {
		if (request.projectId() != null && this.activities.project(request.projectId())
			.filter((p) -> p.organizationId().equals(organization.id()))
			.isEmpty()) {
			throw ProblemException.invalid(List.of(new FieldProblem("projectId", "validation.activity.project")));
		}
		return organization;
	}

	/**
	 * Opens recruitment; only an active organization's admins may publish, a draft or a
	 * rejected activity. When the activity's region asks for review, it goes to the
	 * operators' queue instead ({@code PENDING_REVIEW}, see {@link ActivityReviews}).
	 */
	@Transactional
	public ActivityView publish(Actor actor, UUID id) {
		ActivityView activity = require(id);
		this.organizations.requireActive(actor, activity.organizationId());
		requireOrganizer(actor, activity);
		if (!activity.startsAt().isAfter(now())) {
			throw ProblemException.unprocessable("ACTIVITY_IN_PAST", "activity.inPast");
		}
		this.publicationRules.orderedStream().forEach((rule) -> rule.check(activity));
		if (this.reviews.requiresReview(activity)) {
			return this.reviews.submit(actor, id);
		}
		ActivityView published = transition(actor, id, EnumSet.of(ActivityStatus.DRAFT, ActivityStatus.REJECTED),
				ActivityStatus.RECRUITING, null, "activity.publish");
		this.events.publishEvent(new ActivityPublished(id, activity.organizationId(), activity.regionCode()));
		return published;
	}

	/**
	 * Changes a draft, rejected or recruiting activity. Volunteers signed up are told
	 * when its time or place changes; positions that gain places move their waiting lists
	 * up. A position's requirements may change freely until someone signs up for it; from
	 * then on they may only be loosened, so that everyone signed up still meets them.
	 * @throws ProblemException 409 {@code CAPACITY_BELOW_ACCEPTED} when a capacity would
	 * fall below the places already taken, 409 {@code REQUIREMENTS_TIGHTENED} when the
	 * requirements of a position that volunteers signed up for would become stricter
	 */
	@Transactional
	public ActivityView change(Actor actor, UUID id, ActivityChange change) {
		ActivityView current = require(id);
		requireOrganizer(actor, current);
		ActivityStatus status = this.activities.lockStatus(id).orElseThrow();
		if (status != ActivityStatus.DRAFT && status != ActivityStatus.REJECTED
				&& status != ActivityStatus.RECRUITING) {
			throw ProblemException.conflict("INVALID_STATUS", "activity.invalidStatus", status.name());
		}
		boolean moved = change.lat() != null || change.lng() != null;
		ActivityView merged = new ActivityView(current.id(), current.organizationId(), current.organizationName(),
				current.projectId(), or(change.title(), current.title()),
				or(change.description(), current.description()), current.field(), current.regionCode(),
				or(change.address(), current.address()), moved ? change.lat() : current.lat(),
				moved ? change.lng() : current.lng(), or(change.geofenceMeters(), current.geofenceMeters()),
				or(change.startsAt(), current.startsAt()), or(change.endsAt(), current.endsAt()),
				or(change.signupDeadline(), current.signupDeadline()), current.approval(), current.waitlist(),
				current.riskLevel(), current.recruitmentMode(), current.timeBankEligible(),
				or(change.risksAndProtections(), current.risksAndProtections()),
				or(change.contactName(), current.contactName()), current.contactPhoneMasked(), current.status(),
				current.cancelReason(), current.positions(), null);
		List<FieldProblem> problems = problemsOf(new NewActivity(merged.organizationId(), merged.projectId(),
				merged.title(), merged.description(), merged.field(), merged.regionCode(), merged.address(),
				merged.lat(), merged.lng(), merged.geofenceMeters(), merged.startsAt(), merged.endsAt(),
				merged.signupDeadline(), merged.approval(), merged.waitlist(), merged.riskLevel(),
				merged.recruitmentMode(), merged.timeBankEligible(), merged.risksAndProtections(), merged.contactName(),
				change.contactPhone(),
				current.positions()
					.stream()
					.map((p) -> new NewActivity.NewPosition(p.name(), p.capacity(), p.minAge(), p.maxAge(),
							p.qualifications(), p.startsAt(), p.endsAt(), p.gender(), p.minServices(), p.minHours(),
							p.minCreditScore()))
					.toList()),
				null);
		if (change.signupDeadline() == null && change.startsAt() != null
				&& current.signupDeadline().isAfter(merged.startsAt())) {
			problems.add(new FieldProblem("signupDeadline", "validation.activity.deadline"));
		}
		Map<UUID, NewActivity.NewPosition> required = requirementsOf(current, change.requirements(), problems);
		Set<UUID> grown = new java.util.HashSet<>();
		if (change.capacities() != null) {
			for (var entry : change.capacities().entrySet()) {
				Optional<ActivityView.PositionView> position = current.positions()
					.stream()
					.filter((p) -> p.id().equals(entry.getKey()))
					.findFirst();
				if (position.isEmpty() || entry.getValue() == null || entry.getValue() < 1
						|| entry.getValue() > 100_000) {
					problems.add(new FieldProblem("capacities", "validation.activity.capacity"));
				}
				else if (entry.getValue() > position.get().capacity()) {
					grown.add(entry.getKey());
				}
			}
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		for (ActivityView.PositionView position : current.positions()) {
			NewActivity.NewPosition wanted = required.get(position.id());
			if (wanted != null && PositionRules.tightens(position, wanted) && signedUpFor(id, position)) {
				throw ProblemException.conflict("REQUIREMENTS_TIGHTENED", "activity.requirementsTightened",
						position.name());
			}
		}
		this.activities.update(id, merged, PhoneNumbers.normalize(change.contactPhone()));
		required.forEach((position, wanted) -> this.activities.changeRequirements(id, position, wanted));
		if (change.capacities() != null) {
			for (var entry : change.capacities().entrySet()) {
				if (!this.activities.changeCapacity(id, entry.getKey(), entry.getValue())) {
					throw ProblemException.conflict("CAPACITY_BELOW_ACCEPTED", "activity.capacityBelowAccepted");
				}
			}
		}
		boolean timeOrPlace = !merged.startsAt().equals(current.startsAt()) || !merged.endsAt().equals(current.endsAt())
				|| !merged.address().equals(current.address()) || !java.util.Objects.equals(merged.lat(), current.lat())
				|| !java.util.Objects.equals(merged.lng(), current.lng());
		this.auditLog.record(AuditRecord.of("activity.change", actor.accountId())
			.on("activity", id)
			.inRegion(current.regionCode())
			.inOrganization(current.organizationId()));
		if (status == ActivityStatus.RECRUITING && (timeOrPlace || !grown.isEmpty())) {
			this.events.publishEvent(new ActivityChanged(id, timeOrPlace, Set.copyOf(grown)));
		}
		return require(id);
	}

	/**
	 * The positions' new requirements, by position, each checked as a new position's are;
	 * the problems are named after the entry ({@code requirements[0].minAge}).
	 */
	private Map<UUID, NewActivity.NewPosition> requirementsOf(ActivityView current,
			List<ActivityChange.Requirements> requirements, List<FieldProblem> problems) {
		Map<UUID, NewActivity.NewPosition> required = new LinkedHashMap<>();
		for (int i = 0; requirements != null && i < requirements.size(); i++) {
			ActivityChange.Requirements r = requirements.get(i);
			String at = "requirements[" + i + "].";
			Optional<ActivityView.PositionView> position = (r == null) ? Optional.empty()
					: current.positions().stream().filter((p) -> p.id().equals(r.positionId())).findFirst();
			if (position.isEmpty() || required.containsKey(r.positionId())) {
				problems.add(new FieldProblem(at + "positionId", "validation.signup.position"));
				continue;
			}
			ActivityView.PositionView p = position.get();
			List<String> qualifications = (r.qualifications() != null) ? r.qualifications() : List.of();
			NewActivity.NewPosition wanted = new NewActivity.NewPosition(p.name(), p.capacity(), r.minAge(), r.maxAge(),
					qualifications, p.startsAt(), p.endsAt(), r.gender(), r.minServices(), r.minHours(),
					r.minCreditScore());
			positionProblems(wanted, current.recruitmentMode(), null, null, at, problems);
			List<String> codes = this.qualifications.codes(qualifications, p.qualifications(), at + "qualifications",
					problems);
			required.put(p.id(),
					wanted.withMinAge((r.minAge() != null) ? r.minAge() : minimumAge(current.recruitmentMode()))
						.withQualifications(codes));
		}
		return required;
	}

	/**
	 * Whether volunteers hold or wait for places of the position; its row stays locked
	 * until the change commits, so that a place taken meanwhile is seen.
	 */
	private boolean signedUpFor(UUID activityId, ActivityView.PositionView position) {
		this.activities.lockFreePlaces(activityId, position.id());
		ActiveSignups signups = this.activeSignups.getIfAvailable();
		return (signups != null) ? signups.existFor(position.id()) : position.accepted() > 0;
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	/** Cancels with a reason that every signed-up volunteer is told. */
	@Transactional
	public ActivityView cancel(Actor actor, UUID id, String reason) {
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			throw ProblemException.invalid(List.of(new FieldProblem("reason", "validation.reason")));
		}
		ActivityView activity = require(id);
		if (!this.organizations.isAdmin(actor, activity.organizationId())
				&& !this.accessPolicy.operates(actor, activity.regionCode())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		ActivityView cancelled = transition(actor, id,
				EnumSet.of(ActivityStatus.DRAFT, ActivityStatus.PENDING_REVIEW, ActivityStatus.REJECTED,
						ActivityStatus.RECRUITING, ActivityStatus.IN_PROGRESS),
				ActivityStatus.CANCELLED, reason.strip(), "activity.cancel");
		this.events.publishEvent(new ActivityCancelled(id, activity.title(), reason.strip()));
		return cancelled;
	}

	@Transactional
	public ActivityView archive(Actor actor, UUID id) {
		ActivityView activity = require(id);
		requireOrganizer(actor, activity);
		return transition(actor, id, EnumSet.of(ActivityStatus.FINISHED, ActivityStatus.CANCELLED),
				ActivityStatus.ARCHIVED, null, "activity.archive");
	}

	/**
	 * Moves activities on as the clock passes their start and end; run by the scheduler.
	 */
	@Transactional
	public int advanceLifecycle() {
		OffsetDateTime now = now();
		return this.activities.advance(ActivityStatus.RECRUITING, ActivityStatus.IN_PROGRESS, "starts_at", now)
				+ this.activities.advance(ActivityStatus.IN_PROGRESS, ActivityStatus.FINISHED, "ends_at", now);
	}

	/**
	 * An activity as its viewer may see it: drafts only for its organizers and overseers.
	 */
	public ActivityView view(Actor actor, UUID id) {
		ActivityView activity = require(id);
		if (!PUBLIC.contains(activity.status()) && !isOrganizer(actor, activity)
				&& !this.accessPolicy.oversees(actor, activity.regionCode())) {
			throw ProblemException.notFound("ACTIVITY_NOT_FOUND", "activity.notFound");
		}
		return activity;
	}

	public Optional<ActivityView> find(UUID id) {
		return this.activities.find(id);
	}

	/** Public search over published activities (recruiting and in progress). */
	public PageResult<ActivityView> search(ActivityQuery query, PageQuery page) {
		List<FieldProblem> problems = new ArrayList<>();
		if (query.regionCode() != null && !this.regions.exists(query.regionCode())) {
			problems.add(new FieldProblem("regionCode", "validation.regionCode"));
		}
		if ((query.lat() == null) != (query.lng() == null)
				|| (query.lat() != null && !validPoint(query.lat(), query.lng()))) {
			problems.add(new FieldProblem("lat", "validation.location"));
		}
		if (query.radiusKm() != null && (query.radiusKm() <= 0 || query.radiusKm() > 500)) {
			problems.add(new FieldProblem("radiusKm", "validation.radius"));
		}
		if (query.text() != null && query.text().length() > 50) {
			problems.add(new FieldProblem("q", "validation.text50"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return this.activities.search(query, List.of(ActivityStatus.RECRUITING, ActivityStatus.IN_PROGRESS), page);
	}

	/**
	 * A page of an organization's activities: all of them for its admins and the
	 * overseers of its region, the published ones for everyone else.
	 */
	public PageResult<ActivityView> ofOrganization(Actor actor, UUID organizationId, PageQuery page) {
		OrganizationView organization = this.organizations.view(actor, organizationId);
		boolean insider = this.organizations.isAdmin(actor, organizationId)
				|| this.accessPolicy.oversees(actor, organization.regionCode());
		return this.activities.ofOrganization(organizationId, insider ? EnumSet.allOf(ActivityStatus.class) : PUBLIC,
				page);
	}

	/** Whether the actor organizes the activity (admin of its organization). */
	public boolean isOrganizer(Actor actor, ActivityView activity) {
		return this.organizations.isAdmin(actor, activity.organizationId());
	}

	/**
	 * Organizers, and operators of the activity's region, may manage its sign-ups and
	 * attendance.
	 */
	public boolean canManage(Actor actor, ActivityView activity) {
		return isOrganizer(actor, activity) || this.accessPolicy.operates(actor, activity.regionCode());
	}

	public void requireManager(Actor actor, ActivityView activity) {
		if (!canManage(actor, activity)) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
	}

	/**
	 * Takes a place of the activity's position if one is free, in the caller's
	 * transaction. Positions are addressed with their activity, the key they are kept
	 * under on a Citus cluster.
	 */
	public boolean claimPlace(UUID activityId, UUID positionId) {
		return this.activities.claimPlace(activityId, positionId);
	}

	/**
	 * Locks the position until the caller's transaction ends and tells how many of its
	 * places are free: whoever claims places of it meanwhile waits for that transaction.
	 */
	public int lockFreePlaces(UUID activityId, UUID positionId) {
		return this.activities.lockFreePlaces(activityId, positionId);
	}

	/**
	 * Takes {@code count} places of the position at once, in the caller's transaction;
	 * {@code false}, taking none, when fewer are free.
	 */
	public boolean claimPlaces(UUID activityId, UUID positionId, int count) {
		return this.activities.claimPlaces(activityId, positionId, count);
	}

	/** Gives a place back, in the caller's transaction. */
	public void releasePlace(UUID activityId, UUID positionId) {
		this.activities.releasePlace(activityId, positionId);
	}

	/** The activity a position belongs to, with the position's age limits. */
	public Optional<PositionRef> position(UUID positionId) {
		return this.activities.position(positionId)
			.map((PositionRow row) -> new PositionRef(row.id(), row.activityId(), row.minAge(), row.maxAge()));
	}

	@Transactional
	public ProjectView createProject(Actor actor, UUID organizationId, String name, ServiceField field,
			ProjectLevel level, String description) {
		OrganizationView organization = this.organizations.requireActive(actor, organizationId);
		if (!this.organizations.isAdmin(actor, organizationId)) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (name == null || name.isBlank() || name.length() > 100) {
			problems.add(new FieldProblem("name", "validation.text100"));
		}
		if (field == null) {
			problems.add(new FieldProblem("field", "validation.required"));
		}
		if (level == null) {
			problems.add(new FieldProblem("level", "validation.required"));
		}
		if (description != null && description.length() > 2000) {
			problems.add(new FieldProblem("description", "validation.text2000"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		UUID id = Ids.newId();
		this.activities.insertProject(id, organizationId, name.strip(), field, level, organization.regionCode(),
				description, now());
		this.auditLog.record(AuditRecord.of("project.create", actor.accountId())
			.on("project", id)
			.inRegion(organization.regionCode())
			.inOrganization(organizationId));
		return this.activities.project(id).orElseThrow();
	}

	/**
	 * Operators mark a project of their region as a brand project (品牌项目), or unmark it.
	 */
	@Transactional
	public ProjectView markBrand(Actor actor, UUID projectId, boolean brand) {
		ProjectView project = this.activities.project(projectId)
			.orElseThrow(() -> ProblemException.notFound("PROJECT_NOT_FOUND", "activity.projectNotFound"));
		this.accessPolicy.requireOperatorOf(actor, project.regionCode());
		this.activities.markBrand(projectId, brand);
		this.auditLog.record(AuditRecord.of("project.brand", actor.accountId())
			.on("project", projectId)
			.inRegion(project.regionCode())
			.withDetail(Boolean.toString(brand)));
		return this.activities.project(projectId).orElseThrow();
	}

	/** A project of the project library (public facts). */
	public Optional<ProjectView> findProject(UUID projectId) {
		return this.activities.project(projectId);
	}

	/**
	 * A project's published activities (recruiting, in progress, finished, archived or
	 * cancelled), for its public page: the latest first, at most {@code limit}.
	 */
	public List<ActivityView> publicOfProject(UUID projectId, int limit) {
		return this.activities.ofProject(projectId, PUBLIC, limit);
	}

	public PageResult<ProjectView> projects(String regionCode, ServiceField field, UUID organizationId, Boolean brand,
			PageQuery page) {
		return this.activities.projects(regionCode, field, organizationId, brand, page);
	}

	private ActivityView transition(Actor actor, UUID id, Set<ActivityStatus> from, ActivityStatus to, String reason,
			String action) {
		ActivityStatus current = this.activities.lockStatus(id).orElseThrow();
		if (!from.contains(current)) {
			throw ProblemException.conflict("INVALID_STATUS", "activity.invalidStatus", current.name());
		}
		this.activities.changeStatus(id, to, reason, now());
		ActivityView activity = require(id);
		this.auditLog.record(AuditRecord.of(action, actor.accountId())
			.on("activity", id)
			.inRegion(activity.regionCode())
			.inOrganization(activity.organizationId()));
		return activity;
	}

	private void requireOrganizer(Actor actor, ActivityView activity) {
		if (!isOrganizer(actor, activity)) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
	}

	/**
	 * Places of earlier activities whose address or title contains the text (any when
	 * blank), for the map picker: the organization's own first (its drafts too for its
	 * organizers), then those in the region, the most recent first; each place once.
	 * Outside the organization only published activities count, whose places are public
	 * anyway.
	 * @param organizationId the organization whose form asks, or {@code null}
	 * @param regionCode the region to prefer, or {@code null}
	 */
	public List<KnownPlace> knownPlaces(Actor actor, String text, UUID organizationId, String regionCode, int limit) {
		boolean organizer = organizationId != null && actor != null
				&& this.organizations.isAdmin(actor, organizationId);
		String prefix = (regionCode != null && this.regions.exists(regionCode) && !Regions.NATIONAL.equals(regionCode))
				? Regions.prefixOf(regionCode) : null;
		List<KnownPlace> rows = this.activities.knownPlaces(text, organizationId, organizer, prefix,
				List.copyOf(PUBLIC), Math.max(limit * 5, 50));
		java.util.Map<String, KnownPlace> distinct = new java.util.LinkedHashMap<>();
		for (KnownPlace row : rows) {
			// one entry per address and point, to about a metre
			String key = row.address() + "|" + Math.round(row.lat() * 100_000) + "|" + Math.round(row.lng() * 100_000);
			distinct.putIfAbsent(key, row);
			if (distinct.size() == limit) {
				break;
			}
		}
		return List.copyOf(distinct.values());
	}

	private ActivityView require(UUID id) {
		return this.activities.find(id)
			.orElseThrow(() -> ProblemException.notFound("ACTIVITY_NOT_FOUND", "activity.notFound"));
	}

	/**
	 * Every problem of the request; {@code pastFrom}, the earliest start allowed, for an
	 * activity registered after the fact, whose times lie in the past and which has no
	 * sign-up deadline; {@code null} for one yet to come.
	 */
	private List<FieldProblem> problemsOf(NewActivity a, OffsetDateTime pastFrom) {
		boolean tookPlace = pastFrom != null;
		List<FieldProblem> problems = new ArrayList<>();
		if (a.organizationId() == null) {
			problems.add(new FieldProblem("organizationId", "validation.required"));
		}
		text(problems, "title", a.title(), 100);
		text(problems, "description", a.description(), 4000);
		text(problems, "address", a.address(), 200);
		if (a.field() == null) {
			problems.add(new FieldProblem("category", "validation.required"));
		}
		if (a.regionCode() == null || !this.regions.exists(a.regionCode()) || Regions.NATIONAL.equals(a.regionCode())) {
			problems.add(new FieldProblem("regionCode", "validation.regionCode"));
		}
		if ((a.lat() == null) != (a.lng() == null) || (a.lat() != null && !validPoint(a.lat(), a.lng()))) {
			problems.add(new FieldProblem("location", "validation.location"));
		}
		if (a.geofenceMeters() != null && (a.geofenceMeters() < 50 || a.geofenceMeters() > 5000)) {
			problems.add(new FieldProblem("geofenceMeters", "validation.geofence"));
		}
		OffsetDateTime now = now();
		if (a.startsAt() == null) {
			problems.add(new FieldProblem("startsAt", "validation.required"));
		}
		else if (tookPlace && !a.startsAt().isBefore(now)) {
			problems.add(new FieldProblem("startsAt", "validation.activity.notOver"));
		}
		else if (tookPlace && a.startsAt().isBefore(pastFrom)) {
			problems.add((Duration.between(pastFrom, now).toDays() > 31)
					? new FieldProblem("startsAt", "validation.activity.pastWindow", PAST_WINDOW.toDays())
					: new FieldProblem("startsAt", "validation.activity.backfillWindow", BackfillWindow.WORKING_DAYS));
		}
		else if (!tookPlace && !a.startsAt().isAfter(now)) {
			problems.add(new FieldProblem("startsAt", "validation.activity.future"));
		}
		if (a.endsAt() == null) {
			problems.add(new FieldProblem("endsAt", "validation.required"));
		}
		else if (a.startsAt() != null
				&& (!a.endsAt().isAfter(a.startsAt()) || Duration.between(a.startsAt(), a.endsAt()).toDays() > 31)) {
			problems.add(new FieldProblem("endsAt", "validation.activity.end"));
		}
		else if (tookPlace && a.endsAt().isAfter(now)) {
			problems.add(new FieldProblem("endsAt", "validation.activity.notOver"));
		}
		if (!tookPlace && a.signupDeadline() != null && a.startsAt() != null
				&& (a.signupDeadline().isAfter(a.startsAt()) || !a.signupDeadline().isAfter(now))) {
			problems.add(new FieldProblem("signupDeadline", "validation.activity.deadline"));
		}
		if (a.risksAndProtections() != null && a.risksAndProtections().length() > 2000) {
			problems.add(new FieldProblem("risksAndProtections", "validation.text2000"));
		}
		if (a.contactName() != null && a.contactName().length() > 50) {
			problems.add(new FieldProblem("contactName", "validation.text50"));
		}
		if (a.contactPhone() != null && !a.contactPhone().isBlank()
				&& !PhoneNumbers.isMainlandMobile(PhoneNumbers.normalize(a.contactPhone()))) {
			problems.add(new FieldProblem("contactPhone", "validation.phone"));
		}
		List<NewActivity.NewPosition> positions = (a.positions() != null) ? a.positions() : List.of();
		if (positions.isEmpty() || positions.size() > MAX_POSITIONS) {
			problems.add(new FieldProblem("positions", "validation.activity.positions", MAX_POSITIONS));
		}
		for (int i = 0; i < positions.size(); i++) {
			NewActivity.NewPosition p = positions.get(i);
			if (p == null) {
				problems.add(new FieldProblem("positions[" + i + "]", "validation.required"));
				continue;
			}
			positionProblems(p, a.recruitmentMode(), a.startsAt(), a.endsAt(), "positions[" + i + "].", problems);
		}
		return problems;
	}

	private static void positionProblems(NewActivity.NewPosition p, RecruitmentMode mode, OffsetDateTime startsAt,
			OffsetDateTime endsAt, String at, List<FieldProblem> problems) {
		text(problems, at + "name", p.name(), 60);
		if (p.capacity() == null || p.capacity() < 1 || p.capacity() > 100_000) {
			problems.add(new FieldProblem(at + "capacity", "validation.activity.capacity"));
		}
		int minimum = minimumAge(mode);
		if (p.minAge() != null && (p.minAge() < minimum || p.minAge() > 100)) {
			problems.add(new FieldProblem(at + "minAge", "validation.activity.minAge", minimum));
		}
		if (p.maxAge() != null && (p.maxAge() < ((p.minAge() != null) ? p.minAge() : minimum) || p.maxAge() > 100)) {
			problems.add(new FieldProblem(at + "maxAge", "validation.activity.maxAge"));
		}
		if (p.qualifications() != null && !PositionQualifications.wellFormed(p.qualifications())) {
			problems.add(new FieldProblem(at + "qualifications", "validation.list",
					PositionQualifications.MAX_PER_POSITION, PositionQualifications.MAX_LENGTH));
		}
		PositionRules.check(p, startsAt, endsAt, at, problems);
	}

	/** The youngest a volunteer may be: 14, or 18 for an emergency recruitment. */
	private static int minimumAge(RecruitmentMode mode) {
		return (mode == RecruitmentMode.EMERGENCY) ? 18 : 14;
	}

	/**
	 * The activity with its positions' qualifications as codes of the platform's list; a
	 * requirement not on the list is a problem of its position.
	 */
	private NewActivity withCodes(NewActivity a, List<FieldProblem> problems) {
		if (a.positions() == null) {
			return a;
		}
		List<NewActivity.NewPosition> positions = new ArrayList<>();
		for (int i = 0; i < a.positions().size(); i++) {
			NewActivity.NewPosition p = a.positions().get(i);
			positions.add((p == null || p.qualifications() == null) ? p : p.withQualifications(this.qualifications
				.codes(p.qualifications(), List.of(), "positions[" + i + "].qualifications", problems)));
		}
		return a.withPositions(positions);
	}

	private static NewActivity withDefaults(NewActivity a) {
		RecruitmentMode mode = (a.recruitmentMode() != null) ? a.recruitmentMode() : RecruitmentMode.REGULAR;
		int minimum = minimumAge(mode);
		List<NewActivity.NewPosition> positions = a.positions()
			.stream()
			.map((p) -> p.withMinAge((p.minAge() != null) ? p.minAge() : minimum))
			.toList();
		return new NewActivity(a.organizationId(), a.projectId(), a.title(), a.description(), a.field(), a.regionCode(),
				a.address(), a.lat(), a.lng(), (a.geofenceMeters() != null) ? a.geofenceMeters() : 200, a.startsAt(),
				a.endsAt(), (a.signupDeadline() != null) ? a.signupDeadline() : a.startsAt(),
				(a.approval() != null) ? a.approval() : ApprovalMode.AUTO, a.waitlist(),
				(a.riskLevel() != null) ? a.riskLevel() : RiskLevel.LOW, mode, a.timeBankEligible(),
				a.risksAndProtections(), a.contactName(), a.contactPhone(), positions);
	}

	private static void text(List<FieldProblem> problems, String field, String value, int max) {
		if (value == null || value.isBlank() || value.strip().length() > max) {
			problems.add(new FieldProblem(field, "validation.textRequired", max));
		}
	}

	private static boolean validPoint(double lat, double lng) {
		return lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180;
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

	/** A position and its activity, with the age limits a sign-up must meet. */
	public record PositionRef(UUID id, UUID activityId, Integer minAge, Integer maxAge) {

	}

}
