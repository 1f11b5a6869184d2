package org.zhiyuan.emergency;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Role;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.emergency.DutyRepository.Team;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.volunteer.VolunteerDeregistered;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emergency duty rosters (应急值守): who of an emergency team is on duty on each day and
 * shift. The team's leaders (the organization's admins) or an operator of its region put
 * active adult members on duty and take them off; a volunteer is on duty once in a shift,
 * which the table's key guards however many assign at once. A member on duty asks another
 * member to swap (one of the other's shifts, or the other takes theirs over); the other
 * agrees, a leader approves, and both duties change in one transaction. Everyone involved
 * is told, every step is audited, and a deregistered volunteer's duties go.
 * <p>
 * Others ask who is on duty with {@link #onDuty(String, LocalDate, Shift)} or
 * {@link #onDutyNow(String)}: a mobilization may call them first.
 */
@Service
public class DutyRosters {

	/** The longest roster read at once. */
	static final int MAX_DAYS = 31;

	/** How far ahead duties are planned. */
	static final int PLAN_DAYS = 366;

	/** How far ahead a volunteer's own shifts are listed. */
	static final int MY_DAYS = 30;

	static final int ADULT_AGE = 18;

	static final int MAX_TEAMS = 100;

	private static final String LINK = "/emergency/duty";

	private final DutyRepository repository;

	private final Organizations organizations;

	private final Volunteers volunteers;

	private final AccessPolicy accessPolicy;

	private final Notifications notifications;

	private final AuditLog auditLog;

	private final TransactionTemplate transaction;

	DutyRosters(DutyRepository repository, Organizations organizations, Volunteers volunteers,
			AccessPolicy accessPolicy, Notifications notifications, AuditLog auditLog,
			PlatformTransactionManager transactions) {
		this.repository = repository;
		this.organizations = organizations;
		this.volunteers = volunteers;
		this.accessPolicy = accessPolicy;
		this.notifications = notifications;
		this.auditLog = auditLog;
		this.transaction = new TransactionTemplate(transactions);
	}

	// for other modules

	/**
	 * The volunteers on duty in the shift for the active emergency teams of the region
	 * prefix (and below it), who are still active members: a mobilization may call them
	 * first.
	 */
	public List<UUID> onDuty(String regionPrefix, LocalDate day, Shift shift) {
		return this.repository.onDuty((regionPrefix != null) ? regionPrefix : "", day, shift);
	}

	/** The volunteers on duty now for the emergency teams of the region prefix. */
	public List<UUID> onDutyNow(String regionPrefix) {
		Shift.DayShift now = Shift.at(now());
		return onDuty(regionPrefix, now.day(), now.shift());
	}

	// the roster

	/**
	 * The team's roster from one day to another (at most {@value #MAX_DAYS} days; from
	 * today for a week when not given): for its leaders, its members and the overseers of
	 * its region; audited.
	 * @throws ProblemException 400 {@code from}, {@code to}; 404
	 * {@code EMERGENCY_TEAM_NOT_FOUND}; 403 for anyone else
	 */
	public Roster roster(Actor actor, UUID organizationId, String from, String to) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate start = (from == null || from.isBlank()) ? today() : parseDay(from);
		if (start == null) {
			problems.add(new FieldProblem("from", "validation.emergency.duty.from"));
		}
		LocalDate end = (to == null || to.isBlank()) ? ((start != null) ? start.plusDays(6) : null) : parseDay(to);
		if (end == null && to != null && !to.isBlank()) {
			problems.add(new FieldProblem("to", "validation.emergency.duty.to", MAX_DAYS));
		}
		else if (start != null && end != null
				&& (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) >= MAX_DAYS)) {
			problems.add(new FieldProblem("to", "validation.emergency.duty.to", MAX_DAYS));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		Team team = team(organizationId);
		boolean manages = manages(actor, team);
		if (!manages && !this.accessPolicy.oversees(actor, team.regionCode()) && !isMember(actor, team)) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		this.auditLog.record(AuditRecord.of("emergency.duty.read", actor.accountId())
			.on("emergency-duty", team.id())
			.inRegion(team.regionCode())
			.inOrganization(team.id())
			.withDetail(start + ".." + end));
		return roster(team, start, end, manages);
	}

	private Roster roster(Team team, LocalDate from, LocalDate to, boolean manages) {
		Map<String, List<DutyMember>> byShift = new LinkedHashMap<>();
		for (DutyAssignment duty : this.repository.duties(team.id(), from, to)) {
			byShift.computeIfAbsent(duty.day() + "/" + duty.shift(), (key) -> new ArrayList<>())
				.add(new DutyMember(duty.volunteerId(), duty.name()));
		}
		List<DutyShift> shifts = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			for (Shift shift : Shift.values()) {
				shifts.add(new DutyShift(day, shift, shift.startsOn(day), shift.endsOn(day),
						byShift.getOrDefault(day + "/" + shift, List.of())));
			}
		}
		return new Roster(team.id(), team.name(), team.regionCode(), from, to, manages, shifts);
	}

	/**
	 * Whether the actor may put the team's members on duty and approve their swaps: one
	 * of its leaders (the organization's admins) or an operator of its region.
	 */
	public boolean mayManage(Actor actor, UUID organizationId) {
		return this.repository.team(organizationId).map((team) -> manages(actor, team)).orElse(false);
	}

	/**
	 * The team's active adult members, by name: for the leaders and the members choosing
	 * whom to ask for a swap; audited.
	 * @throws ProblemException 404 {@code EMERGENCY_TEAM_NOT_FOUND}; 403 for anyone else
	 */
	public List<DutyMember> members(Actor actor, UUID organizationId) {
		Team team = team(organizationId);
		if (!manages(actor, team) && !isMember(actor, team)) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		this.auditLog.record(AuditRecord.of("emergency.duty.members", actor.accountId())
			.on("emergency-duty", team.id())
			.inRegion(team.regionCode())
			.inOrganization(team.id()));
		return this.repository.adultMembers(team.id(), today().minusYears(ADULT_AGE));
	}

	/** The emergency teams the actor leads or whose region they operate, by name. */
	public List<DutyTeam> managedTeams(Actor actor) {
		Set<UUID> led = new HashSet<>();
		actor.scopesOf(Role.ORG_ADMIN).forEach((scope) -> Ids.parse(scope).ifPresent(led::add));
		Set<String> prefixes = new LinkedHashSet<>();
		actor.scopesOf(Role.OPERATOR).forEach((scope) -> prefixes.add(Regions.prefixOf(scope)));
		return this.repository.teams(led, prefixes, MAX_TEAMS)
			.stream()
			.map((team) -> new DutyTeam(team.id(), team.name(), team.regionCode()))
			.toList();
	}

	/**
	 * Puts a member of the team on duty in a shift; again changes nothing.
	 * @throws ProblemException 400 naming every bad field; 404
	 * {@code EMERGENCY_TEAM_NOT_FOUND}; 403 for anyone but its leaders and the operators
	 * of its region; 422 {@code NOT_A_MEMBER}, {@code REQUIREMENT_NOT_MET} (under 18);
	 * 409 {@code ALREADY_ON_DUTY} for another team in the shift
	 */
	public DutyAssignment assign(Actor actor, UUID organizationId, String day, String shift, UUID volunteerId) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate parsedDay = plannedDay(day, "day", problems);
		Shift parsedShift = shift(shift, "shift", problems);
		if (volunteerId == null) {
			problems.add(new FieldProblem("volunteerId", "validation.emergency.duty.volunteerId"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		Team team = managed(actor, organizationId);
		VolunteerView volunteer = adultMember(team, volunteerId, parsedDay);
		try {
			this.transaction.executeWithoutResult((status) -> {
				OffsetDateTime now = now();
				this.repository.insertDuty(team.id(), volunteer.id(), parsedDay, parsedShift, actor.accountId(), now);
				this.auditLog.record(AuditRecord.of("emergency.duty.assign", actor.accountId())
					.on("emergency-duty", team.id())
					.inRegion(team.regionCode())
					.inOrganization(team.id())
					.about(volunteer.accountId())
					.withDetail(parsedDay + " " + parsedShift));
				this.notifications.send(new NotificationRequest(volunteer.accountId(), NotificationKind.GENERAL,
						"notice.emergency.duty.assigned", List.of(team.name(), parsedDay.toString(), span(parsedShift)),
						LINK, "emergency.duty.assigned:" + volunteer.id() + ":" + parsedDay + ":" + parsedShift + ":"
								+ now.toInstant().toEpochMilli()));
			});
		}
		catch (DuplicateKeyException ex) {
			// on duty already, maybe assigned at the same moment: the same team's is this
			// one
		}
		UUID on = this.repository.dutyTeam(volunteer.id(), parsedDay, parsedShift)
			.orElseThrow(() -> ProblemException.conflict("ALREADY_ON_DUTY", "emergency.duty.elsewhere"));
		if (!on.equals(team.id())) {
			throw ProblemException.conflict("ALREADY_ON_DUTY", "emergency.duty.elsewhere");
		}
		return new DutyAssignment(team.id(), team.name(), volunteer.id(), volunteer.name(), parsedDay, parsedShift,
				parsedShift.startsOn(parsedDay), parsedShift.endsOn(parsedDay));
	}

	/**
	 * Takes a member off duty in a shift.
	 * @throws ProblemException 400 naming every bad field; 404
	 * {@code EMERGENCY_TEAM_NOT_FOUND}, {@code DUTY_NOT_FOUND}; 403 for anyone but its
	 * leaders and the operators of its region
	 */
	public void unassign(Actor actor, UUID organizationId, String day, String shift, UUID volunteerId) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate parsedDay = parseDay(day);
		if (parsedDay == null) {
			problems.add(new FieldProblem("day", "validation.emergency.duty.day", PLAN_DAYS));
		}
		Shift parsedShift = shift(shift, "shift", problems);
		if (volunteerId == null) {
			problems.add(new FieldProblem("volunteerId", "validation.emergency.duty.volunteerId"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		Team team = managed(actor, organizationId);
		this.transaction.executeWithoutResult((status) -> {
			if (!this.repository.deleteDuty(team.id(), volunteerId, parsedDay, parsedShift)) {
				throw dutyNotFound();
			}
			VolunteerView volunteer = this.volunteers.find(volunteerId).orElseThrow();
			this.auditLog.record(AuditRecord.of("emergency.duty.unassign", actor.accountId())
				.on("emergency-duty", team.id())
				.inRegion(team.regionCode())
				.inOrganization(team.id())
				.about(volunteer.accountId())
				.withDetail(parsedDay + " " + parsedShift));
			this.notifications.send(new NotificationRequest(volunteer.accountId(), NotificationKind.GENERAL,
					"notice.emergency.duty.unassigned", List.of(team.name(), parsedDay.toString(), span(parsedShift)),
					LINK, "emergency.duty.unassigned:" + volunteerId + ":" + parsedDay + ":" + parsedShift + ":"
							+ now().toInstant().toEpochMilli()));
		});
	}

	// swaps

	/**
	 * The caller, on duty for the team in a shift, asks another member to swap: for one
	 * of the other's shifts when {@code partnerDay} and {@code partnerShift} are given,
	 * else the other takes theirs over. The other member is told. With an
	 * {@code Idempotency-Key} a repeat returns the first request.
	 * @throws ProblemException 400 naming every bad field; 404
	 * {@code EMERGENCY_TEAM_NOT_FOUND}, {@code NOT_A_VOLUNTEER}, {@code DUTY_NOT_FOUND}
	 * (the caller's, or the partner's named); 422 {@code NOT_A_MEMBER},
	 * {@code REQUIREMENT_NOT_MET} for the partner
	 */
	public DutySwap askSwap(Actor actor, UUID organizationId, SwapAsked asked, String idempotencyKey) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate day = plannedDay(asked.day(), "day", problems);
		Shift shift = shift(asked.shift(), "shift", problems);
		if (asked.withVolunteerId() == null) {
			problems.add(new FieldProblem("withVolunteerId", "validation.emergency.duty.partner"));
		}
		LocalDate partnerDay = null;
		Shift partnerShift = null;
		boolean exchange = (asked.partnerDay() != null && !asked.partnerDay().isBlank())
				|| (asked.partnerShift() != null && !asked.partnerShift().isBlank());
		if (exchange) {
			partnerDay = plannedDay(asked.partnerDay(), "partnerDay", problems);
			partnerShift = shift(asked.partnerShift(), "partnerShift", problems);
			if (day != null && shift != null && day.equals(partnerDay) && shift == partnerShift) {
				problems.add(new FieldProblem("partnerShift", "validation.emergency.duty.sameShift"));
			}
		}
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
			problems.add(new FieldProblem("Idempotency-Key", "validation.record.key"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		Team team = team(organizationId);
		VolunteerView me = this.volunteers.mine(actor);
		if (idempotencyKey != null) {
			Optional<UUID> earlier = this.repository.swapWithKey(actor.accountId(), idempotencyKey);
			if (earlier.isPresent()) {
				return this.repository.swap(earlier.get()).orElseThrow();
			}
		}
		if (me.id().equals(asked.withVolunteerId())) {
			throw ProblemException
				.invalid(List.of(new FieldProblem("withVolunteerId", "validation.emergency.duty.partner")));
		}
		if (!team.id().equals(this.repository.dutyTeam(me.id(), day, shift).orElse(null))) {
			throw dutyNotFound();
		}
		VolunteerView partner = adultMember(team, asked.withVolunteerId(), day);
		if (exchange
				&& !team.id().equals(this.repository.dutyTeam(partner.id(), partnerDay, partnerShift).orElse(null))) {
			throw dutyNotFound();
		}
		UUID id = Ids.newId();
		LocalDate theirDay = partnerDay;
		Shift theirShift = partnerShift;
		try {
			this.transaction.executeWithoutResult((status) -> {
				this.repository.insertSwap(id, team.id(), me.id(), day, shift, partner.id(), theirDay, theirShift,
						actor.accountId(), idempotencyKey, now());
				this.auditLog.record(AuditRecord.of("emergency.duty.swap.ask", actor.accountId())
					.on("emergency-duty-swap", id)
					.inRegion(team.regionCode())
					.inOrganization(team.id())
					.about(partner.accountId()));
				this.notifications.send(new NotificationRequest(partner.accountId(), NotificationKind.GENERAL,
						"notice.emergency.duty.swapAsked", List.of(me.name(), team.name(), day.toString(), span(shift)),
						LINK, "emergency.duty.swap.asked:" + id));
			});
		}
		catch (DuplicateKeyException ex) {
			// the same key at the same moment: the other one asked
			return this.repository.swapWithKey(actor.accountId(), idempotencyKey)
				.flatMap(this.repository::swap)
				.orElseThrow(() -> ex);
		}
		return this.repository.swap(id).orElseThrow();
	}

	/**
	 * The member asked agrees; the team's leaders and the member who asked are told.
	 * @throws ProblemException 404 {@code SWAP_NOT_FOUND}; 403 for anyone but the member
	 * asked; 409 {@code INVALID_STATE} unless it is asked
	 */
	public DutySwap accept(Actor actor, UUID organizationId, UUID swapId) {
		DutySwap swap = swapOf(organizationId, swapId);
		VolunteerView me = this.volunteers.findByAccount(actor.accountId()).orElse(null);
		if (me == null || !me.id().equals(swap.partnerId())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		Team team = team(swap.organizationId());
		this.transaction.executeWithoutResult((status) -> {
			SwapStatus current = this.repository.lockSwap(swapId).orElseThrow(DutyRosters::swapNotFound);
			if (current != SwapStatus.ASKED) {
				throw ProblemException.conflict("INVALID_STATE", "emergency.duty.swap.state");
			}
			this.repository.agree(swapId, now());
			this.auditLog.record(AuditRecord.of("emergency.duty.swap.agree", actor.accountId())
				.on("emergency-duty-swap", swapId)
				.inRegion(team.regionCode())
				.inOrganization(team.id()));
			List<NotificationRequest> told = new ArrayList<>();
			Set<UUID> accounts = new LinkedHashSet<>(this.repository.leaderAccounts(team.id()));
			this.volunteers.find(swap.requesterId()).ifPresent((requester) -> accounts.add(requester.accountId()));
			accounts.remove(actor.accountId());
			for (UUID account : accounts) {
				told.add(new NotificationRequest(account, NotificationKind.GENERAL, "notice.emergency.duty.swapAgreed",
						List.of(swap.partnerName(), swap.requesterName(), team.name(), swap.day().toString(),
								span(swap.shift())),
						LINK, "emergency.duty.swap.agreed:" + swapId));
			}
			this.notifications.sendAll(told);
		});
		return swap(swapId);
	}

	/**
	 * A leader of the team (or an operator of its region) approves an agreed swap: both
	 * duties change in one transaction, and both members are told.
	 * @throws ProblemException 404 {@code SWAP_NOT_FOUND}; 403 for anyone else; 409
	 * {@code INVALID_STATE} unless it is agreed, {@code SWAP_STALE} when a duty changed
	 * since or a member is on duty elsewhere in the shift they would take
	 */
	public DutySwap approve(Actor actor, UUID organizationId, UUID swapId) {
		DutySwap swap = swapOf(organizationId, swapId);
		Team team = team(swap.organizationId());
		if (!manages(actor, team)) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		try {
			this.transaction.executeWithoutResult((status) -> {
				SwapStatus current = this.repository.lockSwap(swapId).orElseThrow(DutyRosters::swapNotFound);
				if (current != SwapStatus.AGREED) {
					throw ProblemException.conflict("INVALID_STATE", "emergency.duty.swap.state");
				}
				exchange(actor, team, swap);
				this.repository.decide(swapId, SwapStatus.APPROVED, actor.accountId(), now());
				this.auditLog.record(AuditRecord.of("emergency.duty.swap.approve", actor.accountId())
					.on("emergency-duty-swap", swapId)
					.inRegion(team.regionCode())
					.inOrganization(team.id()));
				tell(swap, team, "notice.emergency.duty.swapApproved", "approved", actor);
			});
		}
		catch (DuplicateKeyException ex) {
			// a member was put on duty elsewhere in the shift at the same moment
			throw stale();
		}
		return swap(swapId);
	}

	private void exchange(Actor actor, Team team, DutySwap swap) {
		if (!team.id().equals(this.repository.dutyTeam(swap.requesterId(), swap.day(), swap.shift()).orElse(null))
				|| !this.repository.isActiveMember(team.id(), swap.partnerId())) {
			throw stale();
		}
		if (this.repository.dutyTeam(swap.partnerId(), swap.day(), swap.shift()).isPresent()) {
			throw stale();
		}
		if (swap.isExchange()) {
			if (!team.id()
				.equals(this.repository.dutyTeam(swap.partnerId(), swap.partnerDay(), swap.partnerShift()).orElse(null))
					|| this.repository.dutyTeam(swap.requesterId(), swap.partnerDay(), swap.partnerShift())
						.isPresent()) {
				throw stale();
			}
			if (!this.repository.deleteDuty(team.id(), swap.partnerId(), swap.partnerDay(), swap.partnerShift())) {
				throw stale();
			}
		}
		// a swap approved at the same moment may have taken the duty: then nothing
		// changes
		if (!this.repository.deleteDuty(team.id(), swap.requesterId(), swap.day(), swap.shift())) {
			throw stale();
		}
		OffsetDateTime now = now();
		this.repository.insertDuty(team.id(), swap.partnerId(), swap.day(), swap.shift(), actor.accountId(), now);
		if (swap.isExchange()) {
			this.repository.insertDuty(team.id(), swap.requesterId(), swap.partnerDay(), swap.partnerShift(),
					actor.accountId(), now);
		}
	}

	/**
	 * Declines an open swap: the member asked (while it is asked), the member who asked
	 * (withdrawing it), or a leader of the team (or an operator of its region). The
	 * others involved are told; no duty changes.
	 * @throws ProblemException 404 {@code SWAP_NOT_FOUND}; 403 for anyone else; 409
	 * {@code INVALID_STATE} once it is decided (or agreed, for the member asked)
	 */
	public DutySwap decline(Actor actor, UUID organizationId, UUID swapId) {
		DutySwap swap = swapOf(organizationId, swapId);
		Team team = team(swap.organizationId());
		VolunteerView me = this.volunteers.findByAccount(actor.accountId()).orElse(null);
		boolean requester = me != null && me.id().equals(swap.requesterId());
		boolean partner = me != null && me.id().equals(swap.partnerId());
		boolean leader = manages(actor, team);
		if (!requester && !partner && !leader) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		this.transaction.executeWithoutResult((status) -> {
			SwapStatus current = this.repository.lockSwap(swapId).orElseThrow(DutyRosters::swapNotFound);
			boolean open = current == SwapStatus.ASKED || current == SwapStatus.AGREED;
			if (!open || (current == SwapStatus.AGREED && partner && !requester && !leader)) {
				throw ProblemException.conflict("INVALID_STATE", "emergency.duty.swap.state");
			}
			this.repository.decide(swapId, SwapStatus.DECLINED, actor.accountId(), now());
			this.auditLog.record(AuditRecord.of("emergency.duty.swap.decline", actor.accountId())
				.on("emergency-duty-swap", swapId)
				.inRegion(team.regionCode())
				.inOrganization(team.id())
				.withDetail(requester ? "withdrawn" : (partner ? "by the member asked" : "by the leader")));
			tell(swap, team, "notice.emergency.duty.swapDeclined", "declined", actor);
		});
		return swap(swapId);
	}

	/** Tells both members (but not the one acting) how the swap ended. */
	private void tell(DutySwap swap, Team team, String key, String what, Actor actor) {
		List<NotificationRequest> told = new ArrayList<>();
		for (UUID volunteerId : List.of(swap.requesterId(), swap.partnerId())) {
			this.volunteers.find(volunteerId)
				.filter((volunteer) -> !volunteer.accountId().equals(actor.accountId()))
				.ifPresent((volunteer) -> told.add(new NotificationRequest(volunteer.accountId(),
						NotificationKind.GENERAL, key, List.of(swap.requesterName(), swap.partnerName(), team.name(),
								swap.day().toString(), span(swap.shift())),
						LINK, "emergency.duty.swap." + what + ":" + swap.id())));
		}
		this.notifications.sendAll(told);
	}

	/**
	 * The team's open swaps (asked or agreed), for its leaders and the overseers of its
	 * region.
	 * @throws ProblemException 404 {@code EMERGENCY_TEAM_NOT_FOUND}; 403 for anyone else
	 */
	public List<DutySwap> openSwaps(Actor actor, UUID organizationId) {
		Team team = team(organizationId);
		if (!manages(actor, team) && !this.accessPolicy.oversees(actor, team.regionCode())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		return this.repository.openSwaps(team.id());
	}

	// a volunteer's own

	/**
	 * The caller's shifts from today for {@value #MY_DAYS} days, today's duty of their
	 * emergency teams and their open swaps.
	 * @throws ProblemException 404 {@code NOT_A_VOLUNTEER}
	 */
	public MyDuty mine(Actor actor) {
		VolunteerView me = this.volunteers.mine(actor);
		LocalDate today = today();
		List<DutyAssignment> shifts = this.repository.dutiesOf(me.id(), today, today.plusDays(MY_DAYS));
		List<Roster> teams = new ArrayList<>();
		for (Team team : this.repository.teamsOf(me.id())) {
			teams.add(roster(team, today, today, manages(actor, team)));
		}
		if (!teams.isEmpty()) {
			this.auditLog.record(AuditRecord.of("emergency.duty.read", actor.accountId())
				.on("emergency-duty", "today")
				.inRegion(me.regionCode())
				.withDetail(teams.size() + " teams"));
		}
		return new MyDuty(me.id(), shifts, teams, this.repository.openSwapsOf(me.id()));
	}

	/**
	 * The team's shifts from today for {@value #MY_DAYS} days, others than the caller's:
	 * the shifts a member may ask to swap for.
	 */
	public List<DutyAssignment> othersShifts(Actor actor, UUID organizationId) {
		Team team = team(organizationId);
		VolunteerView me = this.volunteers.mine(actor);
		if (!isMember(actor, team)) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		LocalDate today = today();
		return this.repository.duties(team.id(), today, today.plusDays(MY_DAYS))
			.stream()
			.filter((duty) -> !duty.volunteerId().equals(me.id()))
			.toList();
	}

	/** A deregistered volunteer's duties and swaps go, in the same transaction. */
	@EventListener
	void on(VolunteerDeregistered event) {
		this.repository.forget(event.volunteerId());
	}

	// helpers

	private Team team(UUID organizationId) {
		return this.repository.team(organizationId)
			.orElseThrow(() -> ProblemException.notFound("EMERGENCY_TEAM_NOT_FOUND", "emergency.team.notFound"));
	}

	private Team managed(Actor actor, UUID organizationId) {
		Team team = team(organizationId);
		if (!manages(actor, team)) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		return team;
	}

	private boolean manages(Actor actor, Team team) {
		return actor != null && (this.organizations.isAdmin(actor, team.id())
				|| this.accessPolicy.operates(actor, team.regionCode()));
	}

	private boolean isMember(Actor actor, Team team) {
		return actor != null && this.volunteers.findByAccount(actor.accountId())
			.map((volunteer) -> this.repository.isActiveMember(team.id(), volunteer.id()))
			.orElse(false);
	}

	private VolunteerView adultMember(Team team, UUID volunteerId, LocalDate day) {
		VolunteerView volunteer = this.volunteers.find(volunteerId)
			.filter((found) -> this.repository.isActiveMember(team.id(), found.id()))
			.orElseThrow(() -> ProblemException.unprocessable("NOT_A_MEMBER", "emergency.duty.notMember"));
		if (volunteer.ageOn(day) < ADULT_AGE) {
			throw ProblemException.unprocessable("REQUIREMENT_NOT_MET", "emergency.duty.minor", ADULT_AGE);
		}
		return volunteer;
	}

	private static DutySwap swapOrThrow(Optional<DutySwap> swap) {
		return swap.orElseThrow(DutyRosters::swapNotFound);
	}

	/** The team's swap: another team's is not found. */
	private DutySwap swapOf(UUID organizationId, UUID id) {
		return swapOrThrow(this.repository.swap(id).filter((swap) -> swap.organizationId().equals(organizationId)));
	}

	private DutySwap swap(UUID id) {
		return swapOrThrow(this.repository.swap(id));
	}

	/** The problems of a shift to put someone on duty in, as a form gave it. */
	public static List<FieldProblem> problemsOf(String day, String shift) {
		List<FieldProblem> problems = new ArrayList<>();
		plannedDay(day, "day", problems);
		shift(shift, "shift", problems);
		return problems;
	}

	/** A day from today to {@value #PLAN_DAYS} days ahead. */
	private static LocalDate plannedDay(String text, String field, List<FieldProblem> problems) {
		LocalDate day = parseDay(text);
		LocalDate today = today();
		if (day == null || day.isBefore(today) || day.isAfter(today.plusDays(PLAN_DAYS))) {
			problems.add(new FieldProblem(field, "validation.emergency.duty.day", PLAN_DAYS));
			return null;
		}
		return day;
	}

	private static Shift shift(String text, String field, List<FieldProblem> problems) {
		int before = problems.size();
		Shift shift = Enums.parse(Shift.class, text, field, problems);
		if (shift == null && problems.size() == before) {
			problems.add(new FieldProblem(field, "validation.emergency.duty.shift"));
		}
		return shift;
	}

	static LocalDate parseDay(String text) {
		if (text == null || text.length() != 10) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** A shift's hours, the same in every language. */
	private static String span(Shift shift) {
		return shift.start() + "–" + shift.start().plusHours(Shift.HOURS);
	}

	private static ProblemException dutyNotFound() {
		return ProblemException.notFound("DUTY_NOT_FOUND", "emergency.duty.notFound");
	}

	private static ProblemException swapNotFound() {
		return ProblemException.notFound("SWAP_NOT_FOUND", "emergency.duty.swap.notFound");
	}

	private static ProblemException stale() {
		return ProblemException.conflict("SWAP_STALE", "emergency.duty.swap.stale");
	}

	static LocalDate today() {
		return LocalDate.now(Shift.ZONE);
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
	}

	/** A swap as asked: the caller's shift, the partner, and maybe one of theirs. */
	public record SwapAsked(String day, String shift, UUID withVolunteerId, String partnerDay, String partnerShift) {

	}

	/** An emergency team a leader or operator manages the roster of. */
	public record DutyTeam(UUID organizationId, String name, String regionCode) {

	}

}
