package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A sign-up's events carry its activity, the key of the sign-up itself: on a Citus
 * cluster they live on the activity's shard beside the sign-up they describe
 * ({@code docs/scale-out.md}), so that a sign-up writes its row, its place and its event
 * on one shard.
 * <p>
 * The events are filled in batches from the sign-ups they name, read apart: on a cluster
 * that already spreads the sign-ups, the events are still a table of the coordinator, and
 * Citus joins no such table with a distributed one in an update.
 */
public class V63__Add_signup_event_activity extends BaseJavaMigration {

	private static final int BATCH = 1000;

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		execute(connection, "ALTER TABLE signup_event ADD COLUMN activity_id UUID");
		List<UUID> signups;
		do {
			signups = unfilled(connection);
			fill(connection, signups);
		}
		while (signups.size() == BATCH);
		execute(connection, "ALTER TABLE signup_event ALTER COLUMN activity_id SET NOT NULL");
		execute(connection, "ALTER TABLE signup_event ADD CONSTRAINT signup_event_activity_fk"
				+ " FOREIGN KEY (activity_id) REFERENCES activity (id)");
	}

	private static List<UUID> unfilled(Connection connection) throws SQLException {
		List<UUID> signups = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT DISTINCT signup_id FROM signup_event WHERE activity_id IS NULL ORDER BY signup_id LIMIT ?")) {
			statement.setInt(1, BATCH);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					signups.add(rows.getObject(1, UUID.class));
				}
			}
		}
		return signups;
	}

	private static void fill(Connection connection, List<UUID> signups) throws SQLException {
		if (signups.isEmpty()) {
			return;
		}
		List<UUID[]> pairs = new ArrayList<>(signups.size());
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT id, activity_id FROM signup WHERE id IN ("
					+ String.join(", ", Collections.nCopies(signups.size(), "?")) + ")")) {
			for (int i = 0; i < signups.size(); i++) {
				statement.setObject(i + 1, signups.get(i));
			}
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					pairs.add(new UUID[] { rows.getObject(1, UUID.class), rows.getObject(2, UUID.class) });
				}
			}
		}
		if (pairs.size() != signups.size()) {
			throw new IllegalStateException("signup_event names sign-ups that do not exist");
		}
		try (PreparedStatement statement = connection
			.prepareStatement("UPDATE signup_event SET activity_id = ? WHERE signup_id = ?")) {
			for (UUID[] pair : pairs) {
				statement.setObject(1, pair[1]);
				statement.setObject(2, pair[0]);
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
