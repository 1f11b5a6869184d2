package org.zhiyuan.pairing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.identity.Gender;
import org.zhiyuan.shared.identity.PersonNames;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Beneficiaries, pairings, their history of volunteers, visits and missed visits. Who is
 * a member or an admin of an organization, and who operates a region, are read here by
 * SQL (as the insurance module does) to decide and to notify without a call per person.
 */
@Repository
class PairingRepository {

	/** The current assignment of a pairing: the one with the highest ordinal. */
	private static final String CURRENT = "(SELECT a.volunteer_id FROM pairing_assignment a WHERE a.pairing_id = p.id"
			+ " AND a.ordinal = (SELECT MAX(b.ordinal) FROM pairing_assignment b WHERE b.pairing_id = p.id))";

	private static final String PAIRING = "SELECT p.id, p.beneficiary_id, b.name_masked, b.key_group, p.region_code,"
			+ " p.organization_id, o.name AS organization_name, p.kind, cv.id AS volunteer_id,"
			+ " cv.name AS volunteer_name, p.frequency, p.geofence_meters, p.starts_on, p.next_due_on, p.status,"
			+ " (SELECT COUNT(*) - 1 FROM pairing_assignment a WHERE a.pairing_id = p.id) AS changes,"
			+ " (SELECT COUNT(*) FROM pairing_missed_visit m WHERE m.pairing_id = p.id) AS missed,"
			+ " (SELECT MAX(v.visited_at) FROM pairing_visit v WHERE v.pairing_id = p.id) AS last_visit,"
			+ " p.created_at FROM pairing p JOIN beneficiary b ON b.id = p.beneficiary_id"
			+ " JOIN organization o ON o.id = p.organization_id LEFT JOIN volunteer cv ON cv.id = " + CURRENT;

	private static final String BENEFICIARY = "SELECT id, region_code, organization_id, key_group, name_sealed,"
			+ " name_masked, gender, birth_year, address_sealed, location_sealed, phone_sealed, phone_masked,"
			+ " notes_sealed, guardian_name_sealed, guardian_consent_on, created_by, created_at FROM beneficiary";

	private final JdbcClient jdbc;

	PairingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// beneficiaries

	void insertBeneficiary(StoredBeneficiary b) {
		this.jdbc
			.sql("INSERT INTO beneficiary (id, region_code, organization_id, key_group, name_sealed, name_masked,"
					+ " gender, birth_year, address_sealed, location_sealed, phone_sealed, phone_masked, notes_sealed,"
					+ " guardian_name_sealed, guardian_consent_on, created_by, created_at) VALUES (:id, :region, :org,"
					+ " :group, :name, :nameMasked, :gender, :birthYear, :address, :location, :phone, :phoneMasked,"
					+ " :notes, :guardian, :consent, :by, :at)")
			.param("id", b.id())
			.param("region", b.regionCode())
			.param("org", b.organizationId())
			.param("group", b.keyGroup().name())
			.param("name", b.nameSealed())
			.param("nameMasked", b.nameMasked())
			.param("gender", (b.gender() != null) ? b.gender().name() : null)
			.param("birthYear", b.birthYear())
			.param("address", b.addressSealed())
			.param("location", b.locationSealed())
			.param("phone", b.phoneSealed())
			.param("phoneMasked", b.phoneMasked())
			.param("notes", b.notesSealed())
			.param("guardian", b.guardianNameSealed())
			.param("consent", b.guardianConsentOn())
			.param("by", b.createdBy())
			.param("at", b.createdAt())
			.update();
	}

	Optional<StoredBeneficiary> findBeneficiary(UUID id) {
		return this.jdbc.sql(BENEFICIARY + " WHERE id = :id")
			.param("id", id)
			.query(PairingRepository::beneficiary)
			.optional();
	}

	PageResult<StoredBeneficiary> beneficiariesOfOrganization(UUID organizationId, PageQuery page) {
		String where = " WHERE organization_id = :org OR id IN (SELECT beneficiary_id FROM pairing"
				+ " WHERE organization_id = :org)";
		long total = this.jdbc.sql("SELECT COUNT(*) FROM beneficiary" + where)
			.param("org", organizationId)
			.query(Long.class)
			.single();
		List<StoredBeneficiary> items = this.jdbc
			.sql(BENEFICIARY + where + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
			.param("org", organizationId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(PairingRepository::beneficiary)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	PageResult<StoredBeneficiary> beneficiariesInRegion(String prefix, PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM beneficiary WHERE region_code LIKE :prefix")
			.param("prefix", prefix + "%")
			.query(Long.class)
			.single();
		List<StoredBeneficiary> items = this.jdbc
			.sql(BENEFICIARY + " WHERE region_code LIKE :prefix ORDER BY created_at DESC, id LIMIT :limit"
					+ " OFFSET :offset")
			.param("prefix", prefix + "%")
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(PairingRepository::beneficiary)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** The organizations of the beneficiary's active pairings. */
	Set<UUID> pairedOrganizations(UUID beneficiaryId) {
		return new HashSet<>(
				this.jdbc.sql("SELECT organization_id FROM pairing WHERE beneficiary_id = :id AND status = 'ACTIVE'")
					.param("id", beneficiaryId)
					.query(UUID.class)
					.list());
	}

	/**
	 * Whether the account is the current volunteer of an active pairing of the
	 * beneficiary, or an active member of the organization of an active team pairing.
	 */
	boolean isPairedVolunteer(UUID beneficiaryId, UUID accountId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM pairing p JOIN volunteer me ON me.account_id = :account"
				+ " WHERE p.beneficiary_id = :id AND p.status = 'ACTIVE' AND ((p.kind = 'VOLUNTEER' AND " + CURRENT
				+ " = me.id) OR (p.kind = 'TEAM' AND EXISTS (SELECT 1 FROM organization_member m"
				+ " WHERE m.organization_id = p.organization_id AND m.volunteer_id = me.id AND m.status = 'ACTIVE')))")
			.param("id", beneficiaryId)
			.param("account", accountId)
			.query(Long.class)
			.single() > 0;
	}

	// pairings

	void insertPairing(UUID id, StoredBeneficiary beneficiary, UUID organizationId, PairingKind kind,
			VisitFrequency frequency, int geofenceMeters, LocalDate startsOn, LocalDate nextDueOn, UUID by,
			OffsetDateTime at) {
		this.jdbc.sql("INSERT INTO pairing (id, beneficiary_id, organization_id, region_code, kind, frequency,"
				+ " geofence_meters, starts_on, next_due_on, status, created_by, created_at) VALUES (:id, :beneficiary,"
				+ " :org, :region, :kind, :frequency, :geofence, :starts, :due, 'ACTIVE', :by, :at)")
			.param("id", id)
			.param("beneficiary", beneficiary.id())
			.param("org", organizationId)
			.param("region", beneficiary.regionCode())
			.param("kind", kind.name())
			.param("frequency", frequency.name())
			.param("geofence", geofenceMeters)
			.param("starts", startsOn)
			.param("due", nextDueOn)
			.param("by", by)
			.param("at", at)
			.update();
	}

	/** Appends an entry to the pairing's history; earlier entries are never changed. */
	void appendAssignment(UUID pairingId, UUID volunteerId, String reason, UUID by, OffsetDateTime at) {
		// the next ordinal read first (the caller holds the pairing's lock): Citus takes
		// no subquery in an INSERT's values
		int ordinal = this.jdbc
			.sql("SELECT COALESCE(MAX(ordinal), 0) + 1 FROM pairing_assignment WHERE pairing_id = :pairing")
			.param("pairing", pairingId)
			.query(Integer.class)
			.single();
		this.jdbc
			.sql("INSERT INTO pairing_assignment (pairing_id, ordinal, volunteer_id, reason, assigned_by,"
					+ " assigned_at) VALUES (:pairing, :ordinal, :volunteer, :reason, :by, :at)")
			.param("pairing", pairingId)
			.param("ordinal", ordinal)
			.param("volunteer", volunteerId)
			.param("reason", reason)
			.param("by", by)
			.param("at", at)
			.update();
	}

	List<AssignmentView> assignments(UUID pairingId) {
		return this.jdbc
			.sql("SELECT a.ordinal, a.volunteer_id, v.name, a.reason, a.assigned_at FROM pairing_assignment a"
					+ " LEFT JOIN volunteer v ON v.id = a.volunteer_id WHERE a.pairing_id = :id ORDER BY a.ordinal")
			.param("id", pairingId)
			.query((rs, n) -> new AssignmentView(rs.getInt("ordinal"), rs.getObject("volunteer_id", UUID.class),
					PersonNames.mask(rs.getString("name")), rs.getString("reason"),
					rs.getObject("assigned_at", OffsetDateTime.class)))
			.list();
	}

	/** The history of each of the pairings, oldest first. */
	java.util.Map<UUID, List<AssignmentView>> assignmentsOf(Collection<UUID> pairingIds) {
		java.util.Map<UUID, List<AssignmentView>> byPairing = new java.util.HashMap<>();
		if (pairingIds.isEmpty()) {
			return byPairing;
		}
		this.jdbc
			.sql("SELECT pairing_id, ordinal, volunteer_id, reason, assigned_at FROM pairing_assignment"
					+ " WHERE pairing_id IN (:ids) ORDER BY pairing_id, ordinal")
			.param("ids", pairingIds)
			.query((rs, n) -> {
				byPairing.computeIfAbsent(rs.getObject("pairing_id", UUID.class), (k) -> new java.util.ArrayList<>())
					.add(new AssignmentView(rs.getInt("ordinal"), rs.getObject("volunteer_id", UUID.class), null,
							rs.getString("reason"), rs.getObject("assigned_at", OffsetDateTime.class)));
				return null;
			})
			.list();
		return byPairing;
	}

	/** When each of the ended pairings ended. */
	java.util.Map<UUID, OffsetDateTime> endedAt(Collection<UUID> pairingIds) {
		java.util.Map<UUID, OffsetDateTime> ended = new java.util.HashMap<>();
		if (pairingIds.isEmpty()) {
			return ended;
		}
		this.jdbc.sql("SELECT id, ended_at FROM pairing WHERE id IN (:ids) AND ended_at IS NOT NULL")
			.param("ids", pairingIds)
			.query((rs, n) -> ended.put(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class)))
			.list();
		return ended;
	}

	boolean activePairingExists(UUID beneficiaryId, UUID organizationId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM pairing WHERE beneficiary_id = :b AND organization_id = :org"
					+ " AND status = 'ACTIVE'")
			.param("b", beneficiaryId)
			.param("org", organizationId)
			.query(Long.class)
			.single() > 0;
	}

	Optional<PairingView> findPairing(UUID id) {
		return this.jdbc.sql(PAIRING + " WHERE p.id = :id")
			.param("id", id)
			.query(PairingRepository::pairing)
			.optional();
	}

	/** Locks the pairing for a change of state, answering its status now. */
	Optional<PairingStatus> lock(UUID id) {
		return this.jdbc.sql("SELECT status FROM pairing WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, n) -> PairingStatus.valueOf(rs.getString(1)))
			.optional();
	}

	PageResult<PairingView> pairingsOfOrganization(UUID organizationId, PageQuery page) {
		return pairings(" WHERE p.organization_id = :key", organizationId, page);
	}

	PageResult<PairingView> pairingsInRegion(String prefix, PageQuery page) {
		return pairings(" WHERE p.region_code LIKE :key", prefix + "%", page);
	}

	PageResult<PairingView> pairingsOfBeneficiary(UUID beneficiaryId, PageQuery page) {
		return pairings(" WHERE p.beneficiary_id = :key", beneficiaryId, page);
	}

	private PageResult<PairingView> pairings(String where, Object key, PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM pairing p" + where)
			.param("key", key)
			.query(Long.class)
			.single();
		List<PairingView> items = this.jdbc
			.sql(PAIRING + where + " ORDER BY p.status, p.next_due_on, p.id LIMIT :limit OFFSET :offset")
			.param("key", key)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(PairingRepository::pairing)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/**
	 * The active pairings the account visits: as their current volunteer, or as an active
	 * member of a team pairing's organization.
	 */
	List<PairingView> pairingsVisitedBy(UUID accountId) {
		return this.jdbc.sql(PAIRING + " JOIN volunteer me ON me.account_id = :account WHERE p.status = 'ACTIVE'"
				+ " AND ((p.kind = 'VOLUNTEER' AND cv.id = me.id) OR (p.kind = 'TEAM' AND EXISTS (SELECT 1"
				+ " FROM organization_member m WHERE m.organization_id = p.organization_id AND m.volunteer_id = me.id"
				+ " AND m.status = 'ACTIVE'))) ORDER BY p.next_due_on, p.id")
			.param("account", accountId)
			.query(PairingRepository::pairing)
			.list();
	}

	void setNextDue(UUID pairingId, LocalDate nextDueOn) {
		this.jdbc.sql("UPDATE pairing SET next_due_on = :due WHERE id = :id")
			.param("due", nextDueOn)
			.param("id", pairingId)
			.update();
	}

	void end(UUID pairingId, String reason, UUID by, OffsetDateTime at) {
		this.jdbc
			.sql("UPDATE pairing SET status = 'ENDED', end_reason = :reason, ended_by = :by, ended_at = :at"
					+ " WHERE id = :id")
			.param("reason", reason)
			.param("by", by)
			.param("at", at)
			.param("id", pairingId)
			.update();
	}

	/** The sealed position of the pairing's beneficiary, and the pairing's radius. */
	Optional<StoredBeneficiary> beneficiaryOfPairing(UUID pairingId) {
		return this.jdbc.sql(BENEFICIARY + " WHERE id = (SELECT beneficiary_id FROM pairing WHERE id = :id)")
			.param("id", pairingId)
			.query(PairingRepository::beneficiary)
			.optional();
	}

	// visits

	void insertVisit(UUID id, UUID pairingId, UUID volunteerId, UUID accountId, OffsetDateTime at, LocalDate on,
			BigDecimal distance, BigDecimal accuracy, boolean outside, String outsideReason, String noteSealed,
			String key) {
		this.jdbc.sql("INSERT INTO pairing_visit (id, pairing_id, volunteer_id, account_id, visited_at, visited_on,"
				+ " distance_meters, accuracy_meters, outside_geofence, outside_reason, note_sealed, idempotency_key)"
				+ " VALUES (:id, :pairing, :volunteer, :account, :at, :on, :distance, :accuracy, :outside, :reason,"
				+ " :note, :key)")
			.param("id", id)
			.param("pairing", pairingId)
			.param("volunteer", volunteerId)
			.param("account", accountId)
			.param("at", at)
			.param("on", on)
			.param("distance", distance)
			.param("accuracy", accuracy)
			.param("outside", outside)
			.param("reason", outsideReason)
			.param("note", noteSealed)
			.param("key", key)
			.update();
	}

	private static final String VISIT = "SELECT v.id, v.pairing_id, v.volunteer_id, p.name, v.visited_at,"
			+ " v.distance_meters, v.outside_geofence, v.outside_reason FROM pairing_visit v"
			+ " JOIN volunteer p ON p.id = v.volunteer_id";

	Optional<VisitView> visitByKey(UUID accountId, String key) {
		return this.jdbc.sql(VISIT + " WHERE v.account_id = :account AND v.idempotency_key = :key")
			.param("account", accountId)
			.param("key", key)
			.query(PairingRepository::visit)
			.optional();
	}

	Optional<VisitView> findVisit(UUID id) {
		return this.jdbc.sql(VISIT + " WHERE v.id = :id").param("id", id).query(PairingRepository::visit).optional();
	}

	PageResult<VisitView> visits(UUID pairingId, PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM pairing_visit WHERE pairing_id = :id")
			.param("id", pairingId)
			.query(Long.class)
			.single();
		List<VisitView> items = this.jdbc
			.sql(VISIT + " WHERE v.pairing_id = :id ORDER BY v.visited_at DESC, v.id LIMIT :limit OFFSET :offset")
			.param("id", pairingId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(PairingRepository::visit)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	// missed visits

	/** Active pairings whose current period ended before the day. */
	List<Due> overdue(LocalDate today) {
		return this.jdbc
			.sql("SELECT id, next_due_on, frequency FROM pairing WHERE status = 'ACTIVE' AND next_due_on < :today"
					+ " ORDER BY next_due_on, id")
			.param("today", today)
			.query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
					VisitFrequency.valueOf(rs.getString(3))))
			.list();
	}

	record Due(UUID pairingId, LocalDate dueOn, VisitFrequency frequency) {

	}

	/** Flags the period once; answers whether it was flagged now. */
	boolean flagMissed(UUID pairingId, LocalDate dueOn, OffsetDateTime at) {
		long already = this.jdbc
			.sql("SELECT COUNT(*) FROM pairing_missed_visit WHERE pairing_id = :id AND due_on = :due")
			.param("id", pairingId)
			.param("due", dueOn)
			.query(Long.class)
			.single();
		if (already > 0) {
			return false;
		}
		this.jdbc.sql("INSERT INTO pairing_missed_visit (pairing_id, due_on, flagged_at) VALUES (:id, :due, :at)")
			.param("id", pairingId)
			.param("due", dueOn)
			.param("at", at)
			.update();
		return true;
	}

	private static final String MISSED = "SELECT m.pairing_id, m.due_on, m.flagged_at, b.name_masked, b.key_group,"
			+ " p.region_code, p.organization_id, o.name AS organization_name, cv.name AS volunteer_name"
			+ " FROM pairing_missed_visit m JOIN pairing p ON p.id = m.pairing_id"
			+ " JOIN beneficiary b ON b.id = p.beneficiary_id JOIN organization o ON o.id = p.organization_id"
			+ " LEFT JOIN volunteer cv ON cv.id = " + CURRENT;

	PageResult<MissedVisit> missedInRegion(String prefix, PageQuery page) {
		return missed(" WHERE p.region_code LIKE :key", prefix + "%", page);
	}

	PageResult<MissedVisit> missedOfOrganization(UUID organizationId, PageQuery page) {
		return missed(" WHERE p.organization_id = :key", organizationId, page);
	}

	private PageResult<MissedVisit> missed(String where, Object key, PageQuery page) {
		long total = this.jdbc
			.sql("SELECT COUNT(*) FROM pairing_missed_visit m JOIN pairing p ON p.id = m.pairing_id" + where)
			.param("key", key)
			.query(Long.class)
			.single();
		List<MissedVisit> items = this.jdbc
			.sql(MISSED + where + " ORDER BY m.due_on DESC, m.pairing_id LIMIT :limit OFFSET :offset")
			.param("key", key)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new MissedVisit(rs.getObject("pairing_id", UUID.class),
					rs.getObject("due_on", LocalDate.class), rs.getObject("flagged_at", OffsetDateTime.class),
					rs.getString("name_masked"), KeyGroup.valueOf(rs.getString("key_group")),
					rs.getString("region_code"), rs.getObject("organization_id", UUID.class),
					rs.getString("organization_name"), PersonNames.mask(rs.getString("volunteer_name"))))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	// people to decide and to tell

	boolean isActiveMember(UUID organizationId, UUID volunteerId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM organization_member WHERE organization_id = :org AND volunteer_id = :v"
					+ " AND status = 'ACTIVE'")
			.param("org", organizationId)
			.param("v", volunteerId)
			.query(Long.class)
			.single() > 0;
	}

	List<UUID> adminAccountsOf(UUID organizationId) {
		return this.jdbc.sql("SELECT account_id FROM account_grant WHERE role = 'ORG_ADMIN' AND scope = :org")
			.param("org", organizationId.toString())
			.query(UUID.class)
			.list();
	}

	/** The operators whose scope is exactly one of the codes. */
	List<UUID> operatorAccountsOf(Collection<String> regionCodes) {
		if (regionCodes.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT DISTINCT account_id FROM account_grant WHERE role = 'OPERATOR' AND scope IN (:codes)")
			.param("codes", regionCodes)
			.query(UUID.class)
			.list();
	}

	private static StoredBeneficiary beneficiary(ResultSet rs, int n) throws SQLException {
		String gender = rs.getString("gender");
		return new StoredBeneficiary(rs.getObject("id", UUID.class), rs.getString("region_code"),
				rs.getObject("organization_id", UUID.class), KeyGroup.valueOf(rs.getString("key_group")),
				rs.getString("name_sealed"), rs.getString("name_masked"),
				(gender != null) ? Gender.valueOf(gender) : null, rs.getInt("birth_year"),
				rs.getString("address_sealed"), rs.getString("location_sealed"), rs.getString("phone_sealed"),
				rs.getString("phone_masked"), rs.getString("notes_sealed"), rs.getString("guardian_name_sealed"),
				rs.getObject("guardian_consent_on", LocalDate.class), rs.getObject("created_by", UUID.class),
				rs.getObject("created_at", OffsetDateTime.class));
	}

	private static PairingView pairing(ResultSet rs, int n) throws SQLException {
		return new PairingView(rs.getObject("id", UUID.class), rs.getObject("beneficiary_id", UUID.class),
				rs.getString("name_masked"), KeyGroup.valueOf(rs.getString("key_group")), rs.getString("region_code"),
				rs.getObject("organization_id", UUID.class), rs.getString("organization_name"),
				PairingKind.valueOf(rs.getString("kind")), rs.getObject("volunteer_id", UUID.class),
				(rs.getString("volunteer_name") != null) ? PersonNames.mask(rs.getString("volunteer_name")) : null,
				VisitFrequency.valueOf(rs.getString("frequency")), rs.getInt("geofence_meters"),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("next_due_on", LocalDate.class),
				PairingStatus.valueOf(rs.getString("status")), rs.getInt("changes"), rs.getInt("missed"),
				rs.getObject("last_visit", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class));
	}

	private static VisitView visit(ResultSet rs, int n) throws SQLException {
		return new VisitView(rs.getObject("id", UUID.class), rs.getObject("pairing_id", UUID.class),
				rs.getObject("volunteer_id", UUID.class), PersonNames.mask(rs.getString("name")),
				rs.getObject("visited_at", OffsetDateTime.class), rs.getBigDecimal("distance_meters"),
				rs.getBoolean("outside_geofence"), rs.getString("outside_reason"));
	}

}
