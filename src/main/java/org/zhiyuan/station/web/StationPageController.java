package org.zhiyuan.station.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Role;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.FormNumbers;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.station.Checklist;
import org.zhiyuan.station.NewStation;
import org.zhiyuan.station.StationKind;
import org.zhiyuan.station.StationMenuSource;
import org.zhiyuan.station.StationQuery;
import org.zhiyuan.station.StationView;
import org.zhiyuan.station.Stations;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The station pages: the public map with the list of the stations in view (cards under
 * the map on a phone, beside it on a wide screen), a station's public page with its
 * checklist, place, activities and service menu, and the operators' pages to enter,
 * change, close and reopen stations.
 */
@Controller
class StationPageController {

	/**
	 * The map shows at most this many stations at once; the list says when there are
	 * more.
	 */
	static final int MAP_LIMIT = PageQuery.MAX_SIZE;

	private final Stations stations;

	private final ObjectProvider<StationMenuSource> menus;

	StationPageController(Stations stations, ObjectProvider<StationMenuSource> menus) {
		this.stations = stations;
		this.menus = menus;
	}

	@GetMapping("/stations")
	String map(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String kind, Model model) {
		String region = blankToNull(regionCode);
		StationKind chosen = null;
		List<FieldProblem> problems = new ArrayList<>();
		if (kind != null && !kind.isBlank()) {
			try {
				chosen = StationKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("kind", "validation.enum", String.join(", ", kinds())));
			}
		}
		PageResult<StationView> found = new PageResult<>(List.of(), 0, MAP_LIMIT, 0);
		try {
			found = this.stations.search(new StationQuery(region, chosen, null), PageQuery.of(0, MAP_LIMIT));
		}
		catch (ProblemException ex) {
			problems.addAll(ex.fieldProblems());
			region = null;
		}
		model.addAttribute("problems", problems);
		model.addAttribute("regionCode", region);
		model.addAttribute("kind", chosen);
		model.addAttribute("kinds", StationKind.values());
		model.addAttribute("found", found);
		// without a region the map opens where the installation's maps open
		// (zhiyuan.map.center-*)
		model.addAttribute("bounds", (region != null) ? bounds(found.items()) : null);
		model.addAttribute("mayCreate", this.stations.mayCreate(actor));
		model.addAttribute("limit", MAP_LIMIT);
		return "station/map";
	}

	@GetMapping("/stations/{id}")
	String station(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		StationView station = this.stations.view(id);
		model.addAttribute("station", station);
		model.addAttribute("manages", this.stations.mayManage(actor, station));
		model.addAttribute("activities", this.stations.upcomingActivities(station, 6));
		StationMenuSource source = this.menus.getIfAvailable();
		model.addAttribute("menuReady", source != null);
		model.addAttribute("menu", (source != null) ? source.menuOf(station) : List.of());
		return "station/detail";
	}

	@GetMapping("/stations/manage")
	String manage(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) Integer page, Model model) {
		String region = (regionCode != null && !regionCode.isBlank()) ? regionCode.strip() : homeRegion(actor);
		if (region == null) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		model.addAttribute("regionCode", region);
		model.addAttribute("found", this.stations.ofRegion(actor, region, PageQuery.of(page, 50)));
		model.addAttribute("mayCreate", this.stations.mayCreate(actor));
		return "station/manage";
	}

	@GetMapping("/stations/new")
	String newStation(@AuthenticationPrincipal Actor actor, Model model) {
		if (!this.stations.mayCreate(actor)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		StationForm form = StationForm.empty(homeRegion(actor));
		return form(model, form, null);
	}

	@PostMapping("/stations")
	String create(@AuthenticationPrincipal Actor actor, StationForm form, Model model, RedirectAttributes redirect) {
		try {
			StationView created = this.stations.create(actor, form.toNewStation(), null);
			redirect.addFlashAttribute("notice", "station.created");
			return "redirect:/stations/" + created.id();
		}
		catch (ProblemException ex) {
			if (ex.status() == 401 || ex.status() == 403 || ex.status() == 404) {
				throw ex;
			}
			PageActions.show(model, ex);
			return form(model, form, null);
		}
	}

	@GetMapping("/stations/{id}/edit")
	String edit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		StationView station = this.stations.view(id);
		if (!this.stations.mayManage(actor, station)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		return form(model, StationForm.of(station), station);
	}

	@PostMapping("/stations/{id}")
	String update(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, StationForm form, Model model,
			RedirectAttributes redirect) {
		try {
			this.stations.update(actor, id, form.toNewStation());
			redirect.addFlashAttribute("notice", "station.saved");
			return "redirect:/stations/" + id;
		}
		catch (ProblemException ex) {
			if (ex.status() == 401 || ex.status() == 403 || ex.status() == 404) {
				throw ex;
			}
			PageActions.show(model, ex);
			return form(model, form, this.stations.view(id));
		}
	}

	@PostMapping("/stations/{id}/close")
	String close(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		PageActions.run(redirect, "station.closedNotice", () -> this.stations.close(actor, id, reason));
		return "redirect:/stations/" + id;
	}

	@PostMapping("/stations/{id}/reopen")
	String reopen(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		PageActions.run(redirect, "station.reopened", () -> this.stations.reopen(actor, id));
		return "redirect:/stations/" + id;
	}

	private String form(Model model, StationForm form, StationView station) {
		model.addAttribute("form", form);
		model.addAttribute("station", station);
		model.addAttribute("kinds", StationKind.values());
		model.addAttribute("organizations", this.stations.organizationsFor(form.regionCode()));
		return "station/form";
	}

	/** The region the operator runs, the widest first: where their forms start. */
	private static String homeRegion(Actor actor) {
		if (actor == null) {
			return null;
		}
		return actor.scopesOf(Role.OPERATOR)
			.stream()
			.min((a, b) -> Integer.compare(org.zhiyuan.region.Regions.prefixOf(a).length(),
					org.zhiyuan.region.Regions.prefixOf(b).length()))
			.or(() -> actor.readableRegions().stream().findFirst())
			.orElse(null);
	}

	/**
	 * minLat,minLng,maxLat,maxLng of the stations, for the map to open on; none without
	 * any.
	 */
	private static String bounds(List<StationView> found) {
		if (found.isEmpty()) {
			return null;
		}
		double minLat = 90;
		double minLng = 180;
		double maxLat = -90;
		double maxLng = -180;
		for (StationView s : found) {
			minLat = Math.min(minLat, s.lat());
			maxLat = Math.max(maxLat, s.lat());
			minLng = Math.min(minLng, s.lng());
			maxLng = Math.max(maxLng, s.lng());
		}
		return String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", minLat, minLng, maxLat, maxLng);
	}

	private static List<String> kinds() {
		return java.util.Arrays.stream(StationKind.values()).map(Enum::name).toList();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** What the form sends: text as typed, the checklist as checkboxes ("on"). */
	record StationForm(String name, String kind, String regionCode, String address, String lat, String lng,
			String openingHours, String organizationId, String venue, String team, String projects, String facilities,
			String rules, String signage) {

		static StationForm empty(String regionCode) {
			return new StationForm("", StationKind.PRACTICE_STATION.name(), regionCode, "", "", "", "", "", null, null,
					null, null, null, null);
		}

		static StationForm of(StationView s) {
			Checklist c = s.checklist();
			return new StationForm(s.name(), s.kind().name(), s.regionCode(), s.address(), coordinate(s.lat()),
					coordinate(s.lng()), s.openingHours(),
					(s.organizationId() != null) ? s.organizationId().toString() : "", on(c.venue()), on(c.team()),
					on(c.projects()), on(c.facilities()), on(c.rules()), on(c.signage()));
		}

		public boolean checked(String item) {
			return switch (item) {
				case "venue" -> this.venue != null;
				case "team" -> this.team != null;
				case "projects" -> this.projects != null;
				case "facilities" -> this.facilities != null;
				case "rules" -> this.rules != null;
				case "signage" -> this.signage != null;
				default -> false;
			};
		}

		NewStation toNewStation() {
			List<FieldProblem> problems = new ArrayList<>();
			StationKind parsed = null;
			try {
				parsed = (this.kind != null && !this.kind.isBlank())
						? StationKind.valueOf(this.kind.strip().toUpperCase(Locale.ROOT)) : null;
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("kind", "validation.enum", String.join(", ", kinds())));
			}
			Double pointLat = FormNumbers.decimalOrNull(this.lat);
			Double pointLng = FormNumbers.decimalOrNull(this.lng);
			if ((this.lat != null && !this.lat.isBlank() && pointLat == null)
					|| (this.lng != null && !this.lng.isBlank() && pointLng == null)) {
				problems.add(new FieldProblem("location", "validation.station.location"));
			}
			UUID organization = null;
			if (this.organizationId != null && !this.organizationId.isBlank()) {
				organization = Ids.parse(this.organizationId.strip()).orElse(null);
				if (organization == null) {
					problems.add(new FieldProblem("organizationId", "validation.station.organization"));
				}
			}
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
			return new NewStation(this.name, parsed, blankToNull(this.regionCode), this.address, pointLat, pointLng,
					this.openingHours, organization, new Checklist(this.venue != null, this.team != null,
							this.projects != null, this.facilities != null, this.rules != null, this.signage != null));
		}

		private static String on(boolean value) {
			return value ? "on" : null;
		}

		private static String coordinate(double value) {
			return String.format(Locale.ROOT, "%.6f", value);
		}

	}

}
