package org.zhiyuan.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database under test. Surefire runs the suite twice: once with
 * {@code zhiyuan.test.db=h2} (the embedded default, configured exactly as in production)
 * and once with {@code zhiyuan.test.db=postgresql}: the server at
 * {@code ZHIYUAN_TEST_PG_URL} when that is set, else an embedded real PostgreSQL started
 * here. Each Spring context gets a fresh schema. If PostgreSQL cannot be started the
 * tests fail loudly; they are never skipped silently.
 */
public final class TestDatabases {

	private static final AtomicInteger SCHEMAS = new AtomicInteger();

	private static EmbeddedPostgres embedded;

	private TestDatabases() {
	}

	public static boolean isPostgres() {
		return "postgresql".equals(System.getProperty("zhiyuan.test.db", "h2"));
	}

	public static void register(DynamicPropertyRegistry registry) {
		if (isPostgres()) {
			Server server = newPostgresSchema();
			registry.add("spring.datasource.url", server::url);
			registry.add("spring.datasource.username", server::user);
			registry.add("spring.datasource.password", server::password);
		}
		else {
			try {
				Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()),
						"test-data-");
				registry.add("zhiyuan.data-dir", dataDir::toString);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot create a data directory for H2", ex);
			}
		}
	}

	/**
	 * A fresh, empty schema on the test PostgreSQL (the server at
	 * {@code ZHIYUAN_TEST_PG_URL}, else the embedded one, started on first use): a JDBC
	 * URL that selects it, with the user and password.
	 * @throws IllegalStateException when PostgreSQL cannot be started or reached
	 */
	public static Server newPostgresSchema() {
		Server server = postgres();
		String schema = "zy_test_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
		try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create a test schema on PostgreSQL at " + server.url(), ex);
		}
		String separator = server.url().contains("?") ? "&" : "?";
		return new Server(server.url() + separator + "currentSchema=" + schema, server.user(), server.password());
	}

	/**
	 * The same schema as {@code server}'s, reached through another node of a Citus
	 * cluster: the worker at {@code ZHIYUAN_TEST_CITUS_WORKER_URL} ({@code .ci/citus}
	 * sets it); empty when none is set.
	 */
	public static Optional<Server> onCitusWorker(Server server) {
		String worker = System.getenv("ZHIYUAN_TEST_CITUS_WORKER_URL");
		if (worker == null || worker.isBlank()) {
			return Optional.empty();
		}
		String schema = server.url().substring(server.url().indexOf("currentSchema="));
		return Optional
			.of(new Server(worker + (worker.contains("?") ? "&" : "?") + schema, server.user(), server.password()));
	}

	private static synchronized Server postgres() {
		String url = System.getenv("ZHIYUAN_TEST_PG_URL");
		if (url != null && !url.isBlank()) {
			return new Server(url, envOr("ZHIYUAN_TEST_PG_USER", "postgres"), envOr("ZHIYUAN_TEST_PG_PASSWORD", ""));
		}
		if (embedded == null) {
			try {
				embedded = EmbeddedPostgres.builder().start();
			}
			catch (IOException | RuntimeException ex) {
				throw new IllegalStateException("""

						=====================================================================
						 PostgreSQL tests cannot run: the embedded PostgreSQL did not start.
						 Set ZHIYUAN_TEST_PG_URL (and ZHIYUAN_TEST_PG_USER/_PASSWORD) to a
						 server, or skip them explicitly with -Dzhiyuan.test.pg.skip=true.
						=====================================================================
						""", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					embedded.close();
				}
				catch (IOException ex) {
					// the process is ending anyway
				}
			}));
		}
		return new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

	/** Where a test database is, and how to sign in to it. */
	public record Server(String url, String user, String password) {

	}

}
