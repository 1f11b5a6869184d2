package org.zhiyuan.organization.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.organization.ImportProgress;
import org.zhiyuan.organization.ImportRowResult;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.organization.VolunteerImports;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bulk import of volunteers from Excel, as API and pages: the template, the upload, the
 * progress (polled by the page) and the per-row report.
 */
@Controller
@Tag(name = "Organizations")
class ImportController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final VolunteerImports imports;

	private final Organizations organizations;

	private final MessageSource messages;

	ImportController(VolunteerImports imports, Organizations organizations, MessageSource messages) {
		this.imports = imports;
		this.organizations = organizations;
		this.messages = messages;
	}

	@GetMapping({ "/api/v1/organizations/import-template.xlsx", "/organizations/import-template.xlsx" })
	@Operation(summary = "The spreadsheet template for importing volunteers")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The file",
			content = @io.swagger.v3.oas.annotations.media.Content(
					mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
					schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
	ResponseEntity<byte[]> template() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		VolunteerImports.writeTemplate(out);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"volunteer-import-template.xlsx\"")
			.contentType(XLSX)
			.body(out.toByteArray());
	}

	@PostMapping(path = "/api/v1/organizations/{id}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseBody
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Upload a filled template; processed in the background (poll the returned import)",
			description = "consentConfirmed=true states that every person consented in writing to the privacy"
					+ " policy and took the volunteer oath.")
	ImportProgress upload(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "false") boolean consentConfirmed) throws IOException {
		return this.imports.start(actor, id, (file != null) ? file.getOriginalFilename() : null,
				(file != null) ? file.getBytes() : null, consentConfirmed);
	}

	@GetMapping("/api/v1/organizations/{id}/imports/{importId}")
	@ResponseBody
	@Operation(summary = "An import's progress and tallies")
	ImportProgress progress(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID importId) {
		return this.imports.progress(actor, id, importId);
	}

	@GetMapping("/api/v1/organizations/{id}/imports/{importId}/rows")
	@ResponseBody
	@Operation(summary = "The outcome of every row, with each failed row's problems in the caller's language")
	PageResult<RowView> rows(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID importId,
			@RequestParam(defaultValue = "false") boolean failedOnly, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.imports.rows(actor, id, importId, failedOnly, PageQuery.of(page, size))
			.map((row) -> RowView.of(row, this.messages, locale));
	}

	@GetMapping("/organizations/{id}/import")
	String importPage(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("organization", this.organizations.view(actor, id));
		model.addAttribute("imports", this.imports.recent(actor, id));
		return "organization/import";
	}

	@PostMapping("/organizations/{id}/import")
	String uploadPage(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "false") boolean consentConfirmed, RedirectAttributes redirect)
			throws IOException {
		try {
			ImportProgress started = this.imports.start(actor, id, (file != null) ? file.getOriginalFilename() : null,
					(file != null) ? file.getBytes() : null, consentConfirmed);
			return "redirect:/organizations/" + id + "/imports/" + started.id();
		}
		catch (ProblemException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			redirect.addFlashAttribute("problems", ex.fieldProblems());
			redirect.addFlashAttribute("error", ex.fieldProblems().isEmpty() ? ex.messageKey() : null);
			redirect.addFlashAttribute("errorArgs", ex.args());
			return "redirect:/organizations/" + id + "/import";
		}
	}

	@GetMapping("/organizations/{id}/imports/{importId}")
	String importStatusPage(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID importId,
			Model model) {
		model.addAttribute("organization", this.organizations.view(actor, id));
		fillProgress(actor, id, importId, model);
		return "organization/import-status";
	}

	@GetMapping("/organizations/{id}/imports/{importId}/progress")
	String progressFragment(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID importId,
			Model model) {
		model.addAttribute("organization", this.organizations.view(actor, id));
		fillProgress(actor, id, importId, model);
		return "organization/import-status :: progress";
	}

	private void fillProgress(Actor actor, UUID id, UUID importId, Model model) {
		ImportProgress progress = this.imports.progress(actor, id, importId);
		model.addAttribute("progress", progress);
		if (progress.finished()) {
			model.addAttribute("failedRows", this.imports.rows(actor, id, importId, true, PageQuery.of(0, 200)));
		}
	}

	/** A row of the report with its problems as readable messages. */
	record RowView(int rowNumber, String outcome, UUID volunteerId, List<Map<String, String>> errors) {

		static RowView of(ImportRowResult row, MessageSource messages, Locale locale) {
			return new RowView(row.rowNumber(), row.outcome().name(), row.volunteerId(),
					row.problems()
						.stream()
						.map((FieldProblem p) -> Map.of("field", p.field(), "message",
								messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)))
						.toList());
		}

	}

}
