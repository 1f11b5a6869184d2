package org.zhiyuan.evaluation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.access.PersonalDataSection;
import org.zhiyuan.access.PersonalDataSource;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What organizations said of a volunteer's services and how the volunteer rated the
 * activities, for their own data download; who at the organization rated is not shown.
 */
@Component
@Order(35)
class EvaluationPersonalData implements PersonalDataSource {

	private final JdbcClient jdbc;

	EvaluationPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<PersonalDataSection> sectionsOf(Subject subject) {
		if (subject.volunteerId() == null) {
			return List.of();
		}
		List<Rating> evaluations = this.jdbc
			.sql("SELECT record_id, activity_id, stars, comment, created_at, updated_at FROM volunteer_evaluation"
					+ " WHERE volunteer_id = :volunteer ORDER BY created_at, record_id")
			.param("volunteer", subject.volunteerId())
			.query(EvaluationPersonalData::rating)
			.list();
		List<Rating> ratings = this.jdbc
			.sql("SELECT record_id, activity_id, stars, comment, created_at, updated_at FROM activity_rating"
					+ " WHERE volunteer_id = :volunteer ORDER BY created_at, record_id")
			.param("volunteer", subject.volunteerId())
			.query(EvaluationPersonalData::rating)
			.list();
		return List.of(new PersonalDataSection("evaluations", "组织评价 Evaluations by organizations", evaluations),
				new PersonalDataSection("activityRatings", "活动评价 Activity ratings", ratings));
	}

	private static Rating rating(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Rating(rs.getObject("record_id", UUID.class), rs.getObject("activity_id", UUID.class),
				rs.getInt("stars"), rs.getString("comment"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class));
	}

	/** One evaluation or rating of a service record. */
	record Rating(UUID recordId, UUID activityId, int stars, String comment, OffsetDateTime createdAt,
			OffsetDateTime updatedAt) {

	}

}
