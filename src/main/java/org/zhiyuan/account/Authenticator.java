package org.zhiyuan.account;

import java.time.Duration;
import java.util.Optional;

import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditOutcome;
import org.zhiyuan.audit.AuditRecord;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks a username and password, for the sign-in page and the token endpoint alike.
 * Repeated attempts at a username from one client address, or from one address at any
 * usernames, must wait longer and longer ({@link SignInThrottle}); an account is never
 * locked by failures, so a stranger cannot keep its owner out. Unknown usernames go
 * through the same steps as known ones. Every attempt is audited.
 */
@Service
public class Authenticator {

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final SignInThrottle throttle;

	private final ActorLoader actors;

	private final AuditLog auditLog;

	private final String unknownUserHash;

	Authenticator(AccountRepository accounts, PasswordEncoder passwordEncoder, SignInThrottle throttle,
			ActorLoader actors, AuditLog auditLog) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
		this.actors = actors;
		this.auditLog = auditLog;
		this.unknownUserHash = passwordEncoder.encode("timing-equaliser-for-unknown-users");
	}

	/**
	 * @param clientAddress the address the attempt comes from
	 * @throws BadCredentialsException when the username or password is wrong
	 * @throws SignInThrottledException when the attempt must wait, whatever the password
	 */
	public Actor authenticate(String username, String password, String clientAddress) {
		String name = AccountManagement.normalize(username);
		Optional<AccountRow> found = this.accounts.findByUsername(name)
			.filter((account) -> account.status() == AccountStatus.ACTIVE);
		Optional<Duration> wait = this.throttle.tryAttempt(name, clientAddress);
		if (wait.isPresent()) {
			audit(found, AuditOutcome.DENIED, "throttled");
			throw new SignInThrottledException(wait.get());
		}
		String given = (password != null) ? password : "";
		// an unknown or closed account costs the same hash as a real check, so that
		// response times do not reveal who is registered
		boolean matches = this.passwordEncoder.matches(given,
				found.map(AccountRow::passwordHash).orElse(this.unknownUserHash));
		if (found.isEmpty() || password == null || !matches) {
			audit(found, AuditOutcome.FAILURE, found.isPresent() ? "wrong password" : "unknown or closed account");
			throw new BadCredentialsException("bad credentials");
		}
		this.throttle.succeeded(name, clientAddress);
		AccountRow account = found.get();
		this.auditLog.record(AuditRecord.of("account.login", account.id()).on("account", account.id()));
		return this.actors.actorOf(account);
	}

	private void audit(Optional<AccountRow> account, AuditOutcome outcome, String detail) {
		AuditRecord record = AuditRecord.of("account.login", account.map(AccountRow::id).orElse(null))
			.withOutcome(outcome)
			.withDetail(detail);
		this.auditLog.record(account.map((row) -> record.on("account", row.id())).orElse(record));
	}

}
