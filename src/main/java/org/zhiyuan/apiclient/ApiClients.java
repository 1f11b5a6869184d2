package org.zhiyuan.apiclient;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Grant;
import org.zhiyuan.account.AccountManagement;
import org.zhiyuan.account.AccountView;
import org.zhiyuan.audit.AuditEntry;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditQuery;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registering other systems, rotating their secrets and revoking them, by an operator of
 * the client's region or one above it (a region of district level or above).
 * <p>
 * Each client acts through a backing account (username {@code client-<clientId>}, the
 * client's name as display name, a random password nobody is told) holding an auditor's
 * grant in the client's region when all its scopes read, an operator's when one writes:
 * so the audit log names the client, and every region check of the API holds for it as
 * for a person. Revoking takes the grants back and refuses the client's tokens at once on
 * every instance (each call reads the client afresh); rotating refuses the old secret and
 * the tokens issued under it.
 */
@Service
public class ApiClients {

	static final String CALL_ACTION = "apiclient.call";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int NAME_MAX = 100;

	private final ApiClientRepository repository;

	private final AccountManagement accounts;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	private final AuditLog auditLog;

	private final PasswordEncoder passwordEncoder;

	private final TransactionTemplate transaction;

	ApiClients(ApiClientRepository repository, AccountManagement accounts, AccessPolicy accessPolicy, Regions regions,
			AuditLog auditLog, PasswordEncoder passwordEncoder, PlatformTransactionManager transactions) {
		this.repository = repository;
		this.accounts = accounts;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
		this.auditLog = auditLog;
		this.passwordEncoder = passwordEncoder;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Registers a system; its secret is in the answer and nowhere else. With an
	 * Idempotency-Key a repeat by the same operator returns the client registered first,
	 * without a secret.
	 * @throws ProblemException 400 naming every bad field, 403 for a region not the
	 * caller's
	 */
	public IssuedClient register(Actor actor, NewApiClient request, String idempotencyKey) {
		List<ApiScope> scopes = check(request, idempotencyKey);
		this.accessPolicy.requireOperatorOf(actor, request.regionCode());
		try {
			return this.transaction.execute((status) -> register(actor, request, scopes, idempotencyKey));
		}
		catch (DuplicateKeyException ex) {
			// the same key at the same moment: the other request registered it
			return this.repository.findByKey(actor.accountId(), idempotencyKey)
				.map((row) -> new IssuedClient(row.view(), null))
				.orElseThrow(() -> ex);
		}
	}

	private IssuedClient register(Actor actor, NewApiClient request, List<ApiScope> scopes, String idempotencyKey) {
		if (idempotencyKey != null) {
			Optional<ApiClientRow> earlier = this.repository.findByKey(actor.accountId(), idempotencyKey);
			if (earlier.isPresent()) {
				return new IssuedClient(earlier.get().view(), null);
			}
		}
		String clientId = "zy-" + HexFormat.of().formatHex(randomBytes(12));
		String secret = newSecret();
		String name = request.name().strip();
		// the account holds no grants of its own: staff lists, operators' notifications
		// and
		// every other search of the region's people never find a system (actorOf)
		AccountView account = this.accounts.create("client-" + clientId, newSecret(), name, Set.of(),
				actor.accountId());
		ApiClientRow row = new ApiClientRow(Ids.newId(), clientId, name, scopes.stream().map(ApiScope::value).toList(),
				request.regionCode(), account.id(), this.passwordEncoder.encode(secret), 1, ApiClientRow.ACTIVE,
				actor.accountId(), now(), null, null, null);
		this.repository.insert(row, idempotencyKey);
		this.auditLog.record(AuditRecord.of("apiclient.register", actor.accountId())
			.on("api-client", row.id())
			.inRegion(row.regionCode())
			.withDetail(String.join(" ", row.scopes())));
		return new IssuedClient(row.view(), secret);
	}

	/**
	 * The clients of a region and the regions below it (its operators), the newest first.
	 */
	public PageResult<ApiClientView> within(Actor actor, String regionCode, PageQuery page) {
		if (regionCode == null || !this.regions.exists(regionCode)) {
			throw ProblemException.invalid(List.of(new FieldProblem("regionCode", "validation.regionCode")));
		}
		this.accessPolicy.requireOperatorOf(actor, regionCode);
		List<ApiClientView> items = this.repository.within(regionCode, page.size(), page.offset())
			.stream()
			.map(ApiClientRow::view)
			.toList();
		return new PageResult<>(items, page.page(), page.size(), this.repository.countWithin(regionCode));
	}

	/** One client, for an operator of its region. */
	public ApiClientView find(Actor actor, UUID id) {
		return readable(actor, id).view();
	}

	/**
	 * A new secret, shown once: the old one stops working at once, and so do the tokens
	 * issued with it.
	 * @throws ProblemException 409 {@code CLIENT_REVOKED} for a revoked client
	 */
	public IssuedClient rotate(Actor actor, UUID id) {
		ApiClientRow row = readable(actor, id);
		String secret = newSecret();
		OffsetDateTime now = now();
		return this.transaction.execute((status) -> {
			if (this.repository.rotate(row.id(), this.passwordEncoder.encode(secret), now) == 0) {
				throw ProblemException.conflict("CLIENT_REVOKED", "apiclient.revoked");
			}
			this.auditLog.record(AuditRecord.of("apiclient.secret.rotate", actor.accountId())
				.on("api-client", row.id())
				.inRegion(row.regionCode()));
			return new IssuedClient(this.repository.find(row.id()).orElseThrow().view(), secret);
		});
	}

	/**
	 * Revokes a client for good: its secret and every token it holds are refused from now
	 * on, on every instance. Revoking a revoked client changes nothing.
	 */
	public ApiClientView revoke(Actor actor, UUID id) {
		ApiClientRow row = readable(actor, id);
		return this.transaction.execute((status) -> {
			if (this.repository.revoke(row.id(), actor.accountId(), now()) > 0) {
				this.auditLog.record(AuditRecord.of("apiclient.revoke", actor.accountId())
					.on("api-client", row.id())
					.inRegion(row.regionCode()));
			}
			return this.repository.find(row.id()).orElseThrow().view();
		});
	}

	/**
	 * The client's recent API calls from the audit log (method, path template, status),
	 * the newest first.
	 */
	public PageResult<AuditEntry> calls(Actor actor, UUID id, PageQuery page) {
		ApiClientRow row = readable(actor, id);
		return this.auditLog.search(new AuditQuery(CALL_ACTION, row.accountId(), null, null, null, null),
				actor.readableRegions(), page);
	}

	private ApiClientRow readable(Actor actor, UUID id) {
		ApiClientRow row = this.repository.find(id)
			.orElseThrow(() -> ProblemException.notFound("CLIENT_NOT_FOUND", "apiclient.notFound"));
		this.accessPolicy.requireOperatorOf(actor, row.regionCode());
		return row;
	}

	private List<ApiScope> check(NewApiClient request, String idempotencyKey) {
		List<FieldProblem> problems = new ArrayList<>();
		if (request.name() == null || request.name().isBlank() || request.name().strip().length() > NAME_MAX) {
			problems.add(new FieldProblem("name", "apiclient.validation.name"));
		}
		Set<ApiScope> scopes = new LinkedHashSet<>();
		if (request.scopes() == null || request.scopes().isEmpty()
				|| request.scopes().size() > ApiScope.values().length) {
			problems.add(new FieldProblem("scopes", "apiclient.validation.scopes"));
		}
		else {
			for (String value : request.scopes()) {
				Optional<ApiScope> scope = ApiScope.of(value);
				if (scope.isEmpty()) {
					problems.add(new FieldProblem("scopes", "apiclient.validation.scope", String.valueOf(value)));
				}
				scope.ifPresent(scopes::add);
			}
		}
		if (request.regionCode() == null || request.regionCode().length() != 6
				|| !this.regions.exists(request.regionCode())) {
			problems.add(new FieldProblem("regionCode", "apiclient.validation.regionCode"));
		}
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
			problems.add(new FieldProblem("Idempotency-Key", "validation.record.key"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return scopes.stream().sorted().toList();
	}

	// ---- for the token endpoint and the API chain (this package)

	Optional<ApiClientRow> byClientId(String clientId) {
		return (clientId != null) ? this.repository.findByClientId(clientId) : Optional.empty();
	}

	Optional<ApiClientRow> byId(UUID id) {
		return this.repository.find(id);
	}

	void rehash(String clientId, String secretHash) {
		this.repository.rehash(clientId, secretHash);
	}

	/**
	 * The actor a client's call acts as: its account, with the grants its scopes give in
	 * its region (an auditor's for reads, an operator's with a write scope), made afresh
	 * from the client on every call and never stored as the account's grants.
	 */
	Optional<Actor> actorOf(ApiClientRow row) {
		return this.accounts.currentActor(row.accountId())
			.map((account) -> new Actor(account.accountId(), account.username(), account.displayName(),
					grantsOf(scopesOf(row), row.regionCode())));
	}

	/** Writes a call to the audit log and notes the client's last use. */
	void called(ClientAuthentication client, String method, String template, int status) {
		String detail = client.clientName() + ": " + method + " " + template + " " + status;
		this.auditLog.record(AuditRecord.of(CALL_ACTION, client.getPrincipal().accountId())
			.on("api-client", client.clientRowId())
			.inRegion(client.regionCode())
			.withOutcome((status == 401 || status == 403) ? org.zhiyuan.audit.AuditOutcome.DENIED
					: (status >= 500) ? org.zhiyuan.audit.AuditOutcome.FAILURE : org.zhiyuan.audit.AuditOutcome.SUCCESS)
			.withDetail(detail));
		this.repository.used(client.clientRowId(), now());
	}

	/**
	 * The call an audit entry of {@link #CALL_ACTION} notes: method, path template,
	 * status.
	 */
	public static String callOf(AuditEntry entry) {
		String detail = (entry.detail() != null) ? entry.detail() : "";
		int colon = detail.lastIndexOf(": ");
		return (colon >= 0) ? detail.substring(colon + 2) : detail;
	}

	static List<ApiScope> scopesOf(ApiClientRow row) {
		return row.scopes().stream().map(ApiScope::of).flatMap(Optional::stream).toList();
	}

	/** An auditor's grant in the region when every scope reads, else an operator's. */
	static Set<Grant> grantsOf(List<ApiScope> scopes, String regionCode) {
		boolean writes = scopes.stream().anyMatch(ApiScope::writes);
		return Set.of(writes ? Grant.operatorOf(regionCode) : Grant.auditorOf(regionCode));
	}

	private static String newSecret() {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
	}

}
