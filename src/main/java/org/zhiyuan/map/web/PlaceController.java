package org.zhiyuan.map.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.map.Place;
import org.zhiyuan.map.Places;
import org.zhiyuan.shared.PageResult;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The place search of the map picker, for API clients (docs/maps.md). */
@RestController
@Tag(name = "Places")
class PlaceController {

	private final Places places;

	PlaceController(Places places) {
		this.places = places;
	}

	@GetMapping("/api/v1/places")
	@Operation(summary = "Places to put an activity at: earlier activities' places (the organization's own first,"
			+ " then the region's), then the configured geocoder's; one page of at most `size`")
	PageResult<Place> search(@AuthenticationPrincipal Actor actor, @Parameter(
			description = "Part of an address or an activity's title, at most 50 characters; blank: the most recent places") @RequestParam(
					required = false) String q,
			@Parameter(description = "The organization whose activity is being placed; its own places come first,"
					+ " its drafts' too for its admins") @RequestParam(required = false) UUID organizationId,
			@Parameter(description = "The region whose places come next") @RequestParam(
					required = false) String regionCode,
			@Parameter(
					description = "At most this many places, 1 to 20 (default 10); the answer is one page") @RequestParam(
							required = false) Integer size) {
		List<Place> found = this.places.search(actor, q, organizationId, regionCode, size,
				LocaleContextHolder.getLocale());
		return new PageResult<>(found, 0, (size != null) ? size : Places.DEFAULT_LIMIT, found.size());
	}

}
