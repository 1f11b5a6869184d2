package org.zhiyuan.emergency;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emergency teams (应急志愿服务队伍): active organizations that an operator of their region marks
 * with a tier — 总队 of a city, 支队 of a district, 大队 of a street. Their active members are
 * called by the mobilizations of the team's region, the regions above it and the regions
 * below it.
 */
@Service
public class EmergencyTeams {

	private final EmergencyRepository repository;

	private final Organizations organizations;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	private final AuditLog auditLog;

	EmergencyTeams(EmergencyRepository repository, Organizations organizations, AccessPolicy accessPolicy,
			Regions regions, AuditLog auditLog) {
		this.repository = repository;
		this.organizations = organizations;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
		this.auditLog = auditLog;
	}

	/**
	 * Marks the organization as an emergency team of the tier, or changes its tier.
	 * @throws ProblemException 400 {@code tier}; 404 {@code ORGANIZATION_NOT_FOUND}; 403
	 * for anyone but an operator of its region; 409 {@code ORGANIZATION_NOT_ACTIVE}
	 */
	@Transactional
	public EmergencyTeamView mark(Actor actor, UUID organizationId, String tier) {
		List<FieldProblem> problems = new ArrayList<>();
		TeamTier parsed = Enums.parse(TeamTier.class, tier, "tier", problems);
		if (parsed == null && problems.isEmpty()) {
			problems.add(new FieldProblem("tier", "validation.emergency.tier"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		OrganizationView organization = operated(actor, organizationId);
		if (!organization.isActive()) {
			throw ProblemException.conflict("ORGANIZATION_NOT_ACTIVE", "organization.notActive");
		}
		this.repository.markTeam(organization.id(), parsed, organization.regionCode(), actor.accountId(),
				OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
		this.auditLog.record(AuditRecord.of("emergency.team.mark", actor.accountId())
			.on("organization", organization.id())
			.inRegion(organization.regionCode())
			.withDetail(parsed.name()));
		return this.repository.team(organization.id()).orElseThrow();
	}

	/**
	 * Takes the mark off the organization.
	 * @throws ProblemException 404 {@code ORGANIZATION_NOT_FOUND},
	 * {@code EMERGENCY_TEAM_NOT_FOUND} when it is not marked; 403 for anyone but an
	 * operator of its region
	 */
	@Transactional
	public void unmark(Actor actor, UUID organizationId) {
		OrganizationView organization = operated(actor, organizationId);
		if (!this.repository.unmarkTeam(organization.id())) {
			throw ProblemException.notFound("EMERGENCY_TEAM_NOT_FOUND", "emergency.team.notFound");
		}
		this.auditLog.record(AuditRecord.of("emergency.team.unmark", actor.accountId())
			.on("organization", organization.id())
			.inRegion(organization.regionCode()));
	}

	/**
	 * The emergency teams of the region and the regions below it, by region and name: for
	 * its operators and auditors.
	 * @throws ProblemException 404 {@code REGION_NOT_FOUND}; 403 for anyone else
	 */
	public PageResult<EmergencyTeamView> ofRegion(Actor actor, String regionCode, PageQuery page) {
		if (regionCode == null || !this.regions.exists(regionCode)) {
			throw ProblemException.notFound("REGION_NOT_FOUND", "region.notFound", regionCode);
		}
		if (!this.accessPolicy.oversees(actor, regionCode)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		return this.repository.teamsWithin(Regions.prefixOf(regionCode), page);
	}

	private OrganizationView operated(Actor actor, UUID organizationId) {
		OrganizationView organization = this.organizations.find(organizationId)
			.orElseThrow(() -> ProblemException.notFound("ORGANIZATION_NOT_FOUND", "organization.notFound"));
		if (!this.accessPolicy.operates(actor, organization.regionCode())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		return organization;
	}

}
