package org.zhiyuan.record;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;

import org.springframework.stereotype.Service;

/**
 * Activities whose service records are overdue: finished, with accepted volunteers and no
 * record at all, more than {@value #WORKING_DAYS_DUE} working days after their end (art.
 * 11), for the organization's admins and the region's operators and auditors.
 */
@Service
public class OverdueRecords {

	/** Records are due within this many working days of an activity's end (art. 11). */
	static final int WORKING_DAYS_DUE = 10;

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final ServiceRecordRepository repository;

	private final ServiceRecords serviceRecords;

	OverdueRecords(ServiceRecordRepository repository, ServiceRecords serviceRecords) {
		this.repository = repository;
		this.serviceRecords = serviceRecords;
	}

	/**
	 * The organization's finished activities with accepted volunteers and no record at
	 * all, more than 10 working days after their end. Working days count Monday to
	 * Friday; public holidays and the weekends moved around them are not modelled.
	 */
	public PageResult<OverdueActivity> overdue(Actor actor, UUID organizationId, PageQuery page) {
		this.serviceRecords.requireInsider(actor, organizationId);
		return this.repository.withoutRecords(organizationId, null, overdueEndedBefore(), page).map(this::withDue);
	}

	/** The same for every organization of a region, for its operators and auditors. */
	public PageResult<OverdueActivity> overdueInRegion(Actor actor, String regionCode, PageQuery page) {
		this.serviceRecords.requireOverseer(actor, regionCode);
		return this.repository.withoutRecords(null, Regions.prefixOf(regionCode), overdueEndedBefore(), page)
			.map(this::withDue);
	}

	/**
	 * The instant before which an activity must have ended to be overdue today: the start
	 * of the first day whose due date ({@link #addWorkingDays}) is not yet past.
	 */
	static OffsetDateTime overdueEndedBefore() {
		return firstDayNotOverdue(ServiceRecords.now().atZoneSameInstant(CHINA).toLocalDate()).atStartOfDay(CHINA)
			.toOffsetDateTime();
	}

	/**
	 * The first day of which an activity that ended on it is not yet overdue on
	 * {@code today}; activities that ended on any earlier day are.
	 */
	static LocalDate firstDayNotOverdue(LocalDate today) {
		LocalDate day = today;
		while (!today.isAfter(addWorkingDays(day, WORKING_DAYS_DUE))) {
			day = day.minusDays(1);
		}
		return day.plusDays(1);
	}

	/**
	 * The day that is {@code days} working days (Monday to Friday) after {@code from}.
	 */
	static LocalDate addWorkingDays(LocalDate from, int days) {
		LocalDate day = from;
		int added = 0;
		while (added < days) {
			day = day.plusDays(1);
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				added++;
			}
		}
		return day;
	}

	private OverdueActivity withDue(OverdueActivity candidate) {
		LocalDate due = addWorkingDays(candidate.endedAt().atZoneSameInstant(CHINA).toLocalDate(), WORKING_DAYS_DUE);
		return new OverdueActivity(candidate.activityId(), candidate.title(), candidate.organizationId(),
				candidate.organizationName(), candidate.endedAt(), due, candidate.approvedSignups());
	}

}
