package org.zhiyuan.signup;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.zhiyuan.support.Fixtures.Person;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the sign-up tests read and set up straight in the tables: a position's counter and
 * the places held, team members and guardians.
 */
final class SignupTables {

	private final JdbcClient jdbc;

	SignupTables(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The position's accepted count. */
	long accepted(String positionId) {
		return this.jdbc.sql("SELECT accepted FROM activity_position WHERE id = :id")
			.param("id", UUID.fromString(positionId))
			.query(Long.class)
			.single();
	}

	/** How many sign-ups hold a place of the position: must equal its accepted count. */
	long holdingPlaces(String positionId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM signup WHERE position_id = :id AND holds_place = TRUE")
			.param("id", UUID.fromString(positionId))
			.query(Long.class)
			.single();
	}

	/** How many of the position's sign-ups wait for a place. */
	long waiting(String positionId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM signup WHERE position_id = :p AND status = 'WAITLISTED'")
			.param("p", UUID.fromString(positionId))
			.query(Long.class)
			.single();
	}

	void joinTeam(UUID organizationId, UUID volunteerId) {
		this.jdbc
			.sql("INSERT INTO organization_member (organization_id, volunteer_id, member_role, status, requested_at,"
					+ " joined_at) VALUES (:o, :v, 'MEMBER', 'ACTIVE', :now, :now)")
			.param("o", organizationId)
			.param("v", volunteerId)
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
	}

	void guardianOf(UUID childId, Person guardian) {
		this.jdbc
			.sql("INSERT INTO volunteer_guardian (volunteer_id, name, phone, id_number_sealed, id_number_masked,"
					+ " consented_at) VALUES (:v, '家长', :phone, 'sealed', '110***********0000', :now)")
			.param("v", childId)
			.param("phone", guardian.username())
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
	}

}
