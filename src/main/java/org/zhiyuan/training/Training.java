package org.zhiyuan.training;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.zhiyuan.access.Access;
import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.ScopedObject;
import org.zhiyuan.attendance.CheckinCodes;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.training.TrainingViews.CourseView;
import org.zhiyuan.training.TrainingViews.EnrolmentView;
import org.zhiyuan.training.TrainingViews.Granted;
import org.zhiyuan.training.TrainingViews.ImportReport;
import org.zhiyuan.training.TrainingViews.ImportRowResult;
import org.zhiyuan.training.TrainingViews.MyEnrolment;
import org.zhiyuan.training.TrainingViews.ResultView;
import org.zhiyuan.training.TrainingViews.SessionCode;
import org.zhiyuan.training.TrainingViews.SessionView;
import org.zhiyuan.training.TrainingViews.TeacherView;
import org.zhiyuan.training.TrainingViews.TrainingRecordView;
import org.zhiyuan.volunteer.QualificationCode;
import org.zhiyuan.volunteer.QualificationCodes;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Training (C10): the course library, sessions with places that are never oversold,
 * attendance by the signed check-in codes of activities, and results: a pass grants the
 * course's qualification for its months and writes a training record of the volunteer
 * (not service hours).
 */
@Service
public class Training {

	/** A check-in code is accepted from this long before a session starts. */
	static final Duration CHECKIN_EARLY = Duration.ofHours(1);

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");

	private final TrainingRepository training;

	private final Organizations organizations;

	private final Volunteers volunteers;

	private final QualificationCodes codes;

	private final Regions regions;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final Notifications notifications;

	private final CheckinCodes checkinCodes;

	private final TransactionTemplate writing;

	Training(TrainingRepository training, Organizations organizations, Volunteers volunteers, QualificationCodes codes,
			Regions regions, AccessPolicy accessPolicy, AuditLog auditLog, Notifications notifications,
			CheckinCodes checkinCodes, PlatformTransactionManager transactions) {
		this.training = training;
		this.organizations = organizations;
		this.volunteers = volunteers;
		this.codes = codes;
		this.regions = regions;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
		this.notifications = notifications;
		this.checkinCodes = checkinCodes;
		this.writing = new TransactionTemplate(transactions);
	}

	/**
	 * A new course; {@code organizationId} empty for a course of a region's operators.
	 */
	public record NewCourse(UUID organizationId, String regionCode, String title, String description, BigDecimal hours,
			NewQualification qualification, List<String> teachers) {

	}

	/** The qualification a course grants: a code of the list or a new one. */
	public record NewQualification(String code, String name, Integer validMonths) {

	}

	public record NewSession(OffsetDateTime startsAt, OffsetDateTime endsAt, String regionCode, String address,
			Integer capacity, String teacher) {

	}

	/**
	 * Adds a course to the library: for an admin of an active organization, or an
	 * operator of the organization's region; without an organization, for an operator of
	 * the region given. A new qualification code joins the platform's list.
	 * @throws ProblemException 400 naming every bad field, 403 for anyone else, 409
	 * {@code ORGANIZATION_NOT_ACTIVE}
	 */
	public CourseView createCourse(Actor actor, NewCourse request) {
		List<FieldProblem> problems = new ArrayList<>();
		text(problems, "title", request.title(), 100, true);
		text(problems, "description", request.description(), 2000, false);
		if (request.hours() == null || request.hours().signum() <= 0
				|| request.hours().compareTo(BigDecimal.valueOf(1000)) > 0 || request.hours().scale() > 1) {
			problems.add(new FieldProblem("hours", "validation.training.hours"));
		}
		NewQualification q = request.qualification();
		if (q != null) {
			if (q.code() == null || !CODE.matcher(q.code()).matches()) {
				problems.add(new FieldProblem("qualification.code", "validation.training.code"));
			}
			else {
				text(problems, "qualification.name", q.name(), 100, this.codes.find(q.code()).isEmpty());
			}
			if (q.name() != null && q.name().isBlank()) {
				problems.add(new FieldProblem("qualification.name", "validation.textRequired", 100));
			}
			if (q.validMonths() == null || q.validMonths() < 1 || q.validMonths() > 120) {
				problems.add(new FieldProblem("qualification.validMonths", "validation.training.months"));
			}
		}
		List<String> teachers = (request.teachers() != null) ? request.teachers() : List.of();
		if (teachers.size() > 10 || teachers.stream().anyMatch((t) -> t == null || t.isBlank() || t.length() > 100)) {
			problems.add(new FieldProblem("teachers", "validation.list", 10, 100));
		}
		String regionCode = null;
		if ((request.organizationId() == null || request.regionCode() != null) && (request.regionCode() == null
				|| !this.regions.exists(request.regionCode()) || Regions.NATIONAL.equals(request.regionCode()))) {
			problems.add(new FieldProblem("regionCode", "validation.regionCode"));
		}
		else if (request.organizationId() == null) {
			regionCode = request.regionCode();
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		OrganizationView organization = null;
		if (request.organizationId() != null) {
			organization = this.organizations.find(request.organizationId())
				.orElseThrow(() -> ProblemException.notFound("ORGANIZATION_NOT_FOUND", "organization.notFound"));
			if (!this.organizations.isAdmin(actor, organization.id())
					&& !this.accessPolicy.operates(actor, organization.regionCode())) {
				throw ProblemException.forbidden("problem.forbidden.object");
			}
			this.organizations.requireActive(actor, organization.id());
			regionCode = organization.regionCode();
		}
		else {
			this.accessPolicy.requireOperatorOf(actor, regionCode);
		}
		String code = null;
		if (q != null) {
			code = this.codes.define(q.code(), (q.name() != null) ? q.name() : q.code()).code();
		}
		UUID id = Ids.newId();
		UUID organizationId = (organization != null) ? organization.id() : null;
		String region = regionCode;
		String grantedCode = code;
		this.writing.executeWithoutResult((status) -> {
			OffsetDateTime now = now();
			this.training.insertCourse(id, organizationId, region, request.title().strip(),
					blankToNull(request.description()), request.hours(), grantedCode,
					(q != null) ? q.validMonths() : null, actor.accountId(), now);
			for (String teacher : teachers) {
				this.training.linkTeacher(id,
						this.training.teacher(organizationId, region, teacher.strip(), Ids.newId(), now));
			}
			this.auditLog.record(AuditRecord.of("training.course.create", actor.accountId())
				.on("course", id)
				.inRegion(region)
				.inOrganization(organizationId));
		});
		return course(id);
	}

	/** A course of the library: public. */
	public CourseView course(UUID id) {
		return this.training.course(id)
			.orElseThrow(() -> ProblemException.notFound("COURSE_NOT_FOUND", "training.courseNotFound"));
	}

	/** The library: public, by region (and below), text and organization. */
	public PageResult<CourseView> courses(String regionCode, String text, UUID organizationId, PageQuery page) {
		String q = (text != null && !text.isBlank()) ? text.strip() : null;
		if (q != null && q.length() > 50) {
			throw ProblemException.invalid(List.of(new FieldProblem("q", "validation.text50")));
		}
		if (regionCode != null && !regionCode.isBlank() && !this.regions.exists(regionCode)) {
			throw ProblemException.invalid(List.of(new FieldProblem("regionCode", "validation.regionCode")));
		}
		return this.training.courses((regionCode != null && !regionCode.isBlank()) ? prefixOf(regionCode) : null, q,
				organizationId, page);
	}

	/** The platform's list of qualification codes: public. */
	public List<QualificationCode> qualificationCodes() {
		return this.codes.all();
	}

	/** The teachers of an organization's (or a region's) library, for its managers. */
	public List<TeacherView> teachers(Actor actor, UUID organizationId, String regionCode) {
		if (organizationId != null) {
			OrganizationView organization = this.organizations.find(organizationId)
				.orElseThrow(() -> ProblemException.notFound("ORGANIZATION_NOT_FOUND", "organization.notFound"));
			requireManager(actor, organizationId, organization.regionCode());
			return this.training.teachers(organizationId, organization.regionCode());
		}
		if (regionCode == null || !this.regions.exists(regionCode)) {
			throw ProblemException.invalid(List.of(new FieldProblem("regionCode", "validation.regionCode")));
		}
		this.accessPolicy.requireOperatorOf(actor, regionCode);
		return this.training.teachers(null, regionCode);
	}

	/**
	 * Whether the actor manages the course: an admin of its organization, or an operator.
	 */
	public boolean canManage(Actor actor, CourseView course) {
		return actor != null
				&& ((course.organizationId() != null && this.organizations.isAdmin(actor, course.organizationId()))
						|| this.accessPolicy.operates(actor, course.regionCode()));
	}

	/**
	 * Adds a session to a course, for its managers.
	 * @throws ProblemException 400 naming every bad field, 403, 404
	 * {@code COURSE_NOT_FOUND}
	 */
	public SessionView addSession(Actor actor, UUID courseId, NewSession request) {
		CourseView course = course(courseId);
		requireManager(actor, course);
		List<FieldProblem> problems = new ArrayList<>();
		OffsetDateTime now = now();
		if (request.startsAt() == null) {
			problems.add(new FieldProblem("startsAt", "validation.required"));
		}
		else if (!request.startsAt().isAfter(now)) {
			problems.add(new FieldProblem("startsAt", "validation.activity.future"));
		}
		if (request.endsAt() == null) {
			problems.add(new FieldProblem("endsAt", "validation.required"));
		}
		else if (request.startsAt() != null && (!request.endsAt().isAfter(request.startsAt())
				|| Duration.between(request.startsAt(), request.endsAt()).toDays() > 31)) {
			problems.add(new FieldProblem("endsAt", "validation.activity.end"));
		}
		if (request.regionCode() == null || !this.regions.exists(request.regionCode())
				|| Regions.NATIONAL.equals(request.regionCode())) {
			problems.add(new FieldProblem("regionCode", "validation.regionCode"));
		}
		text(problems, "address", request.address(), 200, true);
		if (request.capacity() == null || request.capacity() < 1 || request.capacity() > 100000) {
			problems.add(new FieldProblem("capacity", "validation.activity.capacity"));
		}
		text(problems, "teacher", request.teacher(), 100, false);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		UUID id = Ids.newId();
		this.writing.executeWithoutResult((status) -> {
			UUID teacherId = null;
			if (request.teacher() != null && !request.teacher().isBlank()) {
				teacherId = this.training.teacher(course.organizationId(), course.regionCode(),
						request.teacher().strip(), Ids.newId(), now);
				this.training.linkTeacher(courseId, teacherId);
			}
			this.training.insertSession(id, courseId, request.startsAt(), request.endsAt(), request.regionCode(),
					request.address().strip(), request.capacity(), teacherId, now);
			this.auditLog.record(AuditRecord.of("training.session.create", actor.accountId())
				.on("course-session", id)
				.inRegion(course.regionCode())
				.inOrganization(course.organizationId()));
		});
		return session(id);
	}

	/** A session: public. */
	public SessionView session(UUID id) {
		return this.training.session(id)
			.orElseThrow(() -> ProblemException.notFound("SESSION_NOT_FOUND", "training.sessionNotFound"));
	}

	/** A course's sessions, the coming ones only unless {@code all}: public. */
	public PageResult<SessionView> sessions(UUID courseId, boolean all, PageQuery page) {
		course(courseId);
		return this.training.sessionsOf(courseId, all ? null : now(), page);
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
		SessionView session = session(sessionId);
		if (!session.startsAt().isAfter(now())) {
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
				this.training.insertEnrolment(id, sessionId, volunteer.id(), now());
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
		SessionView session = session(sessionId);
		UUID enrolment = this.training.enrolmentOf(sessionId, volunteer.id())
			.orElseThrow(() -> ProblemException.notFound("ENROLMENT_NOT_FOUND", "training.notEnrolled"));
		if (!session.startsAt().isAfter(now())) {
			throw ProblemException.unprocessable("ENROLMENT_CLOSED", "training.enrolmentClosed");
		}
		this.writing.executeWithoutResult((status) -> {
			if (this.training.deleteEnrolment(enrolment) == 1) {
				this.training.releasePlace(sessionId);
			}
			this.auditLog
				.record(AuditRecord.of("training.enrol.cancel", actor.accountId()).on("course-session", sessionId));
		});
	}

	/** The caller's enrolment in a session, if any. */
	public Optional<MyEnrolment> mine(Actor actor, UUID sessionId) {
		return this.volunteers.findByAccount(actor.accountId())
			.flatMap((v) -> this.training.enrolmentOf(sessionId, v.id()))
			.flatMap(this.training::enrolment);
	}

	/** The caller's enrolments, latest session first. */
	public PageResult<MyEnrolment> myEnrolments(Actor actor, PageQuery page) {
		return this.training.enrolmentsOf(this.volunteers.mine(actor).id(), page);
	}

	/** The caller's training records. */
	public List<TrainingRecordView> myRecords(Actor actor) {
		return this.training.recordsOf(this.volunteers.mine(actor).id());
	}

	/**
	 * A volunteer's training records, for the certificate's training section; no access
	 * check.
	 */
	public List<TrainingRecordView> recordsOf(UUID volunteerId) {
		return this.training.recordsOf(volunteerId);
	}

	/** Who enrolled in a session, whether they came and their results; audited. */
	public PageResult<EnrolmentView> roster(Actor actor, UUID sessionId, PageQuery page) {
		SessionView session = session(sessionId);
		CourseView course = course(session.courseId());
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
		SessionView session = session(sessionId);
		requireManager(actor, course(session.courseId()));
		requireCheckinTime(session, now());
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
		Instant instant = Instant.now();
		CheckinCodes.Verdict verdict;
		if (code != null && !code.isBlank()) {
			verdict = this.checkinCodes.verify(code, instant);
		}
		else if (sessionId != null && shortCode != null) {
			verdict = this.checkinCodes.verifyShort(sessionId, shortCode, instant);
		}
		else {
			throw ProblemException.invalid(List.of(new FieldProblem("code", "validation.required")));
		}
		if (verdict.invalid()) {
			throw ProblemException.unprocessable("CODE_INVALID", "attendance.codeInvalid");
		}
		if (verdict.expired()) {
			throw ProblemException.unprocessable("CODE_EXPIRED", "attendance.codeExpired");
		}
		SessionView session = this.training.session(verdict.activityId().get())
			.orElseThrow(() -> ProblemException.unprocessable("CODE_INVALID", "attendance.codeInvalid"));
		OffsetDateTime now = now();
		requireCheckinTime(session, now);
		UUID enrolment = this.training.enrolmentOf(session.id(), volunteer.id())
			.orElseThrow(() -> new ProblemException(403, "NOT_ENROLLED", "training.notEnrolled"));
		if (!this.training.checkIn(enrolment, now)) {
			throw ProblemException.conflict("ALREADY_CHECKED_IN", "attendance.alreadyIn");
		}
		this.auditLog.record(AuditRecord.of("training.checkin", actor.accountId()).on("course-session", session.id()));
		return mine(actor, session.id()).orElseThrow();
	}

	/**
	 * Enters a volunteer's result, for the course's managers, once the session has
	 * started. A pass grants the course's qualification until the day the session ends
	 * plus its months, writes a training record and tells the volunteer.
	 * @throws ProblemException 403, 404, 409 {@code RESULT_EXISTS}, 422
	 * {@code NOT_ENROLLED} or {@code SESSION_NOT_STARTED}
	 */
	@Transactional
	public ResultView enterResult(Actor actor, UUID sessionId, UUID volunteerId, Boolean passed) {
		List<FieldProblem> problems = new ArrayList<>();
		if (volunteerId == null) {
			problems.add(new FieldProblem("volunteerId", "validation.required"));
		}
		if (passed == null) {
			problems.add(new FieldProblem("passed", "validation.required"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		SessionView session = session(sessionId);
		CourseView course = course(session.courseId());
		requireManager(actor, course);
		return result(actor, session, course, volunteerId, passed);
	}

	private ResultView result(Actor actor, SessionView session, CourseView course, UUID volunteerId, boolean passed) {
		OffsetDateTime now = now();
		if (session.startsAt().isAfter(now)) {
			throw ProblemException.unprocessable("SESSION_NOT_STARTED", "training.notStarted");
		}
		VolunteerView volunteer = this.volunteers.find(volunteerId)
			.orElseThrow(() -> ProblemException.unprocessable("NOT_ENROLLED", "training.notEnrolledVolunteer"));
		if (this.training.enrolmentOf(session.id(), volunteerId).isEmpty()) {
			throw ProblemException.unprocessable("NOT_ENROLLED", "training.notEnrolledVolunteer");
		}
		if (this.training.hasResult(session.id(), volunteerId)) {
			throw ProblemException.conflict("RESULT_EXISTS", "training.resultExists");
		}
		UUID id = Ids.newId();
		try {
			this.training.insertResult(id, session.id(), volunteerId, passed, actor.accountId(), now);
		}
		catch (DuplicateKeyException ex) {
			throw ProblemException.conflict("RESULT_EXISTS", "training.resultExists");
		}
		Granted granted = null;
		UUID recordId = null;
		if (passed) {
			LocalDate completedOn = session.endsAt().atZoneSameInstant(CHINA).toLocalDate();
			LocalDate validUntil = null;
			if (course.qualification() != null) {
				validUntil = completedOn.plusMonths(course.qualification().validMonths());
				this.codes.grant(volunteerId, course.qualification().code(), issuerOf(course), validUntil);
				granted = new Granted(course.qualification().code(), validUntil);
			}
			recordId = Ids.newId();
			this.training.insertRecord(recordId, volunteerId, session, course.hours(), completedOn, validUntil, now);
			this.notifications.send((granted != null)
					? new NotificationRequest(volunteer.accountId(), NotificationKind.GENERAL, "training.notice.passed",
							List.of(course.title(), course.qualification().name(), validUntil.toString()),
							"/training/mine", "training-pass:" + session.id())
					: new NotificationRequest(volunteer.accountId(), NotificationKind.GENERAL,
							"training.notice.completed", List.of(course.title()), "/training/mine",
							"training-pass:" + session.id()));
		}
		this.auditLog.record(AuditRecord.of(passed ? "training.result.pass" : "training.result.fail", actor.accountId())
			.on("course-session", session.id())
			.inRegion(course.regionCode())
			.inOrganization(course.organizationId())
			.about(volunteer.accountId()));
		return new ResultView(id, session.id(), volunteerId, passed, granted, recordId);
	}

	/**
	 * Enters the results of an uploaded sheet (volunteer number and 通过/不通过 per row), each
	 * row on its own: the report says what became of every row.
	 * @throws ProblemException 400 on {@code file} when it is not a readable .xlsx
	 * workbook
	 */
	public ImportReport importResults(Actor actor, UUID sessionId, byte[] file) {
		SessionView session = session(sessionId);
		CourseView course = course(session.courseId());
		requireManager(actor, course);
		List<ResultSheet.Line> rows;
		try {
			rows = ResultSheet.read(file);
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.invalid(List.of(new FieldProblem("file", "validation.import.file")));
		}
		int passed = 0;
		int failed = 0;
		int refused = 0;
		List<ImportRowResult> report = new ArrayList<>();
		for (ResultSheet.Line row : rows) {
			String number = row.volunteerNumber();
			Boolean pass = row.passed();
			Optional<VolunteerView> volunteer = this.volunteers.findByNumber(number);
			if (volunteer.isEmpty()) {
				report.add(new ImportRowResult(row.number(), number, "REFUSED", "training.import.unknownVolunteer"));
				refused++;
				continue;
			}
			if (pass == null) {
				report.add(new ImportRowResult(row.number(), number, "REFUSED", "training.import.result"));
				refused++;
				continue;
			}
			try {
				this.writing
					.executeWithoutResult((status) -> result(actor, session, course, volunteer.get().id(), pass));
				report.add(new ImportRowResult(row.number(), number, pass ? "PASSED" : "FAILED", null));
				if (pass) {
					passed++;
				}
				else {
					failed++;
				}
			}
			catch (ProblemException ex) {
				report.add(new ImportRowResult(row.number(), number, "REFUSED", ex.messageKey()));
				refused++;
			}
		}
		return new ImportReport(passed, failed, refused, report);
	}

	/**
	 * The results sheet of a session with its roster filled in, for its managers; the
	 * roster read is audited.
	 */
	public void resultsTemplate(Actor actor, UUID sessionId, java.io.OutputStream out) {
		SessionView session = session(sessionId);
		requireManager(actor, course(session.courseId()));
		List<String[]> people = roster(actor, sessionId, PageQuery.of(0, PageQuery.MAX_SIZE)).items()
			.stream()
			.map((e) -> new String[] { e.volunteerNumber(), e.volunteerName() })
			.toList();
		ResultSheet.writeTemplate(out, people);
	}

	/**
	 * Tells each volunteer whose qualification of the list expires within 30 days, once
	 * per qualification and expiry, with the coming sessions that renew it.
	 * @return how many were told
	 */
	public int remindExpiring(LocalDate today) {
		int told = 0;
		DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
		for (QualificationCodes.Expiring expiring : this.codes.expiringBetween(today, today.plusDays(30))) {
			QualificationCode code = this.codes.find(expiring.code()).orElse(null);
			if (code == null) {
				continue;
			}
			List<SessionView> sessions = this.training.upcomingGranting(expiring.code(), now(), 3);
			String listed = String.join("; ",
					sessions.stream()
						.map((s) -> s.courseTitle() + " " + s.startsAt().atZoneSameInstant(CHINA).format(day) + " "
								+ shorten(s.address(), 40))
						.toList());
			this.notifications.send(new NotificationRequest(expiring.accountId(), NotificationKind.GENERAL,
					sessions.isEmpty() ? "training.notice.expiringNoSession" : "training.notice.expiring",
					sessions.isEmpty() ? List.of(code.name(), expiring.expiresOn().toString())
							: List.of(code.name(), expiring.expiresOn().toString(), listed),
					"/training?qualification=" + code.code(),
					"qualification-expiry:" + expiring.qualificationId() + ":" + expiring.expiresOn()));
			told++;
		}
		return told;
	}

	private void requireManager(Actor actor, CourseView course) {
		if (!canManage(actor, course)) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
	}

	private void requireManager(Actor actor, UUID organizationId, String regionCode) {
		if (!this.organizations.isAdmin(actor, organizationId) && !this.accessPolicy.operates(actor, regionCode)) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
	}

	private static void requireCheckinTime(SessionView session, OffsetDateTime now) {
		if (now.isBefore(session.startsAt().minus(CHECKIN_EARLY)) || now.isAfter(session.endsAt())) {
			throw ProblemException.unprocessable("CHECKIN_CLOSED", "training.checkinClosed");
		}
	}

	private String issuerOf(CourseView course) {
		if (course.organizationId() != null) {
			return this.organizations.find(course.organizationId()).map(OrganizationView::name).orElse(course.title());
		}
		return this.regions.fullName(course.regionCode());
	}

	private static String prefixOf(String regionCode) {
		String prefix = regionCode;
		while (prefix.length() > 2 && prefix.endsWith("00")) {
			prefix = prefix.substring(0, prefix.length() - 2);
		}
		return prefix;
	}

	private static void text(List<FieldProblem> problems, String field, String value, int max, boolean required) {
		if ((required && (value == null || value.isBlank())) || (value != null && value.length() > max)) {
			problems
				.add(new FieldProblem(field, required ? "validation.textRequired" : "validation.training.text", max));
		}
	}

	private static String blankToNull(String text) {
		return (text != null && !text.isBlank()) ? text.strip() : null;
	}

	private static String shorten(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) + "…" : text;
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
