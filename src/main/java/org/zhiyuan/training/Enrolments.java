package org.zhiyuan.training;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.Access;
import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.ScopedObject;
import org.zhiyuan.attendance.CheckinCodes;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.training.TrainingViews.CourseView;
import org.zhiyuan.training.TrainingViews.EnrolmentView;
import org.zhiyuan.training.TrainingViews.MyEnrolment;
import org.zhiyuan.training.TrainingViews.SessionCode;
import org.zhiyuan.training.TrainingViews.SessionView;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who takes part in a training session: enrolment with places that are never oversold,
 * the session's roster, and attendance by the signed check-in codes of activities.
 */
@Service
public class Enrolments {

	/** A check-in code is accepted from this long before a session starts. */
	static final Duration CHECKIN_EARLY = Duration.ofHours(1);

	private final TrainingRepository training;

	private final Courses courses;

	private final Volunteers volunteers;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final CheckinCodes checkinCodes;

	private final TransactionTemplate writing;

	Enrolments(TrainingRepository training, Courses courses, Volunteers volunteers, AccessPolicy accessPolicy,
			AuditLog auditLog, CheckinCodes checkinCodes, PlatformTransactionManager transactions) {
		this.training = training;
		this.courses = courses;
		this.volunteers = volunteers;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
		this.checkinCodes = checkinCodes;
		this.writing = new TransactionTemplate(transactions);
	}

	/**
	 * Enrols the calling volunteer in a session. The place is taken by a conditional
	 * update of the session's count in the same transaction as the enrolment, so however
	 * many arrive at once, no more are enrolled than it has places.
	 * @throws ProblemException 409 {@code SESSION_FULL}, 409 {@code ALREADY_ENROLLED},
	 * 422 {@code ENROLMENT_CLOSED} once the session has started
	 */
	public MyEnrolment enrol(Actor actor, UUID sessionId) {
		VolunteerView volunteer = this.volunteers.mine(actor);
		SessionView session = this.courses.session(sessionId);
		if (!session.startsAt().isAfter(Courses.now())) {
			throw ProblemException.unprocessable("ENROLMENT_CLOSED", "training.enrolmentClosed");
		}
		if (this.training.enrolmentOf(sessionId, volunteer.id()).isPresent()) {
			throw ProblemException.conflict("ALREADY_ENROLLED", "training.alreadyEnrolled");
		}
		UUID id = Ids.newId();
		try {
			this.writing.executeWithoutResult((status) -> {
				if (!this.training.claimPlace(sessionId)) {
					throw ProblemException.conflict("SESSION_FULL", "training.sessionFull");
				}
				this.training.insertEnrolment(id, sessionId, volunteer.id(), Courses.now());
				this.auditLog.record(AuditRecord.of("training.enrol", actor.accountId())
					.on("course-session", sessionId)
					.inRegion(session.regionCode()));
			});
		}
		catch (DuplicateKeyException ex) {
			throw ProblemException.conflict("ALREADY_ENROLLED", "training.alreadyEnrolled");
		}
		return mine(actor, sessionId).orElseThrow();
	}

	/** Gives up the caller's place before the session starts; the place is freed. */
	public void cancelEnrolment(Actor actor, UUID sessionId) {
		VolunteerView volunteer = this.volunteers.mine(actor);
		SessionView session = this.courses.session(sessionId);
		UUID enrolment = this.training.enrolmentOf(sessionId, volunteer.id())
			.orElseThrow(() -> ProblemException.notFound("ENROLMENT_NOT_FOUND", "training.notEnrolled"));
		if (!session.startsAt().isAfter(Courses.now())) {
			throw ProblemException.unprocessable("ENROLMENT_CLOSED", "training.enrolmentClosed");
		}
		this.writing.executeWithoutResult((status) -> {
			if (this.training.deleteEnrolment(sessionId, enrolment) == 1) {
				this.training.releasePlace(sessionId);
			}
			this.auditLog
				.record(AuditRecord.of("training.enrol.cancel", actor.accountId()).on("course-session", sessionId));
		});
	}

	/** The caller's enrolment in a session, if any. */
	public Optional<MyEnrolment> mine(Actor actor, UUID sessionId) {
		return this.volunteers.findByAccount(actor.accountId())
			.flatMap((v) -> this.training.enrolment(sessionId, v.id()));
	}

	/** The caller's enrolments, latest session first. */
	public PageResult<MyEnrolment> myEnrolments(Actor actor, PageQuery page) {
		return this.training.enrolmentsOf(this.volunteers.mine(actor).id(), page);
	}

	/** Who enrolled in a session, whether they came and their results; audited. */
	public PageResult<EnrolmentView> roster(Actor actor, UUID sessionId, PageQuery page) {
		SessionView session = this.courses.session(sessionId);
		CourseView course = this.courses.course(session.courseId());
		this.accessPolicy.check(actor, Access.READ, new ScopedObject("training-roster", sessionId.toString(), null,
				course.regionCode(), (course.organizationId() != null) ? Set.of(course.organizationId()) : Set.of()));
		return this.training.roster(sessionId, page);
	}

	/**
	 * The session's current check-in code, for its managers, from an hour before it
	 * starts until it ends; the same signed, rotating codes as activities.
	 * @throws ProblemException 422 {@code CHECKIN_CLOSED} outside that time
	 */
	public SessionCode issueCode(Actor actor, UUID sessionId) {
		SessionView session = this.courses.session(sessionId);
		this.courses.managedCourseOf(actor, session);
		requireCheckinTime(session, Courses.now());
		CheckinCodes.Issued issued = this.checkinCodes.issue(sessionId, Instant.now());
		return new SessionCode(issued.code(), issued.shortCode(), issued.expiresAt());
	}

	/**
	 * Checks the calling volunteer in at a session, by the code of its QR image or by the
	 * session and the short code shown beside it.
	 * @throws ProblemException 422 {@code CODE_INVALID}, {@code CODE_EXPIRED},
	 * {@code CHECKIN_CLOSED}; 403 {@code NOT_ENROLLED}; 409 {@code ALREADY_CHECKED_IN}
	 */
	public MyEnrolment checkIn(Actor actor, String code, UUID sessionId, String shortCode) {
		VolunteerView volunteer = this.volunteers.mine(actor);
		SessionView session = this.training
			.session(this.checkinCodes.require(code, sessionId, shortCode, Instant.now()))
			.orElseThrow(() -> ProblemException.unprocessable("CODE_INVALID", "attendance.codeInvalid"));
		OffsetDateTime now = Courses.now();
		requireCheckinTime(session, now);
		UUID enrolment = this.training.enrolmentOf(session.id(), volunteer.id())
			.orElseThrow(() -> new ProblemException(403, "NOT_ENROLLED", "training.notEnrolled"));
		if (!this.training.checkIn(session.id(), enrolment, now)) {
			throw ProblemException.conflict("ALREADY_CHECKED_IN", "attendance.alreadyIn");
		}
		this.auditLog.record(AuditRecord.of("training.checkin", actor.accountId()).on("course-session", session.id()));
		return mine(actor, session.id()).orElseThrow();
	}

	private static void requireCheckinTime(SessionView session, OffsetDateTime now) {
		if (now.isBefore(session.startsAt().minus(CHECKIN_EARLY)) || now.isAfter(session.endsAt())) {
			throw ProblemException.unprocessable("CHECKIN_CLOSED", "training.checkinClosed");
		}
	}

}
