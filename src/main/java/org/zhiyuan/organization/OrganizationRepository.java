package org.zhiyuan.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.PersonMatch;
import org.zhiyuan.shared.PersonQuery;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.shared.identity.PersonNames;
import org.zhiyuan.shared.identity.PhoneNumbers;
import org.zhiyuan.volunteer.VolunteerMemberships.Membership;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganizationRepository {

	private static final String VIEW = "SELECT o.id, o.name, o.org_type, o.credit_code, o.region_code, o.parent_id,"
			+ " p.name AS parent_name, o.status, o.contact_name, o.contact_phone, o.description, o.applied_at,"
			+ " o.applicant_account_id, (SELECT COUNT(*) FROM organization_member m WHERE m.organization_id = o.id"
			+ " AND m.status = 'ACTIVE') AS member_count, o.successor_id, s.name AS successor_name FROM organization o"
			+ " LEFT JOIN organization p ON p.id = o.parent_id LEFT JOIN organization s ON s.id = o.successor_id";

	private final JdbcClient jdbc;

	OrganizationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, NewOrganization o, String creditCode, UUID applicant, OffsetDateTime now) {
		this.jdbc.sql("INSERT INTO organization (id, name, org_type, credit_code, region_code, parent_id, status,"
				+ " contact_name, contact_phone, description, applicant_account_id, applied_at) VALUES (:id, :name,"
				+ " :type, :credit, :region, :parent, 'PENDING', :contactName, :contactPhone, :description, :applicant,"
				+ " :now)")
			.param("id", id)
			.param("name", o.name().strip())
			.param("type", o.type().name())
			.param("credit", creditCode)
			.param("region", o.regionCode())
			.param("parent", o.parentId())
			.param("contactName", blankToNull(o.contactName()))
			.param("contactPhone",
					(o.contactPhone() != null && !o.contactPhone().isBlank()) ? PhoneNumbers.normalize(o.contactPhone())
							: null)
			.param("description", blankToNull(o.description()))
			.param("applicant", applicant)
			.param("now", now)
			.update();
		for (ServiceField field : (o.fields() != null) ? o.fields().stream().distinct().toList()
				: List.<ServiceField>of()) {
			this.jdbc.sql("INSERT INTO organization_field (organization_id, field) VALUES (:id, :field)")
				.param("id", id)
				.param("field", field.name())
				.update();
		}
	}

	boolean creditCodeExists(String creditCode) {
		return this.jdbc.sql("SELECT COUNT(*) FROM organization WHERE credit_code = :code")
			.param("code", creditCode)
			.query(Integer.class)
			.single() > 0;
	}

	Optional<Stored> find(UUID id) {
		return this.jdbc.sql(VIEW + " WHERE o.id = :id").param("id", id).query(this::stored).optional();
	}

	/**
	 * Locks the row for a status change, so that two reviewers cannot both act on the old
	 * state.
	 */
	Optional<OrganizationStatus> lockStatus(UUID id) {
		return this.jdbc.sql("SELECT status FROM organization WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, row) -> OrganizationStatus.valueOf(rs.getString(1)))
			.optional();
	}

	void changeStatus(UUID id, OrganizationStatus status, OffsetDateTime now, boolean reviewed) {
		this.jdbc
			.sql("UPDATE organization SET status = :status" + (reviewed ? ", reviewed_at = :now" : "")
					+ " WHERE id = :id")
			.param("id", id)
			.param("status", status.name())
			.param("now", now)
			.update();
	}

	PageResult<OrganizationView> search(String regionCode, String text, Set<OrganizationStatus> statuses,
			PageQuery page) {
		StringBuilder where = new StringBuilder(" WHERE o.status IN (:statuses)");
		Map<String, Object> params = new HashMap<>();
		params.put("statuses", statuses.stream().map(Enum::name).toList());
		if (regionCode != null) {
			where.append(" AND o.region_code LIKE :region");
			params.put("region", Regions.prefixOf(regionCode) + "%");
		}
		if (text != null && !text.isBlank()) {
			where.append(" AND LOWER(o.name) LIKE :text");
			params.put("text", "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "\\%") + "%");
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM organization o" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<OrganizationView> items = this.jdbc
			.sql(VIEW + where + " ORDER BY o.applied_at DESC, o.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::stored)
			.list()
			.stream()
			.map(Stored::view)
			.toList();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	List<OrganizationView> childrenOf(UUID parentId) {
		return this.jdbc.sql(VIEW + " WHERE o.parent_id = :id AND o.status IN ('ACTIVE', 'SUSPENDED') ORDER BY o.name")
			.param("id", parentId)
			.query(this::stored)
			.list()
			.stream()
			.map(Stored::view)
			.toList();
	}

	void insertEvent(UUID organizationId, OrganizationEventKind kind, String reason, UUID actorId, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO organization_event (id, organization_id, kind, reason, actor_id, occurred_at)"
					+ " VALUES (:id, :org, :kind, :reason, :actor, :now)")
			.param("id", org.zhiyuan.shared.Ids.newId())
			.param("org", organizationId)
			.param("kind", kind.name())
			.param("reason", reason)
			.param("actor", actorId)
			.param("now", now)
			.update();
	}

	PageResult<OrganizationEvent> eventsOf(UUID organizationId, PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM organization_event WHERE organization_id = :id")
			.param("id", organizationId)
			.query(Long.class)
			.single();
		List<OrganizationEvent> items = this.jdbc
			.sql("SELECT id, kind, reason, actor_id, occurred_at FROM organization_event WHERE organization_id = :id"
					+ " ORDER BY occurred_at, id LIMIT :limit OFFSET :offset")
			.param("id", organizationId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, row) -> new OrganizationEvent(rs.getObject("id", UUID.class),
					OrganizationEventKind.valueOf(rs.getString("kind")), rs.getString("reason"),
					rs.getObject("actor_id", UUID.class), rs.getObject("occurred_at", OffsetDateTime.class)))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	Optional<MemberRow> member(UUID organizationId, UUID volunteerId) {
		return this.jdbc
			.sql("SELECT member_role, status FROM organization_member WHERE organization_id = :org"
					+ " AND volunteer_id = :volunteer FOR UPDATE")
			.param("org", organizationId)
			.param("volunteer", volunteerId)
			.query((rs, row) -> new MemberRow(MemberRole.valueOf(rs.getString(1)),
					MemberStatus.valueOf(rs.getString(2))))
			.optional();
	}

	void upsertMember(UUID organizationId, UUID volunteerId, MemberRole role, MemberStatus status, boolean exists,
			OffsetDateTime now) {
		if (exists) {
			this.jdbc
				.sql("UPDATE organization_member SET member_role = :role, status = :status,"
						+ " requested_at = CASE WHEN :status IN ('PENDING', 'INVITED') THEN :now ELSE requested_at END,"
						+ " joined_at = CASE WHEN :status = 'ACTIVE' THEN :now ELSE joined_at END,"
						+ " left_at = CASE WHEN :status IN ('LEFT', 'REJECTED', 'DECLINED') THEN :now ELSE NULL END"
						+ " WHERE organization_id = :org AND volunteer_id = :volunteer")
				.param("org", organizationId)
				.param("volunteer", volunteerId)
				.param("role", role.name())
				.param("status", status.name())
				.param("now", now)
				.update();
		}
		else {
			this.jdbc
				.sql("INSERT INTO organization_member (organization_id, volunteer_id, member_role, status,"
						+ " requested_at, joined_at) VALUES (:org, :volunteer, :role, :status, :now,"
						+ " CASE WHEN :status = 'ACTIVE' THEN CAST(:now AS TIMESTAMP WITH TIME ZONE) END)")
				.param("org", organizationId)
				.param("volunteer", volunteerId)
				.param("role", role.name())
				.param("status", status.name())
				.param("now", now)
				.update();
		}
	}

	/** Sets role or status of an existing membership without touching its dates. */
	void setRole(UUID organizationId, UUID volunteerId, MemberRole role) {
		this.jdbc
			.sql("UPDATE organization_member SET member_role = :role WHERE organization_id = :org"
					+ " AND volunteer_id = :volunteer")
			.param("org", organizationId)
			.param("volunteer", volunteerId)
			.param("role", role.name())
			.update();
	}

	PageResult<Member> members(UUID organizationId, Set<MemberStatus> statuses, PageQuery page) {
		long total = this.jdbc
			.sql("SELECT COUNT(*) FROM organization_member WHERE organization_id = :org AND status IN (:statuses)")
			.param("org", organizationId)
			.param("statuses", statuses.stream().map(Enum::name).toList())
			.query(Long.class)
			.single();
		List<Member> items = this.jdbc.sql(
				"SELECT m.volunteer_id, v.volunteer_number, v.name, v.id_number_masked, v.phone, m.member_role, m.status, m.requested_at,"
						+ " m.joined_at FROM organization_member m JOIN volunteer v ON v.id = m.volunteer_id"
						+ " WHERE m.organization_id = :org AND m.status IN (:statuses)"
						+ " ORDER BY m.member_role, m.requested_at, m.volunteer_id LIMIT :limit OFFSET :offset")
			.param("org", organizationId)
			.param("statuses", statuses.stream().map(Enum::name).toList())
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(OrganizationRepository::member)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	List<PersonMatch> pickMembers(UUID organizationId, PersonQuery query, int limit) {
		String match = query.isDigits() ? "(v.phone LIKE :pattern OR v.volunteer_number LIKE :pattern)"
				: "v.name LIKE :pattern";
		return this.jdbc
			.sql("SELECT v.id, v.name, v.phone, v.volunteer_number FROM organization_member m"
					+ " JOIN volunteer v ON v.id = m.volunteer_id WHERE m.organization_id = :org"
					+ " AND m.status = 'ACTIVE' AND " + match + " ORDER BY v.name, v.id LIMIT :limit")
			.param("org", organizationId)
			.param("pattern", query.isDigits() ? query.digitsPattern() : query.namePattern())
			.param("limit", limit)
			.query((rs, row) -> PersonMatch.of(rs.getObject("id", UUID.class), rs.getString("name"),
					PhoneNumbers.mask(rs.getString("phone")), rs.getString("volunteer_number")))
			.list();
	}

	/**
	 * A row of the member list. Of a volunteer who never agreed to join (invited,
	 * declined, or whose invitation was withdrawn) the organization sees the masked name
	 * and nothing else.
	 */
	private static Member member(ResultSet rs, int row) throws SQLException {
		UUID volunteerId = rs.getObject("volunteer_id", UUID.class);
		MemberRole role = MemberRole.valueOf(rs.getString("member_role"));
		MemberStatus status = MemberStatus.valueOf(rs.getString("status"));
		OffsetDateTime requestedAt = rs.getObject("requested_at", OffsetDateTime.class);
		OffsetDateTime joinedAt = rs.getObject("joined_at", OffsetDateTime.class);
		boolean neverAgreed = status == MemberStatus.INVITED || status == MemberStatus.DECLINED
				|| (status == MemberStatus.LEFT && joinedAt == null);
		if (neverAgreed) {
			return new Member(volunteerId, null, PersonNames.mask(rs.getString("name")), null, null, role, status,
					requestedAt, null);
		}
		return new Member(volunteerId, rs.getString("volunteer_number"), rs.getString("name"),
				rs.getString("id_number_masked"), PhoneNumbers.mask(rs.getString("phone")), role, status, requestedAt,
				joinedAt);
	}

	/**
	 * The organizations that invited the volunteer and wait for an answer, newest first.
	 */
	PageResult<Invitation> invitationsOf(UUID volunteerId, PageQuery page) {
		long total = this.jdbc
			.sql("SELECT COUNT(*) FROM organization_member WHERE volunteer_id = :id AND status = 'INVITED'")
			.param("id", volunteerId)
			.query(Long.class)
			.single();
		List<Invitation> items = this.jdbc
			.sql("SELECT o.id, o.name, o.region_code, m.member_role, m.requested_at FROM organization_member m"
					+ " JOIN organization o ON o.id = m.organization_id WHERE m.volunteer_id = :id"
					+ " AND m.status = 'INVITED' ORDER BY m.requested_at DESC, o.id LIMIT :limit OFFSET :offset")
			.param("id", volunteerId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, row) -> new Invitation(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					MemberRole.valueOf(rs.getString(4)), rs.getObject(5, OffsetDateTime.class)))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	Set<UUID> activeOrganizationsOf(UUID volunteerId) {
		return Set.copyOf(this.jdbc
			.sql("SELECT organization_id FROM organization_member WHERE volunteer_id = :id AND status = 'ACTIVE'")
			.param("id", volunteerId)
			.query(UUID.class)
			.list());
	}

	List<Membership> membershipsOf(UUID volunteerId) {
		return this.jdbc
			.sql("SELECT o.id, o.name, m.member_role, m.status FROM organization_member m JOIN organization o"
					+ " ON o.id = m.organization_id WHERE m.volunteer_id = :id ORDER BY m.requested_at")
			.param("id", volunteerId)
			.query((rs, row) -> new Membership(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4)))
			.list();
	}

	PageResult<OrganizationView> administeredBy(Set<UUID> organizationIds, PageQuery page) {
		if (organizationIds.isEmpty()) {
			return new PageResult<>(List.of(), page.page(), page.size(), 0);
		}
		List<UUID> ids = new ArrayList<>(organizationIds);
		long total = this.jdbc.sql("SELECT COUNT(*) FROM organization WHERE id IN (:ids)")
			.param("ids", ids)
			.query(Long.class)
			.single();
		List<OrganizationView> items = this.jdbc
			.sql(VIEW + " WHERE o.id IN (:ids) ORDER BY o.name, o.id LIMIT :limit OFFSET :offset")
			.param("ids", ids)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::stored)
			.list()
			.stream()
			.map(Stored::view)
			.toList();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	void setSuccessor(UUID id, UUID successorId) {
		this.jdbc.sql("UPDATE organization SET successor_id = :successor WHERE id = :id")
			.param("id", id)
			.param("successor", successorId)
			.update();
	}

	/**
	 * Every organization's parent, successor and status: the certification graph, small.
	 */
	List<Lineage> lineage() {
		return this.jdbc.sql("SELECT id, parent_id, successor_id, status FROM organization")
			.query((rs, n) -> new Lineage(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class),
					rs.getObject("successor_id", UUID.class), OrganizationStatus.valueOf(rs.getString("status"))))
			.list();
	}

	private Stored stored(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		List<ServiceField> fields = this.jdbc
			.sql("SELECT field FROM organization_field WHERE organization_id = :id ORDER BY field")
			.param("id", id)
			.query((r, n) -> ServiceField.valueOf(r.getString(1)))
			.list();
		String phone = rs.getString("contact_phone");
		OrganizationView view = new OrganizationView(id, rs.getString("name"),
				OrganizationType.valueOf(rs.getString("org_type")), rs.getString("credit_code"),
				rs.getString("region_code"), rs.getObject("parent_id", UUID.class), rs.getString("parent_name"),
				OrganizationStatus.valueOf(rs.getString("status")), fields, rs.getString("contact_name"),
				PhoneNumbers.mask(phone), rs.getString("description"), rs.getLong("member_count"),
				rs.getObject("applied_at", OffsetDateTime.class), rs.getObject("successor_id", UUID.class),
				rs.getString("successor_name"));
		return new Stored(view, rs.getObject("applicant_account_id", UUID.class), phone);
	}

	private static String blankToNull(String text) {
		return (text != null && !text.isBlank()) ? text.strip() : null;
	}

	/** A row with what only the module itself may see. */
	record Stored(OrganizationView view, UUID applicantAccountId, String contactPhone) {

	}

	record Lineage(UUID id, UUID parentId, UUID successorId, OrganizationStatus status) {

	}

	record MemberRow(MemberRole role, MemberStatus status) {

	}

}
