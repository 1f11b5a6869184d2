package org.zhiyuan.emergency;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables of emergency plans: the plan, its needs, teams, assembly points, launches.
 */
@Repository
class PlanRepository {

	private static final String SELECT_PLAN = "SELECT id, region_code, name, hazard, description, radius_km, status,"
			+ " created_at, updated_at FROM emergency_plan";

	private static final String SELECT_SUMMARY = "SELECT p.id, p.region_code, p.name, p.hazard, p.radius_km,"
			+ " (SELECT COALESCE(SUM(n.head_count), 0) FROM emergency_plan_need n WHERE n.plan_id = p.id),"
			+ " (SELECT COUNT(*) FROM emergency_plan_team t WHERE t.plan_id = p.id),"
			+ " (SELECT COUNT(*) FROM emergency_plan_point a WHERE a.plan_id = p.id), p.updated_at"
			+ " FROM emergency_plan p";

	private static final String SELECT_TEAM = "SELECT t.organization_id, o.name, t.tier, t.region_code"
			+ " FROM emergency_team t JOIN organization o ON o.id = t.organization_id";

	private final JdbcClient jdbc;

	PlanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The plan's row; it claims the author's Idempotency-Key. */
	void insert(UUID id, String regionCode, Plan plan, UUID actor, String idempotencyKey, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO emergency_plan (id, region_code, name, hazard, description, radius_km, status,"
					+ " created_by, idempotency_key, created_at, updated_at) VALUES (:id, :region, :name, :hazard,"
					+ " :description, :radius, 'ACTIVE', :actor, :key, :now, :now)")
			.param("id", id)
			.param("region", regionCode)
			.param("name", plan.name())
			.param("hazard", plan.hazard().name())
			.param("description", plan.description())
			.param("radius", plan.radiusKm())
			.param("actor", actor)
			.param("key", idempotencyKey)
			.param("now", now)
			.update();
		insertParts(id, plan);
	}

	/** Replaces the plan's fields, needs, teams and points. */
	void update(UUID id, Plan plan, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE emergency_plan SET name = :name, hazard = :hazard, description = :description,"
					+ " radius_km = :radius, updated_at = :now WHERE id = :id")
			.param("id", id)
			.param("name", plan.name())
			.param("hazard", plan.hazard().name())
			.param("description", plan.description())
			.param("radius", plan.radiusKm())
			.param("now", now)
			.update();
		for (String table : List.of("emergency_plan_need", "emergency_plan_team", "emergency_plan_point")) {
			this.jdbc.sql("DELETE FROM " + table + " WHERE plan_id = :id").param("id", id).update();
		}
		insertParts(id, plan);
	}

	private void insertParts(UUID id, Plan plan) {
		for (int i = 0; i < plan.needs().size(); i++) {
			Need need = plan.needs().get(i);
			this.jdbc
				.sql("INSERT INTO emergency_plan_need (plan_id, ordinal, skill, head_count, qualification)"
						+ " VALUES (:id, :ordinal, :skill, :count, :qualification)")
				.param("id", id)
				.param("ordinal", i)
				.param("skill", need.skill())
				.param("count", need.count())
				.param("qualification", (need.qualification() != null) ? need.qualification().name() : null)
				.update();
		}
		for (int i = 0; i < plan.teamIds().size(); i++) {
			this.jdbc
				.sql("INSERT INTO emergency_plan_team (plan_id, organization_id, ordinal) VALUES (:id, :team,"
						+ " :ordinal)")
				.param("id", id)
				.param("team", plan.teamIds().get(i))
				.param("ordinal", i)
				.update();
		}
		for (int i = 0; i < plan.points().size(); i++) {
			AssemblyPoint point = plan.points().get(i);
			this.jdbc
				.sql("INSERT INTO emergency_plan_point (plan_id, ordinal, name, lat, lng) VALUES (:id, :ordinal,"
						+ " :name, :lat, :lng)")
				.param("id", id)
				.param("ordinal", i)
				.param("name", point.name())
				.param("lat", point.lat())
				.param("lng", point.lng())
				.update();
		}
	}

	boolean archive(UUID id, OffsetDateTime now) {
		return this.jdbc
			.sql("UPDATE emergency_plan SET status = 'ARCHIVED', archived_at = :now, updated_at = :now"
					+ " WHERE id = :id AND status = 'ACTIVE'")
			.param("id", id)
			.param("now", now)
			.update() == 1;
	}

	Optional<UUID> withKey(UUID actor, String idempotencyKey) {
		return this.jdbc.sql("SELECT id FROM emergency_plan WHERE created_by = :actor AND idempotency_key = :key")
			.param("actor", actor)
			.param("key", idempotencyKey)
			.query(UUID.class)
			.optional();
	}

	/** The plan with its needs, teams and points. */
	Optional<EmergencyPlan> plan(UUID id) {
		List<Need> needs = this.jdbc
			.sql("SELECT skill, head_count, qualification FROM emergency_plan_need WHERE plan_id = :id ORDER BY"
					+ " ordinal")
			.param("id", id)
			.query((rs, row) -> new Need(rs.getString(1), rs.getInt(2),
					(rs.getString(3) != null) ? QualificationKind.valueOf(rs.getString(3)) : null))
			.list();
		List<PlanTeam> teams = this.jdbc
			.sql("SELECT p.organization_id, o.name, t.tier, COALESCE(t.region_code, o.region_code)"
					+ " FROM emergency_plan_team p JOIN organization o ON o.id = p.organization_id"
					+ " LEFT JOIN emergency_team t ON t.organization_id = p.organization_id"
					+ " WHERE p.plan_id = :id ORDER BY p.ordinal")
			.param("id", id)
			.query((rs, row) -> new PlanTeam(rs.getObject(1, UUID.class), rs.getString(2),
					(rs.getString(3) != null) ? TeamTier.valueOf(rs.getString(3)) : null, rs.getString(4)))
			.list();
		List<AssemblyPoint> points = this.jdbc
			.sql("SELECT name, lat, lng FROM emergency_plan_point WHERE plan_id = :id ORDER BY ordinal")
			.param("id", id)
			.query((rs, row) -> new AssemblyPoint(rs.getString(1), rs.getDouble(2), rs.getDouble(3)))
			.list();
		return this.jdbc.sql(SELECT_PLAN + " WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> new EmergencyPlan(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					Hazard.valueOf(rs.getString(4)), rs.getString(5), rs.getInt(6), PlanStatus.valueOf(rs.getString(7)),
					needs, teams, points, rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class)))
			.optional();
	}

	/** The region of the plan and whether it is active, or nothing. */
	Optional<Head> head(UUID id) {
		return this.jdbc.sql("SELECT region_code, status FROM emergency_plan WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> new Head(rs.getString(1), PlanStatus.valueOf(rs.getString(2))))
			.optional();
	}

	/** The active plans of the regions that start with the prefix, by region and name. */
	PageResult<PlanSummary> activeWithin(String prefix, PageQuery page) {
		long total = this.jdbc
			.sql("SELECT COUNT(*) FROM emergency_plan WHERE region_code LIKE :prefix AND status = 'ACTIVE'")
			.param("prefix", prefix + "%")
			.query(Long.class)
			.single();
		List<PlanSummary> items = this.jdbc
			.sql(SELECT_SUMMARY + " WHERE p.region_code LIKE :prefix AND p.status = 'ACTIVE'"
					+ " ORDER BY p.region_code, p.name, p.id LIMIT :limit OFFSET :offset")
			.param("prefix", prefix + "%")
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, row) -> new PlanSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					Hazard.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
					rs.getObject(9, OffsetDateTime.class)))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	List<UUID> teamIds(UUID planId) {
		return this.jdbc.sql("SELECT organization_id FROM emergency_plan_team WHERE plan_id = :id ORDER BY ordinal")
			.param("id", planId)
			.query(UUID.class)
			.list();
	}

	/**
	 * The active emergency teams that a plan of the region may call: of the region, a
	 * region above it (the chain) or one below it (the prefix), by region and name.
	 */
	List<PlanTeam> eligibleTeams(List<String> chain, String prefix) {
		return this.jdbc
			.sql(SELECT_TEAM + " WHERE o.status = 'ACTIVE' AND (t.region_code IN (:chain) OR t.region_code LIKE"
					+ " :prefix) ORDER BY t.region_code, o.name, t.organization_id")
			.param("chain", chain)
			.param("prefix", prefix + "%")
			.query((rs, row) -> new PlanTeam(rs.getObject(1, UUID.class), rs.getString(2),
					TeamTier.valueOf(rs.getString(3)), rs.getString(4)))
			.list();
	}

	/** Remembers that the mobilization was launched from the plan (once). */
	void launched(UUID mobilizationId, UUID planId, UUID actor, OffsetDateTime now) {
		long known = this.jdbc.sql("SELECT COUNT(*) FROM emergency_plan_launch WHERE mobilization_id = :id")
			.param("id", mobilizationId)
			.query(Long.class)
			.single();
		if (known == 0) {
			this.jdbc
				.sql("INSERT INTO emergency_plan_launch (mobilization_id, plan_id, launched_by, launched_at)"
						+ " VALUES (:id, :plan, :actor, :now)")
				.param("id", mobilizationId)
				.param("plan", planId)
				.param("actor", actor)
				.param("now", now)
				.update();
		}
	}

	Optional<UUID> planOf(UUID mobilizationId) {
		return this.jdbc.sql("SELECT plan_id FROM emergency_plan_launch WHERE mobilization_id = :id")
			.param("id", mobilizationId)
			.query(UUID.class)
			.optional();
	}

	/** A plan's fields, checked. */
	record Plan(String name, Hazard hazard, String description, int radiusKm, List<Need> needs, List<UUID> teamIds,
			List<AssemblyPoint> points) {

	}

	/** What deciding who may act on a plan needs. */
	record Head(String regionCode, PlanStatus status) {

	}

}
