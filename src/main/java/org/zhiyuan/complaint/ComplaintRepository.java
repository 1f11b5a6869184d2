package org.zhiyuan.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ComplaintRepository {

	/**
	 * The operators whose scope is one of {@code :codes}: those of a region and above.
	 */
	static final String OPERATOR_ACCOUNTS = "SELECT DISTINCT account_id FROM account_grant WHERE role = 'OPERATOR'"
			+ " AND scope IN (:codes)";

	private static final String COLUMNS = "SELECT id, subject_type, subject_id, subject_name, region_code, category,"
			+ " description, status, outcome, resolution_note, filed_at, deadline, assignee_id, complainant_id,"
			+ " contact_name, contact_phone, subject_account_id FROM complaint";

	private final JdbcClient jdbc;

	ComplaintRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Stored(ComplaintView view, UUID subjectAccountId) {

	}

	record Subject(ComplaintSubjectType type, UUID id, String name, UUID accountId, String regionCode) {

	}

	/**
	 * A new complaint; {@code complainantId} {@code null} for an anonymous visitor's
	 * report, which has a contact, a tracking code and its own idempotency scope instead.
	 */
	void insert(UUID id, Subject subject, ComplaintCategory category, String description, String contactPhone,
			UUID complainantId, OffsetDateTime filedAt, OffsetDateTime deadline, String idempotencyKey,
			Anonymous anonymous) {
		this.jdbc.sql("INSERT INTO complaint (id, subject_type, subject_id, subject_name, subject_account_id,"
				+ " region_code, category, description, contact_phone, complainant_id, status, filed_at, deadline,"
				+ " idempotency_key, contact_name, tracking_hash, tracking_sealed, anonymous_key) VALUES (:id, :type,"
				+ " :subject, :name, :account, :region, :category, :description, :phone, :complainant, 'SUBMITTED',"
				+ " :filed, :deadline, :key, :contactName, :trackingHash, :trackingSealed, :anonymousKey)")
			.param("id", id)
			.param("type", subject.type().name())
			.param("subject", subject.id())
			.param("name", subject.name())
			.param("account", subject.accountId())
			.param("region", subject.regionCode())
			.param("category", category.name())
			.param("description", description)
			.param("phone", contactPhone)
			.param("complainant", complainantId)
			.param("filed", filedAt)
			.param("deadline", deadline)
			.param("key", (anonymous == null) ? idempotencyKey : null)
			.param("contactName", (anonymous != null) ? anonymous.contactName() : null)
			.param("trackingHash", (anonymous != null) ? anonymous.trackingHash() : null)
			.param("trackingSealed", (anonymous != null) ? anonymous.trackingSealed() : null)
			.param("anonymousKey", (anonymous != null) ? anonymous.key() : null)
			.update();
	}

	/**
	 * What an anonymous report keeps instead of a complainant.
	 *
	 * @param key the contact phone and the Idempotency-Key, or {@code null}
	 */
	record Anonymous(String contactName, String trackingHash, String trackingSealed, String key) {

	}

	Optional<UUID> withAnonymousKey(String key) {
		return this.jdbc.sql("SELECT id FROM complaint WHERE anonymous_key = :k")
			.param("k", key)
			.query(UUID.class)
			.optional();
	}

	Optional<UUID> withTrackingHash(String hash) {
		return this.jdbc.sql("SELECT id FROM complaint WHERE tracking_hash = :h")
			.param("h", hash)
			.query(UUID.class)
			.optional();
	}

	Optional<String> trackingSealed(UUID id) {
		return this.jdbc.sql("SELECT tracking_sealed FROM complaint WHERE id = :id AND tracking_sealed IS NOT NULL")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	/** How many anonymous reports gave this contact phone since then. */
	int anonymousReportsSince(String phone, OffsetDateTime since) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM complaint WHERE contact_phone = :p AND complainant_id IS NULL"
					+ " AND filed_at >= :since")
			.param("p", phone)
			.param("since", since)
			.query(Integer.class)
			.single();
	}

	List<ComplaintAttachment> attachments(UUID complaintId) {
		return this.jdbc
			.sql("SELECT position, file_name, content_type, size_bytes FROM complaint_attachment"
					+ " WHERE complaint_id = :c ORDER BY position")
			.param("c", complaintId)
			.query((rs, n) -> new ComplaintAttachment(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list();
	}

	void insertAttachment(UUID complaintId, int position, String fileName, String contentType, byte[] content,
			OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO complaint_attachment (complaint_id, position, file_name, content_type, size_bytes,"
					+ " content, uploaded_at) VALUES (:c, :p, :n, :t, :s, :b, :now)")
			.param("c", complaintId)
			.param("p", position)
			.param("n", fileName)
			.param("t", contentType)
			.param("s", content.length)
			.param("b", content)
			.param("now", now)
			.update();
	}

	Optional<byte[]> attachmentContent(UUID complaintId, int position) {
		return this.jdbc.sql("SELECT content FROM complaint_attachment WHERE complaint_id = :c AND position = :p")
			.param("c", complaintId)
			.param("p", position)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	Optional<UUID> withKey(UUID complainantId, String key) {
		return this.jdbc.sql("SELECT id FROM complaint WHERE complainant_id = :c AND idempotency_key = :k")
			.param("c", complainantId)
			.param("k", key)
			.query(UUID.class)
			.optional();
	}

	Optional<Stored> find(UUID id, OffsetDateTime now) {
		return this.jdbc.sql(COLUMNS + " WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Stored(view(rs, now), rs.getObject("subject_account_id", UUID.class)))
			.optional();
	}

	Optional<ComplaintStatus> lockStatus(UUID id) {
		return this.jdbc.sql("SELECT status FROM complaint WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(String.class)
			.optional()
			.map(ComplaintStatus::valueOf);
	}

	void assign(UUID id, UUID assigneeId) {
		this.jdbc.sql("UPDATE complaint SET status = 'ASSIGNED', assignee_id = :a WHERE id = :id")
			.param("a", assigneeId)
			.param("id", id)
			.update();
	}

	void changeStatus(UUID id, ComplaintStatus status) {
		this.jdbc.sql("UPDATE complaint SET status = :s WHERE id = :id")
			.param("s", status.name())
			.param("id", id)
			.update();
	}

	void resolve(UUID id, ComplaintOutcome outcome, String note, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE complaint SET status = 'RESOLVED', outcome = :o, resolution_note = :n, resolved_at = :t"
					+ " WHERE id = :id")
			.param("o", outcome.name())
			.param("n", note)
			.param("t", now)
			.param("id", id)
			.update();
	}

	void insertStep(UUID complaintId, ComplaintStatus status, String note, UUID actorId, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO complaint_event (id, complaint_id, status, note, actor_id, occurred_at) VALUES"
					+ " (:id, :c, :s, :n, :a, :t)")
			.param("id", Ids.newId())
			.param("c", complaintId)
			.param("s", status.name())
			.param("n", note)
			.param("a", actorId)
			.param("t", now)
			.update();
	}

	List<ComplaintStep> steps(UUID complaintId) {
		return this.jdbc
			.sql("SELECT status, note, occurred_at FROM complaint_event WHERE complaint_id = :c ORDER BY occurred_at,"
					+ " status")
			.param("c", complaintId)
			.query((rs, n) -> new ComplaintStep(ComplaintStatus.valueOf(rs.getString(1)), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class)))
			.list();
	}

	PageResult<ComplaintView> ofComplainant(UUID complainantId, PageQuery page, OffsetDateTime now) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM complaint WHERE complainant_id = :c")
			.param("c", complainantId)
			.query(Long.class)
			.single();
		List<ComplaintView> items = this.jdbc
			.sql(COLUMNS + " WHERE complainant_id = :c ORDER BY filed_at DESC, id LIMIT :size OFFSET :offset" + "")
			.param("c", complainantId)
			.param("offset", page.offset())
			.param("size", page.size())
			.query((rs, n) -> view(rs, now))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	PageResult<ComplaintView> ofRegion(String prefix, ComplaintStatus status, boolean overdueOnly, PageQuery page,
			OffsetDateTime now) {
		String where = " WHERE region_code LIKE :prefix" + ((status != null) ? " AND status = :status" : "")
				+ (overdueOnly ? " AND status <> 'RESOLVED' AND deadline < :now" : "");
		long total = bind(this.jdbc.sql("SELECT COUNT(*) FROM complaint" + where), prefix, status, overdueOnly, now)
			.query(Long.class)
			.single();
		List<ComplaintView> items = bind(this.jdbc
			.sql(COLUMNS + where + " ORDER BY CASE WHEN status = 'RESOLVED' THEN 1 ELSE 0 END, deadline, id"
					+ " LIMIT :size OFFSET :offset"),
				prefix, status, overdueOnly, now)
			.param("offset", page.offset())
			.param("size", page.size())
			.query((rs, n) -> view(rs, now))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, String prefix, ComplaintStatus status,
			boolean overdueOnly, OffsetDateTime now) {
		spec = spec.param("prefix", prefix + "%");
		if (status != null) {
			spec = spec.param("status", status.name());
		}
		if (overdueOnly) {
			spec = spec.param("now", now);
		}
		return spec;
	}

	/** Open complaints past their deadline whose operators were not told yet. */
	List<UUID> overdueNotNotified(OffsetDateTime now) {
		return this.jdbc
			.sql("SELECT id FROM complaint WHERE status <> 'RESOLVED' AND deadline < :now AND overdue_notified_at IS"
					+ " NULL ORDER BY deadline")
			.param("now", now)
			.query(UUID.class)
			.list();
	}

	/** Marks the complaint as told overdue; false when another instance did already. */
	boolean markOverdueNotified(UUID id, OffsetDateTime now) {
		return this.jdbc
			.sql("UPDATE complaint SET overdue_notified_at = :now WHERE id = :id AND overdue_notified_at IS NULL")
			.param("now", now)
			.param("id", id)
			.update() == 1;
	}

	/** The regions an account operates. */
	List<String> operatorScopes(UUID accountId) {
		return this.jdbc.sql("SELECT scope FROM account_grant WHERE account_id = :a AND role = 'OPERATOR'")
			.param("a", accountId)
			.query(String.class)
			.list();
	}

	private static ComplaintView view(ResultSet rs, OffsetDateTime now) throws SQLException {
		String outcome = rs.getString("outcome");
		ComplaintStatus status = ComplaintStatus.valueOf(rs.getString("status"));
		OffsetDateTime deadline = rs.getObject("deadline", OffsetDateTime.class);
		return new ComplaintView(rs.getObject("id", UUID.class),
				ComplaintSubjectType.valueOf(rs.getString("subject_type")), rs.getObject("subject_id", UUID.class),
				rs.getString("subject_name"), rs.getString("region_code"),
				ComplaintCategory.valueOf(rs.getString("category")), rs.getString("description"), status,
				(outcome != null) ? ComplaintOutcome.valueOf(outcome) : null, rs.getString("resolution_note"),
				rs.getObject("filed_at", OffsetDateTime.class), deadline,
				status != ComplaintStatus.RESOLVED && deadline.isBefore(now), rs.getObject("assignee_id", UUID.class),
				rs.getObject("complainant_id", UUID.class), rs.getString("contact_name"), rs.getString("contact_phone"),
				List.of(), List.of(), null);
	}

}
