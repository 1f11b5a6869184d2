package org.zhiyuan.pairing.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Role;
import org.zhiyuan.organization.Member;
import org.zhiyuan.organization.MemberStatus;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.pairing.BeneficiaryView;
import org.zhiyuan.pairing.KeyGroup;
import org.zhiyuan.pairing.NewBeneficiary;
import org.zhiyuan.pairing.NewPairing;
import org.zhiyuan.pairing.PairingView;
import org.zhiyuan.pairing.Pairings;
import org.zhiyuan.pairing.VisitCheckIn;
import org.zhiyuan.pairing.VisitFrequency;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.identity.Gender;
import org.zhiyuan.shared.web.FormNumbers;
import org.zhiyuan.shared.web.PageActions;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pairing pages: the volunteer's 我的结对 with the next visit due and the check-in of a
 * visit from the phone; an organization's pairings and people, the form to register a
 * person (address picked on the map) and to pair them with a member picked from the
 * organization's list; a pairing with its history, visits, change of volunteer and end; a
 * region's pairings, missed visits and continuity for its operators.
 */
@Controller
class PairingPageController {

	private static final PageQuery ALL = PageQuery.of(0, PageQuery.MAX_SIZE);

	private final Pairings pairings;

	private final Organizations organizations;

	private final org.zhiyuan.region.Regions regions;

	PairingPageController(Pairings pairings, Organizations organizations, org.zhiyuan.region.Regions regions) {
		this.regions = regions;
		this.pairings = pairings;
		this.organizations = organizations;
	}

	// the volunteer's

	@GetMapping("/me/pairings")
	String mine(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("pairings", this.pairings.mine(actor));
		model.addAttribute("today", LocalDate.now(Pairings.CHINA));
		return "pairing/mine";
	}

	@GetMapping("/me/pairings/{id}/visit")
	String visitPage(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		PairingView pairing = this.pairings.pairing(actor, id);
		model.addAttribute("pairing", pairing);
		model.addAttribute("contact", this.pairings.contact(actor, pairing.beneficiaryId()));
		model.addAttribute("formKey", Ids.newId().toString());
		model.addAttribute("today", LocalDate.now(Pairings.CHINA));
		return "pairing/visit";
	}

	@PostMapping("/me/pairings/{id}/visit")
	String visit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String lat, @RequestParam(required = false) String lng,
			@RequestParam(required = false) String accuracy, @RequestParam(defaultValue = "") String note,
			@RequestParam(defaultValue = "") String outsideReason, @RequestParam(required = false) String formKey,
			Model model, RedirectAttributes redirect) {
		try {
			Pairings.Visited visited = this.pairings.visit(actor, id, new VisitCheckIn(FormNumbers.decimalOrNull(lat),
					FormNumbers.decimalOrNull(lng), FormNumbers.decimalOrNull(accuracy), note, outsideReason), formKey);
			redirect.addFlashAttribute("notice",
					visited.visit().outsideGeofence() ? "pairing.visit.doneOutside" : "pairing.visit.done");
			return "redirect:/me/pairings";
		}
		catch (ProblemException ex) {
			if (ex.status() == 403 || ex.status() == 404) {
				throw ex;
			}
			PageActions.show(model, ex);
			model.addAttribute("outside", "OUTSIDE_GEOFENCE".equals(ex.code()));
			model.addAttribute("note", note);
			model.addAttribute("outsideReason", outsideReason);
			return visitPage(actor, id, model);
		}
	}

	// organizations' and operators'

	/** Where "结对帮扶" leads: the organization administered, else the region overseen. */
	@GetMapping("/pairings")
	String start(@AuthenticationPrincipal Actor actor) {
		Optional<String> region = actor.readableRegions().stream().sorted().findFirst();
		if (region.isPresent()) {
			return "redirect:/regions/" + region.get() + "/pairings";
		}
		Optional<String> organization = actor.scopesOf(Role.ORG_ADMIN).stream().sorted().findFirst();
		if (organization.isPresent()) {
			return "redirect:/organizations/" + organization.get() + "/pairings";
		}
		return "redirect:/me/pairings";
	}

	@GetMapping("/organizations/{id}/pairings")
	String organization(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		OrganizationView organization = this.organizations.view(actor, id);
		model.addAttribute("organization", organization);
		model.addAttribute("pairings", this.pairings.ofOrganization(actor, id, ALL));
		model.addAttribute("beneficiaries", this.pairings.beneficiariesOfOrganization(actor, id, ALL));
		model.addAttribute("manages", this.pairings.mayManage(actor, id) && organization.isActive());
		model.addAttribute("today", LocalDate.now(Pairings.CHINA));
		return "pairing/organization";
	}

	@GetMapping("/organizations/{id}/beneficiaries/new")
	String newBeneficiary(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		return beneficiaryForm(actor, id, model, BeneficiaryForm.empty(this.organizations.view(actor, id)));
	}

	@PostMapping("/organizations/{id}/beneficiaries")
	String register(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, BeneficiaryForm form, Model model,
			RedirectAttributes redirect) {
		try {
			BeneficiaryView registered = this.pairings.register(actor,
					new NewBeneficiary(form.regionCode(), id, form.name(), form.keyGroup(), blankToNull(form.gender()),
							integer(form.birthYear(), "birthYear"), form.address(),
							FormNumbers.decimalOrNull(form.lat()), FormNumbers.decimalOrNull(form.lng()), form.phone(),
							form.notes(), blankToNull(form.guardianName()),
							date(form.guardianConsentOn(), "guardian.consentOn")));
			redirect.addFlashAttribute("notice", "pairing.beneficiary.registered");
			return "redirect:/beneficiaries/" + registered.id();
		}
		catch (ProblemException ex) {
			if (ex.status() == 403 || ex.status() == 404) {
				throw ex;
			}
			PageActions.show(model, ex);
			return beneficiaryForm(actor, id, model, form);
		}
	}

	@GetMapping("/beneficiaries/{id}")
	String beneficiary(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "false") boolean contact, Model model) {
		BeneficiaryView beneficiary = this.pairings.beneficiary(actor, id);
		model.addAttribute("beneficiary", beneficiary);
		model.addAttribute("contact", contact ? this.pairings.contact(actor, id) : null);
		model.addAttribute("pairings", this.pairings.pairingsOfBeneficiary(actor, id, ALL));
		UUID organizationId = beneficiary.organizationId();
		boolean manages = organizationId != null && this.pairings.mayManage(actor, organizationId);
		model.addAttribute("manages", manages);
		model.addAttribute("organization",
				(organizationId != null) ? this.organizations.find(organizationId).orElse(null) : null);
		model.addAttribute("members", manages ? members(actor, organizationId) : List.of());
		model.addAttribute("frequencies", VisitFrequency.values());
		model.addAttribute("today", LocalDate.now(Pairings.CHINA));
		return "pairing/beneficiary";
	}

	@PostMapping("/beneficiaries/{id}/pairings")
	String pair(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID organizationId, @RequestParam(defaultValue = "") String volunteerId,
			@RequestParam(defaultValue = "") String frequency, @RequestParam(required = false) String startsOn,
			RedirectAttributes redirect) {
		String[] created = new String[1];
		PageActions.run(redirect, "pairing.created",
				() -> created[0] = this.pairings
					.pair(actor,
							new NewPairing(id, organizationId,
									volunteerId.isBlank() ? null : uuid(volunteerId, "volunteerId"), frequency,
									date(startsOn, "startsOn"), null))
					.id()
					.toString());
		return (created[0] != null) ? "redirect:/pairings/" + created[0] : "redirect:/beneficiaries/" + id;
	}

	@GetMapping("/pairings/{id}")
	String pairing(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		PairingView pairing = this.pairings.pairing(actor, id);
		model.addAttribute("pairing", pairing);
		model.addAttribute("history", this.pairings.history(actor, id));
		model.addAttribute("visits", this.pairings.visits(actor, id, ALL));
		boolean manages = pairing.isActive() && (this.organizations.isAdmin(actor, pairing.organizationId())
				|| this.organizations.operates(actor, pairing.regionCode()));
		model.addAttribute("manages", manages);
		model.addAttribute("members", manages ? members(actor, pairing.organizationId()) : List.of());
		model.addAttribute("today", LocalDate.now(Pairings.CHINA));
		return "pairing/pairing";
	}

	@PostMapping("/pairings/{id}/volunteer")
	String changeVolunteer(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String volunteerId, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		PageActions.run(redirect, "pairing.volunteer.changed", () -> this.pairings.changeVolunteer(actor, id,
				volunteerId.isBlank() ? null : uuid(volunteerId, "volunteerId"), reason));
		return "redirect:/pairings/" + id;
	}

	@PostMapping("/pairings/{id}/end")
	String end(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		PageActions.run(redirect, "pairing.ended.notice", () -> this.pairings.end(actor, id, reason));
		return "redirect:/pairings/" + id;
	}

	@GetMapping("/regions/{code}/pairings")
	String region(@AuthenticationPrincipal Actor actor, @PathVariable String code, Model model) {
		model.addAttribute("regionCode", code);
		model.addAttribute("regionName",
				this.regions.displayName(code, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		model.addAttribute("pairings", this.pairings.inRegion(actor, code, ALL));
		model.addAttribute("missed", this.pairings.missedInRegion(actor, code, ALL));
		model.addAttribute("continuity", this.pairings.continuityInRegion(actor, code, ALL));
		model.addAttribute("today", LocalDate.now(Pairings.CHINA));
		return "pairing/region";
	}

	private String beneficiaryForm(Actor actor, UUID id, Model model, BeneficiaryForm form) {
		OrganizationView organization = this.organizations.view(actor, id);
		if (!this.pairings.mayManage(actor, id)) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		model.addAttribute("organization", organization);
		model.addAttribute("form", form);
		model.addAttribute("keyGroups", KeyGroup.values());
		model.addAttribute("genders", Gender.values());
		return "pairing/beneficiary-new";
	}

	private List<Member> members(Actor actor, UUID organizationId) {
		return this.organizations.members(actor, organizationId, MemberStatus.ACTIVE, ALL).items();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static Integer integer(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw ProblemException.invalid(List
				.of(new FieldProblem(field, "validation.pairing.birthYear", LocalDate.now(Pairings.CHINA).getYear())));
		}
	}

	private static LocalDate date(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw ProblemException.invalid(List.of(new FieldProblem(field, "validation.pairing.date")));
		}
	}

	private static UUID uuid(String value, String field) {
		return Ids.parse(value)
			.orElseThrow(() -> ProblemException.invalid(List.of(new FieldProblem(field, "validation.required"))));
	}

	/** What the registration form holds, kept when it is refused. */
	record BeneficiaryForm(String regionCode, String name, String keyGroup, String gender, String birthYear,
			String address, String lat, String lng, String phone, String notes, String guardianName,
			String guardianConsentOn) {

		static BeneficiaryForm empty(OrganizationView organization) {
			return new BeneficiaryForm(organization.regionCode(), "", "", "", "", "", null, null, "", "", "", "");
		}

	}

}
