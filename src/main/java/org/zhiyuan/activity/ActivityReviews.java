package org.zhiyuan.activity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.ActivityReviewRepository.Row;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.region.Regions;
import org.zhiyuan.regionsettings.RegionSettings;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review before publication (C4) and confirmation of activities registered after the fact
 * (补录). Publishing an activity whose region asks for review
 * ({@link RegionSettings#activityReview}) sends it to the queue of the operators of its
 * region and the regions above; they approve it, and it recruits, or reject it with a
 * reason that reaches whoever sent it, who may change it and send it again. An activity
 * an organizer registers after it took place waits in the same queue, marked as a
 * backfill: approving confirms it (FINISHED) and, through {@link ActivityReviewed}, its
 * records with it; rejecting voids them with the reason.
 */
@Service
public class ActivityReviews {

	private final ActivityRepository activities;

	private final ActivityReviewRepository reviews;

	private final RegionSettings settings;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	ActivityReviews(ActivityRepository activities, ActivityReviewRepository reviews, RegionSettings settings,
			AccessPolicy accessPolicy, AuditLog auditLog, ApplicationEventPublisher events) {
		this.activities = activities;
		this.reviews = reviews;
		this.settings = settings;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
		this.events = events;
	}

	/** Whether the activity's region asks for review before it recruits. */
	boolean requiresReview(ActivityView activity) {
		return this.settings.activityReview(activity.regionCode())
			.requiresReview(activity.riskLevel() == RiskLevel.HIGH);
	}

	/**
	 * Sends a draft or rejected activity to its operators, in the caller's transaction.
	 * @throws ProblemException 409 {@code INVALID_STATUS} from any other state
	 */
	ActivityView submit(Actor actor, UUID id) {
		ActivityStatus current = this.activities.lockStatus(id).orElseThrow();
		if (current != ActivityStatus.DRAFT && current != ActivityStatus.REJECTED) {
			throw ProblemException.conflict("INVALID_STATUS", "activity.invalidStatus", current.name());
		}
		OffsetDateTime now = now();
		this.activities.changeStatus(id, ActivityStatus.PENDING_REVIEW, null, now);
		this.reviews.insert(Ids.newId(), id, false, actor.accountId(), now);
		ActivityView activity = this.activities.find(id).orElseThrow();
		this.auditLog.record(AuditRecord.of("activity.submit", actor.accountId())
			.on("activity", id)
			.inRegion(activity.regionCode())
			.inOrganization(activity.organizationId()));
		return activity;
	}

	/**
	 * Puts a just registered past activity in its operators' queue for confirmation, in
	 * the caller's transaction.
	 */
	void submitBackfill(UUID submittedBy, UUID id, OffsetDateTime now) {
		this.activities.changeStatus(id, ActivityStatus.PENDING_REVIEW, null, now);
		this.reviews.insert(Ids.newId(), id, true, submittedBy, now);
	}

	/**
	 * An operator of the activity's region, or of a region above, decides on it: an
	 * approved activity recruits (a backfill is confirmed and FINISHED), a rejected one
	 * is REJECTED with the reason, which is required. Whoever sent it is told.
	 * @throws ProblemException 400 naming every bad field; 404
	 * {@code ACTIVITY_NOT_FOUND}; 403 for anyone else; 409 {@code INVALID_STATUS} when it
	 * does not wait for review; 422 {@code ACTIVITY_IN_PAST} when approving an activity
	 * whose start has passed while it waited
	 */
	@Transactional
	public ActivityView review(Actor actor, UUID id, ReviewDecision decision, String reason) {
		String why = (reason != null && !reason.isBlank()) ? reason.strip() : null;
		List<FieldProblem> problems = new ArrayList<>();
		if (decision == null) {
			problems.add(new FieldProblem("decision", "validation.required"));
		}
		if ((decision == ReviewDecision.REJECT && why == null) || (why != null && why.length() > 500)) {
			problems.add(new FieldProblem("reason", "validation.reason"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		ActivityView activity = this.activities.find(id)
			.orElseThrow(() -> ProblemException.notFound("ACTIVITY_NOT_FOUND", "activity.notFound"));
		if (!this.accessPolicy.operates(actor, activity.regionCode())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		ActivityStatus current = this.activities.lockStatus(id).orElseThrow();
		Optional<Row> open = this.reviews.latest(id).filter((row) -> row.review().isOpen());
		if (current != ActivityStatus.PENDING_REVIEW || open.isEmpty()) {
			throw ProblemException.conflict("INVALID_STATUS", "activity.invalidStatus", current.name());
		}
		Row row = open.get();
		boolean backfill = row.review().backfill();
		OffsetDateTime now = now();
		if (decision == ReviewDecision.APPROVE && !backfill && !activity.startsAt().isAfter(now)) {
			throw ProblemException.unprocessable("ACTIVITY_IN_PAST", "activity.review.inPast");
		}
		ActivityStatus next = (decision == ReviewDecision.REJECT) ? ActivityStatus.REJECTED
				: (backfill ? ActivityStatus.FINISHED : ActivityStatus.RECRUITING);
		this.activities.changeStatus(id, next, null, now);
		this.reviews.decide(row.review().activityId(), row.review().id(), decision, why, actor.accountId(), now);
		this.auditLog.record(AuditRecord.of(backfill ? "activity.confirm-past" : "activity.review", actor.accountId())
			.on("activity", id)
			.inRegion(activity.regionCode())
			.inOrganization(activity.organizationId())
			.withDetail(decision.name() + ((why != null) ? ": " + why : "")));
		this.events.publishEvent(new ActivityReviewed(id, activity.title(), activity.organizationId(),
				activity.regionCode(), backfill, decision, why, row.submittedBy(), actor.accountId()));
		if (next == ActivityStatus.RECRUITING) {
			this.events.publishEvent(new ActivityPublished(id, activity.organizationId(), activity.regionCode()));
		}
		return this.activities.find(id).orElseThrow();
	}

	/**
	 * The activities waiting in the region and below, the longest waiting first, for its
	 * operators and auditors.
	 * @throws ProblemException 403 for anyone else
	 */
	public PageResult<WaitingActivity> waiting(Actor actor, String regionCode, PageQuery page) {
		if (regionCode == null || !Regions.isWellFormed(regionCode) || !this.accessPolicy.oversees(actor, regionCode)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		return this.reviews.waiting(Regions.prefixOf(regionCode), page)
			.map((row) -> new WaitingActivity(this.activities.find(row.review().activityId()).orElseThrow(),
					row.review()));
	}

	/** How many activities wait in the region and below. */
	public long waitingCount(String regionCode) {
		return this.reviews.waiting(Regions.prefixOf(regionCode), new PageQuery(0, 1)).total();
	}

	/** The activity's latest sending for review, if it was ever sent. */
	public Optional<ActivityReview> latest(UUID activityId) {
		return this.reviews.latest(activityId).map(Row::review);
	}

	/**
	 * Whether the activity was registered after the fact and waits for its operators'
	 * confirmation: its records may be entered meanwhile and count once it is confirmed.
	 */
	public boolean awaitsBackfillConfirmation(UUID activityId) {
		return this.activities.find(activityId)
			.filter((a) -> a.status() == ActivityStatus.PENDING_REVIEW)
			.flatMap((a) -> latest(activityId))
			.filter((review) -> review.isOpen() && review.backfill())
			.isPresent();
	}

	/** Whether the actor may decide on the activity now. */
	public boolean mayReview(Actor actor, ActivityView activity) {
		return activity.status() == ActivityStatus.PENDING_REVIEW
				&& this.accessPolicy.operates(actor, activity.regionCode());
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

	/** An activity in the queue with the sending that put it there. */
	public record WaitingActivity(ActivityView activity, ActivityReview review) {

	}

}
