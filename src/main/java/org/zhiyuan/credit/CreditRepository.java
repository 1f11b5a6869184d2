package org.zhiyuan.credit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The facts credit is counted from, read where they are kept (as the statistics read
 * them): counted service records, accepted sign-ups of activities that ended without a
 * check-in or a record, and late cancellations.
 */
@Repository
class CreditRepository {

	private final JdbcClient jdbc;

	CreditRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	int services(UUID volunteerId, List<String> counted) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM service_record WHERE volunteer_id = :volunteer AND review IN (:counted)")
			.param("volunteer", volunteerId)
			.param("counted", counted)
			.query(Integer.class)
			.single();
	}

	/** No-shows: approved places at activities that ended before the given moment. */
	int noShows(UUID volunteerId, OffsetDateTime endedBefore) {
		return this.jdbc.sql("SELECT COUNT(*) FROM (" + NO_SHOWS + ") n")
			.param("volunteer", volunteerId)
			.param("before", endedBefore)
			.query(Integer.class)
			.single();
	}

	int lateCancellations(UUID volunteerId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM signup WHERE volunteer_id = :volunteer AND late_cancel")
			.param("volunteer", volunteerId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Complaints about the volunteer upheld by the operators (kept by the complaints).
	 */
	int upheldComplaints(UUID volunteerId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM complaint WHERE subject_type = 'VOLUNTEER' AND subject_id = :volunteer AND"
					+ " outcome = 'UPHELD'")
			.param("volunteer", volunteerId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Accepted sign-ups of activities that ended without the volunteer's attendance or
	 * record. The volunteer's attendance and records are asked without correlation: on a
	 * Citus cluster they live on the volunteer's shard, the sign-ups on the activity's.
	 */
	private static final String NO_SHOWS = "SELECT a.id, a.title, a.ends_at FROM signup s JOIN activity a ON a.id ="
			+ " s.activity_id WHERE s.volunteer_id = :volunteer AND s.status = 'APPROVED' AND a.ends_at < :before AND"
			+ " a.cancel_reason IS NULL AND a.id NOT IN (SELECT t.activity_id FROM attendance t WHERE"
			+ " t.volunteer_id = :volunteer) AND a.id NOT IN (SELECT r.activity_id FROM service_record r WHERE"
			+ " r.volunteer_id = :volunteer)";

	/** The latest events of each kind, newest first, at most {@code limit} of each. */
	List<CreditEvent> events(UUID volunteerId, List<String> counted, OffsetDateTime endedBefore, int limit) {
		List<CreditEvent> events = new java.util.ArrayList<>();
		events.addAll(this.jdbc
			.sql("SELECT r.started_at, a.id, a.title FROM service_record r JOIN activity a ON a.id = r.activity_id"
					+ " WHERE r.volunteer_id = :volunteer AND r.review IN (:counted) ORDER BY r.started_at DESC FETCH"
					+ " FIRST :limit ROWS ONLY")
			.param("volunteer", volunteerId)
			.param("counted", counted)
			.param("limit", limit)
			.query((rs, n) -> new CreditEvent(CreditEventKind.SERVICE, CreditEventKind.SERVICE.points(),
					rs.getObject(1, OffsetDateTime.class), rs.getObject(2, UUID.class), rs.getString(3)))
			.list());
		events.addAll(this.jdbc.sql(NO_SHOWS + " ORDER BY a.ends_at DESC FETCH FIRST :limit ROWS ONLY")
			.param("volunteer", volunteerId)
			.param("before", endedBefore)
			.param("limit", limit)
			.query((rs, n) -> new CreditEvent(CreditEventKind.NO_SHOW, CreditEventKind.NO_SHOW.points(),
					rs.getObject(3, OffsetDateTime.class), rs.getObject(1, UUID.class), rs.getString(2)))
			.list());
		events.addAll(this.jdbc
			.sql("SELECT s.cancelled_at, a.id, a.title FROM signup s JOIN activity a ON a.id = s.activity_id WHERE"
					+ " s.volunteer_id = :volunteer AND s.late_cancel ORDER BY s.cancelled_at DESC FETCH FIRST :limit"
					+ " ROWS ONLY")
			.param("volunteer", volunteerId)
			.param("limit", limit)
			.query((rs, n) -> new CreditEvent(CreditEventKind.LATE_CANCELLATION,
					CreditEventKind.LATE_CANCELLATION.points(), rs.getObject(1, OffsetDateTime.class),
					rs.getObject(2, UUID.class), rs.getString(3)))
			.list());
		events.addAll(this.jdbc
			.sql("SELECT resolved_at FROM complaint WHERE subject_type = 'VOLUNTEER' AND subject_id = :volunteer AND"
					+ " outcome = 'UPHELD' ORDER BY resolved_at DESC FETCH FIRST :limit ROWS ONLY")
			.param("volunteer", volunteerId)
			.param("limit", limit)
			.query((rs, n) -> new CreditEvent(CreditEventKind.UPHELD_COMPLAINT,
					CreditEventKind.UPHELD_COMPLAINT.points(), rs.getObject(1, OffsetDateTime.class), null, null))
			.list());
		return events;
	}

}
