package org.zhiyuan.insurance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.zhiyuan.activity.ActivityView;

/**
 * Whether periods of cover leave a day of an activity bare: a pure function, so that a
 * refusal can name the day. Days are China's; an activity covers every day it touches,
 * and several policies may share the days between them.
 */
final class Cover {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** Longer activities are checked on their first year only. */
	private static final int MAX_DAYS = 366;

	private Cover() {
	}

	/** The first day of the activity (China time). */
	static LocalDate firstDay(ActivityView activity) {
		return activity.startsAt().atZoneSameInstant(CHINA).toLocalDate();
	}

	/**
	 * The last day the activity touches; one that ends at midnight does not touch the
	 * next.
	 */
	static LocalDate lastDay(ActivityView activity) {
		OffsetDateTime end = activity.endsAt().isAfter(activity.startsAt()) ? activity.endsAt().minusNanos(1)
				: activity.startsAt();
		return end.atZoneSameInstant(CHINA).toLocalDate();
	}

	/**
	 * The first day from {@code from} to {@code to} that none of the periods covers.
	 * @param periods each {@code [startsOn, endsOn]}, both days included
	 */
	static Optional<LocalDate> firstBareDay(LocalDate from, LocalDate to, List<LocalDate[]> periods) {
		LocalDate day = from;
		for (int i = 0; i < MAX_DAYS && !day.isAfter(to); i++, day = day.plusDays(1)) {
			LocalDate current = day;
			if (periods.stream().noneMatch((p) -> !current.isBefore(p[0]) && !current.isAfter(p[1]))) {
				return Optional.of(day);
			}
		}
		return Optional.empty();
	}

}
