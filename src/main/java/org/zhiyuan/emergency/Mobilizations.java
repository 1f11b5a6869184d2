package org.zhiyuan.emergency;

import java.math.BigDecimal;
import java.time.Duration;
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
import org.zhiyuan.emergency.EmergencyRepository.MobilizationRow;
import org.zhiyuan.emergency.NewMobilization.NeedRequest;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.region.Region;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.ProblemException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mobilizations (集结出动): an operator of a region launches one for a scene, which calls the
 * eligible volunteers in waves — adults of the region and below whose home lies within
 * the radius, members of its emergency teams or holders of a needed skill (with a valid
 * qualification and insurance where the need asks for them), not accepted elsewhere. The
 * first wave calls the nearest, {@value #WAVE_FACTOR} times as many as the needs want
 * (those on emergency duty now and members of the plan's teams before anyone else); while
 * the needs lack people, another wave calls the next nearest every wave interval (five
 * minutes unless {@code zhiyuan.emergency.wave-interval} says otherwise), or at once when
 * an operator asks. Each wave is one statement and one bulk notification. Answers, muster
 * and command are {@link MobilizationAnswers} and {@link MobilizationCommand}.
 * <p>
 * With an {@code Idempotency-Key} a repeated launch by the same operator returns the
 * first and calls nobody again, also when the two arrive at once.
 */
@Service
public class Mobilizations {

	static final int TITLE_LENGTH = 100;

	static final int SKILL_LENGTH = 60;

	static final int MAX_NEEDS = 20;

	static final int MAX_COUNT = 10_000;

	static final BigDecimal MAX_RADIUS_KM = new BigDecimal("200");

	static final int ADULT_AGE = 18;

	/** A wave calls this many times as many as the needs lack. */
	static final int WAVE_FACTOR = 3;

	/** The most one wave calls. */
	static final int MAX_WAVE = 100_000;

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final EmergencyRepository repository;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	private final Notifications notifications;

	private final AuditLog auditLog;

	private final TransactionTemplate transaction;

	private final Duration waveInterval;

	private final PlanRepository plans;

	Mobilizations(EmergencyRepository repository, PlanRepository plans, AccessPolicy accessPolicy, Regions regions,
			Notifications notifications, AuditLog auditLog, PlatformTransactionManager transactions,
			@Value("${zhiyuan.emergency.wave-interval:PT5M}") Duration waveInterval) {
		this.repository = repository;
		this.waveInterval = waveInterval;
		this.plans = plans;
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
				mobilization.drill(), mobilization.organizationId(), mobilization.planId());
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
		List<String> chain = chainOf(mobilization.regionCode());
		UUID command = (mobilization.organizationId() != null) ? mobilization.organizationId()
				: this.repository.nearestTeam(chain).orElse(null);
		UUID id = Ids.newId();
		this.repository.insertMobilization(id,
				new NewMobilization(mobilization.regionCode(), mobilization.title(), mobilization.location(),
						mobilization.radiusKm(), mobilization.assembleAt(), mobilization.assemblyName(),
						mobilization.assemblyPoint(), mobilization.needs(), mobilization.drill(), command,
						mobilization.planId()),
				actor.accountId(), idempotencyKey, now);
		this.repository.insertNeeds(id, needs);
		int total = needs.stream().mapToInt(Need::count).sum();
		MobilizationRow row = this.repository.mobilization(id).orElseThrow();
		int called = callWave(actor.accountId(), row, 1, total, now);
		this.auditLog.record(AuditRecord.of("emergency.mobilization.launch", actor.accountId())
			.on("mobilization", id)
			.inRegion(mobilization.regionCode())
			.withDetail((mobilization.drill() ? "drill, " : "") + called + " called"));
		return new Launched(id, called);
	}

	/**
	 * Calls the next wave now (an operator of the mobilization's region): the nearest of
	 * the eligible not called yet, {@value #WAVE_FACTOR} times as many as the needs still
	 * lack (at least as many as the needs' total when they are met).
	 * @return the wave's number and how many it called (none when nobody eligible is
	 * left: the wave's number stays)
	 * @throws ProblemException 404 {@code MOBILIZATION_NOT_FOUND}; 403 for anyone else;
	 * 409 {@code INVALID_STATE} once stood down
	 */
	public Wave nextWave(Actor actor, UUID id) {
		MobilizationRow found = this.repository.mobilization(id).orElseThrow(Mobilizations::notFound);
		this.accessPolicy.requireOperatorOf(actor, found.regionCode());
		return this.transaction.execute((status) -> {
			this.repository.lock(id).orElseThrow(Mobilizations::notFound);
			MobilizationRow row = this.repository.mobilization(id).orElseThrow();
			if (row.status() != MobilizationStatus.OPEN) {
				throw ProblemException.conflict("INVALID_STATE", "emergency.mobilization.stoodDown");
			}
			long lacking = lacking(id);
			int total = this.repository.needs(id).stream().mapToInt(Need::count).sum();
			int called = callWave(actor.accountId(), row, row.wave() + 1, (int) ((lacking > 0) ? lacking : total),
					now());
			this.auditLog.record(AuditRecord.of("emergency.mobilization.wave", actor.accountId())
				.on("mobilization", id)
				.inRegion(row.regionCode())
				.withDetail(called + " called"));
			return new Wave((called > 0) ? row.wave() + 1 : row.wave(), called);
		});
	}

	/**
	 * Calls the next wave of every open mobilization whose time for it has come and whose
	 * needs still lack people; run by the scheduler every minute.
	 * @return how many volunteers the waves called
	 */
	public int callDueWaves() {
		int called = 0;
		for (UUID id : this.repository.dueWaves(now())) {
			Integer count = this.transaction.execute((status) -> {
				this.repository.lock(id);
				MobilizationRow row = this.repository.mobilization(id).orElseThrow();
				OffsetDateTime now = now();
				if (row.status() != MobilizationStatus.OPEN || row.nextWaveAt() == null
						|| row.nextWaveAt().isAfter(now)) {
					return 0;
				}
				long lacking = lacking(id);
				if (lacking <= 0) {
					this.repository.nextWaveAt(id, now.plus(this.waveInterval));
					return 0;
				}
				return callWave(row.launchedBy(), row, row.wave() + 1, (int) lacking, now);
			});
			called += (count != null) ? count : 0;
		}
		return called;
	}

	/** How many more the needs want than have accepted. */
	private long lacking(UUID id) {
		long total = this.repository.needs(id).stream().mapToLong(Need::count).sum();
		return total - this.repository.count(id, CallStatus.ACCEPTED);
	}

	/**
	 * Calls a wave of {@link #WAVE_FACTOR} times {@code wanted} and tells each called
	 * volunteer; the next wave is due after the wave interval.
	 */
	private int callWave(UUID by, MobilizationRow row, int wave, int wanted, OffsetDateTime now) {
		LocalDate today = now.atZoneSameInstant(ZONE).toLocalDate();
		int limit = (int) Math.min((long) wanted * WAVE_FACTOR, MAX_WAVE);
		List<UUID> firstTeams = (row.planId() != null) ? this.plans.teamIds(row.planId()) : List.of();
		int called = this.repository.callWave(row.id(), wave, limit, Regions.prefixOf(row.regionCode()),
				chainOf(row.regionCode()), firstTeams, row.scene(), row.radiusKm(), today.minusYears(ADULT_AGE), today,
				now);
		this.repository.nextWaveAt(row.id(), now.plus(this.waveInterval));
		if (called > 0) {
			String key = row.drill() ? "notice.emergency.called.drill" : "notice.emergency.called";
			this.notifications.sendToEach(EmergencyRepository.WAVE_ACCOUNTS,
					Map.of("mobilization", row.id(), "wave", wave),
					new NotificationRequest(by, NotificationKind.GENERAL, key, List.of(row.title(), row.assemblyName()),
							link(row.id()), "emergency.call:" + row.id()));
		}
		return called;
	}

	/**
	 * The emergency teams that may command a mobilization of the region: of the region,
	 * the regions above it and below it.
	 */
	public List<EmergencyTeamView> commandCandidates(String regionCode) {
		if (!Regions.isWellFormed(regionCode) || !this.regions.exists(regionCode)) {
			return List.of();
		}
		return this.repository.teamsForCommand(chainOf(regionCode), Regions.prefixOf(regionCode));
	}

	private List<String> chainOf(String regionCode) {
		List<String> chain = new ArrayList<>(this.regions.path(regionCode).stream().map(Region::code).toList());
		if (!chain.contains(regionCode)) {
			chain.add(regionCode);
		}
		return chain;
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
					needs
						.add(new Need(skill.strip(), need.count(), qualification, Boolean.TRUE.equals(need.insured())));
				}
			}
		}
		if (mobilization.organizationId() != null && !problems.stream().anyMatch((p) -> p.field().equals("regionCode"))
				&& this.repository.team(mobilization.organizationId())
					.filter((team) -> chainOf(region).contains(team.regionCode())
							|| team.regionCode().startsWith(Regions.prefixOf(region)))
					.isEmpty()) {
			problems.add(new FieldProblem("organizationId", "validation.emergency.command"));
		}
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
			problems.add(new FieldProblem("Idempotency-Key", "validation.record.key"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return needs;
	}

	static String link(UUID id) {
		return "/emergency/mobilizations/" + id;
	}

	static ProblemException notFound() {
		return ProblemException.notFound("MOBILIZATION_NOT_FOUND", "emergency.mobilization.notFound");
	}

	static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
	}

}
