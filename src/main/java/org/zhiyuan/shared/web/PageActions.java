package org.zhiyuan.shared.web;

import org.zhiyuan.shared.ProblemException;

import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a page form's action ends, the same on every page: on success the next page shows
 * the notice; a client's mistake is shown there too, with every field problem; a refusal
 * (401, 403) goes to the error page.
 */
public final class PageActions {

	private PageActions() {
	}

	public static void run(RedirectAttributes redirect, String notice, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (ProblemException ex) {
			if (ex.status() == 401 || ex.status() == 403) {
				throw ex;
			}
			flash(redirect, ex);
		}
	}

	/**
	 * Shows a form's problem on the page that renders next: its field problems as
	 * {@code problems}, or else its message key as {@code error} with the key's arguments
	 * as {@code errorArgs}, which the page must pass on
	 * ({@code #messages.msgWithParams(error, errorArgs)}) lest a placeholder show.
	 */
	public static void show(Model model, ProblemException ex) {
		model.addAttribute("problems", ex.fieldProblems());
		model.addAttribute("error", ex.fieldProblems().isEmpty() ? ex.messageKey() : null);
		model.addAttribute("errorArgs", ex.args());
	}

	/**
	 * Carries a problem to the next page as {@code actionError}, its arguments and field
	 * problems. With field problems, the message says what to do: correct the fields
	 * marked (each next to its input).
	 */
	public static void flash(RedirectAttributes redirect, ProblemException ex) {
		redirect.addFlashAttribute("actionError",
				ex.fieldProblems().isEmpty() ? ex.messageKey() : FormFields.SUMMARY_KEY);
		redirect.addFlashAttribute("actionArgs", ex.args());
		redirect.addFlashAttribute("actionProblems", ex.fieldProblems());
	}

}
