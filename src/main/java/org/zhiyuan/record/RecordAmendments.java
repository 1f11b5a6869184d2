package org.zhiyuan.record;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.record.ServiceRecordRepository.AmendmentRow;
import org.zhiyuan.record.ServiceRecordRepository.ChainRow;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections of records (art. 13): the record's volunteer asks, with a reason; an admin
 * of the recording organization approves or rejects. An approved correction changes the
 * record's effective hours, never the record itself, and is hashed onto it.
 */
@Service
public class RecordAmendments {

	private final ServiceRecordRepository records;

	private final ServiceRecords serviceRecords;

	private final Volunteers volunteers;

	private final Organizations organizations;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	RecordAmendments(ServiceRecordRepository records, ServiceRecords serviceRecords, Volunteers volunteers,
			Organizations organizations, AuditLog auditLog, ApplicationEventPublisher events) {
		this.records = records;
		this.events = events;
		this.serviceRecords = serviceRecords;
		this.volunteers = volunteers;
		this.organizations = organizations;
		this.auditLog = auditLog;
	}

	/** The corrections asked for on a record, oldest first. */
	public PageResult<AmendmentView> amendmentsOf(Actor actor, UUID recordId, PageQuery page) {
		this.serviceRecords.view(actor, recordId);
		return this.records.amendmentsOf(recordId, page);
	}

	/** All corrections the caller asked for on their own records, newest first. */
	public List<AmendmentView> mine(Actor actor) {
		return this.records.amendmentsOfVolunteer(this.volunteers.mine(actor).id());
	}

	/**
	 * The record's volunteer asks for a correction: either new hours, or new start and
	 * end times (the hours follow from them), with a reason. One pending request per
	 * record at a time.
	 * @throws ProblemException 409 {@code AMENDMENT_PENDING}, 403 for anyone but the
	 * record's volunteer
	 */
	@Transactional
	public AmendmentView request(Actor volunteerActor, UUID recordId, OffsetDateTime startedAt, OffsetDateTime endedAt,
			BigDecimal hours, String reason) {
		ServiceRecordView record = this.records.view(recordId)
			.orElseThrow(() -> ProblemException.notFound("RECORD_NOT_FOUND", "record.notFound"));
		VolunteerView volunteer = this.volunteers.find(record.volunteerId()).orElseThrow();
		if (!volunteer.accountId().equals(volunteerActor.accountId())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		if (record.method() == RecordMethod.TRANSFER) {
			// its hours were approved where it was recorded: a correction is asked for
			// there
			throw ProblemException.conflict("RECORD_TRANSFERRED", "record.transferred");
		}
		List<FieldProblem> problems = new ArrayList<>();
		OffsetDateTime start = ServiceRecords.seconds(startedAt);
		OffsetDateTime end = ServiceRecords.seconds(endedAt);
		BigDecimal corrected = null;
		boolean byTimes = start != null || end != null;
		if (byTimes && hours != null) {
			problems.add(new FieldProblem("hours", "validation.amendment.either"));
		}
		else if (byTimes) {
			if (start == null) {
				problems.add(new FieldProblem("startedAt", "validation.required"));
			}
			if (end == null) {
				problems.add(new FieldProblem("endedAt", "validation.required"));
			}
			else if (start != null) {
				ServiceRecords.checkTimes(start, end, problems);
				corrected = problems.isEmpty() ? ServiceRecords.hoursBetween(start, end) : null;
			}
		}
		else if (hours == null) {
			problems.add(new FieldProblem("hours", "validation.amendment.either"));
		}
		else if (hours.signum() < 0 || hours.compareTo(BigDecimal.valueOf(24)) > 0
				|| hours.stripTrailingZeros().scale() > 2) {
			problems.add(new FieldProblem("hours", "validation.amendment.hours"));
		}
		else {
			corrected = hours.setScale(2, RoundingMode.HALF_UP);
		}
		if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
			problems.add(new FieldProblem("reason", "validation.reason"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		ChainRow row = this.records.lockRecord(record.volunteerId(), recordId).orElseThrow();
		if (this.records.hasPending(record.volunteerId(), recordId)) {
			throw ProblemException.conflict("AMENDMENT_PENDING", "record.amendmentPending");
		}
		UUID id = Ids.newId();
		OffsetDateTime now = ServiceRecords.now().truncatedTo(ChronoUnit.MILLIS);
		String why = reason.strip();
		String hash = RecordHashes.ofAmendment(row.hash(), id, start, end, corrected, why, volunteerActor.accountId(),
				now, AmendmentStatus.PENDING, null, null, null);
		this.records.insertAmendment(record.volunteerId(), new AmendmentRow(id, recordId, volunteerActor.accountId(),
				start, end, corrected, why, AmendmentStatus.PENDING, now, null, null, null, hash));
		this.auditLog.record(AuditRecord.of("record.amendment.request", volunteerActor.accountId())
			.on("record-amendment", id)
			.inRegion(volunteer.regionCode())
			.inOrganization(record.organizationId()));
		return this.records.amendment(id).orElseThrow();
	}

	/**
	 * An admin of the recording organization approves a correction: the record's
	 * effective hours become the corrected hours (its original hours stay readable) and
	 * the volunteer's totals are recomputed.
	 */
	@Transactional
	public AmendmentView approve(Actor actor, UUID amendmentId, String note) {
		return decide(actor, amendmentId, AmendmentStatus.APPROVED, note);
	}

	/** An admin of the recording organization rejects a correction; nothing changes. */
	@Transactional
	public AmendmentView reject(Actor actor, UUID amendmentId, String note) {
		return decide(actor, amendmentId, AmendmentStatus.REJECTED, note);
	}

	/** Corrections waiting for the organization, oldest first. */
	public PageResult<AmendmentView> pending(Actor admin, UUID organizationId, PageQuery page) {
		return ofOrganization(admin, organizationId, AmendmentStatus.PENDING, page);
	}

	/**
	 * Corrections of the organization's records, in one status or all, for its admins and
	 * the region's overseers.
	 */
	public PageResult<AmendmentView> ofOrganization(Actor actor, UUID organizationId, AmendmentStatus status,
			PageQuery page) {
		this.serviceRecords.requireInsider(actor, organizationId);
		return this.records.amendmentsOfOrganization(organizationId, status, page);
	}

	private AmendmentView decide(Actor actor, UUID amendmentId, AmendmentStatus decision, String note) {
		if (note != null && note.length() > 500) {
			throw ProblemException.invalid(List.of(new FieldProblem("note", "validation.record.note")));
		}
		UUID recordId = this.records.recordOfAmendment(amendmentId)
			.orElseThrow(() -> ProblemException.notFound("AMENDMENT_NOT_FOUND", "record.amendmentNotFound"));
		ChainRow record = this.records.record(recordId).orElseThrow();
		if (!this.organizations.isAdmin(actor, record.organizationId())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		this.records.lockVolunteer(record.volunteerId());
		ChainRow current = this.records.record(recordId).orElseThrow();
		AmendmentRow amendment = this.records.lockAmendment(record.volunteerId(), amendmentId).orElseThrow();
		if (amendment.status() != AmendmentStatus.PENDING) {
			throw ProblemException.conflict("INVALID_STATUS", "record.amendmentInvalidStatus",
					amendment.status().name());
		}
		OffsetDateTime now = ServiceRecords.now().truncatedTo(ChronoUnit.MILLIS);
		String why = (note != null && !note.isBlank()) ? note.strip() : null;
		String hash = RecordHashes.ofAmendment(record.hash(), amendment.id(), amendment.startedAt(),
				amendment.endedAt(), amendment.hours(), amendment.reason(), amendment.requestedBy(),
				amendment.requestedAt(), decision, actor.accountId(), now, why);
		this.records.decide(record.volunteerId(), amendment.id(), decision, actor.accountId(), now, why, hash);
		if (decision == AmendmentStatus.APPROVED) {
			this.records.setEffectiveHours(recordId, amendment.hours());
			this.serviceRecords.updateTotals(record.volunteerId());
			if (current.review().counts()) {
				this.events.publishEvent(new CountedHoursChanged(recordId, current.volunteerId(), current.activityId(),
						current.startedAt(), current.volunteerRegionCode(), current.effectiveHours(),
						amendment.hours()));
			}
		}
		this.auditLog
			.record(AuditRecord.of("record.amendment." + decision.name().toLowerCase(Locale.ROOT), actor.accountId())
				.on("record-amendment", amendment.id())
				.inOrganization(record.organizationId()));
		return this.records.amendment(amendment.id()).orElseThrow();
	}

}
