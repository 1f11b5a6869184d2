package org.zhiyuan.credit.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.credit.CreditView;
import org.zhiyuan.credit.Credits;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Volunteer credit (志愿信用): the score, how it is made, and its events. */
@RestController
@Tag(name = "Time bank")
class CreditController {

	private final Credits credits;

	CreditController(Credits credits) {
		this.credits = credits;
	}

	@GetMapping("/api/v1/volunteers/{id}/credit")
	@Operation(summary = "A volunteer's credit (the volunteer; the operators and auditors of their region, audited)",
			description = "score = base (100) + servicePoints (one per counted service, at most 100) - 10 per"
					+ " no-show (an accepted place at an activity that ended three days ago or more, with neither"
					+ " a check-in nor a record) - 5 per late cancellation - 20 per upheld complaint; never below 0."
					+ " events: the latest of each kind (SERVICE, NO_SHOW, LATE_CANCELLATION, UPHELD_COMPLAINT),"
					+ " newest first.")
	CreditView credit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.credits.credit(actor, id);
	}

}
