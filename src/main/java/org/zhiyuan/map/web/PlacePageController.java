package org.zhiyuan.map.web;

import java.util.List;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.map.Place;
import org.zhiyuan.map.Places;
import org.zhiyuan.shared.ProblemException;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The place search of the map picker on the pages: the matches as buttons that the
 * picker's script turns into the chosen point ({@code fragments/map :: placeMatches}).
 */
@Controller
class PlacePageController {

	private final Places places;

	PlacePageController(Places places) {
		this.places = places;
	}

	@GetMapping("/places/matches")
	String matches(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q,
			@RequestParam(required = false) String organizationId, @RequestParam(required = false) String regionCode,
			Model model) {
		List<Place> found;
		try {
			found = this.places.search(actor, q, uuidOrNull(organizationId), regionCode, null,
					LocaleContextHolder.getLocale());
		}
		catch (ProblemException ex) {
			// a picker's search box is not a form: too long a text just finds nothing
			found = List.of();
			model.addAttribute("problem", ex.fieldProblems().isEmpty() ? null : ex.fieldProblems().get(0));
		}
		model.addAttribute("places", found);
		model.addAttribute("searched", q != null && !q.isBlank());
		return "fragments/map :: placeMatches";
	}

	private static UUID uuidOrNull(String text) {
		try {
			return (text != null && !text.isBlank()) ? UUID.fromString(text.strip()) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
