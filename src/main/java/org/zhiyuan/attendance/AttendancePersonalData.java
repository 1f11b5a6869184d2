package org.zhiyuan.attendance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.access.PersonalDataSection;
import org.zhiyuan.access.PersonalDataSource;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A volunteer's check-ins and check-outs, with where they stood when they checked in, for
 * their own data download.
 */
@Component
@Order(20)
class AttendancePersonalData implements PersonalDataSource {

	private final JdbcClient jdbc;

	AttendancePersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<PersonalDataSection> sectionsOf(Subject subject) {
		List<AttendanceRow> rows = this.jdbc
			.sql("SELECT t.activity_id, a.title, t.checked_in_at, t.checked_out_at, t.check_in_method,"
					+ " t.check_out_method, t.lat, t.lng, t.accuracy_meters, t.distance_meters, t.reason, t.record_id,"
					+ " t.needs_review, t.flags FROM attendance t JOIN activity a ON a.id = t.activity_id"
					+ " WHERE t.volunteer_id = :volunteer ORDER BY t.checked_in_at, t.id")
			.param("volunteer", subject.volunteerId())
			.query((rs, row) -> new AttendanceRow(rs.getObject("activity_id", UUID.class), rs.getString("title"),
					rs.getObject("checked_in_at", OffsetDateTime.class),
					rs.getObject("checked_out_at", OffsetDateTime.class), rs.getString("check_in_method"),
					rs.getString("check_out_method"), rs.getObject("lat", Double.class),
					rs.getObject("lng", Double.class), rs.getObject("accuracy_meters", Double.class),
					rs.getObject("distance_meters", Double.class), rs.getString("reason"),
					rs.getObject("record_id", UUID.class), rs.getBoolean("needs_review"), rs.getString("flags")))
			.list();
		return List.of(new PersonalDataSection("attendance", "签到签退 Attendance", rows));
	}

	/**
	 * A check-in and its check-out at an activity: how each was taken, where the
	 * volunteer stood (latitude, longitude, the phone's accuracy and the distance from
	 * the site, in metres) and the service record it produced.
	 */
	record AttendanceRow(UUID activityId, String activityTitle, OffsetDateTime checkedInAt, OffsetDateTime checkedOutAt,
			String checkInMethod, String checkOutMethod, Double lat, Double lng, Double accuracyMeters,
			Double distanceMeters, String reason, UUID recordId, boolean needsReview, String flags) {

	}

}
