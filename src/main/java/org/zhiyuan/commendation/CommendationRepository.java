package org.zhiyuan.commendation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The commendation tables. */
@Repository
class CommendationRepository {

	private static final String CAMPAIGN = "SELECT id, region_code, title, kind, nominations_until, notice_days,"
			+ " notice_starts_at, notice_ends_at, awarded_at, created_at FROM commendation";

	private static final String NOMINATION = "SELECT n.id, n.commendation_id, c.kind, n.nominee_id, n.public_name,"
			+ " n.organization_id, n.reason, n.status, n.nominated_at, n.review_note, (SELECT COUNT(*) FROM"
			+ " commendation_objection o WHERE o.nomination_id = n.id AND o.status = 'OPEN') AS open_objections"
			+ " FROM commendation_nomination n JOIN commendation c ON c.id = n.commendation_id";

	private static final String OBJECTION = "SELECT o.id, o.nomination_id, n.public_name, o.reason, o.status,"
			+ " o.raised_at, o.note, o.answered_at FROM commendation_objection o"
			+ " JOIN commendation_nomination n ON n.id = o.nomination_id";

	private static final String AWARD = "SELECT id, commendation_id, title, region_code, kind, public_name,"
			+ " nominee_id, awarded_at FROM commendation_award";

	private final JdbcClient jdbc;

	CommendationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// campaigns

	void insertCampaign(UUID id, String regionCode, String title, CommendationKind kind,
			OffsetDateTime nominationsUntil, int noticeDays, UUID createdBy, String idempotencyKey,
			OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO commendation (id, region_code, title, kind, nominations_until, notice_days, created_by,"
					+ " idempotency_key, created_at) VALUES (:id, :region, :title, :kind, :until, :days, :by, :key,"
					+ " :now)")
			.param("id", id)
			.param("region", regionCode)
			.param("title", title)
			.param("kind", kind.name())
			.param("until", nominationsUntil)
			.param("days", noticeDays)
			.param("by", createdBy)
			.param("key", idempotencyKey)
			.param("now", now)
			.update();
	}

	Optional<CommendationView> campaign(UUID id, OffsetDateTime now) {
		return this.jdbc.sql(CAMPAIGN + " WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> campaignRow(rs, now))
			.optional();
	}

	Optional<UUID> campaignWithKey(UUID createdBy, String idempotencyKey) {
		return this.jdbc.sql("SELECT id FROM commendation WHERE created_by = :by AND idempotency_key = :key")
			.param("by", createdBy)
			.param("key", idempotencyKey)
			.query(UUID.class)
			.optional();
	}

	/** Locks the campaign's row for a change of its state. */
	void lockCampaign(UUID id) {
		this.jdbc.sql("SELECT id FROM commendation WHERE id = :id FOR UPDATE").param("id", id).query(UUID.class).list();
	}

	PageResult<CommendationView> campaignsWithin(String prefix, PageQuery page, OffsetDateTime now) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM commendation WHERE region_code LIKE :prefix")
			.param("prefix", prefix + "%")
			.query(Long.class)
			.single();
		List<CommendationView> items = this.jdbc
			.sql(CAMPAIGN + " WHERE region_code LIKE :prefix ORDER BY created_at DESC, id"
					+ " LIMIT :limit OFFSET :offset")
			.param("prefix", prefix + "%")
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, row) -> campaignRow(rs, now))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** Campaigns within the regions that take nominations now, newest first. */
	List<CommendationView> openCampaignsWithin(List<String> prefixes, OffsetDateTime now) {
		if (prefixes.isEmpty()) {
			return List.of();
		}
		StringBuilder where = new StringBuilder();
		for (int i = 0; i < prefixes.size(); i++) {
			where.append((i == 0) ? "" : " OR ").append("region_code LIKE :p").append(i);
		}
		JdbcClient.StatementSpec spec = this.jdbc
			.sql(CAMPAIGN + " WHERE notice_starts_at IS NULL AND" + " nominations_until > :now AND (" + where
					+ ") ORDER BY created_at DESC LIMIT 50")
			.param("now", now);
		for (int i = 0; i < prefixes.size(); i++) {
			spec = spec.param("p" + i, prefixes.get(i) + "%");
		}
		return spec.query((rs, row) -> campaignRow(rs, now)).list();
	}

	void openNotice(UUID id, OffsetDateTime startsAt, OffsetDateTime endsAt) {
		this.jdbc.sql("UPDATE commendation SET notice_starts_at = :starts, notice_ends_at = :ends WHERE id = :id")
			.param("id", id)
			.param("starts", startsAt)
			.param("ends", endsAt)
			.update();
	}

	void markAwarded(UUID id, OffsetDateTime now) {
		this.jdbc.sql("UPDATE commendation SET awarded_at = :now WHERE id = :id")
			.param("id", id)
			.param("now", now)
			.update();
	}

	// nominations

	void insertNomination(UUID id, UUID commendationId, UUID nomineeId, String publicName, String nomineeRegion,
			UUID organizationId, String reason, NominationStatus status, UUID nominatedBy, String idempotencyKey,
			OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO commendation_nomination (id, commendation_id, nominee_id, public_name, nominee_region,"
					+ " organization_id, reason, status, nominated_by, idempotency_key, nominated_at) VALUES (:id,"
					+ " :campaign, :nominee, :name, :region, :org, :reason, :status, :by, :key, :now)")
			.param("id", id)
			.param("campaign", commendationId)
			.param("nominee", nomineeId)
			.param("name", publicName)
			.param("region", nomineeRegion)
			.param("org", organizationId)
			.param("reason", reason)
			.param("status", status.name())
			.param("by", nominatedBy)
			.param("key", idempotencyKey)
			.param("now", now)
			.update();
	}

	Optional<NominationView> nomination(UUID id) {
		return this.jdbc.sql(NOMINATION + " WHERE n.id = :id").param("id", id).query(this::nominationRow).optional();
	}

	Optional<UUID> nominationWithKey(UUID nominatedBy, String idempotencyKey) {
		return this.jdbc
			.sql("SELECT id FROM commendation_nomination WHERE nominated_by = :by AND idempotency_key = :key")
			.param("by", nominatedBy)
			.param("key", idempotencyKey)
			.query(UUID.class)
			.optional();
	}

	boolean nominated(UUID commendationId, UUID nomineeId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM commendation_nomination WHERE commendation_id = :c AND nominee_id = :n")
			.param("c", commendationId)
			.param("n", nomineeId)
			.query(Long.class)
			.single() > 0;
	}

	/** The campaign's nominations, of the organizations given or of all when null. */
	List<NominationView> nominationsOf(UUID commendationId, List<UUID> organizationsOrNull) {
		if (organizationsOrNull != null && organizationsOrNull.isEmpty()) {
			return List.of();
		}
		String sql = NOMINATION + " WHERE n.commendation_id = :c"
				+ ((organizationsOrNull != null) ? " AND n.organization_id IN (:orgs)" : "")
				+ " ORDER BY n.nominated_at, n.id";
		JdbcClient.StatementSpec spec = this.jdbc.sql(sql).param("c", commendationId);
		if (organizationsOrNull != null) {
			spec = spec.param("orgs", organizationsOrNull);
		}
		return spec.query(this::nominationRow).list();
	}

	long countNominations(UUID commendationId, NominationStatus status) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM commendation_nomination WHERE commendation_id = :c AND status = :status")
			.param("c", commendationId)
			.param("status", status.name())
			.query(Long.class)
			.single();
	}

	void review(UUID id, NominationStatus status, UUID reviewer, String note, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE commendation_nomination SET status = :status, reviewed_by = :by, reviewed_at = :now,"
					+ " review_note = :note WHERE id = :id")
			.param("id", id)
			.param("status", status.name())
			.param("by", reviewer)
			.param("now", now)
			.param("note", note)
			.update();
	}

	void changeStatus(UUID id, NominationStatus status) {
		this.jdbc.sql("UPDATE commendation_nomination SET status = :status WHERE id = :id")
			.param("id", id)
			.param("status", status.name())
			.update();
	}

	// objections

	void insertObjection(UUID id, UUID nominationId, UUID raisedBy, String reason, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO commendation_objection (id, nomination_id, raised_by, reason, raised_at, status)"
					+ " VALUES (:id, :nomination, :by, :reason, :now, 'OPEN')")
			.param("id", id)
			.param("nomination", nominationId)
			.param("by", raisedBy)
			.param("reason", reason)
			.param("now", now)
			.update();
	}

	Optional<ObjectionView> objection(UUID id) {
		return this.jdbc.sql(OBJECTION + " WHERE o.id = :id").param("id", id).query(this::objectionRow).optional();
	}

	List<ObjectionView> objectionsOf(UUID commendationId) {
		return this.jdbc.sql(OBJECTION + " WHERE n.commendation_id = :c ORDER BY o.raised_at, o.id")
			.param("c", commendationId)
			.query(this::objectionRow)
			.list();
	}

	long openObjections(UUID commendationId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM commendation_objection o JOIN commendation_nomination n"
					+ " ON n.id = o.nomination_id WHERE n.commendation_id = :c AND o.status = 'OPEN'")
			.param("c", commendationId)
			.query(Long.class)
			.single();
	}

	void answer(UUID id, ObjectionStatus status, UUID answeredBy, String note, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE commendation_objection SET status = :status, answered_by = :by, answered_at = :now,"
					+ " note = :note WHERE id = :id")
			.param("id", id)
			.param("status", status.name())
			.param("by", answeredBy)
			.param("now", now)
			.param("note", note)
			.update();
	}

	// awards

	/** Awards every approved nominee of the campaign, in one statement. */
	int award(CommendationView campaign, OffsetDateTime now) {
		List<UUID> approved = this.jdbc
			.sql("SELECT id FROM commendation_nomination WHERE commendation_id = :c AND status = 'APPROVED'"
					+ " ORDER BY nominated_at, id")
			.param("c", campaign.id())
			.query(UUID.class)
			.list();
		for (UUID nomination : approved) {
			this.jdbc
				.sql("INSERT INTO commendation_award (id, commendation_id, nomination_id, kind, nominee_id,"
						+ " public_name, nominee_region, organization_id, region_code, title, awarded_at)"
						+ " SELECT :id, n.commendation_id, n.id, :kind, n.nominee_id, n.public_name, n.nominee_region,"
						+ " n.organization_id, :region, :title, :now FROM commendation_nomination n WHERE n.id = :n")
				.param("id", org.zhiyuan.shared.Ids.newId())
				.param("kind", campaign.kind().name())
				.param("region", campaign.regionCode())
				.param("title", campaign.title())
				.param("now", now)
				.param("n", nomination)
				.update();
		}
		this.jdbc
			.sql("UPDATE commendation_nomination SET status = 'AWARDED' WHERE commendation_id = :c"
					+ " AND status = 'APPROVED'")
			.param("c", campaign.id())
			.update();
		return approved.size();
	}

	List<AwardView> awardsOfCampaign(UUID commendationId) {
		return this.jdbc.sql(AWARD + " WHERE commendation_id = :c ORDER BY awarded_at, id")
			.param("c", commendationId)
			.query(this::awardRow)
			.list();
	}

	/** Awards given in the region or below, or to those of the region or below. */
	List<AwardView> awardsWithin(String prefix, int limit) {
		return this.jdbc
			.sql(AWARD + " WHERE region_code LIKE :prefix OR nominee_region LIKE :prefix"
					+ " ORDER BY awarded_at DESC, id LIMIT :limit")
			.param("prefix", prefix + "%")
			.param("limit", limit)
			.query(this::awardRow)
			.list();
	}

	List<AwardView> awardsOf(UUID nomineeId) {
		return this.jdbc.sql(AWARD + " WHERE nominee_id = :n ORDER BY awarded_at DESC, id")
			.param("n", nomineeId)
			.query(this::awardRow)
			.list();
	}

	/** The awards of an organization and of its projects. */
	List<AwardView> awardsOfOrganization(UUID organizationId) {
		return this.jdbc
			.sql(AWARD + " WHERE kind IN ('ORGANIZATION', 'PROJECT') AND organization_id = :o"
					+ " ORDER BY awarded_at DESC, id")
			.param("o", organizationId)
			.query(this::awardRow)
			.list();
	}

	private CommendationView campaignRow(ResultSet rs, OffsetDateTime now) throws SQLException {
		OffsetDateTime until = rs.getObject("nominations_until", OffsetDateTime.class);
		OffsetDateTime starts = rs.getObject("notice_starts_at", OffsetDateTime.class);
		OffsetDateTime ends = rs.getObject("notice_ends_at", OffsetDateTime.class);
		OffsetDateTime awarded = rs.getObject("awarded_at", OffsetDateTime.class);
		CommendationStage stage;
		if (awarded != null) {
			stage = CommendationStage.AWARDED;
		}
		else if (starts != null) {
			stage = ends.isAfter(now) ? CommendationStage.IN_NOTICE : CommendationStage.NOTICE_ENDED;
		}
		else {
			stage = until.isAfter(now) ? CommendationStage.NOMINATIONS : CommendationStage.REVIEW;
		}
		return new CommendationView(rs.getObject("id", UUID.class), rs.getString("region_code"), rs.getString("title"),
				CommendationKind.valueOf(rs.getString("kind")), until, rs.getInt("notice_days"), starts, ends, awarded,
				stage, rs.getObject("created_at", OffsetDateTime.class));
	}

	private NominationView nominationRow(ResultSet rs, int row) throws SQLException {
		return new NominationView(rs.getObject("id", UUID.class), rs.getObject("commendation_id", UUID.class),
				CommendationKind.valueOf(rs.getString("kind")), rs.getObject("nominee_id", UUID.class),
				rs.getString("public_name"), rs.getObject("organization_id", UUID.class), rs.getString("reason"),
				NominationStatus.valueOf(rs.getString("status")), rs.getObject("nominated_at", OffsetDateTime.class),
				rs.getString("review_note"), rs.getInt("open_objections"));
	}

	private ObjectionView objectionRow(ResultSet rs, int row) throws SQLException {
		return new ObjectionView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				rs.getString(4), ObjectionStatus.valueOf(rs.getString(5)), rs.getObject(6, OffsetDateTime.class),
				rs.getString(7), rs.getObject(8, OffsetDateTime.class));
	}

	private AwardView awardRow(ResultSet rs, int row) throws SQLException {
		CommendationKind kind = CommendationKind.valueOf(rs.getString("kind"));
		return new AwardView(rs.getObject("id", UUID.class), rs.getObject("commendation_id", UUID.class),
				rs.getString("title"), rs.getString("region_code"), kind, rs.getString("public_name"),
				(kind == CommendationKind.VOLUNTEER) ? null : rs.getObject("nominee_id", UUID.class),
				rs.getObject("awarded_at", OffsetDateTime.class));
	}

}
