package org.zhiyuan.record;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ServiceField;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ServiceRecordRepository {

	private static final String VIEW = "SELECT r.id, r.volunteer_id, r.activity_id, a.title, r.organization_id,"
			+ " o.name AS organization_name, r.place, r.content, r.started_at, r.ended_at, r.hours,"
			+ " r.effective_hours, r.method, r.recorded_by, r.recorded_at, r.flags, r.review, CASE WHEN EXISTS (SELECT 1 FROM"
			+ " record_amendment m WHERE m.volunteer_id = r.volunteer_id AND m.record_id = r.id AND m.status ="
			+ " 'APPROVED') THEN 'AMENDED' ELSE"
			+ " 'ORIGINAL' END AS record_status FROM service_record r JOIN activity a ON a.id = r.activity_id"
			+ " JOIN organization o ON o.id = r.organization_id";

	private static final String CHAIN = "SELECT id, volunteer_id, activity_id, organization_id, started_at,"
			+ " ended_at, hours, effective_hours, method, recorded_by, sequence, prev_hash, hash, flags, held, review,"
			+ " volunteer_region_code FROM service_record";

	private static final String COUNTED = " IN ('NONE', 'FLAGGED', 'CONFIRMED')";

	private static final String FLAGGED = "SELECT r.id, v.name AS volunteer_name, v.volunteer_number, r.reason FROM"
			+ " service_record r JOIN volunteer v ON v.id = r.volunteer_id JOIN organization o ON o.id ="
			+ " r.organization_id";

	private static final String AMENDMENT = "SELECT m.id, m.record_id, r.volunteer_id, a.title, r.hours AS"
			+ " original_hours, m.started_at, m.ended_at, m.hours, m.reason, m.status, m.requested_by,"
			+ " m.requested_at, m.decided_by, m.decided_at, m.decision_note, m.amendment_hash, r.hash AS"
			+ " record_hash FROM record_amendment m JOIN service_record r ON r.volunteer_id = m.volunteer_id AND r.id ="
			+ " m.record_id JOIN activity a ON a.id = r.activity_id";

	private final JdbcClient jdbc;

	ServiceRecordRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the volunteer's row: the head of their chain, so that records and totals of
	 * one volunteer are written one at a time.
	 */
	boolean lockVolunteer(UUID volunteerId) {
		return this.jdbc.sql("SELECT volunteer_id FROM volunteer_standing WHERE volunteer_id = :id FOR UPDATE")
			.param("id", volunteerId)
			.query(UUID.class)
			.optional()
			.isPresent();
	}

	/**
	 * Locks the volunteer's row as {@link #lockVolunteer} does, and gives the region they
	 * live in now, their total hours and their star level.
	 */
	Optional<LockedVolunteer> lockVolunteerTotals(UUID volunteerId) {
		// the standing alone, by its key: one shard on a Citus cluster, where a lock
		// cannot span a join with the profile's copy
		return this.jdbc
			.sql("SELECT total_hours, star_level FROM volunteer_standing WHERE volunteer_id = :id FOR UPDATE")
			.param("id", volunteerId)
			.query((rs, n) -> Map.entry(hours(rs, "total_hours"), rs.getInt(2)))
			.optional()
			.map((standing) -> new LockedVolunteer(this.jdbc.sql("SELECT region_code FROM volunteer WHERE id = :id")
				.param("id", volunteerId)
				.query(String.class)
				.single(), standing.getKey(), standing.getValue()));
	}

	/** The last link of the volunteer's chain, if any. */
	Optional<ChainRow> head(UUID volunteerId) {
		return this.jdbc.sql(CHAIN + " WHERE volunteer_id = :volunteer ORDER BY sequence DESC LIMIT 1")
			.param("volunteer", volunteerId)
			.query(ServiceRecordRepository::chainRow)
			.optional();
	}

	Optional<UUID> findByIdempotencyKey(UUID recordedBy, String key) {
		return this.jdbc.sql("SELECT id FROM service_record WHERE recorded_by = :by AND idempotency_key = :key")
			.param("by", recordedBy)
			.param("key", key)
			.query(UUID.class)
			.optional();
	}

	void insert(NewRow row) {
		this.jdbc
			.sql("INSERT INTO service_record (id, volunteer_id, activity_id, organization_id, place, content,"
					+ " started_at, ended_at, hours, effective_hours, method, recorded_by, reason, recorded_at,"
					+ " sequence, prev_hash, hash, idempotency_key, flags, held, review, volunteer_region_code) VALUES"
					+ " (:id, :volunteer, :activity, :organization, :place, :content, :started, :ended, :hours, :hours,"
					+ " :method, :by, :reason, :at, :sequence, :prev, :hash, :key, :flags, :held, :review, :region)")
			.param("id", row.id())
			.param("volunteer", row.volunteerId())
			.param("activity", row.activityId())
			.param("organization", row.organizationId())
			.param("place", row.place())
			.param("content", row.content())
			.param("started", row.startedAt())
			.param("ended", row.endedAt())
			.param("hours", row.hours())
			.param("method", row.method().name())
			.param("by", row.recordedBy())
			.param("reason", row.reason())
			.param("at", row.recordedAt())
			.param("sequence", row.sequence())
			.param("prev", row.prevHash())
			.param("hash", row.hash())
			.param("key", row.idempotencyKey())
			.param("flags", RecordHashes.flagsText(row.flags()))
			.param("held", row.held())
			.param("review", RecordReview.initial(row.held(), row.flags()).name())
			.param("region", row.volunteerRegionCode())
			.update();
	}

	Optional<ServiceRecordView> view(UUID id) {
		return this.jdbc.sql(VIEW + " WHERE r.id = :id")
			.param("id", id)
			.query(ServiceRecordRepository::view)
			.optional();
	}

	PageResult<ServiceRecordView> ofVolunteer(UUID volunteerId, PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM service_record WHERE volunteer_id = :volunteer")
			.param("volunteer", volunteerId)
			.query(Long.class)
			.single();
		List<ServiceRecordView> items = this.jdbc
			.sql(VIEW + " WHERE r.volunteer_id = :volunteer ORDER BY r.started_at DESC, r.sequence DESC"
					+ " LIMIT :limit OFFSET :offset")
			.param("volunteer", volunteerId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(ServiceRecordRepository::view)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** The organization's counted records, the newest service first. */
	PageResult<ServiceRecordView> countedOfOrganization(UUID organizationId, PageQuery page) {
		long total = this.jdbc
			.sql("SELECT COUNT(*) FROM service_record WHERE organization_id = :organization AND review" + COUNTED)
			.param("organization", organizationId)
			.query(Long.class)
			.single();
		List<ServiceRecordView> items = this.jdbc
			.sql(VIEW + " WHERE r.organization_id = :organization AND r.review" + COUNTED
					+ " ORDER BY r.started_at DESC, r.id LIMIT :limit OFFSET :offset")
			.param("organization", organizationId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(ServiceRecordRepository::view)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	List<ServiceRecordView> inPeriod(UUID volunteerId, OffsetDateTime from, OffsetDateTime until) {
		return this.jdbc
			.sql(VIEW + " WHERE r.volunteer_id = :volunteer AND r.started_at >= :from AND r.started_at < :until"
					+ " AND r.review" + COUNTED + " ORDER BY r.started_at, r.sequence")
			.param("volunteer", volunteerId)
			.param("from", from)
			.param("until", until)
			.query(ServiceRecordRepository::view)
			.list();
	}

	/** The effective hours of every counted record of the platform. */
	BigDecimal countedHours() {
		return this.jdbc.sql("SELECT COALESCE(SUM(effective_hours), 0) FROM service_record WHERE review" + COUNTED)
			.query(BigDecimal.class)
			.single();
	}

	/** How many of the volunteer's records count (not held back by a review). */
	int countedServicesOf(UUID volunteerId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM service_record WHERE volunteer_id = :volunteer AND review" + COUNTED)
			.param("volunteer", volunteerId)
			.query(Integer.class)
			.single();
	}

	/**
	 * The volunteer's counted records by the field of their activity and by organization.
	 */
	ServicePast.Summary pastServiceOf(UUID volunteerId) {
		Map<ServiceField, Integer> byField = new EnumMap<>(ServiceField.class);
		Map<UUID, Integer> byOrganization = new HashMap<>();
		this.jdbc
			.sql("SELECT a.field, r.organization_id, COUNT(*) FROM service_record r JOIN activity a ON a.id ="
					+ " r.activity_id WHERE r.volunteer_id = :volunteer AND r.review" + COUNTED
					+ " GROUP BY a.field, r.organization_id")
			.param("volunteer", volunteerId)
			.query((java.sql.ResultSet rs) -> {
				int count = rs.getInt(3);
				byField.merge(ServiceField.valueOf(rs.getString(1)), count, Integer::sum);
				byOrganization.merge(rs.getObject(2, UUID.class), count, Integer::sum);
			});
		return new ServicePast.Summary(byField, byOrganization);
	}

	BigDecimal totalOf(UUID volunteerId) {
		return this.jdbc
			.sql("SELECT COALESCE(SUM(effective_hours), 0) FROM service_record WHERE volunteer_id = :volunteer"
					+ " AND review" + COUNTED)
			.param("volunteer", volunteerId)
			.query(BigDecimal.class)
			.single();
	}

	/**
	 * The volunteer's counted records whose time overlaps the given span (touching ends
	 * do not overlap), except one. A record lasts at most a day, so only those that
	 * started within a day before the span are looked at.
	 */
	List<RecordConflict> overlapping(UUID volunteerId, OffsetDateTime from, OffsetDateTime until, UUID except) {
		return this.jdbc
			.sql("SELECT r.id, r.activity_id, a.title, r.started_at, r.ended_at FROM service_record r JOIN activity a"
					+ " ON a.id = r.activity_id WHERE r.volunteer_id = :volunteer AND r.started_at < :until AND"
					+ " r.started_at > :earliest AND r.ended_at > :from AND r.review" + COUNTED
					+ (except != null ? " AND r.id <> :except" : "") + " ORDER BY r.started_at, r.sequence LIMIT 20")
			.param("volunteer", volunteerId)
			.param("from", from)
			.param("until", until)
			.param("earliest", from.minusHours(25))
			.param("except", except)
			.query((rs, n) -> new RecordConflict(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class)))
			.list();
	}

	/**
	 * The effective hours of the volunteer's counted records that started in the span.
	 */
	BigDecimal countedBetween(UUID volunteerId, OffsetDateTime from, OffsetDateTime until) {
		return this.jdbc
			.sql("SELECT COALESCE(SUM(effective_hours), 0) FROM service_record WHERE volunteer_id = :volunteer"
					+ " AND started_at >= :from AND started_at < :until AND review" + COUNTED)
			.param("volunteer", volunteerId)
			.param("from", from)
			.param("until", until)
			.query(BigDecimal.class)
			.single();
	}

	void setReview(UUID recordId, RecordReview review) {
		this.jdbc.sql("UPDATE service_record SET review = :review WHERE id = :id")
			.param("id", recordId)
			.param("review", review.name())
			.update();
	}

	/** A resolution of a record of the volunteer, beside their records. */
	void insertResolution(UUID volunteerId, ResolutionRow row) {
		this.jdbc
			.sql("INSERT INTO record_resolution (id, volunteer_id, record_id, outcome, note, decided_by, decided_at,"
					+ " resolution_hash) VALUES (:id, :volunteer, :record, :outcome, :note, :by, :at, :hash)")
			.param("id", row.id())
			.param("volunteer", volunteerId)
			.param("record", row.recordId())
			.param("outcome", row.outcome().name())
			.param("note", row.note())
			.param("by", row.decidedBy())
			.param("at", row.decidedAt())
			.param("hash", row.hash())
			.update();
	}

	/** The resolutions of the volunteer's records, for verification. */
	List<ResolutionRow> resolutionRowsOfVolunteer(UUID volunteerId) {
		return this.jdbc
			.sql("SELECT s.id, s.record_id, s.outcome, s.note, s.decided_by, s.decided_at, s.resolution_hash FROM"
					+ " record_resolution s WHERE s.volunteer_id = :volunteer")
			.param("volunteer", volunteerId)
			.query((rs, n) -> new ResolutionRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					outcomeOf(rs.getString(3)), rs.getString(4), rs.getObject(5, UUID.class),
					rs.getObject(6, OffsetDateTime.class), rs.getString(7)))
			.list();
	}

	/**
	 * Flagged or held records, in the given reviews, of one organization or of the
	 * organizations within a region prefix; oldest first.
	 */
	PageResult<FlaggedRow> flagged(UUID organizationId, String regionPrefix, Set<RecordReview> reviews,
			PageQuery page) {
		String where = ((organizationId != null) ? " WHERE r.organization_id = :organization"
				: " WHERE o.region_code LIKE :region") + " AND r.review IN (:reviews)";
		List<String> names = reviews.stream().map(RecordReview::name).toList();
		long total = this.jdbc
			.sql("SELECT COUNT(*) FROM service_record r JOIN organization o ON o.id = r.organization_id" + where)
			.param("organization", organizationId)
			.param("region", (regionPrefix != null) ? regionPrefix + "%" : null)
			.param("reviews", names)
			.query(Long.class)
			.single();
		List<FlaggedRow> items = this.jdbc
			.sql(FLAGGED + where + " ORDER BY r.recorded_at, r.id LIMIT :limit OFFSET :offset")
			.param("organization", organizationId)
			.param("region", (regionPrefix != null) ? regionPrefix + "%" : null)
			.param("reviews", names)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new FlaggedRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4)))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** The volunteer's whole chain in order, for verification. */
	List<ChainRow> chainOf(UUID volunteerId) {
		return this.jdbc.sql(CHAIN + " WHERE volunteer_id = :volunteer ORDER BY sequence")
			.param("volunteer", volunteerId)
			.query(ServiceRecordRepository::chainRow)
			.list();
	}

	/** The records of the activity that wait for review (flagged or held). */
	List<UUID> openOfActivity(UUID activityId) {
		return this.jdbc
			.sql("SELECT id FROM service_record WHERE activity_id = :activity AND review IN ('FLAGGED', 'HELD')"
					+ " ORDER BY started_at, id")
			.param("activity", activityId)
			.query(UUID.class)
			.list();
	}

	/**
	 * Locks a record of the volunteer's, by its key and id: a lock by id alone would span
	 * every shard of a Citus cluster, which cannot lock rows across shards.
	 */
	Optional<ChainRow> lockRecord(UUID volunteerId, UUID recordId) {
		return this.jdbc.sql(CHAIN + " WHERE volunteer_id = :volunteer AND id = :id FOR UPDATE")
			.param("volunteer", volunteerId)
			.param("id", recordId)
			.query(ServiceRecordRepository::chainRow)
			.optional();
	}

	Optional<ChainRow> record(UUID recordId) {
		return this.jdbc.sql(CHAIN + " WHERE id = :id")
			.param("id", recordId)
			.query(ServiceRecordRepository::chainRow)
			.optional();
	}

	void setEffectiveHours(UUID recordId, BigDecimal hours) {
		this.jdbc.sql("UPDATE service_record SET effective_hours = :hours WHERE id = :id")
			.param("id", recordId)
			.param("hours", hours)
			.update();
	}

	boolean hasPending(UUID volunteerId, UUID recordId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM record_amendment WHERE volunteer_id = :volunteer AND record_id = :record AND"
					+ " status = 'PENDING'")
			.param("volunteer", volunteerId)
			.param("record", recordId)
			.query(Integer.class)
			.single() > 0;
	}

	/** An amendment of a record of the volunteer, beside their records. */
	void insertAmendment(UUID volunteerId, AmendmentRow row) {
		this.jdbc
			.sql("INSERT INTO record_amendment (id, volunteer_id, record_id, requested_by, started_at, ended_at, hours,"
					+ " reason, status, requested_at, amendment_hash) VALUES (:id, :volunteer, :record, :by, :started,"
					+ " :ended, :hours, :reason, :status, :at, :hash)")
			.param("id", row.id())
			.param("volunteer", volunteerId)
			.param("record", row.recordId())
			.param("by", row.requestedBy())
			.param("started", row.startedAt())
			.param("ended", row.endedAt())
			.param("hours", row.hours())
			.param("reason", row.reason())
			.param("status", row.status().name())
			.param("at", row.requestedAt())
			.param("hash", row.hash())
			.update();
	}

	Optional<AmendmentRow> lockAmendment(UUID volunteerId, UUID id) {
		return this.jdbc
			.sql("SELECT id, record_id, requested_by, started_at, ended_at, hours, reason, status, requested_at,"
					+ " decided_by, decided_at, decision_note, amendment_hash FROM record_amendment WHERE volunteer_id"
					+ " = :volunteer AND id = :id FOR UPDATE")
			.param("volunteer", volunteerId)
			.param("id", id)
			.query(ServiceRecordRepository::amendmentRow)
			.optional();
	}

	Optional<UUID> recordOfAmendment(UUID amendmentId) {
		return this.jdbc.sql("SELECT record_id FROM record_amendment WHERE id = :id")
			.param("id", amendmentId)
			.query(UUID.class)
			.optional();
	}

	void decide(UUID volunteerId, UUID id, AmendmentStatus status, UUID decidedBy, OffsetDateTime decidedAt,
			String note, String hash) {
		this.jdbc
			.sql("UPDATE record_amendment SET status = :status, decided_by = :by, decided_at = :at,"
					+ " decision_note = :note, amendment_hash = :hash WHERE volunteer_id = :volunteer AND id = :id")
			.param("volunteer", volunteerId)
			.param("id", id)
			.param("status", status.name())
			.param("by", decidedBy)
			.param("at", decidedAt)
			.param("note", note)
			.param("hash", hash)
			.update();
	}

	/** Every amendment of the volunteer's records, oldest first, for verification. */
	List<AmendmentRow> amendmentRowsOfVolunteer(UUID volunteerId) {
		return this.jdbc
			.sql("SELECT m.id, m.record_id, m.requested_by, m.started_at, m.ended_at, m.hours, m.reason, m.status,"
					+ " m.requested_at, m.decided_by, m.decided_at, m.decision_note, m.amendment_hash FROM"
					+ " record_amendment m WHERE m.volunteer_id = :volunteer ORDER BY m.requested_at, m.id")
			.param("volunteer", volunteerId)
			.query(ServiceRecordRepository::amendmentRow)
			.list();
	}

	Optional<AmendmentView> amendment(UUID id) {
		return this.jdbc.sql(AMENDMENT + " WHERE m.id = :id")
			.param("id", id)
			.query(ServiceRecordRepository::amendmentView)
			.optional();
	}

	PageResult<AmendmentView> amendmentsOf(UUID recordId, PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM record_amendment WHERE record_id = :record")
			.param("record", recordId)
			.query(Long.class)
			.single();
		List<AmendmentView> items = this.jdbc
			.sql(AMENDMENT + " WHERE m.record_id = :record ORDER BY m.requested_at, m.id LIMIT :limit OFFSET :offset")
			.param("record", recordId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(ServiceRecordRepository::amendmentView)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	List<AmendmentView> amendmentsOfVolunteer(UUID volunteerId) {
		return this.jdbc.sql(AMENDMENT + " WHERE m.volunteer_id = :volunteer ORDER BY m.requested_at DESC, m.id")
			.param("volunteer", volunteerId)
			.query(ServiceRecordRepository::amendmentView)
			.list();
	}

	PageResult<AmendmentView> amendmentsOfOrganization(UUID organizationId, AmendmentStatus status, PageQuery page) {
		String where = " WHERE r.organization_id = :organization" + ((status != null) ? " AND m.status = :status" : "");
		long total = this.jdbc
			.sql("SELECT COUNT(*) FROM record_amendment m JOIN service_record r ON r.volunteer_id = m.volunteer_id AND"
					+ " r.id = m.record_id" + where)
			.param("organization", organizationId)
			.param("status", (status != null) ? status.name() : null)
			.query(Long.class)
			.single();
		List<AmendmentView> items = this.jdbc
			.sql(AMENDMENT + where + " ORDER BY m.requested_at, m.id LIMIT :limit OFFSET :offset")
			.param("organization", organizationId)
			.param("status", (status != null) ? status.name() : null)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(ServiceRecordRepository::amendmentView)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/**
	 * Finished activities that ended before {@code endedBefore}, have approved sign-ups
	 * and no service record: candidates for the overdue list, in the organization or
	 * within the region prefix.
	 */
	PageResult<OverdueActivity> withoutRecords(UUID organizationId, String regionPrefix, OffsetDateTime endedBefore,
			PageQuery page) {
		// no correlated subqueries, so that a Citus cluster runs it too: the approved
		// sign-ups counted by activity on each shard, the activities with records found
		// among the same candidates
		String candidates = " a.status IN ('FINISHED', 'ARCHIVED') AND a.ends_at < :before" + ((organizationId != null)
				? " AND a.organization_id = :organization" : " AND a.region_code LIKE :region");
		String where = " FROM activity a JOIN organization o ON o.id = a.organization_id"
				+ " JOIN (SELECT s.activity_id, COUNT(*) AS approved FROM signup s JOIN activity a ON a.id = s.activity_id"
				+ " WHERE s.status = 'APPROVED' AND" + candidates + " GROUP BY s.activity_id) n ON n.activity_id = a.id"
				+ " WHERE" + candidates + " AND a.id NOT IN (SELECT r.activity_id FROM service_record r"
				+ " JOIN activity a ON a.id = r.activity_id WHERE" + candidates + ")";
		long total = this.jdbc.sql("SELECT COUNT(*)" + where)
			.param("organization", organizationId)
			.param("region", (regionPrefix != null) ? regionPrefix + "%" : null)
			.param("before", endedBefore)
			.query(Long.class)
			.single();
		List<OverdueActivity> items = this.jdbc
			.sql("SELECT a.id, a.title, a.organization_id, o.name AS organization_name, a.ends_at, n.approved" + where
					+ " ORDER BY a.ends_at, a.id LIMIT :limit OFFSET :offset")
			.param("organization", organizationId)
			.param("region", (regionPrefix != null) ? regionPrefix + "%" : null)
			.param("before", endedBefore)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new OverdueActivity(rs.getObject("id", UUID.class), rs.getString("title"),
					rs.getObject("organization_id", UUID.class), rs.getString("organization_name"),
					rs.getObject("ends_at", OffsetDateTime.class), null, rs.getLong("approved")))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** Volunteers of a region and below that have records, with their numbers. */
	List<VolunteerRef> volunteersWithRecords(String regionPrefix, int limit) {
		return this.jdbc
			// grouped by the records' key rather than an EXISTS under the profile: a
			// Citus
			// cluster runs it on each shard
			.sql("SELECT r.volunteer_id AS id, v.volunteer_number FROM service_record r JOIN volunteer v"
					+ " ON v.id = r.volunteer_id WHERE v.region_code LIKE :region GROUP BY r.volunteer_id,"
					+ " v.volunteer_number ORDER BY r.volunteer_id LIMIT :limit")
			.param("region", regionPrefix + "%")
			.param("limit", limit)
			.query((rs, n) -> new VolunteerRef(rs.getObject("id", UUID.class), rs.getString("volunteer_number")))
			.list();
	}

	private static ServiceRecordView view(ResultSet rs, int n) throws SQLException {
		return new ServiceRecordView(rs.getObject("id", UUID.class), rs.getObject("volunteer_id", UUID.class),
				rs.getObject("activity_id", UUID.class), rs.getString("title"),
				rs.getObject("organization_id", UUID.class), rs.getString("organization_name"), rs.getString("place"),
				rs.getString("content"), rs.getObject("started_at", OffsetDateTime.class),
				rs.getObject("ended_at", OffsetDateTime.class), hours(rs, "hours"), hours(rs, "effective_hours"),
				RecordMethod.valueOf(rs.getString("method")), rs.getObject("recorded_by", UUID.class),
				rs.getObject("recorded_at", OffsetDateTime.class), RecordStatus.valueOf(rs.getString("record_status")),
				List.copyOf(RecordHashes.flagsOf(rs.getString("flags"))), reviewOf(rs.getString("review")));
	}

	private static ChainRow chainRow(ResultSet rs, int n) throws SQLException {
		return new ChainRow(rs.getObject("id", UUID.class), rs.getObject("volunteer_id", UUID.class),
				rs.getObject("activity_id", UUID.class), rs.getObject("organization_id", UUID.class),
				rs.getObject("started_at", OffsetDateTime.class), rs.getObject("ended_at", OffsetDateTime.class),
				hours(rs, "hours"), hours(rs, "effective_hours"), RecordMethod.valueOf(rs.getString("method")),
				rs.getObject("recorded_by", UUID.class), rs.getLong("sequence"), rs.getString("prev_hash"),
				rs.getString("hash"), rs.getString("flags"), rs.getBoolean("held"), reviewOf(rs.getString("review")),
				rs.getString("volunteer_region_code"));
	}

	private static AmendmentRow amendmentRow(ResultSet rs, int n) throws SQLException {
		return new AmendmentRow(rs.getObject("id", UUID.class), rs.getObject("record_id", UUID.class),
				rs.getObject("requested_by", UUID.class), rs.getObject("started_at", OffsetDateTime.class),
				rs.getObject("ended_at", OffsetDateTime.class), hours(rs, "hours"), rs.getString("reason"),
				AmendmentStatus.valueOf(rs.getString("status")), rs.getObject("requested_at", OffsetDateTime.class),
				rs.getObject("decided_by", UUID.class), rs.getObject("decided_at", OffsetDateTime.class),
				rs.getString("decision_note"), rs.getString("amendment_hash"));
	}

	private static AmendmentView amendmentView(ResultSet rs, int n) throws SQLException {
		return new AmendmentView(rs.getObject("id", UUID.class), rs.getObject("record_id", UUID.class),
				rs.getObject("volunteer_id", UUID.class), rs.getString("title"), hours(rs, "original_hours"),
				rs.getObject("started_at", OffsetDateTime.class), rs.getObject("ended_at", OffsetDateTime.class),
				hours(rs, "hours"), rs.getString("reason"), AmendmentStatus.valueOf(rs.getString("status")),
				rs.getObject("requested_by", UUID.class), rs.getObject("requested_at", OffsetDateTime.class),
				rs.getObject("decided_by", UUID.class), rs.getObject("decided_at", OffsetDateTime.class),
				rs.getString("decision_note"));
	}

	/** A review as stored; a value no one could have written reads as held. */
	private static RecordReview reviewOf(String name) {
		for (RecordReview review : RecordReview.values()) {
			if (review.name().equals(name)) {
				return review;
			}
		}
		return RecordReview.HELD;
	}

	private static RecordOutcome outcomeOf(String name) {
		for (RecordOutcome outcome : RecordOutcome.values()) {
			if (outcome.name().equals(name)) {
				return outcome;
			}
		}
		return null;
	}

	private static BigDecimal hours(ResultSet rs, String column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return (value != null) ? value.setScale(2, java.math.RoundingMode.HALF_UP) : null;
	}

	/**
	 * A record as the chain needs it; its flags as stored, so that verification sees any
	 * text that was written to them. {@code volunteerRegionCode}, where the record
	 * counts, is not part of the chain.
	 */
	record ChainRow(UUID id, UUID volunteerId, UUID activityId, UUID organizationId, OffsetDateTime startedAt,
			OffsetDateTime endedAt, BigDecimal hours, BigDecimal effectiveHours, RecordMethod method, UUID recordedBy,
			long sequence, String prevHash, String hash, String flagsText, boolean held, RecordReview review,
			String volunteerRegionCode) {

		Set<RecordFlag> flags() {
			return RecordHashes.flagsOf(this.flagsText);
		}

	}

	/**
	 * A record to insert, with the region the volunteer lives in as it is written.
	 */
	/** A volunteer's row as locked before a record is appended. */
	record LockedVolunteer(String regionCode, BigDecimal totalHours, int starLevel) {

	}

	record NewRow(UUID id, UUID volunteerId, UUID activityId, UUID organizationId, String place, String content,
			OffsetDateTime startedAt, OffsetDateTime endedAt, BigDecimal hours, RecordMethod method, UUID recordedBy,
			String reason, OffsetDateTime recordedAt, long sequence, String prevHash, String hash,
			String idempotencyKey, Set<RecordFlag> flags, boolean held, String volunteerRegionCode) {

	}

	/** A resolution as stored; its outcome is null when the stored text is no outcome. */
	record ResolutionRow(UUID id, UUID recordId, RecordOutcome outcome, String note, UUID decidedBy,
			OffsetDateTime decidedAt, String hash) {

	}

	/** A flagged record's id with what the reviewer sees besides the record. */
	record FlaggedRow(UUID id, String volunteerName, String volunteerNumber, String reason) {

	}

	/** An amendment as stored. */
	record AmendmentRow(UUID id, UUID recordId, UUID requestedBy, OffsetDateTime startedAt, OffsetDateTime endedAt,
			BigDecimal hours, String reason, AmendmentStatus status, OffsetDateTime requestedAt, UUID decidedBy,
			OffsetDateTime decidedAt, String decisionNote, String hash) {

	}

	/** A volunteer whose chain is to be checked. */
	record VolunteerRef(UUID id, String volunteerNumber) {

	}

}
