package org.zhiyuan.training;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.access.Actor;
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
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.training.TrainingViews.CourseView;
import org.zhiyuan.training.TrainingViews.Granted;
import org.zhiyuan.training.TrainingViews.ImportReport;
import org.zhiyuan.training.TrainingViews.ImportRowResult;
import org.zhiyuan.training.TrainingViews.ResultView;
import org.zhiyuan.training.TrainingViews.SessionView;
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
 * The results of training: a pass grants the course's qualification for its months and
 * writes a training record of the volunteer (not service hours); results are entered one
 * by one or from a sheet, and volunteers are reminded before a qualification expires.
 */
@Service
public class TrainingResults {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final TrainingRepository training;

	private final Courses courses;

	private final Enrolments enrolments;

	private final Organizations organizations;

	private final Volunteers volunteers;

	private final QualificationCodes codes;

	private final Regions regions;

	private final AuditLog auditLog;

	private final Notifications notifications;

	private final TransactionTemplate writing;

	TrainingResults(TrainingRepository training, Courses courses, Enrolments enrolments, Organizations organizations,
			Volunteers volunteers, QualificationCodes codes, Regions regions, AuditLog auditLog,
			Notifications notifications, PlatformTransactionManager transactions) {
		this.training = training;
		this.courses = courses;
		this.enrolments = enrolments;
		this.organizations = organizations;
		this.volunteers = volunteers;
		this.codes = codes;
		this.regions = regions;
		this.auditLog = auditLog;
		this.notifications = notifications;
		this.writing = new TransactionTemplate(transactions);
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
		SessionView session = this.courses.session(sessionId);
		CourseView course = this.courses.managedCourseOf(actor, session);
		return result(actor, session, course, volunteerId, passed);
	}

	private ResultView result(Actor actor, SessionView session, CourseView course, UUID volunteerId, boolean passed) {
		OffsetDateTime now = Courses.now();
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
							"/me/training", "training-pass:" + session.id())
					: new NotificationRequest(volunteer.accountId(), NotificationKind.GENERAL,
							"training.notice.completed", List.of(course.title()), "/me/training",
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
		SessionView session = this.courses.session(sessionId);
		CourseView course = this.courses.managedCourseOf(actor, session);
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
	public void resultsTemplate(Actor actor, UUID sessionId, OutputStream out) {
		this.courses.managedCourseOf(actor, this.courses.session(sessionId));
		List<String[]> people = this.enrolments.roster(actor, sessionId, PageQuery.of(0, PageQuery.MAX_SIZE))
			.items()
			.stream()
			.map((e) -> new String[] { e.volunteerNumber(), e.volunteerName() })
			.toList();
		ResultSheet.writeTemplate(out, people);
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
			List<SessionView> sessions = this.training.upcomingGranting(expiring.code(), Courses.now(), 3);
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

	private String issuerOf(CourseView course) {
		if (course.organizationId() != null) {
			return this.organizations.find(course.organizationId()).map(OrganizationView::name).orElse(course.title());
		}
		return this.regions.fullName(course.regionCode());
	}

	private static String shorten(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) + "…" : text;
	}

}
