package org.zhiyuan.points.web;

import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.points.CheckedRedemption;
import org.zhiyuan.points.NewReward;
import org.zhiyuan.points.OfferedReward;
import org.zhiyuan.points.PointEntryView;
import org.zhiyuan.points.PointRule;
import org.zhiyuan.points.PointRules;
import org.zhiyuan.points.Points;
import org.zhiyuan.points.PointsView;
import org.zhiyuan.points.RedemptionView;
import org.zhiyuan.points.Redemptions;
import org.zhiyuan.points.RewardView;
import org.zhiyuan.points.Rewards;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.RequestFormats;
import org.zhiyuan.volunteer.Volunteers;

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
 * Points (积分) and rewards (礼遇回馈): a volunteer's points by lot and expiry, the rules of a
 * region, the catalogue, redemptions and the merchant's check.
 */
@RestController
@Tag(name = "Points and rewards")
class PointsController {

	private final Points points;

	private final PointRules rules;

	private final Rewards rewards;

	private final Redemptions redemptions;

	private final Volunteers volunteers;

	PointsController(Points points, PointRules rules, Rewards rewards, Redemptions redemptions, Volunteers volunteers) {
		this.points = points;
		this.rules = rules;
		this.rewards = rewards;
		this.redemptions = redemptions;
		this.volunteers = volunteers;
	}

	@GetMapping("/api/v1/volunteers/{id}/points")
	@Operation(summary = "A volunteer's points (the volunteer; the operators and auditors of their region, audited)",
			description = "balance: points that can be spent now; expiringSoon: of those, what expires within 90"
					+ " days; nextExpiry: when the next lot expires; owed: points a correction could not take back,"
					+ " settled from the next points issued; lots: the lots that hold points, soonest to expire"
					+ " first (spent in that order).")
	PointsView points(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.points.points(actor, id);
	}

	@GetMapping("/api/v1/volunteers/{id}/points/entries")
	@Operation(summary = "A volunteer's point entries, newest first (as the points)",
			description = "kind: ISSUE (for a service record), CORRECTION (its hours went down), SETTLEMENT (owed"
					+ " points taken from a new lot), SPEND (a redemption), REFUND (a redemption cancelled), EXPIRY.")
	PageResult<PointEntryView> entries(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.points.entries(actor, id, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/point-rules/{regionCode}")
	@Operation(summary = "The rules of points that apply in a region (anyone)",
			description = "perHour: points for an hour of counted service; hardPerHour: for HIGH-risk service;"
					+ " emergencyPerHour: for emergency recruitment or disaster relief (the highest that applies);"
					+ " validMonths: how long a lot stays valid. from: the region that sets them (null: the"
					+ " platform's defaults 10, 15, 20 and 36).")
	@ApiResponse(responseCode = "404", description = "REGION_NOT_FOUND")
	PointRule rule(@PathVariable String regionCode) {
		return this.rules.rule(regionCode);
	}

	@PutMapping("/api/v1/point-rules/{regionCode}")
	@Operation(summary = "Set a region's own rules of points (its operators); they apply to service from then on")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: the fields named")
	@ApiResponse(responseCode = "403", description = "FORBIDDEN: not an operator of the region")
	@ApiResponse(responseCode = "404", description = "REGION_NOT_FOUND")
	PointRule setRule(@AuthenticationPrincipal Actor actor, @PathVariable String regionCode,
			@RequestBody RuleRequest request) {
		return this.rules.set(actor, regionCode, request.perHour(), request.hardPerHour(), request.emergencyPerHour(),
				request.validMonths());
	}

	@DeleteMapping("/api/v1/point-rules/{regionCode}")
	@Operation(summary = "Return a region's rules of points to those of the region above (its operators)")
	@ApiResponse(responseCode = "403", description = "FORBIDDEN: not an operator of the region")
	@ApiResponse(responseCode = "404", description = "REGION_NOT_FOUND")
	PointRule inheritRule(@AuthenticationPrincipal Actor actor, @PathVariable String regionCode) {
		return this.rules.inherit(actor, regionCode);
	}

	@GetMapping("/api/v1/rewards")
	@Operation(summary = "The rewards a volunteer of a region may redeem (anyone)",
			description = "Those offered in the region and the regions above it, active, in stock first, cheapest"
					+ " first. regionCode defaults to the caller's region (a volunteer), else the nation.")
	@ApiResponse(responseCode = "404", description = "REGION_NOT_FOUND")
	PageResult<RewardView> rewards(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		String region = regionCode;
		if (region == null) {
			region = (actor != null) ? this.volunteers.findByAccount(actor.accountId())
				.map((v) -> v.regionCode())
				.orElse(Regions.NATIONAL) : Regions.NATIONAL;
		}
		return this.rewards.available(region, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/rewards/{id}")
	@Operation(summary = "A reward (anyone)")
	@ApiResponse(responseCode = "404", description = "REWARD_NOT_FOUND")
	RewardView reward(@PathVariable UUID id) {
		return this.rewards.find(id);
	}

	@GetMapping("/api/v1/regions/{code}/rewards")
	@Operation(summary = "The rewards offered in a region and the regions below, withdrawn ones included (its"
			+ " operators and auditors)")
	@ApiResponse(responseCode = "403", description = "FORBIDDEN: not an operator or auditor of the region")
	@ApiResponse(responseCode = "404", description = "REGION_NOT_FOUND")
	PageResult<RewardView> offered(@AuthenticationPrincipal Actor actor, @PathVariable String code,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.rewards.offeredWithin(actor, code, PageQuery.of(page, size));
	}

	@PostMapping("/api/v1/rewards")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Offer a reward in a region's catalogue (its operators)",
			description = "merchant: the partner merchant who gives it (left out: the platform). perPerson: how"
					+ " many one volunteer may hold (default 1). The answer carries checkKey, shown this once: it"
					+ " opens the merchant's page /rewards/{id}/check/{checkKey}, where redemption codes are checked.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: the fields named")
	@ApiResponse(responseCode = "403", description = "FORBIDDEN: not an operator of the region")
	OfferedResponse offer(@AuthenticationPrincipal Actor actor, @RequestBody RewardRequest request) {
		return OfferedResponse.of(this.rewards.offer(actor,
				new NewReward(request.regionCode(), request.title(), request.description(), request.merchant(),
						request.price(), request.stock(), request.perPerson(), request.availableUntil())));
	}

	@PostMapping("/api/v1/rewards/{id}/withdrawal")
	@Operation(summary = "Take a reward out of the catalogue (the operators of its region); codes given stay valid")
	@ApiResponse(responseCode = "403", description = "FORBIDDEN: not an operator of its region")
	@ApiResponse(responseCode = "404", description = "REWARD_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: withdrawn already")
	RewardView withdraw(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.rewards.withdraw(actor, id);
	}

	@PostMapping("/api/v1/rewards/{id}/check-key")
	@Operation(summary = "Give a reward's merchant page a new key (the operators of its region); the old one stops"
			+ " working")
	@ApiResponse(responseCode = "403", description = "FORBIDDEN: not an operator of its region")
	@ApiResponse(responseCode = "404", description = "REWARD_NOT_FOUND")
	OfferedResponse newKey(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return OfferedResponse.of(this.rewards.newCheckKey(actor, id));
	}

	@PostMapping("/api/v1/rewards/{id}/redemptions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Redeem a reward for points (a volunteer of its region)",
			description = "The points are spent from the lots that expire first and one item leaves the stock, in"
					+ " one transaction. code: what the merchant checks. With an Idempotency-Key header a repeat by"
					+ " the same account returns the first redemption and spends nothing.")
	@ApiResponse(responseCode = "404", description = "NOT_A_VOLUNTEER, REWARD_NOT_FOUND")
	@ApiResponse(responseCode = "422",
			description = "INSUFFICIENT_POINTS, OUT_OF_STOCK (also withdrawn or past its date), LIMIT_REACHED (as"
					+ " many as one may hold), OUTSIDE_REGION (a reward of another region)")
	RedemptionView redeem(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		return this.redemptions.redeem(actor, id, idempotencyKey);
	}

	@GetMapping("/api/v1/me/redemptions")
	@Operation(summary = "The caller's redemptions: those waiting to be used first, then the newest")
	PageResult<RedemptionView> myRedemptions(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.redemptions.mine(actor, PageQuery.of(page, size));
	}

	@PostMapping("/api/v1/redemptions/{id}/cancellation")
	@Operation(summary = "Cancel one's own redemption before it is used: points refunded, the item back in stock")
	@ApiResponse(responseCode = "404", description = "REDEMPTION_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: used or cancelled already")
	RedemptionView cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.redemptions.cancel(actor, id);
	}

	@PostMapping("/api/v1/redemption-checks")
	@Operation(summary = "Check a redemption code (the merchant with the reward's key, or an operator of its region)",
			description = "Answers the redemption with the holder's masked name; with use true it is marked used,"
					+ " once.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: code")
	@ApiResponse(responseCode = "404",
			description = "REDEMPTION_NOT_FOUND: no such code, or the key does not open its reward")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: used or cancelled already")
	CheckedRedemption check(@AuthenticationPrincipal Actor actor, @RequestBody CheckRequest request) {
		return this.redemptions.check(actor, request.code(), request.key(), Boolean.TRUE.equals(request.use()));
	}

	/** A region's own rules of points. */
	record RuleRequest(@Schema(requiredMode = REQUIRED, minimum = "0", maximum = "1000") Integer perHour,
			@Schema(requiredMode = REQUIRED, minimum = "0", maximum = "1000") Integer hardPerHour,
			@Schema(requiredMode = REQUIRED, minimum = "0", maximum = "1000") Integer emergencyPerHour,
			@Schema(requiredMode = REQUIRED, minimum = "1", maximum = "120") Integer validMonths) {

	}

	/** A reward to offer. */
	record RewardRequest(
			@Schema(requiredMode = REQUIRED, minLength = 6, maxLength = 12, pattern = RequestFormats.REGION_CODE,
					example = "110105") String regionCode,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 60) String title,
			@Schema(maxLength = 500) String description, @Schema(maxLength = 60) String merchant,
			@Schema(requiredMode = REQUIRED, minimum = "1", maximum = "1000000") Integer price,
			@Schema(requiredMode = REQUIRED, minimum = "1", maximum = "1000000") Integer stock,
			@Schema(minimum = "1", maximum = "100") Integer perPerson, LocalDate availableUntil) {

	}

	/** A reward offered, with its merchant page's key, shown this once. */
	record OfferedResponse(RewardView reward, String checkKey, String checkPath) {

		static OfferedResponse of(OfferedReward offered) {
			return new OfferedResponse(offered.reward(), offered.checkKey(),
					"/rewards/" + offered.reward().id() + "/check/" + offered.checkKey());
		}

	}

	/** A code to check. */
	record CheckRequest(
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 12, example = "7KQ2M-XR9PD") String code,
			@Schema(maxLength = 100,
					description = "The reward's key (the merchant); left out by an operator") String key,
			@Schema(description = "Mark it used") Boolean use) {

	}

}
