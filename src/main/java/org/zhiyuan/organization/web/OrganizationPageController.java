package org.zhiyuan.organization.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.organization.MemberRole;
import org.zhiyuan.organization.MemberStatus;
import org.zhiyuan.organization.MembershipView;
import org.zhiyuan.organization.OrganizationStatus;
import org.zhiyuan.organization.OrganizationType;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PersonQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.shared.web.TypedPerson;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

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
 * Organization pages: the public directory and page, the application form, the admins'
 * member management, and the operators' review and supervision.
 */
@Controller
class OrganizationPageController {

	private final Organizations organizations;

	private final Volunteers volunteers;

	private final AccessPolicy accessPolicy;

	OrganizationPageController(Organizations organizations, Volunteers volunteers, AccessPolicy accessPolicy) {
		this.organizations = organizations;
		this.volunteers = volunteers;
		this.accessPolicy = accessPolicy;
	}

	@GetMapping("/organizations")
	String directory(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, Model model) {
		String region = (regionCode != null && !regionCode.isBlank()) ? regionCode : null;
		model.addAttribute("regionCode", region);
		model.addAttribute("q", q);
		model.addAttribute("results", this.organizations.search(region, q, PageQuery.of(page, 20)));
		return "organization/directory";
	}

	@GetMapping("/organizations/apply")
	String applyForm(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new ApplicationForm("", "COMMUNITY_TEAM", "", "", "", List.of(), "", "", ""));
		}
		return applyPage(model);
	}

	@PostMapping("/organizations/apply")
	String apply(@AuthenticationPrincipal Actor actor, @ModelAttribute("form") ApplicationForm form, Model model,
			RedirectAttributes redirect) {
		OrganizationView created;
		try {
			created = this.organizations.apply(actor, form.toNewOrganization());
		}
		catch (ProblemException ex) {
			PageActions.show(model, ex);
			return applyPage(model);
		}
		redirect.addFlashAttribute("notice", "organization.applied");
		return "redirect:/organizations/" + created.id();
	}

	@GetMapping("/organizations/mine")
	String mine(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("organizations",
				this.organizations.administeredBy(actor, PageQuery.of(0, PageQuery.MAX_SIZE)).items());
		return "organization/mine";
	}

	@GetMapping("/organizations/review")
	String review(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page, Model model) {
		String region = (regionCode != null && !regionCode.isBlank()) ? regionCode
				: actor.readableRegions().stream().sorted().findFirst().orElse(Regions.NATIONAL);
		List<FieldProblem> ignored = new ArrayList<>();
		OrganizationStatus parsed = Enums.parse(OrganizationStatus.class, status, "status", ignored);
		OrganizationStatus chosen = (status == null) ? OrganizationStatus.PENDING : parsed;
		model.addAttribute("regionCode", region);
		model.addAttribute("status", chosen);
		model.addAttribute("statuses", OrganizationStatus.values());
		model.addAttribute("results",
				this.organizations.searchForOperator(actor, region, chosen, null, PageQuery.of(page, 20)));
		return "organization/review";
	}

	@GetMapping("/organizations/{id}")
	String page(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		OrganizationView organization = this.organizations.view(actor, id);
		model.addAttribute("organization", organization);
		model.addAttribute("children", this.organizations.childrenOf(id));
		boolean admin = this.organizations.isAdmin(actor, id);
		boolean operator = this.accessPolicy.operates(actor, organization.regionCode());
		boolean overseer = this.accessPolicy.oversees(actor, organization.regionCode());
		model.addAttribute("isAdmin", admin);
		model.addAttribute("isOperator", operator);
		if (operator && organization.status() != OrganizationStatus.CLOSED) {
			model.addAttribute("successorCandidates",
					this.organizations.search(organization.regionCode(), null, PageQuery.of(0, 100))
						.items()
						.stream()
						.filter((candidate) -> !candidate.id().equals(id) && candidate.isActive())
						.toList());
		}
		if (admin || overseer) {
			model.addAttribute("members",
					this.organizations.members(actor, id, MemberStatus.ACTIVE, PageQuery.of(0, 200)));
			model.addAttribute("requests",
					this.organizations.members(actor, id, MemberStatus.PENDING, PageQuery.of(0, 200)));
			model.addAttribute("invited",
					this.organizations.members(actor, id, MemberStatus.INVITED, PageQuery.of(0, 200)));
			model.addAttribute("history",
					this.organizations.history(actor, id, PageQuery.of(0, PageQuery.MAX_SIZE)).items());
		}
		if (actor != null) {
			model.addAttribute("me", this.volunteers.findByAccount(actor.accountId()).orElse(null));
		}
		return "organization/page";
	}

	@PostMapping("/organizations/{id}/join")
	String join(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return act(redirect, id, "organization.joinRequested", () -> this.organizations.requestToJoin(actor, id));
	}

	/**
	 * The people picker of the organization's active members (record entry,
	 * certificates).
	 */
	@GetMapping("/organizations/{id}/people")
	String pickMembers(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String q, Model model) {
		model.addAttribute("matches", this.organizations.pickMembers(actor, id, q));
		model.addAttribute("searched", PersonQuery.of(q) != null);
		return "fragments/forms :: personMatches";
	}

	/**
	 * The people picker for adding a member: volunteers of the organization's region, by
	 * their exact phone or volunteer number only.
	 */
	@GetMapping("/organizations/{id}/people/candidates")
	String pickCandidates(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String q, Model model) {
		model.addAttribute("matches", this.organizations.pickCandidates(actor, id, q));
		PersonQuery parsed = PersonQuery.of(q);
		model.addAttribute("searched", parsed != null && parsed.isDigits() && parsed.digits().length() >= 11);
		model.addAttribute("emptyKey", "picker.candidates.none");
		return "fragments/forms :: personMatches";
	}

	@PostMapping("/organizations/{id}/members")
	String addMember(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID volunteerId, @RequestParam(defaultValue = "") String volunteerNumber,
			@RequestParam(name = TypedPerson.PARAMETER, required = false) String personText,
			@RequestParam(defaultValue = "MEMBER") String role, RedirectAttributes redirect) {
		AtomicReference<MembershipView> added = new AtomicReference<>();
		PageActions.run(redirect, "organization.memberInvited", () -> {
			UUID chosen = TypedPerson.resolve(volunteerId, personText, "volunteerId",
					(typed) -> this.organizations.pickCandidates(actor, id, typed));
			if (chosen == null && volunteerNumber.isBlank()) {
				throw ProblemException.invalid(List.of(new FieldProblem("volunteerId", "picker.choose")));
			}
			VolunteerView volunteer = ((chosen != null) ? this.volunteers.find(chosen)
					: this.volunteers.findByNumber(volunteerNumber))
				.orElseThrow(() -> ProblemException.notFound("VOLUNTEER_NOT_FOUND", "volunteer.notFound"));
			List<FieldProblem> problems = new ArrayList<>();
			MemberRole parsed = Enums.parse(MemberRole.class, role, "role", problems);
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
			added.set(this.organizations.addMember(actor, id, volunteer.id(),
					(parsed != null) ? parsed : MemberRole.MEMBER));
		});
		if (added.get() != null && added.get().status() == MemberStatus.ACTIVE) {
			// the volunteer had asked to join: they are a member now, not invited
			redirect.addFlashAttribute("notice", "organization.memberAdded");
		}
		return "redirect:/organizations/" + id;
	}

	@GetMapping("/me/invitations")
	String invitations(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("invitations",
				this.organizations.myInvitations(actor, PageQuery.of(0, PageQuery.MAX_SIZE)).items());
		return "organization/invitations";
	}

	@PostMapping("/me/invitations/{organizationId}/acceptance")
	String acceptInvitation(@AuthenticationPrincipal Actor actor, @PathVariable UUID organizationId,
			RedirectAttributes redirect) {
		PageActions.run(redirect, "invitations.accepted",
				() -> this.organizations.acceptInvitation(actor, organizationId));
		return "redirect:/me/invitations";
	}

	@PostMapping("/me/invitations/{organizationId}/declination")
	String declineInvitation(@AuthenticationPrincipal Actor actor, @PathVariable UUID organizationId,
			RedirectAttributes redirect) {
		PageActions.run(redirect, "invitations.declined",
				() -> this.organizations.declineInvitation(actor, organizationId));
		return "redirect:/me/invitations";
	}

	@PostMapping("/organizations/{id}/members/{volunteerId}/approve")
	String approveJoin(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID volunteerId,
			RedirectAttributes redirect) {
		return act(redirect, id, "organization.saved", () -> this.organizations.approveJoin(actor, id, volunteerId));
	}

	@PostMapping("/organizations/{id}/members/{volunteerId}/reject")
	String rejectJoin(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID volunteerId,
			RedirectAttributes redirect) {
		return act(redirect, id, "organization.saved", () -> this.organizations.rejectJoin(actor, id, volunteerId));
	}

	@PostMapping("/organizations/{id}/members/{volunteerId}/remove")
	String removeMember(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID volunteerId,
			RedirectAttributes redirect) {
		return act(redirect, id, "organization.saved", () -> this.organizations.removeMember(actor, id, volunteerId));
	}

	@PostMapping("/organizations/{id}/supervision")
	String supervise(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String reason,
			@RequestParam(required = false) UUID successorId, RedirectAttributes redirect) {
		return act(redirect, id, "organization.saved", () -> {
			switch (action) {
				case "approve" -> this.organizations.approve(actor, id);
				case "reject" -> this.organizations.reject(actor, id, reason);
				case "warn" -> this.organizations.warn(actor, id, reason);
				case "suspend" -> this.organizations.suspend(actor, id, reason);
				case "reinstate" -> this.organizations.reinstate(actor, id, reason);
				case "close" -> this.organizations.close(actor, id, reason, successorId);
				default -> throw ProblemException.invalid(List.of(new FieldProblem("action", "validation.required")));
			}
		});
	}

	private String act(RedirectAttributes redirect, UUID id, String notice, Runnable action) {
		PageActions.run(redirect, notice, () -> {
			action.run();
		});
		return "redirect:/organizations/" + id;
	}

	private String applyPage(Model model) {
		model.addAttribute("types", OrganizationType.values());
		model.addAttribute("serviceFields", ServiceField.values());
		return "organization/apply";
	}

}
