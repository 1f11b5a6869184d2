package org.zhiyuan.commendation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Role;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ProjectView;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.identity.PersonNames;
import org.zhiyuan.volunteer.VolunteerMemberships;
import org.zhiyuan.volunteer.VolunteerStatus;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commendation campaigns (表彰): an operator of a region opens one for volunteers,
 * organizations or projects with a deadline for nominations and a notice of at least
 * {@code zhiyuan.commendations.min-notice-days} days (7 unless configured). Admins
 * nominate their organization's members, the organization itself or its projects;
 * operators of the region nominate anyone of it. The operators review the nominations,
 * open the public notice (公示) of those approved, answer the objections raised during it
 * (an upheld one withdraws the nomination), and once the notice has ended with no
 * objection open, award every nominee left: each award is a record of the one awarded and
 * shows on the region's honour roll.
 */
@Service
public class Commendations {

	static final int TITLE_LENGTH = 100;

	static final int REASON_LENGTH = 500;

	static final int MAX_NOTICE_DAYS = 60;

	private final CommendationRepository repository;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	private final Volunteers volunteers;

	private final VolunteerMemberships memberships;

	private final Organizations organizations;

	private final Activities activities;

	private final AuditLog auditLog;

	private final TransactionTemplate transaction;

	private final int minNoticeDays;

	Commendations(CommendationRepository repository, AccessPolicy accessPolicy, Regions regions, Volunteers volunteers,
			VolunteerMemberships memberships, Organizations organizations, Activities activities, AuditLog auditLog,
			PlatformTransactionManager transactions,
			@Value("${zhiyuan.commendations.min-notice-days:7}") int minNoticeDays) {
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
		this.volunteers = volunteers;
		this.memberships = memberships;
		this.organizations = organizations;
		this.activities = activities;
		this.auditLog = auditLog;
		this.transaction = new TransactionTemplate(transactions);
		this.minNoticeDays = minNoticeDays;
	}

	/** The fewest days a notice runs. */
	public int minNoticeDays() {
		return this.minNoticeDays;
	}

	/**
	 * Opens a campaign. With an {@code Idempotency-Key} a repeat by the same operator
	 * returns the first.
	 * @throws ProblemException 400 naming every bad field; 403 for anyone but an operator
	 * of the region
	 */
	public CommendationView create(Actor actor, NewCommendation campaign, String idempotencyKey) {
		List<FieldProblem> problems = new ArrayList<>();
		if (campaign.regionCode() == null || !Regions.isWellFormed(campaign.regionCode())
				|| !this.regions.exists(campaign.regionCode())) {
			problems.add(new FieldProblem("regionCode", "validation.regionCode"));
		}
		if (campaign.title() == null || campaign.title().isBlank()
				|| campaign.title().strip().length() > TITLE_LENGTH) {
			problems.add(new FieldProblem("title", "validation.text100"));
		}
		CommendationKind kind = Enums.parse(CommendationKind.class, campaign.kind(), "kind", problems);
		if (kind == null && problems.stream().noneMatch((problem) -> problem.field().equals("kind"))) {
			problems.add(new FieldProblem("kind", "validation.commendation.kind"));
		}
		OffsetDateTime now = now();
		OffsetDateTime until = null;
		try {
			until = (campaign.nominationsUntil() != null) ? OffsetDateTime.parse(campaign.nominationsUntil()) : null;
		}
		catch (DateTimeParseException ex) {
			until = null;
		}
		if (until == null || !until.isAfter(now) || until.isAfter(now.plusYears(1))) {
			problems.add(new FieldProblem("nominationsUntil", "validation.commendation.nominationsUntil"));
		}
		if (campaign.noticeDays() == null || campaign.noticeDays() < this.minNoticeDays
				|| campaign.noticeDays() > MAX_NOTICE_DAYS) {
			problems.add(new FieldProblem("noticeDays", "validation.commendation.noticeDays", this.minNoticeDays,
					MAX_NOTICE_DAYS));
		}
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
			problems.add(new FieldProblem("Idempotency-Key", "validation.record.key"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		this.accessPolicy.requireOperatorOf(actor, campaign.regionCode());
		OffsetDateTime deadline = until.truncatedTo(ChronoUnit.MICROS);
		try {
			return this.transaction.execute((status) -> {
				if (idempotencyKey != null) {
					Optional<UUID> earlier = this.repository.campaignWithKey(actor.accountId(), idempotencyKey);
					if (earlier.isPresent()) {
						return this.repository.campaign(earlier.get(), now).orElseThrow();
					}
				}
				UUID id = Ids.newId();
				this.repository.insertCampaign(id, campaign.regionCode(), campaign.title().strip(), kind, deadline,
						campaign.noticeDays(), actor.accountId(), idempotencyKey, now);
				this.auditLog.record(AuditRecord.of("commendation.create", actor.accountId())
					.on("commendation", id)
					.inRegion(campaign.regionCode())
					.withDetail(kind.name()));
				return this.repository.campaign(id, now).orElseThrow();
			});
		}
		catch (DuplicateKeyException ex) {
			// the same key at the same moment: the other one created it
			UUID earlier = this.repository.campaignWithKey(actor.accountId(), idempotencyKey).orElseThrow(() -> ex);
			return this.repository.campaign(earlier, now).orElseThrow();
		}
	}

	/**
	 * A campaign, for anyone signed in: its title, kind, dates and stage (no personal
	 * data).
	 * @throws ProblemException 404 {@code COMMENDATION_NOT_FOUND}
	 */
	public CommendationView find(UUID id) {
		return this.repository.campaign(id, now()).orElseThrow(Commendations::campaignNotFound);
	}

	/**
	 * The campaigns of the region and the regions below it, newest first: for its
	 * operators and auditors.
	 * @throws ProblemException 404 {@code REGION_NOT_FOUND}; 403 for anyone else
	 */
	public PageResult<CommendationView> ofRegion(Actor actor, String regionCode, PageQuery page) {
		if (regionCode == null || !Regions.isWellFormed(regionCode) || !this.regions.exists(regionCode)) {
			throw ProblemException.notFound("REGION_NOT_FOUND", "region.notFound", regionCode);
		}
		if (!this.accessPolicy.oversees(actor, regionCode)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		return this.repository.campaignsWithin(Regions.prefixOf(regionCode), page, now());
	}

	/**
	 * The campaigns taking nominations now that the organization's admin may nominate
	 * for: those of the organization's region and the regions above it.
	 * @throws ProblemException 404 {@code ORGANIZATION_NOT_FOUND}; 403 for anyone but its
	 * admins
	 */
	public List<CommendationView> openFor(Actor actor, UUID organizationId) {
		OrganizationView organization = administered(actor, organizationId);
		List<String> prefixes = this.regions.path(organization.regionCode())
			.stream()
			.map((region) -> region.code())
			.filter((code) -> !Regions.NATIONAL.equals(code))
			.toList();
		OffsetDateTime now = now();
		return this.repository.openCampaignsWithin(prefixes, now)
			.stream()
			.filter((campaign) -> this.regions.covers(campaign.regionCode(), organization.regionCode()))
			.toList();
	}

	/**
	 * Nominates a volunteer, organization or project (as the campaign's kind asks) with a
	 * reason, until the deadline: admins for their organization's active members, the
	 * organization itself and its projects; operators of the campaign's region for anyone
	 * of it. The nominee must belong to the campaign's region or below. With an
	 * {@code Idempotency-Key} a repeat returns the first.
	 * @throws ProblemException 400 {@code nomineeId}, {@code reason}; 404
	 * {@code COMMENDATION_NOT_FOUND}, {@code VOLUNTEER_NOT_FOUND},
	 * {@code ORGANIZATION_NOT_FOUND}, {@code PROJECT_NOT_FOUND}; 403 for anyone else; 409
	 * {@code NOMINATIONS_CLOSED}, {@code ALREADY_NOMINATED}; 422
	 * {@code NOMINEE_OUTSIDE_REGION}, {@code NOMINEE_NOT_ACTIVE}
	 */
	public NominationView nominate(Actor actor, UUID commendationId, String nomineeId, String reason,
			String idempotencyKey) {
		List<FieldProblem> problems = new ArrayList<>();
		UUID nominee = uuid(nomineeId, "nomineeId", problems);
		String cleanReason = text(reason, "reason", problems);
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
			problems.add(new FieldProblem("Idempotency-Key", "validation.record.key"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		CommendationView campaign = find(commendationId);
		if (idempotencyKey != null) {
			Optional<UUID> earlier = this.repository.nominationWithKey(actor.accountId(), idempotencyKey);
			if (earlier.isPresent()) {
				return this.repository.nomination(earlier.get()).orElseThrow();
			}
		}
		Nominee found = nominee(actor, campaign, nominee);
		if (campaign.stage() != CommendationStage.NOMINATIONS) {
			throw ProblemException.conflict("NOMINATIONS_CLOSED", "commendation.nominationsClosed");
		}
		try {
			return this.transaction.execute((status) -> {
				this.repository.lockCampaign(campaign.id());
				if (this.repository.nominated(campaign.id(), nominee)) {
					throw ProblemException.conflict("ALREADY_NOMINATED", "commendation.alreadyNominated");
				}
				UUID id = Ids.newId();
				this.repository.insertNomination(id, campaign.id(), nominee, found.publicName(), found.regionCode(),
						found.organizationId(), cleanReason, NominationStatus.PENDING, actor.accountId(),
						idempotencyKey, now());
				this.auditLog.record(AuditRecord.of("commendation.nominate", actor.accountId())
					.on("nomination", id)
					.inRegion(campaign.regionCode())
					.inOrganization(found.organizationId()));
				return this.repository.nomination(id).orElseThrow();
			});
		}
		catch (DuplicateKeyException ex) {
			if (idempotencyKey != null) {
				Optional<UUID> earlier = this.repository.nominationWithKey(actor.accountId(), idempotencyKey);
				if (earlier.isPresent()) {
					return this.repository.nomination(earlier.get()).orElseThrow();
				}
			}
			throw ProblemException.conflict("ALREADY_NOMINATED", "commendation.alreadyNominated");
		}
	}

	/**
	 * The campaign's nominations: all of them for the overseers of its region, those of
	 * the organizations they administer for admins.
	 * @throws ProblemException 404 {@code COMMENDATION_NOT_FOUND}; 403 for anyone else
	 */
	public List<NominationView> nominations(Actor actor, UUID commendationId) {
		CommendationView campaign = find(commendationId);
		if (this.accessPolicy.oversees(actor, campaign.regionCode())) {
			return this.repository.nominationsOf(campaign.id(), null);
		}
		List<UUID> administered = administeredBy(actor).stream()
			.filter((organization) -> this.organizations.find(organization)
				.filter((found) -> found.isActive() && this.regions.covers(campaign.regionCode(), found.regionCode()))
				.isPresent())
			.toList();
		if (administered.isEmpty()) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		return this.repository.nominationsOf(campaign.id(), administered);
	}

	/**
	 * An operator of the campaign's region approves or rejects a pending nomination,
	 * before the notice opens.
	 * @throws ProblemException 400 {@code decision}, {@code note}; 404
	 * {@code NOMINATION_NOT_FOUND}; 403 for anyone else; 409 {@code INVALID_STATE}
	 */
	public NominationView review(Actor actor, UUID nominationId, String decision, String note) {
		List<FieldProblem> problems = new ArrayList<>();
		NominationStatus status = null;
		if ("APPROVE".equals(decision)) {
			status = NominationStatus.APPROVED;
		}
		else if ("REJECT".equals(decision)) {
			status = NominationStatus.REJECTED;
		}
		else {
			problems.add(new FieldProblem("decision", "validation.commendation.decision"));
		}
		String cleanNote = optionalText(note, "note", problems);
		if (status == NominationStatus.REJECTED && cleanNote == null
				&& problems.stream().noneMatch((problem) -> problem.field().equals("note"))) {
			problems.add(new FieldProblem("note", "validation.commendation.rejectNote"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		NominationView nomination = this.repository.nomination(nominationId)
			.orElseThrow(Commendations::nominationNotFound);
		CommendationView campaign = find(nomination.commendationId());
		this.accessPolicy.requireOperatorOf(actor, campaign.regionCode());
		NominationStatus decided = status;
		return this.transaction.execute((tx) -> {
			this.repository.lockCampaign(campaign.id());
			NominationView current = this.repository.nomination(nominationId).orElseThrow();
			CommendationView now = find(campaign.id());
			if (current.status() != NominationStatus.PENDING || now.noticeStartsAt() != null) {
				throw ProblemException.conflict("INVALID_STATE", "commendation.nomination.reviewed");
			}
			this.repository.review(nominationId, decided, actor.accountId(), cleanNote, now());
			this.auditLog.record(AuditRecord.of("commendation.review", actor.accountId())
				.on("nomination", nominationId)
				.inRegion(campaign.regionCode())
				.withDetail(decided.name()));
			return this.repository.nomination(nominationId).orElseThrow();
		});
	}

	/**
	 * An operator of the campaign's region opens the public notice: it starts now and
	 * ends after the campaign's notice days. Nominations close.
	 * @throws ProblemException 404 {@code COMMENDATION_NOT_FOUND}; 403 for anyone else;
	 * 409 {@code NOTICE_OPENED} when open already, {@code NOMINATIONS_PENDING} while a
	 * nomination waits for review, {@code NOTHING_TO_NOTICE} without an approved one
	 */
	public CommendationView openNotice(Actor actor, UUID commendationId) {
		CommendationView campaign = find(commendationId);
		this.accessPolicy.requireOperatorOf(actor, campaign.regionCode());
		return this.transaction.execute((status) -> {
			this.repository.lockCampaign(campaign.id());
			CommendationView current = find(campaign.id());
			if (current.noticeStartsAt() != null) {
				throw ProblemException.conflict("NOTICE_OPENED", "commendation.noticeOpened");
			}
			if (this.repository.countNominations(campaign.id(), NominationStatus.PENDING) > 0) {
				throw ProblemException.conflict("NOMINATIONS_PENDING", "commendation.nominationsPending");
			}
			if (this.repository.countNominations(campaign.id(), NominationStatus.APPROVED) == 0) {
				throw ProblemException.conflict("NOTHING_TO_NOTICE", "commendation.nothingToNotice");
			}
			OffsetDateTime now = now();
			this.repository.openNotice(campaign.id(), now, now.plus(Duration.ofDays(current.noticeDays())));
			this.auditLog.record(AuditRecord.of("commendation.notice", actor.accountId())
				.on("commendation", campaign.id())
				.inRegion(campaign.regionCode()));
			return find(campaign.id());
		});
	}

	/**
	 * The public notice, for anyone: the nominees approved (and, once awarded, those
	 * awarded) by public name with their reasons; volunteers' names masked, no ID
	 * numbers, no phone numbers.
	 * @throws ProblemException 404 {@code COMMENDATION_NOT_FOUND},
	 * {@code NOTICE_NOT_OPEN}
	 */
	public PublicNotice notice(UUID commendationId) {
		CommendationView campaign = find(commendationId);
		if (campaign.noticeStartsAt() == null) {
			throw ProblemException.notFound("NOTICE_NOT_OPEN", "commendation.noticeNotOpen");
		}
		List<PublicNotice.NoticeEntry> entries = this.repository.nominationsOf(campaign.id(), null)
			.stream()
			.filter((nomination) -> nomination.status() == NominationStatus.APPROVED
					|| nomination.status() == NominationStatus.AWARDED)
			.map((nomination) -> new PublicNotice.NoticeEntry(nomination.id(), nomination.publicName(),
					nomination.reason()))
			.toList();
		return new PublicNotice(campaign.id(), campaign.title(), campaign.kind(), campaign.regionCode(),
				campaign.noticeStartsAt(), campaign.noticeEndsAt(), campaign.stage() == CommendationStage.IN_NOTICE,
				entries);
	}

	/**
	 * Anyone signed in objects to an approved nominee during the notice.
	 * @throws ProblemException 400 {@code reason}; 404 {@code NOMINATION_NOT_FOUND}; 409
	 * {@code NOT_IN_NOTICE} outside the notice or for a nominee not in it
	 */
	public ObjectionView object(Actor actor, UUID nominationId, String reason) {
		List<FieldProblem> problems = new ArrayList<>();
		String cleanReason = text(reason, "reason", problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		NominationView nomination = this.repository.nomination(nominationId)
			.orElseThrow(Commendations::nominationNotFound);
		CommendationView campaign = find(nomination.commendationId());
		if (campaign.stage() != CommendationStage.IN_NOTICE || nomination.status() != NominationStatus.APPROVED) {
			throw ProblemException.conflict("NOT_IN_NOTICE", "commendation.notInNotice");
		}
		UUID id = Ids.newId();
		this.repository.insertObjection(id, nominationId, actor.accountId(), cleanReason, now());
		this.auditLog.record(AuditRecord.of("commendation.objection", actor.accountId())
			.on("nomination", nominationId)
			.inRegion(campaign.regionCode()));
		return this.repository.objection(id).orElseThrow();
	}

	/**
	 * The objections raised in the campaign, for the overseers of its region.
	 * @throws ProblemException 404 {@code COMMENDATION_NOT_FOUND}; 403 for anyone else
	 */
	public List<ObjectionView> objections(Actor actor, UUID commendationId) {
		CommendationView campaign = find(commendationId);
		if (!this.accessPolicy.oversees(actor, campaign.regionCode())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		return this.repository.objectionsOf(campaign.id());
	}

	/**
	 * An operator of the campaign's region answers an open objection: upheld, it
	 * withdraws the nomination.
	 * @throws ProblemException 400 {@code upheld}, {@code note}; 404
	 * {@code OBJECTION_NOT_FOUND}; 403 for anyone else; 409 {@code OBJECTION_ANSWERED}
	 */
	public ObjectionView answer(Actor actor, UUID objectionId, Boolean upheld, String note) {
		List<FieldProblem> problems = new ArrayList<>();
		if (upheld == null) {
			problems.add(new FieldProblem("upheld", "validation.required"));
		}
		String cleanNote = text(note, "note", problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		ObjectionView objection = this.repository.objection(objectionId)
			.orElseThrow(() -> ProblemException.notFound("OBJECTION_NOT_FOUND", "commendation.objectionNotFound"));
		NominationView nomination = this.repository.nomination(objection.nominationId()).orElseThrow();
		CommendationView campaign = find(nomination.commendationId());
		this.accessPolicy.requireOperatorOf(actor, campaign.regionCode());
		return this.transaction.execute((status) -> {
			this.repository.lockCampaign(campaign.id());
			if (this.repository.objection(objectionId).orElseThrow().status() != ObjectionStatus.OPEN) {
				throw ProblemException.conflict("OBJECTION_ANSWERED", "commendation.objectionAnswered");
			}
			ObjectionStatus answer = upheld ? ObjectionStatus.UPHELD : ObjectionStatus.DISMISSED;
			this.repository.answer(objectionId, answer, actor.accountId(), cleanNote, now());
			if (upheld && this.repository.nomination(nomination.id())
				.orElseThrow()
				.status() == NominationStatus.APPROVED) {
				this.repository.changeStatus(nomination.id(), NominationStatus.WITHDRAWN);
			}
			this.auditLog.record(AuditRecord.of("commendation.objection.answer", actor.accountId())
				.on("nomination", nomination.id())
				.inRegion(campaign.regionCode())
				.withDetail(answer.name()));
			return this.repository.objection(objectionId).orElseThrow();
		});
	}

	/**
	 * An operator of the campaign's region awards every nominee left once the notice has
	 * ended and every objection is answered.
	 * @return the awards made
	 * @throws ProblemException 404 {@code COMMENDATION_NOT_FOUND}; 403 for anyone else;
	 * 409 {@code NOTICE_NOT_ENDED} before the notice ends (or before it opens),
	 * {@code OBJECTIONS_OPEN} while an objection waits for an answer,
	 * {@code ALREADY_AWARDED}
	 */
	public List<AwardView> award(Actor actor, UUID commendationId) {
		CommendationView campaign = find(commendationId);
		this.accessPolicy.requireOperatorOf(actor, campaign.regionCode());
		return this.transaction.execute((status) -> {
			this.repository.lockCampaign(campaign.id());
			CommendationView current = find(campaign.id());
			if (current.awardedAt() != null) {
				throw ProblemException.conflict("ALREADY_AWARDED", "commendation.alreadyAwarded");
			}
			if (current.stage() != CommendationStage.NOTICE_ENDED) {
				throw ProblemException.conflict("NOTICE_NOT_ENDED", "commendation.noticeNotEnded");
			}
			if (this.repository.openObjections(campaign.id()) > 0) {
				throw ProblemException.conflict("OBJECTIONS_OPEN", "commendation.objectionsOpen");
			}
			OffsetDateTime now = now();
			int awarded = this.repository.award(current, now);
			this.repository.markAwarded(campaign.id(), now);
			this.auditLog.record(AuditRecord.of("commendation.award", actor.accountId())
				.on("commendation", campaign.id())
				.inRegion(campaign.regionCode())
				.withDetail(awarded + " awarded"));
			return this.repository.awardsOfCampaign(campaign.id());
		});
	}

	/** Why the awards cannot be made now, as a message key, or empty when they can. */
	public Optional<String> awardBlockedBy(CommendationView campaign) {
		if (campaign.awardedAt() != null) {
			return Optional.of("commendation.alreadyAwarded");
		}
		if (campaign.stage() != CommendationStage.NOTICE_ENDED) {
			return Optional.of("commendation.noticeNotEnded");
		}
		if (this.repository.openObjections(campaign.id()) > 0) {
			return Optional.of("commendation.objectionsOpen");
		}
		return Optional.empty();
	}

	/** The caller's own awards as a volunteer (none when not a volunteer). */
	public List<AwardView> mine(Actor actor) {
		return this.volunteers.findByAccount(actor.accountId())
			.map((volunteer) -> this.repository.awardsOf(volunteer.id()))
			.orElse(List.of());
	}

	/**
	 * A volunteer's awards, for those who may read the volunteer (the read is checked as
	 * the volunteer module checks it).
	 * @throws ProblemException 404 {@code VOLUNTEER_NOT_FOUND}; 403 for anyone else
	 */
	public List<AwardView> ofVolunteer(Actor actor, UUID volunteerId) {
		VolunteerView volunteer = this.volunteers.read(actor, volunteerId);
		return this.repository.awardsOf(volunteer.id());
	}

	/**
	 * The awards given to a volunteer, for a page that has already been allowed to show
	 * the volunteer (their profile, their own page): public facts, names masked.
	 */
	public List<AwardView> awardsOf(UUID volunteerId) {
		return this.repository.awardsOf(volunteerId);
	}

	/**
	 * The awards of an organization and its projects, for anyone.
	 * @throws ProblemException 404 {@code ORGANIZATION_NOT_FOUND}
	 */
	public List<AwardView> ofOrganization(UUID organizationId) {
		this.organizations.find(organizationId)
			.orElseThrow(() -> ProblemException.notFound("ORGANIZATION_NOT_FOUND", "organization.notFound"));
		return this.repository.awardsOfOrganization(organizationId);
	}

	private Nominee nominee(Actor actor, CommendationView campaign, UUID nomineeId) {
		boolean operator = this.accessPolicy.operates(actor, campaign.regionCode());
		Set<String> administered = actor.scopesOf(Role.ORG_ADMIN);
		Nominee nominee = switch (campaign.kind()) {
			case VOLUNTEER -> {
				VolunteerView volunteer = this.volunteers.find(nomineeId)
					.orElseThrow(() -> ProblemException.notFound("VOLUNTEER_NOT_FOUND", "volunteer.notFound"));
				UUID through = null;
				if (!operator) {
					through = this.memberships.activeOrganizationsOf(volunteer.id())
						.stream()
						.filter((organization) -> administered.contains(organization.toString()))
						.filter((organization) -> this.organizations.find(organization)
							.map((found) -> found.isActive()
									&& this.regions.covers(campaign.regionCode(), found.regionCode()))
							.orElse(false))
						.findFirst()
						.orElseThrow(() -> ProblemException.forbidden("problem.forbidden.object"));
				}
				else if (!this.regions.covers(campaign.regionCode(), volunteer.regionCode())) {
					throw ProblemException.unprocessable("NOMINEE_OUTSIDE_REGION", "commendation.outsideRegion");
				}
				if (volunteer.status() != VolunteerStatus.ACTIVE) {
					throw ProblemException.unprocessable("NOMINEE_NOT_ACTIVE", "commendation.nomineeNotActive");
				}
				this.auditLog.record(AuditRecord.of("volunteer.read", actor.accountId())
					.on("volunteer", volunteer.id())
					.inRegion(volunteer.regionCode())
					.withDetail("commendation.nominate"));
				yield new Nominee(PersonNames.mask(volunteer.name()), volunteer.regionCode(), through);
			}
			case ORGANIZATION -> {
				OrganizationView organization = this.organizations.find(nomineeId)
					.orElseThrow(() -> ProblemException.notFound("ORGANIZATION_NOT_FOUND", "organization.notFound"));
				if (!operator && !administered.contains(organization.id().toString())) {
					throw ProblemException.forbidden("problem.forbidden.object");
				}
				if (!this.regions.covers(campaign.regionCode(), organization.regionCode())) {
					throw ProblemException.unprocessable("NOMINEE_OUTSIDE_REGION", "commendation.outsideRegion");
				}
				if (!organization.isActive()) {
					throw ProblemException.unprocessable("NOMINEE_NOT_ACTIVE", "commendation.nomineeNotActive");
				}
				yield new Nominee(organization.name(), organization.regionCode(), organization.id());
			}
			case PROJECT -> {
				ProjectView project = this.activities.findProject(nomineeId)
					.orElseThrow(() -> ProblemException.notFound("PROJECT_NOT_FOUND", "activity.projectNotFound"));
				if (!operator && (!administered.contains(project.organizationId().toString())
						|| !this.organizations.find(project.organizationId())
							.map(OrganizationView::isActive)
							.orElse(false))) {
					throw ProblemException.forbidden("problem.forbidden.object");
				}
				if (!this.regions.covers(campaign.regionCode(), project.regionCode())) {
					throw ProblemException.unprocessable("NOMINEE_OUTSIDE_REGION", "commendation.outsideRegion");
				}
				yield new Nominee(project.name(), project.regionCode(), project.organizationId());
			}
		};
		return nominee;
	}

	private OrganizationView administered(Actor actor, UUID organizationId) {
		OrganizationView organization = this.organizations.find(organizationId)
			.orElseThrow(() -> ProblemException.notFound("ORGANIZATION_NOT_FOUND", "organization.notFound"));
		if (!this.organizations.isAdmin(actor, organizationId)) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		return organization;
	}

	private static List<UUID> administeredBy(Actor actor) {
		List<UUID> ids = new ArrayList<>();
		for (String scope : actor.scopesOf(Role.ORG_ADMIN)) {
			try {
				ids.add(UUID.fromString(scope));
			}
			catch (IllegalArgumentException ex) {
				// not an organization's scope
			}
		}
		return ids;
	}

	private static UUID uuid(String value, String field, List<FieldProblem> problems) {
		if (value != null) {
			try {
				return UUID.fromString(value.strip());
			}
			catch (IllegalArgumentException ex) {
				// reported below
			}
		}
		problems.add(new FieldProblem(field, "validation.commendation.nominee"));
		return null;
	}

	private static String text(String value, String field, List<FieldProblem> problems) {
		if (value == null || value.isBlank() || value.strip().length() > REASON_LENGTH) {
			problems.add(new FieldProblem(field, "validation.textRequired", REASON_LENGTH));
			return null;
		}
		return value.strip();
	}

	private static String optionalText(String value, String field, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.strip().length() > REASON_LENGTH) {
			problems.add(new FieldProblem(field, "validation.textRequired", REASON_LENGTH));
			return null;
		}
		return value.strip();
	}

	static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
	}

	private static ProblemException campaignNotFound() {
		return ProblemException.notFound("COMMENDATION_NOT_FOUND", "commendation.notFound");
	}

	private static ProblemException nominationNotFound() {
		return ProblemException.notFound("NOMINATION_NOT_FOUND", "commendation.nominationNotFound");
	}

	private record Nominee(String publicName, String regionCode, UUID organizationId) {

	}

}
