package org.zhiyuan.story.web;

import java.util.Locale;
import java.util.UUID;

import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.web.ShareLinks;
import org.zhiyuan.story.ProjectShowcase;
import org.zhiyuan.story.Showcases;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public pages of publicity: a project's showcase and the volunteer oath, each with
 * its share card.
 */
@Controller
class PublicityPageController {

	private final Showcases showcases;

	private final Regions regions;

	private final ShareLinks shareLinks;

	private final MessageSource messages;

	PublicityPageController(Showcases showcases, Regions regions, ShareLinks shareLinks, MessageSource messages) {
		this.showcases = showcases;
		this.regions = regions;
		this.shareLinks = shareLinks;
		this.messages = messages;
	}

	@GetMapping("/projects/{id}/showcase")
	String showcase(@PathVariable UUID id, Model model, Locale locale) {
		ProjectShowcase showcase = this.showcases.of(id);
		model.addAttribute("sc", showcase);
		model.addAttribute("p", showcase.project());
		model.addAttribute("regionName", this.regions.fullName(showcase.project().regionCode(), locale));
		String description = (showcase.project().description() != null && !showcase.project().description().isBlank())
				? showcase.project().description() : this.messages.getMessage("showcase.share.description",
						new Object[] { showcase.organization().name() }, locale);
		model.addAttribute("share", this.shareLinks.card(showcase.project().name(), description,
				"/projects/" + id + "/showcase", null, "website"));
		return "story/showcase";
	}

	@GetMapping("/oath")
	String oath(Model model, Locale locale) {
		boolean english = Regions.isEnglish(locale);
		Locale other = english ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
		model.addAttribute("otherLang", english ? "zh-CN" : "en");
		model.addAttribute("otherText", this.messages.getMessage("oath.text", null, other));
		model.addAttribute("share", this.shareLinks.card(this.messages.getMessage("oath.page.title", null, locale),
				this.messages.getMessage("oath.text", null, locale), "/oath", null, "article"));
		return "story/oath";
	}

}
