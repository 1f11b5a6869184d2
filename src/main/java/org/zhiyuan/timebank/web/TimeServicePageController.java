package org.zhiyuan.timebank.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PersonMatch;
import org.zhiyuan.shared.PersonQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.identity.PhoneNumbers;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.shared.web.TypedPerson;
import org.zhiyuan.timebank.TimeServiceStatus;
import org.zhiyuan.timebank.TimeServices;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operators' page of a region's services paid with hours: the held ones to complete
 * or cancel, and the form recording one for a volunteer of the region (picked by their
 * exact phone or volunteer number), which may pay for an open need of the region picked
 * from a list.
 */
@Controller
class TimeServicePageController {

	private static final PageQuery LATEST = PageQuery.of(0, 100);

	private final TimeServices services;

	private final Volunteers volunteers;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final Regions regions;

	TimeServicePageController(TimeServices services, Volunteers volunteers, AccessPolicy accessPolicy,
			AuditLog auditLog, Regions regions) {
		this.services = services;
		this.volunteers = volunteers;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
		this.regions = regions;
	}

	@GetMapping("/time-bank/services")
	String services(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode,
			Model model, Locale locale) {
		String region = TimeBankPageController.regionOf(actor, regionCode);
		model.addAttribute("services", this.services.ofRegion(actor, region, TimeServiceStatus.HELD, LATEST));
		model.addAttribute("regionCode", region);
		model.addAttribute("regionName",
				Regions.NATIONAL.equals(region) ? null : this.regions.fullName(region, locale));
		boolean mayDecide = this.services.mayDecide(actor, region);
		model.addAttribute("mayDecide", mayDecide);
		if (mayDecide) {
			model.addAttribute("needs", this.services.payableNeeds(actor, region));
			model.addAttribute("formKey", Ids.newId().toString());
			model.addAttribute("pickerHint", "timebank.services.record.pickerHint");
			if (!model.containsAttribute("record")) {
				model.addAttribute("record", new RecordForm("", "", ""));
			}
		}
		return "timebank/services";
	}

	/**
	 * The people picker of the form: the volunteer of the region whose phone or volunteer
	 * number is exactly the query, for its operators; every search is audited.
	 */
	@GetMapping("/time-bank/services/people")
	String pickPayer(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
			@RequestParam(required = false) String q, Model model) {
		model.addAttribute("matches", payers(actor, regionCode, q));
		PersonQuery parsed = PersonQuery.of(q);
		model.addAttribute("searched", parsed != null && parsed.isDigits());
		model.addAttribute("emptyKey", "picker.candidates.none");
		return "fragments/forms :: personMatches";
	}

	private List<PersonMatch> payers(Actor actor, String regionCode, String query) {
		if (!this.regions.exists(regionCode) || !this.accessPolicy.operates(actor, regionCode)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		PersonQuery parsed = PersonQuery.of(query);
		if (parsed == null || !parsed.isDigits()) {
			return List.of();
		}
		List<PersonMatch> found = this.volunteers
			.findExact(Regions.prefixOf(regionCode), PhoneNumbers.normalize(parsed.digits()))
			.map((v) -> PersonMatch.of(v.id(), v.name(), v.phoneMasked(), v.volunteerNumber()))
			.stream()
			.toList();
		this.auditLog.record(AuditRecord.of("personal-data.search", actor.accountId())
			.on("time-service-payers", regionCode)
			.inRegion(regionCode)
			.withDetail("results " + found.size()));
		return found;
	}

	/** An operator records a service paid with a volunteer's hours, maybe for a need. */
	@PostMapping("/time-bank/services")
	String record(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
			@RequestParam(required = false) UUID volunteerId,
			@RequestParam(name = TypedPerson.PARAMETER, required = false) String personText,
			@RequestParam(defaultValue = "") String hours, @RequestParam(defaultValue = "") String description,
			@RequestParam(required = false) UUID needId, @RequestParam(required = false) String formKey, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			UUID chosen = TypedPerson.resolve(volunteerId, personText, "volunteerId",
					(typed) -> payers(actor, regionCode, typed));
			if (chosen == null) {
				List<FieldProblem> problems = new ArrayList<>();
				problems.add(new FieldProblem("volunteerId", "picker.choose"));
				problems.addAll(TimeServices.problemsOf(TimeBankPageController.hoursOrNull(hours), description, null));
				throw ProblemException.invalid(problems);
			}
			this.services.order(actor, chosen, TimeBankPageController.hoursOrNull(hours), description, needId, formKey);
			redirect.addFlashAttribute("notice", "timebank.services.recorded");
			redirect.addAttribute("regionCode", regionCode);
			return "redirect:/time-bank/services";
		}
		catch (ProblemException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			PageActions.show(model, ex);
			model.addAttribute("record", new RecordForm(hours, description, (needId != null) ? needId.toString() : ""));
			return services(actor, regionCode, model, locale);
		}
	}

	@PostMapping("/time-bank/services/{id}/{decision}")
	String decideService(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable String decision,
			@RequestParam(required = false) String regionCode, RedirectAttributes redirect) {
		switch (decision) {
			case "complete" -> TimeBankPageController.decide(() -> this.services.complete(actor, id),
					"timebank.services.completed", redirect);
			case "cancel" -> TimeBankPageController.decide(() -> this.services.cancel(actor, id),
					"timebank.services.cancelled", redirect);
			default -> throw ProblemException.notFound("NOT_FOUND", "problem.notFound");
		}
		if (regionCode != null && !regionCode.isBlank()) {
			redirect.addAttribute("regionCode", regionCode.strip());
		}
		return "redirect:/time-bank/services";
	}

	/** The operator's form, as typed. */
	record RecordForm(String hours, String description, String needId) {

	}

}
