package org.zhiyuan.activity.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.ActivitySeries;
import org.zhiyuan.activity.Repeat;
import org.zhiyuan.activity.SeriesView;
import org.zhiyuan.activity.web.ActivityRequests.ActivityRequest;
import org.zhiyuan.activity.web.ActivityRequests.ActivityResponse;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Series of activities and copies of an activity. */
@RestController
@Tag(name = "Activities")
class ActivitySeriesController {

	private final ActivitySeries series;

	ActivitySeriesController(ActivitySeries series) {
		this.series = series;
	}

	@PostMapping("/api/v1/activity-series")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a daily or weekly series of an activity (admin of an ACTIVE organization)",
			description = "Every occurrence is an activity of its own, with its own positions and sign-ups: DRAFT, or"
					+ " published at once with publish=true. The rule ends after count occurrences or on the day"
					+ " until (China time); at most 52 occurrences. All are created or none.")
	SeriesResponse create(@AuthenticationPrincipal Actor actor, @Valid @RequestBody SeriesRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		if (request.activity() == null) {
			problems.add(new FieldProblem("activity", "validation.required"));
		}
		Repeat repeat = (request.repeat() != null) ? request.repeat().toRepeat(problems) : null;
		if (request.repeat() == null) {
			problems.add(new FieldProblem("repeat", "validation.required"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		try {
			return SeriesResponse.of(this.series.create(actor, request.activity().toNewActivity(), repeat,
					Boolean.TRUE.equals(request.publish())));
		}
		catch (ProblemException ex) {
			if (ex.status() != 400 || ex.fieldProblems().isEmpty()) {
				throw ex;
			}
			// the activity's fields lie under "activity" in this body
			throw ProblemException.invalid(ex.fieldProblems()
				.stream()
				.map((p) -> (p.field().startsWith("repeat") || p.field().startsWith("activity")) ? p
						: new FieldProblem("activity." + p.field(), p.messageKey(), p.args()))
				.toList());
		}
	}

	@PostMapping("/api/v1/activities/{id}/copy")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Copy an activity into a new DRAFT (admin of its organization)",
			description = "Positions and requirements are copied, sign-ups are not. An activity already begun is"
					+ " copied to the same weekday and time in the first week still ahead.")
	ActivityResponse copy(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return ActivityResponse.of(this.series.copy(actor, id));
	}

	record SeriesRequest(@Valid @Schema(requiredMode = REQUIRED) ActivityRequest activity,
			@Valid @Schema(requiredMode = REQUIRED) RepeatRequest repeat,
			@Schema(description = "Publish every occurrence at once; default false (drafts)") Boolean publish) {

	}

	record RepeatRequest(@Schema(requiredMode = REQUIRED, implementation = Repeat.Frequency.class) String frequency,
			@Schema(minimum = "1", maximum = "52", description = "How many occurrences; or give until") Integer count,
			@Schema(description = "The last day an occurrence may fall on (China time); or give count") LocalDate until) {

		Repeat toRepeat(List<FieldProblem> problems) {
			Repeat.Frequency parsed = Enums.parse(Repeat.Frequency.class, this.frequency, "repeat.frequency", problems);
			return new Repeat(parsed, this.count, this.until);
		}

	}

	record SeriesResponse(UUID id, UUID organizationId, Repeat.Frequency frequency,
			List<ActivityResponse> occurrences) {

		static SeriesResponse of(SeriesView view) {
			return new SeriesResponse(view.id(), view.organizationId(), view.frequency(),
					view.occurrences().stream().map(ActivityResponse::of).toList());
		}

	}

}
