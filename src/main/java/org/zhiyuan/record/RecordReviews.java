package org.zhiyuan.record;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.Access;
import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.ScopedObject;
import org.zhiyuan.activity.ActivityReviewed;
import org.zhiyuan.activity.ActivityReviews;
import org.zhiyuan.activity.ReviewDecision;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.record.ServiceRecordRepository.ChainRow;
import org.zhiyuan.record.ServiceRecordRepository.FlaggedRow;
import org.zhiyuan.record.ServiceRecordRepository.ResolutionRow;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review of flagged and held records. A held record (it overlaps counted time, or brings
 * a day above 24 hours) waits for an admin of the recording organization or an operator
 * of its region; a record flagged {@code NO_SIGNUP} waits for the region's operators
 * alone, since the organization entered it. Each is resolved once, to count or to void;
 * the resolution is hashed onto the record like an amendment, audited, and the
 * volunteer's totals are recomputed. Counting a record that overlaps counted time is
 * refused: the volunteer's counted service never overlaps itself.
 * <p>
 * Records of an activity registered after the fact (补录) that waits for its operators'
 * confirmation are held and are not resolved one by one: confirming the activity counts
 * them, all at once, and rejecting it voids them ({@link #on(ActivityReviewed)}).
 */
@Service
public class RecordReviews {

	/** The note on records confirmed with their activity when the operator gave none. */
	static final String BACKFILL_CONFIRMED = "补录活动经区域运营人员确认 (backfilled activity confirmed)";

	/**
	 * The note on records voided with their activity; a rejection always has a reason.
	 */
	static final String BACKFILL_REJECTED = "补录活动未获确认 (backfilled activity rejected)";

	private final ServiceRecordRepository records;

	private final ServiceRecords serviceRecords;

	private final RecordFlags flags;

	private final Organizations organizations;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	private final AuditLog auditLog;

	private final ActivityReviews activityReviews;

	private final ApplicationEventPublisher events;

	RecordReviews(ServiceRecordRepository records, ServiceRecords serviceRecords, RecordFlags flags,
			Organizations organizations, AccessPolicy accessPolicy, Regions regions, AuditLog auditLog,
			ActivityReviews activityReviews, ApplicationEventPublisher events) {
		this.events = events;
		this.activityReviews = activityReviews;
		this.records = records;
		this.serviceRecords = serviceRecords;
		this.flags = flags;
		this.organizations = organizations;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
		this.auditLog = auditLog;
	}

	/**
	 * Resolves a flagged or held record with a note.
	 * @throws ProblemException 400 naming every bad field; 404 {@code RECORD_NOT_FOUND};
	 * 403 for anyone who may not resolve it; 409 {@code RECORD_RESOLVED} when it is
	 * resolved already, {@code RECORD_NOT_FLAGGED} when there is nothing to resolve,
	 * {@code RECORD_OVERLAP} when counting it would count time twice, and
	 * {@code BACKFILL_PENDING} while its activity, registered after the fact, waits for
	 * confirmation
	 */
	@Transactional
	public ServiceRecordView resolve(Actor actor, UUID recordId, RecordOutcome outcome, String note) {
		List<FieldProblem> problems = new ArrayList<>();
		if (outcome == null) {
			problems.add(new FieldProblem("outcome", "validation.required"));
		}
		String why = (note != null) ? note.strip() : "";
		if (why.isEmpty() || why.length() > 500) {
			problems.add(new FieldProblem("note", "validation.record.resolutionNote"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		ChainRow record = this.records.record(recordId)
			.orElseThrow(() -> ProblemException.notFound("RECORD_NOT_FOUND", "record.notFound"));
		OrganizationView organization = this.organizations.find(record.organizationId()).orElseThrow();
		if (!mayResolve(actor, record.flags(), organization)) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		this.records.lockVolunteer(record.volunteerId());
		ChainRow locked = this.records.lockRecord(record.volunteerId(), recordId).orElseThrow();
		if (locked.review() == RecordReview.NONE) {
			throw ProblemException.conflict("RECORD_NOT_FLAGGED", "record.notFlagged");
		}
		if (!locked.review().isOpen()) {
			throw ProblemException.conflict("RECORD_RESOLVED", "record.resolved");
		}
		if (this.activityReviews.awaitsBackfillConfirmation(locked.activityId())) {
			throw ProblemException.conflict("BACKFILL_PENDING", "record.backfillPending");
		}
		if (outcome == RecordOutcome.COUNT && !locked.review().counts()) {
			List<RecordConflict> conflicts = this.flags.conflicts(locked.volunteerId(), locked.startedAt(),
					locked.endedAt(), locked.id());
			if (!conflicts.isEmpty()) {
				throw RecordFlags.overlap(conflicts);
			}
		}
		settle(locked, outcome, why, actor.accountId(), organization);
		return this.records.view(recordId).orElseThrow();
	}

	/**
	 * When the operators decide on an activity registered after the fact, its records
	 * waiting for review are decided with it, in the same transaction: confirmed records
	 * count, once, from now on; those of a rejected activity are voided with its reason.
	 * A record that would overlap time the volunteer has counted meanwhile stays open for
	 * the operators to resolve on its own, so that no time counts twice.
	 */
	@EventListener
	void on(ActivityReviewed event) {
		if (!event.backfill()) {
			return;
		}
		RecordOutcome outcome = (event.decision() == ReviewDecision.APPROVE) ? RecordOutcome.COUNT : RecordOutcome.VOID;
		String note = (event.reason() != null) ? event.reason()
				: (outcome == RecordOutcome.COUNT) ? BACKFILL_CONFIRMED : BACKFILL_REJECTED;
		OrganizationView organization = this.organizations.find(event.organizationId()).orElseThrow();
		for (UUID recordId : this.records.openOfActivity(event.activityId())) {
			ChainRow unlocked = this.records.record(recordId).orElseThrow();
			this.records.lockVolunteer(unlocked.volunteerId());
			ChainRow locked = this.records.lockRecord(unlocked.volunteerId(), recordId).orElseThrow();
			if (!locked.review().isOpen()) {
				continue;
			}
			if (outcome == RecordOutcome.COUNT && !locked.review().counts()
					&& !this.flags.conflicts(locked.volunteerId(), locked.startedAt(), locked.endedAt(), locked.id())
						.isEmpty()) {
				continue;
			}
			settle(locked, outcome, note, event.decidedBy(), organization);
		}
	}

	/**
	 * Writes the resolution onto the locked record, hashed like an amendment, and
	 * recomputes the volunteer's totals.
	 */
	private void settle(ChainRow locked, RecordOutcome outcome, String why, UUID decidedBy,
			OrganizationView organization) {
		UUID recordId = locked.id();
		UUID id = Ids.newId();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
		String hash = RecordHashes.ofResolution(locked.hash(), id, outcome, why, decidedBy, now);
		this.records.insertResolution(locked.volunteerId(),
				new ResolutionRow(id, recordId, outcome, why, decidedBy, now, hash));
		this.records.setReview(recordId, outcome.review());
		this.serviceRecords.updateTotals(locked.volunteerId());
		if (locked.review().counts() != outcome.review().counts()) {
			this.events.publishEvent(
					new CountedHoursChanged(recordId, locked.volunteerId(), locked.activityId(), locked.startedAt(),
							locked.volunteerRegionCode(), locked.review().counts() ? locked.effectiveHours() : null,
							outcome.review().counts() ? locked.effectiveHours() : null));
		}
		this.auditLog.record(AuditRecord.of("record.resolve", decidedBy)
			.on("service-record", recordId)
			.inRegion(organization.regionCode())
			.inOrganization(organization.id())
			.withDetail(outcome.name() + " " + RecordHashes.flagsText(locked.flags()) + ": " + why));
	}

	/**
	 * Flagged and held records of the organizations in a region, oldest first, for its
	 * operators and auditors; the read is audited.
	 */
	public PageResult<FlaggedRecord> inRegion(Actor actor, String regionCode, ReviewFilter filter, PageQuery page) {
		if (regionCode == null || !this.regions.exists(regionCode)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		this.accessPolicy.check(actor, Access.READ, ScopedObject.inRegion("flagged-records", regionCode, regionCode));
		return this.records.flagged(null, Regions.prefixOf(regionCode), filter.reviews(), page).map(this::flagged);
	}

	/**
	 * Flagged and held records of one organization, oldest first, for its admins and the
	 * region's overseers; the read is audited.
	 */
	public PageResult<FlaggedRecord> ofOrganization(Actor actor, UUID organizationId, ReviewFilter filter,
			PageQuery page) {
		OrganizationView organization = this.organizations.find(organizationId)
			.orElseThrow(() -> ProblemException.notFound("ORGANIZATION_NOT_FOUND", "organization.notFound"));
		this.accessPolicy.check(actor, Access.READ, new ScopedObject("organization-flagged-records",
				organizationId.toString(), null, organization.regionCode(), Set.of(organizationId)));
		return this.records.flagged(organizationId, null, filter.reviews(), page).map(this::flagged);
	}

	/**
	 * Whether the actor may resolve the record now: it waits for review, and they are an
	 * operator of its organization's region, or (unless it is flagged {@code NO_SIGNUP})
	 * an admin of that organization.
	 */
	public boolean mayResolve(Actor actor, ServiceRecordView record) {
		return record.review().isOpen() && !this.activityReviews.awaitsBackfillConfirmation(record.activityId())
				&& this.organizations.find(record.organizationId())
					.map((organization) -> mayResolve(actor, Set.copyOf(record.flags()), organization))
					.orElse(false);
	}

	private boolean mayResolve(Actor actor, Set<RecordFlag> flags, OrganizationView organization) {
		if (this.accessPolicy.operates(actor, organization.regionCode())) {
			return true;
		}
		return !flags.contains(RecordFlag.NO_SIGNUP) && this.organizations.isAdmin(actor, organization.id());
	}

	private FlaggedRecord flagged(FlaggedRow row) {
		ServiceRecordView record = this.records.view(row.id()).orElseThrow();
		List<RecordConflict> conflicts = record.review().isOpen()
				? this.flags.conflicts(record.volunteerId(), record.startedAt(), record.endedAt(), record.id())
				: List.of();
		return new FlaggedRecord(record, row.volunteerName(), row.volunteerNumber(), row.reason(), conflicts);
	}

}
