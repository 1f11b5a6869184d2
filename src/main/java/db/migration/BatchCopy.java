package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Copies the rows a query reads into a statement's parameters, column by column in order,
 * written in batches: how a migration fills a table from a distributed one on a Citus
 * cluster, which runs no {@code INSERT … SELECT} or joined update across the two.
 */
final class BatchCopy {

	private static final int BATCH = 1000;

	private BatchCopy() {
	}

	/** Reads every row of {@code read} and writes it with {@code write}. */
	static void copy(PreparedStatement read, PreparedStatement write) throws SQLException {
		read.setFetchSize(BATCH);
		int pending = 0;
		try (ResultSet rows = read.executeQuery()) {
			int columns = rows.getMetaData().getColumnCount();
			while (rows.next()) {
				for (int column = 1; column <= columns; column++) {
					write.setObject(column, rows.getObject(column));
				}
				write.addBatch();
				if (++pending == BATCH) {
					write.executeBatch();
					pending = 0;
				}
			}
		}
		if (pending > 0) {
			write.executeBatch();
		}
	}

}
