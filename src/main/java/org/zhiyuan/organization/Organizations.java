package org.zhiyuan.organization;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.Access;
import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Grant;
import org.zhiyuan.access.Role;
import org.zhiyuan.access.ScopedObject;
import org.zhiyuan.account.AccountManagement;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.organization.OrganizationRepository.MemberRow;
import org.zhiyuan.organization.OrganizationRepository.Stored;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.PersonMatch;
import org.zhiyuan.shared.PersonQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.identity.CreditCodes;
import org.zhiyuan.shared.identity.PhoneNumbers;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organizations and teams: application, review and supervision by the operator of the
 * organization's region, and membership managed by the organization's admins. Every
 * change is audited and kept in the organization's history.
 */
@Service
public class Organizations {

	private static final Set<OrganizationStatus> PUBLIC = EnumSet.of(OrganizationStatus.ACTIVE,
			OrganizationStatus.SUSPENDED);

	private final OrganizationRepository organizations;

	private final Volunteers volunteers;

	private final AccountManagement accounts;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	Organizations(OrganizationRepository organizations, Volunteers volunteers, AccountManagement accounts,
			AccessPolicy accessPolicy, Regions regions, AuditLog auditLog, ApplicationEventPublisher events) {
		this.organizations = organizations;
		this.volunteers = volunteers;
		this.accounts = accounts;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
		this.auditLog = auditLog;
		this.events = events;
	}

	/**
	 * Any signed-in user applies; the applicant becomes the organization's admin (and, if
	 * a volunteer, its first member). The organization waits for review by the operator
	 * of its region.
	 */
	@Transactional
	public OrganizationView apply(Actor actor, NewOrganization application) {
		List<FieldProblem> problems = new ArrayList<>();
		if (application.name() == null || application.name().isBlank() || application.name().strip().length() > 100) {
			problems.add(new FieldProblem("name", "validation.text100"));
		}
		if (application.type() == null) {
			problems.add(new FieldProblem("type", "validation.required"));
		}
		String creditCode = CreditCodes.normalize(application.creditCode());
		boolean creditGiven = application.creditCode() != null && !application.creditCode().isBlank();
		if (creditGiven && !CreditCodes.isValid(creditCode, this::isDivision)) {
			problems.add(new FieldProblem("creditCode", "validation.creditCode"));
		}
		else if (!creditGiven && application.type() != null && application.type().requiresCreditCode()) {
			problems.add(new FieldProblem("creditCode", "validation.creditCode.required"));
		}
		if (application.regionCode() == null || !this.regions.exists(application.regionCode())
				|| Regions.NATIONAL.equals(application.regionCode())) {
			problems.add(new FieldProblem("regionCode", "validation.regionCode"));
		}
		if (application.parentId() != null) {
			Optional<Stored> parent = this.organizations.find(application.parentId());
			if (parent.isEmpty() || parent.get().view().status() != OrganizationStatus.ACTIVE) {
				problems.add(new FieldProblem("parentId", "validation.organization.parent"));
			}
		}
		if (application.contactPhone() != null && !application.contactPhone().isBlank()
				&& !PhoneNumbers.isMainlandMobile(PhoneNumbers.normalize(application.contactPhone()))) {
			problems.add(new FieldProblem("contactPhone", "validation.phone"));
		}
		if (application.contactName() != null && application.contactName().length() > 50) {
			problems.add(new FieldProblem("contactName", "validation.text50"));
		}
		if (application.description() != null && application.description().length() > 2000) {
			problems.add(new FieldProblem("description", "validation.text2000"));
		}
		if (application.fields() != null && application.fields().size() > 17) {
			problems.add(new FieldProblem("fields", "validation.list", 17, 40));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		if (creditGiven && this.organizations.creditCodeExists(creditCode)) {
			throw ProblemException.conflict("CREDIT_CODE_REGISTERED", "organization.creditCodeRegistered");
		}
		UUID id = Ids.newId();
		OffsetDateTime now = now();
		try {
			this.organizations.insert(id, application, creditGiven ? creditCode : null, actor.accountId(), now);
		}
		catch (DuplicateKeyException ex) {
			throw ProblemException.conflict("CREDIT_CODE_REGISTERED", "organization.creditCodeRegistered");
		}
		this.organizations.insertEvent(id, OrganizationEventKind.APPLIED, null, actor.accountId(), now);
		this.accounts.grant(actor.accountId(), Grant.adminOf(id), actor.accountId());
		this.volunteers.findByAccount(actor.accountId())
			.ifPresent((volunteer) -> this.organizations.upsertMember(id, volunteer.id(), MemberRole.ADMIN,
					MemberStatus.ACTIVE, false, now));
		this.auditLog.record(AuditRecord.of("organization.apply", actor.accountId())
			.on("organization", id)
			.inRegion(application.regionCode())
			.inOrganization(id));
		return require(id).view();
	}

	/**
	 * Registers the local stand-in for another installation whose service records
	 * volunteers bring here, so that those records have a recording organization as every
	 * record has. It is {@code CLOSED} from the start: it never publishes, recruits or
	 * appears in public lists, and nobody administers it. The interoperability module has
	 * checked who registered the installation.
	 */
	@Transactional
	public OrganizationView registerExternalInstallation(String name, String regionCode, UUID registeredBy) {
		UUID id = Ids.newId();
		OffsetDateTime now = now();
		String shortName = (name.length() > 100) ? name.substring(0, 100) : name;
		this.organizations.insert(id, new NewOrganization(shortName, OrganizationType.OTHER_TEAM, null, regionCode,
				null, List.of(), null, null, null), null, registeredBy, now);
		this.organizations.changeStatus(id, OrganizationStatus.CLOSED, now, true);
		this.organizations.insertEvent(id, OrganizationEventKind.CLOSED, "external installation", registeredBy, now);
		this.auditLog.record(AuditRecord.of("organization.external", registeredBy)
			.on("organization", id)
			.inRegion(regionCode)
			.inOrganization(id));
		return require(id).view();
	}

	/**
	 * An organization as the public may see it: active or suspended ones, or any for its
	 * admins and operators.
	 */
	public OrganizationView view(Actor actor, UUID id) {
		Stored stored = require(id);
		if (!PUBLIC.contains(stored.view().status()) && !isAdmin(actor, id)
				&& !this.accessPolicy.oversees(actor, stored.view().regionCode())) {
			throw ProblemException.notFound("ORGANIZATION_NOT_FOUND", "organization.notFound");
		}
		return stored.view();
	}

	public Optional<OrganizationView> find(UUID id) {
		return this.organizations.find(id).map(Stored::view);
	}

	/** Public search: active organizations within a region and below, by name. */
	public PageResult<OrganizationView> search(String regionCode, String text, PageQuery page) {
		return this.organizations.search(regionCode, text, EnumSet.of(OrganizationStatus.ACTIVE), page);
	}

	/**
	 * Organizations of any status in the operator's region: the review queue and
	 * supervision list.
	 */
	public PageResult<OrganizationView> searchForOperator(Actor actor, String regionCode, OrganizationStatus status,
			String text, PageQuery page) {
		if (!this.accessPolicy.oversees(actor, regionCode)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		Set<OrganizationStatus> statuses = (status != null) ? EnumSet.of(status)
				: EnumSet.allOf(OrganizationStatus.class);
		return this.organizations.search(regionCode, text, statuses, page);
	}

	public List<OrganizationView> childrenOf(UUID id) {
		return this.organizations.childrenOf(id);
	}

	/** The organizations the actor administers. */
	public PageResult<OrganizationView> administeredBy(Actor actor, PageQuery page) {
		Set<UUID> ids = new java.util.HashSet<>();
		actor.scopesOf(Role.ORG_ADMIN).forEach((scope) -> org.zhiyuan.shared.Ids.parse(scope).ifPresent(ids::add));
		return this.organizations.administeredBy(ids, page);
	}

	@Transactional
	public OrganizationView approve(Actor actor, UUID id) {
		return transition(actor, id, OrganizationEventKind.APPROVED, null, EnumSet.of(OrganizationStatus.PENDING),
				OrganizationStatus.ACTIVE, true);
	}

	@Transactional
	public OrganizationView reject(Actor actor, UUID id, String reason) {
		return transition(actor, id, OrganizationEventKind.REJECTED, requireReason(reason),
				EnumSet.of(OrganizationStatus.PENDING), OrganizationStatus.REJECTED, true);
	}

	/**
	 * A warning changes nothing but the record: the organization sees it in its history.
	 */
	@Transactional
	public OrganizationView warn(Actor actor, UUID id, String reason) {
		return transition(actor, id, OrganizationEventKind.WARNED, requireReason(reason),
				EnumSet.of(OrganizationStatus.ACTIVE, OrganizationStatus.SUSPENDED), null, false);
	}

	@Transactional
	public OrganizationView suspend(Actor actor, UUID id, String reason) {
		return transition(actor, id, OrganizationEventKind.SUSPENDED, requireReason(reason),
				EnumSet.of(OrganizationStatus.ACTIVE), OrganizationStatus.SUSPENDED, false);
	}

	@Transactional
	public OrganizationView reinstate(Actor actor, UUID id, String reason) {
		return transition(actor, id, OrganizationEventKind.REINSTATED, requireReason(reason),
				EnumSet.of(OrganizationStatus.SUSPENDED), OrganizationStatus.ACTIVE, false);
	}

	@Transactional
	public OrganizationView close(Actor actor, UUID id, String reason) {
		return close(actor, id, reason, null);
	}

	/**
	 * Closes (dissolves) an organization. When it merged into another, that successor
	 * certifies its volunteers' records from then on; without one, its parent does.
	 */
	@Transactional
	public OrganizationView close(Actor actor, UUID id, String reason, UUID successorId) {
		String checkedReason = requireReason(reason);
		if (successorId != null) {
			Stored successor = this.organizations.find(successorId)
				.filter((found) -> found.view().isActive() && !found.view().id().equals(id))
				.orElseThrow(() -> ProblemException
					.invalid(List.of(new FieldProblem("successorId", "organization.successorInvalid"))));
			this.accessPolicy.requireOperatorOf(actor, successor.view().regionCode());
		}
		OrganizationView closed = transition(actor, id, OrganizationEventKind.CLOSED, checkedReason,
				EnumSet.of(OrganizationStatus.ACTIVE, OrganizationStatus.SUSPENDED, OrganizationStatus.PENDING),
				OrganizationStatus.CLOSED, false);
		if (successorId == null) {
			return closed;
		}
		this.organizations.setSuccessor(id, successorId);
		return require(id).view();
	}

	/**
	 * The organization that certifies the records an organization made (谁记录谁证明): the
	 * organization itself while it exists; once closed, its successor, else its parent,
	 * following further closures. Empty when nobody is left to certify.
	 */
	public Optional<UUID> certifierOf(UUID organizationId) {
		return certifierOf(organizationId, lineage());
	}

	/**
	 * The organizations whose records the given organization certifies: itself, and every
	 * closed organization whose records fall to it.
	 */
	public Set<UUID> certifiedBy(UUID certifierId) {
		java.util.Map<UUID, OrganizationRepository.Lineage> lineage = lineage();
		Set<UUID> certified = new java.util.HashSet<>();
		for (UUID id : lineage.keySet()) {
			if (certifierOf(id, lineage).filter(certifierId::equals).isPresent()) {
				certified.add(id);
			}
		}
		return certified;
	}

	private java.util.Map<UUID, OrganizationRepository.Lineage> lineage() {
		java.util.Map<UUID, OrganizationRepository.Lineage> byId = new java.util.HashMap<>();
		this.organizations.lineage().forEach((row) -> byId.put(row.id(), row));
		return byId;
	}

	private static Optional<UUID> certifierOf(UUID organizationId,
			java.util.Map<UUID, OrganizationRepository.Lineage> lineage) {
		Set<UUID> seen = new java.util.HashSet<>();
		OrganizationRepository.Lineage current = lineage.get(organizationId);
		while (current != null && seen.add(current.id())) {
			if (current.status() != OrganizationStatus.CLOSED) {
				return Optional.of(current.id());
			}
			UUID next = (current.successorId() != null) ? current.successorId() : current.parentId();
			current = (next != null) ? lineage.get(next) : null;
		}
		return Optional.empty();
	}

	/**
	 * The review and supervision history, for the organization's admins and its region's
	 * operators.
	 */
	public PageResult<OrganizationEvent> history(Actor actor, UUID id, PageQuery page) {
		Stored stored = require(id);
		requireAdminOrOverseer(actor, stored);
		return this.organizations.eventsOf(id, page);
	}

	/**
	 * Members, join requests and invitations for the organization's admins and its
	 * region's overseers; audited. Of an invited volunteer only the masked name shows
	 * until they accept.
	 */
	public PageResult<Member> members(Actor actor, UUID id, MemberStatus status, PageQuery page) {
		Stored stored = require(id);
		this.accessPolicy.check(actor, Access.READ, scopeOf(stored.view()).withType("organization-members"));
		Set<MemberStatus> statuses = (status != null) ? EnumSet.of(status)
				: EnumSet.of(MemberStatus.ACTIVE, MemberStatus.PENDING, MemberStatus.INVITED);
		return this.organizations.members(id, statuses, page);
	}

	/**
	 * Active members whose name contains the query or whose phone or volunteer number
	 * contains its digits, for a people picker of the organization's admins and its
	 * region's overseers; audited like the member list. At most {@value PersonMatch#MAX},
	 * masked.
	 */
	public List<PersonMatch> pickMembers(Actor actor, UUID id, String query) {
		Stored stored = require(id);
		this.accessPolicy.check(actor, Access.READ, scopeOf(stored.view()).withType("organization-members"));
		PersonQuery parsed = PersonQuery.of(query);
		return (parsed != null) ? this.organizations.pickMembers(id, parsed, PersonMatch.MAX) : List.of();
	}

	/**
	 * The volunteer of the organization's region whose phone or volunteer number is
	 * exactly the query, for adding as a member: they are not members yet, so nothing is
	 * found by part of a number or by name. For the organization's admins and its
	 * region's operators; every search is audited.
	 */
	public List<PersonMatch> pickCandidates(Actor actor, UUID id, String query) {
		Stored stored = require(id);
		requireAdminOrOperator(actor, stored);
		PersonQuery parsed = PersonQuery.of(query);
		if (parsed == null || !parsed.isDigits()) {
			return List.of();
		}
		List<PersonMatch> found = this.volunteers
			.findExact(Regions.prefixOf(stored.view().regionCode()), PhoneNumbers.normalize(parsed.digits()))
			.map((v) -> PersonMatch.of(v.id(), v.name(), v.phoneMasked(), v.volunteerNumber()))
			.stream()
			.toList();
		this.auditLog.record(AuditRecord.of("personal-data.search", actor.accountId())
			.on("member-candidates", id)
			.inRegion(stored.view().regionCode())
			.inOrganization(id)
			.withDetail("results " + found.size()));
		return found;
	}

	/**
	 * An admin (or an operator of the organization's region) adds a volunteer as member
	 * or admin. Nobody becomes a member without consenting: a volunteer who asked to join
	 * becomes a member now; anyone else is invited, is told, and becomes a member only on
	 * accepting. Until then the organization may not read their data.
	 * @throws ProblemException 409 {@code ALREADY_MEMBER}, 409 {@code INVITATION_PENDING}
	 */
	@Transactional
	public MembershipView addMember(Actor actor, UUID organizationId, UUID volunteerId, MemberRole role) {
		Stored stored = requireActive(organizationId);
		requireAdminOrOperator(actor, stored);
		VolunteerView volunteer = requireVolunteer(volunteerId);
		Optional<MemberRow> existing = this.organizations.member(organizationId, volunteerId);
		MemberStatus current = existing.map(MemberRow::status).orElse(null);
		if (current == MemberStatus.ACTIVE) {
			throw ProblemException.conflict("ALREADY_MEMBER", "organization.alreadyMember");
		}
		if (current == MemberStatus.INVITED) {
			throw ProblemException.conflict("INVITATION_PENDING", "organization.invitationPending");
		}
		if (current == MemberStatus.PENDING) {
			join(actor, organizationId, volunteer, role);
			audit("organization.join.approve", actor, stored, volunteerId);
			return new MembershipView(organizationId, volunteerId, role, MemberStatus.ACTIVE);
		}
		this.organizations.upsertMember(organizationId, volunteerId, role, MemberStatus.INVITED, existing.isPresent(),
				now());
		audit("organization.member.invite", actor, stored, volunteerId);
		this.events.publishEvent(
				new MemberInvited(organizationId, stored.view().name(), volunteerId, volunteer.accountId(), role));
		return new MembershipView(organizationId, volunteerId, role, MemberStatus.INVITED);
	}

	/**
	 * Adds a person whom a bulk import has just registered: their admin confirmed, on
	 * uploading, that each person consented in writing, so they join at once.
	 */
	void addRegistered(Actor actor, UUID organizationId, UUID volunteerId, MemberRole role) {
		Stored stored = requireActive(organizationId);
		requireAdminOrOperator(actor, stored);
		join(actor, organizationId, requireVolunteer(volunteerId), role);
		audit("organization.member.add", actor, stored, volunteerId);
	}

	/** The invitations waiting for the calling volunteer's answer. */
	public PageResult<Invitation> myInvitations(Actor actor, PageQuery page) {
		return this.organizations.invitationsOf(this.volunteers.mine(actor).id(), page);
	}

	/**
	 * The invited volunteer accepts and becomes a member (an admin, if so invited).
	 * @throws ProblemException 404 {@code INVITATION_NOT_FOUND} when no invitation of
	 * that organization waits for the caller
	 */
	@Transactional
	public MembershipView acceptInvitation(Actor actor, UUID organizationId) {
		VolunteerView volunteer = this.volunteers.mine(actor);
		MemberRow row = requireInvitation(organizationId, volunteer);
		Stored stored = requireActive(organizationId);
		join(actor, organizationId, volunteer, row.role());
		audit("organization.invitation.accept", actor, stored, volunteer.id());
		return new MembershipView(organizationId, volunteer.id(), row.role(), MemberStatus.ACTIVE);
	}

	/**
	 * The invited volunteer declines; the organization sees no more of them than the
	 * masked name it saw while they were invited.
	 * @throws ProblemException 404 {@code INVITATION_NOT_FOUND} when no invitation of
	 * that organization waits for the caller
	 */
	@Transactional
	public MembershipView declineInvitation(Actor actor, UUID organizationId) {
		VolunteerView volunteer = this.volunteers.mine(actor);
		MemberRow row = requireInvitation(organizationId, volunteer);
		Stored stored = require(organizationId);
		this.organizations.upsertMember(organizationId, volunteer.id(), row.role(), MemberStatus.DECLINED, true, now());
		audit("organization.invitation.decline", actor, stored, volunteer.id());
		return new MembershipView(organizationId, volunteer.id(), row.role(), MemberStatus.DECLINED);
	}

	/**
	 * A volunteer asks to join an active organization; where they were invited, asking
	 * accepts the invitation.
	 */
	@Transactional
	public void requestToJoin(Actor actor, UUID organizationId) {
		Stored stored = requireActive(organizationId);
		VolunteerView volunteer = this.volunteers.mine(actor);
		Optional<MemberRow> existing = this.organizations.member(organizationId, volunteer.id());
		if (existing.isPresent() && existing.get().status() == MemberStatus.ACTIVE) {
			throw ProblemException.conflict("ALREADY_MEMBER", "organization.alreadyMember");
		}
		if (existing.isPresent() && existing.get().status() == MemberStatus.PENDING) {
			throw ProblemException.conflict("JOIN_PENDING", "organization.joinPending");
		}
		if (existing.isPresent() && existing.get().status() == MemberStatus.INVITED) {
			join(actor, organizationId, volunteer, existing.get().role());
			audit("organization.invitation.accept", actor, stored, volunteer.id());
			return;
		}
		this.organizations.upsertMember(organizationId, volunteer.id(), MemberRole.MEMBER, MemberStatus.PENDING,
				existing.isPresent(), now());
		audit("organization.join.request", actor, stored, volunteer.id());
	}

	@Transactional
	public void approveJoin(Actor actor, UUID organizationId, UUID volunteerId) {
		decideJoin(actor, organizationId, volunteerId, MemberStatus.ACTIVE);
	}

	@Transactional
	public void rejectJoin(Actor actor, UUID organizationId, UUID volunteerId) {
		decideJoin(actor, organizationId, volunteerId, MemberStatus.REJECTED);
	}

	/**
	 * A volunteer leaves, or an admin removes a member; an admin's grant goes with it.
	 */
	@Transactional
	public void removeMember(Actor actor, UUID organizationId, UUID volunteerId) {
		Stored stored = require(organizationId);
		VolunteerView volunteer = requireVolunteer(volunteerId);
		boolean self = volunteer.accountId().equals(actor.accountId());
		if (!self) {
			requireAdminOrOperator(actor, stored);
		}
		MemberRow row = this.organizations.member(organizationId, volunteerId)
			.filter((m) -> m.status() == MemberStatus.ACTIVE || m.status() == MemberStatus.PENDING
					|| m.status() == MemberStatus.INVITED)
			.orElseThrow(() -> ProblemException.notFound("MEMBER_NOT_FOUND", "organization.memberNotFound"));
		if (row.status() == MemberStatus.INVITED) {
			this.organizations.upsertMember(organizationId, volunteerId, row.role(),
					self ? MemberStatus.DECLINED : MemberStatus.LEFT, true, now());
			audit(self ? "organization.invitation.decline" : "organization.invitation.withdraw", actor, stored,
					volunteerId);
			return;
		}
		this.organizations.upsertMember(organizationId, volunteerId, row.role(), MemberStatus.LEFT, true, now());
		if (row.role() == MemberRole.ADMIN && row.status() == MemberStatus.ACTIVE) {
			this.accounts.revoke(volunteer.accountId(), Grant.adminOf(organizationId), actor.accountId());
		}
		audit(self ? "organization.member.leave" : "organization.member.remove", actor, stored, volunteerId);
	}

	/** Whether the actor operates the region (or one containing it). */
	public boolean operates(Actor actor, String regionCode) {
		return this.accessPolicy.operates(actor, regionCode);
	}

	/** Whether the actor administers the organization. */
	public boolean isAdmin(Actor actor, UUID organizationId) {
		return actor != null && actor.scopesOf(Role.ORG_ADMIN).contains(organizationId.toString());
	}

	/** Checks that the organization may act now, e.g. publish activities. */
	public OrganizationView requireActive(Actor actor, UUID organizationId) {
		return requireActive(organizationId).view();
	}

	public ScopedObject scopeOf(OrganizationView organization) {
		return new ScopedObject("organization", organization.id().toString(), null, organization.regionCode(),
				Set.of(organization.id()));
	}

	private void decideJoin(Actor actor, UUID organizationId, UUID volunteerId, MemberStatus decision) {
		Stored stored = requireActive(organizationId);
		requireAdminOrOperator(actor, stored);
		MemberRow row = this.organizations.member(organizationId, volunteerId)
			.filter((m) -> m.status() == MemberStatus.PENDING)
			.orElseThrow(() -> ProblemException.notFound("JOIN_REQUEST_NOT_FOUND", "organization.joinNotFound"));
		this.organizations.upsertMember(organizationId, volunteerId, row.role(), decision, true, now());
		audit((decision == MemberStatus.ACTIVE) ? "organization.join.approve" : "organization.join.reject", actor,
				stored, volunteerId);
	}

	/**
	 * Makes the volunteer a member now, with the admin grant that an admin's role brings.
	 */
	private void join(Actor actor, UUID organizationId, VolunteerView volunteer, MemberRole role) {
		boolean exists = this.organizations.member(organizationId, volunteer.id()).isPresent();
		this.organizations.upsertMember(organizationId, volunteer.id(), role, MemberStatus.ACTIVE, exists, now());
		if (role == MemberRole.ADMIN) {
			this.accounts.grant(volunteer.accountId(), Grant.adminOf(organizationId), actor.accountId());
		}
	}

	private MemberRow requireInvitation(UUID organizationId, VolunteerView volunteer) {
		return this.organizations.member(organizationId, volunteer.id())
			.filter((m) -> m.status() == MemberStatus.INVITED)
			.orElseThrow(() -> ProblemException.notFound("INVITATION_NOT_FOUND", "organization.invitationNotFound"));
	}

	private OrganizationView transition(Actor actor, UUID id, OrganizationEventKind kind, String reason,
			Set<OrganizationStatus> from, OrganizationStatus to, boolean review) {
		Stored stored = require(id);
		this.accessPolicy.requireOperatorOf(actor, stored.view().regionCode());
		OrganizationStatus current = this.organizations.lockStatus(id).orElseThrow();
		if (!from.contains(current)) {
			throw ProblemException.conflict("INVALID_STATUS", "organization.invalidStatus", current.name());
		}
		OffsetDateTime now = now();
		if (to != null) {
			this.organizations.changeStatus(id, to, now, review);
		}
		this.organizations.insertEvent(id, kind, reason, actor.accountId(), now);
		this.auditLog
			.record(AuditRecord.of("organization." + kind.name().toLowerCase(java.util.Locale.ROOT), actor.accountId())
				.on("organization", id)
				.inRegion(stored.view().regionCode())
				.inOrganization(id));
		if (to != null) {
			this.events.publishEvent(new OrganizationStatusChanged(id, to, reason));
		}
		return require(id).view();
	}

	private void requireAdminOrOperator(Actor actor, Stored stored) {
		if (!isAdmin(actor, stored.view().id()) && !this.accessPolicy.operates(actor, stored.view().regionCode())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
	}

	private void requireAdminOrOverseer(Actor actor, Stored stored) {
		if (!isAdmin(actor, stored.view().id()) && !this.accessPolicy.oversees(actor, stored.view().regionCode())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
	}

	private Stored require(UUID id) {
		return this.organizations.find(id)
			.orElseThrow(() -> ProblemException.notFound("ORGANIZATION_NOT_FOUND", "organization.notFound"));
	}

	private Stored requireActive(UUID id) {
		Stored stored = require(id);
		if (stored.view().status() != OrganizationStatus.ACTIVE) {
			throw ProblemException.conflict("ORGANIZATION_NOT_ACTIVE", "organization.notActive");
		}
		return stored;
	}

	private VolunteerView requireVolunteer(UUID volunteerId) {
		return this.volunteers.find(volunteerId)
			.filter((v) -> v.status() == org.zhiyuan.volunteer.VolunteerStatus.ACTIVE)
			.orElseThrow(() -> ProblemException.notFound("VOLUNTEER_NOT_FOUND", "volunteer.notFound"));
	}

	private void audit(String action, Actor actor, Stored stored, UUID volunteerId) {
		this.auditLog.record(AuditRecord.of(action, actor.accountId())
			.on("volunteer", volunteerId)
			.inRegion(stored.view().regionCode())
			.inOrganization(stored.view().id()));
	}

	private static String requireReason(String reason) {
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			throw ProblemException.invalid(List.of(new FieldProblem("reason", "validation.reason")));
		}
		return reason.strip();
	}

	/**
	 * Whether six digits of a credit code name a division of the region dataset: the
	 * dataset's code for the whole country, {@value Regions#NATIONAL}, is no division.
	 */
	private boolean isDivision(String sixDigits) {
		return !Regions.NATIONAL.equals(sixDigits) && this.regions.exists(sixDigits);
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
