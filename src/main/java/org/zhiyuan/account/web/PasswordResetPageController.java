package org.zhiyuan.account.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.zhiyuan.account.PasswordReset;
import org.zhiyuan.account.PasswordReset.CodeSent;
import org.zhiyuan.account.PasswordResetThrottledException;
import org.zhiyuan.account.Passwords;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.ReturnPath;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 忘记密码 on the pages: the phone number, then the code sent to it with the new password
 * twice, then the sign-in form with the username filled in. Each step answers its POST
 * with the next page directly (no redirect), so that the number never travels in an
 * address and a signed-out visitor needs no session; {@code continue} is kept throughout.
 */
@Controller
class PasswordResetPageController {

	/**
	 * The code's field name on the page: {@code code} alone is the check-in code's label.
	 */
	private static final String CODE_FIELD = "resetCode";

	private final PasswordReset reset;

	PasswordResetPageController(PasswordReset reset) {
		this.reset = reset;
	}

	@GetMapping("/password-reset")
	String phoneStep(@RequestParam(name = ReturnPath.PARAMETER, required = false) String back, Model model) {
		model.addAttribute("returnTo", ReturnPath.orNull(back));
		return "account/password-reset";
	}

	@PostMapping("/password-reset")
	String sendCode(@RequestParam(required = false) String phone,
			@RequestParam(name = ReturnPath.PARAMETER, required = false) String back, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		model.addAttribute("returnTo", ReturnPath.orNull(back));
		model.addAttribute("phone", phone);
		CodeSent sent;
		try {
			sent = this.reset.sendCode(phone, request.getRemoteAddr());
		}
		catch (PasswordResetThrottledException ex) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader("Retry-After", Long.toString(ex.retryAfterSeconds()));
			model.addAttribute("throttled", ex);
			return "account/password-reset";
		}
		catch (ProblemException ex) {
			model.addAttribute("problems", ex.fieldProblems());
			return "account/password-reset";
		}
		model.addAttribute("sent", sent);
		return "account/password-reset-code";
	}

	/** The second step on its own, for a code that arrived earlier. */
	@GetMapping("/password-reset/code")
	String codeStep(@RequestParam(name = ReturnPath.PARAMETER, required = false) String back, Model model) {
		model.addAttribute("returnTo", ReturnPath.orNull(back));
		return "account/password-reset-code";
	}

	@PostMapping("/password-reset/code")
	String setNewPassword(@RequestParam(required = false) String phone, @RequestParam(required = false) String code,
			@RequestParam(required = false) String newPassword, @RequestParam(required = false) String confirmPassword,
			@RequestParam(name = ReturnPath.PARAMETER, required = false) String back, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String returnTo = ReturnPath.orNull(back);
		model.addAttribute("returnTo", returnTo);
		model.addAttribute("phone", phone);
		String username;
		try {
			if (!Objects.equals(newPassword, confirmPassword)) {
				// checked before the code, which must not be spent on a typing slip
				List<FieldProblem> problems = new ArrayList<>(Passwords.problems("newPassword", newPassword));
				problems.add(new FieldProblem("confirmPassword", "validation.confirmPassword"));
				throw ProblemException.invalid(problems);
			}
			username = this.reset.setNewPassword(phone, code, newPassword, request.getRemoteAddr());
		}
		catch (PasswordResetThrottledException ex) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader("Retry-After", Long.toString(ex.retryAfterSeconds()));
			model.addAttribute("throttled", ex);
			model.addAttribute("code", code);
			return "account/password-reset-code";
		}
		catch (ProblemException ex) {
			List<FieldProblem> problems = ex.fieldProblems()
				.stream()
				.map((p) -> "code".equals(p.field()) ? new FieldProblem(CODE_FIELD, p.messageKey(), p.args()) : p)
				.toList();
			model.addAttribute("problems", problems);
			if (problems.stream().noneMatch((p) -> CODE_FIELD.equals(p.field()))) {
				model.addAttribute("code", code);
			}
			return "account/password-reset-code";
		}
		model.addAttribute("username", username);
		model.addAttribute("notice", "passwordReset.done");
		return "account/login";
	}

}
