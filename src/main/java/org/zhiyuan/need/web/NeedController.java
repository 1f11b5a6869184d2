package org.zhiyuan.need.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.zhiyuan.access.Actor;
import org.zhiyuan.need.MenuItemView;
import org.zhiyuan.need.MenuItems;
import org.zhiyuan.need.NeedCancellations;
import org.zhiyuan.need.NeedStatus;
import org.zhiyuan.need.NeedView;
import org.zhiyuan.need.Needs;
import org.zhiyuan.need.NewMenuItem;
import org.zhiyuan.need.NewNeed;
import org.zhiyuan.need.NewResident;
import org.zhiyuan.need.ResidentView;
import org.zhiyuan.need.Residents;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.RequestFormats;
import org.zhiyuan.shared.ServiceField;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Needs and matching per API.md (C12): residents, service menus, and needs from order
 * (点单) through dispatch (派单), acceptance (接单) and completion to rating (评单).
 */
@RestController
@Tag(name = "Needs")
class NeedController {

	private final Residents residents;

	private final MenuItems menus;

	private final Needs needs;

	private final NeedCancellations cancellations;

	NeedController(Residents residents, MenuItems menus, Needs needs, NeedCancellations cancellations) {
		this.cancellations = cancellations;
		this.residents = residents;
		this.menus = menus;
		this.needs = needs;
	}

	@PostMapping("/api/v1/residents")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register as a resident (服务对象); anyone",
			description = "Residents sign in like volunteers, with their phone number and password. 409"
					+ " PHONE_REGISTERED when the phone already signs in to an account.")
	ResidentView register(@RequestBody ResidentRequest request) {
		return this.residents
			.register(new NewResident(request.name(), request.phone(), request.password(), request.regionCode()));
	}

	@GetMapping("/api/v1/residents/me")
	@Operation(summary = "The caller as a resident; 404 NOT_A_RESIDENT for others")
	ResidentView me(@AuthenticationPrincipal Actor actor) {
		return this.residents.mine(actor);
	}

	@PostMapping("/api/v1/organizations/{id}/menu-items")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a service to an organization's menu (菜单式服务; its admins)",
			description = "Residents of the regions named, and of every region below them, may order it.")
	MenuItemView createMenuItem(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody MenuItemRequest request) {
		return this.menus.create(actor, id, request.toNewMenuItem());
	}

	@PostMapping("/api/v1/menu-items/{id}/withdrawal")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Take an item off its organization's menu (its admins)",
			description = "Residents can no longer order it and stations no longer show it; needs ordered from it go"
					+ " on. 404 MENU_ITEM_NOT_FOUND once withdrawn.")
	void withdrawMenuItem(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		this.menus.withdraw(actor, id);
	}

	@GetMapping("/api/v1/menu-items")
	@Operation(summary = "Service menus offered in a region (and by regions above it); anyone",
			description = "Filter by field or by organization; newest first.")
	PageResult<MenuItemView> menuItems(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String field, @RequestParam(required = false) UUID organizationId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		ServiceField parsed = parse(ServiceField.class, field, "field");
		return this.menus.search(regionCode, parsed, organizationId, PageQuery.of(page, size));
	}

	@PostMapping("/api/v1/needs")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Order a service (点单): a resident, or an operator of the region for a resident",
			description = "From a menu item (title and field default to the item's; the need goes to the item's"
					+ " organization, whose admins may take it) or in the resident's own words. An operator names"
					+ " the resident in onBehalfOf (a name, and a phone when they have one). With an"
					+ " Idempotency-Key header a repeat returns the first need. The address is sealed at rest and"
					+ " shown only to the resident, those who serve the need and the region's overseers.")
	NeedView submit(@AuthenticationPrincipal Actor actor,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestBody NeedRequest request) {
		return this.needs.submit(actor, request.toNewNeed(), idempotencyKey);
	}

	@GetMapping("/api/v1/needs/{id}")
	@Operation(
			summary = "A need with its timeline (its resident, its organization's admins and volunteers, the"
					+ " region's overseers; audited)",
			description = "Volunteers of the organization it is dispatched to see it without the resident and the"
					+ " address until they accept it. The volunteers coming are named with masked phones.")
	NeedView get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.needs.view(actor, id);
	}

	@GetMapping("/api/v1/residents/me/needs")
	@Operation(summary = "The caller's needs, newest first (residents)")
	PageResult<NeedView> mine(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.needs.mine(actor, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/needs")
	@Operation(summary = "The dispatch queue: a region's needs (its operators and auditors)",
			description = "Of one status, or only those flagged late (late=true): not dispatched, accepted or done"
					+ " in time.")
	PageResult<NeedView> ofRegion(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String status,
			@RequestParam(required = false) Boolean late, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		NeedStatus parsed = parse(NeedStatus.class, status, "status");
		return this.needs.ofRegion(actor, regionCode, parsed, Boolean.TRUE.equals(late), PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/organizations/{id}/needs")
	@Operation(summary = "Needs dispatched to an organization or ordered from its menu (its admins, the region's"
			+ " overseers)")
	PageResult<NeedView> ofOrganization(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		NeedStatus parsed = parse(NeedStatus.class, status, "status");
		return this.needs.ofOrganization(actor, id, parsed, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/volunteers/me/needs")
	@Operation(summary = "The caller's 接单 list: needs dispatched to their organizations, and those they accepted")
	PageResult<NeedView> forVolunteer(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.needs.forVolunteer(actor, PageQuery.of(page, size));
	}

	@PostMapping("/api/v1/needs/{id}/dispatch")
	@Operation(summary = "Dispatch a need to an organization (派单; operators of its region)",
			description = "A need just submitted, or one flagged late (again, maybe to another organization). The"
					+ " admins of the organization a need was ordered from may take it for their own. 409"
					+ " INVALID_STATE otherwise.")
	NeedView dispatch(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody DispatchRequest request) {
		return this.needs.dispatch(actor, id, request.organizationId());
	}

	@PostMapping("/api/v1/needs/{id}/acceptance")
	@Operation(summary = "Accept a dispatched need (接单)",
			description = "A volunteer of its organization for themselves (no body, or no volunteerIds); or its"
					+ " admin for the members named. 409 INVALID_STATE unless DISPATCHED.")
	NeedView accept(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) AcceptanceRequest request) {
		return this.needs.accept(actor, id, (request != null) ? request.volunteerIds() : null);
	}

	@PostMapping("/api/v1/needs/{id}/completion")
	@Operation(summary = "Complete an accepted need (its organization's admins, a volunteer who accepted it)",
			description = "Each volunteer who accepted gets a service record of the time given, through the service"
					+ " records (hash-chained, counted once; 409 RECORD_OVERLAP when it overlaps their other"
					+ " service, and nothing is recorded). A second completion is 409 INVALID_STATE; with an"
					+ " Idempotency-Key header a repeat returns the need.")
	NeedView complete(@AuthenticationPrincipal Actor actor,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, @PathVariable UUID id,
			@RequestBody CompletionRequest request) {
		return this.needs.complete(actor, id, request.startedAt(), request.endedAt(), idempotencyKey);
	}

	@PostMapping("/api/v1/needs/{id}/rating")
	@Operation(summary = "Rate a done need (评单; its resident, or an operator for a resident without an account)",
			description = "1 to 5 stars and an optional comment, which the organization sees. 409 INVALID_STATE"
					+ " unless DONE.")
	NeedView rate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody RatingRequest request) {
		return this.needs.rate(actor, id, request.stars(), request.comment());
	}

	@PostMapping("/api/v1/needs/{id}/cancellation")
	@Operation(summary = "Cancel a need before it is served (its resident, or an operator of its region)",
			description = "With a reason, which the organization's admins and the volunteers who accepted are told."
					+ " 409 INVALID_STATE once DONE, RATED or CANCELLED.")
	NeedView cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody CancellationRequest request) {
		return this.cancellations.cancel(actor, id, request.reason());
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
		List<FieldProblem> problems = new java.util.ArrayList<>();
		E parsed = (value != null && !value.isBlank()) ? Enums.parse(type, value, field, problems) : null;
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return parsed;
	}

	@Schema(name = "ResidentRegistration")
	record ResidentRequest(@Size(max = 100) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 50) String name,
			@Size(max = 30) @Schema(requiredMode = REQUIRED, pattern = RequestFormats.MOBILE_PHONE) String phone,
			@Size(max = 128) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 64,
					description = "8 to 64 characters with at least one letter and one digit") String password,
			@Size(max = 12) @Schema(requiredMode = REQUIRED, minLength = 6, maxLength = 12,
					pattern = RequestFormats.REGION_CODE,
					description = "Where the resident lives, best their community (12 digits)") String regionCode) {

	}

	@Schema(name = "MenuItemRequest")
	record MenuItemRequest(
			@Size(max = 200) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 100) String title,
			@Schema(requiredMode = REQUIRED, implementation = ServiceField.class) String field,
			@Size(max = 2000) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 1000) String description,
			@Size(max = 100) @ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED), minItems = 1, maxItems = 50,
					schema = @Schema(minLength = 6, maxLength = 12,
							pattern = RequestFormats.REGION_CODE)) List<String> regionCodes) {

		NewMenuItem toNewMenuItem() {
			List<FieldProblem> problems = new java.util.ArrayList<>();
			ServiceField parsed = Enums.parse(ServiceField.class, this.field, "field", problems);
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
			return new NewMenuItem(this.title, parsed, this.description, this.regionCodes);
		}

	}

	@Schema(name = "NeedRequest")
	record NeedRequest(UUID menuItemId,
			@Size(max = 200) @Schema(minLength = 1, maxLength = 100,
					description = "Required unless ordered from a menu item") String title,
			@Size(max = 2000) @Schema(maxLength = 1000) String description,
			@Schema(implementation = ServiceField.class,
					description = "Required unless ordered from a menu item") String field,
			@Size(max = 12) @Schema(requiredMode = REQUIRED, minLength = 6, maxLength = 12,
					pattern = RequestFormats.REGION_CODE) String regionCode,
			@Size(max = 400) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 200) String address,
			Location location, @Schema(requiredMode = REQUIRED) OffsetDateTime wantedFrom,
			@Schema(requiredMode = REQUIRED,
					description = "After wantedFrom and now, at most 31 days after wantedFrom") OffsetDateTime wantedTo,
			@Schema(description = "Operators only: the resident they order for") OnBehalfRequest onBehalfOf) {

		NewNeed toNewNeed() {
			List<FieldProblem> problems = new java.util.ArrayList<>();
			ServiceField parsed = Enums.parse(ServiceField.class, this.field, "field", problems);
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
			return new NewNeed(this.menuItemId, this.title, this.description, parsed, this.regionCode, this.address,
					(this.location != null) ? this.location.lat() : null,
					(this.location != null) ? this.location.lng() : null, this.wantedFrom, this.wantedTo,
					(this.onBehalfOf != null) ? new NewNeed.OnBehalf(this.onBehalfOf.name(), this.onBehalfOf.phone())
							: null);
		}

	}

	@Schema(name = "NeedLocation")
	record Location(@Schema(requiredMode = REQUIRED, minimum = "-90", maximum = "90") Double lat,
			@Schema(requiredMode = REQUIRED, minimum = "-180", maximum = "180") Double lng) {

	}

	@Schema(name = "NeedOnBehalfRequest")
	record OnBehalfRequest(@Size(max = 100) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 50) String name,
			@Size(max = 30) @Schema(pattern = RequestFormats.MOBILE_PHONE) String phone) {

	}

	@Schema(name = "NeedDispatchRequest")
	record DispatchRequest(@Schema(requiredMode = REQUIRED) UUID organizationId) {

	}

	@Schema(name = "NeedAcceptanceRequest")
	record AcceptanceRequest(@Size(max = 100) @ArraySchema(maxItems = 20, arraySchema = @Schema(
			description = "Admins only: the members who serve; none: the caller")) List<UUID> volunteerIds) {

	}

	@Schema(name = "NeedCompletionRequest")
	record CompletionRequest(@Schema(requiredMode = REQUIRED) OffsetDateTime startedAt, @Schema(requiredMode = REQUIRED,
			description = "After startedAt, at most 24 hours later, not in the future") OffsetDateTime endedAt) {

	}

	@Schema(name = "NeedCancellationRequest")
	record CancellationRequest(
			@Size(max = 1000) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 500) String reason) {

	}

	@Schema(name = "NeedRatingRequest")
	record RatingRequest(@Schema(requiredMode = REQUIRED, minimum = "1", maximum = "5") Integer stars,
			@Size(max = 1000) @Schema(maxLength = 500) String comment) {

	}

}
