package org.zhiyuan.signup;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.access.PersonalDataSection;
import org.zhiyuan.access.PersonalDataSource;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A volunteer's sign-ups, with every change of each one's state, for their own data
 * download.
 */
@Component
@Order(10)
class SignupPersonalData implements PersonalDataSource {

	private final JdbcClient jdbc;

	SignupPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<PersonalDataSection> sectionsOf(Subject subject) {
		List<SignupRow> signups = this.jdbc
			.sql("SELECT s.id, s.activity_id, a.title, p.name AS position_name, s.status, s.created_at, s.decided_at,"
					+ " s.cancelled_at, s.cancel_reason, s.late_cancel FROM signup s"
					+ " JOIN activity a ON a.id = s.activity_id JOIN activity_position p ON p.id = s.position_id AND p.activity_id = s.activity_id"
					+ " WHERE s.volunteer_id = :volunteer ORDER BY s.created_at, s.id")
			.param("volunteer", subject.volunteerId())
			.query((rs, row) -> new SignupRow(rs.getObject("id", UUID.class), rs.getObject("activity_id", UUID.class),
					rs.getString("title"), rs.getString("position_name"), rs.getString("status"),
					rs.getObject("created_at", OffsetDateTime.class), rs.getObject("decided_at", OffsetDateTime.class),
					rs.getObject("cancelled_at", OffsetDateTime.class), rs.getString("cancel_reason"),
					rs.getBoolean("late_cancel")))
			.list();
		List<SignupChange> changes = this.jdbc
			.sql("SELECT e.signup_id, e.status, e.reason, e.occurred_at FROM signup_event e"
					+ " JOIN signup s ON s.activity_id = e.activity_id AND s.id = e.signup_id WHERE s.volunteer_id = :volunteer"
					+ " ORDER BY e.occurred_at, e.id")
			.param("volunteer", subject.volunteerId())
			.query((rs, row) -> new SignupChange(rs.getObject("signup_id", UUID.class), rs.getString("status"),
					rs.getString("reason"), rs.getObject("occurred_at", OffsetDateTime.class)))
			.list();
		return List.of(new PersonalDataSection("signups", "报名 Sign-ups", signups),
				new PersonalDataSection("signupChanges", "报名记录 Sign-up history", changes));
	}

	/** A sign-up for an activity, in its present state. */
	record SignupRow(UUID id, UUID activityId, String activityTitle, String position, String status,
			OffsetDateTime signedUpAt, OffsetDateTime decidedAt, OffsetDateTime cancelledAt, String cancelReason,
			boolean lateCancel) {

	}

	/** A change of a sign-up's state, with its reason. */
	record SignupChange(UUID signupId, String status, String reason, OffsetDateTime occurredAt) {

	}

}
