package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Each volunteer's accepted places, one row per approved sign-up, with its shift's time
 * when its position has one (else the activity's time applies, read from the activity).
 * On a Citus cluster it is keyed by the volunteer, beside their lock and records, so that
 * a sign-up's check that the volunteer serves nowhere else at the same time reads one
 * shard instead of every activity's ({@code docs/scale-out.md}).
 * <p>
 * The sign-up is named without a foreign key: on a cluster its id is unique only with its
 * activity, and the platform writes a booking from the sign-up's own row, in the
 * transaction that changes it.
 * <p>
 * Filled from the approved sign-ups, read apart and written in batches: on a cluster that
 * spreads the sign-ups already, the new table is still the coordinator's, which Citus
 * fills from no query over distributed tables.
 */
public class V65__Create_volunteer_booking extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute("""
					CREATE TABLE volunteer_booking (
					    volunteer_id UUID NOT NULL REFERENCES volunteer (id),
					    signup_id    UUID NOT NULL,
					    activity_id  UUID NOT NULL REFERENCES activity (id),
					    starts_at    TIMESTAMP WITH TIME ZONE,
					    ends_at      TIMESTAMP WITH TIME ZONE,
					    CONSTRAINT volunteer_booking_pk PRIMARY KEY (volunteer_id, signup_id)
					)""");
		}
		try (PreparedStatement read = connection.prepareStatement("""
				SELECT s.volunteer_id, s.id, s.activity_id, p.starts_at, p.ends_at FROM signup s
				JOIN activity_position p ON p.activity_id = s.activity_id AND p.id = s.position_id
				WHERE s.status = 'APPROVED'""");
				PreparedStatement write = connection.prepareStatement("INSERT INTO volunteer_booking (volunteer_id,"
						+ " signup_id, activity_id, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)")) {
			BatchCopy.copy(read, write);
		}
	}

}
