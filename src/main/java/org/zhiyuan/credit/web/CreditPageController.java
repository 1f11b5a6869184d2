package org.zhiyuan.credit.web;

import org.zhiyuan.access.Actor;
import org.zhiyuan.credit.Credits;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The volunteer's 我的志愿信用: the score, the formula with their numbers, the events. */
@Controller
class CreditPageController {

	private final Credits credits;

	CreditPageController(Credits credits) {
		this.credits = credits;
	}

	@GetMapping("/me/credit")
	String mine(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("credit", this.credits.mine(actor));
		return "credit/mine";
	}

}
