package org.zhiyuan.attendance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.attendance.Attendance.CheckOut;
import org.zhiyuan.record.RecordReview;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AttendanceRepository {

	private final JdbcClient jdbc;

	AttendanceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Open> lockFor(UUID activityId, UUID volunteerId) {
		return this.jdbc
			.sql("SELECT id, checked_in_at, checked_out_at FROM attendance WHERE activity_id = :a AND volunteer_id = :v"
					+ " FOR UPDATE")
			.param("a", activityId)
			.param("v", volunteerId)
			.query((rs, n) -> new Open(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class),
					rs.getObject(3, OffsetDateTime.class)))
			.optional();
	}

	void checkIn(UUID id, UUID activityId, UUID volunteerId, OffsetDateTime at, String method, GeoPoint where,
			Double distance, String reason, UUID recordedBy) {
		this.jdbc
			.sql("INSERT INTO attendance (id, activity_id, volunteer_id, checked_in_at, check_in_method, lat, lng,"
					+ " accuracy_meters, distance_meters, reason, recorded_by) VALUES (:id, :a, :v, :at, :method, :lat,"
					+ " :lng, :accuracy, :distance, :reason, :by)")
			.param("id", id)
			.param("a", activityId)
			.param("v", volunteerId)
			.param("at", at)
			.param("method", method)
			.param("lat", (where != null) ? where.lat() : null)
			.param("lng", (where != null) ? where.lng() : null)
			.param("accuracy", (where != null) ? where.accuracyMeters() : null)
			.param("distance", distance)
			.param("reason", reason)
			.param("by", recordedBy)
			.update();
	}

	void checkOut(UUID id, OffsetDateTime at, String method, Served served, String flags, String reason) {
		this.jdbc
			.sql("UPDATE attendance SET checked_out_at = :at, check_out_method = :method, record_id = :record,"
					+ " needs_review = :review, flags = :flags, reason = COALESCE(:reason, reason), hours = :hours,"
					+ " record_review = :recordReview WHERE id = :id")
			.param("id", id)
			.param("at", at)
			.param("method", method)
			.param("record", served.recordId())
			.param("review", flags != null)
			.param("flags", flags)
			.param("reason", reason)
			.param("hours", served.hours())
			.param("recordReview", (served.review() != null) ? served.review().name() : null)
			.update();
	}

	/** The check-outs of the given attendances, in the order given. */
	List<CheckOut> checkOuts(List<UUID> ids) {
		Map<UUID, CheckOut> found = new HashMap<>();
		this.jdbc
			.sql("SELECT id, checked_out_at, record_id, hours, flags, record_review FROM attendance WHERE id IN (:ids)")
			.param("ids", ids)
			.query((RowCallbackHandler) (rs) -> {
				BigDecimal hours = rs.getBigDecimal(4);
				String flags = rs.getString(5);
				String review = rs.getString(6);
				found.put(rs.getObject(1, UUID.class),
						new CheckOut(rs.getObject(2, OffsetDateTime.class), rs.getObject(3, UUID.class),
								((hours != null) ? hours : BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP)
									.toPlainString(),
								(flags != null) ? List.of(flags.split(",")) : List.of(),
								(review != null) ? RecordReview.valueOf(review) : null));
			});
		return ids.stream().map(found::get).toList();
	}

	/** Claims an idempotency key for the account; a second claim fails on the key. */
	void claim(UUID accountId, String operation, String key, OffsetDateTime at) {
		this.jdbc
			.sql("INSERT INTO attendance_request (account_id, operation, idempotency_key, requested_at) VALUES"
					+ " (:account, :operation, :key, :at)")
			.param("account", accountId)
			.param("operation", operation)
			.param("key", key)
			.param("at", at)
			.update();
	}

	/** Records the attendances a claimed request closed, in order. */
	void answer(UUID accountId, String operation, String key, List<UUID> attendanceIds) {
		for (int i = 0; i < attendanceIds.size(); i++) {
			this.jdbc
				.sql("INSERT INTO attendance_request_item (account_id, operation, idempotency_key, ordinal,"
						+ " attendance_id) VALUES (:account, :operation, :key, :ordinal, :attendance)")
				.param("account", accountId)
				.param("operation", operation)
				.param("key", key)
				.param("ordinal", i)
				.param("attendance", attendanceIds.get(i))
				.update();
		}
	}

	/**
	 * The attendances an earlier request with the key closed; empty when there was none.
	 */
	List<UUID> answered(UUID accountId, String operation, String key) {
		return this.jdbc
			.sql("SELECT attendance_id FROM attendance_request_item WHERE account_id = :account AND operation ="
					+ " :operation AND idempotency_key = :key ORDER BY ordinal")
			.param("account", accountId)
			.param("operation", operation)
			.param("key", key)
			.query(UUID.class)
			.list();
	}

	/** Other attendances of the volunteer whose time overlaps the given one. */
	int overlapping(UUID volunteerId, UUID exceptId, OffsetDateTime from, OffsetDateTime to) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM attendance WHERE volunteer_id = :v AND id <> :id AND checked_in_at < :to"
					+ " AND COALESCE(checked_out_at, checked_in_at) > :from")
			.param("v", volunteerId)
			.param("id", exceptId)
			.param("from", from)
			.param("to", to)
			.query(Integer.class)
			.single();
	}

	/**
	 * Open attendances of activities that ended before the cut-off: the forgotten
	 * check-outs.
	 */
	List<Forgotten> forgotten(OffsetDateTime endedBefore, int limit) {
		return this.jdbc.sql(
				"SELECT t.id, t.activity_id, t.volunteer_id, t.checked_in_at, a.ends_at, t.recorded_by FROM attendance t"
						+ " JOIN activity a"
						+ " ON a.id = t.activity_id WHERE t.checked_out_at IS NULL AND a.ends_at < :cutoff"
						+ " ORDER BY a.ends_at LIMIT :limit")
			.param("cutoff", endedBefore)
			.param("limit", limit)
			.query((rs, n) -> new Forgotten(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getObject(4, OffsetDateTime.class),
					rs.getObject(5, OffsetDateTime.class), rs.getObject(6, UUID.class)))
			.list();
	}

	PageResult<AttendanceView> board(UUID activityId, PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM attendance WHERE activity_id = :a")
			.param("a", activityId)
			.query(Long.class)
			.single();
		List<AttendanceView> items = this.jdbc
			.sql("SELECT t.id, t.activity_id, t.volunteer_id, v.name, v.volunteer_number, t.checked_in_at,"
					+ " t.checked_out_at, t.check_in_method, t.check_out_method, t.distance_meters, t.record_id,"
					+ " t.needs_review, t.flags FROM attendance t JOIN volunteer v ON v.id = t.volunteer_id"
					+ " WHERE t.activity_id = :a ORDER BY t.checked_in_at, t.id LIMIT :limit OFFSET :offset")
			.param("a", activityId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new AttendanceView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5),
					rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class), rs.getString(8),
					rs.getString(9), (Double) rs.getObject(10, Double.class), rs.getObject(11, UUID.class),
					rs.getBoolean(12), rs.getString(13)))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** An attendance row as a transition needs it. */
	record Open(UUID id, OffsetDateTime checkedInAt, OffsetDateTime checkedOutAt) {

	}

	/**
	 * What a check-out recorded: its service record (none when no minute was served
	 * inside the activity's hours), the record's hours and review.
	 */
	record Served(UUID recordId, BigDecimal hours, RecordReview review) {

	}

	/** A check-out someone forgot. */
	record Forgotten(UUID id, UUID activityId, UUID volunteerId, OffsetDateTime checkedInAt, OffsetDateTime endsAt,
			UUID checkedInBy) {

	}

}
