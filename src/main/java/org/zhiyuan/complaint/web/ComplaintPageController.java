package org.zhiyuan.complaint.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.complaint.ComplaintAttachments;
import org.zhiyuan.complaint.ComplaintCategory;
import org.zhiyuan.complaint.ComplaintStatus;
import org.zhiyuan.complaint.ComplaintView;
import org.zhiyuan.complaint.Complaints;
import org.zhiyuan.complaint.NewComplaint;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.FormFields;
import org.zhiyuan.shared.web.PageActions;

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
 * The pages of complaints: the report form reached from an organization's or an
 * activity's page, the complainant's list and detail with the timeline, and the
 * operators' list of their region (by status, overdue ones marked) and detail with the
 * forms that assign, start the investigation and resolve.
 */
@Controller
class ComplaintPageController {

	private static final PageQuery LATEST = PageQuery.of(0, 100);

	private final Complaints complaints;

	private final ComplaintAttachments attachments;

	private final Regions regions;

	ComplaintPageController(Complaints complaints, ComplaintAttachments attachments, Regions regions) {
		this.complaints = complaints;
		this.attachments = attachments;
		this.regions = regions;
	}

	@GetMapping("/complaints/new")
	String form(@AuthenticationPrincipal Actor actor, @RequestParam String subjectType, @RequestParam UUID subjectId,
			Model model) {
		model.addAttribute("subjectName", this.complaints.subjectName(subjectType, subjectId));
		model.addAttribute("subjectType", subjectType.strip().toUpperCase(Locale.ROOT));
		model.addAttribute("subjectId", subjectId);
		model.addAttribute("categories", ComplaintCategory.values());
		model.addAttribute("anonymous", actor == null);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new ReportForm("", "", "", ""));
		}
		model.addAttribute("formKey", UUID.randomUUID().toString());
		return "complaint/new";
	}

	/**
	 * Files the report with its evidence: the files are checked before anything is
	 * stored, so a bad file changes nothing. A signed-in complainant goes on to the
	 * report; an anonymous visitor to a page that shows the tracking code once.
	 */
	@PostMapping("/complaints/new")
	String file(@AuthenticationPrincipal Actor actor, @RequestParam String subjectType, @RequestParam UUID subjectId,
			@RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String description,
			@RequestParam(defaultValue = "") String contactPhone, @RequestParam(defaultValue = "") String contactName,
			@RequestParam(required = false) List<MultipartFile> files, @RequestParam(required = false) String formKey,
			Model model, RedirectAttributes redirect) {
		try {
			List<MultipartFile> evidence = (files != null) ? files.stream().filter((f) -> !f.isEmpty()).toList()
					: List.of();
			this.attachments.check(evidence.stream().map(ComplaintPageController::bytes).toList());
			ComplaintView filed = this.complaints.file(actor, new NewComplaint(subjectType, subjectId.toString(),
					category, description, contactPhone, (actor == null) ? contactName : null), formKey);
			if (filed.attachments().isEmpty()) { // not a repeat of a report sent already
				for (MultipartFile file : evidence) {
					this.attachments.attach(actor, filed.id(), filed.trackingCode(), file.getOriginalFilename(),
							bytes(file));
				}
			}
			redirect.addFlashAttribute("notice", "complaint.page.filed");
			if (actor == null) {
				redirect.addFlashAttribute("trackingCode", filed.trackingCode());
				return "redirect:/complaints/filed";
			}
			return "redirect:/me/complaints/" + filed.id();
		}
		catch (ProblemException ex) {
			if (ex.status() == 403 || ex.status() == 404) {
				throw ex;
			}
			PageActions.show(model, ex);
			model.addAttribute("form", new ReportForm(category, description, contactPhone, contactName));
			return form(actor, subjectType, subjectId, model);
		}
	}

	/**
	 * The tracking code of the report just filed, shown once (a reload shows the way
	 * back).
	 */
	@GetMapping("/complaints/filed")
	String filed() {
		return "complaint/filed";
	}

	@GetMapping("/complaints/track")
	String trackForm(Model model) {
		model.addAttribute("trackingCode", "");
		return "complaint/track";
	}

	/** An anonymous report, found by its tracking code (kept out of the address). */
	@PostMapping("/complaints/track")
	String track(@RequestParam(defaultValue = "") String trackingCode, Model model) {
		try {
			model.addAttribute("c", this.complaints.track(trackingCode));
			model.addAttribute("handling", false);
			model.addAttribute("trackingCode", trackingCode.strip());
			return "complaint/detail";
		}
		catch (ProblemException ex) {
			if (ex.status() == 404) {
				ex = ProblemException.invalid(List.of(new FieldProblem("trackingCode", "complaint.page.trackUnknown")));
			}
			PageActions.show(model, ex);
			model.addAttribute("trackingCode", trackingCode);
			return "complaint/track";
		}
	}

	/** More evidence for an anonymous report, with its tracking code. */
	@PostMapping("/complaints/track/attachments")
	String attachTracked(@RequestParam(defaultValue = "") String trackingCode,
			@RequestParam(required = false) MultipartFile file, Model model) {
		try {
			ComplaintView tracked = this.complaints.track(trackingCode);
			model.addAttribute("c", this.attachments.attach(null, tracked.id(), trackingCode,
					(file != null) ? file.getOriginalFilename() : null, bytes(file)));
			model.addAttribute("notice", "complaint.page.attached");
		}
		catch (ProblemException ex) {
			if (ex.status() == 403 || ex.status() == 404 || "trackingCode".equals(firstField(ex))) {
				return track(trackingCode, model);
			}
			// shown as a redirected action's problem would be, above the report and
			// beside the file
			model.addAttribute("actionError", ex.fieldProblems().isEmpty() ? ex.messageKey() : FormFields.SUMMARY_KEY);
			model.addAttribute("actionArgs", ex.args());
			model.addAttribute("actionProblems", ex.fieldProblems());
			model.addAttribute("c", this.complaints.track(trackingCode));
		}
		model.addAttribute("handling", false);
		model.addAttribute("trackingCode", trackingCode.strip());
		return "complaint/detail";
	}

	@PostMapping("/me/complaints/{id}/attachments")
	String attach(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
		PageActions.run(redirect, "complaint.page.attached", () -> this.attachments.attach(actor, id, null,
				(file != null) ? file.getOriginalFilename() : null, bytes(file)));
		return "redirect:/me/complaints/" + id;
	}

	@GetMapping("/complaints/{id}/attachments/{position}")
	ResponseEntity<byte[]> attachment(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@PathVariable int position) {
		return ComplaintController.served(this.attachments.file(actor, id, position, null));
	}

	private static String firstField(ProblemException ex) {
		return ex.fieldProblems().isEmpty() ? null : ex.fieldProblems().get(0).field();
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return (file != null) ? file.getBytes() : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/me/complaints")
	String mine(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("complaints", this.complaints.mine(actor, LATEST));
		return "complaint/mine";
	}

	@GetMapping("/me/complaints/{id}")
	String myComplaint(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		ComplaintView complaint = this.complaints.view(actor, id);
		if (!actor.accountId().equals(complaint.complainantId())) {
			return "redirect:/complaints/" + id;
		}
		model.addAttribute("c", complaint);
		model.addAttribute("handling", false);
		return "complaint/detail";
	}

	@GetMapping("/complaints")
	String ofRegion(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String status, Model model, Locale locale) {
		String region = actor.regionOrFirstReadable(regionCode);
		ComplaintStatus chosen = Enums.parse(ComplaintStatus.class, status, "status", new java.util.ArrayList<>());
		model.addAttribute("complaints", this.complaints.ofRegion(actor, region, chosen, false, LATEST));
		model.addAttribute("regionCode", region);
		model.addAttribute("regionName",
				Regions.NATIONAL.equals(region) ? null : this.regions.fullName(region, locale));
		model.addAttribute("status", (chosen != null) ? chosen.name() : "");
		model.addAttribute("statuses", ComplaintStatus.values());
		return "complaint/region";
	}

	@GetMapping("/complaints/{id}")
	String complaint(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		ComplaintView complaint = this.complaints.view(actor, id);
		model.addAttribute("c", complaint);
		model.addAttribute("handling", !actor.accountId().equals(complaint.complainantId()));
		return "complaint/detail";
	}

	@PostMapping("/complaints/{id}/assign")
	String assign(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		PageActions.run(redirect, "complaint.page.assigned",
				() -> this.complaints.assign(actor, id, actor.accountId().toString()));
		return "redirect:/complaints/" + id;
	}

	@PostMapping("/complaints/{id}/investigate")
	String investigate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		PageActions.run(redirect, "complaint.page.investigating", () -> this.complaints.investigate(actor, id));
		return "redirect:/complaints/" + id;
	}

	@PostMapping("/complaints/{id}/resolve")
	String resolve(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String note,
			@RequestParam(required = false) String confirmed, RedirectAttributes redirect) {
		PageActions.run(redirect, "complaint.page.resolved", () -> {
			if (!"true".equals(confirmed)) {
				throw ProblemException.invalid(List.of(new FieldProblem("confirmed", "complaint.page.confirm")));
			}
			this.complaints.resolve(actor, id, outcome, note);
		});
		return "redirect:/complaints/" + id;
	}

	/** The report form as typed. */
	record ReportForm(String category, String description, String contactPhone, String contactName) {

	}

}
