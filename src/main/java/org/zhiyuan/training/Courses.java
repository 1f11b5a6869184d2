package org.zhiyuan.training;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Role;
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
import org.zhiyuan.training.TrainingViews.CourseView;
import org.zhiyuan.training.TrainingViews.SessionView;
import org.zhiyuan.training.TrainingViews.TeacherView;
import org.zhiyuan.volunteer.QualificationCode;
import org.zhiyuan.volunteer.QualificationCodes;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The course library of training (C10): courses with the qualification a pass grants and
 * their teachers, and the sessions of a course, opened by the admins of an active
 * organization or by a region's operators.
 */
@Service
public class Courses {

	private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");

	private final TrainingRepository training;

	private final Organizations organizations;

	private final QualificationCodes codes;

	private final Regions regions;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final TransactionTemplate writing;

	Courses(TrainingRepository training, Organizations organizations, QualificationCodes codes, Regions regions,
			AccessPolicy accessPolicy, AuditLog auditLog, PlatformTransactionManager transactions) {
		this.training = training;
		this.organizations = organizations;
		this.codes = codes;
		this.regions = regions;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
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
	 * For whom the actor may open a course: the active organizations they administer, and
	 * the regions they operate.
	 */
	public record Owners(List<OrganizationView> organizations, Set<String> regionCodes) {

		/** Whether the actor may open a course at all. */
		public boolean any() {
			return !this.organizations.isEmpty() || !this.regionCodes.isEmpty();
		}

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
				|| request.hours().compareTo(BigDecimal.valueOf(1000)) > 0 || request.hours().scale() > 2) {
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
		return courses(regionCode, text, organizationId, null, page);
	}

	/**
	 * The course library by region and below, text, organization and the qualification a
	 * pass grants (the link of an expiry reminder: the courses that renew it).
	 */
	public PageResult<CourseView> courses(String regionCode, String text, UUID organizationId, String qualificationCode,
			PageQuery page) {
		String q = (text != null && !text.isBlank()) ? text.strip() : null;
		if (q != null && q.length() > 50) {
			throw ProblemException.invalid(List.of(new FieldProblem("q", "validation.text50")));
		}
		if (regionCode != null && !regionCode.isBlank() && !this.regions.exists(regionCode)) {
			throw ProblemException.invalid(List.of(new FieldProblem("regionCode", "validation.regionCode")));
		}
		String qualification = (qualificationCode != null && !qualificationCode.isBlank()) ? qualificationCode.strip()
				: null;
		if (qualification != null && this.codes.find(qualification).isEmpty()) {
			throw ProblemException
				.invalid(List.of(new FieldProblem("qualification", "validation.training.unknownCode")));
		}
		return this.training.courses((regionCode != null && !regionCode.isBlank()) ? prefixOf(regionCode) : null, q,
				organizationId, qualification, page);
	}

	/**
	 * For whom the actor may open a course: the active organizations they administer and
	 * the regions they operate (the nation's operators open them for a region below).
	 */
	public Owners ownersFor(Actor actor) {
		if (actor == null) {
			return new Owners(List.of(), Set.of());
		}
		List<OrganizationView> administered = this.organizations.administeredBy(actor, PageQuery.of(0, 100))
			.items()
			.stream()
			.filter(OrganizationView::isActive)
			.toList();
		return new Owners(administered, new TreeSet<>(actor.scopesOf(Role.OPERATOR)));
	}

	/**
	 * The courses the actor manages, latest first: those of the organizations they
	 * administer and those within the regions they operate.
	 */
	public PageResult<CourseView> managedBy(Actor actor, String text, PageQuery page) {
		String q = (text != null && !text.isBlank()) ? text.strip() : null;
		if (q != null && q.length() > 50) {
			throw ProblemException.invalid(List.of(new FieldProblem("q", "validation.text50")));
		}
		Set<UUID> organizationIds = new TreeSet<>();
		actor.scopesOf(Role.ORG_ADMIN).forEach((scope) -> Ids.parse(scope).ifPresent(organizationIds::add));
		Set<String> prefixes = new TreeSet<>();
		actor.scopesOf(Role.OPERATOR)
			.stream()
			.filter(Regions::isWellFormed)
			.map(Regions::prefixOf)
			.forEach(prefixes::add);
		if (organizationIds.isEmpty() && prefixes.isEmpty()) {
			return new PageResult<>(List.of(), page.page(), page.size(), 0);
		}
		return this.training.managedCourses(organizationIds, prefixes, q, page);
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
			if (!this.organizations.isAdmin(actor, organizationId)
					&& !this.accessPolicy.operates(actor, organization.regionCode())) {
				throw ProblemException.forbidden("problem.forbidden.object");
			}
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

	/** Refuses anyone who does not manage the course. */
	void requireManager(Actor actor, CourseView course) {
		if (!canManage(actor, course)) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
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

	/** The session's course, after checking that the actor manages it. */
	CourseView managedCourseOf(Actor actor, SessionView session) {
		CourseView course = course(session.courseId());
		requireManager(actor, course);
		return course;
	}

	static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
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

}
