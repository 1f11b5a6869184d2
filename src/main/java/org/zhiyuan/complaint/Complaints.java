package org.zhiyuan.complaint;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.access.Access;
import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.ScopedObject;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.complaint.ComplaintRepository.Stored;
import org.zhiyuan.complaint.ComplaintRepository.Subject;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.organization.OrganizationStatus;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.privacy.PersonalDataCipher;
import org.zhiyuan.region.Region;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.identity.PersonNames;
import org.zhiyuan.shared.identity.PhoneNumbers;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Complaints and reports (投诉举报): filed by anyone signed in about an organization, an
 * activity or a volunteer; the region is the subject's, never the complainant's word. The
 * operators of that region (or above) assign a complaint to one of the region's
 * operators, who investigates and resolves it as UPHELD or DISMISSED before the deadline
 * ({@code zhiyuan.complaints.deadline-days}, 15 by default). An upheld complaint about an
 * organization, or about one of its activities, warns the organization (its supervision
 * history); one about a volunteer lowers the volunteer's credit, which counts upheld
 * complaints. The complainant is told of each step; the complaint, and who filed it, is
 * shown to the complainant and to the region's operators and auditors only (audited).
 */
@Service
public class Complaints {

	static final int DESCRIPTION_LENGTH = 2000;

	static final int NOTE_LENGTH = 500;

	static final int KEY_LENGTH = 100;

	static final int CONTACT_NAME_LENGTH = 50;

	/** How many anonymous reports one contact phone may file in 24 hours. */
	static final int ANONYMOUS_REPORTS_PER_DAY = 5;

	private final ComplaintRepository repository;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	private final Organizations organizations;

	private final Activities activities;

	private final Volunteers volunteers;

	private final Notifications notifications;

	private final AuditLog auditLog;

	private final TransactionTemplate transaction;

	private final PersonalDataCipher cipher;

	private final int deadlineDays;

	Complaints(ComplaintRepository repository, AccessPolicy accessPolicy, Regions regions, Organizations organizations,
			Activities activities, Volunteers volunteers, Notifications notifications, AuditLog auditLog,
			PlatformTransactionManager transactions, PersonalDataCipher cipher,
			@Value("${zhiyuan.complaints.deadline-days:15}") int deadlineDays) {
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
		this.organizations = organizations;
		this.activities = activities;
		this.volunteers = volunteers;
		this.notifications = notifications;
		this.auditLog = auditLog;
		this.transaction = new TransactionTemplate(transactions);
		this.cipher = cipher;
		this.deadlineDays = deadlineDays;
	}

	/**
	 * Files a complaint, signed in or, with {@code actor} {@code null}, as an anonymous
	 * visitor who must give a contact phone and gets a tracking code, shown once in the
	 * answer. With an {@code Idempotency-Key} a repeat by the same person (or the same
	 * contact phone) returns the first.
	 * @throws ProblemException 400 naming every bad field; 404 {@code SUBJECT_NOT_FOUND};
	 * 422 {@code OWN_SUBJECT} for a complaint about oneself; 429 {@code TOO_MANY_REPORTS}
	 * past the anonymous reports a phone may file in a day
	 */
	public ComplaintView file(Actor actor, NewComplaint complaint, String idempotencyKey) {
		List<FieldProblem> problems = new ArrayList<>();
		ComplaintSubjectType type = Enums.parse(ComplaintSubjectType.class, complaint.subjectType(), "subjectType",
				problems);
		if (complaint.subjectType() == null || complaint.subjectType().isBlank()) {
			problems.add(new FieldProblem("subjectType", "validation.required"));
		}
		Optional<UUID> subjectId = Ids.parse(complaint.subjectId());
		if (subjectId.isEmpty()) {
			problems.add(new FieldProblem("subjectId", "validation.complaint.subject"));
		}
		ComplaintCategory category = Enums.parse(ComplaintCategory.class, complaint.category(), "category", problems);
		String description = (complaint.description() != null) ? complaint.description().strip() : "";
		if (description.isEmpty() || description.length() > DESCRIPTION_LENGTH) {
			problems.add(new FieldProblem("description", "validation.textRequired", DESCRIPTION_LENGTH));
		}
		String phone = null;
		if (complaint.contactPhone() != null && !complaint.contactPhone().isBlank()) {
			phone = PhoneNumbers.normalize(complaint.contactPhone());
			if (phone == null || !PhoneNumbers.isMainlandMobile(phone)) {
				problems.add(new FieldProblem("contactPhone", "validation.phone"));
			}
		}
		else if (actor == null) {
			problems.add(new FieldProblem("contactPhone", "validation.complaint.contactRequired"));
		}
		String contactName = (complaint.contactName() != null && !complaint.contactName().isBlank())
				? complaint.contactName().strip() : null;
		if (contactName != null && contactName.length() > CONTACT_NAME_LENGTH) {
			problems.add(new FieldProblem("contactName", "validation.complaint.contactName", CONTACT_NAME_LENGTH));
		}
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > KEY_LENGTH)) {
			problems.add(new FieldProblem("Idempotency-Key", "validation.record.key"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		Subject subject = subject(type, subjectId.get());
		if (actor != null && actor.accountId().equals(subject.accountId())) {
			throw ProblemException.unprocessable("OWN_SUBJECT", "complaint.ownSubject");
		}
		ComplaintCategory chosen = (category != null) ? category : ComplaintCategory.OTHER;
		// a signed-in complainant is known by the account: a name given is not kept
		Filing filing = new Filing(subject, chosen, description, phone, (actor == null) ? contactName : null);
		return (actor != null) ? fileSignedIn(actor, filing, idempotencyKey) : fileAnonymously(filing, idempotencyKey);
	}

	private ComplaintView fileSignedIn(Actor actor, Filing filing, String idempotencyKey) {
		UUID id;
		try {
			id = this.transaction.execute((status) -> {
				if (idempotencyKey != null) {
					Optional<UUID> earlier = this.repository.withKey(actor.accountId(), idempotencyKey);
					if (earlier.isPresent()) {
						return earlier.get();
					}
				}
				return insert(actor.accountId(), filing, idempotencyKey, null);
			});
		}
		catch (DuplicateKeyException ex) {
			id = this.repository.withKey(actor.accountId(), idempotencyKey).orElseThrow(() -> ex);
		}
		return withSteps(this.repository.find(id, now()).orElseThrow().view());
	}

	private ComplaintView fileAnonymously(Filing filing, String idempotencyKey) {
		String key = (idempotencyKey != null) ? filing.phone() + ":" + idempotencyKey : null;
		Optional<UUID> earlier = (key != null) ? this.repository.withAnonymousKey(key) : Optional.empty();
		if (earlier.isEmpty() && this.repository.anonymousReportsSince(filing.phone(),
				now().minusDays(1)) >= ANONYMOUS_REPORTS_PER_DAY) {
			throw new ProblemException(429, "TOO_MANY_REPORTS", "complaint.tooMany", ANONYMOUS_REPORTS_PER_DAY);
		}
		UUID id;
		try {
			id = earlier.orElseGet(() -> this.transaction.execute((status) -> {
				String code = TrackingCodes.newCode();
				return insert(null, filing, null, new ComplaintRepository.Anonymous(filing.contactName(),
						TrackingCodes.hash(code), this.cipher.seal(code), key));
			}));
		}
		catch (DuplicateKeyException ex) {
			id = this.repository.withAnonymousKey(key).orElseThrow(() -> ex);
		}
		String code = this.cipher.open(this.repository.trackingSealed(id).orElseThrow());
		return withSteps(this.repository.find(id, now()).orElseThrow().view()).withTrackingCode(code);
	}

	private UUID insert(UUID complainantId, Filing filing, String idempotencyKey,
			ComplaintRepository.Anonymous anonymous) {
		OffsetDateTime now = now();
		UUID id = Ids.newId();
		this.repository.insert(id, filing.subject(), filing.category(), filing.description(), filing.phone(),
				complainantId, now, now.plusDays(this.deadlineDays), idempotencyKey, anonymous);
		this.repository.insertStep(id, ComplaintStatus.SUBMITTED, null, complainantId, now);
		this.auditLog.record(AuditRecord.of("complaint.file", complainantId)
			.on("complaint", id)
			.inRegion(filing.subject().regionCode())
			.withDetail(filing.subject().type().name() + ((anonymous != null) ? " anonymous" : "")));
		tell(complainantId, id, "notice.complaint.submitted", filing.subject().name());
		return id;
	}

	/** A complaint checked and ready to store. */
	private record Filing(Subject subject, ComplaintCategory category, String description, String phone,
			String contactName) {

	}

	/**
	 * An anonymous visitor's report, found by the tracking code they were given, with its
	 * timeline.
	 * @throws ProblemException 400 {@code trackingCode} when malformed; 404
	 * {@code COMPLAINT_NOT_FOUND} when no report has it
	 */
	public ComplaintView track(String trackingCode) {
		return withSteps(require(tracked(trackingCode)).view());
	}

	/** The report a tracking code belongs to. */
	UUID tracked(String trackingCode) {
		String normalized = TrackingCodes.normalize(trackingCode);
		if (normalized == null) {
			throw ProblemException.invalid(List.of(new FieldProblem("trackingCode", "validation.complaint.tracking")));
		}
		return this.repository.withTrackingHash(TrackingCodes.hash(normalized)).orElseThrow(Complaints::notFound);
	}

	private Subject subject(ComplaintSubjectType type, UUID id) {
		return switch (type) {
			case ORGANIZATION -> this.organizations.find(id)
				.filter((o) -> o.status() != OrganizationStatus.PENDING && o.status() != OrganizationStatus.REJECTED)
				.map((o) -> new Subject(type, id, o.name(), null, o.regionCode()))
				.orElseThrow(Complaints::subjectNotFound);
			case ACTIVITY -> this.activities.find(id)
				.map((a) -> new Subject(type, id, a.title(), null, a.regionCode()))
				.orElseThrow(Complaints::subjectNotFound);
			case VOLUNTEER -> this.volunteers.find(id)
				.map((v) -> new Subject(type, id, PersonNames.mask(v.name()), v.accountId(), v.regionCode()))
				.orElseThrow(Complaints::subjectNotFound);
		};
	}

	/**
	 * The name of what a complaint would be about, for the form (the volunteer's masked).
	 * @throws ProblemException 400 {@code subjectType}; 404 {@code SUBJECT_NOT_FOUND}
	 */
	public String subjectName(String subjectType, UUID subjectId) {
		List<FieldProblem> problems = new ArrayList<>();
		ComplaintSubjectType type = Enums.parse(ComplaintSubjectType.class, subjectType, "subjectType", problems);
		if (type == null || subjectId == null) {
			throw ProblemException.notFound("SUBJECT_NOT_FOUND", "complaint.subjectNotFound");
		}
		return subject(type, subjectId).name();
	}

	/**
	 * A complaint with its timeline: for the complainant, and the operators and auditors
	 * of the subject's region (audited).
	 * @throws ProblemException 404 {@code COMPLAINT_NOT_FOUND}; 403 for anyone else
	 */
	public ComplaintView view(Actor actor, UUID id) {
		Stored stored = require(id);
		this.accessPolicy.check(actor, Access.READ, scope(stored));
		return withSteps(stored.view());
	}

	/** The caller's own complaints, newest first. */
	public PageResult<ComplaintView> mine(Actor actor, PageQuery page) {
		return this.repository.ofComplainant(actor.accountId(), page, now());
	}

	/**
	 * The complaints about subjects of a region and the regions below it (its operators
	 * and auditors; audited), open ones first by deadline; {@code overdueOnly} keeps the
	 * open ones past their deadline.
	 * @throws ProblemException 404 {@code REGION_NOT_FOUND}; 403 for anyone else
	 */
	public PageResult<ComplaintView> ofRegion(Actor actor, String regionCode, ComplaintStatus status,
			boolean overdueOnly, PageQuery page) {
		if (regionCode == null || !this.regions.exists(regionCode)) {
			throw ProblemException.notFound("REGION_NOT_FOUND", "region.notFound", regionCode);
		}
		if (!this.accessPolicy.oversees(actor, regionCode)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		this.auditLog.record(AuditRecord.of("complaint.list", actor.accountId()).inRegion(regionCode));
		return this.repository.ofRegion(Regions.prefixOf(regionCode), status, overdueOnly, page, now());
	}

	/**
	 * Assigns a complaint to an operator of its region (an operator of the region or
	 * above assigns; assigning again hands it over while it is open).
	 * @throws ProblemException 400 {@code assigneeId} when not an operator of the region;
	 * 409 {@code INVALID_STATE} once resolved
	 */
	public ComplaintView assign(Actor actor, UUID id, String assigneeId) {
		Stored stored = require(id);
		this.accessPolicy.requireOperatorOf(actor, stored.view().regionCode());
		Optional<UUID> assignee = Ids.parse(assigneeId);
		if (assignee.isEmpty() || this.repository.operatorScopes(assignee.get())
			.stream()
			.noneMatch((scope) -> this.regions.covers(scope, stored.view().regionCode()))) {
			throw ProblemException.invalid(List.of(new FieldProblem("assigneeId", "validation.complaint.assignee")));
		}
		return step(actor, id, ComplaintStatus.ASSIGNED, null, () -> this.repository.assign(id, assignee.get()));
	}

	/**
	 * Starts the investigation of an assigned complaint (the operators of its region).
	 * @throws ProblemException 409 {@code INVALID_STATE} unless assigned
	 */
	public ComplaintView investigate(Actor actor, UUID id) {
		Stored stored = require(id);
		this.accessPolicy.requireOperatorOf(actor, stored.view().regionCode());
		return step(actor, id, ComplaintStatus.INVESTIGATING, null,
				() -> this.repository.changeStatus(id, ComplaintStatus.INVESTIGATING));
	}

	/**
	 * Resolves a complaint under investigation (the operators of its region): UPHELD
	 * warns the organization complained of (or the activity's organization) and counts
	 * against the volunteer's credit; the complainant is told.
	 * @throws ProblemException 400 naming every bad field; 409 {@code INVALID_STATE}
	 * unless under investigation
	 */
	public ComplaintView resolve(Actor actor, UUID id, String outcomeText, String noteText) {
		List<FieldProblem> problems = new ArrayList<>();
		ComplaintOutcome outcome = Enums.parse(ComplaintOutcome.class, outcomeText, "outcome", problems);
		if (outcomeText == null || outcomeText.isBlank()) {
			problems.add(new FieldProblem("outcome", "validation.required"));
		}
		String note = (noteText != null) ? noteText.strip() : "";
		if (note.isEmpty() || note.length() > NOTE_LENGTH) {
			problems.add(new FieldProblem("note", "validation.textRequired", NOTE_LENGTH));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		Stored stored = require(id);
		this.accessPolicy.requireOperatorOf(actor, stored.view().regionCode());
		return step(actor, id, ComplaintStatus.RESOLVED, outcome.name() + ": " + note, () -> {
			this.repository.resolve(id, outcome, note, now());
			if (outcome == ComplaintOutcome.UPHELD) {
				upheld(actor, stored.view(), note);
			}
		});
	}

	private void upheld(Actor actor, ComplaintView complaint, String note) {
		UUID organizationId = switch (complaint.subjectType()) {
			case ORGANIZATION -> complaint.subjectId();
			case ACTIVITY -> this.activities.find(complaint.subjectId()).map(ActivityView::organizationId).orElse(null);
			case VOLUNTEER -> null;
		};
		if (organizationId == null) {
			return;
		}
		Optional<OrganizationView> organization = this.organizations.find(organizationId);
		if (organization.isPresent()
				&& (organization.get().status() == OrganizationStatus.ACTIVE
						|| organization.get().status() == OrganizationStatus.SUSPENDED)
				&& this.accessPolicy.operates(actor, organization.get().regionCode())) {
			String reason = "投诉成立 Complaint upheld: " + note;
			this.organizations.warn(actor, organizationId,
					(reason.length() > NOTE_LENGTH) ? reason.substring(0, NOTE_LENGTH) : reason);
		}
	}

	private ComplaintView step(Actor actor, UUID id, ComplaintStatus to, String note, Runnable change) {
		return this.transaction.execute((status) -> {
			ComplaintStatus current = this.repository.lockStatus(id).orElseThrow(Complaints::notFound);
			boolean allowed = switch (to) {
				case ASSIGNED -> current == ComplaintStatus.SUBMITTED || current == ComplaintStatus.ASSIGNED
						|| current == ComplaintStatus.INVESTIGATING;
				case INVESTIGATING -> current == ComplaintStatus.ASSIGNED;
				case RESOLVED -> current == ComplaintStatus.INVESTIGATING;
				case SUBMITTED -> false;
			};
			if (!allowed) {
				throw ProblemException.conflict("INVALID_STATE", "complaint.invalidState", current.name());
			}
			change.run();
			OffsetDateTime now = now();
			this.repository.insertStep(id, to, note, actor.accountId(), now);
			ComplaintView view = this.repository.find(id, now).orElseThrow().view();
			this.auditLog
				.record(AuditRecord.of("complaint." + to.name().toLowerCase(java.util.Locale.ROOT), actor.accountId())
					.on("complaint", id)
					.inRegion(view.regionCode()));
			tell(view.complainantId(), id, "notice.complaint." + to.name().toLowerCase(java.util.Locale.ROOT),
					view.subjectName());
			if (to == ComplaintStatus.ASSIGNED && !view.assigneeId().equals(actor.accountId())) {
				this.notifications.send(new NotificationRequest(view.assigneeId(), NotificationKind.GENERAL,
						"notice.complaint.assignedToYou", List.of(view.subjectName()), "/complaints/" + id, null));
			}
			return withSteps(view);
		});
	}

	/**
	 * Tells the operators of each open complaint's region (and the regions above it) once
	 * that the complaint is past its deadline; run by the scheduler every hour.
	 * @return how many complaints were told of
	 */
	public int notifyOverdue() {
		int told = 0;
		OffsetDateTime now = now();
		for (UUID id : this.repository.overdueNotNotified(now)) {
			Boolean done = this.transaction.execute((status) -> {
				if (!this.repository.markOverdueNotified(id, now)) {
					return false;
				}
				ComplaintView view = this.repository.find(id, now).orElseThrow().view();
				List<String> codes = new ArrayList<>(
						this.regions.path(view.regionCode()).stream().map(Region::code).toList());
				codes.add(Regions.NATIONAL);
				this.notifications.sendToEach(ComplaintRepository.OPERATOR_ACCOUNTS, Map.of("codes", codes),
						// the template's account is ignored (an anonymous report has no
						// complainant)
						new NotificationRequest(view.id(), NotificationKind.GENERAL, "notice.complaint.overdue",
								List.of(view.subjectName()), "/complaints/" + id, "complaint.overdue:" + id));
				return true;
			});
			if (Boolean.TRUE.equals(done)) {
				told++;
			}
		}
		return told;
	}

	ComplaintView withSteps(ComplaintView view) {
		return view.withDetails(this.repository.steps(view.id()), this.repository.attachments(view.id()));
	}

	private void tell(UUID accountId, UUID complaintId, String key, String subjectName) {
		if (accountId == null) {
			return;
		}
		this.notifications.send(new NotificationRequest(accountId, NotificationKind.GENERAL, key, List.of(subjectName),
				"/me/complaints/" + complaintId, null));
	}

	static ScopedObject scope(Stored stored) {
		return new ScopedObject("complaint", stored.view().id().toString(), stored.view().complainantId(),
				stored.view().regionCode(), java.util.Set.of());
	}

	Stored require(UUID id) {
		return this.repository.find(id, now()).orElseThrow(Complaints::notFound);
	}

	static ProblemException notFound() {
		return ProblemException.notFound("COMPLAINT_NOT_FOUND", "complaint.notFound");
	}

	private static ProblemException subjectNotFound() {
		return ProblemException.notFound("SUBJECT_NOT_FOUND", "complaint.subjectNotFound");
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
