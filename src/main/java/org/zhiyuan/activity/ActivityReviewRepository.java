package org.zhiyuan.activity;

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

@Repository
class ActivityReviewRepository {

	private static final String COLUMNS = "r.id, r.activity_id, r.backfill, r.submitted_by, r.submitted_at,"
			+ " r.decision, r.reason, r.decided_at";

	/** Activities waiting for their operators, and their open review. */
	private static final String WAITING = " FROM activity_review r JOIN activity a ON a.id = r.activity_id"
			+ " WHERE r.decision IS NULL AND a.status = 'PENDING_REVIEW' AND a.region_code LIKE :region";

	private final JdbcClient jdbc;

	ActivityReviewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID activityId, boolean backfill, UUID submittedBy, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO activity_review (id, activity_id, backfill, submitted_by, submitted_at)"
					+ " VALUES (:id, :activity, :backfill, :by, :now)")
			.param("id", id)
			.param("activity", activityId)
			.param("backfill", backfill)
			.param("by", submittedBy)
			.param("now", now)
			.update();
	}

	/** The latest sending of the activity, decided or not. */
	Optional<Row> latest(UUID activityId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM activity_review r WHERE r.activity_id = :activity"
					+ " ORDER BY r.submitted_at DESC, r.id DESC LIMIT 1")
			.param("activity", activityId)
			.query(this::row)
			.optional();
	}

	/**
	 * Records the decision once: {@code false} when it was decided already. The review is
	 * named by its activity and id (on a Citus cluster, the activity's shard).
	 */
	boolean decide(UUID activityId, UUID reviewId, ReviewDecision decision, String reason, UUID by,
			OffsetDateTime now) {
		return this.jdbc
			.sql("UPDATE activity_review SET decision = :decision, reason = :reason, decided_by = :by,"
					+ " decided_at = :now WHERE activity_id = :activity AND id = :id AND decision IS NULL")
			.param("activity", activityId)
			.param("id", reviewId)
			.param("decision", decision.name())
			.param("reason", reason)
			.param("by", by)
			.param("now", now)
			.update() == 1;
	}

	/** The waiting activities within the region prefix, the longest waiting first. */
	PageResult<Row> waiting(String regionPrefix, PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*)" + WAITING)
			.param("region", regionPrefix + "%")
			.query(Long.class)
			.single();
		List<Row> rows = this.jdbc
			.sql("SELECT " + COLUMNS + WAITING + " ORDER BY r.submitted_at, r.id LIMIT :limit OFFSET :offset")
			.param("region", regionPrefix + "%")
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::row)
			.list();
		return new PageResult<>(rows, page.page(), page.size(), total);
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		String decision = rs.getString("decision");
		return new Row(new ActivityReview(rs.getObject("id", UUID.class), rs.getObject("activity_id", UUID.class),
				rs.getBoolean("backfill"), rs.getObject("submitted_at", OffsetDateTime.class),
				(decision != null) ? ReviewDecision.valueOf(decision) : null, rs.getString("reason"),
				rs.getObject("decided_at", OffsetDateTime.class)), rs.getObject("submitted_by", UUID.class));
	}

	/** A review with the account that sent the activity. */
	record Row(ActivityReview review, UUID submittedBy) {

	}

}
