package org.zhiyuan.recommendation.web;

import java.util.List;

import org.zhiyuan.access.Actor;
import org.zhiyuan.recommendation.HomePoint;
import org.zhiyuan.recommendation.HomePoints;
import org.zhiyuan.recommendation.Recommendations;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.FormNumbers;
import org.zhiyuan.shared.web.PageActions;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The volunteer's recommendations page, with the point near home they are measured from
 * (picked on the map, or forgotten), and the home page's block of the first few, loaded
 * after the page so that the home page stays quick.
 */
@Controller
class RecommendationPageController {

	static final int HOME_BLOCK = 3;

	private final Recommendations recommendations;

	private final HomePoints homes;

	RecommendationPageController(Recommendations recommendations, HomePoints homes) {
		this.recommendations = recommendations;
		this.homes = homes;
	}

	@GetMapping("/me/recommendations")
	String page(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("items", this.recommendations.forMe(actor, 30, LocaleContextHolder.getLocale()));
		HomePoint home = this.homes.mine(actor).orElse(null);
		model.addAttribute("home", home);
		if (!model.containsAttribute("lat")) {
			model.addAttribute("lat", (home != null) ? home.lat() : null);
			model.addAttribute("lng", (home != null) ? home.lng() : null);
		}
		return "recommendation/page";
	}

	@GetMapping("/me/recommendations/panel")
	String panel(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("items", this.recommendations.forMe(actor, HOME_BLOCK, LocaleContextHolder.getLocale()));
		return "recommendation/panel :: list";
	}

	@PostMapping("/me/recommendations/home")
	String setHome(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String lat,
			@RequestParam(defaultValue = "") String lng, Model model, RedirectAttributes redirect) {
		try {
			this.homes.set(actor, FormNumbers.decimalOrNull(lat), FormNumbers.decimalOrNull(lng));
		}
		catch (ProblemException ex) {
			PageActions.show(model,
					ProblemException.invalid(List.of(new FieldProblem("location", "validation.location"))));
			model.addAttribute("lat", lat);
			model.addAttribute("lng", lng);
			return page(actor, model);
		}
		redirect.addFlashAttribute("notice", "recommendation.home.saved");
		return "redirect:/me/recommendations";
	}

	@PostMapping("/me/recommendations/home/clear")
	String clearHome(@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		this.homes.clear(actor);
		redirect.addFlashAttribute("notice", "recommendation.home.cleared");
		return "redirect:/me/recommendations";
	}

}
