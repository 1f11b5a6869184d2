package org.zhiyuan.emergency;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.emergency.NewMobilization.NeedRequest;
import org.zhiyuan.emergency.PlanRepository.Head;
import org.zhiyuan.emergency.PlanRepository.Plan;
import org.zhiyuan.region.Region;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emergency plans (应急预案): per region and hazard, the people needed (skill, count, an
 * optional qualification), the emergency teams to call first — active teams of the
 * region, a region above it or one below it — and one or more assembly points. The
 * operators of the region write them and archive them; its operators and auditors, and
 * those of the regions above, read them. An operator launches a mobilization from a plan:
 * the plan fills the needs, the radius, the title and the assembly point, and
 * {@link Mobilizations#launch} calls the eligible volunteers.
 */
@Service
public class EmergencyPlans {

	static final int NAME_LENGTH = 100;

	static final int DESCRIPTION_LENGTH = 1000;

	static final int MAX_TEAMS = 20;

	static final int MAX_POINTS = 5;

	private final PlanRepository repository;

	private final Mobilizations mobilizations;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	private final AuditLog auditLog;

	private final TransactionTemplate transaction;

	EmergencyPlans(PlanRepository repository, Mobilizations mobilizations, AccessPolicy accessPolicy, Regions regions,
			AuditLog auditLog, PlatformTransactionManager transactions) {
		this.repository = repository;
		this.mobilizations = mobilizations;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
		this.auditLog = auditLog;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Writes a new plan of the region. With an {@code Idempotency-Key} a repeat by the
	 * same operator returns the first.
	 * @throws ProblemException 400 naming every bad field; 403 for anyone but an operator
	 * of the region; 422 {@code TEAM_NOT_ELIGIBLE} when a team is no active emergency
	 * team of the region, a region above or one below it
	 */
	public EmergencyPlan create(Actor actor, String regionCode, PlanFields fields, String idempotencyKey) {
		List<FieldProblem> problems = new ArrayList<>();
		if (regionCode == null || !Regions.isWellFormed(regionCode) || !this.regions.exists(regionCode)) {
			problems.add(new FieldProblem("regionCode", "validation.emergency.regionCode"));
		}
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
			problems.add(new FieldProblem("Idempotency-Key", "validation.record.key"));
		}
		Plan plan = check(fields, problems);
		this.accessPolicy.requireOperatorOf(actor, regionCode);
		requireEligible(regionCode, plan.teamIds());
		UUID id;
		try {
			id = this.transaction.execute((status) -> create(actor, regionCode, plan, idempotencyKey));
		}
		catch (DuplicateKeyException ex) {
			// the same key at the same moment: the other one wrote the plan
			id = this.repository.withKey(actor.accountId(), idempotencyKey).orElseThrow(() -> ex);
		}
		return this.repository.plan(id).orElseThrow();
	}

	private UUID create(Actor actor, String regionCode, Plan plan, String idempotencyKey) {
		if (idempotencyKey != null) {
			Optional<UUID> earlier = this.repository.withKey(actor.accountId(), idempotencyKey);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		UUID id = Ids.newId();
		this.repository.insert(id, regionCode, plan, actor.accountId(), idempotencyKey, now());
		this.auditLog.record(AuditRecord.of("emergency.plan.create", actor.accountId())
			.on("emergency-plan", id)
			.inRegion(regionCode)
			.withDetail(plan.hazard().name()));
		return id;
	}

	/**
	 * Replaces an active plan's fields, needs, teams and points (its region stays).
	 * @throws ProblemException 404 {@code PLAN_NOT_FOUND}; 403 for anyone but an operator
	 * of its region; 400 naming every bad field; 422 {@code TEAM_NOT_ELIGIBLE}; 409
	 * {@code INVALID_STATE} once archived
	 */
	public EmergencyPlan update(Actor actor, UUID id, PlanFields fields) {
		Head head = this.repository.head(id).orElseThrow(EmergencyPlans::notFound);
		this.accessPolicy.requireOperatorOf(actor, head.regionCode());
		List<FieldProblem> problems = new ArrayList<>();
		Plan plan = check(fields, problems);
		requireEligible(head.regionCode(), plan.teamIds());
		if (head.status() != PlanStatus.ACTIVE) {
			throw archived();
		}
		this.transaction.executeWithoutResult((status) -> {
			this.repository.update(id, plan, now());
			this.auditLog.record(AuditRecord.of("emergency.plan.update", actor.accountId())
				.on("emergency-plan", id)
				.inRegion(head.regionCode()));
		});
		return this.repository.plan(id).orElseThrow();
	}

	/**
	 * Archives the plan: it leaves the lists and launches no more. Archiving it again
	 * changes nothing.
	 * @throws ProblemException 404 {@code PLAN_NOT_FOUND}; 403 for anyone but an operator
	 * of its region
	 */
	public void archive(Actor actor, UUID id) {
		Head head = this.repository.head(id).orElseThrow(EmergencyPlans::notFound);
		this.accessPolicy.requireOperatorOf(actor, head.regionCode());
		if (this.repository.archive(id, now())) {
			this.auditLog.record(AuditRecord.of("emergency.plan.archive", actor.accountId())
				.on("emergency-plan", id)
				.inRegion(head.regionCode()));
		}
	}

	/**
	 * The plan, for the operators and auditors of its region and the regions above: what
	 * a launch form needs (needs, teams, assembly points, radius).
	 * @throws ProblemException 404 {@code PLAN_NOT_FOUND}; 403 for anyone else
	 */
	public EmergencyPlan find(Actor actor, UUID id) {
		EmergencyPlan plan = this.repository.plan(id).orElseThrow(EmergencyPlans::notFound);
		if (!this.accessPolicy.oversees(actor, plan.regionCode())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		return plan;
	}

	/** Whether the actor may write plans of the region (and launch from them). */
	public boolean mayWrite(Actor actor, String regionCode) {
		return this.accessPolicy.operates(actor, regionCode);
	}

	/**
	 * The active plans of the region and the regions below it, by region and name: for
	 * its operators and auditors.
	 * @throws ProblemException 404 {@code REGION_NOT_FOUND}; 403 for anyone else
	 */
	public PageResult<PlanSummary> ofRegion(Actor actor, String regionCode, PageQuery page) {
		if (regionCode == null || !this.regions.exists(regionCode)) {
			throw ProblemException.notFound("REGION_NOT_FOUND", "region.notFound", regionCode);
		}
		if (!this.accessPolicy.oversees(actor, regionCode)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		return this.repository.activeWithin(Regions.prefixOf(regionCode), page);
	}

	/**
	 * The emergency teams that a plan of the region may call first: active, of the
	 * region, a region above it or one below it. For its operators and auditors.
	 * @throws ProblemException 404 {@code REGION_NOT_FOUND}; 403 for anyone else
	 */
	public List<PlanTeam> eligibleTeams(Actor actor, String regionCode) {
		if (regionCode == null || !this.regions.exists(regionCode)) {
			throw ProblemException.notFound("REGION_NOT_FOUND", "region.notFound", regionCode);
		}
		if (!this.accessPolicy.oversees(actor, regionCode)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		return eligibleTeams(regionCode);
	}

	/**
	 * The ids of the teams the plan calls first, in the order picked; none for no plan.
	 */
	public List<UUID> teamIdsOf(UUID planId) {
		return this.repository.teamIds(planId);
	}

	/** The plan a mobilization was launched from, if it was. */
	public Optional<UUID> planOf(UUID mobilizationId) {
		return this.repository.planOf(mobilizationId);
	}

	/**
	 * Launches a mobilization from an active plan: the plan's needs, its radius and its
	 * name unless given, its assembly point numbered {@code assemblyPointIndex} (the
	 * first by default) unless another is given. A repeat with the same
	 * {@code Idempotency-Key} returns the first and calls nobody again.
	 * @throws ProblemException 404 {@code PLAN_NOT_FOUND}; 403 for anyone but an operator
	 * of its region; 409 {@code INVALID_STATE} once archived; 400 naming every bad field
	 */
	public Launched launch(Actor actor, UUID planId, PlanLaunch launch, String idempotencyKey) {
		EmergencyPlan plan = this.repository.plan(planId).orElseThrow(EmergencyPlans::notFound);
		this.accessPolicy.requireOperatorOf(actor, plan.regionCode());
		if (plan.status() != PlanStatus.ACTIVE) {
			throw archived();
		}
		if (launch == null) {
			launch = new PlanLaunch(null, null, null, null, null, null, false);
		}
		List<FieldProblem> problems = new ArrayList<>();
		Integer index = launch.assemblyPointIndex();
		AssemblyPoint point;
		if (launch.assemblyPoint() != null) {
			point = launch.assemblyPoint();
			if (index != null) {
				problems.add(new FieldProblem("assemblyPointIndex", "validation.emergency.plan.pointChoice"));
				// named here too, since the launch does not see this point
				if (point.name() == null || point.name().isBlank()
						|| point.name().strip().length() > Mobilizations.TITLE_LENGTH) {
					problems.add(new FieldProblem("assemblyPoint.name", "validation.emergency.assemblyName",
							Mobilizations.TITLE_LENGTH));
				}
				Locations.check(point.lat(), point.lng(), "assemblyPoint.lat", "assemblyPoint.lng", problems);
			}
		}
		else if (index != null && (index < 0 || index >= plan.assemblyPoints().size())) {
			problems.add(new FieldProblem("assemblyPointIndex", "validation.emergency.plan.pointIndex",
					plan.assemblyPoints().size() - 1));
			point = null;
		}
		else {
			point = plan.assemblyPoints().get((index != null) ? index : 0);
		}
		List<NeedRequest> needs = plan.needs()
			.stream()
			.map((need) -> new NeedRequest(need.skill(), need.count(),
					(need.qualification() != null) ? need.qualification().name() : null))
			.toList();
		int radius = (launch.radiusKm() != null) ? launch.radiusKm() : plan.radiusKm();
		// a problem of our own leaves the assembly point out, which the launch refuses
		// for
		// certain: its problems and ours are named together and nobody is called
		NewMobilization mobilization = new NewMobilization(plan.regionCode(),
				(launch.title() != null) ? launch.title() : plan.name(), launch.location(), BigDecimal.valueOf(radius),
				launch.assembleAt(), (point != null && problems.isEmpty()) ? point.name() : null,
				(point != null && problems.isEmpty()) ? new GeoPoint(point.lat(), point.lng()) : null, needs,
				launch.drill(), null, plan.id());
		Launched launched;
		try {
			launched = this.mobilizations.launch(actor, mobilization, idempotencyKey);
		}
		catch (ProblemException ex) {
			if (ex.status() != 400 || problems.isEmpty()) {
				throw ex;
			}
			List<FieldProblem> all = new ArrayList<>(problems);
			ex.fieldProblems().stream().filter((p) -> !"assemblyPoint".equals(p.field())).forEach(all::add);
			throw ProblemException.invalid(all);
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("launched without an assembly point");
		}
		this.transaction.executeWithoutResult((status) -> {
			this.repository.launched(launched.id(), planId, actor.accountId(), now());
			this.auditLog.record(AuditRecord.of("emergency.plan.launch", actor.accountId())
				.on("emergency-plan", planId)
				.inRegion(plan.regionCode())
				.withDetail("mobilization " + launched.id()));
		});
		return launched;
	}

	private Plan check(PlanFields fields, List<FieldProblem> problems) {
		if (fields == null) {
			fields = new PlanFields(null, null, null, null, null, null, null);
		}
		String name = fields.name();
		if (name == null || name.isBlank() || name.strip().length() > NAME_LENGTH) {
			problems.add(new FieldProblem("name", "validation.emergency.plan.name", NAME_LENGTH));
		}
		Hazard hazard = Enums.parse(Hazard.class, fields.hazard(), "hazard", problems);
		if (hazard == null && (fields.hazard() == null || fields.hazard().isBlank())) {
			problems.add(new FieldProblem("hazard", "validation.emergency.plan.hazard"));
		}
		String description = (fields.description() != null) ? fields.description().strip() : "";
		if (description.length() > DESCRIPTION_LENGTH) {
			problems.add(new FieldProblem("description", "validation.emergency.plan.description", DESCRIPTION_LENGTH));
		}
		Integer radius = fields.radiusKm();
		if (radius == null || radius < 1 || radius > Mobilizations.MAX_RADIUS_KM.intValue()) {
			problems.add(new FieldProblem("radiusKm", "validation.emergency.radiusKm",
					Mobilizations.MAX_RADIUS_KM.intValue()));
		}
		List<Need> needs = needs(fields.needs(), problems);
		List<UUID> teams = new ArrayList<>();
		if (fields.teamIds() != null) {
			if (fields.teamIds().size() > MAX_TEAMS) {
				problems.add(new FieldProblem("teamIds", "validation.emergency.plan.teams", MAX_TEAMS));
			}
			Set<UUID> seen = new HashSet<>();
			for (int i = 0; i < fields.teamIds().size(); i++) {
				UUID team = fields.teamIds().get(i);
				if (team == null || !seen.add(team)) {
					problems.add(new FieldProblem("teamIds[" + i + "]", "validation.emergency.plan.team"));
				}
				else {
					teams.add(team);
				}
			}
		}
		List<AssemblyPoint> points = new ArrayList<>();
		List<AssemblyPoint> given = fields.assemblyPoints();
		if (given == null || given.isEmpty() || given.size() > MAX_POINTS) {
			problems.add(new FieldProblem("assemblyPoints", "validation.emergency.plan.points", MAX_POINTS));
		}
		else {
			for (int i = 0; i < given.size(); i++) {
				AssemblyPoint point = given.get(i);
				String field = "assemblyPoints[" + i + "]";
				if (point == null) {
					problems.add(new FieldProblem(field, "validation.emergency.plan.points", MAX_POINTS));
					continue;
				}
				if (point.name() == null || point.name().isBlank()
						|| point.name().strip().length() > Mobilizations.TITLE_LENGTH) {
					problems.add(new FieldProblem(field + ".name", "validation.emergency.assemblyName",
							Mobilizations.TITLE_LENGTH));
				}
				Locations.check(point.lat(), point.lng(), field + ".lat", field + ".lng", problems);
				if (point.name() != null) {
					points.add(new AssemblyPoint(point.name().strip(), point.lat(), point.lng()));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return new Plan(name.strip(), hazard, description, radius, needs, teams, points);
	}

	private static List<Need> needs(List<NeedRequest> asked, List<FieldProblem> problems) {
		List<Need> needs = new ArrayList<>();
		if (asked == null || asked.isEmpty() || asked.size() > Mobilizations.MAX_NEEDS) {
			problems.add(new FieldProblem("needs", "validation.emergency.needs", Mobilizations.MAX_NEEDS));
			return needs;
		}
		for (int i = 0; i < asked.size(); i++) {
			NeedRequest need = asked.get(i);
			String field = "needs[" + i + "]";
			if (need == null) {
				problems.add(new FieldProblem(field, "validation.emergency.needs", Mobilizations.MAX_NEEDS));
				continue;
			}
			String skill = need.skill();
			if (skill == null || skill.isBlank() || skill.strip().length() > Mobilizations.SKILL_LENGTH) {
				problems
					.add(new FieldProblem(field + ".skill", "validation.emergency.skill", Mobilizations.SKILL_LENGTH));
			}
			if (need.count() == null || need.count() < 1 || need.count() > Mobilizations.MAX_COUNT) {
				problems.add(new FieldProblem(field + ".count", "validation.emergency.count", Mobilizations.MAX_COUNT));
			}
			QualificationKind qualification = Enums.parse(QualificationKind.class, need.qualification(),
					field + ".qualification", problems);
			if (skill != null && !skill.isBlank() && need.count() != null) {
				needs.add(new Need(skill.strip(), need.count(), qualification));
			}
		}
		return needs;
	}

	private void requireEligible(String regionCode, List<UUID> teamIds) {
		if (teamIds.isEmpty()) {
			return;
		}
		Set<UUID> eligible = new HashSet<>(eligibleTeams(regionCode).stream().map(PlanTeam::organizationId).toList());
		List<String> refused = teamIds.stream().filter((id) -> !eligible.contains(id)).map(UUID::toString).toList();
		if (!refused.isEmpty()) {
			throw ProblemException.unprocessable("TEAM_NOT_ELIGIBLE", "emergency.plan.teamNotEligible")
				.with("teamIds", refused);
		}
	}

	private List<PlanTeam> eligibleTeams(String regionCode) {
		List<String> chain = new ArrayList<>(this.regions.path(regionCode).stream().map(Region::code).toList());
		if (!chain.contains(regionCode)) {
			chain.add(regionCode);
		}
		return this.repository.eligibleTeams(chain, Regions.prefixOf(regionCode));
	}

	private static ProblemException notFound() {
		return ProblemException.notFound("PLAN_NOT_FOUND", "emergency.plan.notFound");
	}

	private static ProblemException archived() {
		return ProblemException.conflict("INVALID_STATE", "emergency.plan.archived");
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
	}

}
