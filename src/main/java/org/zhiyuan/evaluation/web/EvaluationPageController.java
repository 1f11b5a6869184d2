package org.zhiyuan.evaluation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.evaluation.EvaluationView;
import org.zhiyuan.evaluation.Evaluations;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.record.ServiceRecordView;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.volunteer.VolunteerView;
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
 * Evaluation pages: the organization's counted records as cards, each with the form that
 * rates the volunteer; the volunteer's form that rates an activity sits on their records
 * page. A refused form comes back with each problem beside its field on the card it came
 * from, and what was typed.
 */
@Controller
class EvaluationPageController {

	private final Evaluations evaluations;

	private final ServiceRecords records;

	private final Organizations organizations;

	private final Volunteers volunteers;

	private final AuditLog auditLog;

	EvaluationPageController(Evaluations evaluations, ServiceRecords records, Organizations organizations,
			Volunteers volunteers, AuditLog auditLog) {
		this.auditLog = auditLog;
		this.evaluations = evaluations;
		this.records = records;
		this.organizations = organizations;
		this.volunteers = volunteers;
	}

	@GetMapping("/organizations/{id}/evaluations")
	String organization(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer page, Model model) {
		PageResult<ServiceRecordView> counted = this.records.countedOfOrganization(actor, id, PageQuery.of(page, 30));
		Map<UUID, EvaluationView> said = this.evaluations
			.evaluationsOf(counted.items().stream().map(ServiceRecordView::id).toList());
		List<Card> cards = new ArrayList<>();
		for (ServiceRecordView record : counted.items()) {
			String name = this.volunteers.find(record.volunteerId()).map(VolunteerView::name).orElse("");
			cards.add(new Card(record, name, said.get(record.id()), Evaluations.isOpen(record)));
		}
		// the volunteers' names are read for the organization's staff
		this.auditLog.record(AuditRecord.of("evaluation.roster", actor.accountId())
			.on("organization", id)
			.inOrganization(id)
			.withDetail("records " + cards.size()));
		model.addAttribute("organization", this.organizations.view(actor, id));
		model.addAttribute("isAdmin", this.organizations.isAdmin(actor, id));
		model.addAttribute("counted", counted);
		model.addAttribute("cards", cards);
		return "evaluation/organization";
	}

	@PostMapping("/records/{id}/evaluation")
	String evaluate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestParam UUID organizationId,
			@RequestParam(required = false) String stars, @RequestParam(required = false) String comment,
			RedirectAttributes redirect) {
		PageActions.run(redirect, "evaluation.saved", () -> {
			this.evaluations.evaluate(actor, id, number(stars), comment);
		});
		keepTyped(redirect, id, stars, comment);
		return "redirect:/organizations/" + organizationId + "/evaluations";
	}

	@PostMapping("/records/{id}/activity-rating")
	String rateActivity(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String stars, @RequestParam(required = false) String comment,
			RedirectAttributes redirect) {
		PageActions.run(redirect, "evaluation.rated", () -> {
			this.evaluations.rateActivity(actor, id, number(stars), comment);
		});
		keepTyped(redirect, id, stars, comment);
		return "redirect:/me/records#evaluations";
	}

	/** After a refusal, the card of the record shows its problems and what was typed. */
	private static void keepTyped(RedirectAttributes redirect, UUID recordId, String stars, String comment) {
		if (redirect.getFlashAttributes().containsKey("actionError")) {
			redirect.addFlashAttribute("ratedRecord", recordId);
			redirect.addFlashAttribute("typedStars", stars);
			redirect.addFlashAttribute("typedComment", comment);
		}
	}

	/** The stars chosen; anything but a whole number counts as none, which is refused. */
	private static Integer number(String text) {
		if (text == null || !text.strip().matches("[0-9]{1,2}")) {
			return null;
		}
		return Integer.valueOf(text.strip());
	}

	/**
	 * A counted record on the organization's page: the volunteer's name, the evaluation
	 * ({@code null} when none) and whether it may still be given or changed.
	 */
	public record Card(ServiceRecordView record, String volunteerName, EvaluationView evaluation, boolean open) {

	}

}
