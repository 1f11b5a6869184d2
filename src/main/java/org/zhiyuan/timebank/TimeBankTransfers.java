package org.zhiyuan.timebank;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.regionsettings.RegionSettings;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.timebank.TimeBankRepository.OutRow;
import org.zhiyuan.timebank.TimeLedger.Locked;
import org.zhiyuan.timebank.TimeLedger.Movement;
import org.zhiyuan.volunteer.VolunteerView;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Time-bank hours that travel between installations with the volunteer's transfer
 * package, debited once at the origin and credited once at the destination. Moving out
 * takes hours (all the balance, or fewer) from the volunteer's account into the region's
 * {@link AccountKind#TRANSFERRED_OUT} account, under the account's lock, once per
 * {@code Idempotency-Key}; crediting in moves the hours a trusted package names from the
 * region's {@link AccountKind#TRANSFERRED_IN} account to the volunteer's, once per origin
 * and move (hours above the cap go on to the donation pool, and owed hours are settled
 * first, as a deposit's). The ledger still sums to zero.
 */
@Service
public class TimeBankTransfers {

	private final TimeLedger ledger;

	private final TimeBankRepository repository;

	private final RegionSettings settings;

	private final AuditLog auditLog;

	private final TransactionTemplate transaction;

	TimeBankTransfers(TimeLedger ledger, TimeBankRepository repository, RegionSettings settings, AuditLog auditLog,
			PlatformTransactionManager transactions) {
		this.ledger = ledger;
		this.repository = repository;
		this.settings = settings;
		this.auditLog = auditLog;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Moves the volunteer's hours out, for the volunteer themself (the caller checks who
	 * asks): {@code hours} of them, or all the balance when {@code null}. A repeat with
	 * the same key returns the first move and moves nothing.
	 * @throws ProblemException 400 {@code hours}, {@code Idempotency-Key} (required); 409
	 * {@code IDEMPOTENCY_KEY_REUSED} when the key named another movement; 422
	 * {@code INSUFFICIENT_BALANCE} when the balance holds less (or nothing)
	 */
	public TimeBankMove moveOut(Actor actor, VolunteerView volunteer, BigDecimal hours, String idempotencyKey) {
		List<FieldProblem> problems = new ArrayList<>();
		if (hours != null && (hours.signum() <= 0 || hours.stripTrailingZeros().scale() > 2
				|| hours.compareTo(TimeGifts.MAX_HOURS) > 0)) {
			problems.add(new FieldProblem("hours", "validation.timebank.hours", TimeGifts.MAX_HOURS.toPlainString()));
		}
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
			problems.add(new FieldProblem("Idempotency-Key", "validation.record.key"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		BigDecimal scaled = (hours != null) ? hours.setScale(2, RoundingMode.UNNECESSARY) : null;
		try {
			return this.transaction.execute((status) -> out(actor, volunteer, scaled, idempotencyKey));
		}
		catch (DuplicateKeyException ex) {
			return this.transaction
				.execute(
						(status) -> this.repository.transferOutByKey(volunteer.id(), actor.accountId(), idempotencyKey))
				.filter((row) -> row.volunteerId().equals(volunteer.id()))
				.map(TimeBankTransfers::view)
				.orElseThrow(() -> ProblemException.conflict("IDEMPOTENCY_KEY_REUSED", "timebank.keyReused"));
		}
	}

	private TimeBankMove out(Actor actor, VolunteerView volunteer, BigDecimal hours, String idempotencyKey) {
		UUID id = Ids.newId();
		// the row first: it claims the key before anything is locked; the hours, when all
		// the balance is moved, are known under the lock and written there
		Movement claim = new Movement(id, "TRANSFER_OUT", null, null, volunteer.id(), null,
				(hours != null) ? hours : BigDecimal.ZERO, null, actor.accountId(), idempotencyKey);
		this.ledger.claim(claim);
		UUID account = this.ledger.volunteerAccount(volunteer.id(), volunteer.regionCode());
		UUID out = this.ledger.platformAccount(AccountKind.TRANSFERRED_OUT, volunteer.regionCode());
		Locked locked = this.ledger.lock(List.of(account, out));
		BigDecimal balance = locked.balance(account);
		BigDecimal moved = (hours != null) ? hours : balance;
		if (moved.signum() <= 0) {
			throw ProblemException.unprocessable("INSUFFICIENT_BALANCE", "timebank.transferOut.empty");
		}
		if (balance.compareTo(moved) < 0) {
			throw ProblemException.unprocessable("INSUFFICIENT_BALANCE", "timebank.transferOut.insufficient",
					balance.toPlainString(), moved.toPlainString());
		}
		if (hours == null) {
			// the row claimed above, in this transaction, learns its hours before anyone
			// can read it
			this.repository.setTransferHours(id, volunteer.id(), moved);
		}
		locked.move(account, out, moved, EntryKind.TRANSFER_OUT);
		locked.postClaimed(claim);
		this.auditLog.record(AuditRecord.of("timebank.transfer-out", actor.accountId())
			.on("time-transfer", id)
			.inRegion(volunteer.regionCode())
			.withDetail(moved.toPlainString()));
		return new TimeBankMove(id, volunteer.id(), moved, locked.balance(account), TimeLedger.now());
	}

	/**
	 * Credits the hours another installation's package names to the volunteer, in the
	 * caller's transaction (which has checked the package's issuer, signature and holder,
	 * and takes imports from one issuer one at a time): once per {@code origin} and
	 * {@code originTransferId}; a repeat credits nothing.
	 * @return the hours credited, zero for a repeat
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public BigDecimal creditIn(Actor actor, VolunteerView volunteer, String origin, String originTransferId,
			BigDecimal hours) {
		if (hours.signum() <= 0 || this.repository.originCredited(volunteer.id(), origin, originTransferId)) {
			return BigDecimal.ZERO.setScale(2);
		}
		BigDecimal credited = hours.setScale(2, RoundingMode.UNNECESSARY);
		UUID id = Ids.newId();
		Movement movement = new Movement(id, "TRANSFER_IN", null, null, null, volunteer.id(), credited, null,
				actor.accountId(), null);
		// the row first, naming the origin's move: unique, it is credited once
		this.repository.insertTransferFromOrigin(id, movement.kind(), volunteer.id(), credited, actor.accountId(),
				origin, originTransferId, TimeLedger.now());
		UUID account = this.ledger.volunteerAccount(volunteer.id(), volunteer.regionCode());
		UUID in = this.ledger.platformAccount(AccountKind.TRANSFERRED_IN, volunteer.regionCode());
		UUID pool = this.ledger.platformAccount(AccountKind.DONATION_POOL, volunteer.regionCode());
		Locked locked = this.ledger.lock(List.of(account, pool));
		locked.move(in, account, credited, EntryKind.TRANSFER_IN);
		BigDecimal settle = credited.min(locked.owed(account));
		if (settle.signum() > 0) {
			UUID issuance = this.ledger.platformAccount(AccountKind.ISSUANCE, volunteer.regionCode());
			locked.move(account, issuance, settle, EntryKind.SETTLEMENT);
			locked.setOwed(account, locked.owed(account).subtract(settle));
		}
		BigDecimal excess = locked.balance(account).subtract(this.settings.timeBankCap(volunteer.regionCode()));
		if (excess.signum() > 0) {
			locked.move(account, pool, excess.min(credited), EntryKind.CAP_SWEEP);
		}
		locked.postClaimed(movement);
		this.auditLog.record(AuditRecord.of("timebank.transfer-in", actor.accountId())
			.on("time-transfer", id)
			.inRegion(volunteer.regionCode())
			.withDetail(credited.toPlainString()));
		return credited;
	}

	private static TimeBankMove view(OutRow row) {
		return new TimeBankMove(row.id(), row.volunteerId(), row.hours(), row.balanceAfter(), row.createdAt());
	}

}
