package org.zhiyuan.emergency.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.zhiyuan.access.Actor;
import org.zhiyuan.emergency.AssemblyPoint;
import org.zhiyuan.emergency.EmergencyPlan;
import org.zhiyuan.emergency.EmergencyPlans;
import org.zhiyuan.emergency.GeoPoint;
import org.zhiyuan.emergency.Hazard;
import org.zhiyuan.emergency.Launched;
import org.zhiyuan.emergency.Need;
import org.zhiyuan.emergency.NewMobilization.NeedRequest;
import org.zhiyuan.emergency.PlanFields;
import org.zhiyuan.emergency.PlanLaunch;
import org.zhiyuan.emergency.PlanStatus;
import org.zhiyuan.emergency.QualificationKind;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.PageActions;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operators' pages of emergency plans: the plans of a region they oversee as cards;
 * the form writing or changing one (needs as rows added and removed by the server, so
 * that it works without scripts; the teams to call first ticked from the region's
 * emergency teams; assembly points picked on the map); a plan with the form launching a
 * mobilization from it, which then opens the mobilization's board.
 */
@Controller
class EmergencyPlanPageController {

	private static final PageQuery FIRST = PageQuery.of(0, 100);

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private static final Pattern INDEXED = Pattern.compile("^(needs|assemblyPoints)\\[(\\d+)](.*)$");

	private static final int MAX_NEED_ROWS = 20;

	private static final int MAX_POINT_ROWS = 5;

	private final EmergencyPlans plans;

	private final Regions regions;

	EmergencyPlanPageController(EmergencyPlans plans, Regions regions) {
		this.plans = plans;
		this.regions = regions;
	}

	@GetMapping("/emergency/plans")
	String list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode, Model model,
			Locale locale) {
		String region = regionOf(actor, regionCode);
		model.addAttribute("plans", this.plans.ofRegion(actor, region, FIRST));
		model.addAttribute("regionCode", region);
		model.addAttribute("regionName", name(region, locale));
		List<Map<String, String>> choices = new ArrayList<>();
		actor.readableRegions()
			.stream()
			.sorted()
			.forEach((code) -> choices.add(Map.of("code", code, "name", name(code, locale))));
		if (choices.stream().noneMatch((choice) -> choice.get("code").equals(region))) {
			choices.add(Map.of("code", region, "name", name(region, locale)));
		}
		model.addAttribute("regionChoices", choices);
		model.addAttribute("mayWrite", this.plans.mayWrite(actor, region));
		return "emergency/plans";
	}

	@GetMapping("/emergency/plans/new")
	String newPlan(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode, Model model,
			Locale locale) {
		String region = regionOf(actor, regionCode);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", PlanForm.blank());
		}
		return form(actor, region, null, model, locale);
	}

	@PostMapping("/emergency/plans")
	String create(@AuthenticationPrincipal Actor actor, @RequestParam MultiValueMap<String, String> params, Model model,
			Locale locale, RedirectAttributes redirect) {
		String region = first(params, "regionCode");
		if (region == null || !this.plans.mayWrite(actor, region)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		PlanForm form = PlanForm.of(params);
		if (form.rearranged(first(params, "action"))) {
			model.addAttribute("form", form.rearrange(first(params, "action")));
			model.addAttribute("formKey", first(params, "formKey"));
			return form(actor, region, null, model, locale);
		}
		try {
			EmergencyPlan plan = this.plans.create(actor, region, form.toFields(), first(params, "formKey"));
			redirect.addFlashAttribute("notice", "emergency.plan.page.saved");
			return "redirect:/emergency/plans/" + plan.id();
		}
		catch (ProblemException ex) {
			return refused(ex, form, model, () -> form(actor, region, null, model, locale), first(params, "formKey"));
		}
	}

	@GetMapping("/emergency/plans/{id}")
	String plan(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model, Locale locale) {
		EmergencyPlan plan = this.plans.find(actor, id);
		model.addAttribute("plan", plan);
		model.addAttribute("regionName", name(plan.regionCode(), locale));
		boolean mayLaunch = plan.status() == PlanStatus.ACTIVE && this.plans.mayWrite(actor, plan.regionCode());
		model.addAttribute("mayWrite", mayLaunch);
		if (mayLaunch) {
			if (!model.containsAttribute("launch")) {
				model.addAttribute("launch", new LaunchForm(plan.name(), "", "", String.valueOf(plan.radiusKm()), "0",
						OffsetDateTime.now(ZONE).plusHours(1).truncatedTo(ChronoUnit.MINUTES).format(LOCAL_MINUTES),
						false));
			}
			if (!model.containsAttribute("formKey")) {
				model.addAttribute("formKey", Ids.newId().toString());
			}
		}
		return "emergency/plan";
	}

	@PostMapping("/emergency/plans/{id}/launch")
	String launch(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String lat,
			@RequestParam(defaultValue = "") String lng, @RequestParam(defaultValue = "") String radiusKm,
			@RequestParam(defaultValue = "") String assemblyPointIndex,
			@RequestParam(defaultValue = "") String assembleAt, @RequestParam(required = false) String drill,
			@RequestParam(required = false) String formKey, Model model, Locale locale) {
		LaunchForm form = new LaunchForm(title, lat, lng, radiusKm, assemblyPointIndex, assembleAt, drill != null);
		try {
			Double latitude = decimal(lat);
			Double longitude = decimal(lng);
			Launched launched = this.plans.launch(actor, id,
					new PlanLaunch(title,
							(latitude != null || longitude != null) ? new GeoPoint(latitude, longitude) : null,
							integer(radiusKm), localTime(assembleAt), integer(assemblyPointIndex), null, drill != null),
					(formKey != null && !formKey.isBlank()) ? formKey : null);
			return "redirect:/emergency/mobilizations/" + launched.id() + "/board";
		}
		catch (ProblemException ex) {
			if (ex.status() == 401 || ex.status() == 403 || ex.status() == 404) {
				throw ex;
			}
			PageActions.show(model, ex);
			model.addAttribute("launch", form);
			model.addAttribute("formKey", formKey);
			return plan(actor, id, model, locale);
		}
	}

	@GetMapping("/emergency/plans/{id}/edit")
	String edit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model, Locale locale) {
		EmergencyPlan plan = this.plans.find(actor, id);
		if (!this.plans.mayWrite(actor, plan.regionCode())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", PlanForm.of(plan));
		}
		return form(actor, plan.regionCode(), plan, model, locale);
	}

	@PostMapping("/emergency/plans/{id}")
	String update(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam MultiValueMap<String, String> params, Model model, Locale locale,
			RedirectAttributes redirect) {
		EmergencyPlan plan = this.plans.find(actor, id);
		if (!this.plans.mayWrite(actor, plan.regionCode())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		PlanForm form = PlanForm.of(params);
		if (form.rearranged(first(params, "action"))) {
			model.addAttribute("form", form.rearrange(first(params, "action")));
			return form(actor, plan.regionCode(), plan, model, locale);
		}
		try {
			this.plans.update(actor, id, form.toFields());
			redirect.addFlashAttribute("notice", "emergency.plan.page.saved");
			return "redirect:/emergency/plans/" + id;
		}
		catch (ProblemException ex) {
			return refused(ex, form, model, () -> form(actor, plan.regionCode(), plan, model, locale), null);
		}
	}

	@PostMapping("/emergency/plans/{id}/archive")
	String archive(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		EmergencyPlan plan = this.plans.find(actor, id);
		this.plans.archive(actor, id);
		redirect.addFlashAttribute("notice", "emergency.plan.page.archived");
		redirect.addAttribute("regionCode", plan.regionCode());
		return "redirect:/emergency/plans";
	}

	private String form(Actor actor, String region, EmergencyPlan plan, Model model, Locale locale) {
		if (!this.plans.mayWrite(actor, region)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		model.addAttribute("regionCode", region);
		model.addAttribute("regionName", name(region, locale));
		model.addAttribute("plan", plan);
		model.addAttribute("teams", this.plans.eligibleTeams(actor, region));
		model.addAttribute("hazards", Hazard.values());
		model.addAttribute("qualifications", QualificationKind.values());
		model.addAttribute("maxNeedRows", MAX_NEED_ROWS);
		model.addAttribute("maxPointRows", MAX_POINT_ROWS);
		if (!model.containsAttribute("formKey")) {
			model.addAttribute("formKey", Ids.newId().toString());
		}
		return "emergency/plan-form";
	}

	/**
	 * Shows a refused form again with each problem beside its field: the rows the plan
	 * was given without the blank ones are numbered as the form's rows, and a team that
	 * may not be called is a problem of the teams.
	 */
	private String refused(ProblemException ex, PlanForm form, Model model, java.util.function.Supplier<String> page,
			String formKey) {
		if (ex.status() == 401 || ex.status() == 403 || ex.status() == 404) {
			throw ex;
		}
		List<FieldProblem> problems = new ArrayList<>();
		for (FieldProblem problem : ex.fieldProblems()) {
			problems.add(form.onRow(problem));
		}
		if ("TEAM_NOT_ELIGIBLE".equals(ex.code())) {
			problems.add(new FieldProblem("teamIds", ex.messageKey()));
		}
		if (problems.isEmpty()) {
			PageActions.show(model, ex);
		}
		else {
			model.addAttribute("problems", problems);
		}
		model.addAttribute("form", form);
		if (formKey != null) {
			model.addAttribute("formKey", formKey);
		}
		return page.get();
	}

	private String regionOf(Actor actor, String regionCode) {
		return actor.regionOrFirstReadable(regionCode);
	}

	private String name(String region, Locale locale) {
		return Regions.NATIONAL.equals(region) ? null : this.regions.fullName(region, locale);
	}

	private static String first(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return (value != null && !value.isBlank()) ? value.strip() : null;
	}

	private static Integer integer(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static Double decimal(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Double.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	private static OffsetDateTime localTime(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.strip()).atZone(ZONE).toOffsetDateTime();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** The launch form, as typed. */
	record LaunchForm(String title, String lat, String lng, String radiusKm, String assemblyPointIndex,
			String assembleAt, boolean drill) {

	}

	/** One need row, as typed. */
	record NeedRow(String skill, String count, String qualification) {

		boolean isBlank() {
			return this.skill.isBlank() && this.count.isBlank() && this.qualification.isBlank();
		}

	}

	/** One assembly point row, as typed or picked. */
	record PointRow(String name, String lat, String lng) {

		boolean isBlank() {
			return this.name.isBlank() && this.lat.isBlank() && this.lng.isBlank();
		}

	}

	/** The plan form, as typed: its rows in the order shown. */
	record PlanForm(String name, String hazard, String description, String radiusKm, List<NeedRow> needs,
			List<String> teamIds, List<PointRow> points) {

		static PlanForm blank() {
			return new PlanForm("", "", "", "10", List.of(new NeedRow("", "", "")), List.of(),
					List.of(new PointRow("", "", "")));
		}

		static PlanForm of(EmergencyPlan plan) {
			List<NeedRow> needs = new ArrayList<>();
			for (Need need : plan.needs()) {
				needs.add(new NeedRow(need.skill(), String.valueOf(need.count()),
						(need.qualification() != null) ? need.qualification().name() : ""));
			}
			List<PointRow> points = new ArrayList<>();
			for (AssemblyPoint point : plan.assemblyPoints()) {
				points.add(new PointRow(point.name(), String.valueOf(point.lat()), String.valueOf(point.lng())));
			}
			return new PlanForm(plan.name(), plan.hazard().name(), plan.description(), String.valueOf(plan.radiusKm()),
					needs, plan.teamIds().stream().map(UUID::toString).toList(), points);
		}

		static PlanForm of(MultiValueMap<String, String> params) {
			List<String> skills = values(params, "needSkill");
			List<String> counts = values(params, "needCount");
			List<String> qualifications = values(params, "needQualification");
			int needRows = Math.min(MAX_NEED_ROWS + 1, Math.max(skills.size(), counts.size()));
			List<NeedRow> needs = new ArrayList<>();
			for (int i = 0; i < needRows; i++) {
				needs.add(new NeedRow(at(skills, i), at(counts, i), at(qualifications, i)));
			}
			List<String> names = values(params, "pointName");
			List<String> lats = values(params, "lat");
			List<String> lngs = values(params, "lng");
			int pointRows = Math.min(MAX_POINT_ROWS + 1, Math.max(names.size(), Math.max(lats.size(), lngs.size())));
			List<PointRow> points = new ArrayList<>();
			for (int i = 0; i < pointRows; i++) {
				points.add(new PointRow(at(names, i), at(lats, i), at(lngs, i)));
			}
			List<String> teams = values(params, "teamId").stream().filter((id) -> !id.isBlank()).toList();
			String name = params.getFirst("name");
			String hazard = params.getFirst("hazard");
			String description = params.getFirst("description");
			String radius = params.getFirst("radiusKm");
			return new PlanForm((name != null) ? name : "", (hazard != null) ? hazard : "",
					(description != null) ? description : "", (radius != null) ? radius : "", needs, teams, points);
		}

		/**
		 * Whether the form's button asked for a row added or removed rather than saving.
		 */
		boolean rearranged(String action) {
			return action != null && (action.equals("addNeed") || action.equals("addPoint")
					|| action.startsWith("removeNeed:") || action.startsWith("removePoint:"));
		}

		PlanForm rearrange(String action) {
			List<NeedRow> needs = new ArrayList<>(this.needs);
			List<PointRow> points = new ArrayList<>(this.points);
			if (action.equals("addNeed") && needs.size() < MAX_NEED_ROWS) {
				needs.add(new NeedRow("", "", ""));
			}
			else if (action.equals("addPoint") && points.size() < MAX_POINT_ROWS) {
				points.add(new PointRow("", "", ""));
			}
			else if (action.startsWith("removeNeed:")) {
				remove(needs, action.substring("removeNeed:".length()));
			}
			else if (action.startsWith("removePoint:")) {
				remove(points, action.substring("removePoint:".length()));
			}
			return new PlanForm(this.name, this.hazard, this.description, this.radiusKm, needs, this.teamIds, points);
		}

		private static void remove(List<?> rows, String index) {
			Integer row = integer(index);
			if (row != null && row >= 0 && row < rows.size() && rows.size() > 1) {
				rows.remove((int) row);
			}
		}

		/** The plan's fields: the rows not left blank, the numbers as numbers. */
		PlanFields toFields() {
			List<NeedRequest> needs = new ArrayList<>();
			for (NeedRow row : this.needs) {
				if (!row.isBlank()) {
					needs.add(new NeedRequest(row.skill(), integer(row.count()),
							row.qualification().isBlank() ? null : row.qualification()));
				}
			}
			List<AssemblyPoint> points = new ArrayList<>();
			for (PointRow row : this.points) {
				if (!row.isBlank()) {
					points.add(new AssemblyPoint(row.name(), decimal(row.lat()), decimal(row.lng())));
				}
			}
			List<UUID> teams = new ArrayList<>();
			for (String id : this.teamIds) {
				try {
					teams.add(UUID.fromString(id.strip()));
				}
				catch (IllegalArgumentException ex) {
					// not one of the listed teams: nothing to call
				}
			}
			return new PlanFields(this.name, this.hazard, this.description, integer(this.radiusKm), needs, teams,
					points);
		}

		/** The problem, with the given plan's row numbers turned into the form's. */
		FieldProblem onRow(FieldProblem problem) {
			Matcher matcher = INDEXED.matcher(problem.field());
			if (!matcher.matches()) {
				return problem;
			}
			int given = Integer.parseInt(matcher.group(2));
			int row = -1;
			int seen = -1;
			boolean needs = matcher.group(1).equals("needs");
			int rows = needs ? this.needs.size() : this.points.size();
			for (int i = 0; i < rows && seen < given; i++) {
				boolean blank = needs ? this.needs.get(i).isBlank() : this.points.get(i).isBlank();
				if (!blank) {
					seen++;
					row = i;
				}
			}
			return new FieldProblem(matcher.group(1) + "[" + row + "]" + matcher.group(3), problem.messageKey(),
					problem.args());
		}

		public boolean hasTeam(UUID id) {
			return this.teamIds.contains(id.toString());
		}

		private static List<String> values(MultiValueMap<String, String> params, String name) {
			List<String> values = params.get(name);
			return (values != null) ? values : List.of();
		}

		private static String at(List<String> values, int index) {
			return (index < values.size() && values.get(index) != null) ? values.get(index) : "";
		}

	}

}
