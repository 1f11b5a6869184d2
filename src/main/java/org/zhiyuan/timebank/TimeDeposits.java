package org.zhiyuan.timebank;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.record.CountedHoursChanged;
import org.zhiyuan.regionsettings.RegionSettings;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.timebank.TimeLedger.Locked;
import org.zhiyuan.timebank.TimeLedger.Movement;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Deposits the hours of service records of activities eligible for the time bank, in the
 * transaction that counts them, so that a record's hours are deposited exactly when it
 * counts and once: its first counted hours as a deposit, every later change (an approved
 * amendment, a review that voids or counts it again) as a correction that names the
 * deposit. Hours above the cap of the volunteer's region go on to the donation pool of
 * the region where the service was recorded, in the same movement, and the entry says so.
 * A correction that takes hours back takes them first from what the record brought to the
 * pool, then from the volunteer's balance; what the volunteer has spent meanwhile is owed
 * and settled by their next deposits, so that no balance goes below zero.
 */
@Component
class TimeDeposits {

	private final TimeLedger ledger;

	private final TimeBankRepository repository;

	private final Activities activities;

	private final Volunteers volunteers;

	private final RegionSettings settings;

	TimeDeposits(TimeLedger ledger, TimeBankRepository repository, Activities activities, Volunteers volunteers,
			RegionSettings settings) {
		this.ledger = ledger;
		this.repository = repository;
		this.activities = activities;
		this.volunteers = volunteers;
		this.settings = settings;
	}

	@EventListener
	void on(CountedHoursChanged event) {
		BigDecimal change = orZero(event.hoursAfter()).subtract(orZero(event.hoursBefore()));
		if (change.signum() == 0) {
			return;
		}
		Optional<ActivityView> activity = event.activityOr(this.activities::find);
		if (activity.isEmpty() || !activity.get().timeBankEligible()) {
			return;
		}
		VolunteerView volunteer = this.volunteers.find(event.volunteerId()).orElseThrow();
		String region = (event.volunteerRegionCode() != null) ? event.volunteerRegionCode() : volunteer.regionCode();
		UUID account = this.ledger.volunteerAccount(volunteer.id(), volunteer.regionCode());
		UUID issuance = this.ledger.platformAccount(AccountKind.ISSUANCE, region);
		// a record being written has had no deposit yet
		Optional<UUID> deposit = event.written() ? Optional.empty()
				: this.repository.firstTransferOfRecord(event.recordId(), volunteer.id());
		// the volunteer's account only: the region's pool is locked when hours go to it
		// or
		// come back from it, so that deposits of one region do not wait for each other
		// (and, on a cluster, write the volunteer's shard alone)
		Locked locked = this.ledger.lock(List.of(account));
		if (change.signum() > 0) {
			EntryKind kind = deposit.isPresent() ? EntryKind.CORRECTION : EntryKind.DEPOSIT;
			locked.move(issuance, account, change, kind);
			BigDecimal settle = change.min(locked.owed(account));
			if (settle.signum() > 0) {
				locked.move(account, issuance, settle, EntryKind.SETTLEMENT);
				locked.setOwed(account, locked.owed(account).subtract(settle));
			}
			BigDecimal cap = this.settings.timeBankCap(volunteer.regionCode());
			BigDecimal excess = locked.balance(account).subtract(cap);
			if (excess.signum() > 0) {
				UUID pool = this.ledger.platformAccount(AccountKind.DONATION_POOL, region);
				locked.lockAlso(pool);
				locked.move(account, pool, excess.min(change), EntryKind.CAP_SWEEP);
			}
		}
		else {
			BigDecimal take = change.negate();
			BigDecimal fromPool = BigDecimal.ZERO;
			UUID pool = this.ledger.platformAccount(AccountKind.DONATION_POOL, region);
			// what the record brought to the pool is written under the volunteer's lock,
			// taken above
			BigDecimal swept = take.min(this.repository.recordHoursIn(event.recordId(), volunteer.id(), pool));
			if (swept.signum() > 0) {
				locked.lockAlso(pool);
				fromPool = swept.min(locked.balance(pool)).max(BigDecimal.ZERO);
			}
			if (fromPool.signum() > 0) {
				locked.move(pool, issuance, fromPool, EntryKind.CORRECTION);
			}
			BigDecimal fromVolunteer = take.subtract(fromPool).min(locked.balance(account));
			if (fromVolunteer.signum() > 0) {
				locked.move(account, issuance, fromVolunteer, EntryKind.CORRECTION);
			}
			BigDecimal owed = take.subtract(fromPool).subtract(fromVolunteer);
			if (owed.signum() > 0) {
				locked.setOwed(account, locked.owed(account).add(owed));
			}
		}
		locked.post(new Movement(Ids.newId(), deposit.isPresent() ? "CORRECTION" : "DEPOSIT", event.recordId(),
				deposit.orElse(null), null, volunteer.id(), change, null, null, null));
	}

	private static BigDecimal orZero(BigDecimal hours) {
		return (hours != null) ? hours : BigDecimal.ZERO;
	}

}
