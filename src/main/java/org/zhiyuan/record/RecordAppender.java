package org.zhiyuan.record;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.record.RecordFlags.Assessment;
import org.zhiyuan.record.ServiceRecordRepository.ChainRow;
import org.zhiyuan.record.ServiceRecordRepository.LockedVolunteer;
import org.zhiyuan.record.ServiceRecordRepository.NewRow;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Appends checked records to their volunteers' hash chains and keeps the volunteers'
 * totals and star levels, in the caller's transaction.
 * <p>
 * Every write that changes which hours of a volunteer count (a new record, a review's
 * outcome, an approved amendment) first locks the volunteer's row, so under that lock the
 * stored total is the sum of the counted hours: a new record adds its hours to it, and
 * the other writes recompute it.
 */
@Component
class RecordAppender {

	private final ServiceRecordRepository records;

	private final RecordFlags flags;

	private final Volunteers volunteers;

	private final StarThresholds thresholds;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	RecordAppender(ServiceRecordRepository records, RecordFlags flags, Volunteers volunteers, StarThresholds thresholds,
			AuditLog auditLog, ApplicationEventPublisher events) {
		this.records = records;
		this.flags = flags;
		this.volunteers = volunteers;
		this.thresholds = thresholds;
		this.auditLog = auditLog;
		this.events = events;
	}

	/**
	 * Appends a record of the volunteer's service at the activity, whose times are
	 * already checked and in whole seconds (UTC), and answers with it as stored. The
	 * volunteer's row is locked first, so that sequence numbers and links are taken one
	 * at a time.
	 * @throws ProblemException 409 {@code RECORD_OVERLAP} when it overlaps counted time
	 * and {@code onOverlap} refuses
	 */
	ServiceRecordView append(VolunteerView volunteer, ActivityView activity, OffsetDateTime startedAt,
			OffsetDateTime endedAt, String place, String content, BigDecimal hours, RecordMethod method,
			UUID recordedBy, String reason, String idempotencyKey, OnOverlap onOverlap) {
		Optional<LockedVolunteer> locked = this.records.lockVolunteerTotals(volunteer.id());
		String volunteerRegion = locked.map(LockedVolunteer::regionCode).orElse(volunteer.regionCode());
		Assessment assessment = this.flags.assess(volunteer.id(), activity.id(), startedAt, endedAt, hours, method,
				onOverlap);
		Optional<ChainRow> head = this.records.head(volunteer.id());
		long sequence = head.map(ChainRow::sequence).orElse(0L) + 1;
		String prevHash = head.map(ChainRow::hash).orElse(RecordHashes.GENESIS);
		String hash = RecordHashes.ofRecord(volunteer.id(), sequence, activity.id(), activity.organizationId(),
				startedAt, endedAt, hours, method, recordedBy, prevHash, assessment.flags(), assessment.held());
		UUID id = Ids.newId();
		OffsetDateTime recordedAt = ServiceRecords.now().truncatedTo(ChronoUnit.MILLIS);
		this.records.insert(new NewRow(id, volunteer.id(), activity.id(), activity.organizationId(), place, content,
				startedAt, endedAt, hours, method, recordedBy, reason, recordedAt, sequence, prevHash, hash,
				idempotencyKey, assessment.flags(), assessment.held(), volunteerRegion));
		RecordReview review = RecordReview.initial(assessment.held(), assessment.flags());
		if (locked.isPresent()) {
			addToTotals(volunteer.id(), volunteerRegion, locked.get(), review.counts() ? hours : BigDecimal.ZERO);
		}
		else {
			recomputeTotals(volunteer.id());
		}
		this.events.publishEvent(new CountedHoursChanged(id, volunteer.id(), activity.id(), startedAt, volunteerRegion,
				null, review.counts() ? hours : null, activity, true));
		String flagged = assessment.flags().isEmpty() ? "" : " " + RecordHashes.flagsText(assessment.flags());
		this.auditLog.record(AuditRecord.of("record.create", recordedBy)
			.at(volunteer.id())
			.on("service-record", id)
			.inRegion(activity.regionCode())
			.inOrganization(activity.organizationId())
			.withDetail(method.name() + " " + hours.toPlainString() + flagged + (assessment.held() ? " held" : "")));
		return new ServiceRecordView(id, volunteer.id(), activity.id(), activity.title(), activity.organizationId(),
				activity.organizationName(), place, content, startedAt, endedAt, hours, hours, method, recordedBy,
				recordedAt, RecordStatus.ORIGINAL, List.copyOf(assessment.flags()), review);
	}

	/**
	 * Recomputes the volunteer's total hours and star level from their counted records;
	 * the caller holds the volunteer's lock.
	 */
	void recomputeTotals(UUID volunteerId) {
		VolunteerView volunteer = this.volunteers.find(volunteerId).orElseThrow();
		BigDecimal total = this.records.totalOf(volunteerId).setScale(2, RoundingMode.HALF_UP);
		this.volunteers.updateHoursAndStars(volunteerId, total,
				StarThresholds.starFor(total, this.thresholds.of(volunteer.regionCode())));
	}

	/**
	 * Adds a new record's counted hours to the total read under the volunteer's lock, and
	 * writes the total and star level only when one of them changes.
	 */
	private void addToTotals(UUID volunteerId, String regionCode, LockedVolunteer before, BigDecimal counted) {
		BigDecimal total = before.totalHours().add(counted).setScale(2, RoundingMode.HALF_UP);
		int star = StarThresholds.starFor(total, this.thresholds.of(regionCode));
		if (total.compareTo(before.totalHours()) != 0 || star != before.starLevel()) {
			this.volunteers.updateHoursAndStars(volunteerId, total, star);
		}
	}

}
