package org.zhiyuan.erasure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.access.Access;
import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.ErasureSource;
import org.zhiyuan.access.ErasureSource.ErasureItem;
import org.zhiyuan.access.ErasureSource.ErasureItem.Treatment;
import org.zhiyuan.access.PersonalDataSource.Subject;
import org.zhiyuan.access.ScopedObject;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.erasure.ErasureRepository.Stored;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.region.Region;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erasure requests (删除请求): a volunteer asks for the erasure of their data (one open
 * request at a time) and may withdraw it while it is queued; an operator of the
 * volunteer's region (or above) reviews the sheet that every module's
 * {@link ErasureSource} contributes to and approves or refuses it (a refusal says why).
 * Approval carries the erasure out at once, in one transaction: each module erases what
 * it can, the account closes as on deregistration, and what was erased and what was kept
 * until when is recorded. For scope ALL, the retention job erases what identified the
 * volunteer in the kept data once its retention has ended. Every step is audited (ids and
 * counts only) and told to the volunteer.
 */
@Service
public class Erasures {

	static final int REASON_LENGTH = 500;

	static final int KEY_LENGTH = 100;

	/**
	 * The prefix of the name that replaces a volunteer's once their retention has ended.
	 */
	static final String PSEUDONYM_PREFIX = "已注销志愿者";

	private final ErasureRepository repository;

	private final ObjectProvider<ErasureSource> sources;

	private final Volunteers volunteers;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	private final Notifications notifications;

	private final AuditLog auditLog;

	private final TransactionTemplate transaction;

	Erasures(ErasureRepository repository, ObjectProvider<ErasureSource> sources, Volunteers volunteers,
			AccessPolicy accessPolicy, Regions regions, Notifications notifications, AuditLog auditLog,
			PlatformTransactionManager transactions) {
		this.repository = repository;
		this.sources = sources;
		this.volunteers = volunteers;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
		this.notifications = notifications;
		this.auditLog = auditLog;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * The signed-in volunteer asks for erasure. With an {@code Idempotency-Key} a repeat
	 * returns the first request.
	 * @throws ProblemException 400 naming every bad field; 404 {@code NOT_A_VOLUNTEER};
	 * 409 {@code OPEN_REQUEST} while another of theirs is queued
	 */
	public ErasureRequestView request(Actor actor, String scopeText, String reasonText, String idempotencyKey) {
		if (actor == null) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		List<FieldProblem> problems = new ArrayList<>();
		ErasureScope scope = Enums.parse(ErasureScope.class, scopeText, "scope", problems);
		if (scopeText == null || scopeText.isBlank()) {
			problems.add(new FieldProblem("scope", "validation.required"));
		}
		String reason = (reasonText != null && !reasonText.isBlank()) ? reasonText.strip() : null;
		if (reason != null && reason.length() > REASON_LENGTH) {
			problems.add(new FieldProblem("reason", "validation.erasure.text", REASON_LENGTH));
		}
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > KEY_LENGTH)) {
			problems.add(new FieldProblem("Idempotency-Key", "validation.record.key"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		VolunteerView volunteer = this.volunteers.mine(actor);
		UUID id;
		try {
			id = this.transaction.execute((status) -> request(actor, volunteer, scope, reason, idempotencyKey));
		}
		catch (DuplicateKeyException ex) {
			Optional<UUID> earlier = this.repository.withKey(actor.accountId(), idempotencyKey);
			if (earlier.isEmpty()) {
				throw openRequest();
			}
			id = earlier.get();
		}
		return require(id).view();
	}

	private UUID request(Actor actor, VolunteerView volunteer, ErasureScope scope, String reason,
			String idempotencyKey) {
		Optional<UUID> earlier = this.repository.withKey(actor.accountId(), idempotencyKey);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		if (this.repository.hasOpen(volunteer.id())) {
			throw openRequest();
		}
		UUID id = Ids.newId();
		this.repository.insert(id, volunteer.id(), actor.accountId(), volunteer.regionCode(), scope, reason,
				idempotencyKey, now());
		this.auditLog.record(AuditRecord.of("erasure.request", actor.accountId())
			.on("erasure-request", id)
			.inRegion(volunteer.regionCode())
			.withDetail(scope.name()));
		tell(actor.accountId(), id, "notice.erasure.queued");
		List<String> codes = new ArrayList<>(
				this.regions.path(volunteer.regionCode()).stream().map(Region::code).toList());
		codes.add(Regions.NATIONAL);
		this.notifications.sendToEach(ErasureRepository.OPERATOR_ACCOUNTS, Map.of("codes", codes),
				new NotificationRequest(actor.accountId(), NotificationKind.GENERAL, "notice.erasure.toReview",
						List.of(), "/erasure-requests/" + id, "erasure.review:" + id));
		return id;
	}

	/** The caller's own requests, newest first. */
	public PageResult<ErasureRequestView> mine(Actor actor, PageQuery page) {
		return this.repository.ofVolunteer(this.volunteers.mine(actor).id(), page);
	}

	/** The caller's open (queued) request, if any. */
	public Optional<ErasureRequestView> openOf(Actor actor) {
		return mine(actor, new PageQuery(0, PageQuery.MAX_SIZE)).items()
			.stream()
			.filter((r) -> r.status() == ErasureStatus.QUEUED)
			.findFirst();
	}

	/**
	 * The volunteer withdraws their own queued request.
	 * @throws ProblemException 404 {@code ERASURE_REQUEST_NOT_FOUND} (also for someone
	 * else's); 409 {@code INVALID_STATE} once decided
	 */
	public ErasureRequestView withdraw(Actor actor, UUID id) {
		Stored stored = require(id);
		if (actor == null || !stored.accountId().equals(actor.accountId())) {
			throw notFound();
		}
		this.transaction.executeWithoutResult((status) -> {
			ErasureStatus current = this.repository.lockStatus(id).orElseThrow(Erasures::notFound);
			if (current != ErasureStatus.QUEUED) {
				throw ProblemException.conflict("INVALID_STATE", "erasure.invalidState", current.name());
			}
			this.repository.close(id, ErasureStatus.WITHDRAWN);
			this.auditLog.record(AuditRecord.of("erasure.withdraw", actor.accountId())
				.on("erasure-request", id)
				.inRegion(stored.view().regionCode()));
			tell(actor.accountId(), id, "notice.erasure.withdrawn");
		});
		return require(id).view();
	}

	/**
	 * The requests of the volunteers of a region and below (its operators and auditors),
	 * queued first, oldest first; without a region, those of every region the caller
	 * oversees.
	 * @throws ProblemException 404 {@code REGION_NOT_FOUND}; 403 for anyone else
	 */
	public PageResult<ErasureRequestView> ofRegion(Actor actor, String regionCode, ErasureStatus status,
			PageQuery page) {
		List<String> scopes;
		if (regionCode != null && !regionCode.isBlank()) {
			if (!this.regions.exists(regionCode)) {
				throw ProblemException.notFound("REGION_NOT_FOUND", "region.notFound", regionCode);
			}
			if (!this.accessPolicy.oversees(actor, regionCode)) {
				throw ProblemException.forbidden("problem.forbidden.region");
			}
			scopes = List.of(regionCode);
		}
		else {
			scopes = (actor != null) ? actor.readableRegions().stream().sorted().toList() : List.of();
			if (scopes.isEmpty()) {
				throw ProblemException.forbidden("problem.forbidden.region");
			}
		}
		this.auditLog.record(
				AuditRecord.of("erasure.list", actor.accountId()).inRegion(scopes.size() == 1 ? scopes.get(0) : null));
		return this.repository.ofRegions(scopes.stream().map(Regions::prefixOf).distinct().toList(), status, page);
	}

	/**
	 * A request with its sheet: for the volunteer themself, and the operators and
	 * auditors of their region (the read is audited). While queued the sheet is computed
	 * from the data as it is now; once carried out it is what was done.
	 * @throws ProblemException 404 {@code ERASURE_REQUEST_NOT_FOUND}; 403 for anyone else
	 */
	public ErasureRequestView view(Actor actor, UUID id) {
		Stored stored = require(id);
		this.accessPolicy.check(actor, Access.READ, scope(stored));
		return withSheet(stored);
	}

	/**
	 * Whether the caller may decide on the request: an operator of its region or above.
	 */
	public boolean mayDecide(Actor actor, ErasureRequestView request) {
		return this.accessPolicy.operates(actor, request.regionCode());
	}

	/**
	 * An operator of the volunteer's region (or above) decides on a queued request. A
	 * refusal needs a note; an approval carries the erasure out at once, in the same
	 * transaction.
	 * @throws ProblemException 400 naming every bad field; 404
	 * {@code ERASURE_REQUEST_NOT_FOUND}; 403 for anyone else; 409 {@code INVALID_STATE}
	 * unless queued; 409 {@code OPEN_OBLIGATIONS} while a sign-up or a service is under
	 * way
	 */
	public ErasureRequestView decide(Actor actor, UUID id, String decisionText, String noteText) {
		List<FieldProblem> problems = new ArrayList<>();
		ErasureDecision decision = Enums.parse(ErasureDecision.class, decisionText, "decision", problems);
		if (decisionText == null || decisionText.isBlank()) {
			problems.add(new FieldProblem("decision", "validation.required"));
		}
		String note = (noteText != null && !noteText.isBlank()) ? noteText.strip() : null;
		if (note != null && note.length() > REASON_LENGTH) {
			problems.add(new FieldProblem("note", "validation.erasure.text", REASON_LENGTH));
		}
		else if (note == null && decision == ErasureDecision.REFUSE) {
			problems.add(new FieldProblem("note", "validation.erasure.refusalNote", REASON_LENGTH));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		Stored stored = require(id);
		this.accessPolicy.requireOperatorOf(actor, stored.view().regionCode());
		this.transaction.executeWithoutResult((status) -> {
			ErasureStatus current = this.repository.lockStatus(id).orElseThrow(Erasures::notFound);
			if (current != ErasureStatus.QUEUED) {
				throw ProblemException.conflict("INVALID_STATE", "erasure.invalidState", current.name());
			}
			OffsetDateTime now = now();
			String region = stored.view().regionCode();
			if (decision == ErasureDecision.REFUSE) {
				this.repository.decide(id, ErasureStatus.REFUSED, actor.accountId(), note, now);
				this.auditLog.record(
						AuditRecord.of("erasure.refuse", actor.accountId()).on("erasure-request", id).inRegion(region));
				tell(stored.accountId(), id, "notice.erasure.refused");
				return;
			}
			ErasureSheet sheet = compute(stored);
			if (sheet.blocked()) {
				throw ProblemException.conflict("OPEN_OBLIGATIONS", "erasure.openObligations");
			}
			this.repository.decide(id, ErasureStatus.CARRIED_OUT, actor.accountId(), note, now);
			this.auditLog.record(
					AuditRecord.of("erasure.approve", actor.accountId()).on("erasure-request", id).inRegion(region));
			carryOut(actor, stored, sheet, now);
		});
		return withSheet(require(id));
	}

	private void carryOut(Actor actor, Stored stored, ErasureSheet sheet, OffsetDateTime now) {
		Subject subject = subject(stored);
		this.sources.orderedStream().forEach((source) -> source.erase(subject));
		UUID id = stored.view().id();
		int position = 0;
		for (ErasureItemView item : sheet.erased()) {
			this.repository.insertItem(id, position++,
					new ErasureItemView(item.module(), item.item(), item.treatment(), item.count(), null, now));
		}
		for (ErasureItemView item : sheet.kept()) {
			this.repository.insertItem(id, position++, item);
		}
		this.repository.carriedOut(id, sheet.retainedUntil(), now);
		long erased = sheet.erased().stream().mapToLong(ErasureItemView::count).sum();
		long kept = sheet.kept().stream().mapToLong(ErasureItemView::count).sum();
		this.auditLog.record(AuditRecord.of("erasure.carry-out", actor.accountId())
			.on("erasure-request", id)
			.inRegion(stored.view().regionCode())
			.withDetail(stored.view().scope().name() + " erased=" + erased + " kept=" + kept + " until="
					+ sheet.retainedUntil()));
		tell(stored.accountId(), id, "notice.erasure.carriedOut");
		if (stored.view().scope() == ErasureScope.ALL && !sheet.retainedUntil().isAfter(today())) {
			endRetention(id, today());
		}
	}

	/**
	 * Erases what identified the volunteers in the data kept for the carried-out ALL
	 * requests whose retention has ended by the day: their name becomes a pseudonym and
	 * the masked ID number goes; the record rows and hours stay. Run daily by the
	 * scheduler; each request in a transaction of its own, once.
	 * @return how many requests' retention ended
	 */
	public int endRetentions(LocalDate today) {
		int ended = 0;
		for (UUID id : this.repository.retentionDue(today)) {
			Boolean done = this.transaction.execute((status) -> endRetention(id, today));
			if (Boolean.TRUE.equals(done)) {
				ended++;
			}
		}
		return ended;
	}

	private boolean endRetention(UUID id, LocalDate today) {
		Stored stored = require(id);
		String pseudonym = PSEUDONYM_PREFIX + " " + shortCode(id);
		if (!this.repository.retentionEnded(id, pseudonym, now())) {
			return false;
		}
		Subject subject = subject(stored);
		this.sources.orderedStream().forEach((source) -> source.expire(subject, pseudonym));
		this.auditLog.record(AuditRecord.of("erasure.retention-ended", null)
			.on("erasure-request", id)
			.inRegion(stored.view().regionCode())
			.withDetail("retained until " + stored.view().retainedUntil() + ", run on " + today));
		return true;
	}

	private ErasureRequestView withSheet(Stored stored) {
		if (stored.view().status() == ErasureStatus.QUEUED) {
			return stored.view().withSheet(compute(stored));
		}
		List<ErasureItemView> items = this.repository.items(stored.view().id());
		return stored.view()
			.withSheet(new ErasureSheet(false, items.stream().filter((i) -> i.treatment() == Treatment.ERASE).toList(),
					items.stream().filter((i) -> i.treatment() == Treatment.KEEP).toList(), List.of(),
					stored.view().retainedUntil(), stored.view().scope() == ErasureScope.ALL));
	}

	/**
	 * The sheet as the modules see the data now; a kept item without a date of its own is
	 * kept as long as the longest-kept data (the service records).
	 */
	private ErasureSheet compute(Stored stored) {
		Subject subject = subject(stored);
		List<ErasureItem> items = this.sources.orderedStream()
			.flatMap((source) -> source.erasureOf(subject).stream())
			.toList();
		LocalDate until = items.stream()
			.map(ErasureItem::keptUntil)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(today());
		List<ErasureItemView> erased = new ArrayList<>();
		List<ErasureItemView> kept = new ArrayList<>();
		List<ErasureItemView> blockers = new ArrayList<>();
		for (ErasureItem item : items) {
			switch (item.treatment()) {
				case ERASE -> erased
					.add(new ErasureItemView(item.module(), item.item(), item.treatment(), item.count(), null, null));
				case KEEP -> kept.add(new ErasureItemView(item.module(), item.item(), item.treatment(), item.count(),
						(item.keptUntil() != null) ? item.keptUntil() : until, null));
				case BLOCK -> blockers
					.add(new ErasureItemView(item.module(), item.item(), item.treatment(), item.count(), null, null));
			}
		}
		return new ErasureSheet(true, erased, kept, blockers, until, stored.view().scope() == ErasureScope.ALL);
	}

	private static Subject subject(Stored stored) {
		return new Subject(stored.accountId(), stored.view().volunteerId());
	}

	private void tell(UUID accountId, UUID requestId, String key) {
		this.notifications.send(new NotificationRequest(accountId, NotificationKind.GENERAL, key, List.of(),
				"/me/erasure-requests", null));
	}

	private static ScopedObject scope(Stored stored) {
		return new ScopedObject("erasure-request", stored.view().id().toString(), stored.accountId(),
				stored.view().regionCode(), java.util.Set.of());
	}

	private Stored require(UUID id) {
		return this.repository.find(id).orElseThrow(Erasures::notFound);
	}

	private static String shortCode(UUID id) {
		return id.toString().replace("-", "").substring(0, 6).toUpperCase(Locale.ROOT);
	}

	private static ProblemException notFound() {
		return ProblemException.notFound("ERASURE_REQUEST_NOT_FOUND", "erasure.notFound");
	}

	private static ProblemException openRequest() {
		return ProblemException.conflict("OPEN_REQUEST", "erasure.openRequest");
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

}
