package org.zhiyuan.station.web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.RequestFormats;
import org.zhiyuan.station.Bbox;
import org.zhiyuan.station.Checklist;
import org.zhiyuan.station.NewStation;
import org.zhiyuan.station.StationKind;
import org.zhiyuan.station.StationQuery;
import org.zhiyuan.station.StationStatus;
import org.zhiyuan.station.StationView;
import org.zhiyuan.station.Stations;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Stations per API.md: operators of a region enter, change, close and reopen its
 * stations; anyone lists the open ones by region, kind and bounding box, as a page or as
 * a GeoJSON FeatureCollection (RFC 7946) for other systems' maps.
 */
@RestController
@Tag(name = "Stations")
class StationController {

	static final String GEO_JSON = "application/geo+json";

	private final Stations stations;

	StationController(Stations stations) {
		this.stations = stations;
	}

	@PostMapping("/api/v1/stations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Enter a station (operators of its region)",
			description = "The station opens at once. A repeat with the same Idempotency-Key returns the station"
					+ " entered first. organizationId, when given, names an active organization that runs it.")
	StationResponse create(@AuthenticationPrincipal Actor actor,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestBody StationRequest request) {
		return StationResponse.of(this.stations.create(actor, request.toNewStation(), idempotencyKey));
	}

	@PutMapping("/api/v1/stations/{id}")
	@Operation(summary = "Change a station: every field as when entered (operators of its region)",
			description = "Moving it to another region needs an operator of both.")
	StationResponse update(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody StationRequest request) {
		return StationResponse.of(this.stations.update(actor, id, request.toNewStation()));
	}

	@PostMapping("/api/v1/stations/{id}/close")
	@Operation(summary = "Close an open station (operators of its region)",
			description = "It leaves the map and the list; its page says why. 409 INVALID_STATE when closed.")
	StationResponse close(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody CloseRequest request) {
		return StationResponse.of(this.stations.close(actor, id, request.reason()));
	}

	@PostMapping("/api/v1/stations/{id}/reopen")
	@Operation(summary = "Reopen a closed station (operators of its region)",
			description = "409 INVALID_STATE when it is open.")
	StationResponse reopen(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return StationResponse.of(this.stations.reopen(actor, id));
	}

	@GetMapping("/api/v1/stations/{id}")
	@SecurityRequirements
	@Operation(summary = "A station, open or closed")
	StationResponse get(@PathVariable UUID id) {
		return StationResponse.of(this.stations.view(id));
	}

	@GetMapping(path = "/api/v1/stations", produces = { MediaType.APPLICATION_JSON_VALUE, GEO_JSON })
	@SecurityRequirements
	@Operation(summary = "Open stations by region (and below), kind and bounding box",
			description = "With Accept: application/geo+json the same page as a GeoJSON FeatureCollection (RFC"
					+ " 7946): each station a Feature with a Point geometry in [lng, lat] order and the station's"
					+ " fields as properties; page, size and total are foreign members.")
	@ApiResponse(responseCode = "200", description = "A page of stations, or a FeatureCollection",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = StationPage.class)),
					@Content(mediaType = GEO_JSON, schema = @Schema(implementation = FeatureCollection.class)) })
	Object search(@RequestHeader(name = "Accept", required = false) String accept,
			@RequestParam(required = false) String regionCode,
			@Parameter(schema = @Schema(implementation = StationKind.class)) @RequestParam(
					required = false) String kind,
			@Parameter(description = "minLng,minLat,maxLng,maxLat in degrees (WGS 84), as RFC 7946 writes a bbox",
					example = "116.40,39.88,116.48,39.94") @RequestParam(required = false) String bbox,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		List<FieldProblem> problems = new ArrayList<>();
		StationKind parsedKind = Enums.parse(StationKind.class, kind, "kind", problems);
		Bbox box = null;
		try {
			box = Bbox.parse(blankToNull(bbox));
		}
		catch (ProblemException ex) {
			problems.addAll(ex.fieldProblems());
		}
		PageQuery paging;
		try {
			paging = PageQuery.of(page, size);
		}
		catch (ProblemException ex) {
			problems.addAll(ex.fieldProblems());
			paging = null;
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		PageResult<StationView> found = this.stations.search(new StationQuery(blankToNull(regionCode), parsedKind, box),
				paging);
		if (wantsGeoJson(accept)) {
			String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
			return FeatureCollection.of(found, base);
		}
		return found.map(StationResponse::of);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * Whether the caller prefers GeoJSON: it names it before, or instead of, plain JSON.
	 */
	static boolean wantsGeoJson(String accept) {
		if (accept == null) {
			return false;
		}
		int geo = accept.indexOf(GEO_JSON);
		int json = accept.indexOf(MediaType.APPLICATION_JSON_VALUE);
		return geo >= 0 && (json < 0 || geo < json);
	}

	@Schema(name = "StationRequest")
	record StationRequest(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 100) String name,
			@Schema(requiredMode = REQUIRED, implementation = StationKind.class) String kind,
			@Schema(requiredMode = REQUIRED, minLength = 6, maxLength = 12,
					pattern = RequestFormats.REGION_CODE) String regionCode,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 200) String address,
			@Schema(requiredMode = REQUIRED,
					description = "Where the station is, picked on the map (WGS 84)") Location location,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 200,
					description = "As people read it, e.g. 周一至周五 9:00-17:00") String openingHours,
			@Schema(description = "The active organization that runs the station") UUID organizationId,
			@Schema(requiredMode = REQUIRED) ChecklistRequest checklist) {

		NewStation toNewStation() {
			List<FieldProblem> problems = new ArrayList<>();
			StationKind parsed = Enums.parse(StationKind.class, this.kind, "kind", problems);
			if (this.location != null && (this.location.lat() == null || this.location.lng() == null)) {
				problems.add(new FieldProblem("location", "validation.station.location"));
			}
			Checklist items = null;
			if (this.checklist != null) {
				Map<String, Boolean> given = new LinkedHashMap<>();
				given.put("venue", this.checklist.venue());
				given.put("team", this.checklist.team());
				given.put("projects", this.checklist.projects());
				given.put("facilities", this.checklist.facilities());
				given.put("rules", this.checklist.rules());
				given.put("signage", this.checklist.signage());
				given.forEach((name, value) -> {
					if (value == null) {
						problems.add(new FieldProblem("checklist." + name, "validation.required"));
					}
				});
				if (!given.containsValue(null)) {
					items = new Checklist(this.checklist.venue(), this.checklist.team(), this.checklist.projects(),
							this.checklist.facilities(), this.checklist.rules(), this.checklist.signage());
				}
			}
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
			return new NewStation(this.name, parsed, this.regionCode, this.address,
					(this.location != null) ? this.location.lat() : null,
					(this.location != null) ? this.location.lng() : null, this.openingHours, this.organizationId,
					(this.checklist != null) ? items : null);
		}

	}

	record Location(@Schema(requiredMode = REQUIRED, minimum = "-90", maximum = "90") Double lat,
			@Schema(requiredMode = REQUIRED, minimum = "-180", maximum = "180") Double lng) {

	}

	@Schema(name = "StationChecklist",
			description = "The standard checklist: 有场所 venue, 有队伍 team, 有项目 projects, 有设施 facilities,"
					+ " 有制度 rules, 有标识 signage")
	record ChecklistRequest(@Schema(requiredMode = REQUIRED) Boolean venue,
			@Schema(requiredMode = REQUIRED) Boolean team, @Schema(requiredMode = REQUIRED) Boolean projects,
			@Schema(requiredMode = REQUIRED) Boolean facilities, @Schema(requiredMode = REQUIRED) Boolean rules,
			@Schema(requiredMode = REQUIRED) Boolean signage) {

	}

	@Schema(name = "StationCloseRequest")
	record CloseRequest(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 500) String reason) {

	}

	record ChecklistResponse(boolean venue, boolean team, boolean projects, boolean facilities, boolean rules,
			boolean signage, @Schema(description = "How many of the six the station has") int met,
			@Schema(description = "Always 6") int total,
			@Schema(description = "All six: the station meets the standard (达标)") boolean complete) {

		static ChecklistResponse of(Checklist c) {
			return new ChecklistResponse(c.venue(), c.team(), c.projects(), c.facilities(), c.rules(), c.signage(),
					c.met(), Checklist.ITEMS, c.complete());
		}

	}

	@Schema(name = "Station")
	record StationResponse(UUID id, String name, StationKind kind, String regionCode, String address,
			LocationResponse location, String openingHours, UUID organizationId, String organizationName,
			ChecklistResponse checklist, StationStatus status, String closedReason, OffsetDateTime createdAt,
			OffsetDateTime updatedAt) {

		static StationResponse of(StationView s) {
			return new StationResponse(s.id(), s.name(), s.kind(), s.regionCode(), s.address(),
					new LocationResponse(s.lat(), s.lng()), s.openingHours(), s.organizationId(), s.organizationName(),
					ChecklistResponse.of(s.checklist()), s.status(), s.closedReason(), s.createdAt(), s.updatedAt());
		}

	}

	/** How a page of stations reads, for the document (the answer is a PageResult). */
	@Schema(name = "PageResultStation")
	record StationPage(List<StationResponse> items, int page, int size, long total) {

	}

	@Schema(name = "StationLocation")
	record LocationResponse(double lat, double lng) {

	}

	/** RFC 7946 §3.3, with the page's numbers as foreign members. */
	@Schema(name = "StationFeatureCollection")
	record FeatureCollection(@Schema(allowableValues = "FeatureCollection") String type, List<Feature> features,
			int page, int size, long total) {

		static FeatureCollection of(PageResult<StationView> found, String base) {
			return new FeatureCollection("FeatureCollection",
					found.items().stream().map((s) -> Feature.of(s, base)).toList(), found.page(), found.size(),
					found.total());
		}

	}

	/** RFC 7946 §3.2. */
	@Schema(name = "StationFeature")
	record Feature(@Schema(allowableValues = "Feature") String type, UUID id, Point geometry,
			FeatureProperties properties) {

		static Feature of(StationView s, String base) {
			return new Feature("Feature", s.id(), new Point("Point", List.of(s.lng(), s.lat())),
					new FeatureProperties(s.name(), s.kind(), s.regionCode(), s.address(), s.openingHours(),
							s.organizationId(), s.organizationName(), s.checklist().met(), Checklist.ITEMS,
							s.checklist().complete(), base + "/stations/" + s.id()));
		}

	}

	/** RFC 7946 §3.1.2: longitude first. */
	@Schema(name = "StationPoint")
	record Point(@Schema(allowableValues = "Point") String type,
			@Schema(description = "[longitude, latitude]") List<Double> coordinates) {

	}

	@Schema(name = "StationFeatureProperties")
	record FeatureProperties(String name, StationKind kind, String regionCode, String address, String openingHours,
			UUID organizationId, String organizationName, int checklistMet, int checklistTotal,
			boolean checklistComplete, @Schema(description = "The station's public page") String url) {

	}

}
