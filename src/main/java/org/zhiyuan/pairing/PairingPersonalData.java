package org.zhiyuan.pairing;

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
 * The pairings a volunteer was assigned to and the visits they checked in, for their own
 * data download. The people they visited are named only masked, and the notes of visits,
 * which are about those people, are left out.
 */
@Component
@Order(25)
class PairingPersonalData implements PersonalDataSource {

	private final JdbcClient jdbc;

	PairingPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<PersonalDataSection> sectionsOf(Subject subject) {
		List<AssignmentRow> assignments = this.jdbc
			.sql("SELECT a.pairing_id, o.name, b.name_masked, a.assigned_at, a.reason FROM pairing_assignment a"
					+ " JOIN pairing p ON p.id = a.pairing_id JOIN organization o ON o.id = p.organization_id"
					+ " JOIN beneficiary b ON b.id = p.beneficiary_id WHERE a.volunteer_id = :volunteer"
					+ " ORDER BY a.assigned_at, a.pairing_id")
			.param("volunteer", subject.volunteerId())
			.query((rs, n) -> new AssignmentRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class), rs.getString(5)))
			.list();
		List<VisitRow> visits = this.jdbc
			.sql("SELECT pairing_id, visited_at, distance_meters, accuracy_meters, outside_geofence, outside_reason"
					+ " FROM pairing_visit WHERE volunteer_id = :volunteer ORDER BY visited_at, id")
			.param("volunteer", subject.volunteerId())
			.query((rs, n) -> new VisitRow(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class),
					rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBoolean(5), rs.getString(6)))
			.list();
		return List.of(new PersonalDataSection("pairings", "结对 Pairings", assignments),
				new PersonalDataSection("pairingVisits", "结对探访 Pairing visits", visits));
	}

	/** A pairing the volunteer was assigned to: with whom (masked), when and why. */
	record AssignmentRow(UUID pairingId, String organizationName, String beneficiaryNameMasked,
			OffsetDateTime assignedAt, String reason) {

	}

	/** A visit the volunteer checked in: when, and how far from the address. */
	record VisitRow(UUID pairingId, OffsetDateTime visitedAt, BigDecimal distanceMeters, BigDecimal accuracyMeters,
			boolean outsideGeofence, String outsideReason) {

	}

}
