package org.zhiyuan.emergency.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.zhiyuan.access.Actor;
import org.zhiyuan.emergency.EmergencyProfile;
import org.zhiyuan.emergency.EmergencyProfiles;
import org.zhiyuan.emergency.EmergencyProfiles.QualificationGiven;
import org.zhiyuan.emergency.QualificationKind;
import org.zhiyuan.emergency.Readiness;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我的应急档案, the volunteer's own emergency profile on a phone: the home picked on the map
 * (kept only to about 100 m), the readiness and the emergency qualifications held, each
 * with its last valid day. A volunteer under 18 may keep one; mobilizations call them
 * once they are 18.
 */
@Controller
class EmergencyProfilePageController {

	/** The age from which mobilizations call a volunteer (as Mobilizations does). */
	static final int ADULT_AGE = 18;

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final EmergencyProfiles profiles;

	private final Volunteers volunteers;

	EmergencyProfilePageController(EmergencyProfiles profiles, Volunteers volunteers) {
		this.profiles = profiles;
		this.volunteers = volunteers;
	}

	@GetMapping("/me/emergency-profile")
	String profile(@AuthenticationPrincipal Actor actor, Model model) {
		VolunteerView me = this.volunteers.mine(actor);
		Optional<EmergencyProfile> held = held(actor);
		model.addAttribute("held", held.orElse(null));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", held.map(ProfileForm::of).orElseGet(ProfileForm::empty));
		}
		int age = me.ageOn(LocalDate.now(CHINA));
		model.addAttribute("minor", age >= 0 && age < ADULT_AGE);
		model.addAttribute("adultAge", ADULT_AGE);
		model.addAttribute("regionCode", me.regionCode());
		model.addAttribute("readinesses", Readiness.values());
		model.addAttribute("kinds", QualificationKind.values());
		return "emergency/profile";
	}

	/**
	 * Saves the profile. Rows of qualifications left wholly blank are dropped; every bad
	 * field is said beside it, the home's beside the map.
	 */
	@PostMapping("/me/emergency-profile")
	String change(@AuthenticationPrincipal Actor actor, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		String lat = first(params, "lat");
		String lng = first(params, "lng");
		String readiness = first(params, "readiness");
		List<String> kinds = params.getOrDefault("qualificationKind", List.of());
		List<String> days = params.getOrDefault("qualificationValidUntil", List.of());
		List<QualificationRow> rows = new ArrayList<>();
		for (int i = 0; i < Math.max(kinds.size(), days.size()); i++) {
			String kind = (i < kinds.size()) ? kinds.get(i).strip() : "";
			String day = (i < days.size()) ? days.get(i).strip() : "";
			if (!kind.isEmpty() || !day.isEmpty()) {
				rows.add(new QualificationRow(kind, day));
			}
		}
		ProfileForm form = new ProfileForm(lat, lng, readiness, rows);
		try {
			this.profiles.change(actor, number(lat), number(lng), readiness,
					rows.stream().map((row) -> new QualificationGiven(row.kind(), row.validUntil())).toList());
			redirect.addFlashAttribute("notice", "emergency.profile.saved");
			return "redirect:/me/emergency-profile";
		}
		catch (ProblemException ex) {
			if (ex.status() == 401 || ex.status() == 403) {
				throw ex;
			}
			PageActions.show(model, ex);
			model.addAttribute("problems", onThePage(ex.fieldProblems(), lat, lng));
			model.addAttribute("form", form);
			return profile(actor, model);
		}
	}

	private Optional<EmergencyProfile> held(Actor actor) {
		try {
			return Optional.of(this.profiles.mine(actor));
		}
		catch (ProblemException ex) {
			if (ex.status() == 404 && "EMERGENCY_PROFILE_NOT_FOUND".equals(ex.code())) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/**
	 * The service's problems as the page shows them: the home's two coordinates as one
	 * problem beside the map picker ({@code location}), the rest as they are.
	 */
	static List<FieldProblem> onThePage(List<FieldProblem> problems, String lat, String lng) {
		boolean noPoint = blank(lat) && blank(lng);
		List<FieldProblem> shown = new ArrayList<>();
		boolean homeSaid = false;
		for (FieldProblem problem : problems) {
			boolean home = problem.field().equals("homeLat") || problem.field().equals("homeLng");
			if (!home) {
				shown.add(problem);
			}
			else if (!noPoint) {
				shown.add(new FieldProblem("location", problem.messageKey(), problem.args()));
			}
			else if (!homeSaid) {
				shown.add(new FieldProblem("location", "emergency.profile.home.missing"));
				homeSaid = true;
			}
		}
		return shown;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String first(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return (value != null) ? value.strip() : "";
	}

	/**
	 * A coordinate as typed, or {@code null} (said as a bad field) when it is no number.
	 */
	private static Double number(String text) {
		try {
			return blank(text) ? null : Double.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** The profile form as shown or as typed. */
	record ProfileForm(String lat, String lng, String readiness, List<QualificationRow> qualifications) {

		static ProfileForm empty() {
			return new ProfileForm("", "", "", List.of());
		}

		static ProfileForm of(EmergencyProfile profile) {
			return new ProfileForm(String.valueOf(profile.homeLat()), String.valueOf(profile.homeLng()),
					profile.readiness().name(),
					profile.qualifications()
						.stream()
						.map((q) -> new QualificationRow(q.kind().name(), q.validUntil().toString()))
						.toList());
		}

	}

	/** A row of the qualifications: its kind and last valid day, as typed. */
	record QualificationRow(String kind, String validUntil) {

	}

}
