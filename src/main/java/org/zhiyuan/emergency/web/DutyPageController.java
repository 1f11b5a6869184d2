package org.zhiyuan.emergency.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.emergency.DutyAssignment;
import org.zhiyuan.emergency.DutyMember;
import org.zhiyuan.emergency.DutyRosters;
import org.zhiyuan.emergency.DutyRosters.DutyTeam;
import org.zhiyuan.emergency.DutyRosters.SwapAsked;
import org.zhiyuan.emergency.MyDuty;
import org.zhiyuan.emergency.Roster;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PersonMatch;
import org.zhiyuan.shared.PersonQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.shared.web.TypedPerson;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Today's duty (应急值守): for a volunteer their own shifts, today's duty of their emergency
 * teams and the swaps to answer, with a form on each shift to ask another member for a
 * swap (picked from the team's members and their shifts); for a leader or an operator a
 * week of a team's roster, a card a day, where they put members on duty with a people
 * picker of the team's members and approve swaps.
 */
@Controller
class DutyPageController {

	private static final int WEEK = 7;

	private final DutyRosters rosters;

	private final Organizations organizations;

	DutyPageController(DutyRosters rosters, Organizations organizations) {
		this.rosters = rosters;
		this.organizations = organizations;
	}

	@GetMapping("/emergency/duty")
	String duty(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID team,
			@RequestParam(required = false) String from, Model model) {
		MyDuty mine = mine(actor);
		model.addAttribute("mine", mine);
		if (mine != null) {
			Map<UUID, List<SwapOption>> options = new LinkedHashMap<>();
			for (DutyAssignment shift : mine.shifts()) {
				options.computeIfAbsent(shift.organizationId(), (id) -> swapOptions(actor, id, shift.volunteerId()));
			}
			model.addAttribute("swapOptions", options);
			model.addAttribute("swapKey", Ids.newId().toString());
		}
		List<DutyTeam> managed = this.rosters.managedTeams(actor);
		model.addAttribute("managed", managed);
		if (!managed.isEmpty()) {
			UUID chosen = managed.stream()
				.map(DutyTeam::organizationId)
				.filter((id) -> id.equals(team))
				.findFirst()
				.orElse(managed.get(0).organizationId());
			LocalDate start = weekStart(from);
			Roster roster = this.rosters.roster(actor, chosen, start.toString(), start.plusDays(WEEK - 1).toString());
			model.addAttribute("roster", roster);
			model.addAttribute("previousWeek", start.minusDays(WEEK));
			model.addAttribute("nextWeek", start.plusDays(WEEK));
			model.addAttribute("teamSwaps", this.rosters.openSwaps(actor, chosen));
			model.addAttribute("pickerHint", "emergency.duty.page.pickerHint");
			if (!model.containsAttribute("assign")) {
				model.addAttribute("assign",
						new AssignForm(
								start.isBefore(LocalDate.now(org.zhiyuan.emergency.Shift.ZONE))
										? LocalDate.now(org.zhiyuan.emergency.Shift.ZONE).toString() : start.toString(),
								"DAY"));
			}
		}
		return "emergency/duty";
	}

	/**
	 * The people picker of the assignment form: the team's active members whose name,
	 * phone or number matches, for its leaders and the overseers of its region (audited
	 * by the organization module).
	 */
	@GetMapping("/emergency/duty/{team}/people")
	String people(@AuthenticationPrincipal Actor actor, @PathVariable UUID team,
			@RequestParam(required = false) String q, Model model) {
		model.addAttribute("matches", pick(actor, team, q));
		model.addAttribute("searched", PersonQuery.of(q) != null);
		return "fragments/forms :: personMatches";
	}

	private List<PersonMatch> pick(Actor actor, UUID team, String query) {
		if (!this.rosters.mayManage(actor, team)) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		return this.organizations.pickMembers(actor, team, query);
	}

	/** A leader or operator puts the member picked on duty. */
	@PostMapping("/emergency/duty/{team}/assign")
	String assign(@AuthenticationPrincipal Actor actor, @PathVariable UUID team,
			@RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "") String shift,
			@RequestParam(required = false) UUID volunteerId,
			@RequestParam(name = TypedPerson.PARAMETER, required = false) String personText,
			@RequestParam(required = false) String from, Model model, RedirectAttributes redirect) {
		try {
			UUID chosen = TypedPerson.resolve(volunteerId, personText, "volunteerId",
					(typed) -> pick(actor, team, typed));
			if (chosen == null) {
				List<FieldProblem> problems = new ArrayList<>();
				problems.add(new FieldProblem("volunteerId", "picker.choose"));
				problems.addAll(DutyRosters.problemsOf(day, shift));
				throw ProblemException.invalid(problems);
			}
			this.rosters.assign(actor, team, day, shift, chosen);
			redirect.addFlashAttribute("notice", "emergency.duty.page.assigned");
			redirect.addAttribute("team", team);
			if (from != null && !from.isBlank()) {
				redirect.addAttribute("from", from.strip());
			}
			return "redirect:/emergency/duty";
		}
		catch (ProblemException ex) {
			if (ex.status() == 401 || ex.status() == 403) {
				throw ex;
			}
			PageActions.show(model, ex);
			model.addAttribute("assign", new AssignForm(day, shift));
			return duty(actor, team, from, model);
		}
	}

	/** A leader or operator takes a member off duty. */
	@PostMapping("/emergency/duty/{team}/remove")
	String remove(@AuthenticationPrincipal Actor actor, @PathVariable UUID team, @RequestParam String day,
			@RequestParam String shift, @RequestParam UUID volunteerId, @RequestParam(required = false) String from,
			RedirectAttributes redirect) {
		PageActions.run(redirect, "emergency.duty.page.removed",
				() -> this.rosters.unassign(actor, team, day, shift, volunteerId));
		redirect.addAttribute("team", team);
		if (from != null && !from.isBlank()) {
			redirect.addAttribute("from", from.strip());
		}
		return "redirect:/emergency/duty";
	}

	/**
	 * A member on duty asks for a swap: {@code swapWith} is a member picked from the list
	 * ({@code volunteerId}, who takes the shift over) or one of their shifts
	 * ({@code volunteerId/day/shift}).
	 */
	@PostMapping("/emergency/duty/{team}/swaps")
	String askSwap(@AuthenticationPrincipal Actor actor, @PathVariable UUID team, @RequestParam String day,
			@RequestParam String shift, @RequestParam(defaultValue = "") String swapWith,
			@RequestParam(required = false) String formKey, Model model, RedirectAttributes redirect) {
		String[] parts = swapWith.strip().split("/");
		UUID partner = Ids.parse(parts[0]).orElse(null);
		String partnerDay = (parts.length == 3) ? parts[1] : null;
		String partnerShift = (parts.length == 3) ? parts[2] : null;
		try {
			if (partner == null) {
				throw ProblemException.invalid(List.of(new FieldProblem("swapWith", "emergency.duty.page.chooseSwap")));
			}
			this.rosters.askSwap(actor, team, new SwapAsked(day, shift, partner, partnerDay, partnerShift),
					(formKey != null && !formKey.isBlank()) ? formKey : null);
			redirect.addFlashAttribute("notice", "emergency.duty.page.asked");
			return "redirect:/emergency/duty";
		}
		catch (ProblemException ex) {
			if (ex.status() == 401 || ex.status() == 403) {
				throw ex;
			}
			PageActions.show(model, ex);
			model.addAttribute("swapFor", day + "/" + shift);
			return duty(actor, null, null, model);
		}
	}

	@PostMapping("/emergency/duty/{team}/swaps/{id}/{decision}")
	String decide(@AuthenticationPrincipal Actor actor, @PathVariable UUID team, @PathVariable UUID id,
			@PathVariable String decision, RedirectAttributes redirect) {
		switch (decision) {
			case "accept" ->
				PageActions.run(redirect, "emergency.duty.page.accepted", () -> this.rosters.accept(actor, team, id));
			case "approve" ->
				PageActions.run(redirect, "emergency.duty.page.approved", () -> this.rosters.approve(actor, team, id));
			case "decline" ->
				PageActions.run(redirect, "emergency.duty.page.declined", () -> this.rosters.decline(actor, team, id));
			default -> throw ProblemException.notFound("NOT_FOUND", "problem.notFound");
		}
		if (this.rosters.mayManage(actor, team)) {
			redirect.addAttribute("team", team);
		}
		return "redirect:/emergency/duty";
	}

	private MyDuty mine(Actor actor) {
		try {
			return this.rosters.mine(actor);
		}
		catch (ProblemException ex) {
			if (ex.status() == 404) {
				return null;
			}
			throw ex;
		}
	}

	/** The members and shifts of the team a member may ask for a swap. */
	private List<SwapOption> swapOptions(Actor actor, UUID team, UUID me) {
		List<SwapOption> options = new ArrayList<>();
		for (DutyAssignment theirs : this.rosters.othersShifts(actor, team)) {
			options.add(new SwapOption(theirs.volunteerId() + "/" + theirs.day() + "/" + theirs.shift(), theirs.name(),
					theirs.day(), theirs.shift().name()));
		}
		for (DutyMember member : this.rosters.members(actor, team)) {
			if (!member.volunteerId().equals(me)) {
				options.add(new SwapOption(member.volunteerId().toString(), member.name(), null, null));
			}
		}
		return options;
	}

	private static LocalDate weekStart(String from) {
		LocalDate today = LocalDate.now(org.zhiyuan.emergency.Shift.ZONE);
		if (from == null || from.isBlank()) {
			return today;
		}
		try {
			return LocalDate.parse(from.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			return today;
		}
	}

	/** The assignment form as typed. */
	record AssignForm(String day, String shift) {

	}

	/**
	 * A choice of the swap form: a member's shift given in exchange ({@code day} and
	 * {@code shift} set), or a member who takes the shift over.
	 */
	record SwapOption(String value, String name, LocalDate day, String shift) {

	}

}
