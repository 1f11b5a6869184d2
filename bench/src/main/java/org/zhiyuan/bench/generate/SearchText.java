package org.zhiyuan.bench.generate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The platform's {@code activity_search_text} for activities written straight into the
 * database: the lower-cased title, description and address, one per line, of every
 * recruiting or in-progress activity, as the activity module keeps it.
 */
final class SearchText {

	private static final String SEARCHED = "('RECRUITING', 'IN_PROGRESS')";

	private SearchText() {
	}

	static void reindex(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			// uncorrelated, as the platform's own: a Citus coordinator runs it too
			statement.executeUpdate("DELETE FROM activity_search_text WHERE activity_id NOT IN (SELECT a.id FROM"
					+ " activity a WHERE a.status IN " + SEARCHED + ")");
			statement.executeUpdate("INSERT INTO activity_search_text (activity_id, search_text) SELECT a.id,"
					+ " LOWER(a.title || '\n' || a.description || '\n' || a.address) FROM activity a"
					+ " WHERE a.status IN " + SEARCHED
					+ " AND a.id NOT IN (SELECT t.activity_id FROM activity_search_text t)");
		}
	}

}
