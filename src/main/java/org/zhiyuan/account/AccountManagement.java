package org.zhiyuan.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Grant;
import org.zhiyuan.access.Role;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating accounts, granting roles and changing passwords. Changing a password revokes
 * every API token and every other web session of the account; so does setting a new one
 * with a code ({@link PasswordReset}).
 */
@Service
public class AccountManagement {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	private final AuditLog auditLog;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	AccountManagement(AccountRepository accounts, PasswordEncoder passwordEncoder, AccessPolicy accessPolicy,
			Regions regions, AuditLog auditLog, FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
		this.auditLog = auditLog;
		this.sessions = sessions;
	}

	/** Usernames are compared without case and surrounding blanks. */
	public static String normalize(String username) {
		return (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
	}

	/**
	 * Creates an account with the given grants. Other modules (volunteer registration)
	 * call this inside their own transaction and check their own fields first.
	 * @throws ProblemException 409 {@code USERNAME_TAKEN} when the username is in use
	 */
	@Transactional
	public AccountView create(String username, String password, String displayName, Set<Grant> grants, UUID createdBy) {
		String name = normalize(username);
		OffsetDateTime now = now();
		AccountRow row = new AccountRow(Ids.newId(), name, this.passwordEncoder.encode(password), displayName.strip(),
				AccountStatus.ACTIVE, 0, now);
		try {
			this.accounts.insert(row, now);
		}
		catch (DuplicateKeyException ex) {
			throw ProblemException.conflict("USERNAME_TAKEN", "account.usernameTaken");
		}
		for (Grant grant : grants) {
			this.accounts.grant(row.id(), grant, createdBy, now);
		}
		this.auditLog.record(AuditRecord.of("account.create", createdBy).on("account", row.id()));
		return view(row, Set.copyOf(grants));
	}

	/**
	 * An operator creates another operator or an auditor for their own region or one
	 * below it; an operator of 110105 cannot create staff for 310101.
	 */
	@Transactional
	public AccountView createStaff(Actor creator, NewStaff staff) {
		List<FieldProblem> problems = new ArrayList<>();
		String username = normalize(staff.username());
		if (!USERNAME.matcher(username).matches()) {
			problems.add(new FieldProblem("username", "validation.username"));
		}
		problems.addAll(Passwords.problems("password", staff.password()));
		if (staff.displayName() == null || staff.displayName().isBlank() || staff.displayName().length() > 100) {
			problems.add(new FieldProblem("displayName", "validation.displayName"));
		}
		if (staff.role() != Role.OPERATOR && staff.role() != Role.AUDITOR) {
			problems.add(new FieldProblem("role", "validation.staffRole"));
		}
		if (!this.regions.exists(staff.regionCode())) {
			problems.add(new FieldProblem("regionCode", "validation.regionCode"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		this.accessPolicy.requireOperatorOf(creator, staff.regionCode());
		AccountView created = create(username, staff.password(), staff.displayName(),
				Set.of(new Grant(staff.role(), staff.regionCode())), creator.accountId());
		this.auditLog.record(AuditRecord.of("account.grant", creator.accountId())
			.on("account", created.id())
			.inRegion(staff.regionCode())
			.withDetail(staff.role().name()));
		return created;
	}

	/** Staff accounts within a region the actor operates or audits, newest last. */
	public PageResult<AccountView> staffWithin(Actor actor, String regionCode, PageQuery page) {
		if (!this.accessPolicy.oversees(actor, regionCode)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		List<AccountView> items = this.accounts.findStaffWithin(regionCode, page.size(), page.offset())
			.stream()
			.map((row) -> view(row, this.accounts.grantsOf(row.id())))
			.toList();
		return new PageResult<>(items, page.page(), page.size(), this.accounts.countStaffWithin(regionCode));
	}

	/**
	 * Grants another role to an existing account, e.g. admin of an approved organization.
	 */
	@Transactional
	public void grant(UUID accountId, Grant grant, UUID grantedBy) {
		try {
			this.accounts.grant(accountId, grant, grantedBy, now());
		}
		catch (DuplicateKeyException ex) {
			// granted concurrently by another request: the grant holds, which is what was
			// asked
		}
		this.auditLog.record(
				AuditRecord.of("account.grant", grantedBy).on("account", accountId).withDetail(grant.role().name()));
	}

	/** Takes a role back, e.g. from an admin who stepped down. */
	@Transactional
	public void revoke(UUID accountId, Grant grant, UUID revokedBy) {
		if (this.accounts.revoke(accountId, grant) > 0) {
			this.auditLog.record(AuditRecord.of("account.revoke", revokedBy)
				.on("account", accountId)
				.withDetail(grant.role().name()));
		}
	}

	/**
	 * Changes the caller's password after checking the current one. Every API token of
	 * the account stops working and every other signed-in session is ended.
	 */
	@Transactional
	public void changePassword(Actor actor, String currentPassword, String newPassword, String keepSessionId) {
		AccountRow row = this.accounts.findById(actor.accountId())
			.orElseThrow(() -> ProblemException.notFound("ACCOUNT_NOT_FOUND", "account.notFound"));
		List<FieldProblem> problems = new ArrayList<>();
		if (currentPassword == null || !this.passwordEncoder.matches(currentPassword, row.passwordHash())) {
			problems.add(new FieldProblem("currentPassword", "validation.currentPassword"));
		}
		problems.addAll(Passwords.problems("newPassword", newPassword));
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		setPassword(row, newPassword, keepSessionId);
		this.auditLog.record(AuditRecord.of("account.password.change", actor.accountId()).on("account", row.id()));
	}

	/**
	 * Sets a checked new password: every API token of the account stops working and every
	 * web session but {@code keepSessionId} (may be {@code null}) ends.
	 */
	void setPassword(AccountRow row, String newPassword, String keepSessionId) {
		this.accounts.changePassword(row.id(), this.passwordEncoder.encode(newPassword), now());
		this.sessions.findByPrincipalName(row.username())
			.keySet()
			.stream()
			.filter((id) -> !id.equals(keepSessionId))
			.forEach(this.sessions::deleteById);
	}

	/**
	 * Whether the password is the account's: to confirm a grave step such as
	 * deregistration.
	 */
	public boolean passwordMatches(UUID accountId, String password) {
		return password != null && this.accounts.findById(accountId)
			.map((row) -> this.passwordEncoder.matches(password, row.passwordHash()))
			.orElse(false);
	}

	/**
	 * Closes an account for good: it can no longer sign in, its tokens and sessions end,
	 * and its username (a volunteer's phone number) is released and no longer stored.
	 */
	@Transactional
	public void close(UUID accountId) {
		AccountRow row = this.accounts.findById(accountId)
			.orElseThrow(() -> ProblemException.notFound("ACCOUNT_NOT_FOUND", "account.notFound"));
		this.accounts.close(accountId, "closed-" + accountId, now());
		this.sessions.findByPrincipalName(row.username()).keySet().forEach(this.sessions::deleteById);
		this.auditLog.record(AuditRecord.of("account.close", accountId).on("account", accountId));
	}

	/**
	 * The actor of an active account with the grants it holds now, or empty when the
	 * account is closed: for sessions that outlive a change of roles.
	 */
	public Optional<Actor> currentActor(UUID accountId) {
		return this.accounts.findById(accountId)
			.filter((row) -> row.status() == AccountStatus.ACTIVE)
			.map((row) -> new Actor(row.id(), row.username(), row.displayName(), this.accounts.grantsOf(row.id())));
	}

	public Optional<AccountView> find(UUID id) {
		return this.accounts.findById(id).map((row) -> view(row, this.accounts.grantsOf(id)));
	}

	public boolean usernameExists(String username) {
		return this.accounts.existsByUsername(normalize(username));
	}

	private static AccountView view(AccountRow row, Set<Grant> grants) {
		return new AccountView(row.id(), row.username(), row.displayName(), row.status(), grants, row.createdAt());
	}

	static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
