package org.zhiyuan.bench.generate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows into PostgreSQL through {@code COPY ... FROM STDIN} in text format, on a
 * connection of its own. Every {@value #ROWS_PER_COPY} rows the COPY ends (and commits)
 * and a new one starts, so that a failure late in a long load does not lose everything.
 */
final class CopySink implements TableSink {

	private static final int ROWS_PER_COPY = 1_000_000;

	private static final int FLUSH_CHARS = 1 << 20;

	private final Connection connection;

	private final CopyManager copy;

	private final String table;

	private final String sql;

	private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);

	private CopyIn current;

	private long rows;

	CopySink(Connection connection, String table, String columns) throws SQLException {
		this.connection = connection;
		this.connection.setAutoCommit(true);
		this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
		this.table = table;
		this.sql = "COPY " + table + " (" + columns + ") FROM STDIN";
	}

	@Override
	public void row(Object... values) throws SQLException {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				this.buffer.append('\t');
			}
			append(values[i]);
		}
		this.buffer.append('\n');
		this.rows++;
		if (this.buffer.length() >= FLUSH_CHARS) {
			flush();
		}
		if (this.rows % ROWS_PER_COPY == 0) {
			flush();
			endCopy();
		}
	}

	private void append(Object value) {
		if (value == null) {
			this.buffer.append("\\N");
		}
		else if (value instanceof String text) {
			if (!needsEscape(text)) {
				this.buffer.append(text);
				return;
			}
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				switch (c) {
					case '\\' -> this.buffer.append("\\\\");
					case '\t' -> this.buffer.append("\\t");
					case '\n' -> this.buffer.append("\\n");
					case '\r' -> this.buffer.append("\\r");
					default -> this.buffer.append(c);
				}
			}
		}
		else if (value instanceof Boolean bool) {
			this.buffer.append(bool ? 't' : 'f');
		}
		else if (value instanceof BigDecimal decimal) {
			this.buffer.append(decimal.toPlainString());
		}
		else {
			// UUID, Instant (ISO-8601 with Z), LocalDate, numbers: their toString is
			// what PostgreSQL reads
			this.buffer.append(value);
		}
	}

	private static boolean needsEscape(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
				return true;
			}
		}
		return false;
	}

	private void flush() throws SQLException {
		if (this.buffer.length() == 0) {
			return;
		}
		if (this.current == null) {
			this.current = this.copy.copyIn(this.sql);
		}
		byte[] bytes = this.buffer.toString().getBytes(StandardCharsets.UTF_8);
		this.current.writeToCopy(bytes, 0, bytes.length);
		this.buffer.setLength(0);
	}

	private void endCopy() throws SQLException {
		if (this.current != null) {
			this.current.endCopy();
			this.current = null;
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
			flush();
			endCopy();
		}
		finally {
			this.connection.close();
		}
	}

}
