package org.zhiyuan.points;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.points.PointsRepository.LotRow;
import org.zhiyuan.points.PointsRepository.Spent;
import org.zhiyuan.shared.Ids;

import org.springframework.stereotype.Component;

/**
 * Changes a volunteer's points, in the caller's transaction and under the lock of the
 * volunteer's account row, so that two changes of one volunteer's points never
 * interleave: every change of a lot's remaining points is written with the entry that
 * explains it, and no lot goes below zero or above what it was issued with. Points are
 * spent from the lots that expire first; an expired lot is never spent.
 */
@Component
class PointLedger {

	private final PointsRepository repository;

	PointLedger(PointsRepository repository) {
		this.repository = repository;
	}

	/** Opens the volunteer's account if need be and locks it; returns what it owes. */
	int lock(UUID volunteerId) {
		this.repository.open(volunteerId, now());
		return this.repository.lock(volunteerId);
	}

	/**
	 * Issues a lot for a record (the account locked): what earlier corrections owe is
	 * settled from it first.
	 */
	void issue(UUID volunteerId, UUID recordId, String regionCode, int rate, int points, int validMonths) {
		if (points <= 0) {
			return;
		}
		int owed = this.repository.lock(volunteerId);
		int settle = Math.min(owed, points);
		OffsetDateTime now = now();
		UUID lot = Ids.newId();
		this.repository.insertLot(lot, volunteerId, recordId, regionCode, rate, points, points - settle, now,
				now.plusMonths(validMonths));
		this.repository.insertEntry(Ids.newId(), volunteerId, lot, PointEntryKind.ISSUE, points, recordId, null, now);
		if (settle > 0) {
			this.repository.insertEntry(Ids.newId(), volunteerId, lot, PointEntryKind.SETTLEMENT, -settle, recordId,
					null, now);
			this.repository.setOwed(volunteerId, owed - settle);
		}
	}

	/**
	 * Takes back points a record brought (the account locked): from the record's own lots
	 * first, then those that expire first; what has been spent is owed.
	 */
	void takeBack(UUID volunteerId, UUID recordId, int points) {
		int owed = this.repository.lock(volunteerId);
		OffsetDateTime now = now();
		int left = points;
		for (LotRow lot : this.repository.spendable(volunteerId, recordId, now)) {
			if (left == 0) {
				break;
			}
			int take = Math.min(left, lot.remaining());
			this.repository.setRemaining(volunteerId, lot.id(), lot.remaining() - take);
			this.repository.insertEntry(Ids.newId(), volunteerId, lot.id(), PointEntryKind.CORRECTION, -take, recordId,
					null, now);
			left -= take;
		}
		if (left > 0) {
			this.repository.setOwed(volunteerId, owed + left);
		}
	}

	/** The points the volunteer can spend now (the account need not be locked). */
	int balance(UUID volunteerId) {
		return this.repository.spendable(volunteerId, null, now()).stream().mapToInt(LotRow::remaining).sum();
	}

	/**
	 * Spends points on a redemption (the account locked), from the lots that expire
	 * first; false, changing nothing, when the volunteer holds fewer.
	 */
	boolean spend(UUID volunteerId, UUID redemptionId, int points) {
		OffsetDateTime now = now();
		List<LotRow> lots = this.repository.spendable(volunteerId, null, now);
		if (lots.stream().mapToInt(LotRow::remaining).sum() < points) {
			return false;
		}
		int left = points;
		for (LotRow lot : lots) {
			if (left == 0) {
				break;
			}
			int take = Math.min(left, lot.remaining());
			this.repository.setRemaining(volunteerId, lot.id(), lot.remaining() - take);
			this.repository.insertEntry(Ids.newId(), volunteerId, lot.id(), PointEntryKind.SPEND, -take, null,
					redemptionId, now);
			left -= take;
		}
		return true;
	}

	/**
	 * Refunds a redemption's points into the lots that paid them (the account locked):
	 * they keep their expiry, so that a cancellation never makes points last longer.
	 */
	void refund(UUID volunteerId, UUID redemptionId) {
		OffsetDateTime now = now();
		for (Spent spent : this.repository.spentOn(volunteerId, redemptionId)) {
			LotRow lot = this.repository.lot(volunteerId, spent.lotId()).orElseThrow();
			this.repository.setRemaining(volunteerId, lot.id(), lot.remaining() + spent.points());
			this.repository.insertEntry(Ids.newId(), volunteerId, lot.id(), PointEntryKind.REFUND, spent.points(), null,
					redemptionId, now);
		}
	}

	/** Writes off what is left of the volunteer's expired lots (the account locked). */
	int expire(UUID volunteerId) {
		this.repository.lock(volunteerId);
		OffsetDateTime now = now();
		int expired = 0;
		for (LotRow lot : this.repository.expired(volunteerId, now)) {
			this.repository.setRemaining(volunteerId, lot.id(), 0);
			this.repository.insertEntry(Ids.newId(), volunteerId, lot.id(), PointEntryKind.EXPIRY, -lot.remaining(),
					lot.recordId(), null, now);
			expired += lot.remaining();
		}
		return expired;
	}

	static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
