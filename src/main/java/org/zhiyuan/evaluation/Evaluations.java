package org.zhiyuan.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditOutcome;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.record.RecordMethod;
import org.zhiyuan.record.ServiceRecordView;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluations after a counted service (评价). The admins of the organization that recorded
 * the service rate the volunteer; the volunteer rates the activity; one of each per
 * record, 1 to 5 stars and an optional comment of at most 200 characters, which a repeat
 * changes (PUT) for {@value #WINDOW_DAYS} days after the record was made. The
 * organization's evaluations are audited and told to the volunteer; the activity's
 * ratings are shown to everyone only as a summary without names.
 */
@Service
public class Evaluations {

	/**
	 * Days after a record is made during which its evaluations may be given or changed.
	 */
	public static final int WINDOW_DAYS = 30;

	/** The longest comment. */
	public static final int COMMENT_LENGTH = 200;

	private static final int RECENT_COMMENTS = 10;

	private final EvaluationRepository repository;

	private final ServiceRecords records;

	private final Organizations organizations;

	private final Volunteers volunteers;

	private final Activities activities;

	private final AuditLog auditLog;

	private final Notifications notifications;

	private final TransactionTemplate transaction;

	Evaluations(EvaluationRepository repository, ServiceRecords records, Organizations organizations,
			Volunteers volunteers, Activities activities, AuditLog auditLog, Notifications notifications,
			PlatformTransactionManager transactions) {
		this.repository = repository;
		this.records = records;
		this.organizations = organizations;
		this.volunteers = volunteers;
		this.activities = activities;
		this.auditLog = auditLog;
		this.notifications = notifications;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * An admin of the record's organization rates the volunteer's service; a repeat
	 * changes the evaluation. The first evaluation is told to the volunteer.
	 * @throws ProblemException 404 {@code RECORD_NOT_FOUND}; 403 for anyone but the
	 * organization's admins; 400 naming {@code stars} and {@code comment}; 409
	 * {@code RECORD_NOT_COUNTED} for a record whose hours do not count, 409
	 * {@code EVALUATION_CLOSED} after the window
	 */
	public EvaluationView evaluate(Actor actor, UUID recordId, Integer stars, String comment) {
		ServiceRecordView record = require(recordId);
		if (!this.organizations.isAdmin(actor, record.organizationId())) {
			this.auditLog.record(AuditRecord.of("evaluation.rate", actor.accountId())
				.on("record", recordId)
				.inOrganization(record.organizationId())
				.withOutcome(AuditOutcome.DENIED));
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		String text = validate(stars, comment);
		requireOpen(record);
		OffsetDateTime now = now();
		boolean first = save(() -> this.repository.saveEvaluation(record.id(), record.volunteerId(),
				record.organizationId(), record.activityId(), stars, text, actor.accountId(), now));
		this.auditLog.record(AuditRecord.of("evaluation.rate", actor.accountId())
			.on("record", record.id())
			.inOrganization(record.organizationId())
			.withDetail("stars " + stars));
		if (first) {
			this.volunteers.find(record.volunteerId())
				.ifPresent((volunteer) -> this.notifications.send(new NotificationRequest(volunteer.accountId(),
						NotificationKind.GENERAL, "notice.evaluation.rated",
						List.of(record.organizationName(), record.activityTitle()), "/me/records", null)));
		}
		return this.repository.evaluation(record.id()).orElseThrow();
	}

	/**
	 * The volunteer of the record rates the activity; a repeat changes the rating.
	 * @throws ProblemException 404 {@code RECORD_NOT_FOUND}; 403 for anyone but the
	 * record's volunteer; 400 naming {@code stars} and {@code comment}; 409
	 * {@code RECORD_NOT_COUNTED}, {@code EVALUATION_CLOSED}
	 */
	public ActivityRatingView rateActivity(Actor actor, UUID recordId, Integer stars, String comment) {
		ServiceRecordView record = require(recordId);
		boolean own = actor != null && this.volunteers.findByAccount(actor.accountId())
			.map(VolunteerView::id)
			.filter(record.volunteerId()::equals)
			.isPresent();
		if (!own) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		String text = validate(stars, comment);
		requireOpen(record);
		OffsetDateTime now = now();
		save(() -> {
			this.repository.saveRating(record.id(), record.volunteerId(), record.activityId(), stars, text, now);
			return true;
		});
		return this.repository.rating(record.id()).orElseThrow();
	}

	/** What organizations said of the caller's services, the newest service first. */
	public PageResult<EvaluationView> mine(Actor actor, PageQuery page) {
		return this.repository.evaluationsOfVolunteer(this.volunteers.mine(actor).id(), page);
	}

	/**
	 * The summary of an activity's ratings, for anyone who may see the activity: no
	 * names, for the public and the organization's staff alike.
	 * @throws ProblemException 404 {@code ACTIVITY_NOT_FOUND}
	 */
	public RatingSummary summary(Actor actor, UUID activityId) {
		ActivityView activity = this.activities.view(actor, activityId);
		return summaryOf(activity.id());
	}

	/** The same for a page that has already shown the activity. */
	public RatingSummary summaryOf(UUID activityId) {
		List<Long> distribution = this.repository.distribution(activityId);
		long count = 0;
		long sum = 0;
		for (int i = 0; i < distribution.size(); i++) {
			count += distribution.get(i);
			sum += distribution.get(i) * (i + 1);
		}
		return new RatingSummary(activityId, count, average(sum, count), distribution,
				this.repository.recentComments(activityId, RECENT_COMMENTS));
	}

	/**
	 * The organizations' evaluations of the given records, for a page or document whose
	 * caller has already been allowed to show those records.
	 */
	public Map<UUID, EvaluationView> evaluationsOf(Collection<UUID> recordIds) {
		return recordIds.isEmpty() ? Map.of() : this.repository.evaluations(recordIds);
	}

	/** The volunteer's ratings of the given records' activities, likewise. */
	public Map<UUID, ActivityRatingView> ratingsOf(Collection<UUID> recordIds) {
		return recordIds.isEmpty() ? Map.of() : this.repository.ratings(recordIds);
	}

	/**
	 * The stars the organizations gave the given records, how many and their average, for
	 * a certificate of those records (whose issue has been authorized).
	 */
	public EvaluationFacts factsOf(Collection<UUID> recordIds) {
		Map<UUID, Integer> stars = new LinkedHashMap<>();
		evaluationsOf(recordIds).forEach((id, evaluation) -> stars.put(id, evaluation.stars()));
		long sum = stars.values().stream().mapToLong(Integer::longValue).sum();
		return new EvaluationFacts(stars, stars.size(), average(sum, stars.size()));
	}

	/** Whether the record's evaluations may still be given or changed now. */
	public static boolean isOpen(ServiceRecordView record) {
		return record.counted() && record.method() != RecordMethod.TRANSFER
				&& now().isBefore(closesAt(record.recordedAt()));
	}

	static OffsetDateTime closesAt(OffsetDateTime recordedAt) {
		return recordedAt.plusDays(WINDOW_DAYS);
	}

	private ServiceRecordView require(UUID recordId) {
		return this.records.find(recordId)
			.orElseThrow(() -> ProblemException.notFound("RECORD_NOT_FOUND", "record.notFound"));
	}

	private static void requireOpen(ServiceRecordView record) {
		if (!record.counted() || record.method() == RecordMethod.TRANSFER) {
			throw ProblemException.conflict("RECORD_NOT_COUNTED", "evaluation.notCounted");
		}
		if (!now().isBefore(closesAt(record.recordedAt()))) {
			throw ProblemException.conflict("EVALUATION_CLOSED", "evaluation.closed", WINDOW_DAYS);
		}
	}

	/** Checks every field at once; the comment stripped, or {@code null} when blank. */
	private static String validate(Integer stars, String comment) {
		List<FieldProblem> problems = new ArrayList<>();
		if (stars == null || stars < 1 || stars > 5) {
			problems.add(new FieldProblem("stars", "validation.evaluation.stars"));
		}
		String text = (comment != null && !comment.isBlank()) ? comment.strip() : null;
		if (text != null && text.length() > COMMENT_LENGTH) {
			problems.add(new FieldProblem("comment", "validation.evaluation.comment", COMMENT_LENGTH));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return text;
	}

	/**
	 * Saves in a transaction; two first ratings at once end as one, the later change
	 * winning.
	 */
	private boolean save(java.util.function.Supplier<Boolean> write) {
		try {
			return Boolean.TRUE.equals(this.transaction.execute((status) -> write.get()));
		}
		catch (DuplicateKeyException ex) {
			// the other request inserted first: ours is now a change
			this.transaction.execute((status) -> write.get());
			return false;
		}
	}

	private static BigDecimal average(long sum, long count) {
		return (count == 0) ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
	}

	static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
	}

	/** Whether the caller administers the organization, for pages. */
	boolean isAdmin(Actor actor, UUID organizationId) {
		return this.organizations.isAdmin(actor, organizationId);
	}

	Optional<ServiceRecordView> record(UUID recordId) {
		return this.records.find(recordId);
	}

}
