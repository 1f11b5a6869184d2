package org.zhiyuan.points;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.points.PointsRepository.RedemptionRow;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.identity.PersonNames;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Redeeming rewards for points: under the lock of the volunteer's points, the points are
 * checked and spent from the lots that expire first, and one item is taken from the stock
 * by a statement that never takes it below zero, all in one transaction, so that points
 * are never spent twice and stock is never oversold. The volunteer gets a code to show
 * the merchant, who checks it on the reward's page; a redemption not yet used may be
 * cancelled, which refunds the points and puts the item back.
 */
@Service
public class Redemptions {

	/** Letters and digits that are not mistaken for each other when read out. */
	private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

	static final int CODE_LENGTH = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final PointsRepository repository;

	private final PointLedger ledger;

	private final Rewards rewards;

	private final Volunteers volunteers;

	private final Regions regions;

	private final AccessPolicy accessPolicy;

	private final Notifications notifications;

	private final AuditLog auditLog;

	private final TransactionTemplate transaction;

	Redemptions(PointsRepository repository, PointLedger ledger, Rewards rewards, Volunteers volunteers,
			Regions regions, AccessPolicy accessPolicy, Notifications notifications, AuditLog auditLog,
			PlatformTransactionManager transactions) {
		this.repository = repository;
		this.ledger = ledger;
		this.rewards = rewards;
		this.volunteers = volunteers;
		this.regions = regions;
		this.accessPolicy = accessPolicy;
		this.notifications = notifications;
		this.auditLog = auditLog;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Redeems a reward for the caller's points. With an {@code Idempotency-Key} a repeat
	 * by the same account returns the first redemption and spends nothing, also when the
	 * two arrive at once.
	 * @throws ProblemException 404 {@code NOT_A_VOLUNTEER} for staff,
	 * {@code REWARD_NOT_FOUND}; 422 {@code OUTSIDE_REGION} for a reward of another
	 * region, {@code LIMIT_REACHED} when the volunteer holds as many as one may,
	 * {@code INSUFFICIENT_POINTS}, {@code OUT_OF_STOCK} (also withdrawn or past its date)
	 */
	public RedemptionView redeem(Actor actor, UUID rewardId, String idempotencyKey) {
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
			throw ProblemException.invalid(List.of(new FieldProblem("Idempotency-Key", "validation.record.key")));
		}
		try {
			return this.transaction.execute((status) -> post(actor, rewardId, idempotencyKey));
		}
		catch (DuplicateKeyException ex) {
			// the same key at the same moment: the other one redeemed
			return this.transaction.execute((status) -> earlier(actor, idempotencyKey)).orElseThrow(() -> ex);
		}
		catch (DataIntegrityViolationException ex) {
			// the stock's own check, should the database take the last item twice
			throw ProblemException.unprocessable("OUT_OF_STOCK", "reward.outOfStock");
		}
	}

	private RedemptionView post(Actor actor, UUID rewardId, String idempotencyKey) {
		VolunteerView me = this.volunteers.mine(actor);
		this.ledger.lock(me.id());
		if (idempotencyKey != null) {
			Optional<RedemptionView> earlier = earlier(actor, idempotencyKey);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		RewardView reward = this.rewards.find(rewardId);
		if (!this.regions.covers(reward.regionCode(), me.regionCode())) {
			throw ProblemException.unprocessable("OUTSIDE_REGION", "reward.outsideRegion");
		}
		if (this.repository.heldBy(reward.id(), me.id()) >= reward.perPerson()) {
			throw ProblemException.unprocessable("LIMIT_REACHED", "reward.limitReached", reward.perPerson());
		}
		int balance = this.ledger.balance(me.id());
		if (balance < reward.price()) {
			throw ProblemException.unprocessable("INSUFFICIENT_POINTS", "reward.insufficientPoints", balance,
					reward.price());
		}
		if (!this.repository.take(reward.id(), Rewards.today())) {
			throw ProblemException.unprocessable("OUT_OF_STOCK", "reward.outOfStock");
		}
		UUID id = Ids.newId();
		this.repository.insertRedemption(id, reward.id(), me.id(), reward.price(), newCode(), actor.accountId(),
				idempotencyKey, PointLedger.now());
		if (!this.ledger.spend(me.id(), id, reward.price())) {
			throw new IllegalStateException("Points checked under the lock were not there");
		}
		this.auditLog.record(AuditRecord.of("rewards.redeem", actor.accountId())
			.on("reward-redemption", id)
			.inRegion(me.regionCode())
			.withDetail("reward=" + reward.id() + " points=" + reward.price()));
		this.notifications.send(new NotificationRequest(actor.accountId(), NotificationKind.GENERAL,
				"notice.rewards.redeemed", List.of(reward.title()), "/me/points", "redeemed:" + id));
		return this.repository.redemption(me.id(), id).orElseThrow().view();
	}

	private Optional<RedemptionView> earlier(Actor actor, String idempotencyKey) {
		if (idempotencyKey == null) {
			return Optional.empty();
		}
		return this.repository.redemptionByKey(actor.accountId(), idempotencyKey).map(RedemptionRow::view);
	}

	/**
	 * Cancels one of the caller's redemptions that has not been used: the points go back
	 * to the lots that paid them, the item back into stock.
	 * @throws ProblemException 404 {@code REDEMPTION_NOT_FOUND} (also another's), 409
	 * {@code INVALID_STATE} once used or cancelled
	 */
	public RedemptionView cancel(Actor actor, UUID redemptionId) {
		return this.transaction.execute((status) -> {
			VolunteerView me = this.volunteers.mine(actor);
			this.ledger.lock(me.id());
			RedemptionRow row = this.repository.lockRedemption(me.id(), redemptionId)
				.orElseThrow(() -> ProblemException.notFound("REDEMPTION_NOT_FOUND", "redemption.notFound"));
			if (!this.repository.decide(me.id(), row.view().id(), RedemptionStatus.CANCELLED, PointLedger.now())) {
				throw ProblemException.conflict("INVALID_STATE", "redemption.notIssued");
			}
			this.ledger.refund(me.id(), row.view().id());
			this.repository.putBack(row.view().rewardId());
			this.auditLog.record(AuditRecord.of("rewards.cancel", actor.accountId())
				.on("reward-redemption", row.view().id())
				.inRegion(me.regionCode()));
			return this.repository.redemption(me.id(), row.view().id()).orElseThrow().view();
		});
	}

	/**
	 * A redemption as its merchant sees it, found by its code with the key of the
	 * reward's check page (or by an operator of the reward's region, without it); with
	 * {@code use} it is marked used, once.
	 * @throws ProblemException 400 naming the bad fields; 404
	 * {@code REDEMPTION_NOT_FOUND} for an unknown code or one the key does not open; 409
	 * {@code INVALID_STATE} when asked to use one used or cancelled
	 */
	public CheckedRedemption check(Actor actor, String code, String key, boolean use) {
		String normalized = normalize(code);
		List<FieldProblem> problems = new ArrayList<>();
		if (normalized == null) {
			problems.add(new FieldProblem("code", "validation.redemption.code"));
		}
		if (key != null && key.length() > 100) {
			problems.add(new FieldProblem("key", "validation.redemption.key", 100));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return this.transaction.execute((status) -> {
			RedemptionRow row = this.repository.redemptionByCode(normalized)
				.filter((found) -> this.rewards.opens(found.view().rewardId(), key)
						|| this.accessPolicy.operates(actor, found.regionCode()))
				.orElseThrow(() -> ProblemException.notFound("REDEMPTION_NOT_FOUND", "redemption.notFound"));
			boolean usedNow = false;
			if (use) {
				if (!this.repository.decide(row.volunteerId(), row.view().id(), RedemptionStatus.USED,
						PointLedger.now())) {
					throw ProblemException.conflict("INVALID_STATE", "redemption.notIssued");
				}
				usedNow = true;
				this.auditLog.record(AuditRecord.of("rewards.use", (actor != null) ? actor.accountId() : null)
					.on("reward-redemption", row.view().id())
					.inRegion(row.regionCode())
					.withDetail((actor != null) ? "operator" : "merchant key"));
				this.volunteers.find(row.volunteerId())
					.ifPresent((holder) -> this.notifications.send(
							new NotificationRequest(holder.accountId(), NotificationKind.GENERAL, "notice.rewards.used",
									List.of(row.view().rewardTitle()), "/me/points", "used:" + row.view().id())));
			}
			RedemptionView view = this.repository.redemption(row.volunteerId(), row.view().id()).orElseThrow().view();
			String holder = this.volunteers.find(row.volunteerId()).map((v) -> PersonNames.mask(v.name())).orElse(null);
			return new CheckedRedemption(view.id(), view.code(), view.rewardId(), view.rewardTitle(), holder,
					view.points(), view.status(), view.createdAt(), view.decidedAt(), usedNow);
		});
	}

	/** The caller's redemptions: those waiting to be used first, then the newest. */
	public PageResult<RedemptionView> mine(Actor actor, PageQuery page) {
		VolunteerView me = this.volunteers.mine(actor);
		return this.repository.redemptionsOf(me.id(), page);
	}

	/**
	 * A code as typed: spaces and dashes dropped, letters made capital; null when
	 * malformed.
	 */
	static String normalize(String code) {
		if (code == null) {
			return null;
		}
		String plain = code.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
		if (plain.length() != CODE_LENGTH) {
			return null;
		}
		for (char c : plain.toCharArray()) {
			if (new String(ALPHABET).indexOf(c) < 0) {
				return null;
			}
		}
		return plain;
	}

	private static String newCode() {
		char[] code = new char[CODE_LENGTH];
		for (int i = 0; i < code.length; i++) {
			code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(code);
	}

	/** Shows a code in two groups of five, as it is read out. */
	public static String display(String code) {
		return (code != null && code.length() == CODE_LENGTH) ? code.substring(0, 5) + "-" + code.substring(5) : code;
	}

}
