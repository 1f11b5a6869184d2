package org.zhiyuan.emergency.web;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Role;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 应急志愿服务, the emergency pages' landing page: each signed-in person sees the cards of the
 * emergency pages open to them — a volunteer their emergency profile, the operators and
 * auditors of a region its emergency teams.
 */
@Controller
class EmergencyHubPageController {

	@GetMapping("/emergency")
	String hub(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("volunteer", actor.has(Role.VOLUNTEER));
		model.addAttribute("overseer", !actor.readableRegions().isEmpty());
		model.addAttribute("operator", actor.has(Role.OPERATOR));
		return "emergency/hub";
	}

}
