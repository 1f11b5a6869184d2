package org.zhiyuan.interop.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.zhiyuan.access.Actor;
import org.zhiyuan.interop.ImportOutcome;
import org.zhiyuan.interop.NewPeer;
import org.zhiyuan.interop.Peers;
import org.zhiyuan.interop.RecordImports;
import org.zhiyuan.interop.TransferPackages;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.PageActions;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of records that travel: the volunteer downloads their package and imports one
 * (file or pasted text) with the result or the error beside the field; national and
 * province operators keep the list of installations this one trusts.
 */
@Controller
class TransferPageController {

	private final TransferPackages packages;

	private final RecordImports imports;

	private final Peers peers;

	TransferPageController(TransferPackages packages, RecordImports imports, Peers peers) {
		this.packages = packages;
		this.imports = imports;
		this.peers = peers;
	}

	/** The caller's package as a file download. */
	@GetMapping("/me/transfer-package")
	ResponseEntity<String> download(@AuthenticationPrincipal Actor actor) {
		return TransferController.download(this.packages.exportMine(actor));
	}

	/**
	 * The volunteer moves their time-bank hours out (all of them when the hours are left
	 * blank), having confirmed that they leave the balance here, and downloads the
	 * package that carries them; a refusal goes back to the time bank page with the
	 * problem beside the field.
	 */
	@PostMapping("/me/time-bank/transfer-out")
	ResponseEntity<String> moveTimeBankOut(@AuthenticationPrincipal Actor actor,
			@RequestParam(defaultValue = "") String hours, @RequestParam(required = false) String confirm,
			@RequestParam(required = false) String formKey, HttpServletRequest request, HttpServletResponse response) {
		List<FieldProblem> problems;
		try {
			BigDecimal amount = null;
			if (!hours.isBlank()) {
				try {
					amount = new BigDecimal(hours.strip());
				}
				catch (NumberFormatException ex) {
					amount = BigDecimal.ZERO;
				}
			}
			if (!"yes".equals(confirm)) {
				throw ProblemException
					.invalid(List.of(new FieldProblem("confirm", "interop.timeBankOut.confirmRequired")));
			}
			return TransferController.download(this.packages.moveTimeBankOutMine(actor, amount, formKey));
		}
		catch (ProblemException ex) {
			if (ex.status() == 401 || ex.status() == 403 || ex.status() == 404) {
				throw ex;
			}
			problems = ex.fieldProblems().isEmpty() ? List.of(new FieldProblem("hours", ex.messageKey(), ex.args()))
					: ex.fieldProblems();
		}
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		flash.put("transferOutProblems", problems);
		flash.put("transferOutHours", (hours.length() <= 20) ? hours : "");
		RequestContextUtils.saveOutputFlashMap(request.getContextPath() + "/me/time-bank", request, response);
		return ResponseEntity.status(HttpStatus.SEE_OTHER)
			.location(URI.create(request.getContextPath() + "/me/time-bank#transfer-out"))
			.build();
	}

	@GetMapping("/me/record-imports")
	String importPage(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("issuer", this.packages.issuer());
		if (!model.containsAttribute("pasted")) {
			model.addAttribute("pasted", "");
		}
		return "interop/import";
	}

	@PostMapping("/me/record-imports")
	String importPackage(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) MultipartFile file,
			@RequestParam(name = "package", required = false) String pasted, Model model) {
		String token = (pasted != null) ? pasted.strip() : "";
		try {
			if (file != null && !file.isEmpty()) {
				if (file.getSize() > RecordImports.MAX_PACKAGE) {
					throw ProblemException.invalid(List.of(new FieldProblem("package", "validation.interop.package")));
				}
				token = new String(file.getBytes(), StandardCharsets.UTF_8).strip();
			}
			ImportOutcome outcome = this.imports.importPackage(actor, token);
			model.addAttribute("outcome", outcome);
		}
		catch (ProblemException ex) {
			if (ex.status() == 401 || ex.status() == 403 || ex.status() == 404) {
				throw ex;
			}
			// the package is one field: every refusal is shown beside it
			model.addAttribute("problems", ex.fieldProblems().isEmpty()
					? List.of(new FieldProblem("package", ex.messageKey(), ex.args())) : ex.fieldProblems());
			model.addAttribute("pasted", (pasted != null && pasted.length() <= 20_000) ? pasted : "");
		}
		catch (IOException ex) {
			model.addAttribute("problems", List.of(new FieldProblem("package", "validation.interop.package")));
		}
		return importPage(actor, model);
	}

	@GetMapping("/interop/peers")
	String peersPage(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("peers", this.peers.list(actor));
		model.addAttribute("issuer", this.packages.issuer());
		if (!model.containsAttribute("peer")) {
			model.addAttribute("peer", new PeerForm("", "", ""));
		}
		return "interop/peers";
	}

	@PostMapping("/interop/peers")
	String addPeer(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String baseUrl, @RequestParam(defaultValue = "") String jwks, Model model,
			RedirectAttributes redirect) {
		try {
			this.peers.register(actor, new NewPeer(name, baseUrl, jwks));
			redirect.addFlashAttribute("notice", "interop.peers.added");
			return "redirect:/interop/peers";
		}
		catch (ProblemException ex) {
			if (ex.status() == 401 || ex.status() == 403) {
				throw ex;
			}
			if (ex.fieldProblems().isEmpty()) {
				model.addAttribute("problems", List.of(new FieldProblem("baseUrl", ex.messageKey(), ex.args())));
			}
			else {
				PageActions.show(model, ex);
			}
			model.addAttribute("peer", new PeerForm(name, baseUrl, (jwks.length() <= 20_000) ? jwks : ""));
			return peersPage(actor, model);
		}
	}

	@PostMapping("/interop/peers/{id}/remove")
	String removePeer(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		PageActions.run(redirect, "interop.peers.removed", () -> this.peers.revoke(actor, id));
		return "redirect:/interop/peers";
	}

	/** The add form, as typed. */
	record PeerForm(String name, String baseUrl, String jwks) {

	}

}
