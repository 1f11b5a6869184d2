package org.zhiyuan.account;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.zhiyuan.account.PasswordResetCodes.StoredCode;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditOutcome;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.identity.PhoneNumbers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Setting a new password without the old one, by a code sent to the account's phone (a
 * volunteer's username is their phone number).
 * <p>
 * A code has six random digits, is valid for {@code codeTtl} (10 minutes), works once,
 * and is void after {@code maxAttempts} (5) wrong entries or when a newer one is sent. It
 * reaches the person only through the notification channels (an SMS gateway), never the
 * in-app list, and is kept only as a keyed hash ({@link ResetHashes}); it is never
 * logged, and shown on the page only in the demo ({@code zhiyuan.demo=true}). How often
 * codes are sent and entered is limited per number and per client address
 * ({@link PasswordResetThrottle}).
 * <p>
 * Nothing tells whether a number has an account: a number without one gets the same
 * answer, the same limits and the same work (a code is made and kept for it too, which
 * nobody receives); only the delivery is left out. The new password follows
 * {@link Passwords}; setting it ends every web session and API token of the account.
 * Requests, refusals and the reset itself are audited by account, never by number or
 * code.
 */
@Service
public class PasswordReset {

	private static final Pattern CODE = Pattern.compile("[0-9]{6}");

	private static final int CODE_BOUND = 1_000_000;

	private final AccountRepository accounts;

	private final AccountManagement management;

	private final PasswordResetCodes codes;

	private final ResetHashes hashes;

	private final PasswordResetThrottle throttle;

	private final PasswordResetProperties properties;

	private final Notifications notifications;

	private final AuditLog auditLog;

	private final TransactionTemplate transaction;

	private final boolean demo;

	private final SecureRandom random = new SecureRandom();

	PasswordReset(AccountRepository accounts, AccountManagement management, PasswordResetCodes codes,
			ResetHashes hashes, PasswordResetThrottle throttle, PasswordResetProperties properties,
			Notifications notifications, AuditLog auditLog, PlatformTransactionManager transactions,
			@Value("${zhiyuan.demo:false}") boolean demo) {
		this.accounts = accounts;
		this.management = management;
		this.codes = codes;
		this.hashes = hashes;
		this.throttle = throttle;
		this.properties = properties;
		this.notifications = notifications;
		this.auditLog = auditLog;
		this.transaction = new TransactionTemplate(transactions);
		this.demo = demo;
	}

	/**
	 * Sends a new code to the number if it has an account, and answers the same if not.
	 * @param phone the number as typed
	 * @param clientAddress the address the request comes from
	 * @return what the page may say about it
	 * @throws ProblemException 400 with field {@code phone} for a number that is not a
	 * mainland mobile number
	 * @throws PasswordResetThrottledException when the number or the address must wait
	 */
	public CodeSent sendCode(String phone, String clientAddress) {
		String number = PhoneNumbers.normalize(phone);
		if (!PhoneNumbers.isMainlandMobile(number)) {
			throw ProblemException.invalid(List.of(new FieldProblem("phone", "validation.phone")));
		}
		Optional<AccountRow> account = this.accounts.findByUsername(number)
			.filter((row) -> row.status() == AccountStatus.ACTIVE);
		Optional<Duration> wait = this.throttle.tryCode(number, clientAddress);
		if (wait.isPresent()) {
			audit("account.password.reset.request", account.map(AccountRow::id), AuditOutcome.DENIED, "throttled");
			throw new PasswordResetThrottledException(wait.get());
		}
		String code = newCode();
		OffsetDateTime now = AccountManagement.now();
		long minutes = this.properties.codeTtl().toMinutes();
		this.transaction.executeWithoutResult((status) -> {
			this.codes.replace(this.hashes.ofPhone(number), account.map(AccountRow::id).orElse(null),
					this.hashes.ofCode(number, code), now, now.plus(this.properties.codeTtl()));
			audit("account.password.reset.request", account.map(AccountRow::id), AuditOutcome.SUCCESS, null);
			account.ifPresent((row) -> this.notifications
				.deliverOnly(new NotificationRequest(row.id(), NotificationKind.PASSWORD_RESET_CODE,
						"notification.passwordResetCode", List.of(code, Long.toString(minutes)), null, null)));
		});
		return new CodeSent(PhoneNumbers.mask(number), this.properties.codeTtl(), this.demo ? code : null);
	}

	/**
	 * Sets a new password with the code sent to the number. A wrong code counts as one of
	 * its few attempts; a right code with a password that breaks the rules does not, and
	 * stays valid.
	 * @param phone the number the code was sent to, as typed
	 * @param code the six digits
	 * @param newPassword the new password, checked by {@link Passwords}
	 * @param clientAddress the address the attempt comes from
	 * @return the username to sign in with (the normalized number)
	 * @throws ProblemException 400 with fields {@code phone}, {@code code} (wrong,
	 * expired, used or void) and {@code newPassword}
	 * @throws PasswordResetThrottledException when the address has entered too many codes
	 */
	public String setNewPassword(String phone, String code, String newPassword, String clientAddress) {
		String number = PhoneNumbers.normalize(phone);
		String given = (code != null) ? code.strip() : "";
		FieldProblem phoneProblem = PhoneNumbers.isMainlandMobile(number) ? null
				: new FieldProblem("phone", "validation.phone");
		FieldProblem codeProblem = CODE.matcher(given).matches() ? null
				: new FieldProblem("code", given.isEmpty() ? "validation.required" : "passwordReset.code.format");
		List<FieldProblem> passwordProblems = Passwords.problems("newPassword", newPassword);
		if (phoneProblem != null || codeProblem != null) {
			// nothing to check the code against: no attempt is counted
			throw ProblemException.invalid(problems(phoneProblem, codeProblem, passwordProblems));
		}
		Optional<Duration> wait = this.throttle.tryAttempt(clientAddress);
		if (wait.isPresent()) {
			audit("account.password.reset", Optional.empty(), AuditOutcome.DENIED, "throttled");
			throw new PasswordResetThrottledException(wait.get());
		}
		String phoneHash = this.hashes.ofPhone(number);
		String codeHash = this.hashes.ofCode(number, given);
		OffsetDateTime now = AccountManagement.now();
		Optional<StoredCode> reserved = this.codes.reserveAttempt(phoneHash, this.properties.maxAttempts(), now);
		if (reserved.isEmpty()) {
			Optional<StoredCode> stale = this.codes.find(phoneHash);
			boolean expired = stale.isPresent() && !stale.get().expiresAt().isAfter(now);
			audit("account.password.reset", stale.map(StoredCode::accountId), AuditOutcome.FAILURE,
					expired ? "expired code" : "no valid code");
			throw ProblemException.invalid(problems(null,
					new FieldProblem("code", expired ? "passwordReset.code.expired" : "passwordReset.code.invalid"),
					passwordProblems));
		}
		StoredCode stored = reserved.get();
		Optional<UUID> accountId = Optional.ofNullable(stored.accountId());
		if (!ResetHashes.same(stored.codeHash(), codeHash)) {
			int left = this.properties.maxAttempts() - stored.failedAttempts();
			if (left <= 0) {
				this.codes.remove(phoneHash, stored.codeHash());
			}
			audit("account.password.reset", accountId, AuditOutcome.FAILURE, "wrong code");
			throw ProblemException
				.invalid(problems(null, (left > 0) ? new FieldProblem("code", "passwordReset.code.wrong", left)
						: new FieldProblem("code", "passwordReset.code.void"), passwordProblems));
		}
		if (!passwordProblems.isEmpty()) {
			this.codes.refundAttempt(phoneHash, codeHash);
			throw ProblemException.invalid(passwordProblems);
		}
		AccountRow account = this.transaction.execute((status) -> {
			AccountRow row = accountId.flatMap(this.accounts::findById)
				.filter((found) -> found.status() == AccountStatus.ACTIVE)
				.orElse(null);
			if (!this.codes.consume(phoneHash, codeHash) || row == null) {
				return null;
			}
			this.management.setPassword(row, newPassword, null);
			this.auditLog.record(AuditRecord.of("account.password.reset", row.id()).on("account", row.id()));
			return row;
		});
		if (account == null) {
			// used by a parallel request, or the number has no account (only the demo
			// shows
			// such a code)
			audit("account.password.reset", accountId, AuditOutcome.FAILURE, "no valid code");
			throw ProblemException.invalid(List.of(new FieldProblem("code", "passwordReset.code.invalid")));
		}
		return account.username();
	}

	/** Expired codes are forgotten: they can never be used. */
	int purgeExpired() {
		return this.codes.purgeExpired(AccountManagement.now());
	}

	private String newCode() {
		return String.format(Locale.ROOT, "%06d", this.random.nextInt(CODE_BOUND));
	}

	private static List<FieldProblem> problems(FieldProblem phone, FieldProblem code, List<FieldProblem> password) {
		List<FieldProblem> problems = new ArrayList<>();
		if (phone != null) {
			problems.add(phone);
		}
		if (code != null) {
			problems.add(code);
		}
		problems.addAll(password);
		return problems;
	}

	private void audit(String action, Optional<UUID> accountId, AuditOutcome outcome, String detail) {
		AuditRecord record = AuditRecord.of(action, null).withOutcome(outcome).withDetail(detail);
		this.auditLog.record(accountId.map((id) -> record.on("account", id)).orElse(record));
	}

	/**
	 * A code was sent, if the number has an account.
	 *
	 * @param phoneMasked the number as the page may show it
	 * @param validFor how long the code is valid
	 * @param demoCode the code itself, only in the demo ({@code zhiyuan.demo=true}),
	 * otherwise {@code null}
	 */
	public record CodeSent(String phoneMasked, Duration validFor, String demoCode) {

		public long validMinutes() {
			return this.validFor.toMinutes();
		}

	}

}
