package org.zhiyuan.activity;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.zhiyuan.shared.FieldProblem;

/**
 * The checks of a position's shift and further requirements: a shift has both ends and
 * lies within its activity; past services and hours asked for are within sensible bounds.
 */
final class PositionRules {

	static final int MAX_SERVICES = 10_000;

	static final BigDecimal MAX_HOURS = new BigDecimal("100000");

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
	}

}
