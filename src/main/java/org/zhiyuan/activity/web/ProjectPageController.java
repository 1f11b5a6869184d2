package org.zhiyuan.activity.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ProjectLevel;
import org.zhiyuan.activity.ProjectView;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.shared.ServiceField;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Project library pages (项目库): the public library with its filters, the operators' brand
 * marks, and an organization's projects with its admins' form to add one.
 */
@Controller
class ProjectPageController {

	private final Activities activities;

	private final Organizations organizations;

	private final AccessPolicy accessPolicy;

	ProjectPageController(Activities activities, Organizations organizations, AccessPolicy accessPolicy) {
		this.activities = activities;
		this.organizations = organizations;
		this.accessPolicy = accessPolicy;
	}

	@GetMapping("/projects")
	String library(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String field, @RequestParam(required = false) Boolean brand,
			@RequestParam(required = false) Integer page, Model model) {
		// an unknown field is ignored, as the activity search does
		ServiceField serviceField = Enums.parse(ServiceField.class, field, "field", new ArrayList<>());
		String region = (regionCode != null && !regionCode.isBlank()) ? regionCode : null;
		Boolean brandOnly = Boolean.TRUE.equals(brand) ? Boolean.TRUE : null;
		PageResult<ProjectView> results = this.activities.projects(region, serviceField, null, brandOnly,
				PageQuery.of(page, 20));
		model.addAttribute("regionCode", region);
		model.addAttribute("field", (serviceField != null) ? serviceField.name() : null);
		model.addAttribute("brand", brandOnly);
		model.addAttribute("fields", ServiceField.values());
		model.addAttribute("results", results);
		model.addAttribute("operated",
				results.items()
					.stream()
					.filter((project) -> this.accessPolicy.operates(actor, project.regionCode()))
					.map(ProjectView::id)
					.toList());
		return "activity/projects";
	}

	@PostMapping("/projects/{id}/brand")
	String markBrand(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "false") boolean brand, RedirectAttributes redirect) {
		PageActions.run(redirect, "organization.saved", () -> {
			this.activities.markBrand(actor, id, brand);
		});
		return "redirect:/projects";
	}

	@GetMapping("/organizations/{id}/projects")
	String ofOrganization(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", ProjectForm.empty());
		}
		return organizationPage(actor, id, model);
	}

	@PostMapping("/organizations/{id}/projects")
	String create(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @ModelAttribute("form") ProjectForm form,
			Model model, RedirectAttributes redirect) {
		try {
			List<FieldProblem> problems = new ArrayList<>();
			ServiceField field = Enums.parse(ServiceField.class, form.field(), "field", problems);
			ProjectLevel level = Enums.parse(ProjectLevel.class, form.level(), "level", problems);
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
			this.activities.createProject(actor, id, form.name(), field, level, blankToNull(form.description()));
			redirect.addFlashAttribute("notice", "organization.saved");
			return "redirect:/organizations/" + id + "/projects";
		}
		catch (ProblemException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			PageActions.show(model, ex);
			return organizationPage(actor, id, model);
		}
	}

	private String organizationPage(Actor actor, UUID id, Model model) {
		OrganizationView organization = this.organizations.view(actor, id);
		model.addAttribute("organization", organization);
		model.addAttribute("projects", this.activities.projects(null, null, id, null, PageQuery.of(0, 200)).items());
		model.addAttribute("canAdd", organization.isActive() && this.organizations.isAdmin(actor, id));
		model.addAttribute("fields", ServiceField.values());
		model.addAttribute("levels", ProjectLevel.values());
		return "activity/organization-projects";
	}

	private static String blankToNull(String text) {
		return (text != null && !text.isBlank()) ? text.strip() : null;
	}

	/** The add-a-project form as typed. */
	record ProjectForm(String name, String field, String level, String description) {

		static ProjectForm empty() {
			return new ProjectForm("", "", "COMMUNITY", "");
		}

	}

}
