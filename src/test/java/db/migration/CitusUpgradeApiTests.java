package db.migration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.zhiyuan.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An upgrade on a Citus cluster: tables that were the coordinator's, one referring to the
 * other, are spread by their key with their rows when the layout moves them, and the
 * foreign key between them is made again; a copy on every node that the layout keys is
 * spread too ({@code docs/scale-out.md}, "Upgrades").
 */
@Tag("db")
class CitusUpgradeApiTests {

	@Test
	void onCitusTablesOfTheCoordinatorMoveToTheirKeyWithTheirRows() throws SQLException {
		assumeTrue(Boolean.getBoolean("zhiyuan.test.citus"), "runs on Citus only (.ci/citus)");
		// a fresh schema of its own
		TestDatabases.Server server = TestDatabases.newPostgresSchema();
		try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password())) {
			execute(connection, "CREATE TABLE person (id UUID PRIMARY KEY)");
			Map<String, CitusLayout.Placement> before = new LinkedHashMap<>();
			before.put("person", CitusLayout.REFERENCE);
			before.put("purse", CitusLayout.LOCAL);
			before.put("coin", CitusLayout.LOCAL);
			place(connection, before);
			execute(connection,
					"CREATE TABLE purse (person_id UUID PRIMARY KEY REFERENCES person (id), owed INT NOT NULL)");
			execute(connection, "CREATE TABLE coin (id UUID PRIMARY KEY, person_id UUID NOT NULL"
					+ " REFERENCES purse (person_id), worth INT NOT NULL)");
			execute(connection, "INSERT INTO person SELECT gen_random_uuid() FROM generate_series(1, 20)");
			execute(connection, "INSERT INTO purse SELECT id, 0 FROM person");
			execute(connection, "INSERT INTO coin SELECT gen_random_uuid(), id, 5 FROM person");
			assertThat(query(connection,
					"SELECT COUNT(*) FROM pg_dist_partition WHERE logicalrelid"
							+ " IN ('purse'::regclass, 'coin'::regclass) AND partmethod = 'h'"))
				.as("the coordinator's, before")
				.isEqualTo("0");

			Map<String, CitusLayout.Placement> after = new LinkedHashMap<>(before);
			after.put("purse", CitusLayout.by("person_id"));
			after.put("coin", CitusLayout.by("person_id"));
			place(connection, after);

			assertThat(query(connection,
					"SELECT string_agg(c.relname || ':' || column_to_column_name(p.logicalrelid, p.partkey), ','"
							+ " ORDER BY c.relname) FROM pg_dist_partition p JOIN pg_class c ON c.oid ="
							+ " p.logicalrelid WHERE c.relname IN ('purse', 'coin') AND c.relnamespace ="
							+ " current_schema()::regnamespace AND p.partmethod = 'h'"))
				.isEqualTo("coin:person_id,purse:person_id");
			assertThat(query(connection, "SELECT COUNT(*) || '/' || SUM(worth) FROM coin")).isEqualTo("20/100");
			assertThat(query(connection, "SELECT COUNT(*) FROM purse")).isEqualTo("20");
			assertThat(query(connection,
					"SELECT COUNT(*) FROM pg_constraint WHERE contype = 'f' AND conrelid ="
							+ " 'coin'::regclass AND confrelid = 'purse'::regclass"))
				.as("the key between the two, made again")
				.isEqualTo("1");
		}
	}

	@Test
	void onCitusACopyOnEveryNodeMovesToItsKeyWithItsRows() throws SQLException {
		assumeTrue(Boolean.getBoolean("zhiyuan.test.citus"), "runs on Citus only (.ci/citus)");
		TestDatabases.Server server = TestDatabases.newPostgresSchema();
		try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password())) {
			execute(connection, "CREATE TABLE note (id UUID PRIMARY KEY, person_id UUID NOT NULL, text VARCHAR(20))");
			execute(connection, "CREATE TABLE purse (person_id UUID PRIMARY KEY, owed INT NOT NULL)");
			Map<String, CitusLayout.Placement> before = new LinkedHashMap<>();
			before.put("note", CitusLayout.REFERENCE);
			before.put("purse", CitusLayout.by("person_id"));
			place(connection, before);
			execute(connection, "INSERT INTO purse SELECT gen_random_uuid(), 0 FROM generate_series(1, 20)");
			execute(connection, "INSERT INTO note SELECT gen_random_uuid(), person_id, 'n' FROM purse");

			Map<String, CitusLayout.Placement> after = new LinkedHashMap<>(before);
			after.put("note", CitusLayout.by("person_id"));
			place(connection, after);

			assertThat(query(connection,
					"SELECT column_to_column_name(p.logicalrelid, p.partkey) || ':' || (p.colocationid = q.colocationid)"
							+ " FROM pg_dist_partition p, pg_dist_partition q WHERE p.logicalrelid = 'note'::regclass"
							+ " AND q.logicalrelid = 'purse'::regclass AND p.partmethod = 'h'"))
				.as("spread by its key, beside the table keyed alike")
				.isEqualTo("person_id:true");
			assertThat(query(connection, "SELECT COUNT(*) FROM note n JOIN purse p ON p.person_id = n.person_id"))
				.isEqualTo("20");
		}
	}

	/**
	 * Places the tables as the repeatable migration does: in a transaction of its own.
	 */
	private static void place(Connection connection, Map<String, CitusLayout.Placement> layout) throws SQLException {
		connection.setAutoCommit(false);
		try {
			CitusLayout.place(connection, layout);
			connection.commit();
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String query(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
	}

}
