package org.zhiyuan.bench.generate;

import java.sql.SQLException;

/**
 * Where generated rows of one table go: PostgreSQL's COPY or JDBC batches. Values are
 * {@code String}, {@code UUID}, {@code Instant}, {@code LocalDate}, {@code BigDecimal},
 * {@code Integer}, {@code Long}, {@code Double}, {@code Boolean} or {@code null}, in the
 * order of the columns the sink was opened with.
 */
interface TableSink extends AutoCloseable {

	void row(Object... values) throws SQLException;

	/** Rows written so far. */
	long rows();

	String table();

	/** Writes what is buffered and commits. */
	@Override
	void close() throws SQLException;

}
