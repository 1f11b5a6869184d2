package org.zhiyuan.regionsettings.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Role;
import org.zhiyuan.region.Regions;
import org.zhiyuan.regionsettings.OwnSettings;
import org.zhiyuan.regionsettings.RegionSettings;
import org.zhiyuan.regionsettings.RegionSettingsView;
import org.zhiyuan.regionsettings.ReviewRequirement;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
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
 * The settings page of a region for its operators: what applies and where it comes from,
 * and the form for the region's own settings, where an empty field inherits.
 */
@Controller
class RegionSettingsPageController {

	private final RegionSettings settings;

	private final Regions regions;

	RegionSettingsPageController(RegionSettings settings, Regions regions) {
		this.settings = settings;
		this.regions = regions;
	}

	/** The operator's own region first; a national operator starts at the nation. */
	@GetMapping("/regions/settings")
	String mine(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode) {
		String region = (regionCode != null && !regionCode.isBlank()) ? regionCode.strip()
				: actor.scopesOf(Role.OPERATOR).stream().sorted().findFirst().orElse(null);
		if (region == null || !this.regions.exists(region)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		return "redirect:/regions/" + region + "/settings";
	}

	@GetMapping("/regions/{code}/settings")
	String page(@AuthenticationPrincipal Actor actor, @PathVariable String code, Model model, Locale locale) {
		RegionSettingsView view = this.settings.view(actor, code);
		model.addAttribute("settings", view);
		Map<String, String> names = new HashMap<>();
		for (String region : Arrays.asList(view.regionCode(), view.activityReviewFrom(), view.starThresholdsFrom(),
				view.populationFrom(), view.timeBankCapFrom())) {
			if (region != null && !Regions.NATIONAL.equals(region)) {
				names.put(region, this.regions.fullName(region, locale));
			}
		}
		model.addAttribute("names", names);
		if (!model.containsAttribute("form")) {
			OwnSettings own = view.own();
			model.addAttribute("form",
					new Form((own.activityReview() != null) ? own.activityReview().name() : "",
							(own.starThresholds() != null)
									? own.starThresholds().stream().map(BigDecimal::toPlainString).toList()
									: List.of("", "", "", "", ""),
							(own.population() != null) ? own.population().toString() : "",
							(own.timeBankCap() != null) ? own.timeBankCap().toPlainString() : ""));
		}
		model.addAttribute("requirements", ReviewRequirement.values());
		return "regionsettings/settings";
	}

	@PostMapping("/regions/{code}/settings")
	String save(@AuthenticationPrincipal Actor actor, @PathVariable String code,
			@RequestParam(defaultValue = "") String activityReview,
			@RequestParam(name = "star", required = false) List<String> stars,
			@RequestParam(defaultValue = "") String population, @RequestParam(defaultValue = "") String timeBankCap,
			Model model, Locale locale, RedirectAttributes redirect) {
		List<String> typed = (stars != null) ? stars : List.of();
		Form form = new Form(activityReview, typed, population, timeBankCap);
		try {
			List<FieldProblem> problems = new ArrayList<>();
			ReviewRequirement review = activityReview.isBlank() ? null
					: Enums.parse(ReviewRequirement.class, activityReview, "activityReview", problems);
			List<BigDecimal> thresholds = null;
			if (typed.stream().anyMatch((s) -> s != null && !s.isBlank())) {
				thresholds = new ArrayList<>();
				for (String star : typed) {
					try {
						thresholds.add(new BigDecimal(star.strip()));
					}
					catch (NumberFormatException | NullPointerException ex) {
						problems.add(new FieldProblem("starThresholds", "validation.record.thresholds"));
						break;
					}
				}
			}
			Long people = null;
			if (!population.isBlank()) {
				try {
					people = Long.valueOf(population.strip());
				}
				catch (NumberFormatException ex) {
					problems
						.add(new FieldProblem("population", "validation.regionSettings.population", 2_000_000_000L));
				}
			}
			BigDecimal cap = null;
			if (!timeBankCap.isBlank()) {
				try {
					cap = new BigDecimal(timeBankCap.strip());
				}
				catch (NumberFormatException ex) {
					problems.add(new FieldProblem("timeBankCap", "validation.regionSettings.timeBankCap", "100000"));
				}
			}
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
			this.settings.update(actor, code, new OwnSettings(review, thresholds, people, cap));
		}
		catch (ProblemException ex) {
			if (ex.status() == 401 || ex.status() == 403 || ex.status() == 404) {
				throw ex;
			}
			PageActions.show(model, ex);
			model.addAttribute("form", form);
			return page(actor, code, model, locale);
		}
		redirect.addFlashAttribute("notice", "organization.saved");
		return "redirect:/regions/" + code + "/settings";
	}

	/** The form as typed: empty fields inherit. */
	record Form(String activityReview, List<String> stars, String population, String timeBankCap) {

		public Form {
			List<String> five = new ArrayList<>(stars);
			while (five.size() < 5) {
				five.add("");
			}
			stars = List.copyOf(five.subList(0, 5));
		}

	}

}
