package org.zhiyuan.account.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Role;
import org.zhiyuan.account.AccountManagement;
import org.zhiyuan.account.NewStaff;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.ReturnPath;
import org.zhiyuan.shared.web.SignInFailure;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sign-in, the caller's own account (with password change), and staff management for
 * operators.
 */
@Controller
class AccountPageController {

	private final AccountManagement accounts;

	private final Regions regions;

	AccountPageController(AccountManagement accounts, Regions regions) {
		this.accounts = accounts;
		this.regions = regions;
	}

	/**
	 * The sign-in form; after a failed attempt (see {@link SignInFailure}) with the error
	 * next to the field and the username kept. {@code continue} is where to go back to,
	 * kept only when it is a path on this platform.
	 */
	@GetMapping("/login")
	String login(@RequestParam(name = ReturnPath.PARAMETER, required = false) String back,
			@RequestParam(required = false) String error, @RequestParam(required = false) String throttled,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		SignInFailure failure = (request.getAttribute(SignInFailure.ATTRIBUTE) instanceof SignInFailure failed) ? failed
				: null;
		if (failure == null && throttled != null) {
			failure = new SignInFailure("login.throttled", null, true);
		}
		else if (failure == null && error != null) {
			failure = new SignInFailure("login.error", null, false);
		}
		if (failure != null && failure.throttled() && request.getAttribute(SignInFailure.ATTRIBUTE) != null) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		}
		model.addAttribute("failure", failure);
		model.addAttribute("username", (failure != null) ? failure.username() : null);
		model.addAttribute("returnTo", ReturnPath.orNull(back));
		return "account/login";
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("account", this.accounts.find(actor.accountId()).orElseThrow());
		model.addAttribute("regions", this.regions);
		return "account/account";
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal Actor actor, @RequestParam String currentPassword,
			@RequestParam String newPassword, @RequestParam String confirmPassword, HttpSession session, Model model,
			RedirectAttributes redirect) {
		try {
			if (!newPassword.equals(confirmPassword)) {
				throw ProblemException
					.invalid(List.of(new FieldProblem("confirmPassword", "validation.confirmPassword")));
			}
			this.accounts.changePassword(actor, currentPassword, newPassword, session.getId());
		}
		catch (ProblemException ex) {
			model.addAttribute("passwordProblems", ex.fieldProblems());
			return account(actor, model);
		}
		redirect.addFlashAttribute("notice", "account.password.changed");
		return "redirect:/account";
	}

	@GetMapping("/staff")
	String staff(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) Integer page, Model model, Locale locale) {
		String scope = (regionCode != null) ? regionCode
				: actor.readableRegions().stream().findFirst().orElse(Regions.NATIONAL);
		model.addAttribute("scope", scope);
		model.addAttribute("scopeName", this.regions.fullName(scope, locale));
		model.addAttribute("staff", this.accounts.staffWithin(actor, scope, PageQuery.of(page, 20)));
		model.addAttribute("regions", this.regions);
		model.addAttribute("roles", List.of(Role.OPERATOR, Role.AUDITOR));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new StaffForm("", "", "", Role.OPERATOR, scope));
		}
		return "account/staff";
	}

	@PostMapping("/staff")
	String createStaff(@AuthenticationPrincipal Actor actor, @ModelAttribute("form") StaffForm form, Model model,
			RedirectAttributes redirect, Locale locale) {
		try {
			this.accounts.createStaff(actor,
					new NewStaff(form.username(), form.password(), form.displayName(), form.role(), form.regionCode()));
		}
		catch (ProblemException ex) {
			model.addAttribute("formProblems", ex.fieldProblems());
			model.addAttribute("formError", ex.messageKey());
			model.addAttribute("formErrorArgs", ex.args());
			return staff(actor, null, null, model, locale);
		}
		redirect.addFlashAttribute("notice", "staff.created");
		return "redirect:/staff?regionCode=" + form.regionCode();
	}

	record StaffForm(String username, String password, String displayName, Role role, String regionCode) {

	}

}
