package org.zhiyuan.timebank;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.regionsettings.RegionSettings;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.identity.PersonNames;
import org.zhiyuan.timebank.TimeBankRepository.GiftRow;
import org.zhiyuan.timebank.TimeLedger.Locked;
import org.zhiyuan.timebank.TimeLedger.Movement;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hours given (转赠) from a volunteer's account to a confirmed relative's: both accounts
 * locked in the order of their ids, the giver's balance checked under the lock, the
 * relative's cap respected (a gift is refused rather than swept to the pool). With an
 * {@code Idempotency-Key} a repeat by the same account returns the first gift and moves
 * nothing, also when the two arrive at once.
 */
@Service
public class TimeGifts {

	/** The most hours one gift moves. */
	static final BigDecimal MAX_HOURS = new BigDecimal("100000");

	private final TimeLedger ledger;

	private final TimeBankRepository repository;

	private final Relatives relatives;

	private final Volunteers volunteers;

	private final RegionSettings settings;

	private final Notifications notifications;

	private final AuditLog auditLog;

	private final TransactionTemplate transaction;

	TimeGifts(TimeLedger ledger, TimeBankRepository repository, Relatives relatives, Volunteers volunteers,
			RegionSettings settings, Notifications notifications, AuditLog auditLog,
			PlatformTransactionManager transactions) {
		this.ledger = ledger;
		this.repository = repository;
		this.relatives = relatives;
		this.volunteers = volunteers;
		this.settings = settings;
		this.notifications = notifications;
		this.auditLog = auditLog;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Gives hours to a confirmed relative.
	 * @throws ProblemException 400 naming every bad field; 404 {@code NOT_A_VOLUNTEER}
	 * for staff; 422 {@code NOT_A_RELATIVE} unless the two are confirmed relatives,
	 * {@code INSUFFICIENT_BALANCE} when the giver holds less, {@code CAP_EXCEEDED} when
	 * the relative's account would hold more than their region's cap
	 */
	public GiftView give(Actor actor, UUID toVolunteerId, BigDecimal hours, String memo, String idempotencyKey) {
		return give(actor, "GIFT", toVolunteerId, hours, memo, idempotencyKey);
	}

	/**
	 * A movement a volunteer asks for by its kind, as the API names it: {@code GIFT} is
	 * the one there is; as {@link #give}.
	 */
	public GiftView give(Actor actor, String kind, UUID toVolunteerId, BigDecimal hours, String memo,
			String idempotencyKey) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!"GIFT".equals(kind)) {
			problems.add(new FieldProblem("kind", "validation.timebank.kind"));
		}
		if (toVolunteerId == null) {
			problems.add(new FieldProblem("toVolunteerId", "validation.required"));
		}
		if (hours == null || hours.signum() <= 0 || hours.stripTrailingZeros().scale() > 2
				|| hours.compareTo(MAX_HOURS) > 0) {
			problems.add(new FieldProblem("hours", "validation.timebank.hours", MAX_HOURS.toPlainString()));
		}
		if (memo != null && memo.strip().length() > 200) {
			problems.add(new FieldProblem("memo", "validation.timebank.memo", 200));
		}
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
			problems.add(new FieldProblem("Idempotency-Key", "validation.record.key"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		BigDecimal scaled = hours.setScale(2, java.math.RoundingMode.UNNECESSARY);
		String note = (memo != null && !memo.isBlank()) ? memo.strip() : null;
		try {
			return this.transaction.execute((status) -> post(actor, toVolunteerId, scaled, note, idempotencyKey));
		}
		catch (DuplicateKeyException ex) {
			// the key was used: by this account's earlier gift (also one at the same
			// moment, whose row the claim waited for), or by a movement of another kind
			return this.transaction.execute((status) -> earlier(actor, idempotencyKey))
				.orElseThrow(() -> ProblemException.conflict("IDEMPOTENCY_KEY_REUSED", "timebank.keyReused"));
		}
	}

	private GiftView post(Actor actor, UUID toVolunteerId, BigDecimal hours, String memo, String idempotencyKey) {
		VolunteerView me = this.volunteers.mine(actor);
		// the movement's row first: it claims the Idempotency-Key (a used one fails here,
		// before anything is read or locked), and a refusal below takes it back with the
		// transaction
		UUID id = Ids.newId();
		Movement movement = new Movement(id, "GIFT", null, null, me.id(), toVolunteerId, hours, memo, actor.accountId(),
				idempotencyKey);
		this.ledger.claim(movement);
		VolunteerView to = this.volunteers.find(toVolunteerId)
			.filter((other) -> !other.id().equals(me.id()))
			.filter((other) -> this.relatives.confirmed(me.id(), other.id()))
			.orElseThrow(() -> ProblemException.unprocessable("NOT_A_RELATIVE", "timebank.notARelative"));
		UUID mine = this.ledger.volunteerAccount(me.id(), me.regionCode());
		UUID theirs = this.ledger.volunteerAccount(to.id(), to.regionCode());
		Locked locked = this.ledger.lockVolunteers(List.of(mine, theirs));
		if (locked.balance(mine).compareTo(hours) < 0) {
			throw ProblemException.unprocessable("INSUFFICIENT_BALANCE", "timebank.insufficient",
					locked.balance(mine).toPlainString(), hours.toPlainString());
		}
		BigDecimal cap = this.settings.timeBankCap(to.regionCode());
		if (locked.balance(theirs).add(hours).compareTo(cap) > 0) {
			throw ProblemException.unprocessable("CAP_EXCEEDED", "timebank.capExceeded", cap.toPlainString(),
					cap.subtract(locked.balance(theirs)).max(BigDecimal.ZERO).toPlainString());
		}
		locked.move(mine, theirs, hours, EntryKind.GIFT);
		locked.postClaimed(movement);
		this.auditLog.record(AuditRecord.of("timebank.gift", actor.accountId())
			.on("time-transfer", id)
			.inRegion(me.regionCode())
			.withDetail(hours.toPlainString()));
		this.notifications
			.send(new NotificationRequest(to.accountId(), NotificationKind.GENERAL, "notice.timebank.gift",
					List.of(PersonNames.mask(me.name()), hours.toPlainString()), "/me/time-bank", "gift:" + id));
		return new GiftView(id, me.id(), to.id(), PersonNames.mask(to.name()), hours, locked.balance(mine), memo,
				TimeLedger.now());
	}

	private Optional<GiftView> earlier(Actor actor, String idempotencyKey) {
		if (idempotencyKey == null) {
			return Optional.empty();
		}
		VolunteerView me = this.volunteers.mine(actor);
		return this.repository.giftByKey(me.id(), actor.accountId(), idempotencyKey).map(this::view);
	}

	private GiftView view(GiftRow row) {
		String name = this.volunteers.find(row.toVolunteer()).map((v) -> PersonNames.mask(v.name())).orElse(null);
		return new GiftView(row.id(), row.fromVolunteer(), row.toVolunteer(), name, row.hours(), row.balanceAfter(),
				row.memo(), row.createdAt());
	}

}
