package org.zhiyuan.certificate.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.certificate.CertificateNumbers;
import org.zhiyuan.certificate.CertificateRequest;
import org.zhiyuan.certificate.CertificateView;
import org.zhiyuan.certificate.Certificates;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.shared.web.TypedPerson;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.http.CacheControl;
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
 * Certificate pages: the volunteer's certificates with issue and download, the
 * organization's issued list with its seal, and the public verification page that the QR
 * code opens.
 */
@Controller
class CertificatePageController {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Certificates certificates;

	private final Organizations organizations;

	private final Volunteers volunteers;

	private final AccessPolicy accessPolicy;

	CertificatePageController(Certificates certificates, Organizations organizations, Volunteers volunteers,
			AccessPolicy accessPolicy) {
		this.certificates = certificates;
		this.organizations = organizations;
		this.volunteers = volunteers;
		this.accessPolicy = accessPolicy;
	}

	@GetMapping("/me/certificates")
	String mine(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("volunteer", this.volunteers.mine(actor));
		model.addAttribute("certificates", this.certificates.mine(actor, PageQuery.of(0, 100)));
		model.addAttribute("certifiers", this.certificates.certifiersOf(actor));
		LocalDate today = LocalDate.now(CHINA);
		model.addAttribute("today", today);
		model.addAttribute("defaultFrom", today.withDayOfYear(1));
		return "certificate/mine";
	}

	@PostMapping("/me/certificates")
	String issueMine(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String organizationId,
			@RequestParam(defaultValue = "false") boolean seal, @RequestParam(defaultValue = "zh") String language,
			RedirectAttributes redirect) {
		PageActions.run(redirect, "certificate.saved.issued", () -> {
			List<FieldProblem> problems = new ArrayList<>();
			LocalDate first = date("from", from, problems);
			LocalDate last = date("to", to, problems);
			UUID organization = uuid("organizationId", organizationId, problems);
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
			CertificateView issued = this.certificates.issue(actor,
					new CertificateRequest(this.volunteers.mine(actor).id(), first, last, organization, language, seal),
					null);
			redirect.addFlashAttribute("issuedNumber", issued.number());
		});
		return "redirect:/me/certificates";
	}

	@GetMapping("/certificates/{number}/pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal Actor actor, @PathVariable String number) {
		return CertificateController.pdfResponse(number, this.certificates.pdf(actor, number));
	}

	@PostMapping("/certificates/{number}/revoke")
	String revoke(@AuthenticationPrincipal Actor actor, @PathVariable String number,
			@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String organizationId,
			RedirectAttributes redirect) {
		PageActions.run(redirect, "certificate.saved.revoked", () -> this.certificates.revoke(actor, number, reason));
		UUID organization = uuid("organizationId", organizationId, new ArrayList<>());
		return (organization != null) ? "redirect:/organizations/" + organization + "/certificates"
				: "redirect:/me/certificates";
	}

	@GetMapping("/organizations/{id}/certificates")
	String ofOrganization(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		OrganizationView organization = this.organizations.find(id)
			.orElseThrow(() -> ProblemException.notFound("ORGANIZATION_NOT_FOUND", "organization.notFound"));
		model.addAttribute("organization", organization);
		model.addAttribute("certificates", this.certificates.ofOrganization(actor, id, PageQuery.of(0, 100)));
		boolean admin = this.organizations.isAdmin(actor, id);
		model.addAttribute("isAdmin", admin);
		model.addAttribute("isOperator", this.accessPolicy.operates(actor, organization.regionCode()));
		model.addAttribute("hasSeal", this.certificates.seal(actor, id).isPresent());
		LocalDate today = LocalDate.now(CHINA);
		model.addAttribute("today", today);
		model.addAttribute("defaultFrom", today.withDayOfYear(1));
		return "certificate/organization";
	}

	@PostMapping("/organizations/{id}/certificates")
	String issueForVolunteer(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID volunteerId, @RequestParam(defaultValue = "") String volunteerNumber,
			@RequestParam(name = TypedPerson.PARAMETER, required = false) String personText,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			@RequestParam(defaultValue = "false") boolean seal, @RequestParam(defaultValue = "zh") String language,
			RedirectAttributes redirect) {
		PageActions.run(redirect, "certificate.saved.issued", () -> {
			List<FieldProblem> problems = new ArrayList<>();
			LocalDate first = date("from", from, problems);
			LocalDate last = date("to", to, problems);
			// the people picker sends the id; a typed number is still understood
			UUID chosen = TypedPerson.resolve(volunteerId, personText, "volunteerId",
					(typed) -> this.organizations.pickMembers(actor, id, typed));
			UUID picked = (chosen != null) ? chosen
					: this.volunteers.findByNumber(volunteerNumber.strip()).map((v) -> v.id()).orElse(null);
			if (picked == null) {
				problems.add(new FieldProblem("volunteerId", "certificate.volunteerUnknown"));
			}
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
			CertificateView issued = this.certificates.issue(actor,
					new CertificateRequest(picked, first, last, id, language, seal), null);
			redirect.addFlashAttribute("issuedNumber", issued.number());
		});
		return "redirect:/organizations/" + id + "/certificates";
	}

	@PostMapping("/organizations/{id}/seal")
	String uploadSeal(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
		PageActions.run(redirect, "certificate.sealSaved",
				() -> this.certificates.uploadSeal(actor, id, CertificateController.bytesOf(file)));
		return "redirect:/organizations/" + id + "/certificates";
	}

	@PostMapping("/organizations/{id}/seal/remove")
	String removeSeal(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		PageActions.run(redirect, "certificate.sealRemoved", () -> this.certificates.removeSeal(actor, id));
		return "redirect:/organizations/" + id + "/certificates";
	}

	@GetMapping("/organizations/{id}/seal")
	ResponseEntity<byte[]> seal(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.certificates.seal(actor, id)
			.map((image) -> ResponseEntity.ok()
				.contentType(
						(image.length > 0 && (image[0] & 0xff) == 0x89) ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG)
				.cacheControl(CacheControl.noStore())
				.body(image))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping("/verify")
	String verifyForm(@RequestParam(required = false) String number, Model model) {
		if (number != null && !number.isBlank()) {
			return CertificateNumbers.normalize(number)
				.map((normalized) -> "redirect:/verify/" + normalized)
				.orElseGet(() -> {
					model.addAttribute("malformed", true);
					model.addAttribute("typed", number.strip());
					return "certificate/verify";
				});
		}
		return "certificate/verify";
	}

	@GetMapping("/verify/{number}")
	String verify(@PathVariable String number, Model model, HttpServletResponse response) {
		try {
			model.addAttribute("result", this.certificates.verification(number));
		}
		catch (ProblemException ex) {
			if (ex.status() != 404) {
				throw ex;
			}
			response.setStatus(404);
			model.addAttribute("notFound", true);
			model.addAttribute("typed", number);
		}
		return "certificate/verify";
	}

	@PostMapping("/verify")
	String verifyUpload(@RequestParam(required = false) MultipartFile file, Model model) {
		try {
			model.addAttribute("upload", this.certificates.checkUpload(CertificateController.bytesOf(file)));
		}
		catch (ProblemException ex) {
			model.addAttribute("actionError", ex.messageKey());
			model.addAttribute("actionArgs", ex.args());
			model.addAttribute("actionProblems", ex.fieldProblems());
		}
		return "certificate/verify";
	}

	private static LocalDate date(String field, String value, List<FieldProblem> problems) {
		if (value.isBlank()) {
			problems.add(new FieldProblem(field, "validation.required"));
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "validation.unreadableValue"));
			return null;
		}
	}

	private static UUID uuid(String field, String value, List<FieldProblem> problems) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem(field, "validation.unreadableValue"));
			return null;
		}
	}

}
