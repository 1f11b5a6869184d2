package org.zhiyuan.apiclient.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Role;
import org.zhiyuan.apiclient.ApiClientView;
import org.zhiyuan.apiclient.ApiClients;
import org.zhiyuan.apiclient.ApiScope;
import org.zhiyuan.apiclient.IssuedClient;
import org.zhiyuan.apiclient.NewApiClient;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.PublicUrl;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operators' page of connected systems: the region's clients as cards, a form to
 * register one (scopes as checkboxes with what each opens, the region picked), the secret
 * shown once in the answer to registering or rotating (rendered at once, never kept in
 * the session), rotation and revocation after a second press, and each client's recent
 * calls.
 */
@Controller
class ApiClientPageController {

	private final ApiClients clients;

	private final Regions regions;

	private final PublicUrl publicUrl;

	ApiClientPageController(ApiClients clients, Regions regions, PublicUrl publicUrl) {
		this.clients = clients;
		this.regions = regions;
		this.publicUrl = publicUrl;
	}

	@GetMapping("/clients")
	String list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) Integer page, Model model, Locale locale) {
		String scope = (regionCode != null && this.regions.exists(regionCode)) ? regionCode
				: actor.scopesOf(Role.OPERATOR).stream().sorted().findFirst().orElse(Regions.NATIONAL);
		model.addAttribute("scope", scope);
		model.addAttribute("scopeName", this.regions.fullName(scope, locale));
		model.addAttribute("clients", this.clients.within(actor, scope, PageQuery.of(page, 20)));
		model.addAttribute("regions", this.regions);
		model.addAttribute("allScopes", Arrays.asList(ApiScope.values()));
		model.addAttribute("tokenUrl", this.publicUrl.base() + "/oauth2/token");
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new ClientForm("", List.of(), scope, UUID.randomUUID().toString()));
		}
		return "apiclient/clients";
	}

	@PostMapping("/clients")
	String register(@AuthenticationPrincipal Actor actor, @ModelAttribute("form") ClientForm form, Model model,
			Locale locale) {
		try {
			IssuedClient issued = this.clients.register(actor, new NewApiClient(form.name(),
					(form.scopes() != null) ? form.scopes() : List.of(), form.regionCode()),
					(form.key() != null && !form.key().isBlank()) ? form.key() : null);
			model.addAttribute("issued", issued);
			model.addAttribute("form", new ClientForm("", List.of(), form.regionCode(), UUID.randomUUID().toString()));
			return list(actor, issued.client().regionCode(), null, model, locale);
		}
		catch (ProblemException ex) {
			if (ex.fieldProblems().isEmpty()) {
				model.addAttribute("formError", ex.messageKey());
				model.addAttribute("formErrorArgs", ex.args());
			}
			model.addAttribute("formProblems", ex.fieldProblems());
			return list(actor, null, null, model, locale);
		}
	}

	@GetMapping("/clients/{id}")
	String client(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer page, Model model) {
		ApiClientView client = this.clients.find(actor, id);
		model.addAttribute("client", client);
		model.addAttribute("calls", this.clients.calls(actor, id, PageQuery.of(page, 20)));
		model.addAttribute("regions", this.regions);
		model.addAttribute("tokenUrl", this.publicUrl.base() + "/oauth2/token");
		return "apiclient/client";
	}

	@PostMapping("/clients/{id}/secret")
	String rotate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		IssuedClient issued = this.clients.rotate(actor, id);
		model.addAttribute("issued", issued);
		return client(actor, id, null, model);
	}

	@PostMapping("/clients/{id}/revocation")
	String revoke(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		ApiClientView client = this.clients.revoke(actor, id);
		redirect.addFlashAttribute("revokedName", client.name());
		return "redirect:/clients/" + id;
	}

	/** The register form; {@code key} makes a resubmitted form register nothing more. */
	record ClientForm(String name, List<String> scopes, String regionCode, String key) {

	}

}
