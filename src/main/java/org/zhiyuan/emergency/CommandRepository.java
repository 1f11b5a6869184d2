package org.zhiyuan.emergency;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the command of a mobilization reads and writes beyond the calls' answers: the
 * people who answered, task groups, the service recorded at stand-down, and the lists of
 * mobilizations.
 */
@Repository
class CommandRepository {

	/** The most people a command list shows at once. */
	static final int PEOPLE_LIMIT = 1000;

	private final JdbcClient jdbc;

	CommandRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The accepted and the reserve (not the declined nor those who have not answered),
	 * the accepted first, each in the order they answered.
	 */
	List<PersonRow> answered(UUID mobilizationId) {
		return this.jdbc.sql(
				"SELECT volunteer_id, status, distance_m, mustered_at, muster_lat, muster_lng, group_id, recorded_hours"
						+ " FROM emergency_call WHERE mobilization_id = :m AND status IN ('ACCEPTED', 'RESERVE')"
						+ " ORDER BY CASE status WHEN 'ACCEPTED' THEN 0 ELSE 1 END, answer_number LIMIT "
						+ PEOPLE_LIMIT)
			.param("m", mobilizationId)
			.query((rs, row) -> new PersonRow(rs.getObject(1, UUID.class), CallStatus.valueOf(rs.getString(2)),
					(Integer) rs.getObject(3), rs.getObject(4, OffsetDateTime.class), (Double) rs.getObject(5),
					(Double) rs.getObject(6), rs.getObject(7, UUID.class), rs.getBigDecimal(8)))
			.list();
	}

	Optional<PersonRow> person(UUID mobilizationId, UUID volunteerId) {
		return this.jdbc.sql(
				"SELECT volunteer_id, status, distance_m, mustered_at, muster_lat, muster_lng, group_id, recorded_hours"
						+ " FROM emergency_call WHERE mobilization_id = :m AND volunteer_id = :v")
			.param("m", mobilizationId)
			.param("v", volunteerId)
			.query((rs, row) -> new PersonRow(rs.getObject(1, UUID.class), CallStatus.valueOf(rs.getString(2)),
					(Integer) rs.getObject(3), rs.getObject(4, OffsetDateTime.class), (Double) rs.getObject(5),
					(Double) rs.getObject(6), rs.getObject(7, UUID.class), rs.getBigDecimal(8)))
			.optional();
	}

	/** The accepted who mustered, with when. */
	List<PersonRow> mustered(UUID mobilizationId) {
		return this.jdbc.sql(
				"SELECT volunteer_id, status, distance_m, mustered_at, muster_lat, muster_lng, group_id, recorded_hours"
						+ " FROM emergency_call WHERE mobilization_id = :m AND status = 'ACCEPTED'"
						+ " AND mustered_at IS NOT NULL ORDER BY mustered_at, volunteer_id")
			.param("m", mobilizationId)
			.query((rs, row) -> new PersonRow(rs.getObject(1, UUID.class), CallStatus.valueOf(rs.getString(2)),
					(Integer) rs.getObject(3), rs.getObject(4, OffsetDateTime.class), (Double) rs.getObject(5),
					(Double) rs.getObject(6), rs.getObject(7, UUID.class), rs.getBigDecimal(8)))
			.list();
	}

	long assigned(UUID mobilizationId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM emergency_call WHERE mobilization_id = :m AND status = 'ACCEPTED'"
					+ " AND group_id IS NOT NULL")
			.param("m", mobilizationId)
			.query(Long.class)
			.single();
	}

	void insertGroup(UUID id, UUID mobilizationId, String name, String task, UUID leaderId, UUID by,
			OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO emergency_group (id, mobilization_id, name, task, leader_id, created_by, created_at)"
					+ " VALUES (:id, :m, :name, :task, :leader, :by, :now)")
			.param("id", id)
			.param("m", mobilizationId)
			.param("name", name)
			.param("task", task)
			.param("leader", leaderId)
			.param("by", by)
			.param("now", now)
			.update();
	}

	List<GroupRow> groups(UUID mobilizationId) {
		return this.jdbc
			.sql("SELECT g.id, g.name, g.task, g.leader_id, (SELECT COUNT(*) FROM emergency_call c"
					+ " WHERE c.mobilization_id = g.mobilization_id AND c.group_id = g.id AND c.status = 'ACCEPTED')"
					+ " FROM emergency_group g WHERE g.mobilization_id = :m ORDER BY g.created_at, g.name")
			.param("m", mobilizationId)
			.query((rs, row) -> new GroupRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getObject(4, UUID.class), rs.getLong(5)))
			.list();
	}

	Optional<GroupRow> group(UUID mobilizationId, UUID groupId) {
		return groups(mobilizationId).stream().filter((g) -> g.id().equals(groupId)).findFirst();
	}

	/** Puts the accepted among {@code volunteerIds} in the group; returns how many. */
	int assign(UUID mobilizationId, UUID groupId, Collection<UUID> volunteerIds) {
		return this.jdbc
			.sql("UPDATE emergency_call SET group_id = :g WHERE mobilization_id = :m AND status = 'ACCEPTED'"
					+ " AND volunteer_id IN (:ids)")
			.param("m", mobilizationId)
			.param("g", groupId)
			.param("ids", volunteerIds)
			.update();
	}

	/**
	 * An active emergency team that the volunteer is an active member of, of a region of
	 * the chain (the deepest first) or below the mobilization's region.
	 */
	Optional<UUID> teamOf(UUID volunteerId, List<String> chain, String regionPrefix) {
		List<String[]> teams = this.jdbc
			.sql("SELECT t.organization_id, t.region_code FROM organization_member m JOIN emergency_team t"
					+ " ON t.organization_id = m.organization_id JOIN organization o ON o.id = t.organization_id"
					+ " WHERE m.volunteer_id = :v AND m.status = 'ACTIVE' AND o.status = 'ACTIVE'"
					+ " AND (t.region_code IN (:chain) OR t.region_code LIKE :prefix)"
					+ " ORDER BY t.region_code DESC, t.organization_id")
			.param("v", volunteerId)
			.param("chain", chain)
			.param("prefix", regionPrefix + "%")
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		// a team below the region (nearest the volunteer) first, then the chain's deepest
		for (String[] team : teams) {
			if (!chain.contains(team[1])) {
				return Optional.of(UUID.fromString(team[0]));
			}
		}
		for (int i = chain.size() - 1; i >= 0; i--) {
			for (String[] team : teams) {
				if (team[1].equals(chain.get(i))) {
					return Optional.of(UUID.fromString(team[0]));
				}
			}
		}
		return Optional.empty();
	}

	void recorded(UUID mobilizationId, UUID volunteerId, BigDecimal hours) {
		this.jdbc
			.sql("UPDATE emergency_call SET recorded_hours = :hours WHERE mobilization_id = :m AND volunteer_id = :v")
			.param("m", mobilizationId)
			.param("v", volunteerId)
			.param("hours", hours)
			.update();
	}

	/**
	 * After the stand-down: how many had their service recorded, and the positions of the
	 * muster forgotten (they served the live board only).
	 */
	void closeRecords(UUID mobilizationId, int recorded) {
		this.jdbc.sql("UPDATE emergency_mobilization SET recorded = :n WHERE id = :m")
			.param("m", mobilizationId)
			.param("n", recorded)
			.update();
		this.jdbc
			.sql("UPDATE emergency_call SET muster_lat = NULL, muster_lng = NULL WHERE mobilization_id = :m"
					+ " AND muster_lat IS NOT NULL")
			.param("m", mobilizationId)
			.update();
	}

	/** The mobilizations of a region and below, the open first, the latest first. */
	PageResult<MobilizationSummary> inRegion(String regionPrefix, PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM emergency_mobilization WHERE region_code LIKE :prefix")
			.param("prefix", regionPrefix + "%")
			.query(Long.class)
			.single();
		List<MobilizationSummary> items = this.jdbc
			.sql(SUMMARY + " WHERE e.region_code LIKE :prefix ORDER BY CASE e.status WHEN 'OPEN' THEN 0 ELSE 1 END,"
					+ " e.launched_at DESC, e.id LIMIT :limit OFFSET :offset")
			.param("prefix", regionPrefix + "%")
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, row) -> summary(rs, null))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** The volunteer's calls, the open first, the latest first. */
	List<MobilizationSummary> callsOf(UUID volunteerId, int limit) {
		return this.jdbc
			.sql("SELECT e.id, e.title, e.region_code, e.status, e.drill, e.assemble_at, e.assembly_name,"
					+ " e.notified, e.launched_at, c.status FROM emergency_call c JOIN emergency_mobilization e"
					+ " ON e.id = c.mobilization_id WHERE c.volunteer_id = :v ORDER BY CASE e.status WHEN 'OPEN'"
					+ " THEN 0 ELSE 1 END, e.launched_at DESC, e.id LIMIT :limit")
			.param("v", volunteerId)
			.param("limit", limit)
			.query((rs, row) -> summary(rs, CallStatus.valueOf(rs.getString(10))))
			.list();
	}

	private static final String SUMMARY = "SELECT e.id, e.title, e.region_code, e.status, e.drill, e.assemble_at,"
			+ " e.assembly_name, e.notified, e.launched_at FROM emergency_mobilization e";

	private static MobilizationSummary summary(java.sql.ResultSet rs, CallStatus mine) throws java.sql.SQLException {
		return new MobilizationSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
				MobilizationStatus.valueOf(rs.getString(4)), rs.getBoolean(5), rs.getObject(6, OffsetDateTime.class),
				rs.getString(7), rs.getInt(8), rs.getObject(9, OffsetDateTime.class), mine);
	}

	/** A called volunteer as the command sees their call. */
	record PersonRow(UUID volunteerId, CallStatus status, Integer distanceMeters, OffsetDateTime musteredAt,
			Double musterLat, Double musterLng, UUID groupId, BigDecimal recordedHours) {

	}

	record GroupRow(UUID id, String name, String task, UUID leaderId, long members) {

	}

}
