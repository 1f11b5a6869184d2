package org.zhiyuan.activity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.ProblemException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities made from another: a series (every Saturday morning at the library) whose
 * occurrences are generated at once, each a whole activity with its own positions and
 * sign-ups; and a copy of any activity as a new draft. Both go through
 * {@link Activities#create}, so the same people may make them and the same checks apply.
 */
@Service
public class ActivitySeries {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Activities activities;

	private final ActivityRepository repository;

	private final AuditLog auditLog;

	ActivitySeries(Activities activities, ActivityRepository repository, AuditLog auditLog) {
		this.activities = activities;
		this.repository = repository;
		this.auditLog = auditLog;
	}

	/**
	 * Creates the series' occurrences as drafts, or publishes each when asked; all of
	 * them or none.
	 * @throws ProblemException 400 naming every bad field of the activity or the repeat
	 * rule, 403 for anyone but the organization's admins
	 */
	@Transactional
	public SeriesView create(Actor actor, NewActivity first, Repeat repeat, boolean publish) {
		List<FieldProblem> problems = new ArrayList<>();
		int count = occurrences(first, repeat, problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		UUID seriesId = Ids.newId();
		List<ActivityView> created = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Duration shift = (repeat.frequency() == Repeat.Frequency.DAILY) ? Duration.ofDays(i)
					: Duration.ofDays(7L * i);
			ActivityView occurrence = this.activities.create(actor, shifted(first, shift));
			if (i == 0) {
				this.repository.insertSeries(seriesId, occurrence.organizationId(), repeat.frequency().name(), count,
						actor.accountId(), now());
			}
			this.repository.joinSeries(occurrence.id(), seriesId);
			created.add(publish ? this.activities.publish(actor, occurrence.id()) : occurrence);
		}
		this.auditLog.record(AuditRecord.of("activity.series.create", actor.accountId())
			.on("activity-series", seriesId)
			.inRegion(first.regionCode())
			.inOrganization(first.organizationId())
			.withDetail(repeat.frequency().name() + " x" + count));
		return new SeriesView(seriesId, first.organizationId(), repeat.frequency(), List.copyOf(created));
	}

	/**
	 * A copy of the activity as a new draft of the same organization, with its positions
	 * and requirements and none of its sign-ups. An activity already begun (or whose
	 * sign-up deadline passed) is copied to the same weekday and time in the first week
	 * still ahead, so that the draft can be published as it is.
	 * @throws ProblemException 404 for an activity the caller may not see, 403 for anyone
	 * but the organization's admins
	 */
	@Transactional
	public ActivityView copy(Actor actor, UUID id) {
		ActivityView source = this.activities.view(actor, id);
		if (!this.activities.isOrganizer(actor, source)) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		OffsetDateTime now = now();
		OffsetDateTime earliest = source.signupDeadline().isBefore(source.startsAt()) ? source.signupDeadline()
				: source.startsAt();
		long weeks = 0;
		while (!earliest.plusWeeks(weeks).isAfter(now.plusHours(1))) {
			weeks++;
		}
		Duration shift = Duration.ofDays(7 * weeks);
		NewActivity copy = new NewActivity(source.organizationId(), source.projectId(), source.title(),
				source.description(), source.field(), source.regionCode(), source.address(), source.lat(), source.lng(),
				source.geofenceMeters(), source.startsAt(), source.endsAt(), source.signupDeadline(), source.approval(),
				source.waitlist(), source.riskLevel(), source.recruitmentMode(), source.timeBankEligible(),
				source.risksAndProtections(), source.contactName(), this.repository.contactPhone(id).orElse(null),
				source.positions()
					.stream()
					.map((p) -> new NewActivity.NewPosition(p.name(), p.capacity(), p.minAge(), p.maxAge(),
							p.qualifications(), p.startsAt(), p.endsAt(), p.gender(), p.minServices(), p.minHours(),
							p.minCreditScore()))
					.toList());
		ActivityView created = this.activities.create(actor, shifted(copy, shift));
		this.auditLog.record(AuditRecord.of("activity.copy", actor.accountId())
			.on("activity", created.id())
			.inRegion(created.regionCode())
			.inOrganization(created.organizationId())
			.withDetail("from " + id));
		return created;
	}

	/** A series' occurrences as the caller may see them, the earliest first. */
	public List<ActivityView> occurrencesOf(Actor actor, UUID seriesId) {
		return this.repository.occurrencesOf(seriesId).stream().map((id) -> this.activities.view(actor, id)).toList();
	}

	/**
	 * How many occurrences the rule makes, or 0 with the problems found. The days are
	 * counted in China time, so a weekly series stays on its weekday.
	 */
	private static int occurrences(NewActivity first, Repeat repeat, List<FieldProblem> problems) {
		if (repeat == null) {
			problems.add(new FieldProblem("repeat", "validation.required"));
			return 0;
		}
		if (repeat.frequency() == null) {
			problems.add(new FieldProblem("repeat.frequency", "validation.required"));
		}
		if ((repeat.count() == null) == (repeat.until() == null)) {
			problems.add(new FieldProblem("repeat.count", "validation.activity.repeatEnd"));
			return 0;
		}
		if (repeat.count() != null) {
			if (repeat.count() < 1 || repeat.count() > Repeat.MAX_OCCURRENCES) {
				problems
					.add(new FieldProblem("repeat.count", "validation.activity.repeatCount", Repeat.MAX_OCCURRENCES));
				return 0;
			}
			return repeat.count();
		}
		if (first.startsAt() == null || repeat.frequency() == null) {
			return 0;
		}
		long days = java.time.temporal.ChronoUnit.DAYS.between(first.startsAt().atZoneSameInstant(CHINA).toLocalDate(),
				repeat.until());
		long count = (days < 0) ? 0 : 1 + ((repeat.frequency() == Repeat.Frequency.DAILY) ? days : days / 7);
		if (count < 1 || count > Repeat.MAX_OCCURRENCES) {
			problems.add(new FieldProblem("repeat.until", "validation.activity.repeatCount", Repeat.MAX_OCCURRENCES));
			return 0;
		}
		return (int) count;
	}

	/** The activity moved by a whole number of days, its shifts and deadline with it. */
	private static NewActivity shifted(NewActivity a, Duration by) {
		return new NewActivity(a.organizationId(), a.projectId(), a.title(), a.description(), a.field(), a.regionCode(),
				a.address(), a.lat(), a.lng(), a.geofenceMeters(), plus(a.startsAt(), by), plus(a.endsAt(), by),
				plus(a.signupDeadline(), by), a.approval(), a.waitlist(), a.riskLevel(), a.recruitmentMode(),
				a.timeBankEligible(), a.risksAndProtections(), a.contactName(), a.contactPhone(),
				(a.positions() != null) ? a.positions()
					.stream()
					.map((p) -> (p != null) ? new NewActivity.NewPosition(p.name(), p.capacity(), p.minAge(),
							p.maxAge(), p.qualifications(), plus(p.startsAt(), by), plus(p.endsAt(), by), p.gender(),
							p.minServices(), p.minHours(), p.minCreditScore()) : null)
					.toList() : null);
	}

	/**
	 * The time moved by whole days in China time, so that 9:00 stays 9:00 whatever the
	 * offset.
	 */
	private static OffsetDateTime plus(OffsetDateTime time, Duration by) {
		// the first occurrence is taken as given, to be checked as a new activity is
		if (time == null || by.isZero()) {
			return time;
		}
		return time.atZoneSameInstant(CHINA).plusDays(by.toDays()).toOffsetDateTime();
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
