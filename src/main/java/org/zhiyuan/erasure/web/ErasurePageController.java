package org.zhiyuan.erasure.web;

import java.util.Locale;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.erasure.ErasureRequestView;
import org.zhiyuan.erasure.ErasureScope;
import org.zhiyuan.erasure.ErasureStatus;
import org.zhiyuan.erasure.Erasures;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.PageQuery;
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
 * The pages of erasure requests: the volunteer's page (what is erased, what is kept and
 * why, the request form and the requests' status, reached from the privacy section of
 * their profile), and the operators' queue and review page with the sheet and the
 * decision form.
 */
@Controller
class ErasurePageController {

	private static final PageQuery LATEST = PageQuery.of(0, 100);

	private final Erasures erasures;

	private final Regions regions;

	ErasurePageController(Erasures erasures, Regions regions) {
		this.erasures = erasures;
		this.regions = regions;
	}

	@GetMapping("/me/erasure-requests")
	String mine(@AuthenticationPrincipal Actor actor, Model model) {
		var requests = this.erasures.mine(actor, LATEST);
		model.addAttribute("requests", requests);
		model.addAttribute("open",
				requests.items().stream().filter(ErasureRequestView::withdrawable).findFirst().orElse(null));
		model.addAttribute("scopes", ErasureScope.values());
		if (!model.containsAttribute("scope")) {
			model.addAttribute("scope", ErasureScope.PROFILE.name());
			model.addAttribute("reason", "");
		}
		model.addAttribute("formKey", UUID.randomUUID().toString());
		return "erasure/mine";
	}

	@PostMapping("/me/erasure-requests")
	String request(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String scope,
			@RequestParam(defaultValue = "") String reason, @RequestParam(required = false) String formKey, Model model,
			RedirectAttributes redirect) {
		try {
			this.erasures.request(actor, scope, reason, formKey);
		}
		catch (ProblemException ex) {
			if (ex.status() == 403 || ex.status() == 404) {
				throw ex;
			}
			PageActions.show(model, ex);
			model.addAttribute("scope", scope);
			model.addAttribute("reason", reason);
			return mine(actor, model);
		}
		redirect.addFlashAttribute("notice", "erasure.page.requested");
		return "redirect:/me/erasure-requests";
	}

	@PostMapping("/me/erasure-requests/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		PageActions.run(redirect, "erasure.page.withdrawn", () -> this.erasures.withdraw(actor, id));
		return "redirect:/me/erasure-requests";
	}

	@GetMapping("/erasure-requests")
	String queue(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String status, Model model, Locale locale) {
		String region = actor.regionOrFirstReadable(regionCode);
		ErasureStatus chosen = (status == null) ? ErasureStatus.QUEUED
				: Enums.parse(ErasureStatus.class, status, "status", new java.util.ArrayList<>());
		model.addAttribute("requests", this.erasures.ofRegion(actor, region, chosen, LATEST));
		model.addAttribute("regionCode", region);
		model.addAttribute("regionName",
				Regions.NATIONAL.equals(region) ? null : this.regions.fullName(region, locale));
		model.addAttribute("status", (chosen != null) ? chosen.name() : "");
		model.addAttribute("statuses", ErasureStatus.values());
		return "erasure/queue";
	}

	@GetMapping("/erasure-requests/{id}")
	String review(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		ErasureRequestView request = this.erasures.view(actor, id);
		model.addAttribute("r", request);
		model.addAttribute("reviewer", this.erasures.mayDecide(actor, request));
		if (!model.containsAttribute("decision")) {
			model.addAttribute("decision", "");
			model.addAttribute("note", "");
		}
		return "erasure/review";
	}

	@PostMapping("/erasure-requests/{id}/decision")
	String decide(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String note, Model model,
			RedirectAttributes redirect) {
		try {
			this.erasures.decide(actor, id, decision, note);
		}
		catch (ProblemException ex) {
			if (ex.status() == 403 || ex.status() == 404) {
				throw ex;
			}
			PageActions.show(model, ex);
			model.addAttribute("decision", decision);
			model.addAttribute("note", note);
			return review(actor, id, model);
		}
		redirect.addFlashAttribute("notice", "erasure.page.decided");
		return "redirect:/erasure-requests/" + id;
	}

}
