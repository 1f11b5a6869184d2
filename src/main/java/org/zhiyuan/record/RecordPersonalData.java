package org.zhiyuan.record;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.access.PersonalDataSection;
import org.zhiyuan.access.PersonalDataSource;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A volunteer's service records, as stored and chained, and the amendments they asked
 * for, for their own data download.
 */
@Component
@Order(30)
class RecordPersonalData implements PersonalDataSource {

	private final JdbcClient jdbc;

	RecordPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<PersonalDataSection> sectionsOf(Subject subject) {
		List<RecordRow> records = this.jdbc
			.sql("SELECT r.id, r.activity_id, a.title, o.name AS organization_name, r.place, r.content, r.started_at,"
					+ " r.ended_at, r.hours, r.effective_hours, r.method, r.reason, r.recorded_at, r.sequence, r.hash,"
					+ " r.flags, r.review" + " FROM service_record r JOIN activity a ON a.id = r.activity_id"
					+ " JOIN organization o ON o.id = r.organization_id"
					+ " WHERE r.volunteer_id = :volunteer ORDER BY r.sequence")
			.param("volunteer", subject.volunteerId())
			.query((rs, row) -> new RecordRow(rs.getObject("id", UUID.class), rs.getObject("activity_id", UUID.class),
					rs.getString("title"), rs.getString("organization_name"), rs.getString("place"),
					rs.getString("content"), rs.getObject("started_at", OffsetDateTime.class),
					rs.getObject("ended_at", OffsetDateTime.class), rs.getBigDecimal("hours"),
					rs.getBigDecimal("effective_hours"), rs.getString("method"), rs.getString("reason"),
					rs.getObject("recorded_at", OffsetDateTime.class), rs.getLong("sequence"), rs.getString("hash"),
					rs.getString("flags"), rs.getString("review")))
			.list();
		List<AmendmentRow> amendments = this.jdbc
			.sql("SELECT m.id, m.record_id, m.started_at, m.ended_at, m.hours, m.reason, m.status, m.requested_at,"
					+ " m.decided_at, m.decision_note FROM record_amendment m WHERE m.volunteer_id = :volunteer"
					+ " ORDER BY m.requested_at, m.id")
			.param("volunteer", subject.volunteerId())
			.query((rs, row) -> new AmendmentRow(rs.getObject("id", UUID.class), rs.getObject("record_id", UUID.class),
					rs.getObject("started_at", OffsetDateTime.class), rs.getObject("ended_at", OffsetDateTime.class),
					rs.getBigDecimal("hours"), rs.getString("reason"), rs.getString("status"),
					rs.getObject("requested_at", OffsetDateTime.class),
					rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decision_note")))
			.list();
		return List.of(new PersonalDataSection("serviceRecords", "服务记录 Service records", records),
				new PersonalDataSection("amendments", "更正申请 Amendments", amendments));
	}

	/**
	 * A service record as stored: its hours as recorded and as in effect after approved
	 * amendments, and its place in the volunteer's hash chain.
	 */
	record RecordRow(UUID id, UUID activityId, String activityTitle, String organization, String place, String content,
			OffsetDateTime startedAt, OffsetDateTime endedAt, BigDecimal hours, BigDecimal effectiveHours,
			String method, String reason, OffsetDateTime recordedAt, long sequence, String hash, String flags,
			String review) {

	}

	/** A correction the volunteer asked for, and what became of it. */
	record AmendmentRow(UUID id, UUID recordId, OffsetDateTime startedAt, OffsetDateTime endedAt, BigDecimal hours,
			String reason, String status, OffsetDateTime requestedAt, OffsetDateTime decidedAt, String decisionNote) {

	}

}
