package org.zhiyuan.activity.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityChange;
import org.zhiyuan.activity.ActivityPageContributor;
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
import org.zhiyuan.shared.web.ShareLinks;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.shared.identity.Gender;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
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

	private final ShareLinks shareLinks;

	private final List<ActivityPageContributor> contributors;

	ActivityPageController(Activities activities, Organizations organizations, ActivityReviews reviews,
			ActivitySeries series, ShareLinks shareLinks, List<ActivityPageContributor> contributors) {
		this.shareLinks = shareLinks;
		this.contributors = contributors;
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
		model.addAttribute("share", this.shareLinks.card(activity.title(),
				activity.organizationName() + " · " + activity.description(), "/activities/" + id, null, "website"));
		model.addAttribute("activityParts",
				this.contributors.stream().flatMap((c) -> c.partFor(actor, activity).stream()).toList());
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
			PageActions.show(model, form.onRows(ex));
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
			PageActions.show(model, form.onRows(ex));
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
		model.addAttribute("genders", Gender.values());
		return "activity/edit";
	}

	@PostMapping("/activities/{id}/edit")
	String edit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam java.util.Map<String, String> form, @RequestParam MultiValueMap<String, String> values,
			Model model, RedirectAttributes redirect) {
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
		List<Integer> shown = new ArrayList<>();
		List<ActivityChange.Requirements> requirements = requirementsOf(activity, values, shown, problems);
		try {
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
			this.activities.change(actor, id,
					new ActivityChange(form.get("title"), form.get("description"), form.get("address"), lat, lng,
							(geofence != null) ? geofence.intValue() : null, starts, ends, deadline,
							form.get("risksAndProtections"), null, null, capacities.isEmpty() ? null : capacities,
							requirements.isEmpty() ? null : requirements));
		}
		catch (ProblemException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			model.addAttribute("activity", activity);
			model.addAttribute("typed", values);
			model.addAttribute("genders", Gender.values());
			PageActions.show(model, renumbered(ex, "requirements", shown));
			return "activity/edit";
		}
		redirect.addFlashAttribute("notice", "organization.saved");
		return "redirect:/activities/" + id;
	}

	/**
	 * The requirements of the positions the form shows (each marked by a
	 * {@code requirements-<id>} field), in the activity's order; {@code shown} gets the
	 * index of each, which problems are named after ({@code requirements[1].minAge}).
	 */
	private static List<ActivityChange.Requirements> requirementsOf(ActivityView activity,
			MultiValueMap<String, String> form, List<Integer> shown, List<FieldProblem> problems) {
		List<ActivityChange.Requirements> requirements = new ArrayList<>();
		for (int j = 0; j < activity.positions().size(); j++) {
			ActivityView.PositionView position = activity.positions().get(j);
			String of = "-" + position.id();
			if (form.getFirst("requirements" + of) == null) {
				continue;
			}
			String at = "requirements[" + j + "].";
			Double minAge = ActivityForm.number(form.getFirst("minAge" + of), at + "minAge", problems);
			Double maxAge = ActivityForm.number(form.getFirst("maxAge" + of), at + "maxAge", problems);
			Gender gender = Enums.parse(Gender.class, form.getFirst("gender" + of), at + "gender", problems);
			Double minServices = ActivityForm.number(form.getFirst("minServices" + of), at + "minServices", problems);
			BigDecimal minHours = ActivityForm.decimal(form.getFirst("minHours" + of), at + "minHours", problems);
			Double minCredit = ActivityForm.number(form.getFirst("minCreditScore" + of), at + "minCreditScore",
					problems);
			List<String> qualifications = form.getOrDefault("qualifications" + of, List.of());
			shown.add(j);
			requirements.add(new ActivityChange.Requirements(position.id(), (minAge != null) ? minAge.intValue() : null,
					(maxAge != null) ? maxAge.intValue() : null, gender,
					(minServices != null) ? minServices.intValue() : null, minHours, qualifications,
					(minCredit != null) ? minCredit.intValue() : null));
		}
		return requirements;
	}

	/**
	 * The problem with the elements of a list named after the form's places: the
	 * {@code k}th element the form sent is the one at {@code indexes.get(k)} on the page.
	 */
	static ProblemException renumbered(ProblemException ex, String list, List<Integer> indexes) {
		if (ex.fieldProblems().isEmpty()) {
			return ex;
		}
		java.util.regex.Pattern element = java.util.regex.Pattern
			.compile("^" + java.util.regex.Pattern.quote(list) + "\\[(\\d+)\\](.*)$");
		return ProblemException.invalid(ex.fieldProblems().stream().map((p) -> {
			java.util.regex.Matcher at = (p.field() != null) ? element.matcher(p.field()) : null;
			if (at == null || !at.matches() || Integer.parseInt(at.group(1)) >= indexes.size()) {
				return p;
			}
			return new FieldProblem(list + "[" + indexes.get(Integer.parseInt(at.group(1))) + "]" + at.group(2),
					p.messageKey(), p.args());
		}).toList());
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
			List<String> positionMinServices, List<String> positionMinHours, List<String> positionMinCreditScore,
			String repeatFrequency, String repeatCount) {

		static ActivityForm empty() {
			List<String> blank = List.of("", "", "");
			return new ActivityForm("", "", "COMMUNITY_SERVICE", "", "", "", "", "200", "", "", "", "AUTO", "on", "LOW",
					"REGULAR", "", "", "", "", blank, blank, blank, List.of(), blank, blank, blank, blank, blank, blank,
					"", "");
		}

		/**
		 * Whether the form's row requires the qualification: the rows' qualifications
		 * arrive as {@code row:code}, one checkbox each.
		 */
		public boolean requires(int row, String code) {
			return this.positionQualifications != null && this.positionQualifications.contains(row + ":" + code);
		}

		/** How many qualifications the form's row requires. */
		public long requiredCount(int row) {
			return (this.positionQualifications != null)
					? this.positionQualifications.stream().filter((q) -> q.startsWith(row + ":")).count() : 0;
		}

		/** The qualifications the form's row requires, as codes. */
		private List<String> qualificationsOf(int row) {
			return (this.positionQualifications != null) ? this.positionQualifications.stream()
				.filter((q) -> q.startsWith(row + ":"))
				.map((q) -> q.substring(q.indexOf(':') + 1))
				.toList() : List.of();
		}

		/** The rows that hold a position, in order: blank rows are left out. */
		private List<Integer> rows() {
			List<Integer> rows = new ArrayList<>();
			for (int i = 0; this.positionName != null && i < this.positionName.size(); i++) {
				if (this.positionName.get(i) != null && !this.positionName.get(i).isBlank()) {
					rows.add(i);
				}
			}
			return rows;
		}

		/**
		 * The problem with its positions named after the form's rows, so that each shows
		 * at its row even when a blank row came before.
		 */
		ProblemException onRows(ProblemException ex) {
			return renumbered(ex, "positions", rows());
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
				// named as the service names them, by position; onRows names them by row
				String at = "positions[" + positions.size() + "].";
				Double capacity = number(at(this.positionCapacity, i), at + "capacity", problems);
				Double minAge = number(at(this.positionMinAge, i), at + "minAge", problems);
				OffsetDateTime shiftStarts = time(at(this.positionStartsAt, i), at + "startsAt", problems);
				OffsetDateTime shiftEnds = time(at(this.positionEndsAt, i), at + "endsAt", problems);
				Gender gender = Enums.parse(Gender.class, at(this.positionGender, i), at + "gender", problems);
				Double minServices = number(at(this.positionMinServices, i), at + "minServices", problems);
				BigDecimal hours = decimal(at(this.positionMinHours, i), at + "minHours", problems);
				Double minCredit = number(at(this.positionMinCreditScore, i), at + "minCreditScore", problems);
				positions.add(new NewActivity.NewPosition(name, (capacity != null) ? capacity.intValue() : null,
						(minAge != null) ? minAge.intValue() : null, null, qualificationsOf(i), shiftStarts, shiftEnds,
						gender, (minServices != null) ? minServices.intValue() : null, hours,
						(minCredit != null) ? minCredit.intValue() : null));
			}
			if (this.positionQualifications != null) {
				this.positionQualifications.stream()
					.filter((q) -> !q.matches("\\d+:.+"))
					.findFirst()
					.ifPresent((q) -> problems
						.add(new FieldProblem("positions", "validation.activity.qualificationCode", q)));
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

		static BigDecimal decimal(String text, String field, List<FieldProblem> problems) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return new BigDecimal(text.strip());
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
