package org.zhiyuan.recommendation.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.zhiyuan.access.Actor;
import org.zhiyuan.recommendation.HomePoint;
import org.zhiyuan.recommendation.HomePoints;
import org.zhiyuan.recommendation.Recommendation;
import org.zhiyuan.recommendation.Recommendations;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A volunteer's recommendations, and the point near home they are measured from.
 */
@RestController
@Tag(name = "Needs and matching")
class RecommendationController {

	private final Recommendations recommendations;

	private final HomePoints homes;

	RecommendationController(Recommendations recommendations, HomePoints homes) {
		this.recommendations = recommendations;
		this.homes = homes;
	}

	@GetMapping("/api/v1/volunteers/me/recommendations")
	@Operation(summary = "Activities and needs the caller may actually take, best first, with the reasons",
			description = "Only activities with a position the caller could sign up for now (age, qualifications"
					+ " valid on its dates, gender, past service, no overlap with their accepted service), high-risk"
					+ " ones only under a policy covering every day, and needs dispatched to their organizations that"
					+ " do not overlap their accepted service. Reasons are in the language of Accept-Language.")
	RecommendationList mine(@AuthenticationPrincipal Actor actor,
			@Schema(minimum = "1", maximum = "50", defaultValue = "20") @RequestParam(required = false) Integer limit) {
		int n = (limit != null) ? limit : 20;
		if (n < 1 || n > Recommendations.MAX_LIMIT) {
			throw ProblemException.invalid(
					List.of(new FieldProblem("limit", "validation.recommendation.limit", Recommendations.MAX_LIMIT)));
		}
		return new RecommendationList(this.recommendations.forMe(actor, n, LocaleContextHolder.getLocale()));
	}

	@GetMapping("/api/v1/volunteers/me/home-point")
	@Operation(summary = "The point near home the caller's recommendations measure distance from",
			description = "set is false, and lat and lng empty, until they pick one")
	HomePointState homePoint(@AuthenticationPrincipal Actor actor) {
		return this.homes.mine(actor)
			.map((point) -> new HomePointState(true, point.lat(), point.lng()))
			.orElse(new HomePointState(false, null, null));
	}

	@PutMapping("/api/v1/volunteers/me/home-point")
	@Operation(summary = "Set the point near home (kept to about 100 m, sealed at rest, shown to nobody else)")
	HomePoint setHomePoint(@AuthenticationPrincipal Actor actor, @Valid @RequestBody HomePointRequest request) {
		return this.homes.set(actor, request.lat(), request.lng());
	}

	@DeleteMapping("/api/v1/volunteers/me/home-point")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Forget the point near home")
	ResponseEntity<Void> clearHomePoint(@AuthenticationPrincipal Actor actor) {
		this.homes.clear(actor);
		return ResponseEntity.noContent().build();
	}

	@Schema(name = "RecommendationList")
	record RecommendationList(@Schema(requiredMode = REQUIRED) List<Recommendation> items) {

	}

	@Schema(name = "HomePointState")
	record HomePointState(@Schema(requiredMode = REQUIRED) boolean set, Double lat, Double lng) {

	}

	@Schema(name = "HomePointRequest")
	record HomePointRequest(@Schema(requiredMode = REQUIRED, minimum = "-90", maximum = "90") Double lat,
			@Schema(requiredMode = REQUIRED, minimum = "-180", maximum = "180") Double lng) {

	}

}
