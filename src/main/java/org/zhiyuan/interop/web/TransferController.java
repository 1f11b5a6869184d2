package org.zhiyuan.interop.web;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.interop.ImportOutcome;
import org.zhiyuan.interop.NewPeer;
import org.zhiyuan.interop.PeerView;
import org.zhiyuan.interop.Peers;
import org.zhiyuan.interop.RecordImports;
import org.zhiyuan.interop.TransferPackages;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.RequestFormats;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A volunteer's records travel between installations: the signed transfer package, the
 * peers whose packages this installation trusts, and the import.
 */
@RestController
@Tag(name = "Interoperability")
class TransferController {

	static final String JWT = "application/jwt";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final TransferPackages packages;

	private final Peers peers;

	private final RecordImports imports;

	TransferController(TransferPackages packages, Peers peers, RecordImports imports) {
		this.packages = packages;
		this.peers = peers;
		this.imports = imports;
	}

	@GetMapping(path = "/api/v1/volunteers/{id}/transfer-package", produces = JWT)
	@Operation(summary = "The volunteer's signed transfer package (the volunteer themself)",
			description = "A compact JWS (ES256, kid of a key published at /.well-known/jwks.json) of an Open"
					+ " Badges 3.0 AchievementCredential (achievementType CommunityService) as a VC-JWT: the counted"
					+ " records recorded here with their recording organizations, the totals, creditsEarned = total"
					+ " hours, the record chain's head hash and Merkle root as evidence, and the holder bound by a"
					+ " salted SHA-256 of their ID number (never the number, name or phone). Audited.")
	@ApiResponse(responseCode = "403", description = "Not the volunteer")
	@ApiResponse(responseCode = "404", description = "VOLUNTEER_NOT_FOUND")
	@ApiResponse(responseCode = "422", description = "NO_RECORDS; NO_ID_NUMBER")
	ResponseEntity<String> transferPackage(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		TransferPackages.Signed signed = this.packages.export(actor, id);
		return download(signed);
	}

	@PostMapping(path = "/api/v1/volunteers/{id}/time-bank-transfer-out", produces = JWT)
	@Operation(summary = "Move the volunteer's time-bank hours to another installation (the volunteer themself)",
			description = "Takes hours (all the balance when hours is left out) out of the volunteer's time account"
					+ " once, into the region's TRANSFERRED_OUT account (the ledger still sums to zero), and answers"
					+ " 201 with the transfer package as for GET transfer-package, whose credentialSubject also"
					+ " carries timeBank {transferId, hours, movedAt}: imported at a peer installation, the hours are"
					+ " credited there once. Idempotency-Key required: a repeat moves nothing and signs the first move"
					+ " again. Audited.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = TimeBankOutRequest.class))))
	@ApiResponse(responseCode = "201", description = "The signed package (application/jwt)")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: hours, Idempotency-Key")
	@ApiResponse(responseCode = "403", description = "Not the volunteer")
	@ApiResponse(responseCode = "404", description = "VOLUNTEER_NOT_FOUND")
	@ApiResponse(responseCode = "409", description = "IDEMPOTENCY_KEY_REUSED")
	@ApiResponse(responseCode = "422",
			description = "INSUFFICIENT_BALANCE: the balance holds fewer hours (or none); NO_ID_NUMBER")
	ResponseEntity<String> timeBankOut(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) TimeBankOutRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		TransferPackages.Signed signed = this.packages.moveTimeBankOut(actor, id,
				(request != null) ? request.hours() : null, idempotencyKey);
		return download(signed, HttpStatus.CREATED);
	}

	static ResponseEntity<String> download(TransferPackages.Signed signed) {
		return download(signed, HttpStatus.OK);
	}

	static ResponseEntity<String> download(TransferPackages.Signed signed, HttpStatus status) {
		String name = "zhiyuan-records-" + signed.signedAt().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).format(DAY)
				+ ".jwt";
		return ResponseEntity.status(status)
			.contentType(MediaType.parseMediaType(JWT))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(signed.token());
	}

	@PostMapping("/api/v1/peers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(
			summary = "Register an installation whose transfer packages this one trusts (a national or province"
					+ " operator)",
			description = "jwks is the peer's JSON Web Key Set (its /.well-known/jwks.json): 1 to 20 public EC P-256"
					+ " keys with ids, no private parts. A package's iss must equal baseUrl as normalized (lower-case"
					+ " scheme and host, no default port, no trailing slash). A removed peer's address may be"
					+ " registered again.")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: name, baseUrl, jwks")
	@ApiResponse(responseCode = "403", description = "Not a national or province operator")
	@ApiResponse(responseCode = "409", description = "PEER_EXISTS")
	PeerView register(@AuthenticationPrincipal Actor actor, @RequestBody NewPeer request) {
		return this.peers.register(actor, request);
	}

	@GetMapping("/api/v1/peers")
	@Operation(summary = "The installations this one trusts (national and province operators)")
	@ApiResponse(responseCode = "403", description = "Not a national or province operator")
	Map<String, List<PeerView>> list(@AuthenticationPrincipal Actor actor) {
		return Map.of("items", this.peers.list(actor));
	}

	@PutMapping("/api/v1/peers/{id}/keys")
	@Operation(summary = "Replace a peer's keys after a rotation there (a national operator, or the province"
			+ " operator who registered it)")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: jwks")
	@ApiResponse(responseCode = "403", description = "Not a national operator or the peer's province operator")
	@ApiResponse(responseCode = "404", description = "PEER_NOT_FOUND")
	PeerView replaceKeys(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody KeysRequest request) {
		return this.peers.replaceKeys(actor, id, request.jwks());
	}

	@DeleteMapping("/api/v1/peers/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a peer: its packages are refused from now on; records imported before stay")
	@ApiResponse(responseCode = "403", description = "Not a national operator or the peer's province operator")
	@ApiResponse(responseCode = "404", description = "PEER_NOT_FOUND")
	void revoke(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		this.peers.revoke(actor, id);
	}

	@PostMapping(path = "/api/v1/record-imports", consumes = { JWT, MediaType.APPLICATION_JSON_VALUE })
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Import the caller's records from a transfer package of a peer (the volunteer)",
			description = "The body is the package as issued (application/jwt), or {\"package\": \"...\"} as JSON. A"
					+ " repeat imports nothing (the records count as alreadyPresent), so an Idempotency-Key is"
					+ " accepted but not needed. Imported records count in totals, stars and certificates and"
					+ " cannot be amended here.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = {
							@Content(mediaType = JWT,
									schema = @Schema(type = "string", minLength = 1,
											maxLength = RecordImports.MAX_PACKAGE)),
							@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(implementation = ImportRequest.class)) }))
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: package")
	@ApiResponse(responseCode = "404", description = "NOT_A_VOLUNTEER")
	@ApiResponse(responseCode = "422",
			description = "UNTRUSTED_ISSUER: iss is no registered peer; BAD_SIGNATURE: no JWS, or its signature does"
					+ " not verify with the peer's keys; NOT_THE_HOLDER: the package is another person's")
	ImportOutcome importPackage(@AuthenticationPrincipal Actor actor, @RequestBody(required = false) String body,
			@io.swagger.v3.oas.annotations.Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		boolean json = contentType != null
				&& MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON);
		return this.imports.importPackage(actor, json ? packageOf(body) : body);
	}

	/**
	 * The package of a JSON body {"package": "..."}; 400 {@code package} for anything
	 * else.
	 */
	private static String packageOf(String body) {
		JsonNode tree;
		try {
			tree = JSON.readTree((body != null) ? body : "");
		}
		catch (JacksonException ex) {
			throw ProblemException.invalid(List.of(new FieldProblem("package", "validation.interop.package")));
		}
		JsonNode token = (tree != null && tree.isObject()) ? tree.get("package") : null;
		if (token == null || !token.isString()) {
			throw ProblemException.invalid(List.of(new FieldProblem("package", "validation.interop.package")));
		}
		return token.asString();
	}

	/** A package sent as JSON. */
	@Schema(requiredProperties = "package")
	record ImportRequest(
			@JsonProperty("package") @Schema(minLength = 1, maxLength = RecordImports.MAX_PACKAGE) String token) {

	}

	/** Time-bank hours to move out; all the balance when left out. */
	record TimeBankOutRequest(@Schema(type = "string", format = "decimal", pattern = RequestFormats.HOURS,
			example = "12.50") BigDecimal hours) {

	}

	/** A peer's new key set. */
	record KeysRequest(Object jwks) {

	}

}
