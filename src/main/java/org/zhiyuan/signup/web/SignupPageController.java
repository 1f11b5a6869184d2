package org.zhiyuan.signup.web;

import java.util.List;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PersonQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.signup.RosterContributor;
import org.zhiyuan.signup.MultiSignups;
import org.zhiyuan.signup.SignupView;
import org.zhiyuan.signup.Signups;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sign-up pages: the panel on an activity's page (sign up, or one's own status and
 * cancellation), the volunteer's sign-ups, and the organizer's roster.
 */
@Controller
class SignupPageController {

	private final Signups signups;

	private final Activities activities;

	private final ObjectProvider<RosterContributor> rosterContributors;

	private final MultiSignups multi;

	SignupPageController(Signups signups, Activities activities, ObjectProvider<RosterContributor> rosterContributors,
			MultiSignups multi) {
		this.signups = signups;
		this.activities = activities;
		this.rosterContributors = rosterContributors;
		this.multi = multi;
	}

	@GetMapping("/activities/{id}/signup-panel")
	String panel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String position, Model model) {
		ActivityView activity = this.activities.view(actor, id);
		model.addAttribute("activity", activity);
		// the position chosen before a refused sign-up stays chosen
		model.addAttribute("chosen",
				activity.positions()
					.stream()
					.map(ActivityView.PositionView::id)
					.filter((p) -> p.toString().equals(position))
					.findFirst()
					.orElse(null));
		model.addAttribute("signedIn", actor != null);
		if (actor != null) {
			List<SignupView> all = this.signups.allMineFor(actor, id);
			model.addAttribute("mine", all.stream().findFirst().orElse(null));
			model.addAttribute("mineActive", all.stream().filter((m) -> m.status().isActive()).toList());
			model.addAttribute("canManage", this.activities.canManage(actor, activity));
			model.addAttribute("signsUpOthers", this.multi.signsUpOthers(actor));
		}
		model.addAttribute("zone", java.time.ZoneId.of("Asia/Shanghai"));
		model.addAttribute("shifts", activity.positions().stream().anyMatch(ActivityView.PositionView::isShift));
		model.addAttribute("open", activity.isOpenForSignup(java.time.OffsetDateTime.now()));
		return "signup/panel :: panel";
	}

	@PostMapping("/activities/{id}/signup")
	String signUp(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID positionId, RedirectAttributes redirect) {
		try {
			SignupView signup = this.signups.signUp(actor, id, positionId);
			redirect.addFlashAttribute("notice", "signup.done." + signup.status().name());
		}
		catch (ProblemException ex) {
			PageActions.flash(redirect, ex);
			if (positionId != null) {
				// the panel keeps the position the volunteer chose
				return "redirect:/activities/" + id + "?position=" + positionId + "#signup-panel";
			}
		}
		return "redirect:/activities/" + id;
	}

	/** Signs the volunteer up for every shift ticked, or for none. */
	@PostMapping("/activities/{id}/signup/shifts")
	String signUpForShifts(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) List<UUID> positionIds, RedirectAttributes redirect) {
		PageActions.run(redirect, "signup.done.shifts", () -> {
			this.multi.signUpForShifts(actor, id, positionIds);
		});
		return "redirect:/activities/" + id + "#signup-panel";
	}

	/** A team leader or guardian signs up the people picked, all or none. */
	@PostMapping("/activities/{id}/signup/group")
	String signUpGroup(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID positionId, @RequestParam(required = false) List<UUID> volunteerIds,
			RedirectAttributes redirect) {
		PageActions.run(redirect, "signup.group.done", () -> {
			this.multi.signUpGroup(actor, id, positionId, volunteerIds);
		});
		return "redirect:/activities/" + id + "#signup-panel";
	}

	/** The people picker of a team leader's members and a guardian's children. */
	@GetMapping("/activities/{id}/signup/people")
	String pickSignable(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String q, Model model) {
		model.addAttribute("matches", this.multi.pickSignable(actor, q));
		model.addAttribute("searched", PersonQuery.of(q) != null);
		return "fragments/forms :: personMatches";
	}

	/** The organizer adds a volunteer directly, with a reason. */
	@PostMapping("/activities/{id}/roster/direct")
	String addDirectly(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID volunteerId, @RequestParam(required = false) UUID positionId,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		PageActions.run(redirect, "signup.direct.done", () -> {
			this.multi.addDirectly(actor, id, volunteerId, positionId, reason);
		});
		return "redirect:/activities/" + id + "/roster";
	}

	/**
	 * Asks before cancelling one's own sign-up at the activity: what is cancelled, and
	 * whether it counts as a late cancellation. A page of its own without JavaScript, in
	 * place of the panel with htmx. Without an active sign-up, back to the activity (or
	 * its panel).
	 */
	@GetMapping("/activities/{id}/signup/cancel")
	String confirmCancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String back, @RequestParam(required = false) UUID signup,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		ActivityView activity = this.activities.view(actor, id);
		// one of several shifts when named, else the (first) active sign-up
		SignupView mine = this.signups.allMineFor(actor, id)
			.stream()
			.filter((s) -> s.status().isActive() && (signup == null || s.id().equals(signup)))
			.findFirst()
			.orElse(null);
		boolean inPanel = htmx != null;
		if (mine == null) {
			return inPanel ? "redirect:/activities/" + id + "/signup-panel" : "redirect:/activities/" + id;
		}
		model.addAttribute("activity", activity);
		model.addAttribute("mine", mine);
		model.addAttribute("late", this.signups.cancellingNowIsLate(mine));
		model.addAttribute("back", "mine".equals(back) ? "mine" : "");
		model.addAttribute("inPanel", inPanel);
		return inPanel ? "signup/cancel :: confirm" : "signup/cancel";
	}

	@PostMapping("/signups/{id}/cancel")
	String cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String reason, @RequestParam(defaultValue = "") String back,
			RedirectAttributes redirect) {
		SignupView signup = this.signups.view(id)
			.orElseThrow(() -> ProblemException.notFound("SIGNUP_NOT_FOUND", "signup.notFound"));
		PageActions.run(redirect, "signup.cancelled", () -> {
			this.signups.cancel(actor, id, reason);
		});
		return back.equals("roster") ? "redirect:/activities/" + signup.activityId() + "/roster"
				: back.equals("mine") ? "redirect:/me/signups" : "redirect:/activities/" + signup.activityId();
	}

	@PostMapping("/signups/{id}/approve")
	String approve(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		SignupView signup = this.signups.view(id)
			.orElseThrow(() -> ProblemException.notFound("SIGNUP_NOT_FOUND", "signup.notFound"));
		PageActions.run(redirect, "organization.saved", () -> {
			this.signups.approve(actor, id);
		});
		return "redirect:/activities/" + signup.activityId() + "/roster";
	}

	@PostMapping("/signups/{id}/reject")
	String reject(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		SignupView signup = this.signups.view(id)
			.orElseThrow(() -> ProblemException.notFound("SIGNUP_NOT_FOUND", "signup.notFound"));
		PageActions.run(redirect, "organization.saved", () -> {
			this.signups.reject(actor, id, reason);
		});
		return "redirect:/activities/" + signup.activityId() + "/roster";
	}

	@GetMapping("/me/signups")
	String mine(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("upcoming", this.signups.mine(actor, true, PageQuery.of(0, 100)));
		model.addAttribute("past", this.signups.mine(actor, false, PageQuery.of(0, 100)));
		return "signup/mine";
	}

	/**
	 * The people picker of the activity's accepted volunteers (manual and bulk
	 * attendance).
	 */
	@GetMapping("/activities/{id}/roster/people")
	String pickAccepted(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String q, Model model) {
		model.addAttribute("matches", this.signups.pickAccepted(actor, id, q));
		model.addAttribute("searched", PersonQuery.of(q) != null);
		return "fragments/forms :: personMatches";
	}

	@GetMapping("/activities/{id}/roster")
	String roster(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		ActivityView activity = this.activities.view(actor, id);
		model.addAttribute("activity", activity);
		PageResult<SignupView> roster = this.signups.roster(actor, id, null, PageQuery.of(0, 200));
		model.addAttribute("roster", roster);
		// other modules' marks and panels (insurance of a high-risk activity)
		model.addAttribute("rosterParts",
				this.rosterContributors.orderedStream()
					.flatMap((c) -> c.partFor(actor, activity, roster.items()).stream())
					.toList());
		return "signup/roster";
	}

}
