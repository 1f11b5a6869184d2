package org.zhiyuan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import db.migration.R__Place_tables_on_Citus;
import org.junit.jupiter.api.Test;
import org.zhiyuan.support.ApiTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every table of the schema has its place on a Citus cluster ({@code docs/scale-out.md}),
 * so that a migration that adds a table cannot forget it; on Citus, every table is where
 * the layout says.
 */
class CitusLayoutApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyTableHasAPlaceOnCitus() {
		Set<String> tables = new TreeSet<>(this.jdbc.sql(
				"SELECT LOWER(table_name) FROM information_schema.tables WHERE LOWER(table_schema) = LOWER(CURRENT_SCHEMA)"
						+ " AND table_type IN ('BASE TABLE', 'TABLE')")
			.query(String.class)
			.list());
		assertThat(tables).isNotEmpty();
		assertThat(R__Place_tables_on_Citus.placements().keySet()).as("tables with a place on Citus")
			.containsAll(tables);
		assertThat(tables).as("tables of the layout that exist")
			.containsAll(R__Place_tables_on_Citus.placements().keySet());
	}

	@Test
	void onCitusEveryTableIsWhereTheLayoutSays() {
		assumeTrue(Boolean.getBoolean("zhiyuan.test.citus"), "runs on Citus only (.ci/citus)");
		Map<String, String> placed = this.jdbc
			.sql("SELECT c.relname, CASE p.partmethod WHEN 'h' THEN column_to_column_name(p.logicalrelid, p.partkey)"
					+ " ELSE 'reference' END FROM pg_dist_partition p JOIN pg_class c ON c.oid = p.logicalrelid"
					+ " WHERE c.relnamespace = current_schema()::regnamespace AND p.partmethod IN ('h', 'n')"
					+ " AND p.repmodel = CASE p.partmethod WHEN 'h' THEN 's' ELSE 't' END")
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		Map<String, String> expected = new HashMap<>(R__Place_tables_on_Citus.placements());
		expected.values().removeIf("local"::equals);
		assertThat(placed).isEqualTo(expected);
		List<String> twoShardsOrMore = this.jdbc
			.sql("SELECT DISTINCT c.relname FROM pg_dist_shard s JOIN pg_class c ON c.oid = s.logicalrelid"
					+ " JOIN pg_dist_placement pl ON pl.shardid = s.shardid"
					+ " WHERE c.relname = 'service_record' AND c.relnamespace = current_schema()::regnamespace"
					+ " GROUP BY c.relname HAVING COUNT(DISTINCT pl.groupid) >= 2")
			.query(String.class)
			.list();
		assertThat(twoShardsOrMore).as("service records spread over both workers").containsExactly("service_record");
		List<String> unknownToWorkers = this.jdbc
			.sql("SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace"
					+ " AND c.relkind = 'r' AND NOT EXISTS (SELECT 1 FROM pg_dist_partition p"
					+ " WHERE p.logicalrelid = c.oid) AND c.relname <> 'flyway_schema_history'")
			.query(String.class)
			.list();
		assertThat(unknownToWorkers).as("tables of the coordinator outside Citus' metadata").isEmpty();
		List<String> seenByWorkers = this.jdbc
			.sql("SELECT result FROM run_command_on_workers(format('SELECT to_regclass(%L)',"
					+ " current_schema() || '.scheduled_tasks'))")
			.query(String.class)
			.list();
		assertThat(seenByWorkers).as("the coordinator's job table, seen from each worker")
			.hasSize(2)
			.allSatisfy((name) -> assertThat(name).endsWith("scheduled_tasks"));
	}

}
