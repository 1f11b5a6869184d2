package org.zhiyuan.emergency.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.emergency.EmergencyTeamView;
import org.zhiyuan.emergency.EmergencyTeams;
import org.zhiyuan.emergency.TeamTier;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.region.Region;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
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
 * The emergency teams of a region and the regions below it, as cards, for its operators
 * and auditors; its operators mark an active organization of the region (picked from a
 * list searched by name) as a team of a tier, change a team's tier and take the mark off
 * after a confirmation.
 */
@Controller
class EmergencyTeamPageController {

	private static final PageQuery TEAMS = PageQuery.of(0, 100);

	private static final PageQuery CHOICES = PageQuery.of(0, 50);

	private final EmergencyTeams teams;

	private final Organizations organizations;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	EmergencyTeamPageController(EmergencyTeams teams, Organizations organizations, AccessPolicy accessPolicy,
			Regions regions) {
		this.teams = teams;
		this.organizations = organizations;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
	}

	@GetMapping("/emergency/teams")
	String teams(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String q, Model model, Locale locale) {
		String region = regionOf(actor, regionCode);
		PageResult<EmergencyTeamView> found = this.teams.ofRegion(actor, region, TEAMS);
		Map<UUID, TeamTier> marked = new LinkedHashMap<>();
		List<TeamCard> cards = new ArrayList<>();
		for (EmergencyTeamView team : found.items()) {
			marked.put(team.organizationId(), team.tier());
			Long members = this.organizations.find(team.organizationId())
				.map(OrganizationView::memberCount)
				.orElse(null);
			cards.add(new TeamCard(team, nameOf(team.regionCode(), locale), members));
		}
		model.addAttribute("cards", cards);
		model.addAttribute("total", found.total());
		model.addAttribute("regionCode", region);
		model.addAttribute("regionName", nameOf(region, locale));
		model.addAttribute("regionChoices", regionChoices(actor, region, locale));
		model.addAttribute("tiers", TeamTier.values());
		boolean mayMark = this.accessPolicy.operates(actor, region);
		model.addAttribute("mayMark", mayMark);
		if (mayMark) {
			String query = (q != null) ? q.strip() : "";
			model.addAttribute("q", query);
			model.addAttribute("choices", choices(region, query, marked, locale));
			if (!model.containsAttribute("mark")) {
				model.addAttribute("mark", new MarkForm("", ""));
			}
		}
		return "emergency/teams";
	}

	/**
	 * The organizations the mark form offers, as its list's options: the active ones of
	 * the region whose name holds the query, for its operators.
	 */
	@GetMapping("/emergency/teams/organizations")
	String organizationOptions(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
			@RequestParam(required = false) String q, Model model, Locale locale) {
		if (!this.regions.exists(regionCode) || !this.accessPolicy.operates(actor, regionCode)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		Map<UUID, TeamTier> marked = new LinkedHashMap<>();
		this.teams.ofRegion(actor, regionCode, TEAMS)
			.items()
			.forEach((team) -> marked.put(team.organizationId(), team.tier()));
		model.addAttribute("choices", choices(regionCode, (q != null) ? q.strip() : "", marked, locale));
		model.addAttribute("mark", new MarkForm("", ""));
		return "emergency/teams :: organizationOptions";
	}

	/** An operator marks an organization picked from the list as a team of a tier. */
	@PostMapping("/emergency/teams")
	String mark(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
			@RequestParam(defaultValue = "") String organizationId, @RequestParam(defaultValue = "") String tier,
			Model model, Locale locale, RedirectAttributes redirect) {
		try {
			Optional<UUID> organization = Ids.parse(organizationId.strip());
			if (organization.isEmpty()) {
				List<FieldProblem> problems = new ArrayList<>();
				problems.add(new FieldProblem("organizationId", "emergency.teams.organization.choose"));
				if (tier.isBlank()) {
					problems.add(new FieldProblem("tier", "validation.emergency.tier"));
				}
				throw ProblemException.invalid(problems);
			}
			this.teams.mark(actor, organization.get(), tier);
			redirect.addFlashAttribute("notice", "emergency.teams.marked");
			redirect.addAttribute("regionCode", regionCode);
			return "redirect:/emergency/teams";
		}
		catch (ProblemException ex) {
			if (ex.status() == 401 || ex.status() == 403) {
				throw ex;
			}
			PageActions.show(model, ex);
			model.addAttribute("mark", new MarkForm(organizationId, tier));
			return teams(actor, regionCode, null, model, locale);
		}
	}

	/** An operator gives a team another tier. */
	@PostMapping("/emergency/teams/{organizationId}/tier")
	String changeTier(@AuthenticationPrincipal Actor actor, @PathVariable UUID organizationId,
			@RequestParam(defaultValue = "") String tier, @RequestParam(required = false) String regionCode,
			RedirectAttributes redirect) {
		PageActions.run(redirect, "emergency.teams.tierChanged", () -> this.teams.mark(actor, organizationId, tier));
		return back(regionCode, redirect);
	}

	/**
	 * An operator takes the mark off a team, after confirming; one taken off meanwhile is
	 * said.
	 */
	@PostMapping("/emergency/teams/{organizationId}/unmark")
	String unmark(@AuthenticationPrincipal Actor actor, @PathVariable UUID organizationId,
			@RequestParam(required = false) String regionCode, RedirectAttributes redirect) {
		try {
			this.teams.unmark(actor, organizationId);
			redirect.addFlashAttribute("notice", "emergency.teams.unmarked");
		}
		catch (ProblemException ex) {
			if (!"EMERGENCY_TEAM_NOT_FOUND".equals(ex.code())) {
				throw ex;
			}
			redirect.addFlashAttribute("notice", "emergency.teams.stale");
		}
		return back(regionCode, redirect);
	}

	private static String back(String regionCode, RedirectAttributes redirect) {
		if (regionCode != null && !regionCode.isBlank()) {
			redirect.addAttribute("regionCode", regionCode.strip());
		}
		return "redirect:/emergency/teams";
	}

	private List<Choice> choices(String region, String query, Map<UUID, TeamTier> marked, Locale locale) {
		return this.organizations.search(region, query.isEmpty() ? null : query, CHOICES)
			.items()
			.stream()
			.filter(OrganizationView::isActive)
			.map((o) -> new Choice(o.id(), o.name(), nameOf(o.regionCode(), locale), marked.get(o.id())))
			.toList();
	}

	/**
	 * The regions to filter by: those the caller oversees, the path down to the one shown
	 * and the ones right below it.
	 */
	private List<RegionChoice> regionChoices(Actor actor, String region, Locale locale) {
		Map<String, RegionChoice> choices = new LinkedHashMap<>();
		actor.readableRegions()
			.stream()
			.sorted()
			.forEach((code) -> choices.put(code, new RegionChoice(code, nameOf(code, locale))));
		for (Region step : this.regions.path(region)) {
			if (this.accessPolicy.oversees(actor, step.code())) {
				choices.putIfAbsent(step.code(), new RegionChoice(step.code(), nameOf(step.code(), locale)));
			}
		}
		for (Region child : this.regions.children(region)) {
			choices.putIfAbsent(child.code(), new RegionChoice(child.code(), nameOf(child.code(), locale)));
		}
		return List.copyOf(choices.values());
	}

	private String nameOf(String code, Locale locale) {
		return Regions.NATIONAL.equals(code) ? null : this.regions.fullName(code, locale);
	}

	/** The region asked for, else the first the caller oversees. */
	static String regionOf(Actor actor, String regionCode) {
		return actor.regionOrFirstReadable(regionCode);
	}

	/**
	 * A team as its card shows it: with its region's name and, when known, its members.
	 */
	record TeamCard(EmergencyTeamView team, String regionName, Long members) {

	}

	/** An organization the mark form offers, with its tier when it is a team already. */
	record Choice(UUID id, String name, String regionName, TeamTier tier) {

	}

	/** A region of the filter. */
	record RegionChoice(String code, String name) {

	}

	/** The mark form as typed. */
	record MarkForm(String organizationId, String tier) {

	}

}
