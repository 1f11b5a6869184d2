package org.zhiyuan.volunteer.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.volunteer.HonourRollChoices;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A volunteer's say on the honour roll (光荣榜): through the API and the privacy section of
 * their profile page.
 */
@Controller
@Tag(name = "Volunteers")
class HonourRollController {

	private final HonourRollChoices choices;

	HonourRollController(HonourRollChoices choices) {
		this.choices = choices;
	}

	@GetMapping("/api/v1/me/honour-roll")
	@ResponseBody
	@Operation(summary = "Whether the caller agreed to be shown on the honour roll (a volunteer)")
	@ApiResponse(responseCode = "404", description = "VOLUNTEER_NOT_FOUND: the caller is not a volunteer")
	HonourRollChoice choice(@AuthenticationPrincipal Actor actor) {
		return new HonourRollChoice(this.choices.isShown(actor));
	}

	@PutMapping("/api/v1/me/honour-roll")
	@ResponseBody
	@Operation(summary = "Agree to be shown on the honour roll of one's region, or withdraw (a volunteer)",
			description = "Shown: the masked name, the star level and the counted hours, once the volunteer holds a"
					+ " star; never the number, the phone or the ID. Withdrawing takes effect at once.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: shown")
	@ApiResponse(responseCode = "404", description = "VOLUNTEER_NOT_FOUND: the caller is not a volunteer")
	HonourRollChoice choose(@AuthenticationPrincipal Actor actor, @RequestBody HonourRollChoice request) {
		if (request.shown() == null) {
			throw ProblemException.invalid(java.util.List.of(new FieldProblem("shown", "validation.required")));
		}
		return new HonourRollChoice(this.choices.choose(actor, request.shown()));
	}

	@PostMapping("/me/honour-roll")
	String choosePage(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "false") boolean shown,
			RedirectAttributes redirect) {
		PageActions.run(redirect, shown ? "honourRoll.page.shown" : "honourRoll.page.hidden",
				() -> this.choices.choose(actor, shown));
		return "redirect:/me?section=privacy";
	}

	/** Whether to be shown on the honour roll. */
	record HonourRollChoice(@Schema(requiredMode = REQUIRED) Boolean shown) {

	}

}
