package org.zhiyuan.volunteer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.zhiyuan.access.Access;
import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.PersonalDataSection;
import org.zhiyuan.access.PersonalDataSource;
import org.zhiyuan.access.ScopedObject;
import org.zhiyuan.account.AccountManagement;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.identity.PhoneNumbers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading and keeping a volunteer's profile. A volunteer sees and edits their own; an
 * admin of an organization they belong to, or an operator or auditor of their region, may
 * read it, and every such read is audited; anyone else gets a 403.
 */
@Service
public class Volunteers {

	private static final int MAX_LIST = 20;

	private final VolunteerRepository volunteers;

	private final VolunteerMemberships memberships;

	private final AccessPolicy accessPolicy;

	private final AccountManagement accounts;

	private final Regions regions;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<PersonalDataSource> personalData;

	private final QualificationCodes qualificationCodes;

	Volunteers(VolunteerRepository volunteers, VolunteerMemberships memberships, AccessPolicy accessPolicy,
			AccountManagement accounts, Regions regions, AuditLog auditLog, ApplicationEventPublisher events,
			ObjectProvider<PersonalDataSource> personalData, QualificationCodes qualificationCodes) {
		this.volunteers = volunteers;
		this.memberships = memberships;
		this.accessPolicy = accessPolicy;
		this.accounts = accounts;
		this.regions = regions;
		this.auditLog = auditLog;
		this.events = events;
		this.personalData = personalData;
		this.qualificationCodes = qualificationCodes;
	}

	/** A volunteer by id, without any access check: for other modules' own decisions. */
	public Optional<VolunteerView> find(UUID volunteerId) {
		return this.volunteers.findById(volunteerId);
	}

	/**
	 * A volunteer by the unified volunteer number, as admins type it; no access check.
	 */
	public Optional<VolunteerView> findByNumber(String volunteerNumber) {
		return (volunteerNumber != null)
				? this.volunteers.findByNumber(volunteerNumber.strip().toUpperCase(java.util.Locale.ROOT))
				: Optional.empty();
	}

	/**
	 * The active volunteer living in a region or below whose phone or volunteer number is
	 * exactly the given text; no access check, the caller decides and audits.
	 */
	public Optional<VolunteerView> findExact(String regionPrefix, String phoneOrNumber) {
		return (phoneOrNumber != null && !phoneOrNumber.isBlank())
				? this.volunteers.findExact(regionPrefix, phoneOrNumber.strip().toUpperCase(java.util.Locale.ROOT))
				: Optional.empty();
	}

	public Optional<VolunteerView> findByAccount(UUID accountId) {
		return this.volunteers.findByAccount(accountId);
	}

	/**
	 * Writes a volunteer's total service hours and star level, as the record module
	 * computes them from the records; in the caller's transaction, no access check.
	 */
	public void updateHoursAndStars(UUID volunteerId, java.math.BigDecimal totalHours, int starLevel) {
		this.volunteers.updateTotals(volunteerId, totalHours, starLevel);
	}

	/**
	 * The minors whose guardian the caller is (their guardian's phone is the caller's),
	 * for a guardian signing up their child; none for staff accounts.
	 */
	public List<VolunteerView> wardsOf(Actor actor) {
		return this.volunteers.findByAccount(actor.accountId())
			.map((me) -> this.volunteers.wardsOf(me.id()))
			.orElse(List.of());
	}

	/** The qualifications a volunteer holds, for sign-up rules; no access check. */
	public List<Qualification> qualificationsOf(UUID volunteerId) {
		return this.volunteers.qualificationsOf(volunteerId);
	}

	/**
	 * Checks that the volunteer holds every qualification a position requires, confirmed
	 * or granted and valid through the day the activity ends; no access check.
	 * @throws ProblemException 422 {@code REQUIREMENT_NOT_MET} with a sentence that says
	 * which one is missing and why ("急救证书已于 3 天前过期")
	 * @see QualificationCodes#require
	 */
	public void requireQualifications(UUID volunteerId, List<String> required, OffsetDateTime endsAt) {
		this.qualificationCodes.require(volunteerId, required, endsAt);
	}

	/**
	 * The caller's own volunteer record; 404 {@code NOT_A_VOLUNTEER} for staff accounts.
	 */
	public VolunteerView mine(Actor actor) {
		return this.volunteers.findByAccount(actor.accountId())
			.orElseThrow(() -> ProblemException.notFound("NOT_A_VOLUNTEER", "volunteer.notAVolunteer"));
	}

	/** Another person's volunteer record, for those allowed; the read is audited. */
	public VolunteerView read(Actor actor, UUID volunteerId) {
		VolunteerView volunteer = this.volunteers.findById(volunteerId)
			.orElseThrow(() -> ProblemException.notFound("VOLUNTEER_NOT_FOUND", "volunteer.notFound"));
		this.accessPolicy.check(actor, Access.READ, scopeOf(volunteer));
		return volunteer;
	}

	/**
	 * Volunteers of a region and below for its operators and auditors, by name, volunteer
	 * number or phone; every search is audited as a read of personal data.
	 */
	public org.zhiyuan.shared.PageResult<VolunteerView> search(Actor actor, String regionCode, String text,
			org.zhiyuan.shared.PageQuery page) {
		if (regionCode == null || !this.regions.exists(regionCode) || !this.accessPolicy.oversees(actor, regionCode)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		if (text != null && text.length() > 50) {
			throw ProblemException.invalid(List.of(new FieldProblem("q", "validation.text50")));
		}
		org.zhiyuan.shared.PageResult<VolunteerView> result = this.volunteers.search(Regions.prefixOf(regionCode), text,
				page);
		this.auditLog.record(AuditRecord.of("personal-data.search", actor.accountId())
			.on("volunteer-search", regionCode)
			.inRegion(regionCode)
			.withDetail("results " + result.items().size()));
		return result;
	}

	public VolunteerProfile profile(Actor actor, UUID volunteerId) {
		return profileOf(read(actor, volunteerId));
	}

	public VolunteerProfile myProfile(Actor actor) {
		return profileOf(mine(actor));
	}

	/** What the access policy needs to decide on this volunteer's data. */
	public ScopedObject scopeOf(VolunteerView volunteer) {
		return new ScopedObject("volunteer", volunteer.id().toString(), volunteer.accountId(), volunteer.regionCode(),
				this.memberships.activeOrganizationsOf(volunteer.id()));
	}

	@Transactional
	public VolunteerProfile changeProfile(Actor actor, ProfileChange change) {
		return changeProfile(actor, change, false);
	}

	/**
	 * Changes the profile; with {@code keepEmergencyContact} the emergency contact held
	 * stays as it is, whatever the change says (a page that edits the other parts only
	 * and never sees the full phone number).
	 */
	@Transactional
	public VolunteerProfile changeProfile(Actor actor, ProfileChange change, boolean keepEmergencyContact) {
		VolunteerView volunteer = mine(actor);
		if (keepEmergencyContact) {
			change = new ProfileChange(change.regionCode(), change.categories(), change.fields(), change.skills(),
					change.languages(), change.availability(),
					this.volunteers.emergencyContactOf(volunteer.id()).orElse(null));
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (change.regionCode() == null || !this.regions.exists(change.regionCode())
				|| Regions.NATIONAL.equals(change.regionCode())) {
			problems.add(new FieldProblem("regionCode", "validation.regionCode"));
		}
		checkList(problems, "skills", change.skills(), 30);
		checkList(problems, "languages", change.languages(), 30);
		checkEntries(problems, "categories", change.categories());
		checkEntries(problems, "fields", change.fields());
		checkEntries(problems, "availability", change.availability());
		Contact emergency = change.emergencyContact();
		if (emergency != null && (emergency.name() != null || emergency.phone() != null)) {
			if (emergency.name() == null || emergency.name().isBlank() || emergency.name().length() > 50) {
				problems.add(new FieldProblem("emergencyContact.name", "validation.volunteer.name"));
			}
			if (!PhoneNumbers.isMainlandMobile(PhoneNumbers.normalize(emergency.phone()))) {
				problems.add(new FieldProblem("emergencyContact.phone", "validation.phone"));
			}
		}
		else {
			emergency = null;
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		this.volunteers.updateProfile(volunteer.id(), change.regionCode(), (emergency != null)
				? new Contact(emergency.name().strip(), PhoneNumbers.normalize(emergency.phone())) : null);
		this.volunteers.replaceAttributes(volunteer.id(), AttributeKind.CATEGORY, names(change.categories()));
		this.volunteers.replaceAttributes(volunteer.id(), AttributeKind.FIELD, names(change.fields()));
		this.volunteers.replaceAttributes(volunteer.id(), AttributeKind.SKILL, stripped(change.skills()));
		this.volunteers.replaceAttributes(volunteer.id(), AttributeKind.LANGUAGE, stripped(change.languages()));
		this.volunteers.replaceAttributes(volunteer.id(), AttributeKind.AVAILABILITY, names(change.availability()));
		this.auditLog.record(AuditRecord.of("volunteer.profile.change", actor.accountId())
			.on("volunteer", volunteer.id())
			.inRegion(change.regionCode()));
		this.events.publishEvent(new VolunteerProfileChanged(volunteer.id(), change.regionCode(),
				(change.categories() != null) ? Set.copyOf(change.categories()) : Set.of()));
		return myProfile(actor);
	}

	@Transactional
	public Qualification addQualification(Actor actor, String name, String issuer, LocalDate expiresOn) {
		VolunteerView volunteer = mine(actor);
		List<FieldProblem> problems = new ArrayList<>();
		if (name == null || name.isBlank() || name.length() > 100) {
			problems.add(new FieldProblem("name", "validation.text100"));
		}
		if (issuer != null && issuer.length() > 100) {
			problems.add(new FieldProblem("issuer", "validation.text100"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		Qualification qualification = new Qualification(Ids.newId(), name.strip(),
				(issuer != null && !issuer.isBlank()) ? issuer.strip() : null, expiresOn,
				QualificationStatus.SELF_DECLARED, null);
		this.volunteers.insertQualification(volunteer.id(), qualification, now());
		return qualification;
	}

	/**
	 * Whether the actor may confirm the volunteer's qualifications: an admin of an
	 * organization the volunteer is an active member of, or an operator of their region.
	 */
	public boolean mayConfirmQualifications(Actor actor, VolunteerView volunteer) {
		return actor != null && !actor.accountId().equals(volunteer.accountId())
				&& this.accessPolicy.allows(actor, Access.MANAGE, scopeOf(volunteer));
	}

	/**
	 * Confirms a qualification the volunteer typed in, so that it meets positions'
	 * requirements: for an admin of an organization the volunteer is an active member of,
	 * or an operator of their region, never the volunteer themselves; audited.
	 * @throws ProblemException 403 for anyone else, 404 {@code QUALIFICATION_NOT_FOUND},
	 * 409 {@code QUALIFICATION_CONFIRMED} when it was confirmed or granted already
	 */
	@Transactional
	public Qualification confirmQualification(Actor actor, UUID volunteerId, UUID qualificationId) {
		VolunteerView volunteer = this.volunteers.findById(volunteerId)
			.orElseThrow(() -> ProblemException.notFound("VOLUNTEER_NOT_FOUND", "volunteer.notFound"));
		if (actor.accountId().equals(volunteer.accountId())) {
			throw ProblemException.forbidden("volunteer.qualification.notYourOwn");
		}
		this.accessPolicy.check(actor, Access.MANAGE, scopeOf(volunteer));
		Qualification qualification = this.volunteers.lockQualification(volunteerId, qualificationId)
			.orElseThrow(() -> ProblemException.notFound("QUALIFICATION_NOT_FOUND", "volunteer.qualificationNotFound"));
		if (qualification.status() != QualificationStatus.SELF_DECLARED) {
			throw ProblemException.conflict("QUALIFICATION_CONFIRMED", "volunteer.qualification.confirmedAlready");
		}
		this.volunteers.confirmQualification(qualificationId, actor.accountId(), now());
		this.auditLog.record(AuditRecord.of("volunteer.qualification.confirm", actor.accountId())
			.on("volunteer", volunteerId)
			.inRegion(volunteer.regionCode())
			.withDetail("qualification " + qualificationId));
		return this.volunteers.lockQualification(volunteerId, qualificationId).orElseThrow();
	}

	@Transactional
	public void removeQualification(Actor actor, UUID qualificationId) {
		if (this.volunteers.deleteQualification(mine(actor).id(), qualificationId) == 0) {
			throw ProblemException.notFound("QUALIFICATION_NOT_FOUND", "volunteer.qualificationNotFound");
		}
	}

	/** Records that a party member reported to a community (在职党员到社区报到). */
	@Transactional
	public PartyReportIn reportToCommunity(Actor actor, String regionCode, String communityName, LocalDate reportedOn) {
		VolunteerView volunteer = mine(actor);
		List<FieldProblem> problems = new ArrayList<>();
		if (regionCode == null || !this.regions.exists(regionCode) || Regions.NATIONAL.equals(regionCode)) {
			problems.add(new FieldProblem("regionCode", "validation.regionCode"));
		}
		if (communityName == null || communityName.isBlank() || communityName.length() > 100) {
			problems.add(new FieldProblem("communityName", "validation.text100"));
		}
		if (reportedOn == null || reportedOn.isAfter(VolunteerRegistration.today())) {
			problems.add(new FieldProblem("reportedOn", "validation.pastDate"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		PartyReportIn report = new PartyReportIn(Ids.newId(), regionCode, communityName.strip(), reportedOn);
		this.volunteers.insertReportIn(volunteer.id(), report, now());
		List<String> categories = addTo(this.volunteers.attributesOf(volunteer.id()).get(AttributeKind.CATEGORY),
				VolunteerCategory.PARTY_MEMBER.name());
		this.volunteers.replaceAttributes(volunteer.id(), AttributeKind.CATEGORY, categories);
		this.events.publishEvent(new VolunteerProfileChanged(volunteer.id(), volunteer.regionCode(),
				categories.stream().map(VolunteerCategory::valueOf).collect(Collectors.toSet())));
		return report;
	}

	/**
	 * Everything held on the caller, for their own download: the profile and memberships,
	 * and what every module holds on them; the export is audited.
	 */
	public VolunteerDataExport export(Actor actor) {
		VolunteerProfile profile = myProfile(actor);
		PersonalDataSource.Subject subject = new PersonalDataSource.Subject(actor.accountId(),
				profile.volunteer().id());
		List<PersonalDataSection> sections = this.personalData.orderedStream()
			.flatMap((source) -> source.sectionsOf(subject).stream())
			.toList();
		this.auditLog.record(AuditRecord.of("volunteer.export", actor.accountId())
			.on("volunteer", profile.volunteer().id())
			.inRegion(profile.volunteer().regionCode()));
		return new VolunteerDataExport(profile, this.memberships.membershipsOf(profile.volunteer().id()), now(),
				sections);
	}

	/**
	 * Deregistration (注销): the account closes, service records stay (they are kept at
	 * least 10 years), and everything else personal is erased. The password confirms the
	 * wish.
	 */
	@Transactional
	public void deregister(Actor actor, String password) {
		VolunteerView volunteer = mine(actor);
		if (!this.accounts.passwordMatches(actor.accountId(), password)) {
			throw ProblemException.invalid(List.of(new FieldProblem("password", "validation.currentPassword")));
		}
		this.volunteers.erasePersonalData(volunteer.id(), now());
		this.accounts.close(actor.accountId());
		this.auditLog.record(AuditRecord.of("volunteer.deregister", actor.accountId())
			.on("volunteer", volunteer.id())
			.inRegion(volunteer.regionCode()));
		this.events.publishEvent(new VolunteerDeregistered(volunteer.id(), actor.accountId()));
	}

	private VolunteerProfile profileOf(VolunteerView volunteer) {
		Map<AttributeKind, List<String>> attributes = this.volunteers.attributesOf(volunteer.id());
		return new VolunteerProfile(volunteer,
				attributes.get(AttributeKind.CATEGORY).stream().map(VolunteerCategory::valueOf).toList(),
				attributes.get(AttributeKind.FIELD).stream().map(ProfessionalField::valueOf).toList(),
				attributes.get(AttributeKind.SKILL), attributes.get(AttributeKind.LANGUAGE),
				attributes.get(AttributeKind.AVAILABILITY).stream().map(AvailabilitySlot::valueOf).sorted().toList(),
				this.volunteers.emergencyContactOf(volunteer.id())
					.map((c) -> new Contact(c.name(), PhoneNumbers.mask(c.phone())))
					.orElse(null),
				this.volunteers.qualificationsOf(volunteer.id()), this.volunteers.reportInsOf(volunteer.id()),
				this.volunteers.guardianOf(volunteer.id()).orElse(null));
	}

	private static void checkList(List<FieldProblem> problems, String field, List<String> values, int maxLength) {
		if (values != null && (values.size() > MAX_LIST
				|| values.stream().anyMatch((v) -> v == null || v.isBlank() || v.length() > maxLength))) {
			problems.add(new FieldProblem(field, "validation.list", MAX_LIST, maxLength));
		}
	}

	private static void checkEntries(List<FieldProblem> problems, String field, List<?> values) {
		// immutable lists refuse contains(null), so look at each entry
		if (values != null && values.stream().anyMatch(java.util.Objects::isNull)) {
			problems.add(new FieldProblem(field, "validation.required"));
		}
	}

	private static List<String> names(List<? extends Enum<?>> values) {
		return (values != null) ? values.stream().map(Enum::name).toList() : List.of();
	}

	private static List<String> stripped(List<String> values) {
		return (values != null) ? values.stream().map(String::strip).toList() : List.of();
	}

	private static List<String> addTo(List<String> values, String value) {
		List<String> result = new ArrayList<>(values);
		if (!result.contains(value)) {
			result.add(value);
		}
		return result;
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
