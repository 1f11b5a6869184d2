package org.zhiyuan.insurance.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.insurance.InsurancePolicies;
import org.zhiyuan.insurance.InsurancePolicies.Insured;
import org.zhiyuan.insurance.InsuredImport;
import org.zhiyuan.insurance.InsuredSheet;
import org.zhiyuan.insurance.NewPolicy;
import org.zhiyuan.insurance.PolicyView;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.PageActions;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The insurance pages: an organization's policies with the form to add one, a policy's
 * insured volunteers with the ways to add them (picker, typed numbers, Excel) and the
 * Excel export, and the roster's "insure all accepted volunteers".
 */
@Controller
class InsurancePageController {

	private final InsurancePolicies insurance;

	private final Organizations organizations;

	InsurancePageController(InsurancePolicies insurance, Organizations organizations) {
		this.insurance = insurance;
		this.organizations = organizations;
	}

	@GetMapping("/organizations/{id}/insurance")
	String organization(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		return organizationPage(actor, id, model, null);
	}

	@PostMapping("/organizations/{id}/insurance")
	String create(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String insurer, @RequestParam(defaultValue = "") String policyNumber,
			@RequestParam(required = false) String startsOn, @RequestParam(required = false) String endsOn,
			@RequestParam(defaultValue = "") String coverage, Model model, RedirectAttributes redirect) {
		PolicyForm form = new PolicyForm(insurer, policyNumber, startsOn, endsOn, coverage);
		try {
			PolicyView created = this.insurance.create(actor, new NewPolicy(id, insurer, policyNumber,
					date(startsOn, "startsOn"), date(endsOn, "endsOn"), coverage));
			redirect.addFlashAttribute("notice", "insurance.created");
			return "redirect:/insurance-policies/" + created.id();
		}
		catch (ProblemException ex) {
			if (ex.status() == 403 || ex.status() == 404) {
				throw ex;
			}
			PageActions.show(model, ex);
			return organizationPage(actor, id, model, form);
		}
	}

	@GetMapping("/insurance-policies/{id}")
	String policy(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		PolicyView policy = this.insurance.view(actor, id);
		OrganizationView organization = this.organizations.find(policy.organizationId()).orElseThrow();
		model.addAttribute("policy", policy);
		model.addAttribute("organization", organization);
		model.addAttribute("manages", this.insurance.mayManage(actor, organization.id()) && organization.isActive());
		model.addAttribute("insured", this.insurance.insured(actor, id, PageQuery.of(0, PageQuery.MAX_SIZE)));
		model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
		model.addAttribute("warningDays", InsurancePolicies.WARNING_DAYS);
		return "insurance/policy";
	}

	/**
	 * Picked volunteers, or numbers and phones typed one a line (the way without script).
	 */
	@PostMapping("/insurance-policies/{id}/insured")
	String insure(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) List<UUID> volunteerIds, @RequestParam(defaultValue = "") String lines,
			Model model, RedirectAttributes redirect) {
		try {
			if (volunteerIds != null && !volunteerIds.isEmpty()) {
				Insured insured = this.insurance.insure(actor, id, volunteerIds);
				redirect.addFlashAttribute("notice", "insurance.insured");
				redirect.addFlashAttribute("added", insured.added());
				return "redirect:/insurance-policies/" + id;
			}
			if (lines.isBlank()) {
				throw ProblemException.invalid(List.of(new FieldProblem("volunteerIds", "insurance.pickOrType")));
			}
			model.addAttribute("report", this.insurance.importLines(actor, id, lines));
		}
		catch (ProblemException ex) {
			if (ex.status() == 403 || ex.status() == 404) {
				throw ex;
			}
			PageActions.show(model, ex);
			model.addAttribute("lines", lines);
		}
		return policy(actor, id, model);
	}

	@PostMapping("/insurance-policies/{id}/import")
	String importSheet(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) MultipartFile file, Model model) {
		try {
			InsuredImport report = this.insurance.importSheet(actor, id, InsuranceController.bytesOf(file));
			model.addAttribute("report", report);
		}
		catch (ProblemException ex) {
			if (ex.status() == 403 || ex.status() == 404) {
				throw ex;
			}
			PageActions.show(model, ex);
		}
		return policy(actor, id, model);
	}

	@GetMapping("/insurance-policies/{id}/insured.xlsx")
	ResponseEntity<byte[]> insuredSheet(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return InsuranceController.sheet(this.insurance, actor, id);
	}

	@GetMapping("/insurance/import-template.xlsx")
	ResponseEntity<byte[]> template() {
		return ResponseEntity.ok()
			.contentType(InsuranceController.XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("insured-template.xlsx").build().toString())
			.body(InsuredSheet.template());
	}

	/** The roster's button: every accepted volunteer insured under the chosen policy. */
	@PostMapping("/activities/{id}/insurance")
	String insureAccepted(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID policyId, RedirectAttributes redirect) {
		PageActions.run(redirect, "insurance.insuredAll", () -> {
			Insured insured = this.insurance.insureAccepted(actor, id, policyId);
			redirect.addFlashAttribute("added", insured.added());
		});
		return "redirect:/activities/" + id + "/roster";
	}

	private String organizationPage(Actor actor, UUID id, Model model, PolicyForm form) {
		OrganizationView organization = this.organizations.view(actor, id);
		model.addAttribute("organization", organization);
		model.addAttribute("policies", this.insurance.ofOrganization(actor, id, PageQuery.of(0, PageQuery.MAX_SIZE)));
		model.addAttribute("manages", this.insurance.mayManage(actor, id) && organization.isActive());
		model.addAttribute("form", (form != null) ? form : new PolicyForm("", "", null, null, ""));
		model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
		model.addAttribute("warningDays", InsurancePolicies.WARNING_DAYS);
		return "insurance/organization";
	}

	/** A date from a form's date input; a value no browser sends is a field problem. */
	private static LocalDate date(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw ProblemException.invalid(List.of(new FieldProblem(field, "validation.insurance.date")));
		}
	}

	/** What was typed into the policy form, kept when it is refused. */
	record PolicyForm(String insurer, String policyNumber, String startsOn, String endsOn, String coverage) {

	}

}
