package org.zhiyuan.webhook.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.webhook.CreatedWebhook;
import org.zhiyuan.webhook.NewWebhook;
import org.zhiyuan.webhook.WebhookEvent;
import org.zhiyuan.webhook.WebhookView;
import org.zhiyuan.webhook.Webhooks;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operators' webhook pages: {@code /webhooks}, the region's endpoints as cards with
 * the register form (the secret shown once, on the page that answers the registration or
 * a rotation), and {@code /webhooks/{id}}, an endpoint's delivery log with a replay
 * button per delivery.
 */
@Controller
class WebhookPageController {

	private static final PageQuery LATEST = PageQuery.of(0, 100);

	private final Webhooks webhooks;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	WebhookPageController(Webhooks webhooks, AccessPolicy accessPolicy, Regions regions) {
		this.webhooks = webhooks;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
	}

	@GetMapping("/webhooks")
	String list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode, Model model,
			Locale locale) {
		String region = (regionCode != null && !regionCode.isBlank()) ? regionCode.strip()
				: Webhooks.defaultRegion(actor);
		if (region == null) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		model.addAttribute("webhooks", this.webhooks.list(actor, region, LATEST));
		model.addAttribute("regionCode", region);
		model.addAttribute("regionName",
				Regions.NATIONAL.equals(region) ? null : this.regions.fullName(region, locale));
		model.addAttribute("events", Arrays.stream(WebhookEvent.values()).filter(WebhookEvent::subscribable).toList());
		boolean mayManage = this.accessPolicy.operates(actor, region);
		model.addAttribute("mayManage", mayManage);
		if (mayManage) {
			model.addAttribute("formKey", Ids.newId().toString());
			if (!model.containsAttribute("form")) {
				model.addAttribute("form", new Form("", List.of()));
			}
		}
		return "webhook/list";
	}

	/** Registers an endpoint and shows its secret, once, on the page that answers. */
	@PostMapping("/webhooks")
	String register(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
			@RequestParam(defaultValue = "") String url, @RequestParam(required = false) List<String> events,
			@RequestParam(required = false) String formKey, Model model, Locale locale) {
		List<String> chosen = (events != null) ? events : List.of();
		try {
			CreatedWebhook created = this.webhooks.create(actor, new NewWebhook(url, chosen, regionCode), formKey);
			model.addAttribute("secret", created.secret());
			model.addAttribute("secretFor", created.webhook());
			model.addAttribute("notice", "webhook.page.registered");
		}
		catch (ProblemException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			PageActions.show(model, ex);
			model.addAttribute("form", new Form(url, chosen));
		}
		return list(actor, regionCode, model, locale);
	}

	/** Rotates the secret and shows the new one, once. */
	@PostMapping("/webhooks/{id}/secret")
	String rotate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model, Locale locale) {
		CreatedWebhook rotated = this.webhooks.rotate(actor, id);
		model.addAttribute("secret", rotated.secret());
		model.addAttribute("secretFor", rotated.webhook());
		model.addAttribute("notice", "webhook.page.rotated");
		return list(actor, rotated.webhook().regionCode(), model, locale);
	}

	@PostMapping("/webhooks/{id}/{action:disable|enable|remove|test}")
	String act(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable String action,
			RedirectAttributes redirect) {
		WebhookView webhook = this.webhooks.view(actor, id);
		switch (action) {
			case "disable" ->
				PageActions.run(redirect, "webhook.page.disabledNow", () -> this.webhooks.setEnabled(actor, id, false));
			case "enable" ->
				PageActions.run(redirect, "webhook.page.enabledNow", () -> this.webhooks.setEnabled(actor, id, true));
			case "remove" -> PageActions.run(redirect, "webhook.page.removed", () -> this.webhooks.remove(actor, id));
			default -> PageActions.run(redirect, "webhook.page.pinged", () -> this.webhooks.ping(actor, id));
		}
		if ("test".equals(action)) {
			return "redirect:/webhooks/" + id;
		}
		redirect.addAttribute("regionCode", webhook.regionCode());
		return "redirect:/webhooks";
	}

	@GetMapping("/webhooks/{id}")
	String deliveries(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		WebhookView webhook = this.webhooks.view(actor, id);
		model.addAttribute("webhook", webhook);
		model.addAttribute("deliveries", this.webhooks.deliveries(actor, id, LATEST));
		model.addAttribute("mayManage", this.webhooks.manages(actor, webhook));
		return "webhook/deliveries";
	}

	@PostMapping("/webhooks/{id}/deliveries/{deliveryId}/replay")
	String replay(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID deliveryId,
			RedirectAttributes redirect) {
		PageActions.run(redirect, "webhook.page.replayed", () -> this.webhooks.replay(actor, id, deliveryId));
		return "redirect:/webhooks/" + id;
	}

	/** The register form, as typed. */
	record Form(String url, List<String> events) {

	}

}
