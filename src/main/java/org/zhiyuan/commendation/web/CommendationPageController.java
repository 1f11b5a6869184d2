package org.zhiyuan.commendation.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ProjectView;
import org.zhiyuan.commendation.CommendationKind;
import org.zhiyuan.commendation.CommendationView;
import org.zhiyuan.commendation.Commendations;
import org.zhiyuan.commendation.HonourRolls;
import org.zhiyuan.commendation.Honours;
import org.zhiyuan.commendation.NewCommendation;
import org.zhiyuan.organization.Member;
import org.zhiyuan.organization.MemberStatus;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.shared.web.ShareLinks;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The commendation pages: the operators' campaigns of a region with the form opening one;
 * a campaign's page with its nominations to review, the notice to open, the objections to
 * answer and the awards to make; the admins' nomination form, where the nominee is picked
 * from the organization's members, the organization itself or its projects; the public
 * notice (公示) with the objection form; and the honour roll.
 */
@Controller
class CommendationPageController {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Commendations commendations;

	private final Organizations organizations;

	private final Activities activities;

	private final Regions regions;

	private final HonourRolls honourRolls;

	private final ShareLinks shareLinks;

	private final MessageSource messages;

	CommendationPageController(Commendations commendations, HonourRolls honourRolls, Organizations organizations,
			Activities activities, Regions regions, ShareLinks shareLinks, MessageSource messages) {
		this.shareLinks = shareLinks;
		this.messages = messages;
		this.commendations = commendations;
		this.honourRolls = honourRolls;
		this.organizations = organizations;
		this.activities = activities;
		this.regions = regions;
	}

	@GetMapping("/commendations")
	String list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode, Model model,
			Locale locale) {
		String region = regionOf(actor, regionCode);
		model.addAttribute("campaigns", this.commendations.ofRegion(actor, region, PageQuery.of(0, 100)));
		model.addAttribute("regionCode", region);
		model.addAttribute("regionName",
				Regions.NATIONAL.equals(region) ? null : this.regions.fullName(region, locale));
		model.addAttribute("mayCreate", this.organizations.operates(actor, region));
		model.addAttribute("minNoticeDays", this.commendations.minNoticeDays());
		model.addAttribute("today", LocalDate.now(CHINA));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new CampaignForm("", "VOLUNTEER", LocalDate.now(CHINA).plusDays(14).toString(),
					Integer.toString(this.commendations.minNoticeDays())));
		}
		model.addAttribute("formKey", Ids.newId().toString());
		return "commendation/list";
	}

	@PostMapping("/commendations")
	String create(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String nominationsUntil,
			@RequestParam(defaultValue = "") String noticeDays, @RequestParam(required = false) String formKey,
			Model model, Locale locale, RedirectAttributes redirect) {
		try {
			Integer days = null;
			try {
				days = Integer.valueOf(noticeDays.strip());
			}
			catch (NumberFormatException ex) {
				// named by the check below, as a missing number is
			}
			CommendationView created = this.commendations.create(actor,
					new NewCommendation(regionCode, title, kind, endOfDay(nominationsUntil), days), formKey);
			redirect.addFlashAttribute("notice", "commendation.created");
			return "redirect:/commendations/" + created.id();
		}
		catch (ProblemException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			PageActions.show(model, ex);
			model.addAttribute("form", new CampaignForm(title, kind, nominationsUntil, noticeDays));
			return list(actor, regionCode, model, locale);
		}
	}

	@GetMapping("/commendations/{id}")
	String campaign(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		CommendationView campaign = this.commendations.find(id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("nominations", this.commendations.nominations(actor, id));
		boolean operator = this.organizations.operates(actor, campaign.regionCode());
		model.addAttribute("mayDecide", operator);
		model.addAttribute("objections", operator ? this.commendations.objections(actor, id) : List.of());
		model.addAttribute("awardBlockedBy", this.commendations.awardBlockedBy(campaign).orElse(null));
		return "commendation/campaign";
	}

	@PostMapping("/commendations/{id}/nominations/{nominationId}/review")
	String review(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID nominationId,
			@RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect) {
		PageActions.run(redirect, "commendation.reviewed",
				() -> this.commendations.review(actor, nominationId, decision, note));
		return "redirect:/commendations/" + id;
	}

	@PostMapping("/commendations/{id}/notice")
	String openNotice(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		PageActions.run(redirect, "commendation.noticeStarted", () -> this.commendations.openNotice(actor, id));
		return "redirect:/commendations/" + id;
	}

	@PostMapping("/commendations/{id}/objections/{objectionId}/answer")
	String answer(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID objectionId,
			@RequestParam(required = false) Boolean upheld, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect) {
		PageActions.run(redirect, "commendation.answered",
				() -> this.commendations.answer(actor, objectionId, upheld, note));
		return "redirect:/commendations/" + id;
	}

	@PostMapping("/commendations/{id}/awards")
	String award(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		PageActions.run(redirect, "commendation.awarded", () -> this.commendations.award(actor, id));
		return "redirect:/commendations/" + id;
	}

	@GetMapping("/organizations/{id}/nominations")
	String nominationForm(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		List<CommendationView> open = this.commendations.openFor(actor, id);
		OrganizationView organization = this.organizations.find(id).orElseThrow();
		model.addAttribute("organization", organization);
		model.addAttribute("campaigns", open);
		List<Choice> volunteers = new ArrayList<>();
		List<Choice> projects = new ArrayList<>();
		if (open.stream().anyMatch((campaign) -> campaign.kind() == CommendationKind.VOLUNTEER)) {
			for (Member member : this.organizations.members(actor, id, MemberStatus.ACTIVE, PageQuery.of(0, 200))
				.items()) {
				volunteers.add(new Choice(member.volunteerId(), member.name() + " · " + member.phoneMasked()));
			}
		}
		if (open.stream().anyMatch((campaign) -> campaign.kind() == CommendationKind.PROJECT)) {
			for (ProjectView project : this.activities.projects(null, null, id, null, PageQuery.of(0, 200)).items()) {
				projects.add(new Choice(project.id(), project.name()));
			}
		}
		model.addAttribute("volunteers", volunteers);
		model.addAttribute("projects", projects);
		model.addAttribute("formKey", Ids.newId().toString());
		return "commendation/nominate";
	}

	@PostMapping("/organizations/{id}/nominations")
	String nominate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestParam UUID commendationId,
			@RequestParam(defaultValue = "") String nomineeId, @RequestParam(defaultValue = "") String reason,
			@RequestParam(required = false) String formKey, Model model) {
		try {
			this.commendations.nominate(actor, commendationId, nomineeId.isBlank() ? null : nomineeId, reason, formKey);
			model.addAttribute("notice", "commendation.nominated");
		}
		catch (ProblemException ex) {
			if (ex.status() == 403 || ex.status() == 401) {
				throw ex;
			}
			PageActions.show(model, ex);
			model.addAttribute("failedCampaign", commendationId);
			model.addAttribute("reason", reason);
		}
		return nominationForm(actor, id, model);
	}

	@GetMapping("/commendations/{id}/notice")
	String notice(@AuthenticationPrincipal Actor actorOrNull, @PathVariable UUID id, Model model, Locale locale) {
		org.zhiyuan.commendation.PublicNotice notice = this.commendations.notice(id);
		// not "notice": the layout reads that as the message of a success
		model.addAttribute("publicNotice", notice);
		model.addAttribute("share",
				this.shareLinks.card(notice.title(),
						this.messages.getMessage("commendation.notice.title", null, locale) + " · "
								+ this.regions.fullName(notice.regionCode(), locale),
						"/commendations/" + id + "/notice", null, "article"));
		model.addAttribute("signedIn", actorOrNull != null);
		return "commendation/notice";
	}

	@PostMapping("/commendations/{id}/notice/objections")
	String object(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestParam UUID nominationId,
			@RequestParam(defaultValue = "") String reason, Model model, Locale locale) {
		try {
			this.commendations.object(actor, nominationId, reason);
			model.addAttribute("objected", true);
		}
		catch (ProblemException ex) {
			if (ex.status() == 403 || ex.status() == 401) {
				throw ex;
			}
			PageActions.show(model, ex);
			model.addAttribute("failedNomination", nominationId);
			model.addAttribute("reason", reason);
		}
		return notice(actor, id, model, locale);
	}

	@GetMapping("/honours")
	String honours(@RequestParam(required = false) String regionCode, Model model, Locale locale) {
		if (regionCode != null && !regionCode.isBlank() && this.regions.exists(regionCode.strip())) {
			String region = regionCode.strip();
			Honours honours = this.honourRolls.of(region);
			String regionName = this.regions.fullName(region, locale);
			model.addAttribute("honours", honours);
			model.addAttribute("regionName", regionName);
			model.addAttribute("share",
					this.shareLinks.card(
							this.messages.getMessage("commendation.honours.title", null, locale) + " · " + regionName,
							this.messages.getMessage("honourRoll.shareDescription",
									new Object[] { honours.awards().size(), honours.starVolunteers().size(),
											honours.brandProjects().size() },
									locale),
							"/honours?regionCode=" + region, null, "website"));
		}
		model.addAttribute("regionCode", (regionCode != null) ? regionCode.strip() : "");
		return "commendation/honours";
	}

	/** The last moment of the day picked, China time, or what was typed when no date. */
	private static String endOfDay(String date) {
		try {
			return LocalDate.parse(date.strip())
				.atTime(LocalTime.of(23, 59, 59))
				.atZone(CHINA)
				.toOffsetDateTime()
				.toString();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String regionOf(Actor actor, String regionCode) {
		if (regionCode != null && !regionCode.isBlank()) {
			return regionCode.strip();
		}
		Optional<String> first = actor.readableRegions().stream().sorted().findFirst();
		return first.orElseThrow(() -> ProblemException.forbidden("problem.forbidden.region"));
	}

	/** The campaign form as typed. */
	record CampaignForm(String title, String kind, String nominationsUntil, String noticeDays) {

	}

	/** A nominee to pick. */
	record Choice(UUID id, String label) {

	}

}
