package org.zhiyuan.volunteer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.zhiyuan.access.Grant;
import org.zhiyuan.account.AccountManagement;
import org.zhiyuan.account.AccountView;
import org.zhiyuan.account.Passwords;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.privacy.PersonalDataCipher;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.DeadlockRetry;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.identity.Gender;
import org.zhiyuan.shared.identity.IdCheck;
import org.zhiyuan.shared.identity.IdNumbers;
import org.zhiyuan.shared.identity.IdType;
import org.zhiyuan.shared.identity.PhoneNumbers;
import org.zhiyuan.volunteer.VolunteerRepository.StoredVolunteer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Real-name registration. Every field is checked and every failure reported at once; then
 * the ID number must be new (409 {@code VOLUNTEER_EXISTS}) and so must the phone number,
 * which becomes the username (409 {@code PHONE_REGISTERED}). The account, the volunteer,
 * the guardian's consent and the audit entry are written in one transaction.
 */
@Service
public class VolunteerRegistration {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final int MAX_SKILLS = 20;

	private final VolunteerRepository volunteers;

	private final AccountManagement accounts;

	private final PersonalDataCipher cipher;

	private final Regions regions;

	private final VolunteerProperties properties;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	VolunteerRegistration(VolunteerRepository volunteers, AccountManagement accounts, PersonalDataCipher cipher,
			Regions regions, VolunteerProperties properties, AuditLog auditLog, ApplicationEventPublisher events,
			PlatformTransactionManager transactions) {
		this.volunteers = volunteers;
		this.accounts = accounts;
		this.cipher = cipher;
		this.regions = regions;
		this.properties = properties;
		this.auditLog = auditLog;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
	}

	public VolunteerView register(NewVolunteer request) {
		Checked checked = check(request);
		if (this.volunteers.fingerprintExists(checked.fingerprint())) {
			throw ProblemException.conflict("VOLUNTEER_EXISTS", "volunteer.exists");
		}
		if (this.volunteers.phoneExists(checked.phone()) || this.accounts.usernameExists(checked.phone())) {
			throw ProblemException.conflict("PHONE_REGISTERED", "volunteer.phoneRegistered");
		}
		try {
			// simultaneous registrations write the same directory tables: one that lost a
			// deadlock tries again and meets the winner's rows as a duplicate
			return DeadlockRetry.run(() -> this.transaction.execute((status) -> store(request, checked)));
		}
		catch (DuplicateKeyException ex) {
			// lost a race with a simultaneous registration of the same person or phone
			if (this.volunteers.fingerprintExists(checked.fingerprint())) {
				throw ProblemException.conflict("VOLUNTEER_EXISTS", "volunteer.exists");
			}
			throw ProblemException.conflict("PHONE_REGISTERED", "volunteer.phoneRegistered");
		}
		catch (ProblemException ex) {
			if ("USERNAME_TAKEN".equals(ex.code())) {
				throw ProblemException.conflict("PHONE_REGISTERED", "volunteer.phoneRegistered");
			}
			throw ex;
		}
	}

	/** Checks a registration without storing it: the rules that bulk import shares. */
	public List<FieldProblem> problemsOf(NewVolunteer request) {
		try {
			check(request);
			return List.of();
		}
		catch (ProblemException ex) {
			return ex.fieldProblems();
		}
	}

	/**
	 * The volunteer already registered with this document, if any: how a bulk import
	 * tells a returning person from a new one without ever comparing plain ID numbers.
	 */
	public java.util.Optional<VolunteerView> findRegistered(IdType type, String idNumber) {
		if (type == null) {
			return java.util.Optional.empty();
		}
		IdCheck id = IdNumbers.check(type, idNumber, today(), this::provinceExists);
		if (!id.valid()) {
			return java.util.Optional.empty();
		}
		return this.volunteers.findByFingerprint(this.cipher.fingerprint(type.name() + ":" + id.normalized()));
	}

	/**
	 * The volunteer's ID number bound to a salt without giving it away: the hex SHA-256
	 * of the salt followed by the normalized number (UTF-8), as a transfer package binds
	 * its holder. The number never leaves this module; empty for someone whose number was
	 * erased (deregistered).
	 */
	public java.util.Optional<String> holderDigest(java.util.UUID volunteerId, String salt) {
		return this.volunteers.sealedIdNumber(volunteerId).map((sealed) -> {
			try {
				byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
					.digest((salt + this.cipher.open(sealed)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
				return java.util.HexFormat.of().formatHex(digest);
			}
			catch (java.security.NoSuchAlgorithmException ex) {
				throw new IllegalStateException("SHA-256 is part of every Java platform", ex);
			}
		});
	}

	/** The current privacy policy and oath, which a registration has to accept. */
	public VolunteerProperties terms() {
		return this.properties;
	}

	private VolunteerView store(NewVolunteer request, Checked checked) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		String name = request.name().strip();
		AccountView account = this.accounts.create(checked.phone(), request.password(), name, Set.of(Grant.volunteer()),
				null);
		String number;
		do {
			number = VolunteerNumbers.next(request.regionCode(), LocalDate.now(CHINA));
		}
		while (this.volunteers.numberExists(number));
		StoredVolunteer volunteer = new StoredVolunteer(Ids.newId(), account.id(), number, name, request.idType(),
				this.cipher.seal(checked.id().normalized()), checked.fingerprint(),
				IdNumbers.mask(checked.id().normalized()), checked.gender(), checked.birthDate(), checked.phone(),
				request.regionCode(), this.properties.privacyPolicyVersion(), this.properties.oathVersion(), now);
		this.volunteers.insert(volunteer);
		if (checked.minor()) {
			NewVolunteer.Guardian guardian = request.guardian();
			String guardianId = IdNumbers.check(IdType.RESIDENT_ID, guardian.idNumber(), today(), this::provinceExists)
				.normalized();
			this.volunteers.insertGuardian(volunteer.id(), guardian.name().strip(),
					PhoneNumbers.normalize(guardian.phone()), this.cipher.seal(guardianId), IdNumbers.mask(guardianId),
					now);
		}
		List<String> skills = (request.skills() != null) ? request.skills().stream().map(String::strip).toList()
				: List.of();
		this.volunteers.replaceAttributes(volunteer.id(), AttributeKind.SKILL, skills);
		this.auditLog.record(AuditRecord.of("volunteer.register", account.id())
			.on("volunteer", volunteer.id())
			.inRegion(request.regionCode())
			.withDetail(checked.minor() ? "minor with guardian consent" : null));
		this.events.publishEvent(new VolunteerRegistered(volunteer.id(), account.id(), request.regionCode()));
		return this.volunteers.findById(volunteer.id()).orElseThrow();
	}

	private Checked check(NewVolunteer request) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate today = today();
		String name = request.name();
		if (name == null || name.isBlank()) {
			problems.add(new FieldProblem("name", "validation.required"));
		}
		else if (!isPlausibleName(name.strip())) {
			problems.add(new FieldProblem("name", "validation.volunteer.name"));
		}
		IdCheck id = null;
		if (request.idType() == null) {
			problems.add(new FieldProblem("idType", "validation.required"));
		}
		else {
			id = IdNumbers.check(request.idType(), request.idNumber(), today, this::provinceExists);
			if (!id.valid()) {
				problems.add(new FieldProblem("idNumber", "validation.idNumber." + id.problem().name()));
			}
		}
		LocalDate birthDate = (id != null && id.birthDate() != null) ? id.birthDate() : request.birthDate();
		Gender gender = (id != null && id.gender() != null) ? id.gender() : request.gender();
		if (id != null && id.valid() && id.birthDate() == null) {
			if (request.birthDate() == null) {
				problems.add(new FieldProblem("birthDate", "validation.required"));
			}
			else if (request.birthDate().isAfter(today) || request.birthDate().getYear() < 1900) {
				problems.add(new FieldProblem("birthDate", "validation.birthDate"));
			}
			if (request.gender() == null) {
				problems.add(new FieldProblem("gender", "validation.required"));
			}
		}
		boolean minor = false;
		if (birthDate != null && !birthDate.isAfter(today)) {
			int age = Period.between(birthDate, today).getYears();
			String field = (id != null && id.birthDate() != null) ? "idNumber" : "birthDate";
			if (age < VolunteerProperties.MINIMUM_AGE) {
				problems.add(new FieldProblem(field, "validation.volunteer.tooYoung", VolunteerProperties.MINIMUM_AGE));
			}
			minor = age < VolunteerProperties.ADULT_AGE;
		}
		String phone = PhoneNumbers.normalize(request.phone());
		if (request.phone() == null || request.phone().isBlank()) {
			problems.add(new FieldProblem("phone", "validation.required"));
		}
		else if (!PhoneNumbers.isMainlandMobile(phone)) {
			problems.add(new FieldProblem("phone", "validation.phone"));
		}
		problems.addAll(Passwords.problems("password", request.password()));
		if (request.regionCode() == null || request.regionCode().isBlank()) {
			problems.add(new FieldProblem("regionCode", "validation.required"));
		}
		else if (!this.regions.exists(request.regionCode()) || Regions.NATIONAL.equals(request.regionCode())) {
			problems.add(new FieldProblem("regionCode", "validation.regionCode"));
		}
		List<String> skills = (request.skills() != null) ? request.skills() : List.of();
		if (skills.size() > MAX_SKILLS
				|| skills.stream().anyMatch((s) -> s == null || s.isBlank() || s.length() > 30)) {
			problems.add(new FieldProblem("skills", "validation.skills", MAX_SKILLS));
		}
		if (!this.properties.privacyPolicyVersion().equals(request.privacyPolicyVersion())) {
			problems.add(new FieldProblem("consents.privacyPolicy", "validation.consent.privacyPolicy",
					this.properties.privacyPolicyVersion()));
		}
		if (!Boolean.TRUE.equals(request.oath())) {
			problems.add(new FieldProblem("consents.oath", "validation.consent.oath"));
		}
		if (minor) {
			problems.addAll(guardianProblems(request.guardian(), today));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		String fingerprint = this.cipher.fingerprint(request.idType().name() + ":" + id.normalized());
		return new Checked(id, fingerprint, phone, birthDate, gender, minor);
	}

	private List<FieldProblem> guardianProblems(NewVolunteer.Guardian guardian, LocalDate today) {
		List<FieldProblem> problems = new ArrayList<>();
		if (guardian == null) {
			problems.add(new FieldProblem("guardian", "validation.guardian.required", VolunteerProperties.ADULT_AGE));
			return problems;
		}
		if (guardian.name() == null || guardian.name().isBlank() || !isPlausibleName(guardian.name().strip())) {
			problems.add(new FieldProblem("guardian.name", "validation.volunteer.name"));
		}
		if (!PhoneNumbers.isMainlandMobile(PhoneNumbers.normalize(guardian.phone()))) {
			problems.add(new FieldProblem("guardian.phone", "validation.phone"));
		}
		IdCheck id = IdNumbers.check(IdType.RESIDENT_ID, guardian.idNumber(), today, this::provinceExists);
		if (!id.valid()) {
			problems.add(new FieldProblem("guardian.idNumber", "validation.idNumber." + id.problem().name()));
		}
		else if (Period.between(id.birthDate(), today).getYears() < VolunteerProperties.ADULT_AGE) {
			problems.add(new FieldProblem("guardian.idNumber", "validation.guardian.adult"));
		}
		return problems;
	}

	private boolean provinceExists(String twoDigits) {
		return this.regions.exists(twoDigits + "0000");
	}

	static LocalDate today() {
		return LocalDate.now(CHINA);
	}

	/**
	 * Chinese names, and foreign names with Latin letters, spaces, dots and the middle
	 * dot.
	 */
	static boolean isPlausibleName(String name) {
		if (name.length() > 50) {
			return false;
		}
		return name.codePoints()
			.allMatch((c) -> Character.isLetter(c) || c == ' ' || c == '·' || c == '.' || c == '-' || c == '\'');
	}

	private record Checked(IdCheck id, String fingerprint, String phone, LocalDate birthDate, Gender gender,
			boolean minor) {

	}

}
