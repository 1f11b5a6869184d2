package org.zhiyuan.emergency;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A duty shift of an emergency team, in Beijing time: DAY from 08:00 to 20:00, NIGHT from
 * 20:00 to 08:00 the next morning.
 */
public enum Shift {

	DAY(LocalTime.of(8, 0)), NIGHT(LocalTime.of(20, 0));

	/** The duty rosters' clock. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** Every shift is twelve hours long. */
	public static final int HOURS = 12;

	private final LocalTime start;

	Shift(LocalTime start) {
		this.start = start;
	}

	public LocalTime start() {
		return this.start;
	}

	public OffsetDateTime startsOn(LocalDate day) {
		return LocalDateTime.of(day, this.start).atZone(ZONE).toOffsetDateTime();
	}

	public OffsetDateTime endsOn(LocalDate day) {
		return startsOn(day).plusHours(HOURS);
	}

	/** The day and shift on duty at the moment: before 08:00 still the night before. */
	public static DayShift at(OffsetDateTime moment) {
		LocalDateTime local = moment.atZoneSameInstant(ZONE).toLocalDateTime();
		LocalTime time = local.toLocalTime();
		if (time.isBefore(DAY.start)) {
			return new DayShift(local.toLocalDate().minusDays(1), NIGHT);
		}
		return new DayShift(local.toLocalDate(), time.isBefore(NIGHT.start) ? DAY : NIGHT);
	}

	/** A shift on a day. */
	public record DayShift(LocalDate day, Shift shift) {

	}

}
