package org.zhiyuan.emergency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.emergency.EmergencyRepository.CallRow;
import org.zhiyuan.emergency.EmergencyRepository.Locked;
import org.zhiyuan.emergency.EmergencyRepository.MobilizationRow;
import org.zhiyuan.emergency.NewMobilization.NeedRequest;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.region.Region;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Geo;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mobilizations (集结出动): an operator of a region launches one for a scene, which calls
 * every eligible volunteer at once — adults of the region and below whose home lies
 * within the radius, members of its emergency teams or holders of a needed skill (with a
 * valid qualification where the need names one), not accepted elsewhere — each with one
 * call and one notification, written in bulk. The called answer: acceptances up to the
 * needs' total are ACCEPTED, later ones RESERVE in the order they came; an accepted
 * volunteer who declines makes room for the first in reserve. Every answer is decided
 * under the mobilization row's lock, so the numbers hold however many answer at once.
 * Accepted volunteers muster at the assembly point (within {@value #MUSTER_RADIUS_METERS}
 * m); an operator stands it down.
 * <p>
 * With an {@code Idempotency-Key} a repeated launch by the same operator returns the
 * first and calls nobody again, also when the two arrive at once.
 */
@Service
public class Mobilizations {

	/** How close to the assembly point a volunteer musters. */
	static final int MUSTER_RADIUS_METERS = 500;

	static final int TITLE_LENGTH = 100;

	static final int SKILL_LENGTH = 60;

	static final int MAX_NEEDS = 20;

	static final int MAX_COUNT = 10_000;

	static final BigDecimal MAX_RADIUS_KM = new BigDecimal("200");

	static final int ADULT_AGE = 18;

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final EmergencyRepository repository;

	private final Volunteers volunteers;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	private final Notifications notifications;

	private final AuditLog auditLog;

	private final TransactionTemplate transaction;

	Mobilizations(EmergencyRepository repository, Volunteers volunteers, AccessPolicy accessPolicy, Regions regions,
			Notifications notifications, AuditLog auditLog, PlatformTransactionManager transactions) {
		this.repository = repository;
		this.volunteers = volunteers;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
		this.notifications = notifications;
		this.auditLog = auditLog;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Launches a mobilization and calls the eligible volunteers.
	 * @throws ProblemException 400 naming every bad field; 403 for anyone but an operator
	 * of the region
	 */
	public Launched launch(Actor actor, NewMobilization mobilization, String idempotencyKey) {
		List<Need> needs = check(mobilization, idempotencyKey);
		this.accessPolicy.requireOperatorOf(actor, mobilization.regionCode());
		NewMobilization clean = new NewMobilization(mobilization.regionCode(), mobilization.title().strip(),
				mobilization.location(), mobilization.radiusKm(), mobilization.assembleAt(),
				mobilization.assemblyName().strip(), mobilization.assemblyPoint(), mobilization.needs(),
				mobilization.drill());
		try {
			return this.transaction.execute((status) -> launch(actor, clean, needs, idempotencyKey));
		}
		catch (DuplicateKeyException ex) {
			// the same key at the same moment: the other one launched
			return this.transaction
				.execute((status) -> this.repository.launchedWithKey(actor.accountId(), idempotencyKey))
				.orElseThrow(() -> ex);
		}
	}

	private Launched launch(Actor actor, NewMobilization mobilization, List<Need> needs, String idempotencyKey) {
		if (idempotencyKey != null) {
			Optional<Launched> earlier = this.repository.launchedWithKey(actor.accountId(), idempotencyKey);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		OffsetDateTime now = now();
		LocalDate today = now.atZoneSameInstant(ZONE).toLocalDate();
		UUID id = Ids.newId();
		this.repository.insertMobilization(id, mobilization, actor.accountId(), idempotencyKey, now);
		this.repository.insertNeeds(id, needs);
		List<String> chain = new ArrayList<>(
				this.regions.path(mobilization.regionCode()).stream().map(Region::code).toList());
		if (!chain.contains(mobilization.regionCode())) {
			chain.add(mobilization.regionCode());
		}
		int called = this.repository.callEligible(id, Regions.prefixOf(mobilization.regionCode()), chain,
				mobilization.location(), mobilization.radiusKm(), today.minusYears(ADULT_AGE), today, now);
		String key = mobilization.drill() ? "notice.emergency.called.drill" : "notice.emergency.called";
		this.notifications.sendToEach(EmergencyRepository.CALLED_ACCOUNTS, Map.of("mobilization", id),
				new NotificationRequest(actor.accountId(), NotificationKind.GENERAL, key,
						List.of(mobilization.title(), mobilization.assemblyName()), link(id), "emergency.call:" + id));
		this.auditLog.record(AuditRecord.of("emergency.mobilization.launch", actor.accountId())
			.on("mobilization", id)
			.inRegion(mobilization.regionCode())
			.withDetail((mobilization.drill() ? "drill, " : "") + called + " called"));
		return new Launched(id, called);
	}

	private List<Need> check(NewMobilization mobilization, String idempotencyKey) {
		List<FieldProblem> problems = new ArrayList<>();
		String region = mobilization.regionCode();
		if (region == null || !Regions.isWellFormed(region) || !this.regions.exists(region)) {
			problems.add(new FieldProblem("regionCode", "validation.emergency.regionCode"));
		}
		String title = mobilization.title();
		if (title == null || title.isBlank() || title.strip().length() > TITLE_LENGTH) {
			problems.add(new FieldProblem("title", "validation.emergency.title", TITLE_LENGTH));
		}
		GeoPoint location = mobilization.location();
		if (location == null) {
			problems.add(new FieldProblem("location", "validation.emergency.location"));
		}
		else {
			Locations.check(location.lat(), location.lng(), "location.lat", "location.lng", problems);
		}
		BigDecimal radius = mobilization.radiusKm();
		if (radius == null || radius.compareTo(BigDecimal.ONE) < 0 || radius.compareTo(MAX_RADIUS_KM) > 0
				|| radius.stripTrailingZeros().scale() > 2) {
			problems.add(new FieldProblem("radiusKm", "validation.emergency.radiusKm", MAX_RADIUS_KM.intValue()));
		}
		OffsetDateTime assembleAt = mobilization.assembleAt();
		OffsetDateTime now = now();
		if (assembleAt == null || assembleAt.isBefore(now.minusHours(1)) || assembleAt.isAfter(now.plusDays(30))) {
			problems.add(new FieldProblem("assembleAt", "validation.emergency.assembleAt"));
		}
		String assemblyName = mobilization.assemblyName();
		if (mobilization.assemblyPoint() == null) {
			problems.add(new FieldProblem("assemblyPoint", "validation.emergency.location"));
		}
		else {
			if (assemblyName == null || assemblyName.isBlank() || assemblyName.strip().length() > TITLE_LENGTH) {
				problems.add(new FieldProblem("assemblyPoint.name", "validation.emergency.assemblyName", TITLE_LENGTH));
			}
			Locations.check(mobilization.assemblyPoint().lat(), mobilization.assemblyPoint().lng(), "assemblyPoint.lat",
					"assemblyPoint.lng", problems);
		}
		List<Need> needs = new ArrayList<>();
		List<NeedRequest> asked = mobilization.needs();
		if (asked == null || asked.isEmpty() || asked.size() > MAX_NEEDS) {
			problems.add(new FieldProblem("needs", "validation.emergency.needs", MAX_NEEDS));
		}
		else {
			for (int i = 0; i < asked.size(); i++) {
				NeedRequest need = asked.get(i);
				String field = "needs[" + i + "]";
				if (need == null) {
					problems.add(new FieldProblem(field, "validation.emergency.needs", MAX_NEEDS));
					continue;
				}
				String skill = need.skill();
				if (skill == null || skill.isBlank() || skill.strip().length() > SKILL_LENGTH) {
					problems.add(new FieldProblem(field + ".skill", "validation.emergency.skill", SKILL_LENGTH));
				}
				if (need.count() == null || need.count() < 1 || need.count() > MAX_COUNT) {
					problems.add(new FieldProblem(field + ".count", "validation.emergency.count", MAX_COUNT));
				}
				QualificationKind qualification = Enums.parse(QualificationKind.class, need.qualification(),
						field + ".qualification", problems);
				if (skill != null && !skill.isBlank() && need.count() != null) {
					needs.add(new Need(skill.strip(), need.count(), qualification));
				}
			}
		}
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
			problems.add(new FieldProblem("Idempotency-Key", "validation.record.key"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return needs;
	}

	/**
	 * The caller's answer to their call: an acceptance is ACCEPTED while the accepted are
	 * fewer than the needs' total, else RESERVE; declining after accepting moves the
	 * first in reserve up (and tells them). Answering again as before changes nothing.
	 * @throws ProblemException 404 {@code MOBILIZATION_NOT_FOUND} (also when the caller
	 * was not called), {@code NOT_A_VOLUNTEER}; 409 {@code INVALID_STATE} once stood
	 * down; 422 {@code REQUIREMENT_NOT_MET} when the caller is under 18
	 */
	public CallStatus answer(Actor actor, UUID id, Answer answer) {
		if (answer == null) {
			throw ProblemException.invalid(List.of(new FieldProblem("answer", "validation.emergency.answer")));
		}
		VolunteerView me = this.volunteers.mine(actor);
		return this.transaction.execute((status) -> {
			Locked locked = this.repository.lock(id).orElseThrow(Mobilizations::notFound);
			CallRow call = this.repository.call(id, me.id()).orElseThrow(Mobilizations::notFound);
			if (locked.status() != MobilizationStatus.OPEN) {
				throw ProblemException.conflict("INVALID_STATE", "emergency.mobilization.stoodDown");
			}
			OffsetDateTime now = now();
			if (answer == Answer.DECLINE) {
				return decline(actor, id, call, locked, now);
			}
			if (me.ageOn(now.atZoneSameInstant(ZONE).toLocalDate()) < ADULT_AGE) {
				throw ProblemException.unprocessable("REQUIREMENT_NOT_MET", "emergency.answer.minor", ADULT_AGE);
			}
			if (call.status() == CallStatus.ACCEPTED || call.status() == CallStatus.RESERVE) {
				return call.status();
			}
			if (this.repository.acceptedElsewhere(id, me.id())) {
				throw ProblemException.conflict("ALREADY_MOBILIZED", "emergency.answer.elsewhere");
			}
			long total = this.repository.needs(id).stream().mapToLong(Need::count).sum();
			CallStatus decided = (this.repository.count(id, CallStatus.ACCEPTED) < total) ? CallStatus.ACCEPTED
					: CallStatus.RESERVE;
			this.repository.answer(id, me.id(), decided, locked.nextAnswer(), now);
			audit(actor, id, me, "emergency.mobilization.answer", decided);
			return decided;
		});
	}

	private CallStatus decline(Actor actor, UUID id, CallRow call, Locked locked, OffsetDateTime now) {
		if (call.status() == CallStatus.DECLINED) {
			return CallStatus.DECLINED;
		}
		this.repository.answer(id, call.volunteerId(), CallStatus.DECLINED, locked.nextAnswer(), now);
		VolunteerView me = this.volunteers.find(call.volunteerId()).orElseThrow();
		audit(actor, id, me, "emergency.mobilization.answer", CallStatus.DECLINED);
		if (call.status() == CallStatus.ACCEPTED) {
			this.repository.firstInReserve(id).ifPresent((next) -> {
				this.repository.promote(id, next.volunteerId());
				MobilizationRow row = this.repository.mobilization(id).orElseThrow();
				this.notifications.send(
						new NotificationRequest(next.accountId(), NotificationKind.GENERAL, "notice.emergency.promoted",
								List.of(row.title(), row.assemblyName()), link(id), "emergency.promoted:" + id));
				this.auditLog.record(AuditRecord.of("emergency.mobilization.promote", actor.accountId())
					.on("mobilization", id)
					.inRegion(row.regionCode())
					.about(next.accountId()));
			});
		}
		return CallStatus.DECLINED;
	}

	/**
	 * The caller, accepted, checks in at the assembly point.
	 * @return when they mustered (the first time, if they check in again)
	 * @throws ProblemException 400 {@code location}; 404 {@code MOBILIZATION_NOT_FOUND}
	 * (also when the caller was not called); 409 {@code INVALID_STATE} once stood down or
	 * unless they are accepted; 422 {@code OUTSIDE_GEOFENCE} farther than
	 * {@value #MUSTER_RADIUS_METERS} m from the assembly point
	 */
	public OffsetDateTime muster(Actor actor, UUID id, GeoPoint location) {
		List<FieldProblem> problems = new ArrayList<>();
		if (location == null) {
			problems.add(new FieldProblem("location", "validation.emergency.location"));
		}
		else {
			Locations.check(location.lat(), location.lng(), "location.lat", "location.lng", problems);
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		VolunteerView me = this.volunteers.mine(actor);
		return this.transaction.execute((status) -> {
			MobilizationRow row = this.repository.mobilization(id).orElseThrow(Mobilizations::notFound);
			CallRow call = this.repository.call(id, me.id()).orElseThrow(Mobilizations::notFound);
			if (row.status() != MobilizationStatus.OPEN) {
				throw ProblemException.conflict("INVALID_STATE", "emergency.mobilization.stoodDown");
			}
			if (call.status() != CallStatus.ACCEPTED) {
				throw ProblemException.conflict("INVALID_STATE", "emergency.muster.notAccepted");
			}
			if (call.musteredAt() != null) {
				return call.musteredAt();
			}
			double meters = Geo.meters(row.assemblyLat(), row.assemblyLng(), location.lat(), location.lng());
			if (meters > MUSTER_RADIUS_METERS) {
				throw ProblemException.unprocessable("OUTSIDE_GEOFENCE", "emergency.muster.outside", Math.round(meters),
						MUSTER_RADIUS_METERS);
			}
			OffsetDateTime now = now();
			this.repository.muster(id, me.id(), now);
			this.auditLog.record(AuditRecord.of("emergency.mobilization.muster", actor.accountId())
				.on("mobilization", id)
				.inRegion(row.regionCode()));
			return now;
		});
	}

	/**
	 * Stands the mobilization down (an operator of its region) and tells the accepted and
	 * the reserve.
	 * @throws ProblemException 404 {@code MOBILIZATION_NOT_FOUND}; 403 for anyone else;
	 * 409 {@code INVALID_STATE} when it is stood down already
	 */
	public MobilizationStatus standDown(Actor actor, UUID id) {
		MobilizationRow row = this.repository.mobilization(id).orElseThrow(Mobilizations::notFound);
		this.accessPolicy.requireOperatorOf(actor, row.regionCode());
		return this.transaction.execute((status) -> {
			Locked locked = this.repository.lock(id).orElseThrow(Mobilizations::notFound);
			if (locked.status() != MobilizationStatus.OPEN) {
				throw ProblemException.conflict("INVALID_STATE", "emergency.mobilization.stoodDown");
			}
			this.repository.standDown(id, now());
			this.notifications.sendToEach(EmergencyRepository.STANDING_ACCOUNTS, Map.of("mobilization", id),
					new NotificationRequest(actor.accountId(), NotificationKind.GENERAL, "notice.emergency.stoodDown",
							List.of(row.title()), link(id), "emergency.standDown:" + id));
			this.auditLog.record(AuditRecord.of("emergency.mobilization.standDown", actor.accountId())
				.on("mobilization", id)
				.inRegion(row.regionCode()));
			return MobilizationStatus.STOOD_DOWN;
		});
	}

	/**
	 * The command board: for the operators and auditors of the mobilization's region.
	 * @throws ProblemException 404 {@code MOBILIZATION_NOT_FOUND}; 403 for anyone else
	 */
	public Board board(Actor actor, UUID id) {
		MobilizationRow row = this.repository.mobilization(id).orElseThrow(Mobilizations::notFound);
		if (!this.accessPolicy.oversees(actor, row.regionCode())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		Map<String, Long> counts = this.repository.counts(id);
		List<Need> needs = this.repository.needs(id);
		List<Long> accepted = this.repository.acceptedPerNeed(id, now().atZoneSameInstant(ZONE).toLocalDate());
		List<Board.NeedCount> needCounts = new ArrayList<>();
		for (int i = 0; i < needs.size(); i++) {
			Need need = needs.get(i);
			needCounts.add(new Board.NeedCount(need.skill(), need.count(), need.qualification(), accepted.get(i)));
		}
		return new Board(row.id(), row.title(), row.regionCode(), row.status(), row.drill(), row.assembleAt(),
				row.notified(), counts.getOrDefault(CallStatus.ACCEPTED.name(), 0L),
				counts.getOrDefault(CallStatus.RESERVE.name(), 0L), counts.getOrDefault(CallStatus.DECLINED.name(), 0L),
				counts.getOrDefault("MUSTERED", 0L), needCounts);
	}

	private void audit(Actor actor, UUID id, VolunteerView volunteer, String action, CallStatus status) {
		this.auditLog.record(AuditRecord.of(action, actor.accountId())
			.on("mobilization", id)
			.inRegion(volunteer.regionCode())
			.withDetail(status.name()));
	}

	private static String link(UUID id) {
		return "/emergency/mobilizations/" + id;
	}

	private static ProblemException notFound() {
		return ProblemException.notFound("MOBILIZATION_NOT_FOUND", "emergency.mobilization.notFound");
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
	}

}
