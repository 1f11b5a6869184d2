package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A record's amendments and resolutions name the record's volunteer, so that on a Citus
 * cluster they live on the volunteer's shard beside the record and its hash chain
 * ({@code docs/scale-out.md}) instead of being copied to every node: an amendment asked
 * for, approved or rejected, and a review's resolution, then write one shard.
 * <p>
 * Filled from the records, read apart and written in batches: on a cluster the records
 * are spread already and the two tables are still copies on every node, which Citus fills
 * from no update joined with a distributed table.
 */
public class V70__Add_amendment_volunteer extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		for (String table : new String[] { "record_amendment", "record_resolution" }) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("ALTER TABLE " + table + " ADD COLUMN volunteer_id UUID");
			}
			fill(connection, table);
			try (Statement statement = connection.createStatement()) {
				statement.execute("ALTER TABLE " + table + " ALTER COLUMN volunteer_id SET NOT NULL");
			}
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute(
					"CREATE INDEX record_amendment_volunteer_ix ON record_amendment (volunteer_id," + " requested_at)");
			statement.execute("CREATE INDEX record_resolution_volunteer_ix ON record_resolution (volunteer_id)");
		}
	}

	private static void fill(Connection connection, String table) throws Exception {
		try (PreparedStatement read = connection.prepareStatement(
				"SELECT r.volunteer_id, t.id FROM " + table + " t JOIN service_record r ON r.id = t.record_id");
				PreparedStatement write = connection
					.prepareStatement("UPDATE " + table + " SET volunteer_id = ? WHERE id = ?")) {
			BatchCopy.copy(read, write);
		}
	}

}
