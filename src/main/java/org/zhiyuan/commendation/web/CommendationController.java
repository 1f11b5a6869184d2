package org.zhiyuan.commendation.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.commendation.AwardView;
import org.zhiyuan.commendation.CommendationKind;
import org.zhiyuan.commendation.CommendationView;
import org.zhiyuan.commendation.Commendations;
import org.zhiyuan.commendation.HonourRolls;
import org.zhiyuan.commendation.Honours;
import org.zhiyuan.commendation.NewCommendation;
import org.zhiyuan.commendation.NominationView;
import org.zhiyuan.commendation.ObjectionView;
import org.zhiyuan.commendation.PublicNotice;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.RequestFormats;

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
 * Commendation (C8) and the honour roll (C19): campaigns, nominations and their review,
 * the public notice with objections, awards, and the awards of a region, a volunteer and
 * an organization.
 */
@RestController
@Tag(name = "Commendation")
class CommendationController {

	private final Commendations commendations;

	private final HonourRolls honourRolls;

	CommendationController(Commendations commendations, HonourRolls honourRolls) {
		this.commendations = commendations;
		this.honourRolls = honourRolls;
	}

	@PostMapping("/api/v1/commendations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open a commendation campaign (an operator of the region)",
			description = "For VOLUNTEER, ORGANIZATION or PROJECT nominees of the region and below; nominations until"
					+ " nominationsUntil (in the future, within a year); the public notice runs noticeDays days (at"
					+ " least zhiyuan.commendations.min-notice-days, 7 unless configured, at most 60). With an"
					+ " Idempotency-Key header a repeat by the same operator returns the first.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: the fields named")
	CommendationView create(@AuthenticationPrincipal Actor actor, @RequestBody CommendationRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		return this.commendations.create(actor, new NewCommendation(request.regionCode(), request.title(),
				request.kind(), request.nominationsUntil(), request.noticeDays()), idempotencyKey);
	}

	@GetMapping("/api/v1/commendations")
	@Operation(summary = "The campaigns of a region and below, newest first (its operators and auditors)")
	@ApiResponse(responseCode = "404", description = "REGION_NOT_FOUND")
	PageResult<CommendationView> list(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.commendations.ofRegion(actor, regionCode, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/commendations/{id}")
	@Operation(summary = "A campaign: title, kind, dates and stage (anyone)")
	@ApiResponse(responseCode = "404", description = "COMMENDATION_NOT_FOUND")
	CommendationView find(@PathVariable UUID id) {
		return this.commendations.find(id);
	}

	@PostMapping("/api/v1/commendations/{id}/nominations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Nominate a volunteer, organization or project with a reason",
			description = "Until nominationsUntil. Admins nominate active members of their organization, the"
					+ " organization itself or its projects; operators of the campaign's region anyone of the region"
					+ " and below. nomineeId is a volunteer's, organization's or project's id as the campaign's kind"
					+ " asks. With an Idempotency-Key header a repeat returns the first.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: nomineeId, reason")
	@ApiResponse(responseCode = "404",
			description = "COMMENDATION_NOT_FOUND, VOLUNTEER_NOT_FOUND, ORGANIZATION_NOT_FOUND, PROJECT_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "NOMINATIONS_CLOSED, ALREADY_NOMINATED")
	@ApiResponse(responseCode = "422", description = "NOMINEE_OUTSIDE_REGION, NOMINEE_NOT_ACTIVE")
	NominationView nominate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody NominationRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		return this.commendations.nominate(actor, id, request.nomineeId(), request.reason(), idempotencyKey);
	}

	@GetMapping("/api/v1/commendations/{id}/nominations")
	@Operation(summary = "The campaign's nominations",
			description = "All of them for the operators and auditors of its region; those of their organizations"
					+ " for admins.")
	@ApiResponse(responseCode = "404", description = "COMMENDATION_NOT_FOUND")
	List<NominationView> nominations(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.commendations.nominations(actor, id);
	}

	@PostMapping("/api/v1/nominations/{id}/review")
	@Operation(summary = "Approve or reject a pending nomination (an operator of the campaign's region)",
			description = "Before the notice opens; a rejection needs a note.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: decision, note")
	@ApiResponse(responseCode = "404", description = "NOMINATION_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE")
	NominationView review(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody NominationReviewRequest request) {
		return this.commendations.review(actor, id, request.decision(), request.note());
	}

	@PostMapping("/api/v1/commendations/{id}/notice")
	@Operation(summary = "Open the public notice (公示) of the approved nominees (an operator of the region)",
			description = "The notice starts now and ends after the campaign's noticeDays; nominations close.")
	@ApiResponse(responseCode = "404", description = "COMMENDATION_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "NOTICE_OPENED, NOMINATIONS_PENDING, NOTHING_TO_NOTICE")
	CommendationView openNotice(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.commendations.openNotice(actor, id);
	}

	@GetMapping("/api/v1/commendations/{id}/notice")
	@Operation(summary = "The public notice (公示) of a campaign (anyone)",
			description = "The approved nominees by public name (volunteers' names masked) with their reasons, and"
					+ " the notice period.")
	@ApiResponse(responseCode = "404", description = "COMMENDATION_NOT_FOUND, NOTICE_NOT_OPEN")
	PublicNotice notice(@PathVariable UUID id) {
		return this.commendations.notice(id);
	}

	@PostMapping("/api/v1/nominations/{id}/objections")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Object to a nominee during the notice (anyone signed in)")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: reason")
	@ApiResponse(responseCode = "404", description = "NOMINATION_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "NOT_IN_NOTICE")
	ObjectionView object(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody ObjectionRequest request) {
		return this.commendations.object(actor, id, request.reason());
	}

	@GetMapping("/api/v1/commendations/{id}/objections")
	@Operation(summary = "The objections raised in a campaign (its region's operators and auditors)")
	@ApiResponse(responseCode = "404", description = "COMMENDATION_NOT_FOUND")
	List<ObjectionView> objections(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.commendations.objections(actor, id);
	}

	@PostMapping("/api/v1/objections/{id}/answer")
	@Operation(summary = "Answer an objection (an operator of the campaign's region)",
			description = "Upheld, it withdraws the nomination from the notice and the awards.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: upheld, note")
	@ApiResponse(responseCode = "404", description = "OBJECTION_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "OBJECTION_ANSWERED")
	ObjectionView answer(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody ObjectionAnswerRequest request) {
		return this.commendations.answer(actor, id, request.upheld(), request.note());
	}

	@PostMapping("/api/v1/commendations/{id}/awards")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Award every nominee left (an operator of the region)",
			description = "Once the notice has ended and every objection is answered; each award becomes a record"
					+ " of the one awarded and shows on the honour roll.")
	@ApiResponse(responseCode = "404", description = "COMMENDATION_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "NOTICE_NOT_ENDED, OBJECTIONS_OPEN, ALREADY_AWARDED")
	List<AwardView> award(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.commendations.award(actor, id);
	}

	@GetMapping("/api/v1/honours")
	@Operation(summary = "The honour roll (光荣榜) of a region (anyone)",
			description = "The awards made in the region or below, or to those of the region or below, newest"
					+ " first; the star volunteers of the region or below who agreed to be shown (names masked),"
					+ " highest stars first; the region's brand projects (品牌项目).")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: regionCode")
	Honours honours(@RequestParam(required = false) String regionCode) {
		return this.honourRolls.of(regionCode);
	}

	@GetMapping("/api/v1/me/awards")
	@Operation(summary = "The caller's awards as a volunteer, the newest first")
	PageResult<AwardView> mine(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		List<AwardView> all = this.commendations.mine(actor);
		PageQuery query = PageQuery.of(page, size);
		int from = (int) Math.min(query.offset(), all.size());
		int to = (int) Math.min((long) from + query.size(), all.size());
		return new PageResult<>(all.subList(from, to), query.page(), query.size(), all.size());
	}

	@GetMapping("/api/v1/volunteers/{id}/awards")
	@Operation(summary = "A volunteer's awards (those who may read the volunteer)")
	@ApiResponse(responseCode = "404", description = "VOLUNTEER_NOT_FOUND")
	List<AwardView> ofVolunteer(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.commendations.ofVolunteer(actor, id);
	}

	@GetMapping("/api/v1/organizations/{id}/awards")
	@Operation(summary = "The awards of an organization and its projects (anyone)")
	@ApiResponse(responseCode = "404", description = "ORGANIZATION_NOT_FOUND")
	List<AwardView> ofOrganization(@PathVariable UUID id) {
		return this.commendations.ofOrganization(id);
	}

	record CommendationRequest(
			@Schema(requiredMode = REQUIRED, minLength = 6, maxLength = 12, pattern = RequestFormats.REGION_CODE,
					example = "650200") String regionCode,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 100) String title,
			@Schema(requiredMode = REQUIRED, implementation = CommendationKind.class) String kind,
			@Schema(requiredMode = REQUIRED, format = "date-time") String nominationsUntil,
			@Schema(requiredMode = REQUIRED, minimum = "7", maximum = "60") Integer noticeDays) {

	}

	record NominationRequest(@Schema(requiredMode = REQUIRED, format = "uuid") String nomineeId,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 500) String reason) {

	}

	record NominationReviewRequest(@Schema(requiredMode = REQUIRED, allowableValues = {
			"APPROVE", "REJECT" }) String decision,
			@Schema(maxLength = 500, description = "required for a rejection") String note){

	}

	record ObjectionRequest(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 500) String reason) {

	}

	record ObjectionAnswerRequest(@Schema(requiredMode = REQUIRED) Boolean upheld,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 500) String note) {

	}

}
