package org.zhiyuan.stats;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows written many to a statement, {@code INSERT … VALUES (…), (…)}: on a Citus cluster
 * one task per shard they fall in, where a statement per row would cross from the
 * coordinator to a worker each time.
 */
final class ManyRows {

	/** Rows written by one statement. */
	static final int CHUNK = 500;

	private ManyRows() {
	}

	/**
	 * Inserts the rows, each with a value per column.
	 * @param into the table and its columns, {@code stat_member (volunteer_id, …)}
	 */
	static void insert(JdbcTemplate template, String into, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		String tuple = "(" + String.join(", ", Collections.nCopies(rows.get(0).length, "?")) + ")";
		for (int from = 0; from < rows.size(); from += CHUNK) {
			List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
			template.update(
					"INSERT INTO " + into + " VALUES " + String.join(", ", Collections.nCopies(chunk.size(), tuple)),
					chunk.stream().flatMap(Arrays::stream).toArray());
		}
	}

}
