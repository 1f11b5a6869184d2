package org.zhiyuan.emergency.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.emergency.AssemblyPoint;
import org.zhiyuan.emergency.EmergencyPlan;
import org.zhiyuan.emergency.EmergencyPlans;
import org.zhiyuan.emergency.GeoPoint;
import org.zhiyuan.emergency.Hazard;
import org.zhiyuan.emergency.Launched;
import org.zhiyuan.emergency.NewMobilization.NeedRequest;
import org.zhiyuan.emergency.PlanFields;
import org.zhiyuan.emergency.PlanLaunch;
import org.zhiyuan.emergency.PlanSummary;
import org.zhiyuan.emergency.QualificationKind;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.RequestFormats;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Emergency plans (应急预案, C14): per region and hazard, the people needed, the emergency
 * teams to call first and the assembly points; a mobilization launched from a plan.
 */
@RestController
@Tag(name = "Emergency")
class EmergencyPlanController {

	private final EmergencyPlans plans;

	EmergencyPlanController(EmergencyPlans plans) {
		this.plans = plans;
	}

	@PostMapping("/api/v1/emergency/plans")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Write an emergency plan of a region (an operator of the region)",
			description = "The people needed (skill, count, optionally a qualification), the emergency teams to call"
					+ " first — active emergency teams of the region, a region above it or one below it — and one to"
					+ " five assembly points, the first the default. With an Idempotency-Key header a repeat by the"
					+ " same operator returns the first.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: the fields named")
	@ApiResponse(responseCode = "422",
			description = "TEAM_NOT_ELIGIBLE: a team is no active emergency team of the region's tree (teamIds lists"
					+ " them)")
	EmergencyPlan create(@AuthenticationPrincipal Actor actor, @RequestBody NewPlanRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		return this.plans.create(actor, request.regionCode(), request.toFields(), idempotencyKey);
	}

	@GetMapping("/api/v1/emergency/plans")
	@Operation(summary = "The active emergency plans of a region and the regions below it (its operators and"
			+ " auditors)")
	@ApiResponse(responseCode = "404", description = "REGION_NOT_FOUND")
	PageResult<PlanSummary> list(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.plans.ofRegion(actor, regionCode, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/emergency/plans/{id}")
	@Operation(summary = "An emergency plan (the operators and auditors of its region and the regions above)")
	@ApiResponse(responseCode = "404", description = "PLAN_NOT_FOUND")
	EmergencyPlan plan(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.plans.find(actor, id);
	}

	@PutMapping("/api/v1/emergency/plans/{id}")
	@Operation(summary = "Change an active emergency plan (an operator of its region)",
			description = "Replaces its fields, needs, teams and assembly points; its region stays.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: the fields named")
	@ApiResponse(responseCode = "404", description = "PLAN_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: archived")
	@ApiResponse(responseCode = "422", description = "TEAM_NOT_ELIGIBLE")
	EmergencyPlan update(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody PlanRequest request) {
		return this.plans.update(actor, id, request.toFields());
	}

	@DeleteMapping("/api/v1/emergency/plans/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Archive an emergency plan (an operator of its region)",
			description = "It leaves the lists and launches no more; archiving it again changes nothing.")
	@ApiResponse(responseCode = "404", description = "PLAN_NOT_FOUND")
	void archive(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		this.plans.archive(actor, id);
	}

	@PostMapping("/api/v1/emergency/plans/{id}/mobilizations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Launch a mobilization from an emergency plan (an operator of its region)",
			description = "The plan gives the needs, and the title, the radius and the assembly point unless they are"
					+ " given: assemblyPointIndex picks one of the plan's (the first when absent), assemblyPoint gives"
					+ " another instead. Then it is launched as POST /api/v1/emergency/mobilizations is, and calls the"
					+ " same volunteers. With an Idempotency-Key header a repeat by the same operator returns the"
					+ " first and calls nobody again.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: the fields named")
	@ApiResponse(responseCode = "404", description = "PLAN_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: archived")
	Launched launch(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody PlanLaunchRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		return this.plans.launch(actor, id, request.toLaunch(), idempotencyKey);
	}

	/** People needed: with a skill, optionally holding a valid qualification. */
	record PlanNeed(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 60) String skill,
			@Schema(requiredMode = REQUIRED, minimum = "1", maximum = "10000") Integer count,
			@Schema(implementation = QualificationKind.class) String qualification) {

	}

	/** An assembly point: a name and where it is. */
	record PlanPoint(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 100) String name,
			@Schema(requiredMode = REQUIRED, minimum = "3", maximum = "54") Double lat,
			@Schema(requiredMode = REQUIRED, minimum = "73", maximum = "136") Double lng) {

		AssemblyPoint toPoint() {
			return new AssemblyPoint(this.name, this.lat, this.lng);
		}

	}

	/** A point within China. */
	record PlanLocation(@Schema(requiredMode = REQUIRED, minimum = "3", maximum = "54") Double lat,
			@Schema(requiredMode = REQUIRED, minimum = "73", maximum = "136") Double lng) {

	}

	/** A new plan of a region. */
	record NewPlanRequest(
			@Schema(requiredMode = REQUIRED, minLength = 6, maxLength = 12,
					pattern = RequestFormats.REGION_CODE) String regionCode,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 100) String name,
			@Schema(requiredMode = REQUIRED, implementation = Hazard.class) String hazard,
			@Schema(maxLength = 1000) String description,
			@Schema(requiredMode = REQUIRED, minimum = "1", maximum = "200",
					description = "The default radius of a mobilization launched from the plan") Integer radiusKm,
			@ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED), minItems = 1, maxItems = 20,
					schema = @Schema(implementation = PlanNeed.class)) List<PlanNeed> needs,
			@ArraySchema(maxItems = 20, arraySchema = @Schema(description = "The emergency teams to call first"),
					schema = @Schema(type = "string", format = "uuid")) List<UUID> teamIds,
			@ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED), minItems = 1, maxItems = 5,
					schema = @Schema(implementation = PlanPoint.class)) List<PlanPoint> assemblyPoints) {

		PlanFields toFields() {
			return PlanRequest.fields(this.name, this.hazard, this.description, this.radiusKm, this.needs, this.teamIds,
					this.assemblyPoints);
		}

	}

	/** A plan's fields, needs, teams and points, as they are to be. */
	record PlanRequest(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 100) String name,
			@Schema(requiredMode = REQUIRED, implementation = Hazard.class) String hazard,
			@Schema(maxLength = 1000) String description,
			@Schema(requiredMode = REQUIRED, minimum = "1", maximum = "200",
					description = "The default radius of a mobilization launched from the plan") Integer radiusKm,
			@ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED), minItems = 1, maxItems = 20,
					schema = @Schema(implementation = PlanNeed.class)) List<PlanNeed> needs,
			@ArraySchema(maxItems = 20, arraySchema = @Schema(description = "The emergency teams to call first"),
					schema = @Schema(type = "string", format = "uuid")) List<UUID> teamIds,
			@ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED), minItems = 1, maxItems = 5,
					schema = @Schema(implementation = PlanPoint.class)) List<PlanPoint> assemblyPoints) {

		PlanFields toFields() {
			return fields(this.name, this.hazard, this.description, this.radiusKm, this.needs, this.teamIds,
					this.assemblyPoints);
		}

		static PlanFields fields(String name, String hazard, String description, Integer radiusKm, List<PlanNeed> needs,
				List<UUID> teamIds, List<PlanPoint> points) {
			List<NeedRequest> asked = (needs != null) ? needs.stream()
				.map((need) -> (need != null) ? new NeedRequest(need.skill(), need.count(), need.qualification())
						: null)
				.toList() : null;
			List<AssemblyPoint> given = (points != null)
					? points.stream().map((point) -> (point != null) ? point.toPoint() : null).toList() : null;
			return new PlanFields(name, hazard, description, radiusKm, asked, teamIds, given);
		}

	}

	/** A mobilization to launch from a plan. */
	record PlanLaunchRequest(
			@Schema(minLength = 1, maxLength = 100, description = "The plan's name when absent") String title,
			@Schema(requiredMode = REQUIRED) PlanLocation location,
			@Schema(minimum = "1", maximum = "200", description = "The plan's radius when absent") Integer radiusKm,
			@Schema(requiredMode = REQUIRED,
					description = "When to assemble: from an hour ago to 30 days ahead") OffsetDateTime assembleAt,
			@Schema(minimum = "0", maximum = "4",
					description = "Which of the plan's assembly points, from 0; the first when absent") Integer assemblyPointIndex,
			@Schema(description = "Another assembly point instead of the plan's") PlanPoint assemblyPoint,
			@Schema(description = "A drill rather than a real emergency; false when absent") Boolean drill) {

		PlanLaunch toLaunch() {
			return new PlanLaunch(this.title,
					(this.location != null) ? new GeoPoint(this.location.lat(), this.location.lng()) : null,
					this.radiusKm, this.assembleAt, this.assemblyPointIndex,
					(this.assemblyPoint != null) ? this.assemblyPoint.toPoint() : null,
					Boolean.TRUE.equals(this.drill));
		}

	}

}
