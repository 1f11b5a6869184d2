package org.zhiyuan.bench.generate;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Rows through JDBC batch inserts (for H2), on a connection of its own, committing every
 * {@value #BATCH} rows.
 */
final class BatchSink implements TableSink {

	private static final int BATCH = 20_000;

	private final Connection connection;

	private final PreparedStatement insert;

	private final String table;

	private final boolean ownsConnection;

	private long rows;

	BatchSink(Connection connection, boolean ownsConnection, String table, String columns) throws SQLException {
		this.connection = connection;
		this.ownsConnection = ownsConnection;
		this.connection.setAutoCommit(false);
		int count = columns.split(",").length;
		this.insert = connection.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES ("
				+ String.join(", ", java.util.Collections.nCopies(count, "?")) + ")");
		this.table = table;
	}

	@Override
	public void row(Object... values) throws SQLException {
		for (int i = 0; i < values.length; i++) {
			Object value = values[i];
			if (value instanceof Instant instant) {
				value = OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
			}
			else if (value instanceof BigDecimal decimal) {
				this.insert.setBigDecimal(i + 1, decimal);
				continue;
			}
			this.insert.setObject(i + 1, value);
		}
		this.insert.addBatch();
		this.rows++;
		if (this.rows % BATCH == 0) {
			this.insert.executeBatch();
			this.connection.commit();
		}
	}

	@Override
	public long rows() {
		return this.rows;
	}

	@Override
	public String table() {
		return this.table;
	}

	@Override
	public void close() throws SQLException {
		try {
			this.insert.executeBatch();
			this.connection.commit();
			this.insert.close();
		}
		finally {
			if (this.ownsConnection) {
				this.connection.close();
			}
		}
	}

}
