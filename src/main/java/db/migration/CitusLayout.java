package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each table lives on a Citus cluster (see {@code docs/scale-out.md}): distributed
 * by a key column, copied to every node (a reference table), or left on the coordinator.
 * On H2 and on PostgreSQL without the {@code citus} extension nothing here runs.
 * <p>
 * Placing a table on Citus changes only what Citus cannot enforce across shards: foreign
 * keys between tables keyed by different ids are dropped (the platform checks them before
 * it writes), primary keys of distributed tables gain the key column in front, and unique
 * constraints that do not contain the key become plain indexes when the key is the
 * table's own id (their values are claimed elsewhere) or gain the key otherwise.
 */
final class CitusLayout {

	/** Where one table lives. */
	sealed interface Placement permits Distributed, Reference, Local {

	}

	/**
	 * Hash-distributed by {@code column}, co-located with every table keyed by the same
	 * id.
	 */
	record Distributed(String column) implements Placement {

	}

	/** A copy on every node. */
	record Reference() implements Placement {

	}

	/** An ordinary table on the coordinator. */
	record Local() implements Placement {

	}

	static final Placement REFERENCE = new Reference();

	static final Placement LOCAL = new Local();

	private CitusLayout() {
	}

	static Placement by(String column) {
		return new Distributed(column);
	}

	/** Whether this connection is to a Citus coordinator. */
	static boolean present(Connection connection) throws SQLException {
		if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
			return false;
		}
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'citus'")) {
			return rows.next();
		}
	}

	/**
	 * Places the tables of {@code layout} that are not placed yet, in the connection's
	 * current schema; tables already distributed or copied are left as they are, but for
	 * a copy that the layout now keys by a column, which is spread with its rows.
	 */
	static void place(Connection connection, Map<String, Placement> layout) throws SQLException {
		execute(connection, "SET LOCAL citus.multi_shard_modify_mode TO 'sequential'");
		Map<String, Placement> before = placedTables(connection);
		// a copy on every node that the layout now keys by a column goes back to the
		// coordinator first, to be spread below with its rows
		boolean back = false;
		for (Map.Entry<String, Placement> entry : layout.entrySet()) {
			if (entry.getValue() instanceof Distributed && before.get(entry.getKey()) instanceof Reference) {
				query(connection, "SELECT undistribute_table('" + entry.getKey() + "')");
				back = true;
			}
		}
		Map<String, Placement> placed = back ? placedTables(connection) : before;
		Map<String, Placement> all = new LinkedHashMap<>(placed);
		layout.forEach(all::putIfAbsent);
		Map<String, Placement> todo = new LinkedHashMap<>();
		layout.forEach((table, placement) -> {
			if (!placed.containsKey(table) && !(placement instanceof Local)) {
				todo.put(table, placement);
			}
		});
		if (!todo.isEmpty()) {
			spread(connection, todo, all);
		}
		shareWithWorkers(connection, layout);
	}

	private static void spread(Connection connection, Map<String, Placement> todo, Map<String, Placement> all)
			throws SQLException {
		List<ForeignKey> keys = foreignKeys(connection);
		List<ForeignKey> restore = new ArrayList<>();
		for (ForeignKey key : keys) {
			if (!todo.containsKey(key.child()) && !todo.containsKey(key.parent())) {
				continue;
			}
			if (!keeps(key, all)) {
				execute(connection, "ALTER TABLE " + key.child() + " DROP CONSTRAINT " + key.name());
			}
			else if (todo.get(key.child()) instanceof Distributed && todo.get(key.parent()) instanceof Distributed) {
				// Citus spreads no table that a table of the coordinator refers to: the
				// key
				// between two tables spread together is made again once both are
				execute(connection, "ALTER TABLE " + key.child() + " DROP CONSTRAINT " + key.name());
				restore.add(key);
			}
		}
		for (Map.Entry<String, Placement> entry : todo.entrySet()) {
			if (entry.getValue() instanceof Distributed distributed) {
				keyConstraints(connection, entry.getKey(), distributed.column());
			}
		}
		for (String table : parentsFirst(todo.keySet(), keys, all)) {
			if (todo.get(table) instanceof Distributed distributed) {
				query(connection, "SELECT create_distributed_table('" + table + "', '" + distributed.column() + "')");
			}
			else {
				query(connection, "SELECT create_reference_table('" + table + "')");
			}
		}
		for (ForeignKey key : restore) {
			execute(connection,
					"ALTER TABLE " + key.child() + " ADD CONSTRAINT " + key.name() + " " + key.definition());
		}
	}

	/**
	 * The coordinator's own tables are added to Citus' metadata as "Citus local tables"
	 * (their rows stay on the coordinator, in one shard there), so that a platform
	 * instance connected to a worker reads and writes them too: the worker sends those
	 * statements on to the coordinator. The tables with a foreign key into the directory
	 * are such tables already. Flyway's history stays outside: the migration that runs
	 * this reads it in a transaction of its own, and migrations run through the
	 * coordinator only (an instance on a worker runs with Flyway off). Nothing when the
	 * coordinator is not one of the cluster's nodes.
	 */
	private static void shareWithWorkers(Connection connection, Map<String, Placement> layout) throws SQLException {
		if (!exists(connection, "SELECT 1 FROM pg_dist_node WHERE groupid = 0")) {
			return;
		}
		for (Map.Entry<String, Placement> entry : layout.entrySet()) {
			String table = entry.getKey();
			if (entry.getValue() instanceof Local && !"flyway_schema_history".equals(table)
					&& exists(connection,
							"SELECT 1 FROM pg_class c WHERE c.relname = '" + table
									+ "' AND c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'")
					&& !exists(connection,
							"SELECT 1 FROM pg_dist_partition WHERE logicalrelid = '" + table + "'::regclass")) {
				query(connection,
						"SELECT citus_add_local_table_to_metadata('" + table + "', cascade_via_foreign_keys => true)");
			}
		}
	}

	private static boolean exists(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			return rows.next();
		}
	}

	/**
	 * A foreign key survives when both ends share a node or a key, or it points to a
	 * copy.
	 */
	private static boolean keeps(ForeignKey key, Map<String, Placement> all) {
		Placement child = all.getOrDefault(key.child(), LOCAL);
		Placement parent = all.getOrDefault(key.parent(), LOCAL);
		if (parent instanceof Reference) {
			return true;
		}
		if (child instanceof Local && parent instanceof Local) {
			return true;
		}
		return child instanceof Distributed c && parent instanceof Distributed p
				&& key.columns().equals(List.of(c.column())) && key.parentColumns().equals(List.of(p.column()));
	}

	/**
	 * The primary key gains the key column in front; a unique constraint or index without
	 * it gains it too, or, when the key is the row's own id, becomes a plain index.
	 */
	private static void keyConstraints(Connection connection, String table, String column) throws SQLException {
		List<String[]> uniques = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT i.relname, c.conname, x.indisprimary,
				       array_to_string(ARRAY(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(n, o)
				           JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n ORDER BY k.o), ',')
				FROM pg_index x
				JOIN pg_class t ON t.oid = x.indrelid
				JOIN pg_class i ON i.oid = x.indexrelid
				LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid
				WHERE x.indisunique AND t.relname = ? AND t.relnamespace = current_schema()::regnamespace
				""")) {
			statement.setString(1, table);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					uniques.add(new String[] { rows.getString(1), rows.getString(2), rows.getString(3),
							rows.getString(4) });
				}
			}
		}
		for (String[] unique : uniques) {
			List<String> columns = Arrays.asList(unique[3].split(","));
			if (columns.contains(column)) {
				continue;
			}
			boolean primary = "t".equals(unique[2]) || "true".equals(unique[2]);
			if (unique[1] != null) {
				execute(connection, "ALTER TABLE " + table + " DROP CONSTRAINT " + unique[1]);
			}
			else {
				execute(connection, "DROP INDEX " + unique[0]);
			}
			String keyed = column + ", " + String.join(", ", columns);
			if (primary) {
				execute(connection, "ALTER TABLE " + table + " ADD PRIMARY KEY (" + keyed + ")");
			}
			else if (!columns.contains("id") && !"id".equals(column)) {
				execute(connection, "CREATE UNIQUE INDEX " + unique[0] + " ON " + table + " (" + keyed + ")");
			}
			else if ("id".equals(column)) {
				// a table keyed by its own id is still looked up by the dropped columns
				execute(connection,
						"CREATE INDEX " + unique[0] + " ON " + table + " (" + String.join(", ", columns) + ")");
			}
		}
	}

	/** The tables in an order in which every kept foreign key's parent comes first. */
	private static List<String> parentsFirst(Set<String> tables, List<ForeignKey> keys, Map<String, Placement> all) {
		Set<String> ordered = new LinkedHashSet<>();
		for (String table : tables) {
			visit(table, tables, keys, all, ordered, new LinkedHashSet<>());
		}
		return new ArrayList<>(ordered);
	}

	private static void visit(String table, Set<String> tables, List<ForeignKey> keys, Map<String, Placement> all,
			Set<String> ordered, Set<String> path) {
		if (ordered.contains(table) || !path.add(table)) {
			return;
		}
		for (ForeignKey key : keys) {
			if (key.child().equals(table) && !key.parent().equals(table) && tables.contains(key.parent())
					&& keeps(key, all)) {
				visit(key.parent(), tables, keys, all, ordered, path);
			}
		}
		ordered.add(table);
	}

	/**
	 * The tables distributed or copied already. A "Citus local table" (a table of the
	 * coordinator that Citus tracks because of its foreign keys into the directory) is
	 * not placed: when the layout moves it to a key, {@code create_distributed_table}
	 * spreads it as it stands.
	 */
	private static Map<String, Placement> placedTables(Connection connection) throws SQLException {
		Map<String, Placement> placed = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
				SELECT c.relname, p.partmethod, column_to_column_name(p.logicalrelid, p.partkey)
				FROM pg_dist_partition p JOIN pg_class c ON c.oid = p.logicalrelid
				WHERE c.relnamespace = current_schema()::regnamespace
				  AND (p.partmethod <> 'n' OR p.repmodel = 't')
				""")) {
			while (rows.next()) {
				placed.put(rows.getString(1), "h".equals(rows.getString(2)) ? by(rows.getString(3)) : REFERENCE);
			}
		}
		return placed;
	}

	private static List<ForeignKey> foreignKeys(Connection connection) throws SQLException {
		List<ForeignKey> keys = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
				SELECT k.conname, c.relname, p.relname, pg_get_constraintdef(k.oid),
				       array_to_string(ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY n(n, o)
				           JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = n.n ORDER BY n.o), ','),
				       array_to_string(ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY n(n, o)
				           JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = n.n ORDER BY n.o), ',')
				FROM pg_constraint k
				JOIN pg_class c ON c.oid = k.conrelid
				JOIN pg_class p ON p.oid = k.confrelid
				WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace
				""")) {
			while (rows.next()) {
				keys.add(new ForeignKey(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
						List.of(rows.getString(5).split(",")), List.of(rows.getString(6).split(","))));
			}
		}
		return keys;
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static void query(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				// create_distributed_table and create_reference_table return nothing of
				// use
			}
		}
	}

	private record ForeignKey(String name, String child, String parent, String definition, List<String> columns,
			List<String> parentColumns) {

	}

}
