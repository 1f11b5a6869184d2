package org.zhiyuan.training.web;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Role;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.training.Training;
import org.zhiyuan.training.TrainingViews.CourseView;
import org.zhiyuan.training.TrainingViews.EnrolmentView;
import org.zhiyuan.training.TrainingViews.MyEnrolment;
import org.zhiyuan.training.TrainingViews.SessionCode;
import org.zhiyuan.training.TrainingViews.SessionView;
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
 * Training pages: the public course library and a course with its sessions (enrol and
 * cancel for a volunteer), the volunteer's own training, and a session's roster for the
 * course's managers (results and the check-in code).
 */
@Controller
class TrainingPageController {

	private final Training training;

	private final Organizations organizations;

	TrainingPageController(Training training, Organizations organizations) {
		this.training = training;
		this.organizations = organizations;
	}

	/** A course in a list: the course, its owner's name and its next session. */
	record CourseCard(CourseView course, String organizationName, SessionView next) {

	}

	@GetMapping("/training")
	String library(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		String text = (q != null && q.strip().length() > 50) ? q.strip().substring(0, 50) : q;
		PageResult<CourseView> courses = this.training.courses(null, text, null, PageQuery.of(Math.max(0, page), 20));
		model.addAttribute("q", text);
		model.addAttribute("courses", courses);
		model.addAttribute("cards", courses.items().stream().map(this::card).toList());
		model.addAttribute("qualifications", qualificationNames());
		return "training/library";
	}

	@GetMapping("/training/courses/{id}")
	String course(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		CourseView course = this.training.course(id);
		List<SessionView> sessions = this.training.sessions(id, false, PageQuery.of(0, 100)).items();
		model.addAttribute("card", card(course));
		model.addAttribute("qualifications", qualificationNames());
		model.addAttribute("sessions", sessions);
		boolean volunteer = actor != null && actor.has(Role.VOLUNTEER);
		model.addAttribute("signedIn", actor != null);
		model.addAttribute("volunteer", volunteer);
		Map<UUID, MyEnrolment> mine = new LinkedHashMap<>();
		if (volunteer) {
			for (SessionView session : sessions) {
				this.training.mine(actor, session.id()).ifPresent((m) -> mine.put(session.id(), m));
			}
		}
		model.addAttribute("mine", mine);
		model.addAttribute("canManage", this.training.canManage(actor, course));
		return "training/course";
	}

	@PostMapping("/training/sessions/{id}/enrol")
	String enrol(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		SessionView session = this.training.session(id);
		PageActions.run(redirect, "training.page.enrolled", () -> this.training.enrol(actor, id));
		return "redirect:/training/courses/" + session.courseId();
	}

	/** Asks before giving up a place: a page of its own, naming the session. */
	@GetMapping("/training/sessions/{id}/cancel")
	String confirmCancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String back, Model model) {
		SessionView session = this.training.session(id);
		if (this.training.mine(actor, id).isEmpty()) {
			return "redirect:/training/courses/" + session.courseId();
		}
		model.addAttribute("courseSession", session);
		model.addAttribute("back", "mine".equals(back) ? "mine" : "");
		return "training/cancel";
	}

	@PostMapping("/training/sessions/{id}/cancel")
	String cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
		SessionView session = this.training.session(id);
		PageActions.run(redirect, "training.page.cancelled", () -> this.training.cancelEnrolment(actor, id));
		return "mine".equals(back) ? "redirect:/me/training" : "redirect:/training/courses/" + session.courseId();
	}

	@GetMapping("/me/training")
	String mine(@AuthenticationPrincipal Actor actor, Model model) {
		List<MyEnrolment> enrolments = this.training.myEnrolments(actor, PageQuery.of(0, 200)).items();
		OffsetDateTime now = OffsetDateTime.now();
		model.addAttribute("upcoming", enrolments.stream().filter((e) -> e.session().endsAt().isAfter(now)).toList());
		model.addAttribute("past", enrolments.stream().filter((e) -> !e.session().endsAt().isAfter(now)).toList());
		model.addAttribute("records", this.training.myRecords(actor));
		model.addAttribute("qualifications", qualificationNames());
		return "training/mine";
	}

	@GetMapping("/training/sessions/{id}/roster")
	String roster(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		SessionView session = this.training.session(id);
		PageResult<EnrolmentView> roster = this.training.roster(actor, id, PageQuery.of(0, 200));
		model.addAttribute("courseSession", session);
		model.addAttribute("roster", roster);
		SessionCode code = null;
		try {
			code = this.training.issueCode(actor, id);
		}
		catch (ProblemException ex) {
			if (ex.status() == 401 || ex.status() == 403) {
				throw ex;
			}
			// outside the check-in time: no code to show
		}
		model.addAttribute("code", code);
		model.addAttribute("started", !session.startsAt().isAfter(OffsetDateTime.now()));
		return "training/roster";
	}

	@PostMapping("/training/sessions/{id}/results")
	String result(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID volunteerId, @RequestParam(required = false) Boolean passed,
			RedirectAttributes redirect) {
		PageActions.run(redirect, "training.page.resultSaved",
				() -> this.training.enterResult(actor, id, volunteerId, passed));
		return "redirect:/training/sessions/" + id + "/roster";
	}

	private CourseCard card(CourseView course) {
		String organizationName = Optional.ofNullable(course.organizationId())
			.flatMap(this.organizations::find)
			.map(OrganizationView::name)
			.orElse(null);
		SessionView next = this.training.sessions(course.id(), false, PageQuery.of(0, 1))
			.items()
			.stream()
			.findFirst()
			.orElse(null);
		return new CourseCard(course, organizationName, next);
	}

	private Map<String, QualificationCode> qualificationNames() {
		Map<String, QualificationCode> names = new LinkedHashMap<>();
		this.training.qualificationCodes().forEach((c) -> names.put(c.code(), c));
		return names;
	}

}
