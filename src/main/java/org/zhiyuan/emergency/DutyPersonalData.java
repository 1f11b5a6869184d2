package org.zhiyuan.emergency;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.zhiyuan.access.PersonalDataSection;
import org.zhiyuan.access.PersonalDataSource;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A volunteer's emergency duties and the swaps they asked for or were asked to agree to,
 * for their own data download. Of the other member of a swap only the part they played
 * shows, not who they are.
 */
@Component
@Order(36)
class DutyPersonalData implements PersonalDataSource {

	private final JdbcClient jdbc;

	DutyPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<PersonalDataSection> sectionsOf(Subject subject) {
		if (subject.volunteerId() == null) {
			return List.of();
		}
		List<DutyRow> duties = this.jdbc
			.sql("SELECT o.name, d.duty_day, d.shift, d.assigned_at FROM emergency_duty d"
					+ " JOIN organization o ON o.id = d.organization_id WHERE d.volunteer_id = :id"
					+ " ORDER BY d.duty_day, d.shift")
			.param("id", subject.volunteerId())
			.query((rs, row) -> new DutyRow(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class)))
			.list();
		List<SwapRow> swaps = this.jdbc
			.sql("SELECT o.name, CASE WHEN s.requester_id = :id THEN 'ASKED_BY_ME' ELSE 'ASKED_OF_ME' END,"
					+ " s.duty_day, s.shift, s.partner_day, s.partner_shift, s.status, s.requested_at, s.decided_at"
					+ " FROM emergency_duty_swap s JOIN organization o ON o.id = s.organization_id"
					+ " WHERE s.requester_id = :id OR s.partner_id = :id ORDER BY s.requested_at, s.id")
			.param("id", subject.volunteerId())
			.query((rs, row) -> new SwapRow(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7),
					rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class)))
			.list();
		return List.of(new PersonalDataSection("emergencyDuties", "应急值守 Emergency duties", duties),
				new PersonalDataSection("emergencyDutySwaps", "值守换班 Duty swaps", swaps));
	}

	record DutyRow(String team, LocalDate day, String shift, OffsetDateTime assignedAt) {

	}

	record SwapRow(String team, String role, LocalDate day, String shift, LocalDate partnerDay, String partnerShift,
			String status, OffsetDateTime requestedAt, OffsetDateTime decidedAt) {

	}

}
