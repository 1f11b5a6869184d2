package org.zhiyuan.activity.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivitySeries;
import org.zhiyuan.activity.Repeat;
import org.zhiyuan.activity.ActivityQuery;
import org.zhiyuan.activity.ActivityReviews;
import org.zhiyuan.activity.ActivityStatus;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.ApprovalMode;
import org.zhiyuan.activity.NewActivity;
import org.zhiyuan.activity.RecruitmentMode;
import org.zhiyuan.activity.RiskLevel;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.FormTimes;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.shared.identity.Gender;

import org.springframework.format.annotation.DateTimeFormat;
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
 * Activity pages: public search and detail (the recruitment notice), and the organizer's
 * form and actions.
 */
@Controller
class ActivityPageController {

	private final Activities activities;

	private final Organizations organizations;

	private final ActivityReviews reviews;

	private final ActivitySeries series;

	ActivityPageController(Activities activities, Organizations organizations, ActivityReviews reviews,
			ActivitySeries series) {
		this.reviews = reviews;
		this.series = series;
		this.activities = activities;
		this.organizations = organizations;
	}

	@GetMapping("/activities")
	String search(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String category,
			@RequestParam(required = false) String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lng,
			@RequestParam(required = false) Double radiusKm, @RequestParam(required = false) Integer page,
			Model model) {
		List<FieldProblem> problems = new ArrayList<>();
		ServiceField field = Enums.parse(ServiceField.class, category, "category", problems);
		String region = (regionCode != null && !regionCode.isBlank()) ? regionCode : null;
		model.addAttribute("regionCode", region);
		model.addAttribute("category", (field != null) ? field.name() : null);
		model.addAttribute("q", q);
		model.addAttribute("from", from);
		model.addAttribute("lat", lat);
		model.addAttribute("lng", lng);
		model.addAttribute("radiusKm", radiusKm);
		model.addAttribute("fields", ServiceField.values());
		model.addAttribute("results", this.activities
			.search(new ActivityQuery(region, field, q, from, null, lat, lng, radiusKm), PageQuery.of(page, 20)));
		return "activity/search";
	}

	@GetMapping("/activities/{id}")
	String detail(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String position, Model model) {
		ActivityView activity = this.activities.view(actor, id);
		model.addAttribute("activity", activity);
		// after a refused sign-up, the panel keeps the position the volunteer chose
		model.addAttribute("chosenPosition",
				activity.positions()
					.stream()
					.map((p) -> p.id().toString())
					.filter((p) -> p.equals(position))
					.findFirst()
					.orElse(null));
		model.addAttribute("isOrganizer", this.activities.isOrganizer(actor, activity));
		model.addAttribute("canManage", actor != null && this.activities.canManage(actor, activity));
		boolean reviewed = activity.status() == ActivityStatus.PENDING_REVIEW
				|| activity.status() == ActivityStatus.REJECTED;
		model.addAttribute("review", reviewed ? this.reviews.latest(id).orElse(null) : null);
		model.addAttribute("mayReview", actor != null && this.reviews.mayReview(actor, activity));
		return "activity/detail";
	}

	@GetMapping("/organizations/{id}/activities")
	String ofOrganization(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("organization", this.organizations.view(actor, id));
		model.addAttribute("activities",
				this.activities.ofOrganization(actor, id, PageQuery.of(0, PageQuery.MAX_SIZE)).items());
		model.addAttribute("isAdmin", this.organizations.isAdmin(actor, id));
		return "activity/of-organization";
	}

	@GetMapping("/organizations/{id}/activities/new")
	String newForm(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("organization", this.organizations.requireActive(actor, id));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", ActivityForm.empty());
		}
		return formPage(model);
	}

	@PostMapping("/organizations/{id}/activities")
	String create(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@ModelAttribute("form") ActivityForm form, Model model, RedirectAttributes redirect) {
		try {
			Repeat repeat = form.toRepeat();
			if (repeat != null) {
				this.series.create(actor, form.toNewActivity(id), repeat, false);
				redirect.addFlashAttribute("notice", "activity.series.created");
				return "redirect:/organizations/" + id + "/activities";
			}
			ActivityView created = this.activities.create(actor, form.toNewActivity(id));
			return "redirect:/activities/" + created.id();
		}
		catch (ProblemException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			model.addAttribute("organization", this.organizations.requireActive(actor, id));
			PageActions.show(model, ex);
			return formPage(model);
		}
	}

	/**
	 * The form for an activity that already took place offline (补录): the activity form
	 * without its sign-up settings, and the reason.
	 */
	@GetMapping("/organizations/{id}/activities/past")
	String pastForm(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("organization", this.organizations.requireActive(actor, id));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", ActivityForm.empty());
		}
		model.addAttribute("past", true);
		return formPage(model);
	}

	@PostMapping("/organizations/{id}/activities/past")
	String recordPast(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@ModelAttribute("form") ActivityForm form, @RequestParam(defaultValue = "") String reason, Model model) {
		try {
			ActivityView recorded = this.activities.recordPast(actor, form.toNewActivity(id), reason);
			return "redirect:/activities/" + recorded.id();
		}
		catch (ProblemException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			model.addAttribute("organization", this.organizations.requireActive(actor, id));
			model.addAttribute("past", true);
			model.addAttribute("reason", reason);
			PageActions.show(model, ex);
			return formPage(model);
		}
	}

	@GetMapping("/activities/{id}/edit")
	String editForm(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		ActivityView activity = this.activities.view(actor, id);
		if (!this.activities.isOrganizer(actor, activity)) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		model.addAttribute("activity", activity);
		return "activity/edit";
	}

	@PostMapping("/activities/{id}/edit")
	String edit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam java.util.Map<String, String> form, Model model, RedirectAttributes redirect) {
		ActivityView activity = this.activities.view(actor, id);
		List<FieldProblem> problems = new ArrayList<>();
		java.util.Map<UUID, Integer> capacities = new java.util.LinkedHashMap<>();
		for (ActivityView.PositionView position : activity.positions()) {
			String value = form.get("capacity-" + position.id());
			if (value != null && !value.isBlank()) {
				try {
					capacities.put(position.id(), Integer.valueOf(value.strip()));
				}
				catch (NumberFormatException ex) {
					problems.add(new FieldProblem("capacities", "validation.activity.capacity"));
				}
			}
		}
		OffsetDateTime starts = ActivityForm.time(form.get("startsAt"), "startsAt", problems);
		OffsetDateTime ends = ActivityForm.time(form.get("endsAt"), "endsAt", problems);
		OffsetDateTime deadline = ActivityForm.time(form.get("signupDeadline"), "signupDeadline", problems);
		// the map picker's point; blank keeps the place where it was
		Double lat = ActivityForm.number(form.get("lat"), "location", problems);
		Double lng = ActivityForm.number(form.get("lng"), "location", problems);
		if ((lat == null) != (lng == null)) {
			problems.add(new FieldProblem("location", "validation.location"));
		}
		Double geofence = ActivityForm.number(form.get("geofenceMeters"), "geofenceMeters", problems);
		try {
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
			this.activities.change(actor, id,
					new org.zhiyuan.activity.ActivityChange(form.get("title"), form.get("description"),
							form.get("address"), lat, lng, (geofence != null) ? geofence.intValue() : null, starts,
							ends, deadline, form.get("risksAndProtections"), null, null,
							capacities.isEmpty() ? null : capacities));
		}
		catch (ProblemException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			model.addAttribute("activity", activity);
			PageActions.show(model, ex);
			return "activity/edit";
		}
		redirect.addFlashAttribute("notice", "organization.saved");
		return "redirect:/activities/" + id;
	}

	/** Copies the activity into a new draft and opens it for editing. */
	@PostMapping("/activities/{id}/copy")
	String copy(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			ActivityView copy = this.series.copy(actor, id);
			redirect.addFlashAttribute("notice", "activity.copied");
			return "redirect:/activities/" + copy.id() + "/edit";
		}
		catch (ProblemException ex) {
			if (ex.status() == 403 || ex.status() == 404) {
				throw ex;
			}
			PageActions.flash(redirect, ex);
			return "redirect:/activities/" + id;
		}
	}

	@PostMapping("/activities/{id}/lifecycle")
	String lifecycle(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		PageActions.run(redirect, "organization.saved", () -> {
			switch (action) {
				case "publish" -> this.activities.publish(actor, id);
				case "cancel" -> this.activities.cancel(actor, id, reason);
				case "archive" -> this.activities.archive(actor, id);
				default -> throw ProblemException.invalid(List.of(new FieldProblem("action", "validation.required")));
			}
		});
		return "redirect:/activities/" + id;
	}

	private String formPage(Model model) {
		model.addAttribute("fields", ServiceField.values());
		model.addAttribute("modes", RecruitmentMode.values());
		model.addAttribute("genders", Gender.values());
		model.addAttribute("frequencies", Repeat.Frequency.values());
		model.addAttribute("maxOccurrences", Repeat.MAX_OCCURRENCES);
		return "activity/new";
	}

	/**
	 * The activity form as typed; up to five positions, blank rows ignored. Times are
	 * China time.
	 */
	record ActivityForm(String title, String description, String category, String regionCode, String address,
			String lat, String lng, String geofenceMeters, String startsAt, String endsAt, String signupDeadline,
			String approval, String waitlist, String riskLevel, String recruitmentMode, String timeBankEligible,
			String risksAndProtections, String contactName, String contactPhone, List<String> positionName,
			List<String> positionCapacity, List<String> positionMinAge, List<String> positionQualifications,
			List<String> positionStartsAt, List<String> positionEndsAt, List<String> positionGender,
			List<String> positionMinServices, List<String> positionMinHours, String repeatFrequency,
			String repeatCount) {

		static ActivityForm empty() {
			List<String> blank = List.of("", "", "");
			return new ActivityForm("", "", "COMMUNITY_SERVICE", "", "", "", "", "200", "", "", "", "AUTO", "on", "LOW",
					"REGULAR", "", "", "", "", blank, blank, blank, blank, blank, blank, blank, blank, blank, "", "");
		}

		/** The repeat rule, or {@code null} for a single activity. */
		Repeat toRepeat() {
			if (this.repeatFrequency == null || this.repeatFrequency.isBlank()) {
				return null;
			}
			List<FieldProblem> problems = new ArrayList<>();
			Repeat.Frequency frequency = Enums.parse(Repeat.Frequency.class, this.repeatFrequency, "repeat.frequency",
					problems);
			Double count = number(this.repeatCount, "repeat.count", problems);
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
			return new Repeat(frequency, (count != null) ? count.intValue() : null, null);
		}

		NewActivity toNewActivity(UUID organizationId) {
			List<FieldProblem> problems = new ArrayList<>();
			ServiceField field = Enums.parse(ServiceField.class, this.category, "category", problems);
			ApprovalMode mode = Enums.parse(ApprovalMode.class, this.approval, "approval", problems);
			RiskLevel risk = Enums.parse(RiskLevel.class, this.riskLevel, "riskLevel", problems);
			RecruitmentMode recruitment = Enums.parse(RecruitmentMode.class, this.recruitmentMode, "recruitmentMode",
					problems);
			Double parsedLat = number(this.lat, "location", problems);
			Double parsedLng = number(this.lng, "location", problems);
			Double geofence = number(this.geofenceMeters, "geofenceMeters", problems);
			OffsetDateTime starts = time(this.startsAt, "startsAt", problems);
			OffsetDateTime ends = time(this.endsAt, "endsAt", problems);
			OffsetDateTime deadline = time(this.signupDeadline, "signupDeadline", problems);
			List<NewActivity.NewPosition> positions = new ArrayList<>();
			int rows = (this.positionName != null) ? this.positionName.size() : 0;
			for (int i = 0; i < rows; i++) {
				String name = this.positionName.get(i);
				if (name == null || name.isBlank()) {
					continue;
				}
				Double capacity = number(at(this.positionCapacity, i), "positions[" + i + "].capacity", problems);
				Double minAge = number(at(this.positionMinAge, i), "positions[" + i + "].minAge", problems);
				String qualifications = at(this.positionQualifications, i);
				String at = "positions[" + i + "].";
				OffsetDateTime shiftStarts = time(at(this.positionStartsAt, i), at + "startsAt", problems);
				OffsetDateTime shiftEnds = time(at(this.positionEndsAt, i), at + "endsAt", problems);
				Gender gender = Enums.parse(Gender.class, at(this.positionGender, i), at + "gender", problems);
				Double minServices = number(at(this.positionMinServices, i), at + "minServices", problems);
				String minHours = at(this.positionMinHours, i);
				BigDecimal hours = null;
				if (minHours != null && !minHours.isBlank()) {
					try {
						hours = new BigDecimal(minHours.strip());
					}
					catch (NumberFormatException ex) {
						problems.add(new FieldProblem(at + "minHours", "validation.unreadableValue"));
					}
				}
				positions.add(new NewActivity.NewPosition(name, (capacity != null) ? capacity.intValue() : null,
						(minAge != null) ? minAge.intValue() : null, null,
						(qualifications != null && !qualifications.isBlank())
								? java.util.Arrays.stream(qualifications.split("[,，、]"))
									.map(String::strip)
									.filter((q) -> !q.isEmpty())
									.toList()
								: List.of(),
						shiftStarts, shiftEnds, gender, (minServices != null) ? minServices.intValue() : null, hours));
			}
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
			return new NewActivity(organizationId, null, this.title, this.description, field, this.regionCode,
					this.address, parsedLat, parsedLng, (geofence != null) ? geofence.intValue() : null, starts, ends,
					deadline, mode, "on".equals(this.waitlist), risk, recruitment, "on".equals(this.timeBankEligible),
					this.risksAndProtections, this.contactName, this.contactPhone, positions);
		}

		private static String at(List<String> values, int index) {
			return (values != null && index < values.size()) ? values.get(index) : null;
		}

		static Double number(String text, String field, List<FieldProblem> problems) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return Double.valueOf(text.strip());
			}
			catch (NumberFormatException ex) {
				problems.add(new FieldProblem(field, "validation.unreadableValue"));
				return null;
			}
		}

		static OffsetDateTime time(String text, String field, List<FieldProblem> problems) {
			return FormTimes.inChina(text, field, problems);
		}

	}

}
