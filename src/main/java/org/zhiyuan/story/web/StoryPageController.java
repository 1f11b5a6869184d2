package org.zhiyuan.story.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.ProjectView;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.shared.web.ShareLinks;
import org.zhiyuan.story.NewStory;
import org.zhiyuan.story.Stories;
import org.zhiyuan.story.StoryReviews;
import org.zhiyuan.story.StoryView;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The story pages: the public list (cards with the first image) and article with its
 * share card, the writing form (organization, activity and project picked from lists)
 * with the images of the story, the author's list, and the operators' review queue.
 */
@Controller
class StoryPageController {

	private static final PageQuery LATEST = PageQuery.of(0, 100);

	private final Stories stories;

	private final StoryReviews reviews;

	private final Activities activities;

	private final Regions regions;

	private final ShareLinks shareLinks;

	private final MessageSource messages;

	StoryPageController(Stories stories, StoryReviews reviews, Activities activities, Regions regions,
			ShareLinks shareLinks, MessageSource messages) {
		this.messages = messages;
		this.stories = stories;
		this.reviews = reviews;
		this.activities = activities;
		this.regions = regions;
		this.shareLinks = shareLinks;
	}

	@GetMapping("/stories")
	String list(@RequestParam(required = false) String regionCode, @RequestParam(required = false) Integer page,
			Model model, Locale locale) {
		String region = (regionCode != null && !regionCode.isBlank() && this.regions.exists(regionCode.strip()))
				? regionCode.strip() : null;
		model.addAttribute("results", this.stories.published(region, PageQuery.of(page, 24)));
		model.addAttribute("regionCode", region);
		model.addAttribute("regionName", (region != null) ? this.regions.fullName(region, locale) : null);
		model.addAttribute("share",
				this.shareLinks.card(messageTitle(locale), messageIntro(locale), "/stories", null, "website"));
		return "story/list";
	}

	@GetMapping("/stories/{id}")
	String story(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model, Locale locale) {
		StoryView story = this.stories.view(actor, id);
		model.addAttribute("s", story);
		model.addAttribute("regionName", this.regions.fullName(story.regionCode(), locale));
		model.addAttribute("canEdit", actor != null && this.stories.canEdit(actor, story));
		model.addAttribute("canReview", actor != null && this.stories.canReview(actor, story));
		model.addAttribute("share", this.shareLinks.card(story.title(), story.summary(), "/stories/" + id,
				(story.cover() != null) ? story.cover().path() : null, "article"));
		return "story/detail";
	}

	@GetMapping("/stories/{id}/images/{imageId}")
	ResponseEntity<byte[]> image(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@PathVariable UUID imageId) {
		return StoryController.imageResponse(this.stories.image(actor, id, imageId));
	}

	@GetMapping("/me/stories")
	String mine(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("stories", this.stories.editable(actor, LATEST).items());
		model.addAttribute("canWrite",
				!this.stories.writableOrganizations(actor).isEmpty() || !this.stories.operatedRegions(actor).isEmpty());
		return "story/mine";
	}

	@GetMapping("/stories/new")
	String form(@AuthenticationPrincipal Actor actor, Model model) {
		if (!model.containsAttribute("form")) {
			List<OrganizationView> organizations = this.stories.writableOrganizations(actor);
			List<String> operated = this.stories.operatedRegions(actor);
			String organization = organizations.isEmpty() ? "" : organizations.get(0).id().toString();
			String region = (organizations.isEmpty() && !operated.isEmpty()
					&& !Regions.NATIONAL.equals(operated.get(0))) ? operated.get(0) : "";
			model.addAttribute("form", new StoryForm(organization, region, "", "", "", "", ""));
		}
		model.addAttribute("formKey", UUID.randomUUID().toString());
		return formPage(actor, null, model);
	}

	@PostMapping("/stories/new")
	String create(@AuthenticationPrincipal Actor actor, @ModelAttribute("form") StoryForm form,
			@RequestParam(required = false) String formKey, Model model, RedirectAttributes redirect) {
		try {
			StoryView created = this.stories.create(actor, form.toStory(), blankToNull(formKey));
			redirect.addFlashAttribute("notice", "story.page.saved");
			return "redirect:/stories/" + created.id() + "/edit";
		}
		catch (ProblemException ex) {
			if (ex.status() == 403 || ex.status() == 404) {
				throw ex;
			}
			PageActions.show(model, ex);
			model.addAttribute("formKey", formKey);
			return formPage(actor, null, model);
		}
	}

	@GetMapping("/stories/{id}/edit")
	String edit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		StoryView story = this.stories.view(actor, id);
		if (!this.stories.canEdit(actor, story)) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", StoryForm.of(story));
		}
		return formPage(actor, story, model);
	}

	@PostMapping("/stories/{id}/edit")
	String update(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @ModelAttribute("form") StoryForm form,
			Model model, RedirectAttributes redirect) {
		try {
			this.stories.update(actor, id, form.toStory());
			redirect.addFlashAttribute("notice", "story.page.saved");
			return "redirect:/stories/" + id + "/edit";
		}
		catch (ProblemException ex) {
			if (ex.status() == 403 || ex.status() == 404) {
				throw ex;
			}
			PageActions.show(model, ex);
			return formPage(actor, this.stories.view(actor, id), model);
		}
	}

	@PostMapping("/stories/{id}/images")
	String addImage(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
		PageActions.run(redirect, "story.page.imageAdded",
				() -> this.stories.addImage(actor, id, StoryController.bytesOf(file)));
		return "redirect:/stories/" + id + "/edit";
	}

	@PostMapping("/stories/{id}/images/{imageId}/remove")
	String removeImage(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID imageId,
			RedirectAttributes redirect) {
		PageActions.run(redirect, "story.page.imageRemoved", () -> this.stories.removeImage(actor, id, imageId));
		return "redirect:/stories/" + id + "/edit";
	}

	@PostMapping("/stories/{id}/submit")
	String submit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		PageActions.run(redirect, "story.page.submitted", () -> this.reviews.submit(actor, id));
		return "redirect:/stories/" + id;
	}

	@PostMapping("/stories/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		PageActions.run(redirect, "story.page.withdrawn", () -> this.reviews.withdraw(actor, id));
		return "redirect:/stories/" + id;
	}

	@GetMapping("/stories/review")
	String reviewQueue(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("stories", this.reviews.reviewQueue(actor, LATEST).items());
		return "story/review";
	}

	@PostMapping("/stories/{id}/review")
	String review(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect) {
		PageActions.run(redirect, "PUBLISH".equals(decision) ? "story.page.published" : "story.page.returned",
				() -> this.reviews.review(actor, id, decision, note));
		return "redirect:/stories/" + id;
	}

	@PostMapping("/stories/{id}/take-down")
	String takeDown(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		PageActions.run(redirect, "story.page.takenDown", () -> this.reviews.takeDown(actor, id, reason));
		return "redirect:/stories/" + id;
	}

	private String formPage(Actor actor, StoryView story, Model model) {
		List<OrganizationView> organizations = this.stories.writableOrganizations(actor);
		List<String> operated = this.stories.operatedRegions(actor);
		if (story == null && organizations.isEmpty() && operated.isEmpty()) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		List<Choice> activityChoices = new ArrayList<>();
		List<Choice> projectChoices = new ArrayList<>();
		List<UUID> organizationIds = (story != null)
				? ((story.organizationId() != null) ? List.of(story.organizationId()) : List.of())
				: organizations.stream().map(OrganizationView::id).toList();
		for (UUID organization : organizationIds) {
			for (ActivityView activity : this.activities.ofOrganization(actor, organization, PageQuery.of(0, 100))
				.items()) {
				activityChoices
					.add(new Choice(activity.id().toString(), activity.title(), activity.organizationName()));
			}
			for (ProjectView project : this.activities.projects(null, null, organization, null, PageQuery.of(0, 100))
				.items()) {
				projectChoices.add(new Choice(project.id().toString(), project.name(), project.organizationName()));
			}
		}
		boolean operatorStory = (story != null) ? story.organizationId() == null : organizations.isEmpty();
		if (operatorStory || (story == null && !operated.isEmpty())) {
			for (String region : operated) {
				for (ProjectView project : this.activities
					.projects(Regions.NATIONAL.equals(region) ? null : region, null, null, null, PageQuery.of(0, 100))
					.items()) {
					projectChoices.add(new Choice(project.id().toString(), project.name(), project.organizationName()));
				}
			}
		}
		model.addAttribute("story", story);
		model.addAttribute("organizations", (story == null) ? organizations : List.of());
		model.addAttribute("mayWriteForRegion", !operated.isEmpty());
		model.addAttribute("operatorStory", operatorStory);
		model.addAttribute("activityChoices", activityChoices);
		model.addAttribute("projectChoices", projectChoices.stream().distinct().toList());
		model.addAttribute("maxImages", Stories.MAX_IMAGES);
		return "story/form";
	}

	private String messageTitle(Locale locale) {
		return this.messages.getMessage("story.page.title", null, locale);
	}

	private String messageIntro(Locale locale) {
		return this.messages.getMessage("story.page.intro", null, locale);
	}

	private static String blankToNull(String text) {
		return (text != null && !text.isBlank()) ? text.strip() : null;
	}

	/** An activity or project to pick, with its organization's name. */
	record Choice(String id, String name, String organization) {

	}

	/** The story form as typed. */
	record StoryForm(String organizationId, String regionCode, String title, String summary, String body,
			String activityId, String projectId) {

		static StoryForm of(StoryView story) {
			return new StoryForm((story.organizationId() != null) ? story.organizationId().toString() : "",
					story.regionCode(), story.title(), story.summary(), story.body(),
					(story.activityId() != null) ? story.activityId().toString() : "",
					(story.projectId() != null) ? story.projectId().toString() : "");
		}

		NewStory toStory() {
			return new NewStory(this.organizationId, this.regionCode, this.title, this.summary, this.body,
					this.activityId, this.projectId);
		}

	}

}
