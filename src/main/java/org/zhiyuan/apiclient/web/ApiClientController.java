package org.zhiyuan.apiclient.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.apiclient.ApiClientView;
import org.zhiyuan.apiclient.ApiClients;
import org.zhiyuan.apiclient.IssuedClient;
import org.zhiyuan.apiclient.NewApiClient;
import org.zhiyuan.audit.AuditEntry;
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
 * Systems that call the API with OAuth 2.0 client credentials (C17): registered, listed,
 * given a new secret and revoked by the operators of their region; each then gets tokens
 * at {@code POST /oauth2/token}.
 */
@RestController
@Tag(name = "Interoperability")
class ApiClientController {

	private final ApiClients clients;

	ApiClientController(ApiClients clients) {
		this.clients = clients;
	}

	@PostMapping("/api/v1/clients")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a system (an operator of the region or a region above)",
			description = "The region is a district, city, province or the nation (six digits). Scopes: activities:read,"
					+ " organizations:read, volunteers:read, records:read, stats:read, activities:write,"
					+ " records:write, webhooks. The secret is in this answer only: keep it; a new one comes from"
					+ " POST /api/v1/clients/{id}/secret. With an Idempotency-Key a repeat by the same operator"
					+ " returns the client registered first, without its secret.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: name, scopes, regionCode, Idempotency-Key")
	@ApiResponse(responseCode = "403", description = "FORBIDDEN: not an operator of the region")
	IssuedClientResponse register(@AuthenticationPrincipal Actor actor, @RequestBody ClientRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		return IssuedClientResponse.of(this.clients.register(actor,
				new NewApiClient(request.name(), request.scopes(), request.regionCode()), idempotencyKey));
	}

	@GetMapping("/api/v1/clients")
	@Operation(summary = "The systems registered in a region and the regions below it (its operators)")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: regionCode")
	@ApiResponse(responseCode = "403", description = "FORBIDDEN: not an operator of the region")
	PageResult<ClientResponse> list(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.clients.within(actor, regionCode, PageQuery.of(page, size)).map(ClientResponse::of);
	}

	@GetMapping("/api/v1/clients/{id}")
	@Operation(summary = "A registered system (an operator of its region); never its secret")
	@ApiResponse(responseCode = "403", description = "FORBIDDEN: not an operator of its region")
	@ApiResponse(responseCode = "404", description = "CLIENT_NOT_FOUND")
	ClientResponse get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return ClientResponse.of(this.clients.find(actor, id));
	}

	@PostMapping("/api/v1/clients/{id}/secret")
	@Operation(summary = "Give a system a new secret (an operator of its region)",
			description = "The new secret is in this answer only. The old secret stops working at once, and so do the"
					+ " access tokens issued with it.")
	@ApiResponse(responseCode = "403", description = "FORBIDDEN: not an operator of its region")
	@ApiResponse(responseCode = "404", description = "CLIENT_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "CLIENT_REVOKED")
	IssuedClientResponse rotate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return IssuedClientResponse.of(this.clients.rotate(actor, id));
	}

	@PostMapping("/api/v1/clients/{id}/revocation")
	@Operation(summary = "Revoke a system for good (an operator of its region)",
			description = "Its secret and every access token it holds are refused from now on. Revoking again"
					+ " changes nothing.")
	@ApiResponse(responseCode = "403", description = "FORBIDDEN: not an operator of its region")
	@ApiResponse(responseCode = "404", description = "CLIENT_NOT_FOUND")
	ClientResponse revoke(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return ClientResponse.of(this.clients.revoke(actor, id));
	}

	@GetMapping("/api/v1/clients/{id}/calls")
	@Operation(summary = "A system's recent API calls from the audit log, the newest first (an operator of its region)",
			description = "Each: when, the method, the path template and the status; never the values in the path"
					+ " or the query.")
	@ApiResponse(responseCode = "403", description = "FORBIDDEN: not an operator of its region")
	@ApiResponse(responseCode = "404", description = "CLIENT_NOT_FOUND")
	PageResult<CallResponse> calls(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.clients.calls(actor, id, PageQuery.of(page, size)).map(CallResponse::of);
	}

	/** A system to register. */
	record ClientRequest(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 100) String name,
			@ArraySchema(schema = @Schema(allowableValues = {
					"activities:read", "organizations:read", "volunteers:read", "records:read", "stats:read",
					"activities:write", "records:write", "webhooks" }), arraySchema = @Schema(requiredMode = REQUIRED),
					minItems = 1, maxItems = 8) List<String> scopes,
			@Schema(requiredMode = REQUIRED, minLength = 6, maxLength = 12, pattern = RequestFormats.REGION_CODE,
					description = "A district, city, province or 000000 (six digits)") String regionCode){

	}

	/** A registered system, without its secret. */
	record ClientResponse(UUID id, String clientId, String name, List<String> scopes, String regionCode, String status,
			OffsetDateTime createdAt, OffsetDateTime secretRotatedAt, OffsetDateTime revokedAt,
			OffsetDateTime lastUsedAt) {

		static ClientResponse of(ApiClientView view) {
			return new ClientResponse(view.id(), view.clientId(), view.name(), view.scopes(), view.regionCode(),
					view.status(), view.createdAt(), view.secretRotatedAt(), view.revokedAt(), view.lastUsedAt());
		}

	}

	/**
	 * A system with its secret, shown once; {@code clientSecret} is null for a repeated
	 * registration.
	 */
	record IssuedClientResponse(UUID id, String clientId, String clientSecret, String name, List<String> scopes,
			String regionCode, String status, OffsetDateTime createdAt, OffsetDateTime secretRotatedAt,
			String tokenEndpoint) {

		static IssuedClientResponse of(IssuedClient issued) {
			ApiClientView view = issued.client();
			return new IssuedClientResponse(view.id(), view.clientId(), issued.secret(), view.name(), view.scopes(),
					view.regionCode(), view.status(), view.createdAt(), view.secretRotatedAt(), "/oauth2/token");
		}

	}

	/** One call of a system as the audit log has it. */
	record CallResponse(OffsetDateTime at, String outcome, String call) {

		static CallResponse of(AuditEntry entry) {
			return new CallResponse(entry.occurredAt(), entry.outcome().name(), ApiClients.callOf(entry));
		}

	}

}
