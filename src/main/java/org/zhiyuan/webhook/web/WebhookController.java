package org.zhiyuan.webhook.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.RequestFormats;
import org.zhiyuan.webhook.CreatedWebhook;
import org.zhiyuan.webhook.DeliveryView;
import org.zhiyuan.webhook.NewWebhook;
import org.zhiyuan.webhook.WebhookView;
import org.zhiyuan.webhook.Webhooks;

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
 * Outgoing webhooks (C17, Standard Webhooks): endpoints of a region, their secrets, the
 * delivery log, replays and pings.
 */
@RestController
@Tag(name = "Webhooks")
class WebhookController {

	private final Webhooks webhooks;

	WebhookController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping("/api/v1/webhooks")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a webhook endpoint (an operator of the region)",
			description = "The endpoint gets the events named (activity.published, activity.cancelled,"
					+ " signup.approved, signup.cancelled, record.counted, volunteer.registered,"
					+ " organization.status_changed) of the region (default: the operator's) and the regions below"
					+ " it, signed after Standard Webhooks with the secret in this answer, which is shown only here."
					+ " An address that resolves to a loopback, private, link-local, unspecified or multicast"
					+ " address is refused unless the installation allows it. With an Idempotency-Key header a"
					+ " repeat by the same operator answers the first again and registers nothing.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: url, events, regionCode, Idempotency-Key")
	@ApiResponse(responseCode = "403", description = "Not an operator of the region")
	CreatedWebhook create(@AuthenticationPrincipal Actor actor, @RequestBody WebhookRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		return this.webhooks.create(actor, new NewWebhook(request.url(), request.events(), request.regionCode()),
				idempotencyKey);
	}

	@GetMapping("/api/v1/webhooks")
	@Operation(summary = "The webhook endpoints of a region and the regions below it (its operators and auditors)",
			description = "Without regionCode, those of the caller's region.")
	@ApiResponse(responseCode = "404", description = "REGION_NOT_FOUND")
	PageResult<WebhookView> list(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.webhooks.list(actor, regionCode, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/webhooks/{id}")
	@Operation(summary = "A webhook endpoint (its region's operators and auditors)")
	@ApiResponse(responseCode = "404", description = "WEBHOOK_NOT_FOUND")
	WebhookView view(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.webhooks.view(actor, id);
	}

	@PostMapping("/api/v1/webhooks/{id}/secret")
	@Operation(summary = "Rotate a webhook endpoint's secret (an operator of its region)",
			description = "The new secret is shown only in this answer. For 24 hours deliveries carry two"
					+ " signatures, the new secret's and the old one's, separated by a space.")
	@ApiResponse(responseCode = "404", description = "WEBHOOK_NOT_FOUND")
	CreatedWebhook rotate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.webhooks.rotate(actor, id);
	}

	@PostMapping("/api/v1/webhooks/{id}/disable")
	@Operation(summary = "Disable a webhook endpoint (an operator of its region)",
			description = "Nothing is recorded or sent for it until it is enabled again.")
	@ApiResponse(responseCode = "404", description = "WEBHOOK_NOT_FOUND")
	WebhookView disable(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.webhooks.setEnabled(actor, id, false);
	}

	@PostMapping("/api/v1/webhooks/{id}/enable")
	@Operation(summary = "Enable a webhook endpoint again (an operator of its region)",
			description = "Also after it was disabled for a 410 answer or failing; what was pending is sent.")
	@ApiResponse(responseCode = "404", description = "WEBHOOK_NOT_FOUND")
	WebhookView enable(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.webhooks.setEnabled(actor, id, true);
	}

	@DeleteMapping("/api/v1/webhooks/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a webhook endpoint with its delivery log (an operator of its region)")
	@ApiResponse(responseCode = "404", description = "WEBHOOK_NOT_FOUND")
	void remove(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		this.webhooks.remove(actor, id);
	}

	@GetMapping("/api/v1/webhooks/{id}/deliveries")
	@Operation(summary = "A webhook endpoint's delivery log, the newest first (its region's operators and auditors)",
			description = "Each delivery with its status (PENDING, DELIVERED, FAILED), the next attempt's time and"
					+ " every attempt: time, status code or error class, duration.")
	@ApiResponse(responseCode = "404", description = "WEBHOOK_NOT_FOUND")
	PageResult<DeliveryView> deliveries(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.webhooks.deliveries(actor, id, PageQuery.of(page, size));
	}

	@PostMapping("/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send a delivery's message again (an operator of the endpoint's region)",
			description = "A new delivery of the same message, with the same webhook-id, attempted at once.")
	@ApiResponse(responseCode = "404", description = "WEBHOOK_NOT_FOUND, DELIVERY_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "WEBHOOK_DISABLED")
	DeliveryView replay(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID deliveryId) {
		return this.webhooks.replay(actor, id, deliveryId);
	}

	@PostMapping("/api/v1/webhooks/{id}/test")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send a webhook.test message to the endpoint (an operator of its region)")
	@ApiResponse(responseCode = "404", description = "WEBHOOK_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "WEBHOOK_DISABLED")
	DeliveryView ping(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.webhooks.ping(actor, id);
	}

	/** A webhook endpoint to register. */
	record WebhookRequest(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 2000, format = "uri") String url,
			@ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED), minItems = 1, maxItems = 20,
					schema = @Schema(allowableValues = {
							"activity.published", "activity.cancelled", "signup.approved", "signup.cancelled",
							"record.counted", "volunteer.registered",
							"organization.status_changed" })) List<String> events,
			@Schema(description = "default: the operator's region", minLength = 6, maxLength = 12,
					pattern = RequestFormats.REGION_CODE) String regionCode){

	}

}
