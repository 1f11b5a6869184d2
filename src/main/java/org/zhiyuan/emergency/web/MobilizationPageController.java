package org.zhiyuan.emergency.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Role;
import org.zhiyuan.emergency.Answer;
import org.zhiyuan.emergency.GeoPoint;
import org.zhiyuan.emergency.MobilizationAnswers;
import org.zhiyuan.emergency.MobilizationCommand;
import org.zhiyuan.emergency.Mobilizations;
import org.zhiyuan.emergency.NewMobilization;
import org.zhiyuan.emergency.NewMobilization.NeedRequest;
import org.zhiyuan.emergency.QualificationKind;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.shared.web.QrImages;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of a mobilization: the list (a region's for its operators and auditors, a
 * volunteer's own calls), the operator's launch form (the scene and the assembly point
 * picked on the map), the volunteer's call page (accept or decline, muster by the phone's
 * position or the code shown at the assembly point, their group and task), and the live
 * command board (needs against the accepted, the reserve, the mustered and the assigned,
 * the map, the people, the next wave, task groups, the muster code and the stand-down).
 */
@Controller
class MobilizationPageController {

	static final int NEED_ROWS = 4;

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final Mobilizations mobilizations;

	private final MobilizationAnswers answers;

	private final MobilizationCommand command;

	private final Regions regions;

	private final AccessPolicy accessPolicy;

	MobilizationPageController(Mobilizations mobilizations, MobilizationAnswers answers, MobilizationCommand command,
			Regions regions, AccessPolicy accessPolicy) {
		this.accessPolicy = accessPolicy;
		this.mobilizations = mobilizations;
		this.answers = answers;
		this.command = command;
		this.regions = regions;
	}

	@GetMapping("/emergency/mobilizations")
	String list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode, Model model,
			Locale locale) {
		model.addAttribute("calls", actor.has(Role.VOLUNTEER) ? this.command.myCalls(actor) : List.of());
		Optional<String> region = regionOf(actor, regionCode);
		region.ifPresent((code) -> {
			model.addAttribute("regionCode", code);
			model.addAttribute("regionName", this.regions.fullName(code, locale));
			model.addAttribute("mobilizations", this.command.ofRegion(actor, code, PageQuery.of(0, 50)));
			model.addAttribute("mayLaunch", this.accessPolicy.operates(actor, code));
		});
		return "emergency/mobilizations";
	}

	private static Optional<String> regionOf(Actor actor, String regionCode) {
		if (regionCode != null && !regionCode.isBlank()) {
			return Optional.of(regionCode.strip());
		}
		return actor.readableRegions().stream().sorted().findFirst();
	}

	@GetMapping("/emergency/mobilizations/new")
	String launchForm(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode,
			Model model, Locale locale) {
		String region = regionOf(actor, regionCode)
			.orElseThrow(() -> ProblemException.forbidden("problem.forbidden.region"));
		this.accessPolicy.requireOperatorOf(actor, region);
		if (!model.containsAttribute("launch")) {
			String assembleAt = LocalDateTime.now(ZONE).plusHours(1).truncatedTo(ChronoUnit.MINUTES).toString();
			model.addAttribute("launch",
					new LaunchForm(region, "", "", "", "10", assembleAt, "", "", "", emptyNeeds(), false, ""));
		}
		model.addAttribute("regionName", this.regions.fullName(region, locale));
		model.addAttribute("qualificationKinds", QualificationKind.values());
		model.addAttribute("commandTeams", this.mobilizations.commandCandidates(region));
		model.addAttribute("formKey",
				model.containsAttribute("formKey") ? model.getAttribute("formKey") : Ids.newId().toString());
		return "emergency/launch";
	}

	private static List<NeedRow> emptyNeeds() {
		List<NeedRow> rows = new ArrayList<>();
		for (int i = 0; i < NEED_ROWS; i++) {
			rows.add(new NeedRow("", "", "", false));
		}
		return rows;
	}

	@PostMapping("/emergency/mobilizations")
	String launch(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String lat,
			@RequestParam(defaultValue = "") String lng, @RequestParam(defaultValue = "") String radiusKm,
			@RequestParam(defaultValue = "") String assembleAt, @RequestParam(defaultValue = "") String assemblyName,
			@RequestParam(defaultValue = "") String assemblyLat, @RequestParam(defaultValue = "") String assemblyLng,
			@RequestParam(name = "skill", required = false) List<String> skills,
			@RequestParam(name = "count", required = false) List<String> counts,
			@RequestParam(name = "qualification", required = false) List<String> qualifications,
			@RequestParam(name = "insured", required = false) List<String> insured,
			@RequestParam(defaultValue = "false") boolean drill, @RequestParam(required = false) String organizationId,
			@RequestParam(required = false) String formKey, Model model, Locale locale, RedirectAttributes redirect) {
		List<NeedRow> rows = new ArrayList<>();
		for (int i = 0; i < NEED_ROWS; i++) {
			rows.add(new NeedRow(at(skills, i), at(counts, i), at(qualifications, i),
					insured != null && insured.contains(String.valueOf(i))));
		}
		LaunchForm form = new LaunchForm(regionCode, title, lat, lng, radiusKm, assembleAt, assemblyName, assemblyLat,
				assemblyLng, rows, drill, (organizationId != null) ? organizationId : "");
		this.accessPolicy.requireOperatorOf(actor, regionCode);
		try {
			UUID id = this.mobilizations.launch(actor, toCommand(form), formKey).id();
			redirect.addFlashAttribute("notice", "emergency.page.launched");
			return "redirect:/emergency/mobilizations/" + id + "/board";
		}
		catch (ProblemException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			PageActions.show(model, ex);
			model.addAttribute("launch", form);
			model.addAttribute("formKey", formKey);
			return launchForm(actor, regionCode, model, locale);
		}
	}

	private static String at(List<String> values, int i) {
		return (values != null && i < values.size() && values.get(i) != null) ? values.get(i).strip() : "";
	}

	/**
	 * The form as a command; what cannot be read is left out, and the launch names it
	 * with every other bad field.
	 */
	private static NewMobilization toCommand(LaunchForm form) {
		List<FieldProblem> unreadable = new ArrayList<>();
		Double lat = number(form.lat(), "location", unreadable);
		Double lng = number(form.lng(), "location", unreadable);
		Double assemblyLat = number(form.assemblyLat(), "assemblyPoint", unreadable);
		Double assemblyLng = number(form.assemblyLng(), "assemblyPoint", unreadable);
		BigDecimal radius = null;
		try {
			radius = form.radiusKm().isBlank() ? null : new BigDecimal(form.radiusKm());
		}
		catch (NumberFormatException ex) {
			unreadable.add(new FieldProblem("radiusKm", "validation.emergency.radiusKm", 200));
		}
		OffsetDateTime assembleAt = null;
		try {
			assembleAt = form.assembleAt().isBlank() ? null
					: LocalDateTime.parse(form.assembleAt()).atZone(ZONE).toOffsetDateTime();
		}
		catch (DateTimeParseException ex) {
			unreadable.add(new FieldProblem("assembleAt", "validation.emergency.assembleAt"));
		}
		List<NeedRequest> needs = new ArrayList<>();
		for (int i = 0; i < form.needs().size(); i++) {
			NeedRow row = form.needs().get(i);
			if (row.skill().isBlank() && row.count().isBlank()) {
				continue;
			}
			Integer count = null;
			try {
				count = row.count().isBlank() ? null : Integer.valueOf(row.count());
			}
			catch (NumberFormatException ex) {
				count = -1;
			}
			needs.add(new NeedRequest(row.skill(), count, row.qualification().isBlank() ? null : row.qualification(),
					row.insured()));
		}
		UUID command = null;
		if (!form.organizationId().isBlank()) {
			try {
				command = UUID.fromString(form.organizationId());
			}
			catch (IllegalArgumentException ex) {
				unreadable.add(new FieldProblem("organizationId", "validation.emergency.command"));
			}
		}
		NewMobilization mobilization = new NewMobilization(form.regionCode(), form.title(),
				(lat != null && lng != null) ? new GeoPoint(lat, lng) : null, radius, assembleAt, form.assemblyName(),
				(assemblyLat != null && assemblyLng != null) ? new GeoPoint(assemblyLat, assemblyLng) : null, needs,
				form.drill(), command, null);
		// what could not be read stays empty, which the launch reports beside its field
		return mobilization;
	}

	private static Double number(String text, String field, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Double.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(field, "validation.emergency.location"));
			return null;
		}
	}

	/** The volunteer's call; the command goes to the board when they were not called. */
	@GetMapping("/emergency/mobilizations/{id}")
	String call(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		try {
			model.addAttribute("call", this.command.myCall(actor, id));
		}
		catch (ProblemException ex) {
			if (ex.status() == 404 && this.command.oversees(actor, id)) {
				return "redirect:/emergency/mobilizations/" + id + "/board";
			}
			throw ex;
		}
		model.addAttribute("mayCommand", this.command.oversees(actor, id));
		return "emergency/call";
	}

	@PostMapping("/emergency/mobilizations/{id}/answer")
	String answer(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestParam String answer,
			RedirectAttributes redirect) {
		Answer given = "DECLINE".equals(answer) ? Answer.DECLINE : Answer.ACCEPT;
		PageActions.run(redirect, "emergency.page.answered." + given.name(),
				() -> this.answers.answer(actor, id, given));
		return "redirect:/emergency/mobilizations/" + id;
	}

	@PostMapping("/emergency/mobilizations/{id}/muster")
	String muster(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String code, @RequestParam(required = false) String lat,
			@RequestParam(required = false) String lng, RedirectAttributes redirect) {
		List<FieldProblem> ignored = new ArrayList<>();
		Double latitude = number(lat, "location", ignored);
		Double longitude = number(lng, "location", ignored);
		GeoPoint at = (latitude != null && longitude != null) ? new GeoPoint(latitude, longitude) : null;
		PageActions.run(redirect, "emergency.page.mustered", () -> this.answers.muster(actor, id, at, code));
		return "redirect:/emergency/mobilizations/" + id;
	}

	@GetMapping("/emergency/mobilizations/{id}/board")
	String board(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		live(actor, id, model);
		boolean commands = this.command.commands(actor, id);
		model.addAttribute("commands", commands);
		return "emergency/board";
	}

	/** The part of the board that refreshes itself. */
	@GetMapping("/emergency/mobilizations/{id}/board/live")
	String live(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("board", this.command.board(actor, id));
		model.addAttribute("people", this.command.people(actor, id));
		model.addAttribute("groups", this.command.groups(actor, id));
		model.addAttribute("commands", this.command.commands(actor, id));
		return "emergency/board :: live";
	}

	@GetMapping(path = "/emergency/mobilizations/{id}/muster-code.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> musterCode(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return QrImages.response(this.command.musterCode(actor, id).code());
	}

	@GetMapping("/emergency/mobilizations/{id}/muster-code")
	String musterScreen(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("code", this.command.musterCode(actor, id));
		model.addAttribute("board", this.command.board(actor, id));
		return "emergency/muster-code";
	}

	@PostMapping("/emergency/mobilizations/{id}/wave")
	String wave(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			int called = this.mobilizations.nextWave(actor, id).called();
			redirect.addFlashAttribute("waveCalled", called);
		}
		catch (ProblemException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			PageActions.flash(redirect, ex);
		}
		return "redirect:/emergency/mobilizations/" + id + "/board";
	}

	@PostMapping("/emergency/mobilizations/{id}/stand-down")
	String standDown(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		PageActions.run(redirect, "emergency.page.stoodDown", () -> this.command.standDown(actor, id));
		return "redirect:/emergency/mobilizations/" + id + "/board";
	}

	@PostMapping("/emergency/mobilizations/{id}/groups")
	String formGroup(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String task,
			@RequestParam(required = false) UUID leaderId,
			@RequestParam(name = "memberId", required = false) List<UUID> memberIds, RedirectAttributes redirect) {
		PageActions.run(redirect, "emergency.page.grouped",
				() -> this.command.formGroup(actor, id, name, task, leaderId, memberIds));
		return "redirect:/emergency/mobilizations/" + id + "/board#groups";
	}

	/** The launch form as typed. */
	record LaunchForm(String regionCode, String title, String lat, String lng, String radiusKm, String assembleAt,
			String assemblyName, String assemblyLat, String assemblyLng, List<NeedRow> needs, boolean drill,
			String organizationId) {

	}

	/** A need's row of the form as typed. */
	record NeedRow(String skill, String count, String qualification, boolean insured) {

	}

}
