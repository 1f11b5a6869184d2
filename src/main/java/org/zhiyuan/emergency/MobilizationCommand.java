package org.zhiyuan.emergency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.attendance.CheckinCodes;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.emergency.CommandRepository.GroupRow;
import org.zhiyuan.emergency.CommandRepository.PersonRow;
import org.zhiyuan.emergency.EmergencyRepository.Locked;
import org.zhiyuan.emergency.EmergencyRepository.MobilizationRow;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.record.OnOverlap;
import org.zhiyuan.record.RecordMethod;
import org.zhiyuan.record.ServiceRecordView;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.region.Region;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.volunteer.VolunteerStatus;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The command of a mobilization: the board (needs against the accepted, the reserve, the
 * mustered and the assigned, with the people and where they mustered), task groups with a
 * leader, the signed code shown at the assembly point, and the stand-down, which writes a
 * service record for every mustered volunteer from their muster to the stand-down — under
 * their own emergency team, else under the team in command; a drill's activity says it
 * was a drill. The operators of the mobilization's region command; its auditors read.
 * Reading the people is audited.
 */
@Service
public class MobilizationCommand {

	static final int GROUP_NAME_LENGTH = 60;

	static final int TASK_LENGTH = 500;

	private static final int RECENT_CALLS = 50;

	private final EmergencyRepository repository;

	private final CommandRepository command;

	private final Volunteers volunteers;

	private final Activities activities;

	private final ServiceRecords records;

	private final CheckinCodes codes;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	private final Notifications notifications;

	private final AuditLog auditLog;

	private final TransactionTemplate transaction;

	MobilizationCommand(EmergencyRepository repository, CommandRepository command, Volunteers volunteers,
			Activities activities, ServiceRecords records, CheckinCodes codes, AccessPolicy accessPolicy,
			Regions regions, Notifications notifications, AuditLog auditLog, PlatformTransactionManager transactions) {
		this.repository = repository;
		this.command = command;
		this.volunteers = volunteers;
		this.activities = activities;
		this.records = records;
		this.codes = codes;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
		this.notifications = notifications;
		this.auditLog = auditLog;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * The command board: for the operators and auditors of the mobilization's region.
	 * @throws ProblemException 404 {@code MOBILIZATION_NOT_FOUND}; 403 for anyone else
	 */
	public Board board(Actor actor, UUID id) {
		MobilizationRow row = overseen(actor, id);
		Map<String, Long> counts = this.repository.counts(id);
		List<Need> needs = this.repository.needs(id);
		List<Long> accepted = this.repository.acceptedPerNeed(id,
				Mobilizations.now().atZoneSameInstant(Mobilizations.ZONE).toLocalDate());
		List<Board.NeedCount> needCounts = new ArrayList<>();
		for (int i = 0; i < needs.size(); i++) {
			Need need = needs.get(i);
			needCounts.add(new Board.NeedCount(need.skill(), need.count(), need.qualification(), need.insured(),
					accepted.get(i)));
		}
		return new Board(row.id(), row.title(), row.regionCode(), row.status(), row.drill(), row.assembleAt(),
				new Board.AssemblyPoint(row.assemblyName(), row.assemblyLat(), row.assemblyLng()), row.notified(),
				counts.getOrDefault(CallStatus.ACCEPTED.name(), 0L), counts.getOrDefault(CallStatus.RESERVE.name(), 0L),
				counts.getOrDefault(CallStatus.DECLINED.name(), 0L), counts.getOrDefault("MUSTERED", 0L),
				this.command.assigned(id), row.wave(), row.nextWaveAt(), row.recorded(), needCounts);
	}

	/**
	 * The accepted and the reserve, in the order they answered, with where they mustered
	 * and their group; the read is audited.
	 * @throws ProblemException 404 {@code MOBILIZATION_NOT_FOUND}; 403 for anyone but the
	 * region's operators and auditors
	 */
	public List<CommandPerson> people(Actor actor, UUID id) {
		MobilizationRow row = overseen(actor, id);
		Map<UUID, String> groupNames = new HashMap<>();
		this.command.groups(id).forEach((group) -> groupNames.put(group.id(), group.name()));
		List<CommandPerson> people = new ArrayList<>();
		for (PersonRow person : this.command.answered(id)) {
			Optional<VolunteerView> volunteer = this.volunteers.find(person.volunteerId());
			people.add(new CommandPerson(person.volunteerId(), volunteer.map(VolunteerView::name).orElse(""),
					volunteer.map(VolunteerView::volunteerNumber).orElse(""),
					volunteer.map(VolunteerView::phoneMasked).orElse(""), person.status(),
					(person.distanceMeters() != null) ? BigDecimal.valueOf(person.distanceMeters())
						.movePointLeft(3)
						.setScale(1, RoundingMode.HALF_UP) : null,
					person.musteredAt(), person.musterLat(), person.musterLng(), person.groupId(),
					(person.groupId() != null) ? groupNames.get(person.groupId()) : null, person.recordedHours()));
		}
		this.auditLog.record(AuditRecord.of("emergency.mobilization.people", actor.accountId())
			.on("mobilization", id)
			.inRegion(row.regionCode())
			.withDetail(people.size() + " people"));
		return people;
	}

	/**
	 * The task groups with their leader and how many are in each.
	 * @throws ProblemException 404 {@code MOBILIZATION_NOT_FOUND}; 403 for anyone but the
	 * region's operators and auditors
	 */
	public List<TaskGroup> groups(Actor actor, UUID id) {
		overseen(actor, id);
		return this.command.groups(id).stream().map(this::view).toList();
	}

	/**
	 * Forms a task group (an operator of the region): a name, the task, a leader among
	 * the accepted, and the accepted put in it (the leader too); each is told their task.
	 * @throws ProblemException 400 naming every bad field ({@code name} also when the
	 * mobilization has a group of that name); 404 {@code MOBILIZATION_NOT_FOUND}; 403;
	 * 409 {@code INVALID_STATE} once stood down
	 */
	public TaskGroup formGroup(Actor actor, UUID id, String name, String task, UUID leaderId, List<UUID> memberIds) {
		MobilizationRow row = this.repository.mobilization(id).orElseThrow(Mobilizations::notFound);
		this.accessPolicy.requireOperatorOf(actor, row.regionCode());
		List<FieldProblem> problems = new ArrayList<>();
		if (name == null || name.isBlank() || name.strip().length() > GROUP_NAME_LENGTH) {
			problems.add(new FieldProblem("name", "validation.emergency.groupName", GROUP_NAME_LENGTH));
		}
		if (task == null || task.isBlank() || task.strip().length() > TASK_LENGTH) {
			problems.add(new FieldProblem("task", "validation.emergency.task", TASK_LENGTH));
		}
		if (leaderId == null) {
			problems.add(new FieldProblem("leaderId", "validation.emergency.leader"));
		}
		if (memberIds != null && memberIds.size() > CommandRepository.PEOPLE_LIMIT) {
			problems.add(new FieldProblem("memberIds", "validation.emergency.members", CommandRepository.PEOPLE_LIMIT));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		try {
			return this.transaction.execute((status) -> {
				Locked locked = this.repository.lock(id).orElseThrow(Mobilizations::notFound);
				if (locked.status() != MobilizationStatus.OPEN) {
					throw ProblemException.conflict("INVALID_STATE", "emergency.mobilization.stoodDown");
				}
				if (this.repository.call(id, leaderId).filter((c) -> c.status() == CallStatus.ACCEPTED).isEmpty()) {
					throw ProblemException
						.invalid(List.of(new FieldProblem("leaderId", "validation.emergency.leader")));
				}
				if (this.command.groups(id).stream().anyMatch((g) -> g.name().equals(name.strip()))) {
					throw ProblemException
						.invalid(List.of(new FieldProblem("name", "validation.emergency.groupTaken", name.strip())));
				}
				UUID groupId = Ids.newId();
				this.command.insertGroup(groupId, id, name.strip(), task.strip(), leaderId, actor.accountId(),
						Mobilizations.now());
				Set<UUID> members = new LinkedHashSet<>();
				members.add(leaderId);
				if (memberIds != null) {
					memberIds.stream().filter((m) -> m != null).forEach(members::add);
				}
				assign(actor, row, groupId, name.strip(), task.strip(), members);
				return view(this.command.group(id, groupId).orElseThrow());
			});
		}
		catch (DuplicateKeyException ex) {
			throw ProblemException
				.invalid(List.of(new FieldProblem("name", "validation.emergency.groupTaken", name.strip())));
		}
	}

	/**
	 * Puts accepted volunteers in a group (an operator of the region); they leave any
	 * group they were in and are told their task.
	 * @return the group as it stands
	 * @throws ProblemException 400 {@code volunteerIds}; 404
	 * {@code MOBILIZATION_NOT_FOUND} or {@code GROUP_NOT_FOUND}; 403; 409
	 * {@code INVALID_STATE} once stood down
	 */
	public TaskGroup assign(Actor actor, UUID id, UUID groupId, List<UUID> volunteerIds) {
		MobilizationRow row = this.repository.mobilization(id).orElseThrow(Mobilizations::notFound);
		this.accessPolicy.requireOperatorOf(actor, row.regionCode());
		if (volunteerIds == null || volunteerIds.isEmpty() || volunteerIds.size() > CommandRepository.PEOPLE_LIMIT
				|| volunteerIds.contains(null)) {
			throw ProblemException.invalid(List
				.of(new FieldProblem("volunteerIds", "validation.emergency.members", CommandRepository.PEOPLE_LIMIT)));
		}
		return this.transaction.execute((status) -> {
			Locked locked = this.repository.lock(id).orElseThrow(Mobilizations::notFound);
			if (locked.status() != MobilizationStatus.OPEN) {
				throw ProblemException.conflict("INVALID_STATE", "emergency.mobilization.stoodDown");
			}
			GroupRow group = this.command.group(id, groupId)
				.orElseThrow(() -> ProblemException.notFound("GROUP_NOT_FOUND", "emergency.group.notFound"));
			assign(actor, row, groupId, group.name(), group.task(), new LinkedHashSet<>(volunteerIds));
			return view(this.command.group(id, groupId).orElseThrow());
		});
	}

	private void assign(Actor actor, MobilizationRow row, UUID groupId, String name, String task, Set<UUID> members) {
		int assigned = this.command.assign(row.id(), groupId, members);
		for (UUID member : members) {
			this.repository.call(row.id(), member)
				.filter((call) -> call.status() == CallStatus.ACCEPTED)
				.ifPresent((call) -> this.notifications.send(new NotificationRequest(call.accountId(),
						NotificationKind.GENERAL, "notice.emergency.assigned", List.of(row.title(), name, task),
						Mobilizations.link(row.id()), "emergency.assigned:" + row.id() + ":" + groupId)));
		}
		this.auditLog.record(AuditRecord.of("emergency.mobilization.assign", actor.accountId())
			.on("mobilization", row.id())
			.inRegion(row.regionCode())
			.withDetail(name + ": " + assigned));
	}

	/**
	 * The signed code to show at the assembly point (the region's operators): it rotates
	 * every minute, like an activity's check-in code.
	 * @throws ProblemException 404 {@code MOBILIZATION_NOT_FOUND}; 403; 409
	 * {@code INVALID_STATE} once stood down
	 */
	public CheckinCodes.Issued musterCode(Actor actor, UUID id) {
		MobilizationRow row = this.repository.mobilization(id).orElseThrow(Mobilizations::notFound);
		this.accessPolicy.requireOperatorOf(actor, row.regionCode());
		if (row.status() != MobilizationStatus.OPEN) {
			throw ProblemException.conflict("INVALID_STATE", "emergency.mobilization.stoodDown");
		}
		return this.codes.issue(id, Mobilizations.now().toInstant());
	}

	/**
	 * Stands the mobilization down (an operator of its region), records the service of
	 * every mustered volunteer from their muster to now (split at midnight, so that no
	 * record spans two days; time that overlaps service already counted is kept but held
	 * for review), forgets where they mustered, and tells the accepted and the reserve.
	 * @throws ProblemException 404 {@code MOBILIZATION_NOT_FOUND}; 403 for anyone else;
	 * 409 {@code INVALID_STATE} when it is stood down already
	 */
	public StandDown standDown(Actor actor, UUID id) {
		MobilizationRow found = this.repository.mobilization(id).orElseThrow(Mobilizations::notFound);
		this.accessPolicy.requireOperatorOf(actor, found.regionCode());
		return this.transaction.execute((status) -> {
			Locked locked = this.repository.lock(id).orElseThrow(Mobilizations::notFound);
			if (locked.status() != MobilizationStatus.OPEN) {
				throw ProblemException.conflict("INVALID_STATE", "emergency.mobilization.stoodDown");
			}
			MobilizationRow row = this.repository.mobilization(id).orElseThrow();
			OffsetDateTime now = Mobilizations.now().withNano(0);
			this.repository.standDown(id, now);
			int recorded = record(actor, row, now);
			this.command.closeRecords(id, recorded);
			this.notifications.sendToEach(EmergencyRepository.STANDING_ACCOUNTS, Map.of("mobilization", id),
					new NotificationRequest(actor.accountId(), NotificationKind.GENERAL, "notice.emergency.stoodDown",
							List.of(row.title()), Mobilizations.link(id), "emergency.standDown:" + id));
			this.auditLog.record(AuditRecord.of("emergency.mobilization.standDown", actor.accountId())
				.on("mobilization", id)
				.inRegion(row.regionCode())
				.withDetail(recorded + " recorded"));
			return new StandDown(MobilizationStatus.STOOD_DOWN, recorded);
		});
	}

	/** The service records of the mustered; how many volunteers got any. */
	private int record(Actor actor, MobilizationRow row, OffsetDateTime now) {
		List<String> chain = chainOf(row.regionCode());
		String prefix = Regions.prefixOf(row.regionCode());
		Map<UUID, List<PersonRow>> byTeam = new LinkedHashMap<>();
		for (PersonRow person : this.command.mustered(row.id())) {
			boolean active = this.volunteers.find(person.volunteerId())
				.filter((v) -> v.status() == VolunteerStatus.ACTIVE)
				.isPresent();
			Optional<UUID> team = this.command.teamOf(person.volunteerId(), chain, prefix)
				.or(() -> Optional.ofNullable(row.organizationId()));
			if (active && team.isPresent() && Duration.between(person.musteredAt(), now).toSeconds() >= 60) {
				byTeam.computeIfAbsent(team.get(), (t) -> new ArrayList<>()).add(person);
			}
		}
		String title = (row.drill() ? "【应急演练】" : "【应急出动】") + row.title();
		int recorded = 0;
		for (Map.Entry<UUID, List<PersonRow>> team : byTeam.entrySet()) {
			OffsetDateTime first = team.getValue()
				.stream()
				.map(PersonRow::musteredAt)
				.min(OffsetDateTime::compareTo)
				.orElseThrow()
				.withNano(0);
			ActivityView activity = this.activities.recordEmergencyService(team.getKey(), title, row.regionCode(),
					row.assemblyName(), first, now, actor.accountId());
			for (PersonRow person : team.getValue()) {
				BigDecimal hours = BigDecimal.ZERO;
				for (OffsetDateTime[] span : daySpans(person.musteredAt().withNano(0), now)) {
					ServiceRecordView record = this.records.recordAttendance(person.volunteerId(), activity.id(),
							span[0], span[1], actor.accountId(), RecordMethod.EMERGENCY, OnOverlap.HOLD);
					hours = hours.add(record.hours());
				}
				this.command.recorded(row.id(), person.volunteerId(), hours);
				recorded++;
			}
		}
		return recorded;
	}

	/** The span cut at each midnight (China time), leaving out pieces under a minute. */
	static List<OffsetDateTime[]> daySpans(OffsetDateTime from, OffsetDateTime to) {
		List<OffsetDateTime[]> spans = new ArrayList<>();
		OffsetDateTime start = from;
		while (start.isBefore(to)) {
			LocalDate day = start.atZoneSameInstant(Mobilizations.ZONE).toLocalDate();
			OffsetDateTime midnight = day.plusDays(1)
				.atStartOfDay(Mobilizations.ZONE)
				.toOffsetDateTime()
				.withOffsetSameInstant(ZoneOffset.UTC);
			OffsetDateTime end = midnight.isBefore(to) ? midnight : to;
			if (Duration.between(start, end).toSeconds() >= 60) {
				spans.add(new OffsetDateTime[] { start, end });
			}
			start = end;
		}
		return spans;
	}

	/**
	 * The mobilizations of a region and below (its operators and auditors).
	 * @throws ProblemException 404 {@code REGION_NOT_FOUND}; 403 for anyone else
	 */
	public PageResult<MobilizationSummary> ofRegion(Actor actor, String regionCode, PageQuery page) {
		if (regionCode == null || !Regions.isWellFormed(regionCode) || !this.regions.exists(regionCode)) {
			throw ProblemException.notFound("REGION_NOT_FOUND", "region.notFound");
		}
		if (!this.accessPolicy.oversees(actor, regionCode)) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		return this.command.inRegion(Regions.prefixOf(regionCode), page);
	}

	/**
	 * The caller's calls, the open first.
	 * @throws ProblemException 404 {@code NOT_A_VOLUNTEER}
	 */
	public List<MobilizationSummary> myCalls(Actor actor) {
		return this.command.callsOf(this.volunteers.mine(actor).id(), RECENT_CALLS);
	}

	/**
	 * The caller's call as they see it: the mobilization, their answer, their group and
	 * task, and the hours recorded.
	 * @throws ProblemException 404 {@code MOBILIZATION_NOT_FOUND} also when the caller
	 * was not called
	 */
	public MyCall myCall(Actor actor, UUID id) {
		VolunteerView me = this.volunteers.findByAccount(actor.accountId()).orElseThrow(Mobilizations::notFound);
		MobilizationRow row = this.repository.mobilization(id).orElseThrow(Mobilizations::notFound);
		this.repository.call(id, me.id()).orElseThrow(Mobilizations::notFound);
		PersonRow mine = this.command.person(id, me.id()).orElseThrow(Mobilizations::notFound);
		Optional<GroupRow> group = Optional.ofNullable(mine.groupId()).flatMap((g) -> this.command.group(id, g));
		return new MyCall(row.id(), row.title(), row.regionCode(), row.status(), row.drill(), row.assembleAt(),
				new Board.AssemblyPoint(row.assemblyName(), row.assemblyLat(), row.assemblyLng()), mine.status(),
				mine.musteredAt(), group.map(GroupRow::name).orElse(null), group.map(GroupRow::task).orElse(null),
				group.map((g) -> leaderName(g.leaderId())).orElse(null), mine.recordedHours(),
				me.ageOn(Mobilizations.now()
					.atZoneSameInstant(Mobilizations.ZONE)
					.toLocalDate()) >= Mobilizations.ADULT_AGE);
	}

	/**
	 * Whether the actor may read the mobilization's board (its region's operators and
	 * auditors).
	 */
	public boolean oversees(Actor actor, UUID id) {
		return this.repository.mobilization(id)
			.filter((row) -> this.accessPolicy.oversees(actor, row.regionCode()))
			.isPresent();
	}

	/** Whether the actor commands the mobilization (its region's operators). */
	public boolean commands(Actor actor, UUID id) {
		return this.repository.mobilization(id)
			.filter((row) -> this.accessPolicy.operates(actor, row.regionCode()))
			.isPresent();
	}

	private MobilizationRow overseen(Actor actor, UUID id) {
		MobilizationRow row = this.repository.mobilization(id).orElseThrow(Mobilizations::notFound);
		if (!this.accessPolicy.oversees(actor, row.regionCode())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		return row;
	}

	private TaskGroup view(GroupRow group) {
		return new TaskGroup(group.id(), group.name(), group.task(), group.leaderId(), leaderName(group.leaderId()),
				group.members());
	}

	private String leaderName(UUID volunteerId) {
		return this.volunteers.find(volunteerId).map(VolunteerView::name).orElse("");
	}

	private List<String> chainOf(String regionCode) {
		List<String> chain = new ArrayList<>(this.regions.path(regionCode).stream().map(Region::code).toList());
		if (!chain.contains(regionCode)) {
			chain.add(regionCode);
		}
		return chain;
	}

	/** The stand-down: the status and how many volunteers' service was recorded. */
	public record StandDown(MobilizationStatus status, int recorded) {

	}

}
