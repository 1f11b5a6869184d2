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
 * A volunteer's emergency profile, qualifications and the calls they had, for their own
 * data download.
 */
@Component
@Order(35)
class EmergencyPersonalData implements PersonalDataSource {

	private final JdbcClient jdbc;

	EmergencyPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<PersonalDataSection> sectionsOf(Subject subject) {
		if (subject.volunteerId() == null) {
			return List.of();
		}
		List<ProfileRow> profile = this.jdbc
			.sql("SELECT home_lat, home_lng, readiness, updated_at FROM emergency_profile WHERE volunteer_id = :id")
			.param("id", subject.volunteerId())
			.query((rs, row) -> new ProfileRow(rs.getDouble(1), rs.getDouble(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class)))
			.list();
		List<QualificationRow> qualifications = this.jdbc
			.sql("SELECT kind, valid_until FROM emergency_qualification WHERE volunteer_id = :id ORDER BY kind")
			.param("id", subject.volunteerId())
			.query((rs, row) -> new QualificationRow(rs.getString(1), rs.getObject(2, LocalDate.class)))
			.list();
		List<CallRow> calls = this.jdbc
			.sql("SELECT m.title, m.drill, c.status, c.called_at, c.answered_at, c.mustered_at FROM emergency_call c"
					+ " JOIN emergency_mobilization m ON m.id = c.mobilization_id WHERE c.volunteer_id = :id"
					+ " ORDER BY c.called_at, m.id")
			.param("id", subject.volunteerId())
			.query((rs, row) -> new CallRow(rs.getString(1), rs.getBoolean(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class),
					rs.getObject(6, OffsetDateTime.class)))
			.list();
		return List.of(new PersonalDataSection("emergencyProfile", "应急信息 Emergency profile", profile),
				new PersonalDataSection("emergencyQualifications", "应急资质 Emergency qualifications", qualifications),
				new PersonalDataSection("emergencyCalls", "应急召集 Emergency calls", calls));
	}

	record ProfileRow(double homeLat, double homeLng, String readiness, OffsetDateTime updatedAt) {

	}

	record QualificationRow(String kind, LocalDate validUntil) {

	}

	record CallRow(String mobilization, boolean drill, String status, OffsetDateTime calledAt,
			OffsetDateTime answeredAt, OffsetDateTime musteredAt) {

	}

}
