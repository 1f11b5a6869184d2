package org.zhiyuan.account;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditOutcome;
import org.zhiyuan.audit.AuditRecord;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks a username and password, for the sign-in page and the token endpoint alike.
 * After {@code maxFailedAttempts} failures in a row the account is locked for
 * {@code lockDuration}; while locked even the right password is refused. Every attempt is
 * audited.
 * <p>
 * Deliberately not one transaction: a failure's count must stay written although the
 * attempt ends in an exception.
 */
@Service
public class Authenticator {

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final AccountProperties properties;

	private final ActorLoader actors;

	private final AuditLog auditLog;

	private final String unknownUserHash;

	Authenticator(AccountRepository accounts, PasswordEncoder passwordEncoder, AccountProperties properties,
			ActorLoader actors, AuditLog auditLog) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.properties = properties;
		this.actors = actors;
		this.auditLog = auditLog;
		this.unknownUserHash = passwordEncoder.encode("timing-equaliser-for-unknown-users");
	}

	/**
	 * @throws BadCredentialsException when the username or password is wrong
	 * @throws LockedException when the account is locked (now or by this attempt)
	 */
	public Actor authenticate(String username, String password) {
		Optional<AccountRow> found = this.accounts.findByUsername(AccountManagement.normalize(username));
		if (found.isEmpty() || found.get().status() != AccountStatus.ACTIVE) {
			// same work as a real check, so that response times do not reveal who is
			// registered
			this.passwordEncoder.matches((password != null) ? password : "", this.unknownUserHash);
			this.auditLog.record(AuditRecord.of("account.login", found.map(AccountRow::id).orElse(null))
				.withOutcome(AuditOutcome.FAILURE)
				.withDetail("unknown or closed account"));
			throw new BadCredentialsException("bad credentials");
		}
		AccountRow account = found.get();
		OffsetDateTime now = AccountManagement.now();
		if (account.isLockedAt(now)) {
			this.auditLog.record(AuditRecord.of("account.login", account.id())
				.on("account", account.id())
				.withOutcome(AuditOutcome.DENIED)
				.withDetail("locked"));
			throw new LockedException("locked");
		}
		if (password == null || !this.passwordEncoder.matches(password, account.passwordHash())) {
			this.accounts.recordFailure(account.id(), this.properties.maxFailedAttempts(),
					now.plus(this.properties.lockDuration()));
			boolean lockedNow = this.accounts.findById(account.id()).map((row) -> row.isLockedAt(now)).orElse(false);
			this.auditLog.record(AuditRecord.of(lockedNow ? "account.lock" : "account.login", account.id())
				.on("account", account.id())
				.withOutcome(AuditOutcome.FAILURE)
				.withDetail("wrong password"));
			if (lockedNow) {
				throw new LockedException("locked");
			}
			throw new BadCredentialsException("bad credentials");
		}
		this.accounts.recordSuccess(account.id());
		this.auditLog.record(AuditRecord.of("account.login", account.id()).on("account", account.id()));
		return this.actors.actorOf(account);
	}

}
