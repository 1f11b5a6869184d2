package org.zhiyuan.need;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ServiceField;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Residents, menus and needs in SQL. */
@Repository
class NeedRepository {

	private static final String RESIDENT = "SELECT id, account_id, name, phone, region_code, created_at FROM resident";

	private static final String MENU = "SELECT m.id, m.organization_id, o.name AS organization_name, m.title, m.field,"
			+ " m.description, m.created_at FROM menu_item m JOIN organization o ON o.id = m.organization_id";

	private static final String NEED = "SELECT n.*, r.account_id AS resident_account, r.name AS resident_name,"
			+ " r.phone AS resident_phone, o.name AS organization_name FROM need n JOIN resident r ON r.id = n.resident_id"
			+ " LEFT JOIN organization o ON o.id = n.organization_id";

	private final JdbcClient jdbc;

	NeedRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// residents

	void insertResident(UUID id, UUID accountId, String name, String phone, String regionCode, UUID createdBy,
			OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO resident (id, account_id, name, phone, region_code, created_by, created_at)"
					+ " VALUES (:id, :account, :name, :phone, :region, :by, :now)")
			.param("id", id)
			.param("account", accountId)
			.param("name", name)
			.param("phone", phone)
			.param("region", regionCode)
			.param("by", createdBy)
			.param("now", now)
			.update();
	}

	Optional<ResidentRow> residentOfAccount(UUID accountId) {
		return this.jdbc.sql(RESIDENT + " WHERE account_id = :account")
			.param("account", accountId)
			.query(NeedRepository::resident)
			.optional();
	}

	Optional<ResidentRow> residentByPhone(String phone) {
		return this.jdbc.sql(RESIDENT + " WHERE phone = :phone")
			.param("phone", phone)
			.query(NeedRepository::resident)
			.optional();
	}

	Optional<ResidentRow> resident(UUID id) {
		return this.jdbc.sql(RESIDENT + " WHERE id = :id").param("id", id).query(NeedRepository::resident).optional();
	}

	// menus

	/** Withdraws an active item; whether it was active. */
	boolean withdrawMenuItem(UUID id) {
		return this.jdbc.sql("UPDATE menu_item SET status = 'WITHDRAWN' WHERE id = :id AND status = 'ACTIVE'")
			.param("id", id)
			.update() == 1;
	}

	void insertMenuItem(UUID id, UUID organizationId, NewMenuItem item, UUID createdBy, OffsetDateTime now) {
		this.jdbc.sql(
				"INSERT INTO menu_item (id, organization_id, title, field, description, status, created_by, created_at)"
						+ " VALUES (:id, :org, :title, :field, :description, 'ACTIVE', :by, :now)")
			.param("id", id)
			.param("org", organizationId)
			.param("title", item.title().strip())
			.param("field", item.field().name())
			.param("description", item.description().strip())
			.param("by", createdBy)
			.param("now", now)
			.update();
		for (String code : item.regionCodes().stream().distinct().toList()) {
			this.jdbc
				.sql("INSERT INTO menu_item_region (menu_item_id, region_code, region_prefix)"
						+ " VALUES (:id, :code, :prefix)")
				.param("id", id)
				.param("code", code)
				.param("prefix", Regions.prefixOf(code))
				.update();
		}
	}

	Optional<MenuItemView> menuItem(UUID id) {
		return this.jdbc.sql(MENU + " WHERE m.id = :id AND m.status = 'ACTIVE'")
			.param("id", id)
			.query((rs, n) -> menuItem(rs, n))
			.optional();
	}

	/**
	 * Active menu items of active organizations offered in the region (an item offered in
	 * a region above it counts), or of one organization; newest first.
	 */
	PageResult<MenuItemView> menuItems(String regionCode, ServiceField field, UUID organizationId, PageQuery page) {
		StringBuilder where = new StringBuilder(" WHERE m.status = 'ACTIVE' AND o.status = 'ACTIVE'");
		Map<String, Object> params = new LinkedHashMap<>();
		if (regionCode != null) {
			where.append(" AND EXISTS (SELECT 1 FROM menu_item_region mr WHERE mr.menu_item_id = m.id"
					+ " AND :code LIKE mr.region_prefix || '%')");
			params.put("code", regionCode);
		}
		if (field != null) {
			where.append(" AND m.field = :field");
			params.put("field", field.name());
		}
		if (organizationId != null) {
			where.append(" AND m.organization_id = :org");
			params.put("org", organizationId);
		}
		List<MenuItemView> items = this.jdbc
			.sql(MENU + where + " ORDER BY m.created_at DESC, m.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> menuItem(rs, n))
			.list();
		long total = this.jdbc
			.sql("SELECT COUNT(*) FROM menu_item m JOIN organization o ON o.id = m.organization_id" + where)
			.params(params)
			.query(Long.class)
			.single();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	private List<String> menuRegions(UUID id) {
		return this.jdbc.sql("SELECT region_code FROM menu_item_region WHERE menu_item_id = :id ORDER BY region_code")
			.param("id", id)
			.query(String.class)
			.list();
	}

	// needs

	void insertNeed(UUID id, UUID residentId, NewNeed need, String addressSealed, UUID organizationOfMenu,
			UUID submittedBy, String idempotencyKey, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO need (id, resident_id, menu_item_id, title, description, field, region_code,"
					+ " address_sealed, lat, lng, wanted_from, wanted_to, status, organization_id, submitted_by,"
					+ " idempotency_key, submitted_at) VALUES (:id, :resident, :menu, :title, :description, :field,"
					+ " :region, :address, :lat, :lng, :from, :to, 'SUBMITTED', :org, :by, :key, :now)")
			.param("id", id)
			.param("resident", residentId)
			.param("menu", need.menuItemId())
			.param("title", need.title())
			.param("description", need.description())
			.param("field", need.field().name())
			.param("region", need.regionCode())
			.param("address", addressSealed)
			.param("lat", need.lat())
			.param("lng", need.lng())
			.param("from", need.wantedFrom())
			.param("to", need.wantedTo())
			.param("org", organizationOfMenu)
			.param("by", submittedBy)
			.param("key", idempotencyKey)
			.param("now", now)
			.update();
	}

	Optional<UUID> needByKey(UUID submittedBy, String key) {
		return this.jdbc.sql("SELECT id FROM need WHERE submitted_by = :by AND idempotency_key = :key")
			.param("by", submittedBy)
			.param("key", key)
			.query(UUID.class)
			.optional();
	}

	Optional<NeedRow> need(UUID id) {
		return this.jdbc.sql(NEED + " WHERE n.id = :id").param("id", id).query(NeedRepository::need).optional();
	}

	/** Open needs under a region prefix, newest first. */
	List<NeedReference> openNeeds(String regionPrefix, int limit) {
		return this.jdbc
			.sql("SELECT id, title, region_code, status FROM need WHERE region_code LIKE :prefix AND status IN"
					+ " ('SUBMITTED', 'DISPATCHED', 'ACCEPTED') ORDER BY submitted_at DESC, id FETCH FIRST :limit"
					+ " ROWS ONLY")
			.param("prefix", regionPrefix + "%")
			.param("limit", limit)
			.query((rs, n) -> new NeedReference(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					NeedStatus.valueOf(rs.getString(4))))
			.list();
	}

	/** The need's status, with its row locked until the transaction ends. */
	Optional<NeedStatus> lockStatus(UUID id) {
		return this.jdbc.sql("SELECT status FROM need WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, n) -> NeedStatus.valueOf(rs.getString(1)))
			.optional();
	}

	void dispatch(UUID id, UUID organizationId, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE need SET status = 'DISPATCHED', organization_id = :org, dispatched_at = :now,"
					+ " accepted_at = NULL, overdue = NULL, overdue_since = NULL WHERE id = :id")
			.param("id", id)
			.param("org", organizationId)
			.param("now", now)
			.update();
		this.jdbc.sql("DELETE FROM need_volunteer WHERE need_id = :id").param("id", id).update();
	}

	void accept(UUID id, Collection<UUID> volunteerIds, UUID by, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE need SET status = 'ACCEPTED', accepted_at = :now, overdue = NULL, overdue_since = NULL"
					+ " WHERE id = :id")
			.param("id", id)
			.param("now", now)
			.update();
		for (UUID volunteerId : volunteerIds) {
			this.jdbc
				.sql("INSERT INTO need_volunteer (need_id, volunteer_id, assigned_by, assigned_at)"
						+ " VALUES (:id, :volunteer, :by, :now)")
				.param("id", id)
				.param("volunteer", volunteerId)
				.param("by", by)
				.param("now", now)
				.update();
		}
	}

	void complete(UUID id, OffsetDateTime startedAt, OffsetDateTime endedAt, UUID activityId, UUID by, String key,
			OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE need SET status = 'DONE', started_at = :start, ended_at = :end, activity_id = :activity,"
					+ " completed_by = :by, completion_key = :key, done_at = :now, overdue = NULL,"
					+ " overdue_since = NULL WHERE id = :id")
			.param("id", id)
			.param("start", startedAt)
			.param("end", endedAt)
			.param("activity", activityId)
			.param("by", by)
			.param("key", key)
			.param("now", now)
			.update();
	}

	void recordOf(UUID needId, UUID volunteerId, UUID recordId) {
		this.jdbc.sql("UPDATE need_volunteer SET record_id = :record WHERE need_id = :id AND volunteer_id = :volunteer")
			.param("id", needId)
			.param("volunteer", volunteerId)
			.param("record", recordId)
			.update();
	}

	void rate(UUID id, int stars, String comment, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE need SET status = 'RATED', stars = :stars, rating_comment = :comment, rated_at = :now"
					+ " WHERE id = :id")
			.param("id", id)
			.param("stars", stars)
			.param("comment", comment)
			.param("now", now)
			.update();
	}

	/** Flags the late needs of one step that are not flagged yet; their ids. */
	List<UUID> flagLate(NeedStatus status, String since, OffsetDateTime before, NeedOverdue overdue,
			OffsetDateTime now) {
		List<UUID> ids = this.jdbc
			.sql("SELECT id FROM need WHERE status = :status AND overdue IS NULL AND " + since + " < :before")
			.param("status", status.name())
			.param("before", before)
			.query(UUID.class)
			.list();
		List<UUID> flagged = new ArrayList<>();
		for (UUID id : ids) {
			int changed = this.jdbc
				.sql("UPDATE need SET overdue = :overdue, overdue_since = :now WHERE id = :id AND status = :status"
						+ " AND overdue IS NULL")
				.param("overdue", overdue.name())
				.param("now", now)
				.param("id", id)
				.param("status", status.name())
				.update();
			if (changed > 0) {
				flagged.add(id);
			}
		}
		return flagged;
	}

	void cancel(UUID id, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE need SET status = 'CANCELLED', done_at = :now, overdue = NULL, overdue_since = NULL WHERE"
					+ " id = :id")
			.param("now", now)
			.param("id", id)
			.update();
	}

	List<Assignee> volunteersOf(UUID needId) {
		return this.jdbc
			.sql("SELECT v.id, v.account_id, v.name, v.phone, nv.record_id FROM need_volunteer nv"
					+ " JOIN volunteer v ON v.id = nv.volunteer_id WHERE nv.need_id = :id ORDER BY v.name, v.id")
			.param("id", needId)
			.query((rs, n) -> new Assignee(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
					rs.getString("name"), rs.getString("phone"), rs.getObject("record_id", UUID.class)))
			.list();
	}

	void insertEvent(UUID needId, NeedEventKind kind, UUID actorId, UUID organizationId, String detail,
			OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO need_event (id, need_id, kind, actor_id, organization_id, detail, occurred_at)"
					+ " VALUES (:id, :need, :kind, :actor, :org, :detail, :now)")
			.param("id", Ids.newId())
			.param("need", needId)
			.param("kind", kind.name())
			.param("actor", actorId)
			.param("org", organizationId)
			.param("detail", detail)
			.param("now", now)
			.update();
	}

	List<NeedView.Step> timeline(UUID needId) {
		return this.jdbc
			.sql("SELECT e.kind, e.occurred_at, e.organization_id, o.name, e.detail FROM need_event e"
					+ " LEFT JOIN organization o ON o.id = e.organization_id WHERE e.need_id = :id"
					+ " ORDER BY e.occurred_at, e.id")
			.param("id", needId)
			.query((rs, n) -> new NeedView.Step(NeedEventKind.valueOf(rs.getString(1)),
					rs.getObject(2, OffsetDateTime.class), rs.getObject(3, UUID.class), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	/** A page of needs matching a condition, newest first. */
	PageResult<NeedRow> needs(String where, Map<String, Object> params, PageQuery page) {
		List<NeedRow> items = this.jdbc
			.sql(NEED + " WHERE " + where + " ORDER BY n.submitted_at DESC, n.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(NeedRepository::need)
			.list();
		long total = this.jdbc.sql("SELECT COUNT(*) FROM need n JOIN resident r ON r.id = n.resident_id WHERE " + where)
			.params(params)
			.query(Long.class)
			.single();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	long count(String where, Map<String, Object> params) {
		return this.jdbc.sql("SELECT COUNT(*) FROM need n JOIN resident r ON r.id = n.resident_id WHERE " + where)
			.params(params)
			.query(Long.class)
			.single();
	}

	boolean isActiveMember(UUID organizationId, UUID volunteerId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM organization_member WHERE organization_id = :org AND volunteer_id = :volunteer"
					+ " AND status = 'ACTIVE'")
			.param("org", organizationId)
			.param("volunteer", volunteerId)
			.query(Long.class)
			.single() > 0;
	}

	List<UUID> activeOrganizationsOf(UUID volunteerId) {
		return this.jdbc.sql(
				"SELECT organization_id FROM organization_member WHERE volunteer_id = :volunteer AND status = 'ACTIVE'")
			.param("volunteer", volunteerId)
			.query(UUID.class)
			.list();
	}

	List<UUID> adminAccountsOf(UUID organizationId) {
		return this.jdbc.sql("SELECT account_id FROM account_grant WHERE role = 'ORG_ADMIN' AND scope = :org")
			.param("org", organizationId.toString())
			.query(UUID.class)
			.list();
	}

	/** Operators' accounts with the region each operates. */
	List<Map.Entry<UUID, String>> operators() {
		return this.jdbc.sql("SELECT account_id, scope FROM account_grant WHERE role = 'OPERATOR'")
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
			.list();
	}

	/**
	 * Dispatched needs of the organizations, soonest wanted first: for recommendations.
	 */
	List<OpenNeed> openNeedsOf(Collection<UUID> organizationIds, int limit) {
		if (organizationIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT id, title, field, region_code, lat, lng, wanted_from, wanted_to, organization_id FROM need"
					+ " WHERE status = 'DISPATCHED' AND organization_id IN (:orgs) ORDER BY wanted_from, id LIMIT :limit")
			.param("orgs", organizationIds)
			.param("limit", limit)
			.query((rs, n) -> new OpenNeed(rs.getObject("id", UUID.class), rs.getString("title"),
					ServiceField.valueOf(rs.getString("field")), rs.getString("region_code"), doubleOrNull(rs, "lat"),
					doubleOrNull(rs, "lng"), rs.getObject("wanted_from", OffsetDateTime.class),
					rs.getObject("wanted_to", OffsetDateTime.class), rs.getObject("organization_id", UUID.class)))
			.list();
	}

	private MenuItemView menuItem(ResultSet rs, int n) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		return new MenuItemView(id, rs.getObject("organization_id", UUID.class), rs.getString("organization_name"),
				rs.getString("title"), ServiceField.valueOf(rs.getString("field")), rs.getString("description"),
				menuRegions(id), rs.getObject("created_at", OffsetDateTime.class));
	}

	private static ResidentRow resident(ResultSet rs, int n) throws SQLException {
		return new ResidentRow(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
				rs.getString("name"), rs.getString("phone"), rs.getString("region_code"),
				rs.getObject("created_at", OffsetDateTime.class));
	}

	private static NeedRow need(ResultSet rs, int n) throws SQLException {
		String overdue = rs.getString("overdue");
		int stars = rs.getInt("stars");
		Integer starsOrNull = rs.wasNull() ? null : stars;
		return new NeedRow(rs.getObject("id", UUID.class), rs.getObject("resident_id", UUID.class),
				rs.getObject("resident_account", UUID.class), rs.getString("resident_name"),
				rs.getString("resident_phone"), rs.getObject("menu_item_id", UUID.class), rs.getString("title"),
				rs.getString("description"), ServiceField.valueOf(rs.getString("field")), rs.getString("region_code"),
				rs.getString("address_sealed"), doubleOrNull(rs, "lat"), doubleOrNull(rs, "lng"),
				rs.getObject("wanted_from", OffsetDateTime.class), rs.getObject("wanted_to", OffsetDateTime.class),
				NeedStatus.valueOf(rs.getString("status")), rs.getObject("organization_id", UUID.class),
				rs.getString("organization_name"), rs.getObject("submitted_by", UUID.class),
				rs.getObject("submitted_at", OffsetDateTime.class), rs.getObject("dispatched_at", OffsetDateTime.class),
				rs.getObject("accepted_at", OffsetDateTime.class), rs.getObject("started_at", OffsetDateTime.class),
				rs.getObject("ended_at", OffsetDateTime.class), rs.getObject("done_at", OffsetDateTime.class),
				rs.getString("completion_key"), rs.getObject("completed_by", UUID.class),
				rs.getObject("rated_at", OffsetDateTime.class), starsOrNull, rs.getString("rating_comment"),
				(overdue != null) ? NeedOverdue.valueOf(overdue) : null,
				rs.getObject("overdue_since", OffsetDateTime.class));
	}

	private static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	record ResidentRow(UUID id, UUID accountId, String name, String phone, String regionCode,
			OffsetDateTime createdAt) {

	}

	record NeedRow(UUID id, UUID residentId, UUID residentAccountId, String residentName, String residentPhone,
			UUID menuItemId, String title, String description, ServiceField field, String regionCode,
			String addressSealed, Double lat, Double lng, OffsetDateTime wantedFrom, OffsetDateTime wantedTo,
			NeedStatus status, UUID organizationId, String organizationName, UUID submittedBy,
			OffsetDateTime submittedAt, OffsetDateTime dispatchedAt, OffsetDateTime acceptedAt,
			OffsetDateTime startedAt, OffsetDateTime endedAt, OffsetDateTime doneAt, String completionKey,
			UUID completedBy, OffsetDateTime ratedAt, Integer stars, String ratingComment, NeedOverdue overdue,
			OffsetDateTime overdueSince) {

	}

	/** A volunteer who accepted a need, and their record once it is done. */
	record Assignee(UUID volunteerId, UUID accountId, String name, String phone, UUID recordId) {

	}

}
