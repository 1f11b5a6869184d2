package org.zhiyuan.need;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.Access;
import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.PersonalDataAccessed;
import org.zhiyuan.access.Role;
import org.zhiyuan.access.ScopedObject;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.need.NeedRepository.Assignee;
import org.zhiyuan.need.NeedRepository.NeedRow;
import org.zhiyuan.need.NeedRepository.ResidentRow;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.privacy.PersonalDataCipher;
import org.zhiyuan.record.OnOverlap;
import org.zhiyuan.record.RecordMethod;
import org.zhiyuan.record.ServiceRecordView;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.shared.identity.PhoneNumbers;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Residents' needs from order to rating: a resident orders (点单), from a menu item or in
 * their own words, or an operator of the region orders for them; the operators dispatch
 * the need to an organization (派单), or the organization whose menu it was ordered from
 * takes it; a volunteer of that organization accepts it, or its admin assigns volunteers
 * (接单); the organization's admin or a volunteer who served completes it, which records
 * each volunteer's service through {@link ServiceRecords}; the resident rates it (评单).
 * Each step checks, with the need's row locked, that it follows the one before, else 409
 * {@code INVALID_STATE}. Late steps are flagged ({@link #flagLate()}) and may be
 * dispatched again.
 */
@Service
public class Needs {

	static final int MAX_VOLUNTEERS = 20;

	private static final Duration LONGEST_WISH = Duration.ofDays(31);

	private static final Duration FARTHEST_WISH = Duration.ofDays(366);

	private final NeedRepository repository;

	private final Residents residents;

	private final MenuItems menus;

	private final Organizations organizations;

	private final Volunteers volunteers;

	private final Activities activities;

	private final ServiceRecords records;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	private final PersonalDataCipher cipher;

	private final Notifications notifications;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final NeedProperties properties;

	private final TransactionTemplate transaction;

	Needs(NeedRepository repository, Residents residents, MenuItems menus, Organizations organizations,
			Volunteers volunteers, Activities activities, ServiceRecords records, AccessPolicy accessPolicy,
			Regions regions, PersonalDataCipher cipher, Notifications notifications, AuditLog auditLog,
			ApplicationEventPublisher events, NeedProperties properties, PlatformTransactionManager transactions) {
		this.repository = repository;
		this.residents = residents;
		this.menus = menus;
		this.organizations = organizations;
		this.volunteers = volunteers;
		this.activities = activities;
		this.records = records;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
		this.cipher = cipher;
		this.notifications = notifications;
		this.auditLog = auditLog;
		this.events = events;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Submits a need (点单): a resident's own, or one that an operator of the need's region
	 * enters for the resident named in {@code onBehalfOf}. A need ordered from a menu
	 * item is addressed to the item's organization, whose admins may take it. With an
	 * idempotency key, a repeat by the same account returns the first need.
	 * @throws ProblemException 400 naming every bad field; 403 for anyone who is neither
	 * a resident nor an operator of the region
	 */
	public NeedView submit(Actor actor, NewNeed request, String idempotencyKey) {
		String key = key(idempotencyKey);
		Optional<ResidentView> self = this.residents.ofAccount(actor.accountId());
		boolean operator = !actor.scopesOf(Role.OPERATOR).isEmpty();
		if (self.isEmpty() && !operator) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		if (key != null) {
			Optional<UUID> earlier = this.repository.needByKey(actor.accountId(), key);
			if (earlier.isPresent()) {
				return view(actor, earlier.get());
			}
		}
		List<FieldProblem> problems = new ArrayList<>();
		Optional<MenuItemView> item = Optional.empty();
		if (request.menuItemId() != null) {
			item = this.menus.find(request.menuItemId());
			if (item.isEmpty() || (request.regionCode() != null && item.get()
				.regionCodes()
				.stream()
				.noneMatch((r) -> this.regions.covers(r, request.regionCode())))) {
				problems.add(new FieldProblem("menuItemId", "validation.need.menuItem"));
			}
		}
		String title = (request.title() != null && !request.title().isBlank()) ? request.title().strip()
				: item.map(MenuItemView::title).orElse(null);
		MenuItems.text(problems, "title", title, 100, true);
		MenuItems.text(problems, "description", request.description(), 1000, false);
		ServiceField field = (request.field() != null) ? request.field() : item.map(MenuItemView::field).orElse(null);
		if (field == null) {
			problems.add(new FieldProblem("field", "validation.required"));
		}
		this.residents.checkRegion(request.regionCode(), "regionCode", problems);
		MenuItems.text(problems, "address", request.address(), 200, true);
		if ((request.lat() == null) != (request.lng() == null)
				|| (request.lat() != null && !validPoint(request.lat(), request.lng()))) {
			problems.add(new FieldProblem("location", "validation.location"));
		}
		checkWish(request.wantedFrom(), request.wantedTo(), problems);
		boolean forOther = self.isEmpty();
		if (forOther) {
			if (request.onBehalfOf() == null) {
				problems.add(new FieldProblem("onBehalfOf", "validation.required"));
			}
			else {
				Residents.checkName(request.onBehalfOf().name(), "onBehalfOf.name", problems);
				String phone = request.onBehalfOf().phone();
				if (phone != null && !phone.isBlank()
						&& !PhoneNumbers.isMainlandMobile(PhoneNumbers.normalize(phone))) {
					problems.add(new FieldProblem("onBehalfOf.phone", "validation.phone"));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		if (forOther) {
			this.accessPolicy.requireOperatorOf(actor, request.regionCode());
		}
		NewNeed checked = new NewNeed(request.menuItemId(), title, blankToNull(request.description()), field,
				request.regionCode(), request.address().strip(), request.lat(), request.lng(),
				seconds(request.wantedFrom()), seconds(request.wantedTo()), request.onBehalfOf());
		UUID menuOrganization = item.map(MenuItemView::organizationId).orElse(null);
		try {
			UUID id = this.transaction.execute((status) -> {
				ResidentRow resident = forOther
						? this.residents.onBehalf(actor, request.onBehalfOf(), request.regionCode())
						: this.repository.residentOfAccount(actor.accountId()).orElseThrow();
				UUID needId = Ids.newId();
				OffsetDateTime now = now();
				this.repository.insertNeed(needId, resident.id(), checked, this.cipher.seal(checked.address()),
						menuOrganization, actor.accountId(), key, now);
				this.repository.insertEvent(needId, NeedEventKind.SUBMITTED, actor.accountId(), menuOrganization, null,
						now);
				this.auditLog.record(AuditRecord.of("need.submit", actor.accountId())
					.on("need", needId)
					.inRegion(checked.regionCode())
					.withDetail(forOther ? "on behalf" : null));
				if (menuOrganization != null) {
					notifyAdmins(menuOrganization, "notice.need.ordered", List.of(title), needId);
				}
				return needId;
			});
			return view(actor, id);
		}
		catch (DuplicateKeyException ex) {
			return this.repository.needByKey(actor.accountId(), key).map((id) -> view(actor, id)).orElseThrow(() -> ex);
		}
	}

	/**
	 * A need, for its resident, the admins of its organization, the volunteers who
	 * accepted it, and its region's overseers (audited); the volunteers of the
	 * organization it is dispatched to see it without the resident and the address until
	 * they accept it.
	 */
	public NeedView view(Actor actor, UUID id) {
		NeedRow row = require(id);
		Level level = levelOf(actor, row);
		audit(actor, row, level);
		if (level == Level.NONE) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		return toView(row, level);
	}

	/** The caller's own needs, newest first; 404 {@code NOT_A_RESIDENT} for others. */
	public PageResult<NeedView> mine(Actor actor, PageQuery page) {
		ResidentView resident = this.residents.mine(actor);
		return this.repository.needs("n.resident_id = :resident", Map.of("resident", resident.id()), page)
			.map((row) -> toView(row, Level.FULL));
	}

	/**
	 * The needs of a region for its overseers (the dispatch queue): of one status, or
	 * only those flagged late.
	 */
	public PageResult<NeedView> ofRegion(Actor actor, String regionCode, NeedStatus status, boolean lateOnly,
			PageQuery page) {
		if (regionCode == null || !this.regions.exists(regionCode) || !this.accessPolicy.oversees(actor, regionCode)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder where = new StringBuilder("n.region_code LIKE :prefix");
		params.put("prefix", Regions.prefixOf(regionCode) + "%");
		if (status != null) {
			where.append(" AND n.status = :status");
			params.put("status", status.name());
		}
		if (lateOnly) {
			where.append(" AND n.overdue IS NOT NULL");
		}
		this.auditLog.record(AuditRecord.of("need.list", actor.accountId()).inRegion(regionCode));
		return this.repository.needs(where.toString(), params, page).map((row) -> toView(row, Level.FULL));
	}

	/**
	 * The needs dispatched to an organization, or ordered from its menu and waiting to be
	 * taken, for its admins and its region's overseers.
	 */
	public PageResult<NeedView> ofOrganization(Actor actor, UUID organizationId, NeedStatus status, PageQuery page) {
		OrganizationView organization = this.organizations.find(organizationId)
			.orElseThrow(() -> ProblemException.notFound("ORGANIZATION_NOT_FOUND", "organization.notFound"));
		if (!this.organizations.isAdmin(actor, organizationId)
				&& !this.accessPolicy.oversees(actor, organization.regionCode())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder where = new StringBuilder("n.organization_id = :org");
		params.put("org", organizationId);
		if (status != null) {
			where.append(" AND n.status = :status");
			params.put("status", status.name());
		}
		this.auditLog.record(AuditRecord.of("need.list", actor.accountId())
			.inRegion(organization.regionCode())
			.inOrganization(organizationId));
		return this.repository.needs(where.toString(), params, page).map((row) -> toView(row, Level.FULL));
	}

	/**
	 * A volunteer's 接单 list: needs dispatched to organizations they belong to and waiting
	 * for volunteers (without the resident and the address), and the needs they accepted.
	 */
	public PageResult<NeedView> forVolunteer(Actor actor, PageQuery page) {
		VolunteerView volunteer = this.volunteers.mine(actor);
		List<UUID> organizationIds = this.repository.activeOrganizationsOf(volunteer.id());
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("volunteer", volunteer.id());
		String mine = "n.id IN (SELECT need_id FROM need_volunteer WHERE volunteer_id = :volunteer)";
		String where = mine;
		if (!organizationIds.isEmpty()) {
			where = "(" + mine + " OR (n.status = 'DISPATCHED' AND n.organization_id IN (:orgs)))";
			params.put("orgs", organizationIds);
		}
		return this.repository.needs(where, params, page).map((row) -> toView(row, levelOf(actor, row)));
	}

	/**
	 * Dispatches a need to an active organization (派单): its region's operators, a need
	 * just submitted or one flagged late (which may then go to another organization); or
	 * the admins of the organization a need was ordered from, who take it for their own.
	 * The organization's admins are told.
	 * @throws ProblemException 400 when the organization is unknown or not active; 403;
	 * 409 {@code INVALID_STATE}
	 */
	public NeedView dispatch(Actor actor, UUID id, UUID organizationId) {
		NeedRow row = require(id);
		boolean operator = this.accessPolicy.operates(actor, row.regionCode());
		boolean taker = !operator && row.menuItemId() != null && row.organizationId() != null
				&& this.organizations.isAdmin(actor, row.organizationId());
		if (!operator && !taker) {
			audit(actor, row, Level.NONE);
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		Optional<OrganizationView> organization = Optional.ofNullable(organizationId)
			.flatMap(this.organizations::find)
			.filter(OrganizationView::isActive);
		if (organization.isEmpty() || (taker && !organization.get().id().equals(row.organizationId()))) {
			throw ProblemException.invalid(List.of(new FieldProblem("organizationId", "validation.need.organization")));
		}
		this.transaction.executeWithoutResult((status) -> {
			NeedStatus current = this.repository.lockStatus(id).orElseThrow();
			NeedRow locked = require(id);
			boolean fresh = current == NeedStatus.SUBMITTED;
			boolean late = (current == NeedStatus.DISPATCHED || current == NeedStatus.ACCEPTED)
					&& locked.overdue() != null && operator;
			if (!fresh && !late) {
				throw invalidState(current);
			}
			OffsetDateTime now = now();
			this.repository.dispatch(id, organizationId, now);
			this.repository.insertEvent(id, taker ? NeedEventKind.TAKEN : NeedEventKind.DISPATCHED, actor.accountId(),
					organizationId, late ? "redispatch" : null, now);
			this.auditLog.record(AuditRecord.of(late ? "need.redispatch" : "need.dispatch", actor.accountId())
				.on("need", id)
				.inRegion(row.regionCode())
				.inOrganization(organizationId));
			if (!taker) {
				notifyAdmins(organizationId, "notice.need.dispatched", List.of(row.title()), id);
			}
		});
		return view(actor, id);
	}

	/**
	 * Accepts a dispatched need (接单): a volunteer of its organization for themselves, or
	 * its admin for the volunteers named, each an active member. The resident is told who
	 * is coming.
	 * @throws ProblemException 400 naming a volunteer who is not a member; 403; 409
	 * {@code INVALID_STATE}
	 */
	public NeedView accept(Actor actor, UUID id, List<UUID> volunteerIds) {
		NeedRow row = require(id);
		if (row.organizationId() == null || row.status() == NeedStatus.SUBMITTED) {
			if (levelOf(actor, row) == Level.NONE) {
				throw ProblemException.forbidden("problem.forbidden.object");
			}
			throw invalidState(row.status());
		}
		Set<UUID> chosen = new LinkedHashSet<>();
		if (volunteerIds == null || volunteerIds.isEmpty()) {
			VolunteerView self = this.volunteers.findByAccount(actor.accountId())
				.filter((v) -> this.repository.isActiveMember(row.organizationId(), v.id()))
				.orElseThrow(() -> ProblemException.forbidden("problem.forbidden.object"));
			chosen.add(self.id());
		}
		else {
			if (!this.organizations.isAdmin(actor, row.organizationId())) {
				throw ProblemException.forbidden("problem.forbidden.object");
			}
			List<FieldProblem> problems = new ArrayList<>();
			if (volunteerIds.size() > MAX_VOLUNTEERS) {
				problems.add(new FieldProblem("volunteerIds", "validation.need.volunteers", MAX_VOLUNTEERS));
			}
			for (int i = 0; i < volunteerIds.size() && problems.isEmpty(); i++) {
				UUID volunteerId = volunteerIds.get(i);
				if (volunteerId == null || !this.repository.isActiveMember(row.organizationId(), volunteerId)) {
					problems.add(new FieldProblem("volunteerIds[" + i + "]", "validation.need.member"));
				}
				chosen.add(volunteerId);
			}
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
		}
		this.transaction.executeWithoutResult((status) -> {
			NeedStatus current = this.repository.lockStatus(id).orElseThrow();
			NeedRow locked = require(id);
			if (current != NeedStatus.DISPATCHED || !row.organizationId().equals(locked.organizationId())) {
				throw invalidState(current);
			}
			OffsetDateTime now = now();
			this.repository.accept(id, chosen, actor.accountId(), now);
			this.repository.insertEvent(id, NeedEventKind.ACCEPTED, actor.accountId(), row.organizationId(), null, now);
			this.auditLog.record(AuditRecord.of("need.accept", actor.accountId())
				.on("need", id)
				.inRegion(row.regionCode())
				.inOrganization(row.organizationId())
				.withDetail(chosen.size() + " volunteer(s)"));
			if (row.residentAccountId() != null) {
				this.notifications.send(new NotificationRequest(row.residentAccountId(), NotificationKind.GENERAL,
						"notice.need.accepted", List.of(row.title(), locked.organizationName()), "/needs/" + id,
						"need-accepted:" + id + ":" + now.toEpochSecond()));
			}
		});
		return view(actor, id);
	}

	/**
	 * Completes an accepted need: its organization's admins or a volunteer who accepted
	 * it give when the service began and ended, and each volunteer who accepted gets a
	 * service record through {@link ServiceRecords} (hash-chained, counted in their
	 * totals, refused with 409 {@code RECORD_OVERLAP} when it overlaps their other
	 * service), all or none. The need is done once: a second completion is 409
	 * {@code INVALID_STATE}, a repeat with the same idempotency key returns the need.
	 * @throws ProblemException 400 naming every bad field; 403; 409
	 */
	public NeedView complete(Actor actor, UUID id, OffsetDateTime startedAt, OffsetDateTime endedAt,
			String idempotencyKey) {
		String key = key(idempotencyKey);
		NeedRow row = require(id);
		List<Assignee> assigned = this.repository.volunteersOf(id);
		boolean admin = row.organizationId() != null && this.organizations.isAdmin(actor, row.organizationId());
		boolean served = assigned.stream().anyMatch((a) -> actor.accountId().equals(a.accountId()));
		if (!admin && !served) {
			audit(actor, row, Level.NONE);
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		if (key != null && key.equals(row.completionKey()) && actor.accountId().equals(row.completedBy())) {
			return view(actor, id);
		}
		OffsetDateTime start = seconds(startedAt);
		OffsetDateTime end = seconds(endedAt);
		List<FieldProblem> problems = new ArrayList<>();
		if (start == null) {
			problems.add(new FieldProblem("startedAt", "validation.required"));
		}
		if (end == null) {
			problems.add(new FieldProblem("endedAt", "validation.required"));
		}
		if (start != null && end != null) {
			if (!end.isAfter(start) || Duration.between(start, end).compareTo(Duration.ofHours(24)) > 0) {
				problems.add(new FieldProblem("endedAt", "validation.record.end"));
			}
			else if (end.isAfter(now())) {
				problems.add(new FieldProblem("endedAt", "validation.record.future"));
			}
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		this.transaction.executeWithoutResult((status) -> {
			NeedStatus current = this.repository.lockStatus(id).orElseThrow();
			NeedRow locked = require(id);
			boolean repeat = key != null && key.equals(locked.completionKey())
					&& actor.accountId().equals(locked.completedBy());
			if (repeat) {
				return;
			}
			if (current != NeedStatus.ACCEPTED) {
				throw invalidState(current);
			}
			ActivityView activity = this.activities.recordServedNeed(locked.organizationId(), locked.title(),
					locked.field(), locked.regionCode(), truncate(this.regions.fullName(locked.regionCode()), 200),
					start, end, actor.accountId());
			for (Assignee volunteer : this.repository.volunteersOf(id)) {
				ServiceRecordView record = this.records.recordAttendance(volunteer.volunteerId(), activity.id(), start,
						end, actor.accountId(), RecordMethod.NEED, OnOverlap.REFUSE);
				this.repository.recordOf(id, volunteer.volunteerId(), record.id());
			}
			OffsetDateTime now = now();
			this.repository.complete(id, start, end, activity.id(), actor.accountId(), key, now);
			this.events.publishEvent(new NeedClosed(id, locked.regionCode(), true, actor.accountId()));
			this.repository.insertEvent(id, NeedEventKind.DONE, actor.accountId(), locked.organizationId(), null, now);
			this.auditLog.record(AuditRecord.of("need.complete", actor.accountId())
				.on("need", id)
				.inRegion(locked.regionCode())
				.inOrganization(locked.organizationId()));
			if (locked.residentAccountId() != null) {
				this.notifications.send(new NotificationRequest(locked.residentAccountId(), NotificationKind.GENERAL,
						"notice.need.done", List.of(locked.title()), "/needs/" + id, "need-done:" + id));
			}
		});
		return view(actor, id);
	}

	/**
	 * The resident rates a done need (评单), 1 to 5 stars with an optional comment, which
	 * the organization sees; for a resident without an account, an operator of the region
	 * rates on their behalf.
	 * @throws ProblemException 400; 403; 409 {@code INVALID_STATE}
	 */
	public NeedView rate(Actor actor, UUID id, Integer stars, String comment) {
		NeedRow row = require(id);
		boolean resident = actor.accountId().equals(row.residentAccountId());
		boolean proxy = row.residentAccountId() == null && this.accessPolicy.operates(actor, row.regionCode());
		if (!resident && !proxy) {
			audit(actor, row, Level.NONE);
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (stars == null) {
			problems.add(new FieldProblem("stars", "validation.required"));
		}
		else if (stars < 1 || stars > 5) {
			problems.add(new FieldProblem("stars", "validation.need.stars"));
		}
		MenuItems.text(problems, "comment", comment, 500, false);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		this.transaction.executeWithoutResult((status) -> {
			NeedStatus current = this.repository.lockStatus(id).orElseThrow();
			if (current != NeedStatus.DONE) {
				throw invalidState(current);
			}
			OffsetDateTime now = now();
			this.repository.rate(id, stars, blankToNull(comment), now);
			this.repository.insertEvent(id, NeedEventKind.RATED, actor.accountId(), row.organizationId(), stars + "★",
					now);
			this.auditLog.record(AuditRecord.of("need.rate", actor.accountId())
				.on("need", id)
				.inRegion(row.regionCode())
				.inOrganization(row.organizationId()));
			notifyAdmins(row.organizationId(), "notice.need.rated", List.of(row.title(), String.valueOf(stars)), id);
		});
		return view(actor, id);
	}

	/** Flags every need late for its step now: see {@link #flagLate(OffsetDateTime)}. */
	public int flagLate() {
		return flagLate(now());
	}

	/**
	 * Flags the needs that are late at {@code now}: not dispatched, not accepted, or not
	 * done in time ({@link NeedProperties}); each once per step, with a notice to the
	 * operators of the most specific region above it that has any.
	 * @return how many needs were flagged
	 */
	public int flagLate(OffsetDateTime now) {
		int flagged = 0;
		flagged += flag(NeedStatus.SUBMITTED, "submitted_at", now.minus(this.properties.dispatchWithin()),
				NeedOverdue.DISPATCH, now);
		flagged += flag(NeedStatus.DISPATCHED, "dispatched_at", now.minus(this.properties.acceptWithin()),
				NeedOverdue.ACCEPTANCE, now);
		flagged += flag(NeedStatus.ACCEPTED, "wanted_to", now.minus(this.properties.completionGrace()),
				NeedOverdue.COMPLETION, now);
		return flagged;
	}

	private int flag(NeedStatus status, String since, OffsetDateTime before, NeedOverdue overdue, OffsetDateTime now) {
		List<UUID> ids = this.transaction
			.execute((tx) -> this.repository.flagLate(status, since, before, overdue, now));
		for (UUID id : ids) {
			NeedRow row = require(id);
			this.transaction.executeWithoutResult((tx) -> {
				this.repository.insertEvent(id, NeedEventKind.OVERDUE, null, row.organizationId(), overdue.name(), now);
				List<NotificationRequest> notices = new ArrayList<>();
				for (UUID account : operatorsOf(row.regionCode())) {
					notices.add(new NotificationRequest(account, NotificationKind.GENERAL,
							"notice.need.overdue." + overdue.name().toLowerCase(java.util.Locale.ROOT),
							List.of(row.title()), "/needs/" + id, "need-overdue:" + id + ":" + overdue.name()));
				}
				this.notifications.sendAll(notices);
			});
		}
		return ids.size();
	}

	/** The operators of the most specific region containing the code that has any. */
	private List<UUID> operatorsOf(String regionCode) {
		List<Map.Entry<UUID, String>> covering = this.repository.operators()
			.stream()
			.filter((e) -> this.regions.exists(e.getValue()) && this.regions.covers(e.getValue(), regionCode))
			.toList();
		int deepest = covering.stream().mapToInt((e) -> Regions.prefixOf(e.getValue()).length()).max().orElse(-1);
		return covering.stream()
			.filter((e) -> Regions.prefixOf(e.getValue()).length() == deepest)
			.map(Map.Entry::getKey)
			.distinct()
			.toList();
	}

	/** How many needs wait in the actor's regions: submitted or late. */
	long waitingInRegion(String regionCode) {
		return this.repository.count("n.region_code LIKE :prefix AND (n.status = 'SUBMITTED' OR n.overdue IS NOT NULL)",
				Map.of("prefix", Regions.prefixOf(regionCode) + "%"));
	}

	long waitingForOrganization(UUID organizationId) {
		return this.repository.count("n.organization_id = :org AND n.status IN ('SUBMITTED', 'DISPATCHED')",
				Map.of("org", organizationId));
	}

	long openFor(UUID volunteerId) {
		List<UUID> organizationIds = this.repository.activeOrganizationsOf(volunteerId);
		if (organizationIds.isEmpty()) {
			return 0;
		}
		return this.repository.count("n.status = 'DISPATCHED' AND n.organization_id IN (:orgs)",
				Map.of("orgs", organizationIds));
	}

	long openOfResident(UUID residentId) {
		return this.repository.count(
				"n.resident_id = :resident AND n.status IN ('SUBMITTED', 'DISPATCHED'," + " 'ACCEPTED', 'DONE')",
				Map.of("resident", residentId));
	}

	/** Who may see how much of a need. */
	private enum Level {

		/** Everything: the resident, the address, the volunteers coming. */
		FULL,

		/** What, where roughly and when: for volunteers deciding whether to accept. */
		SUMMARY,

		/** Nothing. */
		NONE

	}

	private Level levelOf(Actor actor, NeedRow row) {
		if (actor == null) {
			return Level.NONE;
		}
		if (actor.accountId().equals(row.residentAccountId())) {
			return Level.FULL;
		}
		if (this.accessPolicy.allows(actor, Access.READ, scope(row))) {
			return Level.FULL;
		}
		Optional<VolunteerView> volunteer = actor.has(Role.VOLUNTEER) ? this.volunteers.findByAccount(actor.accountId())
				: Optional.empty();
		if (volunteer.isEmpty()) {
			return Level.NONE;
		}
		if (this.repository.volunteersOf(row.id())
			.stream()
			.anyMatch((a) -> a.volunteerId().equals(volunteer.get().id()))) {
			return Level.FULL;
		}
		if (row.status() == NeedStatus.DISPATCHED && row.organizationId() != null
				&& this.repository.isActiveMember(row.organizationId(), volunteer.get().id())) {
			return Level.SUMMARY;
		}
		return Level.NONE;
	}

	private ScopedObject scope(NeedRow row) {
		return new ScopedObject("need", row.id().toString(), row.residentAccountId(), row.regionCode(),
				(row.organizationId() != null) ? Set.of(row.organizationId()) : Set.of());
	}

	/** Records a read of the resident's need by anyone but the resident. */
	private void audit(Actor actor, NeedRow row, Level level) {
		if (actor != null && actor.accountId().equals(row.residentAccountId())) {
			return;
		}
		this.events.publishEvent(new PersonalDataAccessed((actor != null) ? actor.accountId() : null, Access.READ,
				"need", row.id().toString(), row.regionCode(), level != Level.NONE, row.residentAccountId()));
	}

	private NeedView toView(NeedRow row, Level level) {
		boolean full = level == Level.FULL;
		List<NeedView.Person> coming = this.repository.volunteersOf(row.id())
			.stream()
			.map((a) -> new NeedView.Person(a.volunteerId(), a.name(),
					(a.phone() != null) ? PhoneNumbers.mask(a.phone()) : null))
			.toList();
		NeedView.Person resident = full ? new NeedView.Person(row.residentId(), row.residentName(),
				(row.residentPhone() != null) ? PhoneNumbers.mask(row.residentPhone()) : null) : null;
		return new NeedView(row.id(), row.status(), row.title(), row.description(), row.field(), row.regionCode(),
				full ? this.cipher.open(row.addressSealed()) : null, full ? row.lat() : null, full ? row.lng() : null,
				row.wantedFrom(), row.wantedTo(), row.menuItemId(), row.organizationId(), row.organizationName(),
				resident, full ? coming : List.of(), row.submittedAt(), row.dispatchedAt(), row.acceptedAt(),
				row.startedAt(), row.endedAt(), row.doneAt(), row.ratedAt(), row.stars(), row.ratingComment(),
				row.overdue(), row.overdueSince(), full ? this.repository.timeline(row.id()) : List.of());
	}

	void notifyAdmins(UUID organizationId, String messageKey, List<String> args, UUID needId) {
		if (organizationId == null) {
			return;
		}
		OffsetDateTime now = now();
		this.notifications.sendAll(this.repository.adminAccountsOf(organizationId)
			.stream()
			.map((account) -> new NotificationRequest(account, NotificationKind.GENERAL, messageKey, args,
					"/needs/" + needId, messageKey + ":" + needId + ":" + now.toEpochSecond()))
			.toList());
	}

	/** A need as another module may know it (no resident, no address), if it exists. */
	public Optional<NeedReference> reference(UUID id) {
		return this.repository.need(id)
			.map((row) -> new NeedReference(row.id(), row.title(), row.regionCode(), row.status()));
	}

	/**
	 * The open needs of a region and below, newest first, as other modules may know them:
	 * for an operator picking the need that a service pays for.
	 * @throws ProblemException 403 unless the caller oversees the region
	 */
	public List<NeedReference> openIn(Actor actor, String regionCode, int limit) {
		if (regionCode == null || !this.regions.exists(regionCode) || !this.accessPolicy.oversees(actor, regionCode)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		return this.repository.openNeeds(Regions.prefixOf(regionCode), limit);
	}

	NeedRow require(UUID id) {
		return this.repository.need(id).orElseThrow(() -> ProblemException.notFound("NEED_NOT_FOUND", "need.notFound"));
	}

	static ProblemException invalidState(NeedStatus current) {
		return ProblemException.conflict("INVALID_STATE", "need.invalidState", current.name());
	}

	private static void checkWish(OffsetDateTime from, OffsetDateTime to, List<FieldProblem> problems) {
		if (from == null) {
			problems.add(new FieldProblem("wantedFrom", "validation.required"));
		}
		if (to == null) {
			problems.add(new FieldProblem("wantedTo", "validation.required"));
		}
		if (from == null || to == null) {
			return;
		}
		OffsetDateTime now = now();
		if (from.isAfter(now.plus(FARTHEST_WISH))) {
			problems.add(new FieldProblem("wantedFrom", "validation.need.farFuture"));
		}
		if (!to.isAfter(from) || Duration.between(from, to).compareTo(LONGEST_WISH) > 0) {
			problems.add(new FieldProblem("wantedTo", "validation.need.wish"));
		}
		else if (!to.isAfter(now)) {
			problems.add(new FieldProblem("wantedTo", "validation.need.past"));
		}
	}

	private static boolean validPoint(double lat, double lng) {
		return Double.isFinite(lat) && Double.isFinite(lng) && lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180;
	}

	private static String key(String idempotencyKey) {
		String key = (idempotencyKey != null && !idempotencyKey.isBlank()) ? idempotencyKey.strip() : null;
		if (key != null && key.length() > 100) {
			throw ProblemException.invalid(List.of(new FieldProblem("Idempotency-Key", "validation.record.key")));
		}
		return key;
	}

	private static String blankToNull(String text) {
		return (text != null && !text.isBlank()) ? text.strip() : null;
	}

	private static String truncate(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) : text;
	}

	static OffsetDateTime seconds(OffsetDateTime time) {
		return (time != null) ? time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS) : null;
	}

	static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
