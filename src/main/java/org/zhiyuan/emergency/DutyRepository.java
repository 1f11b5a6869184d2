package org.zhiyuan.emergency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The duty tables. The members of a team are read from organization_member read-only, as
 * the mobilizations do.
 */
@Repository
class DutyRepository {

	private static final String SWAP_COLUMNS = "s.id, s.organization_id, o.name, s.requester_id, r.name, s.duty_day,"
			+ " s.shift, s.partner_id, p.name, s.partner_day, s.partner_shift, s.status, s.requested_at, s.agreed_at,"
			+ " s.decided_at FROM emergency_duty_swap s JOIN organization o ON o.id = s.organization_id"
			+ " JOIN volunteer r ON r.id = s.requester_id JOIN volunteer p ON p.id = s.partner_id";

	private static final String DUTY_COLUMNS = "d.organization_id, o.name, d.volunteer_id, v.name, d.duty_day, d.shift"
			+ " FROM emergency_duty d JOIN organization o ON o.id = d.organization_id"
			+ " JOIN volunteer v ON v.id = d.volunteer_id";

	private final JdbcClient jdbc;

	DutyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// teams

	/** The team's region when the organization is marked as an emergency team. */
	Optional<Team> team(UUID organizationId) {
		return this.jdbc
			.sql("SELECT t.organization_id, o.name, t.region_code FROM emergency_team t"
					+ " JOIN organization o ON o.id = t.organization_id WHERE t.organization_id = :id")
			.param("id", organizationId)
			.query((rs, row) -> new Team(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
			.optional();
	}

	/**
	 * The emergency teams among the organizations or within the region prefixes, by name.
	 */
	List<Team> teams(Collection<UUID> organizationIds, Collection<String> regionPrefixes, int limit) {
		StringBuilder where = new StringBuilder("1 = 0");
		if (!organizationIds.isEmpty()) {
			where.append(" OR t.organization_id IN (:ids)");
		}
		int i = 0;
		for (String ignored : regionPrefixes) {
			where.append(" OR t.region_code LIKE :prefix").append(i++);
		}
		JdbcClient.StatementSpec spec = this.jdbc
			.sql("SELECT t.organization_id, o.name, t.region_code FROM emergency_team t"
					+ " JOIN organization o ON o.id = t.organization_id WHERE " + where
					+ " ORDER BY o.name, t.organization_id LIMIT " + limit);
		if (!organizationIds.isEmpty()) {
			spec = spec.param("ids", organizationIds);
		}
		i = 0;
		for (String prefix : regionPrefixes) {
			spec = spec.param("prefix" + i++, prefix + "%");
		}
		return spec.query((rs, row) -> new Team(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list();
	}

	/** The emergency teams the volunteer is an active member of, by name. */
	List<Team> teamsOf(UUID volunteerId) {
		return this.jdbc
			.sql("SELECT t.organization_id, o.name, t.region_code FROM emergency_team t"
					+ " JOIN organization o ON o.id = t.organization_id JOIN organization_member m"
					+ " ON m.organization_id = t.organization_id AND m.volunteer_id = :v AND m.status = 'ACTIVE'"
					+ " ORDER BY o.name, t.organization_id")
			.param("v", volunteerId)
			.query((rs, row) -> new Team(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** Whether the volunteer is an active member of the organization. */
	boolean isActiveMember(UUID organizationId, UUID volunteerId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM organization_member WHERE organization_id = :o AND volunteer_id = :v"
					+ " AND status = 'ACTIVE'")
			.param("o", organizationId)
			.param("v", volunteerId)
			.query(Long.class)
			.single() > 0;
	}

	/** The active members of the team born by the day (adults on it), by name. */
	List<DutyMember> adultMembers(UUID organizationId, LocalDate bornBy) {
		return this.jdbc
			.sql("SELECT v.id, v.name FROM organization_member m JOIN volunteer v ON v.id = m.volunteer_id"
					+ " WHERE m.organization_id = :o AND m.status = 'ACTIVE' AND v.status = 'ACTIVE'"
					+ " AND v.birth_date <= :bornBy ORDER BY v.name, v.id")
			.param("o", organizationId)
			.param("bornBy", bornBy)
			.query((rs, row) -> new DutyMember(rs.getObject(1, UUID.class), rs.getString(2)))
			.list();
	}

	/** The account of each active admin of the organization: its leaders. */
	List<UUID> leaderAccounts(UUID organizationId) {
		return this.jdbc
			.sql("SELECT v.account_id FROM organization_member m JOIN volunteer v ON v.id = m.volunteer_id"
					+ " WHERE m.organization_id = :o AND m.status = 'ACTIVE' AND m.member_role = 'ADMIN'")
			.param("o", organizationId)
			.query(UUID.class)
			.list();
	}

	// duties

	List<DutyAssignment> duties(UUID organizationId, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("SELECT " + DUTY_COLUMNS + " WHERE d.organization_id = :o AND d.duty_day BETWEEN :from AND :to"
					+ " ORDER BY d.duty_day, d.shift, v.name, d.volunteer_id")
			.param("o", organizationId)
			.param("from", from)
			.param("to", to)
			.query(DutyRepository::duty)
			.list();
	}

	/** The volunteer's shifts from the day on, in every team. */
	List<DutyAssignment> dutiesOf(UUID volunteerId, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("SELECT " + DUTY_COLUMNS + " WHERE d.volunteer_id = :v AND d.duty_day BETWEEN :from AND :to"
					+ " ORDER BY d.duty_day, d.shift")
			.param("v", volunteerId)
			.param("from", from)
			.param("to", to)
			.query(DutyRepository::duty)
			.list();
	}

	/** The team that has the volunteer on duty in the shift, if any. */
	Optional<UUID> dutyTeam(UUID volunteerId, LocalDate day, Shift shift) {
		return this.jdbc
			.sql("SELECT organization_id FROM emergency_duty WHERE volunteer_id = :v AND duty_day = :day"
					+ " AND shift = :shift")
			.param("v", volunteerId)
			.param("day", day)
			.param("shift", shift.name())
			.query(UUID.class)
			.optional();
	}

	/** Puts the volunteer on duty; the primary key refuses a second shift at once. */
	void insertDuty(UUID organizationId, UUID volunteerId, LocalDate day, Shift shift, UUID actor, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO emergency_duty (volunteer_id, duty_day, shift, organization_id, assigned_by, assigned_at)"
					+ " VALUES (:v, :day, :shift, :o, :actor, :now)")
			.param("v", volunteerId)
			.param("day", day)
			.param("shift", shift.name())
			.param("o", organizationId)
			.param("actor", actor)
			.param("now", now)
			.update();
	}

	boolean deleteDuty(UUID organizationId, UUID volunteerId, LocalDate day, Shift shift) {
		return this.jdbc
			.sql("DELETE FROM emergency_duty WHERE organization_id = :o AND volunteer_id = :v AND duty_day = :day"
					+ " AND shift = :shift")
			.param("o", organizationId)
			.param("v", volunteerId)
			.param("day", day)
			.param("shift", shift.name())
			.update() > 0;
	}

	/** Who is on duty in the shift, for the active emergency teams within the prefix. */
	List<UUID> onDuty(String regionPrefix, LocalDate day, Shift shift) {
		return this.jdbc
			.sql("SELECT DISTINCT d.volunteer_id FROM emergency_duty d"
					+ " JOIN emergency_team t ON t.organization_id = d.organization_id"
					+ " JOIN organization o ON o.id = d.organization_id"
					+ " JOIN organization_member m ON m.organization_id = d.organization_id"
					+ " AND m.volunteer_id = d.volunteer_id AND m.status = 'ACTIVE'"
					+ " JOIN volunteer v ON v.id = d.volunteer_id AND v.status = 'ACTIVE'"
					+ " WHERE t.region_code LIKE :prefix AND o.status = 'ACTIVE' AND d.duty_day = :day"
					+ " AND d.shift = :shift ORDER BY d.volunteer_id")
			.param("prefix", regionPrefix + "%")
			.param("day", day)
			.param("shift", shift.name())
			.query(UUID.class)
			.list();
	}

	// swaps

	void insertSwap(UUID id, UUID organizationId, UUID requesterId, LocalDate day, Shift shift, UUID partnerId,
			LocalDate partnerDay, Shift partnerShift, UUID requestedBy, String idempotencyKey, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO emergency_duty_swap (id, organization_id, requester_id, duty_day, shift, partner_id,"
					+ " partner_day, partner_shift, status, requested_by, idempotency_key, requested_at)"
					+ " VALUES (:id, :o, :r, :day, :shift, :p, :pday, :pshift, 'ASKED', :by, :key, :now)")
			.param("id", id)
			.param("o", organizationId)
			.param("r", requesterId)
			.param("day", day)
			.param("shift", shift.name())
			.param("p", partnerId)
			.param("pday", partnerDay)
			.param("pshift", (partnerShift != null) ? partnerShift.name() : null)
			.param("by", requestedBy)
			.param("key", idempotencyKey)
			.param("now", now)
			.update();
	}

	Optional<UUID> swapWithKey(UUID requestedBy, String idempotencyKey) {
		return this.jdbc.sql("SELECT id FROM emergency_duty_swap WHERE requested_by = :by AND idempotency_key = :key")
			.param("by", requestedBy)
			.param("key", idempotencyKey)
			.query(UUID.class)
			.optional();
	}

	Optional<DutySwap> swap(UUID id) {
		return this.jdbc.sql("SELECT " + SWAP_COLUMNS + " WHERE s.id = :id")
			.param("id", id)
			.query(DutyRepository::swap)
			.optional();
	}

	/** Locks the swap row for a decision. */
	Optional<SwapStatus> lockSwap(UUID id) {
		return this.jdbc.sql("SELECT status FROM emergency_duty_swap WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, row) -> SwapStatus.valueOf(rs.getString(1)))
			.optional();
	}

	void agree(UUID id, OffsetDateTime now) {
		this.jdbc.sql("UPDATE emergency_duty_swap SET status = 'AGREED', agreed_at = :now WHERE id = :id")
			.param("id", id)
			.param("now", now)
			.update();
	}

	void decide(UUID id, SwapStatus status, UUID actor, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE emergency_duty_swap SET status = :status, decided_by = :actor, decided_at = :now"
					+ " WHERE id = :id")
			.param("id", id)
			.param("status", status.name())
			.param("actor", actor)
			.param("now", now)
			.update();
	}

	/** The team's open swaps (asked or agreed), oldest first. */
	List<DutySwap> openSwaps(UUID organizationId) {
		return this.jdbc
			.sql("SELECT " + SWAP_COLUMNS + " WHERE s.organization_id = :o AND s.status IN ('ASKED', 'AGREED')"
					+ " ORDER BY s.requested_at, s.id")
			.param("o", organizationId)
			.query(DutyRepository::swap)
			.list();
	}

	/** The volunteer's open swaps, asked by them or of them, oldest first. */
	List<DutySwap> openSwapsOf(UUID volunteerId) {
		return this.jdbc
			.sql("SELECT " + SWAP_COLUMNS + " WHERE (s.requester_id = :v OR s.partner_id = :v)"
					+ " AND s.status IN ('ASKED', 'AGREED') ORDER BY s.requested_at, s.id")
			.param("v", volunteerId)
			.query(DutyRepository::swap)
			.list();
	}

	// personal data

	/** A deregistered volunteer's shifts and swaps go. */
	void forget(UUID volunteerId) {
		this.jdbc.sql("DELETE FROM emergency_duty_swap WHERE requester_id = :v OR partner_id = :v")
			.param("v", volunteerId)
			.update();
		this.jdbc.sql("DELETE FROM emergency_duty WHERE volunteer_id = :v").param("v", volunteerId).update();
	}

	private static DutyAssignment duty(ResultSet rs, int row) throws SQLException {
		LocalDate day = rs.getObject(5, LocalDate.class);
		Shift shift = Shift.valueOf(rs.getString(6));
		return new DutyAssignment(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
				rs.getString(4), day, shift, shift.startsOn(day), shift.endsOn(day));
	}

	private static DutySwap swap(ResultSet rs, int row) throws SQLException {
		String partnerShift = rs.getString(11);
		return new DutySwap(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				rs.getObject(4, UUID.class), rs.getString(5), rs.getObject(6, LocalDate.class),
				Shift.valueOf(rs.getString(7)), rs.getObject(8, UUID.class), rs.getString(9),
				rs.getObject(10, LocalDate.class), (partnerShift != null) ? Shift.valueOf(partnerShift) : null,
				SwapStatus.valueOf(rs.getString(12)), rs.getObject(13, OffsetDateTime.class),
				rs.getObject(14, OffsetDateTime.class), rs.getObject(15, OffsetDateTime.class));
	}

	/** An emergency team: the organization, its name and region. */
	record Team(UUID id, String name, String regionCode) {

	}

}
