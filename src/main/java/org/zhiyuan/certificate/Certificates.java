package org.zhiyuan.certificate;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.PdfPKCS7;
import com.lowagie.text.pdf.PdfReader;
import org.zhiyuan.access.Access;
import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Role;
import org.zhiyuan.access.ScopedObject;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditOutcome;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.certificate.CertificateRepository.NewEntry;
import org.zhiyuan.certificate.CertificateRepository.Stored;
import org.zhiyuan.commendation.Commendations;
import org.zhiyuan.evaluation.EvaluationFacts;
import org.zhiyuan.evaluation.Evaluations;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.record.ServiceRecordView;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.identity.PersonNames;
import org.zhiyuan.shared.web.PublicUrl;
import org.zhiyuan.training.TrainingResults;
import org.zhiyuan.training.TrainingViews.TrainingRecordView;
import org.zhiyuan.volunteer.Qualification;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Service record certificates (志愿服务记录证明, 办法 2020 arts. 14-17): a volunteer prints their
 * own, free, at any time; an organization certifies the records it made (谁记录谁证明), and for
 * a dissolved organization its successor or parent does. Every certificate is rendered
 * once, signed, and kept byte for byte in the registry, where anyone can verify it by
 * number or by uploading the file.
 */
@Service
public class Certificates {

	/** The earliest first day of a period: the platform holds no older records. */
	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	/** Seals larger than this are refused: a seal is a small image. */
	static final int MAX_SEAL_BYTES = 512 * 1024;

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final CertificateRepository certificates;

	private final CertificatePdf pdf;

	private final Volunteers volunteers;

	private final ServiceRecords records;

	private final Organizations organizations;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final Notifications notifications;

	private final MessageSource messages;

	private final CertificateProperties properties;

	private final PublicUrl publicUrl;

	private final TransactionTemplate transaction;

	private final TrainingResults training;

	private final Semaphore renderers;

	private final Evaluations evaluations;

	private final Commendations commendations;

	Certificates(CertificateRepository certificates, CertificatePdf pdf, Volunteers volunteers, ServiceRecords records,
			Organizations organizations, AccessPolicy accessPolicy, AuditLog auditLog, Notifications notifications,
			MessageSource messages, CertificateProperties properties, PublicUrl publicUrl,
			TransactionTemplate transaction, TrainingResults training, Evaluations evaluations,
			Commendations commendations) {
		this.evaluations = evaluations;
		this.commendations = commendations;
		this.certificates = certificates;
		this.pdf = pdf;
		this.volunteers = volunteers;
		this.records = records;
		this.organizations = organizations;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
		this.notifications = notifications;
		this.messages = messages;
		this.properties = properties;
		this.publicUrl = publicUrl;
		this.transaction = transaction;
		this.training = training;
		this.renderers = new Semaphore(properties.renderers(), true);
	}

	/**
	 * Issues a certificate: the volunteer for themselves, or an admin of an organization
	 * that certifies some of the volunteer's records. With an idempotency key a repeat
	 * returns the first certificate.
	 */
	public CertificateView issue(Actor actor, CertificateRequest request, String key) {
		String idempotencyKey = (key != null && !key.isBlank()) ? key.strip() : null;
		List<FieldProblem> problems = validate(request, idempotencyKey);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		if (idempotencyKey != null) {
			Optional<Stored> earlier = this.certificates.findByIdempotencyKey(request.volunteerId(), actor.accountId(),
					idempotencyKey);
			if (earlier.isPresent()) {
				return earlier.get().view();
			}
		}
		VolunteerView volunteer = this.volunteers.find(request.volunteerId())
			.orElseThrow(() -> ProblemException.notFound("VOLUNTEER_NOT_FOUND", "volunteer.notFound"));
		boolean own = volunteer.accountId().equals(actor.accountId());
		Map<UUID, Optional<UUID>> certifiers = new HashMap<>();
		UUID organizationId = own ? request.organizationId()
				: organizationOfAdmin(actor, volunteer, request, certifiers);
		OrganizationView organization = null;
		if (organizationId != null) {
			organization = this.organizations.find(organizationId)
				.orElseThrow(() -> ProblemException
					.invalid(List.of(new FieldProblem("organizationId", "certificate.organizationUnknown"))));
		}
		List<ServiceRecordView> certified = this.records
			.recordsForCertificate(volunteer.id(), request.from(), request.to())
			.stream()
			.filter((record) -> organizationId == null
					|| certifier(record.organizationId(), certifiers).filter(organizationId::equals).isPresent())
			.toList();
		if (certified.isEmpty()) {
			throw ProblemException.unprocessable("NO_RECORDS", "certificate.noRecords");
		}
		byte[] seal = null;
		if (request.seal()) {
			if (organizationId == null) {
				throw ProblemException.invalid(List.of(new FieldProblem("seal", "certificate.sealNeedsOrganization")));
			}
			seal = this.certificates.sealOf(organizationId)
				.orElseThrow(() -> ProblemException.invalid(List.of(new FieldProblem("seal", "certificate.noSeal"))));
		}
		Locale locale = localeOf(request.language());
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
		String issuerName = (organization != null) ? organization.name() : (locale.getLanguage().equals("zh")
				? this.properties.platformName() : this.properties.platformNameEn());
		EvaluationFacts evaluations = this.evaluations.factsOf(certified.stream().map(ServiceRecordView::id).toList());
		List<CertificateContent.Line> lines = lines(certified, certifiers, evaluations, locale);
		List<String> awards = awards(volunteer, locale);
		BigDecimal total = lines.stream()
			.map(CertificateContent.Line::hours)
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.setScale(2);
		String root = this.publicUrl.base();
		NewEntry entry = new NewEntry(volunteer.id(), own ? IssuerKind.VOLUNTEER : IssuerKind.ORGANIZATION,
				organizationId, actor.accountId(), PersonNames.mask(volunteer.name()), idempotencyKey);
		for (int attempt = 1;; attempt++) {
			String number = CertificateNumbers.next(now.atZoneSameInstant(CHINA).getYear());
			CertificateContent content = new CertificateContent(number, locale, volunteer.name(),
					"gender." + volunteer.gender().name(), volunteer.idNumberMasked(), volunteer.volunteerNumber(),
					request.from(), request.to(), lines, total, trainings(volunteer, locale), volunteer.starLevel(),
					awards, evaluations.count(), evaluations.average(), issuerName, own, now,
					root + "/verify/" + number, seal);
			byte[] file = render(content);
			try {
				this.transaction.executeWithoutResult(
						(status) -> this.certificates.insert(Ids.newId(), content, entry, sha256(file), file));
			}
			catch (DuplicateKeyException ex) {
				if (idempotencyKey != null) {
					Optional<Stored> earlier = this.certificates.findByIdempotencyKey(volunteer.id(), actor.accountId(),
							idempotencyKey);
					if (earlier.isPresent()) {
						return earlier.get().view();
					}
				}
				if (attempt < 3) {
					continue;
				}
				throw ex;
			}
			this.auditLog.record(AuditRecord.of("certificate.issue", actor.accountId())
				.on("certificate", number)
				.inRegion(volunteer.regionCode())
				.inOrganization(organizationId)
				.withDetail("records " + lines.size()));
			if (!own) {
				this.notifications.send(new NotificationRequest(volunteer.accountId(), NotificationKind.CERTIFICATE,
						"certificate.notice.issued", List.of(issuerName, number), "/me/certificates", null));
			}
			return this.certificates.find(number).orElseThrow().view();
		}
	}

	/** The signed PDF as issued, for its volunteer, its issuer and their overseers. */
	public byte[] pdf(Actor actor, String number) {
		Stored stored = require(number);
		this.accessPolicy.check(actor, Access.READ, scopeOf(stored));
		return this.certificates.pdfOf(stored.view().number()).orElseThrow();
	}

	/** A registry entry, for its volunteer, its issuer and their overseers. */
	public CertificateView view(Actor actor, String number) {
		Stored stored = require(number);
		this.accessPolicy.check(actor, Access.READ, scopeOf(stored));
		return stored.view();
	}

	/** What anyone may learn from a certificate's number; 404 for an unknown number. */
	public CertificateVerification verification(String number) {
		return verificationOf(require(number));
	}

	/**
	 * Compares an uploaded PDF with the registry: identical to an issued file, altered
	 * (it names a certificate but is not the issued file), or unknown.
	 */
	public UploadCheck checkUpload(byte[] file) {
		if (file == null || file.length == 0) {
			throw ProblemException.invalid(List.of(new FieldProblem("file", "validation.required")));
		}
		Optional<Stored> identical = this.certificates.findByPdfHash(sha256(file));
		String claimed;
		boolean signatureValid;
		try {
			PdfReader reader = new PdfReader(file);
			claimed = reader.getInfo().get(CertificatePdf.NUMBER_KEY);
			signatureValid = platformSignatureIntact(reader);
			reader.close();
		}
		catch (IOException | RuntimeException ex) {
			return new UploadCheck(UploadCheck.Outcome.NOT_A_PDF, false, null);
		}
		if (identical.isPresent()) {
			return new UploadCheck(UploadCheck.Outcome.MATCH, signatureValid, verificationOf(identical.get()));
		}
		Optional<Stored> named = Optional.ofNullable(claimed)
			.flatMap(CertificateNumbers::normalize)
			.flatMap(this.certificates::find);
		return named
			.map((stored) -> new UploadCheck(UploadCheck.Outcome.ALTERED, signatureValid, verificationOf(stored)))
			.orElseGet(() -> new UploadCheck(UploadCheck.Outcome.UNKNOWN, signatureValid, null));
	}

	/**
	 * Revokes a certificate with a reason: its volunteer (for one they printed), an admin
	 * of its organization, or an operator of the volunteer's region.
	 */
	public CertificateView revoke(Actor actor, String number, String reason) {
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			throw ProblemException.invalid(List.of(new FieldProblem("reason", "validation.reason")));
		}
		Stored stored = require(number);
		CertificateView view = stored.view();
		boolean own = view.issuerKind() == IssuerKind.VOLUNTEER
				&& stored.volunteerAccountId().equals(actor.accountId());
		boolean admin = view.organizationId() != null && this.organizations.isAdmin(actor, view.organizationId());
		if (!own && !admin && !this.accessPolicy.operates(actor, stored.volunteerRegion())) {
			this.auditLog.record(AuditRecord.of("certificate.revoke", actor.accountId())
				.on("certificate", view.number())
				.withOutcome(AuditOutcome.DENIED));
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		if (!this.certificates.revoke(view.number(), actor.accountId(), reason.strip(),
				OffsetDateTime.now(ZoneOffset.UTC))) {
			throw ProblemException.conflict("ALREADY_REVOKED", "certificate.alreadyRevoked");
		}
		this.auditLog.record(AuditRecord.of("certificate.revoke", actor.accountId())
			.on("certificate", view.number())
			.inRegion(stored.volunteerRegion())
			.inOrganization(view.organizationId()));
		if (!stored.volunteerAccountId().equals(actor.accountId())) {
			this.notifications.send(new NotificationRequest(stored.volunteerAccountId(), NotificationKind.CERTIFICATE,
					"certificate.notice.revoked", List.of(view.number(), reason.strip()), "/me/certificates", null));
		}
		return require(view.number()).view();
	}

	public PageResult<CertificateView> mine(Actor actor, PageQuery page) {
		return this.certificates.ofVolunteer(this.volunteers.mine(actor).id(), page).map(Stored::view);
	}

	/**
	 * The certificates an organization issued or its volunteers printed under its name.
	 */
	public PageResult<CertificateView> ofOrganization(Actor actor, UUID organizationId, PageQuery page) {
		requireAdminOrOverseer(actor, organizationId);
		return this.certificates.ofOrganization(organizationId, page).map(Stored::view);
	}

	/**
	 * The organizations that certify some of the volunteer's records, for the volunteer
	 * to choose from, with whether each has a seal.
	 */
	public List<Certifier> certifiersOf(Actor actor) {
		VolunteerView volunteer = this.volunteers.mine(actor);
		Map<UUID, Optional<UUID>> certifiers = new HashMap<>();
		Map<UUID, Certifier> found = new LinkedHashMap<>();
		for (ServiceRecordView record : allRecordsOf(volunteer)) {
			certifier(record.organizationId(), certifiers).ifPresent((id) -> found.computeIfAbsent(id,
					(key) -> this.organizations.find(key)
						.map((org) -> new Certifier(org.id(), org.name(), this.certificates.sealOf(key).isPresent()))
						.orElse(null)));
		}
		return found.values().stream().filter(java.util.Objects::nonNull).toList();
	}

	/** Uploads or replaces an organization's seal (PNG or JPEG, at most 512 KB). */
	public void uploadSeal(Actor actor, UUID organizationId, byte[] image) {
		requireAdmin(actor, organizationId);
		String type = imageType(image);
		this.certificates.saveSeal(organizationId, image, type, actor.accountId(), OffsetDateTime.now(ZoneOffset.UTC));
		this.auditLog.record(AuditRecord.of("certificate.seal-upload", actor.accountId())
			.on("organization", organizationId)
			.inOrganization(organizationId));
	}

	public void removeSeal(Actor actor, UUID organizationId) {
		requireAdmin(actor, organizationId);
		if (this.certificates.removeSeal(organizationId)) {
			this.auditLog.record(AuditRecord.of("certificate.seal-remove", actor.accountId())
				.on("organization", organizationId)
				.inOrganization(organizationId));
		}
	}

	/** The seal image, for the organization's admins and overseers. */
	public Optional<byte[]> seal(Actor actor, UUID organizationId) {
		requireAdminOrOverseer(actor, organizationId);
		return this.certificates.sealOf(organizationId);
	}

	/**
	 * An organization that certifies records.
	 *
	 * @param id the organization
	 * @param name its name
	 * @param hasSeal whether it has uploaded a seal
	 */
	public record Certifier(UUID id, String name, boolean hasSeal) {

	}

	private UUID organizationOfAdmin(Actor actor, VolunteerView volunteer, CertificateRequest request,
			Map<UUID, Optional<UUID>> certifiers) {
		Set<UUID> administered = actor.scopesOf(Role.ORG_ADMIN)
			.stream()
			.map(Certificates::uuidOrNull)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet());
		if (request.organizationId() != null) {
			administered.retainAll(Set.of(request.organizationId()));
		}
		Set<UUID> served = allRecordsOf(volunteer).stream()
			.map((record) -> certifier(record.organizationId(), certifiers))
			.flatMap(Optional::stream)
			.filter(administered::contains)
			.collect(Collectors.toSet());
		if (served.isEmpty()) {
			this.auditLog.record(AuditRecord.of("certificate.issue", actor.accountId())
				.on("volunteer", volunteer.id())
				.inRegion(volunteer.regionCode())
				.withOutcome(AuditOutcome.DENIED));
			throw ProblemException.forbidden("certificate.notYourVolunteer");
		}
		if (served.size() > 1) {
			throw ProblemException
				.invalid(List.of(new FieldProblem("organizationId", "certificate.organizationRequired")));
		}
		UUID organizationId = served.iterator().next();
		// the admin reads the volunteer's identity to certify it: checked and audited
		this.accessPolicy.check(actor, Access.READ, new ScopedObject("volunteer", volunteer.id().toString(),
				volunteer.accountId(), volunteer.regionCode(), Set.of(organizationId)));
		return organizationId;
	}

	private List<ServiceRecordView> allRecordsOf(VolunteerView volunteer) {
		return this.records.recordsForCertificate(volunteer.id(), EARLIEST, LocalDate.now(CHINA).plusDays(1));
	}

	private Optional<UUID> certifier(UUID organizationId, Map<UUID, Optional<UUID>> cache) {
		return cache.computeIfAbsent(organizationId, this.organizations::certifierOf);
	}

	/**
	 * The volunteer's awards, newest first: the campaign's title and the day of the
	 * award.
	 */
	private List<String> awards(VolunteerView volunteer, Locale locale) {
		return this.commendations.awardsOf(volunteer.id())
			.stream()
			.map((award) -> this.messages.getMessage("certificate.pdf.awardLine",
					new Object[] { award.title(), award.awardedAt().atZoneSameInstant(CHINA).toLocalDate() }, locale))
			.toList();
	}

	private List<CertificateContent.Line> lines(List<ServiceRecordView> certified, Map<UUID, Optional<UUID>> certifiers,
			EvaluationFacts evaluations, Locale locale) {
		Map<UUID, String> names = new HashMap<>();
		List<CertificateContent.Line> lines = new ArrayList<>();
		for (ServiceRecordView record : certified) {
			String recording = record.organizationName();
			Optional<UUID> certifier = certifier(record.organizationId(), certifiers);
			if (certifier.isPresent() && !certifier.get().equals(record.organizationId())) {
				String certifierName = names.computeIfAbsent(certifier.get(),
						(id) -> this.organizations.find(id).map(OrganizationView::name).orElse(""));
				recording = this.messages.getMessage("certificate.pdf.certifiedBy",
						new Object[] { recording, certifierName }, locale);
			}
			lines
				.add(new CertificateContent.Line(record.id(), record.startedAt().atZoneSameInstant(CHINA).toLocalDate(),
						record.activityTitle(), record.place(), record.content(), record.effectiveHours().setScale(2),
						recording, evaluations.starsByRecord().get(record.id())));
		}
		return lines;
	}

	private List<String> trainings(VolunteerView volunteer, Locale locale) {
		List<String> trainings = new ArrayList<>();
		for (Qualification qualification : this.volunteers.qualificationsOf(volunteer.id())) {
			trainings.add(this.messages.getMessage("certificate.pdf.qualification",
					new Object[] { qualification.name(),
							(qualification.issuer() != null) ? qualification.issuer() : "—",
							(qualification.expiresOn() != null) ? qualification.expiresOn().toString() : "—" },
					locale));
		}
		// training records: shown here, never counted in the service hours above
		for (TrainingRecordView record : this.training.recordsOf(volunteer.id())) {
			trainings.add(this.messages.getMessage(
					"certificate.pdf.trainingRecord", new Object[] { record.title(),
							record.hours().stripTrailingZeros().toPlainString(), record.completedOn().toString() },
					locale));
		}
		return trainings;
	}

	private byte[] render(CertificateContent content) {
		boolean acquired;
		try {
			acquired = this.renderers.tryAcquire(this.properties.renderWait().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			throw new ProblemException(503, "RENDERING_BUSY", "certificate.busy");
		}
		try {
			return this.pdf.render(content);
		}
		finally {
			this.renderers.release();
		}
	}

	private boolean platformSignatureIntact(PdfReader reader) {
		AcroFields fields = reader.getAcroFields();
		for (String name : fields.getSignedFieldNames()) {
			if (!fields.signatureCoversWholeDocument(name)) {
				continue;
			}
			PdfPKCS7 signature = fields.verifySignature(name);
			try {
				if (signature.verify() && signature.getSigningCertificate()
					.getPublicKey()
					.equals(this.pdf.signingCertificate().getPublicKey())) {
					return true;
				}
			}
			catch (java.security.GeneralSecurityException ex) {
				// a signature that does not verify is simply not intact
			}
		}
		return false;
	}

	private CertificateVerification verificationOf(Stored stored) {
		CertificateView view = stored.view();
		return new CertificateVerification(!view.isRevoked(), view.number(), view.issuerName(), stored.maskedName(),
				view.totalHours(), view.periodFrom(), view.periodTo(), view.recordCount(), view.issuedAt(),
				view.isRevoked(), view.revokedAt());
	}

	private Stored require(String number) {
		return CertificateNumbers.normalize(number)
			.flatMap(this.certificates::find)
			.orElseThrow(() -> ProblemException.notFound("CERTIFICATE_NOT_FOUND", "certificate.notFound"));
	}

	private static ScopedObject scopeOf(Stored stored) {
		CertificateView view = stored.view();
		return new ScopedObject("certificate", view.number(), stored.volunteerAccountId(), stored.volunteerRegion(),
				(view.organizationId() != null) ? Set.of(view.organizationId()) : Set.of());
	}

	private void requireAdmin(Actor actor, UUID organizationId) {
		OrganizationView organization = this.organizations.find(organizationId)
			.orElseThrow(() -> ProblemException.notFound("ORGANIZATION_NOT_FOUND", "organization.notFound"));
		if (!this.organizations.isAdmin(actor, organization.id())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
	}

	private void requireAdminOrOverseer(Actor actor, UUID organizationId) {
		OrganizationView organization = this.organizations.find(organizationId)
			.orElseThrow(() -> ProblemException.notFound("ORGANIZATION_NOT_FOUND", "organization.notFound"));
		if (!this.organizations.isAdmin(actor, organizationId)
				&& !this.accessPolicy.oversees(actor, organization.regionCode())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
	}

	private static List<FieldProblem> validate(CertificateRequest request, String idempotencyKey) {
		List<FieldProblem> problems = new ArrayList<>();
		if (request.volunteerId() == null) {
			problems.add(new FieldProblem("volunteerId", "validation.required"));
		}
		LocalDate today = LocalDate.now(CHINA);
		if (request.from() == null) {
			problems.add(new FieldProblem("from", "validation.required"));
		}
		else if (request.from().isBefore(EARLIEST) || request.from().isAfter(today)) {
			problems.add(new FieldProblem("from", "certificate.periodOutOfRange"));
		}
		if (request.to() == null) {
			problems.add(new FieldProblem("to", "validation.required"));
		}
		else if (request.to().isBefore(EARLIEST) || request.to().isAfter(today)) {
			problems.add(new FieldProblem("to", "certificate.periodOutOfRange"));
		}
		if (request.from() != null && request.to() != null && request.from().isAfter(request.to())) {
			problems.add(new FieldProblem("to", "certificate.periodReversed"));
		}
		if (request.language() != null && !request.language().equals("zh") && !request.language().equals("en")) {
			problems.add(new FieldProblem("language", "certificate.languageUnknown"));
		}
		if (idempotencyKey != null && idempotencyKey.length() > 100) {
			problems.add(new FieldProblem("Idempotency-Key", "validation.record.key"));
		}
		return problems;
	}

	private static Locale localeOf(String language) {
		return "en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
	}

	private static String imageType(byte[] image) {
		if (image == null || image.length == 0) {
			throw ProblemException.invalid(List.of(new FieldProblem("file", "validation.required")));
		}
		if (image.length > MAX_SEAL_BYTES) {
			throw ProblemException.invalid(List.of(new FieldProblem("file", "certificate.sealTooLarge")));
		}
		String type = (image.length > 8 && (image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N')
				? "image/png"
				: ((image.length > 3 && (image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8) ? "image/jpeg" : null);
		BufferedImage decoded = null;
		if (type != null) {
			try {
				decoded = ImageIO.read(new ByteArrayInputStream(image));
			}
			catch (IOException | RuntimeException ex) {
				decoded = null;
			}
		}
		if (decoded == null || decoded.getWidth() > 2000 || decoded.getHeight() > 2000) {
			throw ProblemException.invalid(List.of(new FieldProblem("file", "certificate.sealNotImage")));
		}
		return type;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static UUID uuidOrNull(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
