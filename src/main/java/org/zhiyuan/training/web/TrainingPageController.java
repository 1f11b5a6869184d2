package org.zhiyuan.training.web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Role;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.training.Courses;
import org.zhiyuan.training.Enrolments;
import org.zhiyuan.training.TrainingResults;
import org.zhiyuan.training.TrainingViews.CourseView;
import org.zhiyuan.training.TrainingViews.MyEnrolment;
import org.zhiyuan.training.TrainingViews.SessionView;
import org.zhiyuan.training.TrainingViews.TeacherView;
import org.zhiyuan.training.web.TrainingForms.SessionForm;
import org.zhiyuan.volunteer.QualificationCode;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Training pages: the public course library (and the courses an organizer manages), a
 * course with its sessions (enrol and cancel for a volunteer; add a session for its
 * managers), and the volunteer's own training.
 */
@Controller
class TrainingPageController {

	private final Courses courses;

	private final Enrolments enrolments;

	private final TrainingResults results;

	private final Organizations organizations;

	TrainingPageController(Courses courses, Enrolments enrolments, TrainingResults results,
			Organizations organizations) {
		this.courses = courses;
		this.enrolments = enrolments;
		this.results = results;
		this.organizations = organizations;
	}

	/** A course in a list: the course, its owner's name and its next session. */
	record CourseCard(CourseView course, String organizationName, SessionView next) {

	}

	/**
	 * The library, or with {@code managed} the courses the caller manages: those of the
	 * organizations they administer and of the regions they operate.
	 */
	@GetMapping("/training")
	String library(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "false") boolean managed, @RequestParam(required = false) String qualification,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String text = (q != null && q.strip().length() > 50) ? q.strip().substring(0, 50) : q;
		boolean organizer = actor != null && (actor.has(Role.ORG_ADMIN) || actor.has(Role.OPERATOR));
		boolean mine = managed && organizer;
		PageQuery query = PageQuery.of(Math.max(0, page), 20);
		Map<String, QualificationCode> qualifications = qualificationNames();
		String renewing = (!mine && qualification != null && qualifications.containsKey(qualification)) ? qualification
				: null;
		PageResult<CourseView> found = mine ? this.courses.managedBy(actor, text, query)
				: this.courses.courses(null, text, null, renewing, query);
		model.addAttribute("qualification", renewing);
		model.addAttribute("q", text);
		model.addAttribute("managed", mine);
		model.addAttribute("organizer", organizer);
		model.addAttribute("mayOpen", this.courses.ownersFor(actor).any());
		model.addAttribute("courses", found);
		model.addAttribute("cards", found.items().stream().map(this::card).toList());
		model.addAttribute("qualifications", qualifications);
		return "training/library";
	}

	@GetMapping("/training/courses/{id}")
	String course(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		CourseView course = this.courses.course(id);
		List<SessionView> sessions = this.courses.sessions(id, false, PageQuery.of(0, 100)).items();
		model.addAttribute("card", card(course));
		model.addAttribute("qualifications", qualificationNames());
		model.addAttribute("sessions", sessions);
		boolean volunteer = actor != null && actor.has(Role.VOLUNTEER);
		model.addAttribute("signedIn", actor != null);
		model.addAttribute("volunteer", volunteer);
		Map<UUID, MyEnrolment> mine = new LinkedHashMap<>();
		if (volunteer) {
			for (SessionView session : sessions) {
				this.enrolments.mine(actor, session.id()).ifPresent((m) -> mine.put(session.id(), m));
			}
		}
		model.addAttribute("mine", mine);
		boolean canManage = this.courses.canManage(actor, course);
		model.addAttribute("canManage", canManage);
		if (canManage) {
			// the ended sessions too: their rosters take the results
			OffsetDateTime now = OffsetDateTime.now();
			List<SessionView> ended = new ArrayList<>(this.courses.sessions(id, true, PageQuery.of(0, 200))
				.items()
				.stream()
				.filter((s) -> !s.endsAt().isAfter(now))
				.toList());
			Collections.reverse(ended);
			model.addAttribute("endedSessions", ended);
			model.addAttribute("teacherNames", teacherNames(actor, course));
			if (!model.containsAttribute("sessionForm")) {
				model.addAttribute("sessionForm", SessionForm.empty(course.regionCode()));
			}
		}
		return "training/course";
	}

	/** Adds a session; a refused form comes back with its fields marked. */
	@PostMapping("/training/courses/{id}/sessions")
	String addSession(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String startsAt, @RequestParam(defaultValue = "") String endsAt,
			@RequestParam(defaultValue = "") String regionCode, @RequestParam(defaultValue = "") String address,
			@RequestParam(defaultValue = "") String capacity, @RequestParam(defaultValue = "") String teacher,
			@RequestParam(defaultValue = "") String newTeacher, Model model, RedirectAttributes redirect) {
		SessionForm form = new SessionForm(startsAt, endsAt, regionCode, address, capacity, teacher, newTeacher);
		List<FieldProblem> unread = new ArrayList<>();
		try {
			this.courses.addSession(actor, id, form.toNew(unread));
		}
		catch (ProblemException ex) {
			if (ex.status() == 401 || ex.status() == 403 || ex.status() == 404) {
				throw ex;
			}
			PageActions.show(model, TrainingForms.refused(unread, ex));
			model.addAttribute("sessionForm", form);
			return course(actor, id, model);
		}
		redirect.addFlashAttribute("notice", "training.page.sessionAdded");
		return "redirect:/training/courses/" + id;
	}

	@PostMapping("/training/sessions/{id}/enrol")
	String enrol(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		SessionView session = this.courses.session(id);
		PageActions.run(redirect, "training.page.enrolled", () -> this.enrolments.enrol(actor, id));
		return "redirect:/training/courses/" + session.courseId();
	}

	/** Asks before giving up a place: a page of its own, naming the session. */
	@GetMapping("/training/sessions/{id}/cancel")
	String confirmCancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String back, Model model) {
		SessionView session = this.courses.session(id);
		if (this.enrolments.mine(actor, id).isEmpty()) {
			return "redirect:/training/courses/" + session.courseId();
		}
		model.addAttribute("courseSession", session);
		model.addAttribute("back", "mine".equals(back) ? "mine" : "");
		return "training/cancel";
	}

	@PostMapping("/training/sessions/{id}/cancel")
	String cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
		SessionView session = this.courses.session(id);
		PageActions.run(redirect, "training.page.cancelled", () -> this.enrolments.cancelEnrolment(actor, id));
		return "mine".equals(back) ? "redirect:/me/training" : "redirect:/training/courses/" + session.courseId();
	}

	@GetMapping("/me/training")
	String mine(@AuthenticationPrincipal Actor actor, Model model) {
		List<MyEnrolment> enrolled = this.enrolments.myEnrolments(actor, PageQuery.of(0, 200)).items();
		OffsetDateTime now = OffsetDateTime.now();
		model.addAttribute("upcoming", enrolled.stream().filter((e) -> e.session().endsAt().isAfter(now)).toList());
		model.addAttribute("past", enrolled.stream().filter((e) -> !e.session().endsAt().isAfter(now)).toList());
		model.addAttribute("records", this.results.myRecords(actor));
		model.addAttribute("qualifications", qualificationNames());
		return "training/mine";
	}

	/** The course's teachers first, then the rest of its owner's library. */
	private List<String> teacherNames(Actor actor, CourseView course) {
		Set<String> names = new LinkedHashSet<>(course.teachers());
		this.courses.teachers(actor, course.organizationId(), course.regionCode())
			.stream()
			.map(TeacherView::name)
			.forEach(names::add);
		return List.copyOf(names);
	}

	private CourseCard card(CourseView course) {
		String organizationName = Optional.ofNullable(course.organizationId())
			.flatMap(this.organizations::find)
			.map(OrganizationView::name)
			.orElse(null);
		SessionView next = this.courses.sessions(course.id(), false, PageQuery.of(0, 1))
			.items()
			.stream()
			.findFirst()
			.orElse(null);
		return new CourseCard(course, organizationName, next);
	}

	private Map<String, QualificationCode> qualificationNames() {
		Map<String, QualificationCode> names = new LinkedHashMap<>();
		this.courses.qualificationCodes().forEach((c) -> names.put(c.code(), c));
		return names;
	}

}
