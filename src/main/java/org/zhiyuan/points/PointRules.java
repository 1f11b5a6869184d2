package org.zhiyuan.points;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.RecruitmentMode;
import org.zhiyuan.activity.RiskLevel;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.points.PointsRepository.RuleRow;
import org.zhiyuan.region.Region;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.shared.cache.SharedCache;
import org.zhiyuan.shared.cache.SharedCaches;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of points per region: a region that sets none follows the nearest region
 * above it that does, else the platform's defaults ({@value #PER_HOUR} points an hour,
 * {@value #HARD_PER_HOUR} for hard service, {@value #EMERGENCY_PER_HOUR} for emergency
 * service, valid {@value #VALID_MONTHS} months). Operators of a region set its rules or
 * return them to inheritance.
 */
@Service
public class PointRules {

	static final int PER_HOUR = 10;

	static final int HARD_PER_HOUR = 15;

	static final int EMERGENCY_PER_HOUR = 20;

	static final int VALID_MONTHS = 36;

	static final int MAX_PER_HOUR = 1000;

	static final int MAX_VALID_MONTHS = 120;

	private final PointsRepository repository;

	private final Regions regions;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final SharedCache<String, PointRule> rules;

	PointRules(PointsRepository repository, Regions regions, AccessPolicy accessPolicy, AuditLog auditLog,
			SharedCaches caches) {
		this.repository = repository;
		this.rules = caches.cache(PointsRepository.POINT_RULES, 10_000);
		this.regions = regions;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
	}

	/**
	 * The rules that apply in a region; anyone may read them (they are what a volunteer
	 * is promised).
	 * @throws ProblemException 404 {@code REGION_NOT_FOUND}
	 */
	@Transactional(readOnly = true)
	public PointRule rule(String regionCode) {
		requireRegion(regionCode);
		return this.rules.get(regionCode, this::readRule);
	}

	private PointRule readRule(String regionCode) {
		List<String> chain = new ArrayList<>(this.regions.path(regionCode).stream().map(Region::code).toList());
		if (!chain.contains(regionCode)) {
			chain.add(regionCode);
		}
		if (!chain.contains(Regions.NATIONAL)) {
			chain.add(0, Regions.NATIONAL);
		}
		// one read for the whole chain, the nearest region that sets them wins
		Map<String, RuleRow> rows = this.repository.rules(chain);
		for (int i = chain.size() - 1; i >= 0; i--) {
			RuleRow r = rows.get(chain.get(i));
			if (r != null) {
				return new PointRule(regionCode, r.perHour(), r.hardPerHour(), r.emergencyPerHour(), r.validMonths(),
						chain.get(i), chain.get(i).equals(regionCode));
			}
		}
		return new PointRule(regionCode, PER_HOUR, HARD_PER_HOUR, EMERGENCY_PER_HOUR, VALID_MONTHS, null, false);
	}

	/**
	 * Sets a region's own rules.
	 * @throws ProblemException 400 naming every bad field, 403 for anyone but its
	 * operators, 404 {@code REGION_NOT_FOUND}
	 */
	@Transactional
	public PointRule set(Actor actor, String regionCode, Integer perHour, Integer hardPerHour, Integer emergencyPerHour,
			Integer validMonths) {
		requireRegion(regionCode);
		this.accessPolicy.requireOperatorOf(actor, regionCode);
		List<FieldProblem> problems = new ArrayList<>();
		rate(problems, "perHour", perHour);
		rate(problems, "hardPerHour", hardPerHour);
		rate(problems, "emergencyPerHour", emergencyPerHour);
		if (validMonths == null || validMonths < 1 || validMonths > MAX_VALID_MONTHS) {
			problems.add(new FieldProblem("validMonths", "validation.points.validMonths", MAX_VALID_MONTHS));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		this.repository.saveRule(regionCode, new RuleRow(perHour, hardPerHour, emergencyPerHour, validMonths),
				actor.accountId(), OffsetDateTime.now(ZoneOffset.UTC));
		this.auditLog.record(AuditRecord.of("points.rule", actor.accountId())
			.on("region", regionCode)
			.inRegion(regionCode)
			.withDetail("perHour=" + perHour + " hardPerHour=" + hardPerHour + " emergencyPerHour=" + emergencyPerHour
					+ " validMonths=" + validMonths));
		return rule(regionCode);
	}

	/** Returns a region's rules to those of the region above; as {@link #set}. */
	@Transactional
	public PointRule inherit(Actor actor, String regionCode) {
		requireRegion(regionCode);
		this.accessPolicy.requireOperatorOf(actor, regionCode);
		this.repository.deleteRule(regionCode);
		this.auditLog.record(AuditRecord.of("points.rule", actor.accountId())
			.on("region", regionCode)
			.inRegion(regionCode)
			.withDetail("inherited"));
		return rule(regionCode);
	}

	/**
	 * The points an hour of the activity earns by the rules of its region: the emergency
	 * rate for emergency recruitment or disaster relief, the hard rate for HIGH-risk
	 * service, the highest that applies.
	 */
	static int rateOf(ActivityView activity, PointRule rule) {
		int rate = rule.perHour();
		if (activity.riskLevel() == RiskLevel.HIGH) {
			rate = Math.max(rate, rule.hardPerHour());
		}
		if (activity.recruitmentMode() == RecruitmentMode.EMERGENCY
				|| activity.field() == ServiceField.DISASTER_RELIEF) {
			rate = Math.max(rate, rule.emergencyPerHour());
		}
		return rate;
	}

	private static void rate(List<FieldProblem> problems, String field, Integer value) {
		if (value == null || value < 0 || value > MAX_PER_HOUR) {
			problems.add(new FieldProblem(field, "validation.points.rate", MAX_PER_HOUR));
		}
	}

	private void requireRegion(String regionCode) {
		if (regionCode == null || !this.regions.exists(regionCode)) {
			throw ProblemException.notFound("REGION_NOT_FOUND", "region.notFound", regionCode);
		}
	}

}
