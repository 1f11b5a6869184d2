package org.zhiyuan.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.activity.ActivityReviews;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.signup.Signups;

import org.springframework.stereotype.Component;

/**
 * The checks every new record passes, whichever way it is made: the anomalies it carries
 * and whether it is held. Run with the volunteer's row locked, so that two records of one
 * volunteer are checked one after the other and cannot both pass.
 */
@Component
class RecordFlags {

	private static final BigDecimal DAY = BigDecimal.valueOf(24);

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ServiceRecordRepository records;

	private final Signups signups;

	private final ActivityReviews activityReviews;

	RecordFlags(ServiceRecordRepository records, Signups signups, ActivityReviews activityReviews) {
		this.records = records;
		this.signups = signups;
		this.activityReviews = activityReviews;
	}

	/**
	 * The flags of a new record. A record overlapping counted time is refused or held as
	 * {@code onOverlap} says; one that brings the hours of its first day (China time)
	 * above 24 is held, since a reviewer can tell at a glance a night shift from a double
	 * count; one entered by hand without an accepted place is flagged and counts, unless
	 * its activity was registered after the fact and waits for confirmation: then it is
	 * held until the operators confirm the activity, and counts once, from then on.
	 * @throws ProblemException 409 {@code RECORD_OVERLAP} with the records it collides
	 * with, when refused
	 */
	Assessment assess(UUID volunteerId, UUID activityId, OffsetDateTime startedAt, OffsetDateTime endedAt,
			BigDecimal hours, RecordMethod method, OnOverlap onOverlap) {
		Set<RecordFlag> flags = EnumSet.noneOf(RecordFlag.class);
		List<RecordConflict> conflicts = this.records.overlapping(volunteerId, startedAt, endedAt, null);
		if (!conflicts.isEmpty()) {
			if (onOverlap == OnOverlap.REFUSE) {
				throw overlap(conflicts);
			}
			flags.add(RecordFlag.OVERLAP);
		}
		LocalDate day = startedAt.atZoneSameInstant(CHINA).toLocalDate();
		BigDecimal sameDay = this.records.countedBetween(volunteerId, day.atStartOfDay(CHINA).toOffsetDateTime(),
				day.plusDays(1).atStartOfDay(CHINA).toOffsetDateTime());
		if (sameDay.add(hours).compareTo(DAY) > 0) {
			flags.add(RecordFlag.DAY_OVER_24H);
		}
		if (method == RecordMethod.MANUAL && !this.signups.isApproved(volunteerId, activityId)) {
			flags.add(RecordFlag.NO_SIGNUP);
		}
		boolean unconfirmed = flags.contains(RecordFlag.NO_SIGNUP)
				&& this.activityReviews.awaitsBackfillConfirmation(activityId);
		return new Assessment(flags, unconfirmed || flags.stream().anyMatch(RecordFlag::holds));
	}

	/** The counted records a span of the volunteer's time would overlap, except one. */
	List<RecordConflict> conflicts(UUID volunteerId, OffsetDateTime startedAt, OffsetDateTime endedAt, UUID except) {
		return this.records.overlapping(volunteerId, startedAt, endedAt, except);
	}

	/**
	 * 409 {@code RECORD_OVERLAP}, naming the first record in the detail and all of them
	 * in {@code conflicts}.
	 */
	static ProblemException overlap(List<RecordConflict> conflicts) {
		RecordConflict first = conflicts.get(0);
		return ProblemException
			.conflict("RECORD_OVERLAP", "record.overlap", first.activityTitle(), china(first.startedAt()),
					china(first.endedAt()))
			.with("conflicts", conflicts);
	}

	static String china(OffsetDateTime time) {
		return time.atZoneSameInstant(CHINA).format(MINUTES);
	}

	/** A new record's flags, and whether it is held. */
	record Assessment(Set<RecordFlag> flags, boolean held) {

	}

}
