package org.zhiyuan.bench.generate;

import java.sql.Connection;
import java.sql.Statement;

import org.zhiyuan.bench.Console;
import org.zhiyuan.bench.Options;

/**
 * Gives an embedded H2 database back the space its file grew by: H2's store (MVStore)
 * writes changed pages anew and keeps the old pages' space, so a data set whose rows were
 * rewritten many times — the statistics build updates its rollups batch after batch —
 * leaves a file many times the size of its live rows, and reading it misses the page
 * cache at every step. {@code SHUTDOWN COMPACT} closes the database and copies the live
 * pages into a new file that replaces the old one (in H2 2.x {@code SHUTDOWN DEFRAG} does
 * the same). Nothing else may have the database open: the platform must be stopped.
 */
public final class H2Compaction {

	private final Options options;

	public H2Compaction(Options options) {
		this.options = options;
	}

	public void run() throws Exception {
		Database database = Database.from(this.options);
		if (database.isPostgres()) {
			throw new IllegalArgumentException("compact is for the embedded H2 database, not " + database.url());
		}
		long started = System.nanoTime();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("SHUTDOWN COMPACT");
		}
		Console.line(String.format("H2 database compacted (SHUTDOWN COMPACT) in %.1f s",
				(System.nanoTime() - started) / 1e9));
	}

}
