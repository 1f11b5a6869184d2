package org.zhiyuan.emergency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The emergency tables. Who is called is decided in one statement that reads the
 * volunteers, their skills and the members of organizations read-only, as the statistics
 * do: thousands are called without loading anyone into memory.
 */
@Repository
class EmergencyRepository {

	/** Kilometres per degree of latitude (and of longitude on the equator). */
	static final double KM_PER_DEGREE = 111.195;

	/**
	 * The calls of a mobilization whose volunteers were told of it, for notifications.
	 */
	static final String CALLED_ACCOUNTS = "SELECT account_id FROM emergency_call WHERE mobilization_id = :mobilization";

	/** Whether the volunteer v is insured on the day :today. */
	static final String INSURED = "SELECT 1 FROM insured_volunteer iv JOIN insurance_policy ip ON ip.id = iv.policy_id"
			+ " WHERE iv.volunteer_id = v.id AND ip.starts_on <= :today AND ip.ends_on >= :today";

	/** The calls of a wave of a mobilization, for notifications. */
	static final String WAVE_ACCOUNTS = CALLED_ACCOUNTS + " AND wave = :wave";

	/** The calls of a mobilization that still count on the volunteer. */
	static final String STANDING_ACCOUNTS = CALLED_ACCOUNTS + " AND status IN ('ACCEPTED', 'RESERVE')";

	private final JdbcClient jdbc;

	EmergencyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// teams

	Optional<EmergencyTeamView> team(UUID organizationId) {
		return this.jdbc
			.sql("SELECT t.organization_id, o.name, t.tier, t.region_code, t.marked_at FROM emergency_team t"
					+ " JOIN organization o ON o.id = t.organization_id WHERE t.organization_id = :id")
			.param("id", organizationId)
			.query((rs, row) -> new EmergencyTeamView(rs.getObject(1, UUID.class), rs.getString(2),
					TeamTier.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, OffsetDateTime.class)))
			.optional();
	}

	/** Marks the organization, or changes its tier when marked already. */
	void markTeam(UUID organizationId, TeamTier tier, String regionCode, UUID actor, OffsetDateTime now) {
		int changed = this.jdbc
			.sql("UPDATE emergency_team SET tier = :tier, region_code = :region, marked_by = :actor, marked_at = :now"
					+ " WHERE organization_id = :id")
			.param("id", organizationId)
			.param("tier", tier.name())
			.param("region", regionCode)
			.param("actor", actor)
			.param("now", now)
			.update();
		if (changed == 0) {
			this.jdbc
				.sql("INSERT INTO emergency_team (organization_id, tier, region_code, marked_by, marked_at)"
						+ " VALUES (:id, :tier, :region, :actor, :now)")
				.param("id", organizationId)
				.param("tier", tier.name())
				.param("region", regionCode)
				.param("actor", actor)
				.param("now", now)
				.update();
		}
	}

	boolean unmarkTeam(UUID organizationId) {
		return this.jdbc.sql("DELETE FROM emergency_team WHERE organization_id = :id")
			.param("id", organizationId)
			.update() == 1;
	}

	PageResult<EmergencyTeamView> teamsWithin(String prefix, PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM emergency_team WHERE region_code LIKE :prefix")
			.param("prefix", prefix + "%")
			.query(Long.class)
			.single();
		List<EmergencyTeamView> items = this.jdbc
			.sql("SELECT t.organization_id, o.name, t.tier, t.region_code, t.marked_at FROM emergency_team t"
					+ " JOIN organization o ON o.id = t.organization_id WHERE t.region_code LIKE :prefix"
					+ " ORDER BY t.region_code, o.name, t.organization_id LIMIT :limit OFFSET :offset")
			.param("prefix", prefix + "%")
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, row) -> new EmergencyTeamView(rs.getObject(1, UUID.class), rs.getString(2),
					TeamTier.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, OffsetDateTime.class)))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/**
	 * The active teams of the chain's regions or below the prefix, the highest tier
	 * first.
	 */
	List<EmergencyTeamView> teamsForCommand(List<String> chain, String prefix) {
		return this.jdbc
			.sql("SELECT t.organization_id, o.name, t.tier, t.region_code, t.marked_at FROM emergency_team t"
					+ " JOIN organization o ON o.id = t.organization_id WHERE o.status = 'ACTIVE'"
					+ " AND (t.region_code IN (:chain) OR t.region_code LIKE :prefix)"
					+ " ORDER BY CASE t.tier WHEN 'CITY' THEN 0 WHEN 'DISTRICT' THEN 1 ELSE 2 END, t.region_code, o.name"
					+ " LIMIT 200")
			.param("chain", chain)
			.param("prefix", prefix + "%")
			.query((rs, row) -> new EmergencyTeamView(rs.getObject(1, UUID.class), rs.getString(2),
					TeamTier.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, OffsetDateTime.class)))
			.list();
	}

	// profiles

	Optional<EmergencyProfile> profile(UUID volunteerId) {
		List<EmergencyQualification> qualifications = this.jdbc
			.sql("SELECT kind, valid_until FROM emergency_qualification WHERE volunteer_id = :id ORDER BY kind")
			.param("id", volunteerId)
			.query((rs, row) -> new EmergencyQualification(QualificationKind.valueOf(rs.getString(1)),
					rs.getObject(2, LocalDate.class)))
			.list();
		return this.jdbc
			.sql("SELECT home_lat, home_lng, readiness, updated_at FROM emergency_profile WHERE volunteer_id = :id")
			.param("id", volunteerId)
			.query((rs, row) -> new EmergencyProfile(rs.getDouble(1), rs.getDouble(2),
					Readiness.valueOf(rs.getString(3)), qualifications, rs.getObject(4, OffsetDateTime.class)))
			.optional();
	}

	/** Replaces the volunteer's profile and qualifications. */
	void saveProfile(UUID volunteerId, double lat, double lng, Readiness readiness,
			Collection<EmergencyQualification> qualifications, OffsetDateTime now) {
		int changed = this.jdbc
			.sql("UPDATE emergency_profile SET home_lat = :lat, home_lng = :lng, readiness = :readiness,"
					+ " updated_at = :now WHERE volunteer_id = :id")
			.param("id", volunteerId)
			.param("lat", lat)
			.param("lng", lng)
			.param("readiness", readiness.name())
			.param("now", now)
			.update();
		if (changed == 0) {
			this.jdbc
				.sql("INSERT INTO emergency_profile (volunteer_id, home_lat, home_lng, readiness, updated_at)"
						+ " VALUES (:id, :lat, :lng, :readiness, :now)")
				.param("id", volunteerId)
				.param("lat", lat)
				.param("lng", lng)
				.param("readiness", readiness.name())
				.param("now", now)
				.update();
		}
		this.jdbc.sql("DELETE FROM emergency_qualification WHERE volunteer_id = :id").param("id", volunteerId).update();
		for (EmergencyQualification qualification : qualifications) {
			this.jdbc
				.sql("INSERT INTO emergency_qualification (volunteer_id, kind, valid_until) VALUES (:id, :kind,"
						+ " :until)")
				.param("id", volunteerId)
				.param("kind", qualification.kind().name())
				.param("until", qualification.validUntil())
				.update();
		}
	}

	void forgetProfile(UUID volunteerId) {
		this.jdbc.sql("DELETE FROM emergency_qualification WHERE volunteer_id = :id").param("id", volunteerId).update();
		this.jdbc.sql("DELETE FROM emergency_profile WHERE volunteer_id = :id").param("id", volunteerId).update();
	}

	// mobilizations

	/** The mobilization's row; it claims the launcher's Idempotency-Key. */
	void insertMobilization(UUID id, NewMobilization mobilization, UUID actor, String idempotencyKey,
			OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO emergency_mobilization (id, region_code, title, lat, lng, radius_km, assemble_at,"
					+ " assembly_name, assembly_lat, assembly_lng, drill, status, notified, answer_count, launched_by,"
					+ " idempotency_key, launched_at, wave, organization_id, plan_id) VALUES (:id, :region, :title,"
					+ " :lat, :lng, :radius, :assembleAt, :assemblyName, :assemblyLat, :assemblyLng, :drill, 'OPEN', 0,"
					+ " 0, :actor, :key, :now, 0, :organization, :plan)")
			.param("id", id)
			.param("region", mobilization.regionCode())
			.param("title", mobilization.title())
			.param("lat", mobilization.location().lat())
			.param("lng", mobilization.location().lng())
			.param("radius", mobilization.radiusKm())
			.param("assembleAt", mobilization.assembleAt())
			.param("assemblyName", mobilization.assemblyName())
			.param("assemblyLat", mobilization.assemblyPoint().lat())
			.param("assemblyLng", mobilization.assemblyPoint().lng())
			.param("drill", mobilization.drill())
			.param("organization", mobilization.organizationId())
			.param("plan", mobilization.planId())
			.param("actor", actor)
			.param("key", idempotencyKey)
			.param("now", now)
			.update();
	}

	void insertNeeds(UUID id, List<Need> needs) {
		for (int i = 0; i < needs.size(); i++) {
			Need need = needs.get(i);
			this.jdbc
				.sql("INSERT INTO emergency_need (mobilization_id, ordinal, skill, head_count, qualification, insured)"
						+ " VALUES (:id, :ordinal, :skill, :count, :qualification, :insured)")
				.param("id", id)
				.param("ordinal", i)
				.param("skill", need.skill())
				.param("count", need.count())
				.param("qualification", (need.qualification() != null) ? need.qualification().name() : null)
				.param("insured", need.insured())
				.update();
		}
	}

	/**
	 * Calls the next wave in one statement: of the volunteers eligible and not called
	 * yet, the {@code limit} whose homes lie nearest the scene. Eligible: active, of the
	 * region or below, adult on the day, with an emergency profile whose home lies within
	 * the radius (first the bounding box, then the distance on a plane tangent at the
	 * scene, exact enough within a couple of hundred kilometres), member of an active
	 * emergency team of the region, a region above it or below it, or holding a needed
	 * skill (with a valid qualification where the need names one, insured on the day
	 * where it asks for insurance), and not accepted in another open mobilization.
	 * Members of the teams that {@code firstTeams} names (the plan's) come before
	 * everyone else.
	 * @return how many were called
	 */
	int callWave(UUID id, int wave, int limit, String regionPrefix, List<String> regionChain,
			Collection<UUID> firstTeams, GeoPoint scene, BigDecimal radiusKm, LocalDate adultBornBy, LocalDate today,
			OffsetDateTime now) {
		Shift.DayShift duty = Shift.at(now);
		double radius = radiusKm.doubleValue();
		double cos = Math.cos(Math.toRadians(scene.lat()));
		double latSpan = radius / KM_PER_DEGREE;
		double lngSpan = radius / (KM_PER_DEGREE * Math.max(cos, 0.01));
		String squared = "((p.home_lat - :lat) * :kmLat) * ((p.home_lat - :lat) * :kmLat)"
				+ " + ((p.home_lng - :lng) * :kmLng) * ((p.home_lng - :lng) * :kmLng)";
		String onDuty = "EXISTS (SELECT 1 FROM emergency_duty d WHERE d.volunteer_id = v.id AND d.duty_day = :dutyDay"
				+ " AND d.shift = :dutyShift)";
		String first = "CASE WHEN " + onDuty
				+ (firstTeams.isEmpty() ? ""
						: " OR EXISTS (SELECT 1 FROM organization_member fm WHERE fm.volunteer_id = v.id"
								+ " AND fm.status = 'ACTIVE' AND fm.organization_id IN (:firstTeams))")
				+ " THEN 0 ELSE 1 END";
		int called = this.jdbc
			.sql("INSERT INTO emergency_call (mobilization_id, volunteer_id, account_id, status, called_at, wave,"
					+ " distance_m) SELECT :id, v.id, v.account_id, 'NOTIFIED', :now, :wave, CAST(SQRT(" + squared
					+ ") * 1000 AS INT) FROM volunteer v JOIN emergency_profile p ON p.volunteer_id = v.id"
					+ " WHERE v.status = 'ACTIVE' AND v.region_code LIKE :prefix AND v.birth_date <= :adultBornBy"
					+ " AND p.home_lat BETWEEN :minLat AND :maxLat AND p.home_lng BETWEEN :minLng AND :maxLng" + " AND "
					+ squared + " <= :radiusSquared" + " AND (EXISTS (SELECT 1 FROM organization_member m"
					+ " JOIN emergency_team t ON t.organization_id = m.organization_id"
					+ " JOIN organization o ON o.id = m.organization_id WHERE m.volunteer_id = v.id"
					+ " AND m.status = 'ACTIVE' AND o.status = 'ACTIVE'"
					+ " AND (t.region_code IN (:chain) OR t.region_code LIKE :prefix))"
					+ " OR EXISTS (SELECT 1 FROM emergency_need n JOIN volunteer_attribute a ON a.volunteer_id = v.id"
					+ " AND a.kind = 'SKILL' AND a.attribute = n.skill WHERE n.mobilization_id = :id"
					+ " AND (n.qualification IS NULL OR EXISTS (SELECT 1 FROM emergency_qualification q"
					+ " WHERE q.volunteer_id = v.id AND q.kind = n.qualification AND q.valid_until >= :today))"
					+ " AND (n.insured = FALSE OR EXISTS (" + INSURED + "))))"
					+ " AND NOT EXISTS (SELECT 1 FROM emergency_call c WHERE c.mobilization_id = :id"
					+ " AND c.volunteer_id = v.id)" + " AND NOT EXISTS (SELECT 1 FROM emergency_call c"
					+ " JOIN emergency_mobilization e ON e.id = c.mobilization_id"
					+ " WHERE c.volunteer_id = v.id AND c.status = 'ACCEPTED' AND e.status = 'OPEN')" + " ORDER BY "
					+ first + ", " + squared + ", v.id LIMIT :limit")
			.param("id", id)
			.param("now", now)
			.param("wave", wave)
			.param("limit", limit)
			.param("prefix", regionPrefix + "%")
			.param("chain", regionChain)
			.param("firstTeams", firstTeams.isEmpty() ? List.of(id) : firstTeams)
			.param("dutyDay", duty.day())
			.param("dutyShift", duty.shift().name())
			.param("adultBornBy", adultBornBy)
			.param("today", today)
			.param("lat", scene.lat())
			.param("lng", scene.lng())
			.param("minLat", scene.lat() - latSpan)
			.param("maxLat", scene.lat() + latSpan)
			.param("minLng", scene.lng() - lngSpan)
			.param("maxLng", scene.lng() + lngSpan)
			.param("kmLat", KM_PER_DEGREE)
			.param("kmLng", KM_PER_DEGREE * cos)
			.param("radiusSquared", radius * radius)
			.update();
		this.jdbc
			.sql("UPDATE emergency_mobilization SET notified = notified + :called,"
					+ " wave = CASE WHEN :called > 0 THEN :wave ELSE wave END WHERE id = :id")
			.param("id", id)
			.param("called", called)
			.param("wave", wave)
			.update();
		return called;
	}

	/**
	 * The emergency team of the deepest region of the chain (the region's own before its
	 * parents'), the highest tier first.
	 */
	Optional<UUID> nearestTeam(List<String> chain) {
		List<String[]> teams = this.jdbc
			.sql("SELECT t.organization_id, t.region_code FROM emergency_team t JOIN organization o"
					+ " ON o.id = t.organization_id WHERE o.status = 'ACTIVE' AND t.region_code IN (:chain)"
					+ " ORDER BY CASE t.tier WHEN 'CITY' THEN 0 WHEN 'DISTRICT' THEN 1 ELSE 2 END, t.organization_id")
			.param("chain", chain)
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		for (int i = chain.size() - 1; i >= 0; i--) {
			for (String[] team : teams) {
				if (team[1].equals(chain.get(i))) {
					return Optional.of(UUID.fromString(team[0]));
				}
			}
		}
		return Optional.empty();
	}

	/** When the next wave calls unless the needs are met by then; null for never. */
	void nextWaveAt(UUID id, OffsetDateTime at) {
		this.jdbc.sql("UPDATE emergency_mobilization SET next_wave_at = :at WHERE id = :id")
			.param("id", id)
			.param("at", at)
			.update();
	}

	/** The open mobilizations whose next wave is due. */
	List<UUID> dueWaves(OffsetDateTime now) {
		return this.jdbc
			.sql("SELECT id FROM emergency_mobilization WHERE status = 'OPEN' AND next_wave_at <= :now"
					+ " ORDER BY next_wave_at")
			.param("now", now)
			.query(UUID.class)
			.list();
	}

	Optional<Launched> launchedWithKey(UUID actor, String idempotencyKey) {
		return this.jdbc
			.sql("SELECT id, notified FROM emergency_mobilization WHERE launched_by = :actor AND idempotency_key ="
					+ " :key")
			.param("actor", actor)
			.param("key", idempotencyKey)
			.query((rs, row) -> new Launched(rs.getObject(1, UUID.class), rs.getInt(2)))
			.optional();
	}

	Optional<MobilizationRow> mobilization(UUID id) {
		return this.jdbc.sql(MobilizationRow.SELECT + " WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> MobilizationRow.of(rs))
			.optional();
	}

	/**
	 * Locks the mobilization's row until the transaction ends, so that answers are
	 * counted and decided one at a time, and numbers the next answer.
	 */
	Optional<Locked> lock(UUID id) {
		Optional<Locked> locked = this.jdbc
			.sql("SELECT status, answer_count FROM emergency_mobilization WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, row) -> new Locked(MobilizationStatus.valueOf(rs.getString(1)), rs.getLong(2) + 1))
			.optional();
		locked.ifPresent((l) -> this.jdbc.sql("UPDATE emergency_mobilization SET answer_count = :n WHERE id = :id")
			.param("id", id)
			.param("n", l.nextAnswer())
			.update());
		return locked;
	}

	List<Need> needs(UUID id) {
		return this.jdbc
			.sql("SELECT skill, head_count, qualification, insured FROM emergency_need WHERE mobilization_id = :id"
					+ " ORDER BY ordinal")
			.param("id", id)
			.query((rs, row) -> new Need(rs.getString(1), rs.getInt(2),
					(rs.getString(3) != null) ? QualificationKind.valueOf(rs.getString(3)) : null, rs.getBoolean(4)))
			.list();
	}

	Optional<CallRow> call(UUID mobilizationId, UUID volunteerId) {
		return this.jdbc
			.sql("SELECT volunteer_id, account_id, status, mustered_at FROM emergency_call"
					+ " WHERE mobilization_id = :m AND volunteer_id = :v")
			.param("m", mobilizationId)
			.param("v", volunteerId)
			.query((rs, row) -> new CallRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					CallStatus.valueOf(rs.getString(3)), rs.getObject(4, OffsetDateTime.class)))
			.optional();
	}

	/** Whether the volunteer is accepted in another open mobilization. */
	boolean acceptedElsewhere(UUID mobilizationId, UUID volunteerId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM emergency_call c JOIN emergency_mobilization m ON m.id = c.mobilization_id"
					+ " WHERE c.volunteer_id = :v AND c.status = 'ACCEPTED' AND m.status = 'OPEN'"
					+ " AND c.mobilization_id <> :m")
			.param("v", volunteerId)
			.param("m", mobilizationId)
			.query(Long.class)
			.single() > 0;
	}

	long count(UUID mobilizationId, CallStatus status) {
		return this.jdbc.sql("SELECT COUNT(*) FROM emergency_call WHERE mobilization_id = :m AND status = :status")
			.param("m", mobilizationId)
			.param("status", status.name())
			.query(Long.class)
			.single();
	}

	void answer(UUID mobilizationId, UUID volunteerId, CallStatus status, long answerNumber, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE emergency_call SET status = :status, answered_at = :now, answer_number = :n"
					+ " WHERE mobilization_id = :m AND volunteer_id = :v")
			.param("m", mobilizationId)
			.param("v", volunteerId)
			.param("status", status.name())
			.param("now", now)
			.param("n", answerNumber)
			.update();
	}

	/** The first in reserve, in the order the answers came. */
	Optional<CallRow> firstInReserve(UUID mobilizationId) {
		return this.jdbc
			.sql("SELECT volunteer_id, account_id, status, mustered_at FROM emergency_call WHERE mobilization_id = :m"
					+ " AND status = 'RESERVE' ORDER BY answer_number LIMIT 1")
			.param("m", mobilizationId)
			.query((rs, row) -> new CallRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					CallStatus.valueOf(rs.getString(3)), rs.getObject(4, OffsetDateTime.class)))
			.optional();
	}

	/** Takes a volunteer who no longer comes out of their task group. */
	void leaveGroup(UUID mobilizationId, UUID volunteerId) {
		this.jdbc.sql("UPDATE emergency_call SET group_id = NULL WHERE mobilization_id = :m AND volunteer_id = :v")
			.param("m", mobilizationId)
			.param("v", volunteerId)
			.update();
	}

	void promote(UUID mobilizationId, UUID volunteerId) {
		this.jdbc
			.sql("UPDATE emergency_call SET status = 'ACCEPTED' WHERE mobilization_id = :m AND volunteer_id = :v"
					+ " AND status = 'RESERVE'")
			.param("m", mobilizationId)
			.param("v", volunteerId)
			.update();
	}

	void muster(UUID mobilizationId, UUID volunteerId, GeoPoint at, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE emergency_call SET mustered_at = :now, muster_lat = :lat, muster_lng = :lng"
					+ " WHERE mobilization_id = :m AND volunteer_id = :v AND mustered_at IS NULL")
			.param("m", mobilizationId)
			.param("v", volunteerId)
			.param("lat", (at != null) ? at.lat() : null)
			.param("lng", (at != null) ? at.lng() : null)
			.param("now", now)
			.update();
	}

	void standDown(UUID id, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE emergency_mobilization SET status = 'STOOD_DOWN', stood_down_at = :now, next_wave_at = NULL"
					+ " WHERE id = :id")
			.param("id", id)
			.param("now", now)
			.update();
	}

	/** How many calls stand in each status, and how many mustered. */
	Map<String, Long> counts(UUID id) {
		Map<String, Long> counts = new java.util.HashMap<>();
		this.jdbc
			.sql("SELECT status, COUNT(*), COUNT(mustered_at) FROM emergency_call WHERE mobilization_id = :m"
					+ " GROUP BY status")
			.param("m", id)
			.query((rs) -> {
				counts.put(rs.getString(1), rs.getLong(2));
				counts.merge("MUSTERED", rs.getLong(3), Long::sum);
			});
		return counts;
	}

	/**
	 * Per need, in order: how many accepted volunteers have its skill and qualification.
	 */
	List<Long> acceptedPerNeed(UUID id, LocalDate today) {
		return this.jdbc
			.sql("SELECT (SELECT COUNT(*) FROM emergency_call c JOIN volunteer_attribute a ON a.volunteer_id ="
					+ " c.volunteer_id AND a.kind = 'SKILL' AND a.attribute = n.skill WHERE c.mobilization_id ="
					+ " n.mobilization_id AND c.status = 'ACCEPTED' AND (n.qualification IS NULL OR EXISTS (SELECT 1"
					+ " FROM emergency_qualification q WHERE q.volunteer_id = c.volunteer_id AND q.kind ="
					+ " n.qualification AND q.valid_until >= :today)) AND (n.insured = FALSE OR EXISTS ("
					+ INSURED.replace("v.id", "c.volunteer_id") + "))) FROM emergency_need n"
					+ " WHERE n.mobilization_id = :m ORDER BY n.ordinal")
			.param("m", id)
			.param("today", today)
			.query(Long.class)
			.list();
	}

	/**
	 * A mobilization's row locked for an answer: its status and the number of this
	 * answer.
	 */
	record Locked(MobilizationStatus status, long nextAnswer) {

	}

	record CallRow(UUID volunteerId, UUID accountId, CallStatus status, OffsetDateTime musteredAt) {

	}

	record MobilizationRow(UUID id, String regionCode, String title, double lat, double lng, BigDecimal radiusKm,
			OffsetDateTime assembleAt, String assemblyName, double assemblyLat, double assemblyLng, boolean drill,
			MobilizationStatus status, int notified, OffsetDateTime launchedAt, int wave, OffsetDateTime nextWaveAt,
			UUID organizationId, UUID planId, OffsetDateTime stoodDownAt, int recorded, UUID launchedBy) {

		static final String SELECT = "SELECT id, region_code, title, lat, lng, radius_km, assemble_at, assembly_name,"
				+ " assembly_lat, assembly_lng, drill, status, notified, launched_at, wave, next_wave_at,"
				+ " organization_id, plan_id, stood_down_at, recorded, launched_by FROM emergency_mobilization";

		static MobilizationRow of(java.sql.ResultSet rs) throws java.sql.SQLException {
			return new MobilizationRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getDouble(4),
					rs.getDouble(5), rs.getBigDecimal(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8),
					rs.getDouble(9), rs.getDouble(10), rs.getBoolean(11), MobilizationStatus.valueOf(rs.getString(12)),
					rs.getInt(13), rs.getObject(14, OffsetDateTime.class), rs.getInt(15),
					rs.getObject(16, OffsetDateTime.class), rs.getObject(17, UUID.class), rs.getObject(18, UUID.class),
					rs.getObject(19, OffsetDateTime.class), rs.getInt(20), rs.getObject(21, UUID.class));
		}

		GeoPoint scene() {
			return new GeoPoint(this.lat, this.lng);
		}

	}

}
