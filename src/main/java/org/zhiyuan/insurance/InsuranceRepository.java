package org.zhiyuan.insurance;

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
import org.zhiyuan.shared.identity.PhoneNumbers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Policies and insured volunteers. Who may be insured by an organization (its members and
 * its activities' accepted volunteers) and who administers it are read here by SQL, as
 * the record module reads sign-ups, because an import checks thousands of rows at once.
 */
@Repository
class InsuranceRepository {

	private static final String POLICY = "SELECT p.id, p.organization_id, p.insurer, p.policy_number, p.starts_on,"
			+ " p.ends_on, p.coverage, p.created_at, (SELECT COUNT(*) FROM insured_volunteer i WHERE i.policy_id = p.id)"
			+ " AS insured FROM insurance_policy p";

	private final JdbcClient jdbc;

	InsuranceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, NewPolicy policy, UUID by, OffsetDateTime now) {
		this.jdbc.sql("INSERT INTO insurance_policy (id, organization_id, insurer, policy_number, starts_on, ends_on,"
				+ " coverage, created_by, created_at) VALUES (:id, :org, :insurer, :number, :starts, :ends, :coverage,"
				+ " :by, :now)")
			.param("id", id)
			.param("org", policy.organizationId())
			.param("insurer", policy.insurer().strip())
			.param("number", policy.policyNumber().strip())
			.param("starts", policy.startsOn())
			.param("ends", policy.endsOn())
			.param("coverage", policy.coverage().strip())
			.param("by", by)
			.param("now", now)
			.update();
	}

	boolean numberExists(UUID organizationId, String policyNumber) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM insurance_policy WHERE organization_id = :org AND policy_number = :number")
			.param("org", organizationId)
			.param("number", policyNumber.strip())
			.query(Long.class)
			.single() > 0;
	}

	Optional<PolicyView> find(UUID id) {
		return this.jdbc.sql(POLICY + " WHERE p.id = :id")
			.param("id", id)
			.query(InsuranceRepository::policy)
			.optional();
	}

	/**
	 * Locks the policy, so that adding volunteers to it happens one request at a time.
	 */
	boolean lock(UUID id) {
		return this.jdbc.sql("SELECT id FROM insurance_policy WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(UUID.class)
			.optional()
			.isPresent();
	}

	PageResult<PolicyView> ofOrganization(UUID organizationId, PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM insurance_policy WHERE organization_id = :org")
			.param("org", organizationId)
			.query(Long.class)
			.single();
		List<PolicyView> items = this.jdbc
			.sql(POLICY + " WHERE p.organization_id = :org ORDER BY p.ends_on DESC, p.id LIMIT :limit OFFSET :offset")
			.param("org", organizationId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(InsuranceRepository::policy)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** The organization's policies that cover at least one day of the period. */
	List<PolicyView> ofOrganizationWithin(UUID organizationId, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql(POLICY + " WHERE p.organization_id = :org AND p.starts_on <= :to AND p.ends_on >= :from"
					+ " ORDER BY p.starts_on, p.id")
			.param("org", organizationId)
			.param("from", from)
			.param("to", to)
			.query(InsuranceRepository::policy)
			.list();
	}

	/** The periods of every policy insuring the volunteer that touch the period. */
	List<Window> windowsOf(UUID volunteerId, LocalDate from, LocalDate to) {
		return windowsOf(List.of(volunteerId), from, to);
	}

	List<Window> windowsOf(Collection<UUID> volunteerIds, LocalDate from, LocalDate to) {
		if (volunteerIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT i.volunteer_id, p.starts_on, p.ends_on FROM insured_volunteer i"
					+ " JOIN insurance_policy p ON p.id = i.policy_id WHERE i.volunteer_id IN (:ids)"
					+ " AND p.starts_on <= :to AND p.ends_on >= :from")
			.param("ids", volunteerIds)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new Window(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalDate.class)))
			.list();
	}

	/** A period of cover of a volunteer. */
	record Window(UUID volunteerId, LocalDate startsOn, LocalDate endsOn) {

	}

	Set<UUID> insuredAmong(UUID policyId, Collection<UUID> volunteerIds) {
		if (volunteerIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc
			.sql("SELECT volunteer_id FROM insured_volunteer WHERE policy_id = :policy AND volunteer_id IN (:ids)")
			.param("policy", policyId)
			.param("ids", volunteerIds)
			.query(UUID.class)
			.list());
	}

	void insure(UUID policyId, UUID volunteerId, UUID by, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO insured_volunteer (policy_id, volunteer_id, added_by, added_at)"
					+ " VALUES (:policy, :volunteer, :by, :now)")
			.param("policy", policyId)
			.param("volunteer", volunteerId)
			.param("by", by)
			.param("now", now)
			.update();
	}

	PageResult<InsuredView> insured(UUID policyId, PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM insured_volunteer WHERE policy_id = :policy")
			.param("policy", policyId)
			.query(Long.class)
			.single();
		List<InsuredView> items = this.jdbc
			.sql("SELECT v.id, v.name, v.volunteer_number, v.id_number_masked, v.phone, i.added_at"
					+ " FROM insured_volunteer i JOIN volunteer v ON v.id = i.volunteer_id WHERE i.policy_id = :policy"
					+ " ORDER BY i.added_at, v.volunteer_number LIMIT :limit OFFSET :offset")
			.param("policy", policyId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new InsuredView(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("volunteer_number"), rs.getString("id_number_masked"),
					PhoneNumbers.mask(rs.getString("phone")), rs.getObject("added_at", OffsetDateTime.class)))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/**
	 * Of the given volunteers, the active ones the organization may insure: its active
	 * members and the volunteers accepted for one of its activities.
	 */
	Set<UUID> insurableBy(UUID organizationId, Collection<UUID> volunteerIds) {
		if (volunteerIds.isEmpty()) {
			return Set.of();
		}
		// the members and the accepted asked apart: on a Citus cluster the members stay
		// on the coordinator while sign-ups are spread by activity
		Set<UUID> insurable = new HashSet<>(this.jdbc
			.sql("SELECT m.volunteer_id FROM organization_member m JOIN volunteer v ON v.id = m.volunteer_id"
					+ " WHERE m.organization_id = :org AND m.status = 'ACTIVE' AND m.volunteer_id IN (:ids)"
					+ " AND v.status = 'ACTIVE'")
			.param("ids", volunteerIds)
			.param("org", organizationId)
			.query(UUID.class)
			.list());
		insurable.addAll(this.jdbc
			.sql("SELECT s.volunteer_id FROM signup s JOIN activity a ON a.id = s.activity_id JOIN volunteer v"
					+ " ON v.id = s.volunteer_id WHERE a.organization_id = :org AND s.status = 'APPROVED'"
					+ " AND s.volunteer_id IN (:ids) AND v.status = 'ACTIVE'")
			.param("ids", volunteerIds)
			.param("org", organizationId)
			.query(UUID.class)
			.list());
		return insurable;
	}

	/** Policies whose last day falls within the period, of active organizations. */
	List<PolicyView> endingBetween(LocalDate from, LocalDate to) {
		return this.jdbc
			.sql(POLICY + " JOIN organization o ON o.id = p.organization_id WHERE p.ends_on >= :from"
					+ " AND p.ends_on <= :to AND o.status = 'ACTIVE' ORDER BY p.ends_on, p.id")
			.param("from", from)
			.param("to", to)
			.query(InsuranceRepository::policy)
			.list();
	}

	/** The accounts that administer the organization. */
	List<UUID> adminAccountsOf(UUID organizationId) {
		return this.jdbc.sql("SELECT account_id FROM account_grant WHERE role = 'ORG_ADMIN' AND scope = :org")
			.param("org", organizationId.toString())
			.query(UUID.class)
			.list();
	}

	private static PolicyView policy(ResultSet rs, int n) throws SQLException {
		return new PolicyView(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
				rs.getString("insurer"), rs.getString("policy_number"), rs.getObject("starts_on", LocalDate.class),
				rs.getObject("ends_on", LocalDate.class), rs.getString("coverage"), rs.getLong("insured"),
				rs.getObject("created_at", OffsetDateTime.class));
	}

}
