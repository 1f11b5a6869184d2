package org.zhiyuan.training.web;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.shared.web.QrImages;
import org.zhiyuan.training.Courses;
import org.zhiyuan.training.Enrolments;
import org.zhiyuan.training.TrainingResults;
import org.zhiyuan.training.TrainingViews.SessionCode;
import org.zhiyuan.training.TrainingViews.SessionView;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A session's roster for the course's managers: the check-in code with its QR image,
 * results entered one by one or from the results sheet (with what became of each row),
 * and the sheet to fill in.
 */
@Controller
class SessionRosterPageController {

	private final Courses courses;

	private final Enrolments enrolments;

	private final TrainingResults results;

	SessionRosterPageController(Courses courses, Enrolments enrolments, TrainingResults results) {
		this.courses = courses;
		this.enrolments = enrolments;
		this.results = results;
	}

	@GetMapping("/training/sessions/{id}/roster")
	String roster(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		SessionView session = this.courses.session(id);
		model.addAttribute("courseSession", session);
		model.addAttribute("roster", this.enrolments.roster(actor, id, PageQuery.of(0, PageQuery.MAX_SIZE)));
		model.addAttribute("code", currentCode(actor, id));
		model.addAttribute("started", !session.startsAt().isAfter(OffsetDateTime.now()));
		return "training/roster";
	}

	/** The check-in code's card again, as the roster asks for it every half minute. */
	@GetMapping("/training/sessions/{id}/checkin-code")
	String code(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("courseSession", this.courses.session(id));
		model.addAttribute("code", currentCode(actor, id));
		return "training/roster :: checkinCode";
	}

	@PostMapping("/training/sessions/{id}/results")
	String result(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID volunteerId, @RequestParam(required = false) Boolean passed,
			RedirectAttributes redirect) {
		PageActions.run(redirect, "training.page.resultSaved",
				() -> this.results.enterResult(actor, id, volunteerId, passed));
		return "redirect:/training/sessions/" + id + "/roster";
	}

	/**
	 * The results sheet: each row saved or refused on its own, the report on the page.
	 */
	@PostMapping("/training/sessions/{id}/results/import")
	String importResults(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) MultipartFile file, Model model) {
		try {
			model.addAttribute("report", this.results.importResults(actor, id, TrainingController.bytesOf(file)));
		}
		catch (ProblemException ex) {
			if (ex.status() == 401 || ex.status() == 403 || ex.status() == 404) {
				throw ex;
			}
			PageActions.show(model, ex);
		}
		return roster(actor, id, model);
	}

	@GetMapping("/training/sessions/{id}/results-template.xlsx")
	ResponseEntity<byte[]> template(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return TrainingController.resultsTemplate(this.results, actor, id);
	}

	/** The session's current check-in code for its managers; none outside its time. */
	private SessionCode currentCode(Actor actor, UUID id) {
		try {
			return this.enrolments.issueCode(actor, id);
		}
		catch (ProblemException ex) {
			if (ex.status() == 401 || ex.status() == 403) {
				throw ex;
			}
			return null;
		}
	}

	/** The session's current check-in code as a QR image, for its managers only. */
	@GetMapping(path = "/training/sessions/{id}/checkin-qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> qr(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return QrImages.response(this.enrolments.issueCode(actor, id).code());
	}

}
