package org.zhiyuan.activity.web;

import java.util.List;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityReviews;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.ReviewDecision;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
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
 * The operators' review queue: the waiting activities of a region as cards, each opened
 * in full with approve and reject (with a reason), confirmed on a page of its own.
 */
@Controller
class ActivityReviewPageController {

	private final ActivityReviews reviews;

	private final Activities activities;

	ActivityReviewPageController(ActivityReviews reviews, Activities activities) {
		this.reviews = reviews;
		this.activities = activities;
	}

	@GetMapping("/activities/review")
	String queue(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) Integer page, Model model) {
		String region = (regionCode != null && !regionCode.isBlank()) ? regionCode.strip()
				: actor.readableRegions().stream().sorted().findFirst().orElse(null);
		if (region == null) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		model.addAttribute("regionCode", region);
		model.addAttribute("results", this.reviews.waiting(actor, region, PageQuery.of(page, 20)));
		return "activity/review-queue";
	}

	@GetMapping("/activities/{id}/review")
	String review(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		ActivityView activity = this.activities.view(actor, id);
		model.addAttribute("activity", activity);
		model.addAttribute("review", this.reviews.latest(id).orElse(null));
		model.addAttribute("mayReview", this.reviews.mayReview(actor, activity));
		return "activity/review";
	}

	/**
	 * The decision: first a page that names the activity and the consequence, then,
	 * confirmed, the decision itself.
	 */
	@PostMapping("/activities/{id}/review")
	String decide(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "false") boolean confirmed, Model model, RedirectAttributes redirect) {
		ActivityView activity = this.activities.view(actor, id);
		List<FieldProblem> problems = new java.util.ArrayList<>();
		ReviewDecision parsed = Enums.parse(ReviewDecision.class, decision, "decision", problems);
		if (parsed == ReviewDecision.REJECT && reason.isBlank()) {
			problems.add(new FieldProblem("reason", "validation.activity.rejectReason"));
		}
		if (parsed == null || !problems.isEmpty() || !confirmed) {
			model.addAttribute("activity", activity);
			model.addAttribute("review", this.reviews.latest(id).orElse(null));
			model.addAttribute("mayReview", this.reviews.mayReview(actor, activity));
			model.addAttribute("reason", reason);
			if (parsed == null && problems.isEmpty()) {
				problems.add(new FieldProblem("decision", "validation.required"));
			}
			model.addAttribute("problems", problems);
			if (problems.isEmpty()) {
				model.addAttribute("decision", parsed.name());
				return "activity/review-confirm";
			}
			return "activity/review";
		}
		PageActions.run(redirect, (parsed == ReviewDecision.APPROVE) ? "activity.review.approvedNotice"
				: "activity.review.rejectedNotice", () -> this.reviews.review(actor, id, parsed, reason));
		return "redirect:/activities/review";
	}

}
