package org.zhiyuan.timebank.web;

import java.math.BigDecimal;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.RequestFormats;
import org.zhiyuan.timebank.GiftView;
import org.zhiyuan.timebank.LedgerAudit;
import org.zhiyuan.timebank.RelativeView;
import org.zhiyuan.timebank.Relatives;
import org.zhiyuan.timebank.TimeAccountView;
import org.zhiyuan.timebank.TimeAccounts;
import org.zhiyuan.timebank.TimeEntryView;
import org.zhiyuan.timebank.TimeGifts;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * The time bank (时间银行): a volunteer's account and its entries, hours given to a confirmed
 * relative, relatives declared and confirmed, and the ledger's audit.
 */
@RestController
@Tag(name = "Time bank")
class TimeBankController {

	private final TimeAccounts accounts;

	private final TimeGifts gifts;

	private final Relatives relatives;

	TimeBankController(TimeAccounts accounts, TimeGifts gifts, Relatives relatives) {
		this.accounts = accounts;
		this.gifts = gifts;
		this.relatives = relatives;
	}

	@GetMapping("/api/v1/volunteers/{id}/time-account")
	@Operation(
			summary = "A volunteer's time account (the volunteer; the operators and auditors of their region,"
					+ " audited)",
			description = "balance: spendable hours; cap: the most the account holds (the region's setting, by"
					+ " default 1500); deposited: hours of eligible service, net of corrections; donated: hours"
					+ " above the cap that went to the donation pool; owed: hours a correction could not take back,"
					+ " settled by the next deposits; held: hours of services ordered and not yet done, out of the"
					+ " balance; withdrawn: hours spent on services done. Hours are decimal strings with two"
					+ " places.")
	TimeAccountView account(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.accounts.account(actor, id);
	}

	@GetMapping("/api/v1/volunteers/{id}/time-account/entries")
	@Operation(summary = "A volunteer's time account entries, newest first (as the account)",
			description = "kind: DEPOSIT (a service record's hours), CORRECTION (a record's hours changed),"
					+ " CAP_SWEEP (hours above the cap, to the donation pool), SETTLEMENT (owed hours settled from"
					+ " a deposit), GIFT (to or from a relative), HOLD (hours held for a service ordered), RELEASE"
					+ " (held hours back from a service cancelled). recordId: the service record it comes from.")
	PageResult<TimeEntryView> entries(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.accounts.entries(actor, id, PageQuery.of(page, size));
	}

	@PostMapping("/api/v1/time-transfers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Give hours to a confirmed relative (the volunteer giving)",
			description = "With an Idempotency-Key header a repeat by the same account returns the first gift and"
					+ " moves nothing.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: the fields named")
	@ApiResponse(responseCode = "422",
			description = "NOT_A_RELATIVE, INSUFFICIENT_BALANCE, CAP_EXCEEDED (the relative's account would hold"
					+ " more than their region's cap)")
	TransferResponse transfer(@AuthenticationPrincipal Actor actor, @RequestBody TransferRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		GiftView gift = this.gifts.give(actor, request.kind(), request.toVolunteerId(), request.hours(), request.memo(),
				idempotencyKey);
		return TransferResponse.of(gift);
	}

	@GetMapping("/api/v1/time-bank/audit")
	@Operation(summary = "The ledger checked whole, with a region's figures (its operators and auditors)",
			description = "sum: of every entry (0.00); unbalancedTransfers: movements whose entries do not sum to"
					+ " zero; negativeBalances: accounts below zero; balanceMismatches: balances that differ from"
					+ " their entries (all 0 when sound). Then the region's volunteers' balances, the hours issued"
					+ " for service recorded in it and its donation pool. regionCode defaults to the nation.")
	LedgerAudit audit(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "000000") String regionCode) {
		return this.accounts.audit(actor, regionCode);
	}

	// relatives

	@GetMapping("/api/v1/me/relatives")
	@Operation(summary = "The caller's relatives: those they named and those who named them, newest first")
	PageResult<RelativeView> myRelatives(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return PageResult.of(this.relatives.mine(actor), PageQuery.of(page, size));
	}

	@PostMapping("/api/v1/me/relatives")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Name a relative, who confirms from their own account",
			description = "The relative is found by their phone number or volunteer number together with the full"
					+ " name they registered with. relation: what they are to the caller.")
	@ApiResponse(responseCode = "409", description = "ALREADY_DECLARED")
	@ApiResponse(responseCode = "422", description = "RELATIVE_NOT_FOUND")
	RelativeView declare(@AuthenticationPrincipal Actor actor, @RequestBody RelativeRequest request) {
		return this.relatives.declare(actor, request.phoneOrNumber(), request.name(), request.relation());
	}

	@PostMapping("/api/v1/relatives/{id}/confirmation")
	@Operation(summary = "Confirm being named as a relative (the relative named)")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: it does not wait")
	RelativeView confirm(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.relatives.confirm(actor, id);
	}

	@PostMapping("/api/v1/relatives/{id}/refusal")
	@Operation(summary = "Decline being named as a relative (the relative named)")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: it does not wait")
	RelativeView decline(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.relatives.decline(actor, id);
	}

	@DeleteMapping("/api/v1/relatives/{id}")
	@Operation(summary = "End a relative declaration (either of the two); the row is kept as ENDED")
	@ApiResponse(responseCode = "409", description = "INVALID_STATE: declined or ended already")
	RelativeView end(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.relatives.end(actor, id);
	}

	/** Hours to give. */
	record TransferRequest(@Schema(requiredMode = REQUIRED) UUID toVolunteerId,
			@Schema(requiredMode = REQUIRED, type = "string", format = "decimal", pattern = RequestFormats.HOURS,
					example = "2.50") BigDecimal hours,
			@Schema(requiredMode = REQUIRED, allowableValues = "GIFT") String kind,
			@Schema(maxLength = 200) String memo) {

	}

	/** A gift made. */
	record TransferResponse(UUID id, @Schema(allowableValues = "GIFT") String kind, UUID fromVolunteerId,
			UUID toVolunteerId, String toName, BigDecimal hours, BigDecimal balanceAfter, String memo,
			java.time.OffsetDateTime createdAt) {

		static TransferResponse of(GiftView gift) {
			return new TransferResponse(gift.id(), "GIFT", gift.fromVolunteerId(), gift.toVolunteerId(), gift.toName(),
					gift.hours(), gift.balanceAfter(), gift.memo(), gift.createdAt());
		}

	}

	/** A relative to name. */
	record RelativeRequest(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 40) String phoneOrNumber,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 60) String name,
			@Schema(requiredMode = REQUIRED, allowableValues = {
					"SPOUSE", "PARENT", "CHILD", "GRANDPARENT", "GRANDCHILD" }) String relation){

	}

}
