package org.zhiyuan.training.web;

import java.util.ArrayList;
import java.util.List;

import org.zhiyuan.access.Actor;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.training.Courses;
import org.zhiyuan.training.Courses.Owners;
import org.zhiyuan.training.TrainingViews.CourseView;
import org.zhiyuan.training.TrainingViews.TeacherView;
import org.zhiyuan.training.web.TrainingForms.CourseForm;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The form that opens a course, for the admins of an active organization and a region's
 * operators: the owner picked among theirs, the qualification from the platform's list,
 * the teachers from the owner's library.
 */
@Controller
class CourseFormPageController {

	private final Courses courses;

	CourseFormPageController(Courses courses) {
		this.courses = courses;
	}

	@GetMapping("/training/courses/new")
	String form(@AuthenticationPrincipal Actor actor, Model model) {
		Owners owners = requireOwners(actor);
		String owner = owners.organizations().isEmpty() ? TrainingForms.REGION_OWNER
				: owners.organizations().get(0).id().toString();
		return page(actor, owners, CourseForm.empty(owner, operatedRegion(owners)), model);
	}

	@PostMapping("/training/courses")
	String create(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String owner,
			@RequestParam(defaultValue = "") String regionCode, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String hours,
			@RequestParam(defaultValue = "") String qualificationCode,
			@RequestParam(defaultValue = "") String validMonths, @RequestParam(required = false) List<String> teachers,
			@RequestParam(defaultValue = "") String newTeachers, Model model, RedirectAttributes redirect) {
		Owners owners = requireOwners(actor);
		CourseForm form = new CourseForm(owner, regionCode, title, description, hours, qualificationCode, validMonths,
				(teachers != null) ? teachers : List.of(), newTeachers);
		List<FieldProblem> unread = new ArrayList<>();
		CourseView created;
		try {
			created = this.courses.createCourse(actor, form.toNew(unread));
		}
		catch (ProblemException ex) {
			if (ex.status() == 401 || ex.status() == 403) {
				throw ex;
			}
			PageActions.show(model, TrainingForms.refused(unread, ex));
			return page(actor, owners, form, model);
		}
		redirect.addFlashAttribute("notice", "training.page.courseCreated");
		return "redirect:/training/courses/" + created.id();
	}

	/** The owner's teachers as ticks, when another owner is picked (htmx). */
	@GetMapping("/training/courses/new/teachers")
	String teachers(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String owner,
			@RequestParam(defaultValue = "") String regionCode, Model model) {
		requireOwners(actor);
		CourseForm form = new CourseForm(owner, regionCode, "", "", "", "", "", List.of(), "");
		model.addAttribute("form", form);
		model.addAttribute("library", library(actor, form));
		return "training/course-new :: teachers";
	}

	private String page(Actor actor, Owners owners, CourseForm form, Model model) {
		model.addAttribute("owners", owners);
		model.addAttribute("form", form);
		model.addAttribute("codes", this.courses.qualificationCodes());
		model.addAttribute("library", library(actor, form));
		return "training/course-new";
	}

	/**
	 * The teachers of the owner picked; none while the owner or its region is unclear.
	 */
	private List<String> library(Actor actor, CourseForm form) {
		try {
			List<TeacherView> teachers;
			if (form.organizationId().isPresent()) {
				teachers = this.courses.teachers(actor, form.organizationId().get(), null);
			}
			else if (form.ofRegion() && Regions.isWellFormed(form.regionCode())
					&& !Regions.NATIONAL.equals(form.regionCode())) {
				teachers = this.courses.teachers(actor, null, form.regionCode());
			}
			else {
				teachers = List.of();
			}
			return teachers.stream().map(TeacherView::name).toList();
		}
		catch (ProblemException ex) {
			// an owner not the caller's: the form says so when it is sent
			return List.of();
		}
	}

	private Owners requireOwners(Actor actor) {
		Owners owners = this.courses.ownersFor(actor);
		if (!owners.any()) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		return owners;
	}

	/** The first region the operator runs below the nation, for the region picker. */
	private static String operatedRegion(Owners owners) {
		return owners.regionCodes().stream().filter((code) -> !Regions.NATIONAL.equals(code)).findFirst().orElse("");
	}

}
