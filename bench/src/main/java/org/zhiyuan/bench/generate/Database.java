package org.zhiyuan.bench.generate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.zhiyuan.bench.Options;

/**
 * The database to write to: its JDBC URL and credentials, and whether it is PostgreSQL
 * (loaded with COPY) or H2 (loaded with batches). While loading, foreign keys are not
 * checked row by row — the generator writes every referenced row itself — and are checked
 * as a whole afterwards ({@code DataGenerator} counts orphans).
 */
final class Database {

	private final String url;

	private final String user;

	private final String password;

	private Connection keeper;

	private Database(String url, String user, String password) {
		this.url = url;
		this.user = user;
		this.password = password;
	}

	static Database from(Options options) {
		return new Database(options.string("url"), options.string("user", "sa"), options.string("password", ""));
	}

	boolean isPostgres() {
		return this.url.startsWith("jdbc:postgresql:");
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.user, this.password);
	}

	/**
	 * A connection for bulk loading: on PostgreSQL with triggers (and so foreign key
	 * checks) off for the session, which needs a superuser.
	 */
	Connection connectForLoad() throws SQLException {
		Connection connection = connect();
		if (isPostgres()) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET session_replication_role = replica");
				statement.execute("SET synchronous_commit = off");
			}
		}
		return connection;
	}

	/**
	 * A sink for one table: on PostgreSQL a COPY on a connection of its own, so that
	 * tables load side by side; on H2 batches on the one connection of the load.
	 */
	TableSink sink(String table, String columns) throws SQLException {
		if (isPostgres()) {
			return new CopySink(connectForLoad(), table, columns);
		}
		if (this.keeper == null) {
			throw new IllegalStateException("on H2, switch referential integrity off before loading");
		}
		return new BatchSink(this.keeper, false, table, columns);
	}

	/**
	 * On H2 referential integrity is a database-wide switch that lasts while the database
	 * is open, so a connection stays open from switching it off to switching it back on.
	 */
	void referentialIntegrity(boolean on) throws SQLException {
		if (isPostgres()) {
			return;
		}
		if (!on && this.keeper == null) {
			this.keeper = connect();
		}
		try (Statement statement = this.keeper.createStatement()) {
			statement.execute("SET REFERENTIAL_INTEGRITY " + (on ? "TRUE" : "FALSE"));
		}
		if (on) {
			this.keeper.close();
			this.keeper = null;
		}
	}

	String url() {
		return this.url;
	}

}
