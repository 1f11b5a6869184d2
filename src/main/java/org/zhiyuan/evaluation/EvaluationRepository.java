package org.zhiyuan.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The evaluations of volunteers and the ratings of activities, one of each per record.
 */
@Repository
class EvaluationRepository {

	private static final String EVALUATION = "SELECT e.record_id, e.volunteer_id, e.activity_id, a.title,"
			+ " e.organization_id, o.name AS organization_name, e.stars, e.comment, e.updated_at, r.recorded_at"
			+ " FROM volunteer_evaluation e JOIN service_record r ON r.id = e.record_id"
			+ " JOIN activity a ON a.id = e.activity_id JOIN organization o ON o.id = e.organization_id";

	private static final String RATING = "SELECT g.record_id, g.activity_id, g.stars, g.comment, g.updated_at,"
			+ " r.recorded_at FROM activity_rating g JOIN service_record r ON r.id = g.record_id";

	private final JdbcClient jdbc;

	EvaluationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<EvaluationView> evaluation(UUID recordId) {
		return this.jdbc.sql(EVALUATION + " WHERE e.record_id = :record")
			.param("record", recordId)
			.query(EvaluationRepository::evaluation)
			.optional();
	}

	/** Inserts or changes the evaluation; whether it was new. */
	boolean saveEvaluation(UUID recordId, UUID volunteerId, UUID organizationId, UUID activityId, int stars,
			String comment, UUID ratedBy, OffsetDateTime now) {
		int changed = this.jdbc
			.sql("UPDATE volunteer_evaluation SET stars = :stars, comment = :comment, rated_by = :by,"
					+ " updated_at = :now WHERE record_id = :record")
			.param("stars", stars)
			.param("comment", comment)
			.param("by", ratedBy)
			.param("now", now)
			.param("record", recordId)
			.update();
		if (changed > 0) {
			return false;
		}
		this.jdbc
			.sql("INSERT INTO volunteer_evaluation (record_id, volunteer_id, organization_id, activity_id, stars,"
					+ " comment, rated_by, created_at, updated_at) VALUES (:record, :volunteer, :organization,"
					+ " :activity, :stars, :comment, :by, :now, :now)")
			.param("record", recordId)
			.param("volunteer", volunteerId)
			.param("organization", organizationId)
			.param("activity", activityId)
			.param("stars", stars)
			.param("comment", comment)
			.param("by", ratedBy)
			.param("now", now)
			.update();
		return true;
	}

	PageResult<EvaluationView> evaluationsOfVolunteer(UUID volunteerId, PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM volunteer_evaluation WHERE volunteer_id = :volunteer")
			.param("volunteer", volunteerId)
			.query(Long.class)
			.single();
		List<EvaluationView> items = this.jdbc
			.sql(EVALUATION + " WHERE e.volunteer_id = :volunteer ORDER BY r.started_at DESC, e.record_id"
					+ " LIMIT :limit OFFSET :offset")
			.param("volunteer", volunteerId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(EvaluationRepository::evaluation)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	Map<UUID, EvaluationView> evaluations(Collection<UUID> recordIds) {
		Map<UUID, EvaluationView> found = new HashMap<>();
		for (List<UUID> chunk : chunks(recordIds)) {
			this.jdbc.sql(EVALUATION + " WHERE e.record_id IN (:records)")
				.param("records", chunk)
				.query(EvaluationRepository::evaluation)
				.list()
				.forEach((e) -> found.put(e.recordId(), e));
		}
		return found;
	}

	Optional<ActivityRatingView> rating(UUID recordId) {
		return this.jdbc.sql(RATING + " WHERE g.record_id = :record")
			.param("record", recordId)
			.query(EvaluationRepository::rating)
			.optional();
	}

	void saveRating(UUID recordId, UUID volunteerId, UUID activityId, int stars, String comment, OffsetDateTime now) {
		int changed = this.jdbc
			.sql("UPDATE activity_rating SET stars = :stars, comment = :comment, updated_at = :now"
					+ " WHERE record_id = :record")
			.param("stars", stars)
			.param("comment", comment)
			.param("now", now)
			.param("record", recordId)
			.update();
		if (changed > 0) {
			return;
		}
		this.jdbc
			.sql("INSERT INTO activity_rating (record_id, volunteer_id, activity_id, stars, comment, created_at,"
					+ " updated_at) VALUES (:record, :volunteer, :activity, :stars, :comment, :now, :now)")
			.param("record", recordId)
			.param("volunteer", volunteerId)
			.param("activity", activityId)
			.param("stars", stars)
			.param("comment", comment)
			.param("now", now)
			.update();
	}

	Map<UUID, ActivityRatingView> ratings(Collection<UUID> recordIds) {
		Map<UUID, ActivityRatingView> found = new HashMap<>();
		for (List<UUID> chunk : chunks(recordIds)) {
			this.jdbc.sql(RATING + " WHERE g.record_id IN (:records)")
				.param("records", chunk)
				.query(EvaluationRepository::rating)
				.list()
				.forEach((r) -> found.put(r.recordId(), r));
		}
		return found;
	}

	/** How many ratings gave each number of stars, index 0 for one star. */
	List<Long> distribution(UUID activityId) {
		long[] counts = new long[5];
		this.jdbc.sql("SELECT stars, COUNT(*) AS n FROM activity_rating WHERE activity_id = :activity GROUP BY stars")
			.param("activity", activityId)
			.query((rs, n) -> {
				counts[rs.getInt("stars") - 1] = rs.getLong("n");
				return null;
			})
			.list();
		List<Long> list = new ArrayList<>();
		for (long count : counts) {
			list.add(count);
		}
		return list;
	}

	List<RatingSummary.Comment> recentComments(UUID activityId, int limit) {
		return this.jdbc
			.sql("SELECT stars, comment, updated_at FROM activity_rating WHERE activity_id = :activity"
					+ " AND comment IS NOT NULL ORDER BY updated_at DESC, record_id LIMIT :limit")
			.param("activity", activityId)
			.param("limit", limit)
			.query((rs, n) -> new RatingSummary.Comment(rs.getInt("stars"), rs.getString("comment"),
					rs.getObject("updated_at", OffsetDateTime.class)))
			.list();
	}

	private static List<List<UUID>> chunks(Collection<UUID> ids) {
		List<UUID> all = List.copyOf(ids);
		List<List<UUID>> chunks = new ArrayList<>();
		for (int from = 0; from < all.size(); from += 500) {
			chunks.add(all.subList(from, Math.min(all.size(), from + 500)));
		}
		return chunks;
	}

	private static EvaluationView evaluation(ResultSet rs, int n) throws SQLException {
		return new EvaluationView(rs.getObject("record_id", UUID.class), rs.getObject("volunteer_id", UUID.class),
				rs.getObject("activity_id", UUID.class), rs.getString("title"),
				rs.getObject("organization_id", UUID.class), rs.getString("organization_name"), rs.getInt("stars"),
				rs.getString("comment"), rs.getObject("updated_at", OffsetDateTime.class),
				Evaluations.closesAt(rs.getObject("recorded_at", OffsetDateTime.class)));
	}

	private static ActivityRatingView rating(ResultSet rs, int n) throws SQLException {
		return new ActivityRatingView(rs.getObject("record_id", UUID.class), rs.getObject("activity_id", UUID.class),
				rs.getInt("stars"), rs.getString("comment"), rs.getObject("updated_at", OffsetDateTime.class),
				Evaluations.closesAt(rs.getObject("recorded_at", OffsetDateTime.class)));
	}

}
