package org.zhiyuan.volunteer.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.zhiyuan.access.Actor;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.identity.Gender;
import org.zhiyuan.shared.identity.IdType;
import org.zhiyuan.shared.web.PageActions;
import org.zhiyuan.shared.web.ReturnPath;
import org.zhiyuan.volunteer.AvailabilitySlot;
import org.zhiyuan.volunteer.Contact;
import org.zhiyuan.volunteer.NewVolunteer;
import org.zhiyuan.volunteer.ProfessionalField;
import org.zhiyuan.volunteer.ProfileChange;
import org.zhiyuan.volunteer.VolunteerCategory;
import org.zhiyuan.volunteer.VolunteerProfile;
import org.zhiyuan.volunteer.VolunteerRegistration;
import org.zhiyuan.volunteer.HonourRollChoices;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The volunteer's pages: registration, the own profile with its editing, qualifications,
 * community report-in, data download and deregistration; and the read-only view that
 * admins and operators get.
 */
@Controller
class VolunteerPageController {

	private final VolunteerRegistration registration;

	private final Volunteers volunteers;

	private final VolunteerSpreadsheets spreadsheets;

	/** The API's own mapper, so that the download reads exactly like the API's export. */
	private final JsonMapper json;

	private final HonourRollChoices honourRoll;

	VolunteerPageController(VolunteerRegistration registration, Volunteers volunteers,
			VolunteerSpreadsheets spreadsheets, JsonMapper json, HonourRollChoices honourRoll) {
		this.registration = registration;
		this.honourRoll = honourRoll;
		this.volunteers = volunteers;
		this.spreadsheets = spreadsheets;
		this.json = json;
	}

	/**
	 * The registration form. {@code continue} is where to go back to after signing in,
	 * kept only when it is a path on this platform.
	 */
	@GetMapping("/register")
	String registerForm(@RequestParam(name = ReturnPath.PARAMETER, required = false) String back, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", RegisterForm.empty());
		}
		model.addAttribute("returnTo", ReturnPath.orNull(back));
		return registerPage(model);
	}

	@PostMapping("/register")
	String register(@ModelAttribute("form") RegisterForm form,
			@RequestParam(name = ReturnPath.PARAMETER, required = false) String back, Model model,
			RedirectAttributes redirect) {
		String returnTo = ReturnPath.orNull(back);
		try {
			this.registration.register(form.toNewVolunteer());
		}
		catch (ProblemException ex) {
			PageActions.show(model, ex);
			model.addAttribute("form", form.withoutPassword());
			model.addAttribute("returnTo", returnTo);
			return registerPage(model);
		}
		redirect.addFlashAttribute("notice", "register.done");
		if (returnTo != null) {
			redirect.addAttribute(ReturnPath.PARAMETER, returnTo);
		}
		return "redirect:/login";
	}

	@GetMapping("/privacy")
	String privacy(Model model) {
		model.addAttribute("terms", this.registration.terms());
		return "volunteer/privacy";
	}

	@GetMapping("/me")
	String me(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String section, Model model) {
		if (!model.containsAttribute("profile")) {
			model.addAttribute("profile", this.volunteers.myProfile(actor));
		}
		model.addAttribute("section", sectionOf(section));
		if ("privacy".equals(sectionOf(section))) {
			model.addAttribute("onHonourRoll", this.honourRoll.isShown(actor));
		}
		model.addAttribute("sections", SECTIONS);
		model.addAttribute("categories", VolunteerCategory.values());
		model.addAttribute("fields", ProfessionalField.values());
		model.addAttribute("slots", AvailabilitySlot.values());
		return "volunteer/me";
	}

	/**
	 * Saves a section of the profile: the section's fields replace the ones held, the
	 * others stay as they are (a form without a section changes everything, as before).
	 */
	@PostMapping("/me/profile")
	String changeProfile(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String section,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) List<String> categories,
			@RequestParam(required = false) List<String> fields, @RequestParam(defaultValue = "") String skills,
			@RequestParam(defaultValue = "") String languages,
			@RequestParam(required = false) List<String> availability,
			@RequestParam(defaultValue = "") String emergencyName,
			@RequestParam(defaultValue = "") String emergencyPhone, Model model, RedirectAttributes redirect) {
		String only = (section != null && SECTIONS.contains(section)) ? section : null;
		VolunteerProfile current = this.volunteers.myProfile(actor);
		List<FieldProblem> problems = new ArrayList<>();
		boolean service = only == null || only.equals("service");
		List<VolunteerCategory> parsedCategories = service
				? parseAll(VolunteerCategory.class, categories, "categories", problems) : current.categories();
		List<ProfessionalField> parsedFields = service ? parseAll(ProfessionalField.class, fields, "fields", problems)
				: current.fields();
		List<AvailabilitySlot> parsedSlots = service
				? parseAll(AvailabilitySlot.class, availability, "availability", problems) : current.availability();
		boolean emergency = only == null || only.equals("emergency");
		try {
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
			this.volunteers.changeProfile(actor,
					new ProfileChange(
							(only == null || only.equals("basic")) ? regionCode : current.volunteer().regionCode(),
							parsedCategories, parsedFields, service ? splitList(skills) : current.skills(),
							service ? splitList(languages) : current.languages(), parsedSlots,
							(!emergency || (emergencyName.isBlank() && emergencyPhone.isBlank())) ? null
									: new Contact(emergencyName, emergencyPhone)),
					!emergency);
		}
		catch (ProblemException ex) {
			model.addAttribute("profileProblems", ex.fieldProblems());
			return me(actor, only, model);
		}
		redirect.addFlashAttribute("notice", "me.saved");
		return (only == null) ? "redirect:/me" : "redirect:/me?section=" + only;
	}

	/** The profile's sections, each its own short page: the first is the default. */
	static final List<String> SECTIONS = List.of("basic", "service", "qualifications", "emergency", "privacy");

	private static String sectionOf(String section) {
		return (section != null && SECTIONS.contains(section)) ? section : SECTIONS.get(0);
	}

	@PostMapping("/me/qualifications")
	String addQualification(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String issuer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
			Model model, RedirectAttributes redirect) {
		try {
			this.volunteers.addQualification(actor, name, issuer, expiresOn);
		}
		catch (ProblemException ex) {
			model.addAttribute("qualificationProblems", ex.fieldProblems());
			return me(actor, "qualifications", model);
		}
		redirect.addFlashAttribute("notice", "me.saved");
		return "redirect:/me?section=qualifications";
	}

	@PostMapping("/me/qualifications/{id}/delete")
	String removeQualification(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			RedirectAttributes redirect) {
		this.volunteers.removeQualification(actor, id);
		redirect.addFlashAttribute("notice", "me.saved");
		return "redirect:/me?section=qualifications";
	}

	@PostMapping("/me/report-ins")
	String reportIn(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode,
			@RequestParam(defaultValue = "") String communityName,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportedOn,
			Model model, RedirectAttributes redirect) {
		try {
			this.volunteers.reportToCommunity(actor, regionCode, communityName, reportedOn);
		}
		catch (ProblemException ex) {
			model.addAttribute("reportProblems", ex.fieldProblems());
			return me(actor, "basic", model);
		}
		redirect.addFlashAttribute("notice", "me.saved");
		return "redirect:/me?section=basic#report-in";
	}

	@GetMapping("/me/export.json")
	ResponseEntity<byte[]> exportJson(@AuthenticationPrincipal Actor actor) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"zhiyuan-my-data.json\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(this.volunteers.export(actor)));
	}

	@GetMapping("/me/export.xlsx")
	ResponseEntity<byte[]> exportExcel(@AuthenticationPrincipal Actor actor) {
		return this.spreadsheets.exportResponse(this.volunteers.export(actor));
	}

	@PostMapping("/me/deregistration")
	String deregister(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String password,
			HttpServletRequest request, Model model) throws jakarta.servlet.ServletException {
		try {
			this.volunteers.deregister(actor, password);
		}
		catch (ProblemException ex) {
			model.addAttribute("deregisterProblems", ex.fieldProblems());
			return me(actor, "privacy", model);
		}
		request.logout();
		return "redirect:/?deregistered";
	}

	@GetMapping("/volunteers")
	String search(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
		String region = (regionCode != null && !regionCode.isBlank()) ? regionCode
				: actor.readableRegions().stream().sorted().findFirst().orElse(null);
		model.addAttribute("regionCode", region);
		model.addAttribute("q", q);
		model.addAttribute("results",
				this.volunteers.search(actor, region, q, org.zhiyuan.shared.PageQuery.of(page, 20)));
		return "volunteer/search";
	}

	@GetMapping("/volunteers/{id}")
	String view(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		VolunteerProfile profile = this.volunteers.profile(actor, id);
		model.addAttribute("profile", profile);
		model.addAttribute("mayConfirm", this.volunteers.mayConfirmQualifications(actor, profile.volunteer()));
		return "volunteer/view";
	}

	@PostMapping("/volunteers/{id}/qualifications/{qualificationId}/confirmation")
	String confirmQualification(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@PathVariable UUID qualificationId, RedirectAttributes redirect) {
		PageActions.run(redirect, "qualification.confirmed",
				() -> this.volunteers.confirmQualification(actor, id, qualificationId));
		return "redirect:/volunteers/" + id;
	}

	private String registerPage(Model model) {
		model.addAttribute("idTypes", IdType.values());
		model.addAttribute("genders", Gender.values());
		model.addAttribute("terms", this.registration.terms());
		return "volunteer/register";
	}

	private static <E extends Enum<E>> List<E> parseAll(Class<E> type, List<String> values, String field,
			List<FieldProblem> problems) {
		List<E> parsed = new ArrayList<>();
		if (values != null) {
			for (String value : values) {
				E one = Enums.parse(type, value, field, problems);
				if (one != null) {
					parsed.add(one);
				}
			}
		}
		return parsed;
	}

	static List<String> splitList(String text) {
		return Arrays.stream(text.split("[,，、;；\\n]")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	/**
	 * The registration form as typed; everything is text so that nothing typed is lost on
	 * an error.
	 */
	record RegisterForm(String name, String idType, String idNumber, String birthDate, String gender, String phone,
			String password, String regionCode, String skills, String privacyPolicy, String oath, String guardianName,
			String guardianPhone, String guardianIdNumber) {

		static RegisterForm empty() {
			return new RegisterForm("", "RESIDENT_ID", "", "", "", "", "", "", "", "", "", "", "", "");
		}

		RegisterForm withoutPassword() {
			return new RegisterForm(this.name, this.idType, this.idNumber, this.birthDate, this.gender, this.phone, "",
					this.regionCode, this.skills, this.privacyPolicy, this.oath, this.guardianName, this.guardianPhone,
					this.guardianIdNumber);
		}

		NewVolunteer toNewVolunteer() {
			List<FieldProblem> problems = new ArrayList<>();
			IdType type = Enums.parse(IdType.class, this.idType, "idType", problems);
			Gender parsedGender = Enums.parse(Gender.class, this.gender, "gender", problems);
			LocalDate birth = null;
			if (this.birthDate != null && !this.birthDate.isBlank()) {
				try {
					birth = LocalDate.parse(this.birthDate.strip());
				}
				catch (java.time.format.DateTimeParseException ex) {
					problems.add(new FieldProblem("birthDate", "validation.birthDate"));
				}
			}
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
			boolean guardianGiven = notBlank(this.guardianName) || notBlank(this.guardianPhone)
					|| notBlank(this.guardianIdNumber);
			return new NewVolunteer(this.name, type, this.idNumber, birth, parsedGender, this.phone, this.password,
					this.regionCode, splitList((this.skills != null) ? this.skills : ""), this.privacyPolicy,
					"on".equals(this.oath) || "true".equals(this.oath),
					guardianGiven
							? new NewVolunteer.Guardian(this.guardianName, this.guardianPhone, this.guardianIdNumber)
							: null);
		}

		private static boolean notBlank(String text) {
			return text != null && !text.isBlank();
		}

	}

}
