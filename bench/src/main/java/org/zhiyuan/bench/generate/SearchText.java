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
			statement.executeUpdate("DELETE FROM activity_search_text WHERE NOT EXISTS (SELECT 1 FROM activity a"
					+ " WHERE a.id = activity_search_text.activity_id AND a.status IN " + SEARCHED + ")");
			statement.executeUpdate("INSERT INTO activity_search_text (activity_id, search_text) SELECT a.id,"
					+ " LOWER(a.title || '\n' || a.description || '\n' || a.address) FROM activity a"
					+ " WHERE a.status IN " + SEARCHED
					+ " AND NOT EXISTS (SELECT 1 FROM activity_search_text t WHERE t.activity_id = a.id)");
		}
	}

}
