package org.zhiyuan.activity;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.zhiyuan.shared.FieldProblem;

/**
 * The checks of a position's shift and further requirements: a shift has both ends and
 * lies within its activity; past services and hours asked for are within sensible bounds;
 * and whether changed requirements are stricter than before.
 */
final class PositionRules {

	static final int MAX_SERVICES = 10_000;

	static final BigDecimal MAX_HOURS = new BigDecimal("100000");

	/** The highest credit score there is: 100 to start with and 100 for services. */
	static final int MAX_CREDIT_SCORE = 200;

	private PositionRules() {
	}

	static void check(NewActivity.NewPosition p, OffsetDateTime activityStarts, OffsetDateTime activityEnds, String at,
			List<FieldProblem> problems) {
		if ((p.startsAt() == null) != (p.endsAt() == null)) {
			problems.add(new FieldProblem(at + ((p.startsAt() == null) ? "startsAt" : "endsAt"),
					"validation.activity.shiftBoth"));
		}
		else if (p.startsAt() != null) {
			if (!p.endsAt().isAfter(p.startsAt())) {
				problems.add(new FieldProblem(at + "endsAt", "validation.activity.shiftEnd"));
			}
			else if (activityStarts != null && activityEnds != null
					&& (p.startsAt().isBefore(activityStarts) || p.endsAt().isAfter(activityEnds))) {
				problems.add(new FieldProblem(at + "startsAt", "validation.activity.shiftWithin"));
			}
		}
		if (p.minServices() != null && (p.minServices() < 0 || p.minServices() > MAX_SERVICES)) {
			problems.add(new FieldProblem(at + "minServices", "validation.activity.minServices", MAX_SERVICES));
		}
		if (p.minHours() != null && (p.minHours().signum() < 0 || p.minHours().compareTo(MAX_HOURS) > 0
				|| p.minHours().stripTrailingZeros().scale() > 2)) {
			problems.add(new FieldProblem(at + "minHours", "validation.activity.minHours", MAX_HOURS));
		}
		if (p.minCreditScore() != null && (p.minCreditScore() < 0 || p.minCreditScore() > MAX_CREDIT_SCORE)) {
			problems
				.add(new FieldProblem(at + "minCreditScore", "validation.activity.minCreditScore", MAX_CREDIT_SCORE));
		}
	}

	/**
	 * Whether the new requirements would exclude someone the position's present ones
	 * admit: a higher minimum age, a lower or new maximum, a gender asked for or another
	 * one, more past services or hours, a qualification it did not require.
	 */
	static boolean tightens(ActivityView.PositionView before, NewActivity.NewPosition after) {
		return orZero(after.minAge()) > orZero(before.minAge())
				|| (after.maxAge() != null && (before.maxAge() == null || after.maxAge() < before.maxAge()))
				|| (after.gender() != null && after.gender() != before.gender())
				|| orZero(after.minServices()) > orZero(before.minServices())
				|| orZero(after.minHours()).compareTo(orZero(before.minHours())) > 0
				|| orZero(after.minCreditScore()) > orZero(before.minCreditScore())
				|| !before.qualifications().containsAll(after.qualifications());
	}

	private static int orZero(Integer value) {
		return (value != null) ? value : 0;
	}

	private static BigDecimal orZero(BigDecimal value) {
		return (value != null) ? value : BigDecimal.ZERO;
	}

}
