package org.zhiyuan.points;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.record.CountedHoursChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Issues points for counted service in the transaction that counts it, by the rules of
 * the region where the service was done: a record's first counted hours issue a lot at
 * the rate that applies then; every later change of its hours (an approved amendment, a
 * review that voids or counts it again) issues or takes back the difference at the same
 * rate, so that a record's points always equal its hours times that rate, rounded down,
 * and are never issued twice.
 */
@Component
class PointIssuance {

	private final PointLedger ledger;

	private final PointsRepository repository;

	private final PointRules rules;

	private final Activities activities;

	PointIssuance(PointLedger ledger, PointsRepository repository, PointRules rules, Activities activities) {
		this.ledger = ledger;
		this.repository = repository;
		this.rules = rules;
		this.activities = activities;
	}

	@EventListener
	void on(CountedHoursChanged event) {
		BigDecimal before = orZero(event.hoursBefore());
		BigDecimal after = orZero(event.hoursAfter());
		if (before.compareTo(after) == 0) {
			return;
		}
		Optional<ActivityView> activity = event.activityOr(this.activities::find);
		if (activity.isEmpty()) {
			return;
		}
		// the rules of the activity's region, read once: for the rate of a first issue
		// and
		// for how long a lot stays valid
		PointRule rule = this.rules.rule(activity.get().regionCode());
		// a record being written has no lot yet; a changed one keeps the rate of its
		// first
		int rate = event.written() ? PointRules.rateOf(activity.get(), rule)
				: this.repository.rateOfRecord(event.volunteerId(), event.recordId())
					.orElseGet(() -> PointRules.rateOf(activity.get(), rule));
		int change = points(after, rate) - points(before, rate);
		if (change == 0) {
			return;
		}
		this.ledger.lock(event.volunteerId());
		if (change > 0) {
			this.ledger.issue(event.volunteerId(), event.recordId(), activity.get().regionCode(), rate, change,
					rule.validMonths());
		}
		else {
			this.ledger.takeBack(event.volunteerId(), event.recordId(), -change);
		}
	}

	static int points(BigDecimal hours, int rate) {
		return hours.multiply(BigDecimal.valueOf(rate)).setScale(0, RoundingMode.DOWN).intValueExact();
	}

	private static BigDecimal orZero(BigDecimal hours) {
		return (hours != null) ? hours : BigDecimal.ZERO;
	}

}
