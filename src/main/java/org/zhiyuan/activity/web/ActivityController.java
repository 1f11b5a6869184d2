package org.zhiyuan.activity.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityChange;
import org.zhiyuan.activity.ActivityQuery;
import org.zhiyuan.activity.ProjectLevel;
import org.zhiyuan.activity.ProjectView;
import org.zhiyuan.activity.web.ActivityRequests.ActivityRequest;
import org.zhiyuan.activity.web.ActivityRequests.ActivityResponse;
import org.zhiyuan.activity.web.ActivityRequests.ReasonRequest;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.RequestFormats;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.shared.identity.Gender;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Activities and projects per API.md: create, publish, cancel, archive, public search and
 * detail.
 */
@RestController
@Tag(name = "Activities")
class ActivityController {

	private final Activities activities;

	ActivityController(Activities activities) {
		this.activities = activities;
	}

	@PostMapping("/api/v1/activities")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an activity as a draft (admin of an ACTIVE organization)")
	ActivityResponse create(@AuthenticationPrincipal Actor actor, @Valid @RequestBody ActivityRequest request) {
		return ActivityResponse.of(this.activities.create(actor, request.toNewActivity()));
	}

	@PostMapping("/api/v1/activities/past")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register an activity that took place offline, to enter its records afterwards (补录)",
			description = "Admin of an ACTIVE organization: the activity ended before now and began within the last"
					+ " 10 working days (Monday to Friday). It never recruits and waits, PENDING_REVIEW, for the"
					+ " operators of its region to confirm it (POST /api/v1/activities/{id}/review); records entered"
					+ " for it meanwhile are held (NO_SIGNUP) and count once it is confirmed, or are voided with it."
					+ " An operator of the activity's and the organization's region may enter historical records"
					+ " instead: begun within the last 183 days, FINISHED at once, its hand-entered records flagged"
					+ " NO_SIGNUP for the operators one by one.")
	ActivityResponse recordPast(@AuthenticationPrincipal Actor actor,
			@Valid @RequestBody ActivityRequests.PastActivityRequest request) {
		try {
			return ActivityResponse.of(this.activities.recordPast(actor, request.toNewActivity(), request.reason()));
		}
		catch (ProblemException ex) {
			if (ex.status() != 400 || ex.fieldProblems().isEmpty()) {
				throw ex;
			}
			// the activity's fields lie under "activity" in this body
			throw ProblemException.invalid(ex.fieldProblems()
				.stream()
				.map((p) -> ("reason".equals(p.field()) || p.field().startsWith("activity")) ? p
						: new FieldProblem("activity." + p.field(), p.messageKey(), p.args()))
				.toList());
		}
	}

	@org.springframework.web.bind.annotation.PatchMapping("/api/v1/activities/{id}")
	@Operation(summary = "Change a draft or recruiting activity; volunteers hear of a new time or place",
			description = "Leaves out what is not sent. Capacities may grow, or shrink down to the places taken"
					+ " (409 CAPACITY_BELOW_ACCEPTED). Each entry of requirements replaces its position's"
					+ " requirements as a whole: a requirement left out is none (minAge then the default, 14 or 18"
					+ " for an emergency recruitment), qualifications are codes of GET /api/v1/qualification-codes."
					+ " Until anyone signs up for a position its requirements may change freely; once a volunteer"
					+ " is signed up for it (pending, accepted or waiting) they may only be loosened: a lower"
					+ " minAge, a higher or no maxAge, no gender, fewer minServices or minHours, fewer"
					+ " qualifications. A stricter requirement is refused with 409 REQUIREMENTS_TIGHTENED and"
					+ " nothing is changed.")
	ActivityResponse change(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@Valid @RequestBody ChangeRequest request) {
		return ActivityResponse.of(this.activities.change(actor, id, request.toChange()));
	}

	@PostMapping("/api/v1/activities/{id}/publish")
	@Operation(summary = "Publish a draft or a rejected activity: recruitment opens, or, when the region's settings"
			+ " ask for review, it waits for its operators (PENDING_REVIEW)")
	ActivityResponse publish(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return ActivityResponse.of(this.activities.publish(actor, id));
	}

	@PostMapping("/api/v1/activities/{id}/cancel")
	@Operation(summary = "Cancel with a reason that reaches every signed-up volunteer")
	ActivityResponse cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@Valid @RequestBody ReasonRequest request) {
		return ActivityResponse.of(this.activities.cancel(actor, id, request.reason()));
	}

	@PostMapping("/api/v1/activities/{id}/archive")
	@Operation(summary = "Archive a finished or cancelled activity")
	ActivityResponse archive(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return ActivityResponse.of(this.activities.archive(actor, id));
	}

	@GetMapping("/api/v1/activities")
	@SecurityRequirements
	@Operation(summary = "Published activities by region (and below), category, text, dates and distance")
	PageResult<ActivityResponse> search(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String category, @RequestParam(required = false) String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lng,
			@RequestParam(required = false) Double radiusKm, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		List<FieldProblem> problems = new ArrayList<>();
		ServiceField field = Enums.parse(ServiceField.class, category, "category", problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return this.activities
			.search(new ActivityQuery(blankToNull(regionCode), field, q, from, to, lat, lng, radiusKm),
					PageQuery.of(page, size))
			.map(ActivityResponse::of);
	}

	@GetMapping("/api/v1/activities/{id}")
	@SecurityRequirements
	@Operation(summary = "An activity with its recruitment notice and per-position capacity and accepted counts")
	ActivityResponse get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return ActivityResponse.of(this.activities.view(actor, id));
	}

	@GetMapping("/api/v1/organizations/{id}/activities")
	@SecurityRequirements
	@Operation(summary = "An organization's activities, the latest start first (drafts only for its admins and"
			+ " overseers)")
	PageResult<ActivityResponse> ofOrganization(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.activities.ofOrganization(actor, id, PageQuery.of(page, size)).map(ActivityResponse::of);
	}

	@PostMapping("/api/v1/projects")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a project to the library (admin of an ACTIVE organization)")
	ProjectView createProject(@AuthenticationPrincipal Actor actor, @Valid @RequestBody ProjectRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		ServiceField field = Enums.parse(ServiceField.class, request.field(), "field", problems);
		ProjectLevel level = Enums.parse(ProjectLevel.class, request.level(), "level", problems);
		if (request.organizationId() == null) {
			problems.add(new FieldProblem("organizationId", "validation.required"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return this.activities.createProject(actor, request.organizationId(), request.name(), field, level,
				request.description());
	}

	@GetMapping("/api/v1/projects")
	@SecurityRequirements
	@Operation(summary = "The project library by region, field, organization and brand flag")
	PageResult<ProjectView> projects(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String field, @RequestParam(required = false) UUID organizationId,
			@RequestParam(required = false) Boolean brand, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		List<FieldProblem> problems = new ArrayList<>();
		ServiceField parsed = Enums.parse(ServiceField.class, field, "field", problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return this.activities.projects(blankToNull(regionCode), parsed, organizationId, brand,
				PageQuery.of(page, size));
	}

	@PostMapping("/api/v1/projects/{id}/brand")
	@Operation(summary = "Mark or unmark a brand project (operator of its region)")
	ProjectView brand(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@Valid @RequestBody BrandRequest request) {
		if (request.brand() == null) {
			throw ProblemException.invalid(List.of(new FieldProblem("brand", "validation.required")));
		}
		return this.activities.markBrand(actor, id, request.brand());
	}

	record ChangeRequest(@Size(max = 200) @Schema(maxLength = 100) String title,
			@Size(max = 8000) @Schema(maxLength = 4000) String description,
			@Size(max = 400) @Schema(maxLength = 200) String address, ActivityRequests.Location location,
			@Schema(minimum = "50", maximum = "5000") Integer geofenceMeters, java.time.OffsetDateTime startsAt,
			java.time.OffsetDateTime endsAt, java.time.OffsetDateTime signupDeadline,
			@Size(max = 4000) @Schema(maxLength = 2000) String risksAndProtections,
			@Size(max = 100) @Schema(maxLength = 50) String contactName,
			@Size(max = 30) @Schema(pattern = RequestFormats.MOBILE_PHONE) String contactPhone,
			@Size(max = 100) List<CapacityRequest> capacities,
			@Size(max = 50) @Schema(description = "New requirements of positions, each replacing its position's as a"
					+ " whole") List<RequirementsRequest> requirements) {

		org.zhiyuan.activity.ActivityChange toChange() {
			java.util.Map<UUID, Integer> map = new java.util.LinkedHashMap<>();
			if (this.capacities != null) {
				for (CapacityRequest c : this.capacities) {
					if (c == null || c.positionId() == null) {
						throw ProblemException.invalid(List.of(new FieldProblem("capacities", "validation.required")));
					}
					map.put(c.positionId(), c.capacity());
				}
			}
			List<FieldProblem> problems = new ArrayList<>();
			List<ActivityChange.Requirements> required = new ArrayList<>();
			for (int i = 0; this.requirements != null && i < this.requirements.size(); i++) {
				RequirementsRequest r = this.requirements.get(i);
				if (r == null) {
					problems.add(new FieldProblem("requirements[" + i + "]", "validation.required"));
					continue;
				}
				required.add(new ActivityChange.Requirements(r.positionId(), r.minAge(), r.maxAge(),
						Enums.parse(Gender.class, r.gender(), "requirements[" + i + "].gender", problems),
						r.minServices(), r.minHours(), r.qualifications(), r.minCreditScore()));
			}
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
			return new org.zhiyuan.activity.ActivityChange(this.title, this.description, this.address,
					(this.location != null) ? this.location.lat() : null,
					(this.location != null) ? this.location.lng() : null, this.geofenceMeters, this.startsAt,
					this.endsAt, this.signupDeadline, this.risksAndProtections, this.contactName, this.contactPhone,
					map.isEmpty() ? null : map, required.isEmpty() ? null : required);
		}

	}

	/**
	 * A position's requirements, all of them: what is left out is no requirement (the
	 * minimum age then the default).
	 */
	@Schema(name = "PositionRequirementsRequest")
	record RequirementsRequest(@Schema(requiredMode = REQUIRED) UUID positionId, @Schema(minimum = "14",
			maximum = "100",
			description = "Default 14, or 18 for an emergency recruitment, which takes no one younger") Integer minAge,
			@Schema(minimum = "14", maximum = "100") Integer maxAge,
			@Schema(implementation = Gender.class, description = "Only volunteers of this gender") String gender,
			@Schema(minimum = "0", maximum = "10000",
					description = "Services the volunteer must have done before") Integer minServices,
			@Schema(type = "string", format = "decimal", pattern = RequestFormats.HOURS, example = "20.00",
					description = "Hours of service the volunteer must have, 0 to 100000") BigDecimal minHours,
			@Size(max = 20) @ArraySchema(maxItems = 10, schema = @Schema(minLength = 1, maxLength = 100,
					description = "A code of GET /api/v1/qualification-codes, e.g. FIRST_AID")) List<String> qualifications,
			@Schema(minimum = "0", maximum = "200",
					description = "The volunteer credit score (志愿信用) the volunteer must have at sign-up") Integer minCreditScore) {

	}

	record CapacityRequest(@Schema(requiredMode = REQUIRED) UUID positionId,
			@Schema(requiredMode = REQUIRED, minimum = "1", maximum = "100000") Integer capacity) {

	}

	record ProjectRequest(@Schema(requiredMode = REQUIRED) UUID organizationId,
			@Size(max = 200) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 100) String name,
			@Schema(requiredMode = REQUIRED, implementation = ServiceField.class) String field,
			@Schema(requiredMode = REQUIRED, implementation = ProjectLevel.class) String level,
			@Size(max = 4000) @Schema(maxLength = 2000) String description) {

	}

	/** Whether the project is a brand project; required, true or false. */
	record BrandRequest(@Schema(requiredMode = REQUIRED) Boolean brand) {

	}

	private static String blankToNull(String text) {
		return (text != null && !text.isBlank()) ? text.strip() : null;
	}

}
