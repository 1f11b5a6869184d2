package org.zhiyuan.fault;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

/**
 * The content of every domain table, as a row count and an order-independent checksum of
 * the rows: cheap enough to take around each batch of refused requests, exact enough to
 * show one changed value.
 * <p>
 * Left out, because a refused request may rightly change them: {@code audit_event}
 * (refusals are audited, reads of personal data too), the session tables (page sign-ins)
 * and {@code scheduled_tasks} (the scheduler's own bookkeeping), the migration history,
 * and the sign-in throttle's buckets, which a wrong password is meant to empty.
 */
record DatabaseSnapshot(Map<String, String> tables) {

	static final Set<String> IGNORED_TABLES = Set.of("audit_event", "spring_session", "spring_session_attributes",
			"scheduled_tasks", "flyway_schema_history", "sign_in_throttle");

	static final Map<String, Set<String>> IGNORED_COLUMNS = Map.of();

	static DatabaseSnapshot take(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			Map<String, String> tables = new TreeMap<>();
			for (String table : tablesOf(connection)) {
				tables.put(table, checksum(connection, table));
			}
			return new DatabaseSnapshot(tables);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read the database", ex);
		}
	}

	/**
	 * A snapshot once the database has settled: work set off by earlier requests (events
	 * handled after commit) may still be writing.
	 */
	static DatabaseSnapshot settled(DataSource dataSource) {
		DatabaseSnapshot previous = take(dataSource);
		for (int attempt = 0; attempt < 50; attempt++) {
			pause(100);
			DatabaseSnapshot current = take(dataSource);
			if (current.equals(previous)) {
				return current;
			}
			previous = current;
		}
		throw new IllegalStateException("The database did not settle: " + previous);
	}

	/** The tables whose content differs from the other snapshot's. */
	List<String> changedSince(DatabaseSnapshot before) {
		Set<String> names = new TreeSet<>(this.tables.keySet());
		names.addAll(before.tables.keySet());
		List<String> changed = new ArrayList<>();
		for (String name : names) {
			String now = this.tables.get(name);
			String then = before.tables.get(name);
			if (!java.util.Objects.equals(now, then)) {
				changed.add(name + " (" + then + " → " + now + ")");
			}
		}
		return changed;
	}

	private static List<String> tablesOf(Connection connection) throws SQLException {
		DatabaseMetaData meta = connection.getMetaData();
		List<String> tables = new ArrayList<>();
		try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), "%",
				new String[] { "TABLE" })) {
			while (rs.next()) {
				String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
				if (!IGNORED_TABLES.contains(name)) {
					tables.add(name);
				}
			}
		}
		return tables;
	}

	private static String checksum(Connection connection, String table) throws SQLException {
		Set<String> ignored = IGNORED_COLUMNS.getOrDefault(table, Set.of());
		long rows = 0;
		long sum = 0;
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
			ResultSetMetaData columns = rs.getMetaData();
			while (rs.next()) {
				long hash = 17;
				for (int i = 1; i <= columns.getColumnCount(); i++) {
					if (!ignored.contains(columns.getColumnName(i).toLowerCase(Locale.ROOT))) {
						String value = rs.getString(i);
						hash = hash * 1_000_003L + ((value != null) ? value.hashCode() : 0) + i;
					}
				}
				rows++;
				// a sum does not depend on the order the rows come in
				sum += hash * 0x9E3779B97F4A7C15L;
			}
		}
		return rows + " rows #" + Long.toHexString(sum);
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
