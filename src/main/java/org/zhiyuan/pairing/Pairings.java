package org.zhiyuan.pairing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.Access;
import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.PersonalDataAccessed;
import org.zhiyuan.access.ScopedObject;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.pairing.PairingRepository.Due;
import org.zhiyuan.privacy.PersonalDataCipher;
import org.zhiyuan.region.Region;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Geo;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.identity.Gender;
import org.zhiyuan.shared.identity.PersonNames;
import org.zhiyuan.shared.identity.PhoneNumbers;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Long-term pairing (结对). An operator of the region or an organization's admin registers
 * a person of a key group, whose name, address, position, phone, notes and guardian are
 * sealed at rest and shown masked; the pairing joins them with one of the organization's
 * members or its team, under a visit plan. The paired volunteer checks each visit in at
 * the person's address (within the pairing's radius, or outside it only with a reason,
 * flagged); a period that ends without a visit is flagged to the organization's admins
 * and the region's operators; a change of volunteer is appended to the pairing's history
 * and never overwrites it. A person's data is read only by the pairing's volunteers, the
 * organizations that registered or paired them, and the region's overseers, each read
 * audited.
 */
@Service
public class Pairings {

	/** Dates of plans and visits are China's. */
	public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	public static final int DEFAULT_GEOFENCE_METERS = 200;

	static final int MIN_GEOFENCE_METERS = 50;

	static final int MAX_GEOFENCE_METERS = 1000;

	/** At most this much of the accuracy the phone reports is allowed for. */
	static final double MAX_ACCURACY_ALLOWANCE = 100;

	private final PairingRepository repository;

	private final PersonalDataCipher cipher;

	private final Organizations organizations;

	private final Volunteers volunteers;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	private final AuditLog auditLog;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	Pairings(PairingRepository repository, PersonalDataCipher cipher, Organizations organizations,
			Volunteers volunteers, AccessPolicy accessPolicy, Regions regions, AuditLog auditLog,
			Notifications notifications, ApplicationEventPublisher events) {
		this.repository = repository;
		this.cipher = cipher;
		this.organizations = organizations;
		this.volunteers = volunteers;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
		this.auditLog = auditLog;
		this.notifications = notifications;
		this.events = events;
	}

	// beneficiaries

	/**
	 * Registers a person of a key group: by an operator of their region, or by an admin
	 * of the active organization named. A child's record needs the guardian's name and
	 * the day they consented.
	 * @throws ProblemException 400 naming every bad field, 403 for anyone else
	 */
	@Transactional
	public BeneficiaryView register(Actor actor, NewBeneficiary person) {
		List<FieldProblem> problems = new ArrayList<>();
		KeyGroup group = Enums.parse(KeyGroup.class, person.keyGroup(), "keyGroup", problems);
		if (person.keyGroup() == null || person.keyGroup().isBlank()) {
			problems.add(new FieldProblem("keyGroup", "validation.required"));
		}
		Gender gender = Enums.parse(Gender.class, person.gender(), "gender", problems);
		if (person.regionCode() == null || !Regions.isWellFormed(person.regionCode())
				|| !this.regions.exists(person.regionCode())) {
			problems.add(new FieldProblem("regionCode", "validation.regionCode"));
		}
		text(problems, "name", person.name(), 50, true);
		int thisYear = LocalDate.now(CHINA).getYear();
		if (person.birthYear() == null || person.birthYear() < 1900 || person.birthYear() > thisYear) {
			problems.add(new FieldProblem("birthYear", "validation.pairing.birthYear", thisYear));
		}
		text(problems, "address", person.address(), 200, true);
		if (!isPosition(person.lat(), person.lng())) {
			problems.add(new FieldProblem("location", "validation.location"));
		}
		String phone = (person.phone() != null) ? PhoneNumbers.normalize(person.phone()) : "";
		if (!PhoneNumbers.isMainlandMobile(phone)) {
			problems.add(new FieldProblem("phone", "validation.phone"));
		}
		text(problems, "notes", person.notes(), 1000, false);
		boolean child = (group != null && group.isChildren())
				|| (person.birthYear() != null && thisYear - person.birthYear() < 18);
		boolean guardianGiven = person.guardianName() != null || person.guardianConsentOn() != null;
		if (child || guardianGiven) {
			text(problems, "guardian.name", person.guardianName(), 50, true);
			if (person.guardianConsentOn() == null || person.guardianConsentOn().isAfter(LocalDate.now(CHINA))
					|| person.guardianConsentOn().isBefore(LocalDate.now(CHINA).minusYears(20))) {
				problems.add(new FieldProblem("guardian.consentOn", "validation.pairing.consentOn"));
			}
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		boolean operates = this.accessPolicy.operates(actor, person.regionCode());
		if (person.organizationId() != null) {
			OrganizationView organization = organization(person.organizationId());
			if (!operates && !this.organizations.isAdmin(actor, organization.id())) {
				throw ProblemException.forbidden("problem.forbidden.object");
			}
			this.organizations.requireActive(actor, organization.id());
		}
		else if (!operates) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		UUID id = Ids.newId();
		String name = person.name().strip();
		StoredBeneficiary stored = new StoredBeneficiary(id, person.regionCode(), person.organizationId(), group,
				this.cipher.seal(name), PersonNames.mask(name), gender, person.birthYear(),
				this.cipher.seal(person.address().strip()), this.cipher.seal(person.lat() + "," + person.lng()),
				this.cipher.seal(phone), PhoneNumbers.mask(phone),
				(person.notes() != null && !person.notes().isBlank()) ? this.cipher.seal(person.notes().strip()) : null,
				(child || guardianGiven) ? this.cipher.seal(person.guardianName().strip()) : null,
				(child || guardianGiven) ? person.guardianConsentOn() : null, actor.accountId(), now());
		this.repository.insertBeneficiary(stored);
		this.auditLog.record(AuditRecord.of("pairing.beneficiary.register", actor.accountId())
			.on("beneficiary", id)
			.inRegion(stored.regionCode())
			.inOrganization(stored.organizationId()));
		return view(stored);
	}

	/** A beneficiary, masked, for those who may read them; audited. */
	public BeneficiaryView beneficiary(Actor actor, UUID id) {
		StoredBeneficiary stored = requireBeneficiary(id);
		checkRead(actor, stored, "beneficiary");
		return view(stored);
	}

	/**
	 * The beneficiary's name, address and its position, phone, notes and guardian in
	 * full, for those who may read them, each read audited as such.
	 */
	@Transactional
	public BeneficiaryContact contact(Actor actor, UUID id) {
		StoredBeneficiary stored = requireBeneficiary(id);
		checkRead(actor, stored, "beneficiary-contact");
		String[] position = this.cipher.open(stored.locationSealed()).split(",");
		return new BeneficiaryContact(id, this.cipher.open(stored.nameSealed()),
				this.cipher.open(stored.addressSealed()), Double.parseDouble(position[0]),
				Double.parseDouble(position[1]), this.cipher.open(stored.phoneSealed()), open(stored.notesSealed()),
				open(stored.guardianNameSealed()));
	}

	/**
	 * The beneficiaries an organization registered or paired, masked, for its admins and
	 * its region's overseers; audited.
	 */
	public PageResult<BeneficiaryView> beneficiariesOfOrganization(Actor actor, UUID organizationId, PageQuery page) {
		OrganizationView organization = organization(organizationId);
		this.accessPolicy.check(actor, Access.READ,
				this.organizations.scopeOf(organization).withType("organization-beneficiaries"));
		return this.repository.beneficiariesOfOrganization(organizationId, page).map(Pairings::view);
	}

	/** The beneficiaries of a region, masked, for its overseers; audited. */
	public PageResult<BeneficiaryView> beneficiariesInRegion(Actor actor, String regionCode, PageQuery page) {
		requireRegion(regionCode);
		this.accessPolicy.check(actor, Access.READ,
				ScopedObject.inRegion("region-beneficiaries", regionCode, regionCode));
		return this.repository.beneficiariesInRegion(Regions.prefixOf(regionCode), page).map(Pairings::view);
	}

	/** Whether the actor may register beneficiaries for the organization. */
	public boolean mayManage(Actor actor, UUID organizationId) {
		return this.organizations.isAdmin(actor, organizationId) || this.organizations.find(organizationId)
			.map((o) -> this.accessPolicy.operates(actor, o.regionCode()))
			.orElse(false);
	}

	// pairings

	/**
	 * Pairs the beneficiary with one of the active organization's active members, or with
	 * its team when no volunteer is named; by the organization's admins (for a person it
	 * registered) or the operators of the person's region. The first visit is due one
	 * period after the first day.
	 * @throws ProblemException 400 naming every bad field, 403 for anyone else, 422
	 * {@code NOT_A_MEMBER}, 409 {@code ALREADY_PAIRED} when the organization is paired
	 * with the person already
	 */
	@Transactional
	public PairingView pair(Actor actor, NewPairing pairing) {
		List<FieldProblem> problems = new ArrayList<>();
		if (pairing.beneficiaryId() == null) {
			problems.add(new FieldProblem("beneficiaryId", "validation.required"));
		}
		if (pairing.organizationId() == null) {
			problems.add(new FieldProblem("organizationId", "validation.required"));
		}
		VisitFrequency frequency = Enums.parse(VisitFrequency.class, pairing.frequency(), "frequency", problems);
		if (pairing.frequency() == null || pairing.frequency().isBlank()) {
			problems.add(new FieldProblem("frequency", "validation.required"));
		}
		LocalDate today = LocalDate.now(CHINA);
		LocalDate startsOn = (pairing.startsOn() != null) ? pairing.startsOn() : today;
		if (startsOn.isBefore(today.minusYears(1)) || startsOn.isAfter(today.plusYears(1))) {
			problems.add(new FieldProblem("startsOn", "validation.pairing.startsOn"));
		}
		int geofence = (pairing.geofenceMeters() != null) ? pairing.geofenceMeters() : DEFAULT_GEOFENCE_METERS;
		if (geofence < MIN_GEOFENCE_METERS || geofence > MAX_GEOFENCE_METERS) {
			problems.add(new FieldProblem("geofenceMeters", "validation.pairing.geofence", MIN_GEOFENCE_METERS,
					MAX_GEOFENCE_METERS));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		StoredBeneficiary beneficiary = requireBeneficiary(pairing.beneficiaryId());
		OrganizationView organization = organization(pairing.organizationId());
		boolean operates = this.accessPolicy.operates(actor, beneficiary.regionCode());
		boolean admin = this.organizations.isAdmin(actor, organization.id())
				&& organization.id().equals(beneficiary.organizationId());
		if (!operates && !admin) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		this.organizations.requireActive(actor, organization.id());
		if (pairing.volunteerId() != null) {
			requireMember(organization.id(), pairing.volunteerId());
		}
		if (this.repository.activePairingExists(beneficiary.id(), organization.id())) {
			throw ProblemException.conflict("ALREADY_PAIRED", "pairing.alreadyPaired");
		}
		UUID id = Ids.newId();
		OffsetDateTime now = now();
		this.repository.insertPairing(id, beneficiary, organization.id(),
				(pairing.volunteerId() != null) ? PairingKind.VOLUNTEER : PairingKind.TEAM, frequency, geofence,
				startsOn, frequency.after(startsOn), actor.accountId(), now);
		this.repository.appendAssignment(id, pairing.volunteerId(), null, actor.accountId(), now);
		this.auditLog.record(AuditRecord.of("pairing.create", actor.accountId())
			.on("pairing", id)
			.inRegion(beneficiary.regionCode())
			.inOrganization(organization.id()));
		tellAssigned(pairing.volunteerId(), id, beneficiary);
		return this.repository.findPairing(id).orElseThrow();
	}

	/** A pairing, for those who may read its beneficiary; audited. */
	public PairingView pairing(Actor actor, UUID id) {
		PairingView pairing = requirePairing(id);
		checkRead(actor, requireBeneficiary(pairing.beneficiaryId()), "pairing");
		return pairing;
	}

	/** Whom the pairing paired, oldest first: every change of volunteer is kept. */
	public List<AssignmentView> history(Actor actor, UUID id) {
		pairing(actor, id);
		return this.repository.assignments(id);
	}

	/** The pairing's visits, latest first. */
	public PageResult<VisitView> visits(Actor actor, UUID id, PageQuery page) {
		pairing(actor, id);
		return this.repository.visits(id, page);
	}

	/** The pairings of a beneficiary, for those who may read them. */
	public PageResult<PairingView> pairingsOfBeneficiary(Actor actor, UUID beneficiaryId, PageQuery page) {
		checkRead(actor, requireBeneficiary(beneficiaryId), "beneficiary-pairings");
		return this.repository.pairingsOfBeneficiary(beneficiaryId, page);
	}

	/**
	 * The organization's pairings, for its admins and its region's overseers; audited.
	 */
	public PageResult<PairingView> ofOrganization(Actor actor, UUID organizationId, PageQuery page) {
		OrganizationView organization = organization(organizationId);
		this.accessPolicy.check(actor, Access.READ,
				this.organizations.scopeOf(organization).withType("organization-pairings"));
		return this.repository.pairingsOfOrganization(organizationId, page);
	}

	/** The pairings of people of the region, for its overseers; audited. */
	public PageResult<PairingView> inRegion(Actor actor, String regionCode, PageQuery page) {
		requireOverseer(actor, regionCode, "region-pairings");
		return this.repository.pairingsInRegion(Regions.prefixOf(regionCode), page);
	}

	/** The active pairings the calling volunteer visits, the next due first. */
	public List<PairingView> mine(Actor actor) {
		this.volunteers.mine(actor);
		return this.repository.pairingsVisitedBy(actor.accountId());
	}

	/**
	 * Pairs another of the organization's members instead: a new entry of the history,
	 * which keeps every earlier one. By the organization's admins or the region's
	 * operators.
	 * @throws ProblemException 409 {@code INVALID_STATE} for an ended pairing, 409
	 * {@code ALREADY_ASSIGNED} for the volunteer paired now, 422 {@code NOT_A_MEMBER}
	 */
	@Transactional
	public PairingView changeVolunteer(Actor actor, UUID pairingId, UUID volunteerId, String reason) {
		List<FieldProblem> problems = new ArrayList<>();
		if (volunteerId == null) {
			problems.add(new FieldProblem("volunteerId", "validation.required"));
		}
		text(problems, "reason", reason, 500, true);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		PairingView pairing = requireManaged(actor, pairingId);
		requireMember(pairing.organizationId(), volunteerId);
		requireActiveState(pairingId);
		if (volunteerId.equals(pairing.volunteerId())) {
			throw ProblemException.conflict("ALREADY_ASSIGNED", "pairing.alreadyAssigned");
		}
		this.repository.appendAssignment(pairingId, volunteerId, reason.strip(), actor.accountId(), now());
		this.auditLog.record(AuditRecord.of("pairing.volunteer.change", actor.accountId())
			.on("pairing", pairingId)
			.inRegion(pairing.regionCode())
			.inOrganization(pairing.organizationId()));
		tellAssigned(volunteerId, pairingId, requireBeneficiary(pairing.beneficiaryId()));
		return requirePairing(pairingId);
	}

	/**
	 * Ends the pairing, with a reason; it stays readable with its history and visits.
	 * @throws ProblemException 409 {@code INVALID_STATE} when it has ended already
	 */
	@Transactional
	public PairingView end(Actor actor, UUID pairingId, String reason) {
		List<FieldProblem> problems = new ArrayList<>();
		text(problems, "reason", reason, 500, true);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		PairingView pairing = requireManaged(actor, pairingId);
		requireActiveState(pairingId);
		this.repository.end(pairingId, reason.strip(), actor.accountId(), now());
		this.auditLog.record(AuditRecord.of("pairing.end", actor.accountId())
			.on("pairing", pairingId)
			.inRegion(pairing.regionCode())
			.inOrganization(pairing.organizationId()));
		return requirePairing(pairingId);
	}

	// visits

	/**
	 * The paired volunteer (for a team pairing: any active member of the organization)
	 * checks a visit in from their phone at the person's address. Outside the radius the
	 * visit counts only with a reason, and is flagged. The visit ends the current period:
	 * the next visit is due one period after today. With an idempotency key a repeat by
	 * the same account returns the first visit.
	 * @throws ProblemException 400 naming every bad field, 403 for anyone else, 409
	 * {@code INVALID_STATE} for an ended pairing, 422 {@code OUTSIDE_GEOFENCE}
	 */
	@Transactional
	public Visited visit(Actor actor, UUID pairingId, VisitCheckIn checkIn, String idempotencyKey) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!isPosition(checkIn.lat(), checkIn.lng()) || (checkIn.accuracyMeters() != null
				&& (!Double.isFinite(checkIn.accuracyMeters()) || checkIn.accuracyMeters() < 0))) {
			problems.add(new FieldProblem("location", "validation.location"));
		}
		text(problems, "note", checkIn.note(), 500, false);
		text(problems, "outsideReason", checkIn.outsideReason(), 200, false);
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
			problems.add(new FieldProblem("Idempotency-Key", "validation.record.key"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		PairingView pairing = requirePairing(pairingId);
		VolunteerView volunteer = this.volunteers.findByAccount(actor.accountId())
			.orElseThrow(() -> ProblemException.forbidden("problem.forbidden.object"));
		if (!mayVisit(pairing, volunteer)) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		if (idempotencyKey != null) {
			Optional<VisitView> earlier = this.repository.visitByKey(actor.accountId(), idempotencyKey);
			if (earlier.isPresent()) {
				return new Visited(earlier.get(), requirePairing(pairingId).nextDueOn());
			}
		}
		requireActiveState(pairingId);
		StoredBeneficiary beneficiary = requireBeneficiary(pairing.beneficiaryId());
		String[] position = this.cipher.open(beneficiary.locationSealed()).split(",");
		double distance = Geo.meters(checkIn.lat(), checkIn.lng(), Double.parseDouble(position[0]),
				Double.parseDouble(position[1]));
		double allowance = Math.min((checkIn.accuracyMeters() != null) ? checkIn.accuracyMeters() : 0,
				MAX_ACCURACY_ALLOWANCE);
		boolean outside = distance - allowance > pairing.geofenceMeters();
		String outsideReason = (checkIn.outsideReason() != null && !checkIn.outsideReason().isBlank())
				? checkIn.outsideReason().strip() : null;
		if (outside && outsideReason == null) {
			throw ProblemException.unprocessable("OUTSIDE_GEOFENCE", "pairing.outside", Math.round(distance),
					pairing.geofenceMeters());
		}
		OffsetDateTime now = now();
		LocalDate today = now.atZoneSameInstant(CHINA).toLocalDate();
		UUID id = Ids.newId();
		this.repository.insertVisit(id, pairingId, volunteer.id(), actor.accountId(), now, today,
				BigDecimal.valueOf(distance).setScale(1, RoundingMode.HALF_UP),
				(checkIn.accuracyMeters() != null)
						? BigDecimal.valueOf(Math.min(checkIn.accuracyMeters(), 1e8)).setScale(1, RoundingMode.HALF_UP)
						: null,
				outside, outside ? outsideReason : null,
				(checkIn.note() != null && !checkIn.note().isBlank()) ? this.cipher.seal(checkIn.note().strip()) : null,
				idempotencyKey);
		LocalDate next = pairing.frequency().after(today);
		if (next.isAfter(pairing.nextDueOn())) {
			this.repository.setNextDue(pairingId, next);
		}
		this.auditLog.record(AuditRecord.of("pairing.visit", actor.accountId())
			.on("pairing", pairingId)
			.inRegion(pairing.regionCode())
			.inOrganization(pairing.organizationId())
			.withDetail(outside ? "outside geofence" : null));
		return new Visited(this.repository.findVisit(id).orElseThrow(), requirePairing(pairingId).nextDueOn());
	}

	/** Whether the volunteer visits for the pairing now. */
	public boolean mayVisit(PairingView pairing, VolunteerView volunteer) {
		if (pairing.kind() == PairingKind.TEAM) {
			return this.repository.isActiveMember(pairing.organizationId(), volunteer.id());
		}
		return volunteer.id().equals(pairing.volunteerId());
	}

	/** A visit checked in, and the last day of the period now running. */
	public record Visited(VisitView visit, LocalDate nextDueOn) {

	}

	// missed visits and continuity

	/**
	 * Flags every visit period that ended before today without a visit, once each, to the
	 * organization's admins and the operators of the person's district, street and
	 * community, and moves the pairing on to the next period.
	 * @return how many periods were flagged now
	 */
	@Transactional
	public int flagMissedVisits(LocalDate today) {
		int flagged = 0;
		OffsetDateTime now = now();
		List<NotificationRequest> notices = new ArrayList<>();
		for (Due due : this.repository.overdue(today)) {
			LocalDate period = due.dueOn();
			LocalDate next = period;
			while (next.isBefore(today)) {
				if (this.repository.flagMissed(due.pairingId(), next, now)) {
					flagged++;
					period = next;
				}
				next = due.frequency().after(next);
			}
			this.repository.setNextDue(due.pairingId(), next);
			PairingView pairing = this.repository.findPairing(due.pairingId()).orElseThrow();
			Set<UUID> told = new HashSet<>(this.repository.adminAccountsOf(pairing.organizationId()));
			told.addAll(this.repository.operatorAccountsOf(localCodes(pairing.regionCode())));
			for (UUID account : told) {
				notices.add(new NotificationRequest(account, NotificationKind.GENERAL, "notice.pairing.missed",
						List.of(pairing.beneficiaryNameMasked(), period.toString(), pairing.organizationName()),
						"/pairings/" + pairing.id(), "pairing-missed:" + pairing.id() + ":" + period));
			}
		}
		this.notifications.sendAll(notices);
		return flagged;
	}

	/** Missed visits of people of the region, latest first, for its overseers. */
	public PageResult<MissedVisit> missedInRegion(Actor actor, String regionCode, PageQuery page) {
		requireOverseer(actor, regionCode, "region-missed-visits");
		return this.repository.missedInRegion(Regions.prefixOf(regionCode), page);
	}

	/** The organization's missed visits, for its admins and its region's overseers. */
	public PageResult<MissedVisit> missedOfOrganization(Actor actor, UUID organizationId, PageQuery page) {
		OrganizationView organization = organization(organizationId);
		this.accessPolicy.check(actor, Access.READ,
				this.organizations.scopeOf(organization).withType("organization-missed-visits"));
		return this.repository.missedOfOrganization(organizationId, page);
	}

	/**
	 * The continuity of the region's pairings (see {@link Continuity}), lowest score
	 * first on each page, for its overseers.
	 */
	public PageResult<Continuity> continuityInRegion(Actor actor, String regionCode, PageQuery page) {
		requireOverseer(actor, regionCode, "region-pairing-continuity");
		PageResult<PairingView> pairings = this.repository.pairingsInRegion(Regions.prefixOf(regionCode), page);
		List<UUID> ids = pairings.items().stream().map(PairingView::id).toList();
		Map<UUID, List<AssignmentView>> histories = this.repository.assignmentsOf(ids);
		Map<UUID, OffsetDateTime> ended = this.repository.endedAt(ids);
		OffsetDateTime now = now();
		PageResult<Continuity> rows = pairings.map((p) -> {
			OffsetDateTime end = ended.getOrDefault(p.id(), now);
			ContinuityScore.Result result = ContinuityScore.of(histories.getOrDefault(p.id(), List.of()), end,
					now.minusYears(1));
			long days = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(p.startsOn(),
					end.atZoneSameInstant(CHINA).toLocalDate()));
			return new Continuity(p.id(), p.beneficiaryNameMasked(), p.keyGroup(), p.regionCode(), p.organizationName(),
					p.status(), p.startsOn(), days, result.distinct(), result.changes(), result.changesSince(),
					result.score());
		});
		List<Continuity> lowestFirst = new ArrayList<>(rows.items());
		lowestFirst.sort(java.util.Comparator.comparingInt(Continuity::score));
		return new PageResult<>(lowestFirst, rows.page(), rows.size(), rows.total());
	}

	// checks

	private void checkRead(Actor actor, StoredBeneficiary beneficiary, String type) {
		boolean allowed = mayRead(actor, beneficiary);
		this.events.publishEvent(new PersonalDataAccessed((actor != null) ? actor.accountId() : null, Access.READ, type,
				beneficiary.id().toString(), beneficiary.regionCode(), allowed, null));
		if (!allowed) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
	}

	/**
	 * Whether the actor may read the beneficiary: an overseer of their region, an admin
	 * of the organization that registered them or of one paired with them now, or the
	 * volunteer (or a member of the team) paired with them now.
	 */
	boolean mayRead(Actor actor, StoredBeneficiary beneficiary) {
		if (actor == null) {
			return false;
		}
		Set<UUID> organizationIds = new HashSet<>(this.repository.pairedOrganizations(beneficiary.id()));
		if (beneficiary.organizationId() != null) {
			organizationIds.add(beneficiary.organizationId());
		}
		ScopedObject scope = new ScopedObject("beneficiary", beneficiary.id().toString(), null,
				beneficiary.regionCode(), organizationIds);
		return this.accessPolicy.allows(actor, Access.READ, scope)
				|| this.repository.isPairedVolunteer(beneficiary.id(), actor.accountId());
	}

	private PairingView requireManaged(Actor actor, UUID pairingId) {
		PairingView pairing = requirePairing(pairingId);
		if (!this.organizations.isAdmin(actor, pairing.organizationId())
				&& !this.accessPolicy.operates(actor, pairing.regionCode())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		return pairing;
	}

	private void requireActiveState(UUID pairingId) {
		PairingStatus status = this.repository.lock(pairingId)
			.orElseThrow(() -> ProblemException.notFound("PAIRING_NOT_FOUND", "pairing.notFound"));
		if (status != PairingStatus.ACTIVE) {
			throw ProblemException.conflict("INVALID_STATE", "pairing.ended");
		}
	}

	private void requireMember(UUID organizationId, UUID volunteerId) {
		if (!this.repository.isActiveMember(organizationId, volunteerId)) {
			throw ProblemException.unprocessable("NOT_A_MEMBER", "pairing.notAMember");
		}
	}

	private void requireOverseer(Actor actor, String regionCode, String type) {
		requireRegion(regionCode);
		this.accessPolicy.check(actor, Access.READ, ScopedObject.inRegion(type, regionCode, regionCode));
	}

	private void requireRegion(String regionCode) {
		if (regionCode == null || !Regions.isWellFormed(regionCode) || !this.regions.exists(regionCode)) {
			throw ProblemException.invalid(List.of(new FieldProblem("regionCode", "validation.regionCode")));
		}
	}

	private StoredBeneficiary requireBeneficiary(UUID id) {
		return this.repository.findBeneficiary(id)
			.orElseThrow(() -> ProblemException.notFound("BENEFICIARY_NOT_FOUND", "pairing.beneficiaryNotFound"));
	}

	private PairingView requirePairing(UUID id) {
		return this.repository.findPairing(id)
			.orElseThrow(() -> ProblemException.notFound("PAIRING_NOT_FOUND", "pairing.notFound"));
	}

	private OrganizationView organization(UUID id) {
		return this.organizations.find(id)
			.orElseThrow(() -> ProblemException.notFound("ORGANIZATION_NOT_FOUND", "organization.notFound"));
	}

	private void tellAssigned(UUID volunteerId, UUID pairingId, StoredBeneficiary beneficiary) {
		if (volunteerId == null) {
			return;
		}
		this.volunteers.find(volunteerId)
			.ifPresent((v) -> this.notifications.send(new NotificationRequest(v.accountId(), NotificationKind.GENERAL,
					"notice.pairing.assigned", List.of(beneficiary.nameMasked()), "/me/pairings",
					"pairing-assigned:" + pairingId + ":" + volunteerId)));
	}

	/** The district, street and community codes on the way to the region. */
	private List<String> localCodes(String regionCode) {
		return this.regions.path(regionCode)
			.stream()
			.map(Region::code)
			.filter((code) -> code.length() > 6 || !code.endsWith("00"))
			.toList();
	}

	private String open(String sealed) {
		return (sealed != null) ? this.cipher.open(sealed) : null;
	}

	private static BeneficiaryView view(StoredBeneficiary b) {
		return new BeneficiaryView(b.id(), b.regionCode(), b.organizationId(), b.keyGroup(), b.nameMasked(), b.gender(),
				b.birthYear(), "******", b.phoneMasked(), b.guardianNameSealed() != null, b.guardianConsentOn(),
				b.createdAt());
	}

	private static void text(List<FieldProblem> problems, String field, String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(new FieldProblem(field, "validation.textRequired", max));
			}
		}
		else if (value.strip().length() > max) {
			problems
				.add(new FieldProblem(field, required ? "validation.textRequired" : "validation.pairing.text", max));
		}
	}

	/** A latitude and a longitude, both finite and within their ranges. */
	private static boolean isPosition(Double lat, Double lng) {
		return lat != null && lng != null && Double.isFinite(lat) && Double.isFinite(lng) && lat >= -90 && lat <= 90
				&& lng >= -180 && lng <= 180;
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
