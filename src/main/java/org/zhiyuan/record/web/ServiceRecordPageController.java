package org.zhiyuan.record.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.record.AmendmentView;
import org.zhiyuan.record.RecordAmendments;
import org.zhiyuan.record.RecordChains;
import org.zhiyuan.record.FlaggedRecord;
import org.zhiyuan.record.NewRecord;
import org.zhiyuan.record.RecordReviews;
import org.zhiyuan.record.RecordsPageContributor;
import org.zhiyuan.record.ReviewFilter;
import org.zhiyuan.record.ServiceRecordView;
import org.zhiyuan.record.OverdueRecords;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.record.StarThresholds;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.shared.web.TypedPerson;
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
 * Service record pages: the volunteer's hours, stars and records with correction
 * requests; the organization's manual entry, correction review and overdue list; the
 * region's overdue list and the operators' tamper check. Times in forms are China time.
 */
@Controller
class ServiceRecordPageController {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final ServiceRecords records;

	private final Volunteers volunteers;

	private final Activities activities;

	private final Organizations organizations;

	private final RecordReviews reviews;

	private final RecordAmendments amendments;

	private final StarThresholds thresholds;

	private final RecordChains chains;

	private final List<RecordsPageContributor> contributors;

	private final OverdueRecords overdue;

	ServiceRecordPageController(ServiceRecords records, Volunteers volunteers, Activities activities,
			Organizations organizations, RecordReviews reviews, RecordAmendments amendments, StarThresholds thresholds,
			RecordChains chains, List<RecordsPageContributor> contributors, OverdueRecords overdue) {
		this.chains = chains;
		this.overdue = overdue;
		this.contributors = contributors;
		this.reviews = reviews;
		this.amendments = amendments;
		this.thresholds = thresholds;
		this.records = records;
		this.volunteers = volunteers;
		this.activities = activities;
		this.organizations = organizations;
	}

	@GetMapping("/me/records")
	String mine(@AuthenticationPrincipal Actor actor, Model model) {
		VolunteerView volunteer = this.volunteers.mine(actor);
		Map<UUID, List<AmendmentView>> amendments = this.amendments.mine(actor)
			.stream()
			.collect(Collectors.groupingBy(AmendmentView::recordId));
		model.addAttribute("volunteer", volunteer);
		model.addAttribute("records", this.records.mine(actor, PageQuery.of(0, PageQuery.MAX_SIZE)));
		model.addAttribute("amendments", amendments);
		model.addAttribute("thresholds", String.join(" / ",
				this.thresholds.of(volunteer.regionCode()).stream().map(BigDecimal::toPlainString).toList()));
		model.addAttribute("recordsParts",
				this.contributors.stream().flatMap((c) -> c.partFor(volunteer.id()).stream()).toList());
		return "record/mine";
	}

	@PostMapping("/records/{id}/amendments")
	String requestAmendment(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String hours, @RequestParam(required = false) String startedAt,
			@RequestParam(required = false) String endedAt, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		PageActions.run(redirect, "record.amend.requested", () -> {
			this.amendments.request(actor, id, china("startedAt", startedAt), china("endedAt", endedAt), decimal(hours),
					reason);
		});
		return "redirect:/me/records";
	}

	@GetMapping("/organizations/{id}/records")
	String organization(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		OrganizationView organization = this.organizations.view(actor, id);
		model.addAttribute("organization", organization);
		model.addAttribute("pending", this.amendments.pending(actor, id, PageQuery.of(0, PageQuery.MAX_SIZE)));
		model.addAttribute("overdue", this.overdue.overdue(actor, id, PageQuery.of(0, PageQuery.MAX_SIZE)).items());
		model.addAttribute("isAdmin", this.organizations.isAdmin(actor, id));
		model.addAttribute("activities",
				this.activities.ofOrganization(actor, id, PageQuery.of(0, PageQuery.MAX_SIZE))
					.items()
					.stream()
					.filter((a) -> switch (a.status()) {
						case RECRUITING, IN_PROGRESS, FINISHED, ARCHIVED -> true;
						default -> false;
					})
					.toList());
		model.addAttribute("formKey", Ids.newId().toString());
		return "record/organization";
	}

	@PostMapping("/organizations/{id}/records")
	String record(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID volunteerId, @RequestParam(required = false) String volunteerNumber,
			@RequestParam(name = TypedPerson.PARAMETER, required = false) String personText,
			@RequestParam(required = false) UUID activityId, @RequestParam(required = false) String startedAt,
			@RequestParam(required = false) String endedAt, @RequestParam(required = false) String content,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String formKey,
			RedirectAttributes redirect) {
		if (!this.organizations.isAdmin(actor, id)) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		PageActions.run(redirect, "record.saved", () -> {
			// the people picker sends the id; a typed number is still understood
			UUID chosen = TypedPerson.resolve(volunteerId, personText, "volunteerId",
					(typed) -> this.organizations.pickMembers(actor, id, typed));
			UUID picked = (chosen != null) ? chosen
					: this.volunteers.findByNumber(volunteerNumber)
						.map(VolunteerView::id)
						.orElseThrow(() -> ProblemException
							.invalid(List.of(new FieldProblem("volunteerId", "record.volunteerNotFound"))));
			// the form's one-time key makes a double submit record once
			this.records.record(actor, new NewRecord(picked, activityId, china("startedAt", startedAt),
					china("endedAt", endedAt), content, reason), formKey);
		});
		if (redirect.getFlashAttributes().containsKey("actionError")) {
			// a refused entry keeps what was typed
			Map<String, String> typed = new HashMap<>();
			typed.put("volunteerNumber", volunteerNumber);
			typed.put(TypedPerson.PARAMETER, personText);
			typed.put("activityId", (activityId != null) ? activityId.toString() : null);
			typed.put("startedAt", startedAt);
			typed.put("endedAt", endedAt);
			typed.put("content", content);
			typed.put("reason", reason);
			redirect.addFlashAttribute("typed", typed);
		}
		return "redirect:/organizations/" + id + "/records";
	}

	@PostMapping("/amendments/{id}/approve")
	String approve(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestParam UUID organizationId,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		PageActions.run(redirect, "record.decided", () -> {
			this.amendments.approve(actor, id, note);
		});
		return "redirect:/organizations/" + organizationId + "/records";
	}

	@PostMapping("/amendments/{id}/reject")
	String reject(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestParam UUID organizationId,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		PageActions.run(redirect, "record.decided", () -> {
			this.amendments.reject(actor, id, note);
		});
		return "redirect:/organizations/" + organizationId + "/records";
	}

	@GetMapping("/records/verify")
	String verify(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode,
			Model model) {
		model.addAttribute("regionCode", regionCode);
		if (regionCode != null && !regionCode.isBlank()) {
			model.addAttribute("report", this.chains.verifyAll(actor, regionCode.strip()));
			model.addAttribute("overdue",
					this.overdue.overdueInRegion(actor, regionCode.strip(), PageQuery.of(0, PageQuery.MAX_SIZE))
						.items());
		}
		else if (actor.readableRegions().isEmpty()) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		return "record/verify";
	}

	/**
	 * Finished activities of a region whose service records are overdue, as cards, for
	 * its operators and auditors; staff of one region need not type its code.
	 */
	@GetMapping("/records/overdue")
	String overdueInRegion(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) Integer page, Model model) {
		String region = (regionCode != null && !regionCode.isBlank()) ? regionCode.strip() : null;
		if (region == null && actor.readableRegions().size() == 1) {
			region = actor.readableRegions().iterator().next();
		}
		model.addAttribute("regionCode", region);
		if (region != null) {
			model.addAttribute("overdue", this.overdue.overdueInRegion(actor, region, PageQuery.of(page, 50)));
		}
		else if (actor.readableRegions().isEmpty()) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		return "record/overdue";
	}

	/**
	 * Flagged and held records of a region's organizations, as cards, for its operators
	 * (who resolve them) and auditors.
	 */
	@GetMapping("/records/flagged")
	String flaggedInRegion(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String state, @RequestParam(required = false) Integer page, Model model) {
		ReviewFilter filter = ServiceRecordController.filter(state);
		String region = (regionCode != null && !regionCode.isBlank()) ? regionCode.strip() : null;
		if (region == null && actor.readableRegions().size() == 1) {
			// staff of one region need not type its code
			region = actor.readableRegions().iterator().next();
		}
		model.addAttribute("regionCode", region);
		if (region != null) {
			flagged(actor, this.reviews.inRegion(actor, region, filter, PageQuery.of(page, 50)), model);
		}
		else if (actor.readableRegions().isEmpty()) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		model.addAttribute("state", filter.name());
		model.addAttribute("states", ReviewFilter.values());
		return "record/flagged";
	}

	/** The same for one organization, for its admins and the region's overseers. */
	@GetMapping("/organizations/{id}/records/flagged")
	String flaggedOfOrganization(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String state, @RequestParam(required = false) Integer page, Model model) {
		ReviewFilter filter = ServiceRecordController.filter(state);
		flagged(actor, this.reviews.ofOrganization(actor, id, filter, PageQuery.of(page, 50)), model);
		model.addAttribute("organization", this.organizations.view(actor, id));
		model.addAttribute("state", filter.name());
		model.addAttribute("states", ReviewFilter.values());
		return "record/flagged";
	}

	@PostMapping("/records/{id}/resolution")
	String resolve(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String note,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) UUID organizationId,
			RedirectAttributes redirect) {
		PageActions.run(redirect, "record.resolvedNotice", () -> {
			this.reviews.resolve(actor, id, ServiceRecordController.outcomeOf(outcome, note), note);
		});
		if (organizationId != null) {
			return "redirect:/organizations/" + organizationId + "/records/flagged";
		}
		boolean digits = regionCode != null && regionCode.strip().matches("[0-9]{2,12}");
		return "redirect:/records/flagged" + (digits ? "?regionCode=" + regionCode.strip() : "");
	}

	private void flagged(Actor actor, PageResult<FlaggedRecord> items, Model model) {
		model.addAttribute("items", items);
		model.addAttribute("resolvable",
				items.items()
					.stream()
					.map(FlaggedRecord::record)
					.filter((record) -> this.reviews.mayResolve(actor, record))
					.map(ServiceRecordView::id)
					.collect(Collectors.toSet()));
	}

	/** A datetime-local field, read as China time; blank is absent. */
	private static OffsetDateTime china(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.strip()).atZone(CHINA).toOffsetDateTime();
		}
		catch (DateTimeParseException ex) {
			throw ProblemException.invalid(List.of(new FieldProblem(field, "validation.unreadableValue")));
		}
	}

	private static BigDecimal decimal(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			throw ProblemException.invalid(List.of(new FieldProblem("hours", "validation.amendment.hours")));
		}
	}

}
