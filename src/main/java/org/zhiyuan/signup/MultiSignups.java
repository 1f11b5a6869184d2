package org.zhiyuan.signup;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Role;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityStatus;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.ActivityView.PositionView;
import org.zhiyuan.activity.ApprovalMode;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PersonMatch;
import org.zhiyuan.shared.PersonQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.signup.SignupRepository.Row;
import org.zhiyuan.volunteer.VolunteerMemberships;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-ups written together, all or nothing: several shifts of one volunteer, a team
 * leader's or guardian's sign-up of their members or child, and an organizer's direct
 * addition of a volunteer. Every place is claimed in one transaction, positions in a
 * fixed order, by the same conditional update as a single sign-up, so capacity holds and
 * either every sign-up of the request is written or none is. Such a request never joins a
 * waiting list: when any place is missing it is refused whole.
 */
@Service
public class MultiSignups {

	/** The most shifts one volunteer picks in one request. */
	public static final int MAX_SHIFTS = 20;

	/** The most people a team leader or guardian signs up in one request. */
	public static final int MAX_GROUP = 50;

	private final Signups signups;

	private final SignupRepository repository;

	private final Activities activities;

	private final Volunteers volunteers;

	private final VolunteerMemberships memberships;

	private final Organizations organizations;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate writing;

	MultiSignups(Signups signups, SignupRepository repository, Activities activities, Volunteers volunteers,
			VolunteerMemberships memberships, Organizations organizations, AuditLog auditLog,
			ApplicationEventPublisher events, PlatformTransactionManager transactions) {
		this.signups = signups;
		this.repository = repository;
		this.activities = activities;
		this.volunteers = volunteers;
		this.memberships = memberships;
		this.organizations = organizations;
		this.auditLog = auditLog;
		this.events = events;
		this.writing = new TransactionTemplate(transactions);
	}

	/**
	 * Signs the calling volunteer up for several shifts (positions) of one activity:
	 * every one or none. The shifts may not overlap each other, the volunteer's other
	 * shifts of the activity, or their other accepted service.
	 * @throws ProblemException 409 {@code ACTIVITY_FULL} when any shift has no place
	 * left, 409 {@code ALREADY_SIGNED_UP}, 422 {@code REQUIREMENT_NOT_MET} (also for
	 * overlapping shifts) or {@code SIGNUP_CLOSED}
	 */
	public List<SignupView> signUpForShifts(Actor actor, UUID activityId, List<UUID> positionIds) {
		VolunteerView volunteer = this.volunteers.mine(actor);
		ActivityView activity = this.activities.view(actor, activityId);
		List<PositionView> positions = positions(activity, positionIds, "positionIds", MAX_SHIFTS);
		requireOpen(activity);
		for (int i = 0; i < positions.size(); i++) {
			for (int j = i + 1; j < positions.size(); j++) {
				if (Signups.overlaps(activity, positions.get(i).id(), positions.get(j).id())) {
					throw ProblemException.unprocessable("REQUIREMENT_NOT_MET", "signup.requirement.shiftOverlap",
							positions.get(i).name(), positions.get(j).name());
				}
			}
		}
		List<Entry> entries = new ArrayList<>();
		for (PositionView position : positions) {
			this.signups.checkRequirements(volunteer, activity, position);
			entries.add(new Entry(volunteer, position));
		}
		return write(actor, activity, entries, SignupOrigin.SELF, null);
	}

	/**
	 * A team leader (admin of a team) signs up members of their team, or a guardian their
	 * child, for one position: every one or none, each recorded as signed up by the
	 * caller. The caller may include themselves.
	 * @throws ProblemException 403 when someone is neither, 409 {@code ACTIVITY_FULL}
	 * when fewer places are left than people, 409 {@code ALREADY_SIGNED_UP} or 422
	 * {@code REQUIREMENT_NOT_MET} naming the person
	 */
	public List<SignupView> signUpGroup(Actor actor, UUID activityId, UUID positionId, List<UUID> volunteerIds) {
		ActivityView activity = this.activities.view(actor, activityId);
		List<FieldProblem> problems = new ArrayList<>();
		if (volunteerIds == null || volunteerIds.isEmpty() || volunteerIds.size() > MAX_GROUP
				|| volunteerIds.contains(null) || new HashSet<>(volunteerIds).size() != volunteerIds.size()) {
			problems.add(new FieldProblem("volunteerIds", "validation.signup.volunteers", MAX_GROUP));
		}
		PositionView position = position(activity, positionId, problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		Set<UUID> selfAndWards = selfAndWards(actor);
		Set<UUID> teams = teamsLedBy(actor);
		List<Entry> entries = new ArrayList<>();
		for (UUID volunteerId : volunteerIds) {
			VolunteerView volunteer = this.volunteers.find(volunteerId)
				.filter((v) -> maySignUp(selfAndWards, teams, v.id()))
				.orElseThrow(
						() -> ProblemException.forbidden("signup.group.notYours").with("volunteerId", volunteerId));
			entries.add(new Entry(volunteer, position));
		}
		requireOpen(activity);
		for (Entry entry : entries) {
			try {
				this.signups.checkRequirements(entry.volunteer(), activity, position);
			}
			catch (ProblemException ex) {
				throw forPerson(ex, entry.volunteer());
			}
		}
		return write(actor, activity, entries, SignupOrigin.GROUP, null);
	}

	/**
	 * An organizer (or an operator of the activity's region) adds a volunteer to a
	 * position directly, with a reason: accepted at once, also after the sign-up deadline
	 * and while the activity runs, but never beyond capacity and only when the volunteer
	 * meets the position's requirements.
	 * @throws ProblemException 403, 409 {@code ACTIVITY_FULL}, 409
	 * {@code ALREADY_SIGNED_UP}, 422 {@code REQUIREMENT_NOT_MET} or {@code SIGNUP_CLOSED}
	 * when the activity no longer takes anyone
	 */
	public SignupView addDirectly(Actor actor, UUID activityId, UUID volunteerId, UUID positionId, String reason) {
		ActivityView activity = this.activities.view(actor, activityId);
		this.activities.requireManager(actor, activity);
		List<FieldProblem> problems = new ArrayList<>();
		Optional<VolunteerView> volunteer = Optional.empty();
		if (volunteerId == null) {
			problems.add(new FieldProblem("volunteerId", "validation.required"));
		}
		else {
			volunteer = this.volunteers.find(volunteerId);
			if (volunteer.isEmpty()) {
				problems.add(new FieldProblem("volunteerId", "validation.signup.volunteer"));
			}
		}
		PositionView position = position(activity, positionId, problems);
		if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
			problems.add(new FieldProblem("reason", "validation.reason"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		if (activity.status() != ActivityStatus.RECRUITING && activity.status() != ActivityStatus.IN_PROGRESS) {
			throw ProblemException.unprocessable("SIGNUP_CLOSED", "signup.closed");
		}
		try {
			this.signups.checkRequirements(volunteer.get(), activity, position);
		}
		catch (ProblemException ex) {
			throw forPerson(ex, volunteer.get());
		}
		return write(actor, activity, List.of(new Entry(volunteer.get(), position)), SignupOrigin.DIRECT,
				reason.strip())
			.get(0);
	}

	/**
	 * Whether the caller may sign others up: they lead a team or are a minor's guardian.
	 */
	public boolean signsUpOthers(Actor actor) {
		return actor != null
				&& (!actor.scopesOf(Role.ORG_ADMIN).isEmpty() || !this.volunteers.wardsOf(actor).isEmpty());
	}

	/**
	 * People the caller may sign up whose name contains the query or whose phone or
	 * volunteer number contains its digits: the members of teams they lead and the minors
	 * they are guardian of. At most {@value PersonMatch#MAX}, masked; member searches are
	 * audited by the organization module.
	 */
	public List<PersonMatch> pickSignable(Actor actor, String query) {
		PersonQuery parsed = PersonQuery.of(query);
		if (actor == null || parsed == null) {
			return List.of();
		}
		Map<UUID, PersonMatch> found = new LinkedHashMap<>();
		for (VolunteerView ward : this.volunteers.wardsOf(actor)) {
			boolean matches = parsed.isDigits() ? ward.phoneMasked().replace("*", "").contains(parsed.digits())
					|| ward.volunteerNumber().contains(parsed.digits()) : ward.name().contains(query.strip());
			if (matches) {
				found.put(ward.id(),
						PersonMatch.of(ward.id(), ward.name(), ward.phoneMasked(), ward.volunteerNumber()));
			}
		}
		for (UUID team : teamsLedBy(actor)) {
			for (PersonMatch member : this.organizations.pickMembers(actor, team, query)) {
				found.putIfAbsent(member.volunteerId(), member);
			}
		}
		return found.values().stream().limit(PersonMatch.MAX).toList();
	}

	/**
	 * Whether the caller may sign the volunteer up: themselves, a minor they are guardian
	 * of, or an active member of a team they lead.
	 */
	private boolean maySignUp(Set<UUID> selfAndWards, Set<UUID> teams, UUID volunteerId) {
		return selfAndWards.contains(volunteerId) || (!teams.isEmpty()
				&& this.memberships.activeOrganizationsOf(volunteerId).stream().anyMatch(teams::contains));
	}

	private Set<UUID> selfAndWards(Actor actor) {
		Set<UUID> ids = new HashSet<>();
		this.volunteers.findByAccount(actor.accountId()).ifPresent((me) -> ids.add(me.id()));
		this.volunteers.wardsOf(actor).forEach((ward) -> ids.add(ward.id()));
		return ids;
	}

	private static Set<UUID> teamsLedBy(Actor actor) {
		return actor.scopesOf(Role.ORG_ADMIN)
			.stream()
			.flatMap((scope) -> Ids.parse(scope).stream())
			.collect(Collectors.toSet());
	}

	/**
	 * Writes every entry in one transaction or none: locks the volunteers, then claims
	 * the places position by position, each in a fixed order (so that two such requests,
	 * or one and a single sign-up, never wait for each other in a circle), then checks
	 * again for overlaps and writes the sign-ups.
	 */
	private List<SignupView> write(Actor actor, ActivityView activity, List<Entry> entries, SignupOrigin origin,
			String reason) {
		List<UUID> ids;
		try {
			ids = writeOnce(actor, activity, entries, origin, reason);
		}
		catch (PessimisticLockingFailureException ex) {
			// the database broke a wait between requests: nothing was written, try once
			// more
			ids = writeOnce(actor, activity, entries, origin, reason);
		}
		catch (DuplicateKeyException ex) {
			throw ProblemException.conflict("ALREADY_SIGNED_UP", "signup.already");
		}
		return ids.stream().map((id) -> this.repository.view(id).orElseThrow()).toList();
	}

	private List<UUID> writeOnce(Actor actor, ActivityView activity, List<Entry> entries, SignupOrigin origin,
			String reason) {
		boolean organizerDecides = activity.approval() == ApprovalMode.MANUAL && origin != SignupOrigin.DIRECT;
		return this.writing.execute((status) -> {
			OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
			entries.stream().map((e) -> e.volunteer().id()).distinct().sorted().forEach(this.repository::lockVolunteer);
			if (!organizerDecides) {
				Map<UUID, Integer> needed = new TreeMap<>();
				entries.forEach((e) -> needed.merge(e.position().id(), 1, Integer::sum));
				for (Map.Entry<UUID, Integer> need : needed.entrySet()) {
					if (!this.activities.claimPlaces(activity.id(), need.getKey(), need.getValue())) {
						PositionView position = entries.stream()
							.map(Entry::position)
							.filter((p) -> p.id().equals(need.getKey()))
							.findFirst()
							.orElseThrow();
						throw ProblemException.conflict("ACTIVITY_FULL", "signup.fullFor", position.name(),
								need.getValue());
					}
				}
			}
			List<UUID> written = new ArrayList<>();
			for (Entry entry : entries) {
				UUID positionId = entry.position().id();
				List<Row> theirs = this.repository.lockAllFor(activity.id(), entry.volunteer().id());
				if (theirs.stream()
					.anyMatch((r) -> r.status().isActive() && Signups.overlaps(activity, r.positionId(), positionId))) {
					ProblemException already = ProblemException.conflict("ALREADY_SIGNED_UP", "signup.already");
					throw (origin == SignupOrigin.SELF) ? already : forPerson(already, entry.volunteer());
				}
				List<String> elsewhere = this.signups.overlappingElsewhere(entry.volunteer().id(), activity,
						entry.position());
				if (!elsewhere.isEmpty()) {
					ProblemException overlap = Signups.overlap(elsewhere);
					throw (origin == SignupOrigin.SELF) ? overlap : forPerson(overlap, entry.volunteer());
				}
				UUID slot = Signups.slotOf(activity, positionId);
				Optional<Row> existing = theirs.stream()
					.filter((r) -> slot.equals(Signups.slotOf(activity, r.positionId())))
					.findFirst();
				SignupStatus state = organizerDecides ? SignupStatus.PENDING : SignupStatus.APPROVED;
				boolean holds = !organizerDecides;
				UUID id = existing.map(Row::id).orElseGet(Ids::newId);
				if (existing.isPresent()) {
					this.repository.restart(activity.id(), id, positionId, state, holds, actor.accountId(), origin,
							now);
				}
				else {
					this.repository.insert(id, activity.id(), entry.position(), slot, entry.volunteer().id(), state,
							holds, actor.accountId(), origin, now);
				}
				this.repository.event(activity.id(), id, state, reason, actor.accountId(), now);
				this.auditLog.record(AuditRecord.of(auditAction(origin), actor.accountId())
					.on("signup", id)
					.inRegion(activity.regionCode())
					.inOrganization(activity.organizationId())
					.withDetail(state.name() + ((reason != null) ? " " + reason : "")));
				if (holds) {
					this.events
						.publishEvent(new SignupApproved(id, activity.id(), entry.volunteer().id(), false, activity));
				}
				written.add(id);
			}
			return written;
		});
	}

	private static String auditAction(SignupOrigin origin) {
		return switch (origin) {
			case SELF -> "signup.create";
			case GROUP -> "signup.create.group";
			case DIRECT -> "signup.create.direct";
		};
	}

	private void requireOpen(ActivityView activity) {
		if (!activity.isOpenForSignup(OffsetDateTime.now(ZoneOffset.UTC))) {
			throw ProblemException.unprocessable("SIGNUP_CLOSED", "signup.closed");
		}
	}

	/** The problem said of a named person, in the caller's language. */
	private static ProblemException forPerson(ProblemException ex, VolunteerView volunteer) {
		return new ProblemException(ex.status(), ex.code(), "signup.group.person", volunteer.name(),
				new DefaultMessageSourceResolvable(new String[] { ex.messageKey() }, ex.args()))
			.with("volunteerId", volunteer.id());
	}

	private static List<PositionView> positions(ActivityView activity, List<UUID> ids, String field, int max) {
		if (ids == null || ids.isEmpty() || ids.size() > max || ids.contains(null)
				|| new HashSet<>(ids).size() != ids.size()) {
			throw ProblemException.invalid(List.of(new FieldProblem(field, "validation.signup.positions", max)));
		}
		List<PositionView> found = new ArrayList<>();
		for (UUID id : ids) {
			found.add(activity.positions()
				.stream()
				.filter((p) -> p.id().equals(id))
				.findFirst()
				.orElseThrow(() -> ProblemException
					.invalid(List.of(new FieldProblem(field, "validation.signup.position")))));
		}
		return found;
	}

	private static PositionView position(ActivityView activity, UUID positionId, List<FieldProblem> problems) {
		if (positionId == null) {
			problems.add(new FieldProblem("positionId", "validation.required"));
			return null;
		}
		PositionView position = activity.positions()
			.stream()
			.filter((p) -> p.id().equals(positionId))
			.findFirst()
			.orElse(null);
		if (position == null) {
			problems.add(new FieldProblem("positionId", "validation.signup.position"));
		}
		return position;
	}

	private record Entry(VolunteerView volunteer, PositionView position) {

	}

}
