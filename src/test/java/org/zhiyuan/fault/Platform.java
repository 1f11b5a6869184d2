package org.zhiyuan.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.zhiyuan.support.TestDatabases.Server;

/**
 * The built jar ({@code zhiyuan.test.jar}) running as a child process on a database that
 * outlives it: started, killed with SIGKILL, and started again on the same data. Its
 * output goes to {@code target/crash-tests/<name>-<n>.log}.
 */
final class Platform {

	static final String ADMIN_PASSWORD = "Crash-admin-2026";

	/** The exit status of a process ended by SIGKILL: 128 + 9. */
	static final int KILLED = 137;

	private static final Duration STARTUP = Duration.ofSeconds(180);

	private final String name;

	private final Path dataDirectory;

	private final List<String> databaseArguments;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Process process;

	private int port;

	private int starts;

	private Platform(String name, Path dataDirectory, List<String> databaseArguments) {
		this.name = name;
		this.dataDirectory = dataDirectory;
		this.databaseArguments = databaseArguments;
	}

	/** The platform on its embedded H2 database, a file in a fresh data directory. */
	static Platform onH2() {
		return new Platform("h2", freshDirectory("h2"), List.of());
	}

	/**
	 * A platform of its own name on its embedded H2 database, for tests that run several
	 * installations side by side.
	 */
	static Platform onH2(String name) {
		return new Platform(name, freshDirectory(name), List.of());
	}

	/**
	 * The platform on PostgreSQL; its data directory (which holds the personal-data keys)
	 * is fresh.
	 */
	static Platform onPostgres(Server server) {
		return onPostgres(server, "postgresql", List.of());
	}

	/**
	 * One of several instances on one PostgreSQL, named for its log, with more settings
	 * (those every instance must share, such as the personal-data keys).
	 */
	static Platform onPostgres(Server server, String name, List<String> settings) {
		List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + server.url(),
				"--spring.datasource.username=" + server.user(), "--spring.datasource.password=" + server.password()));
		arguments.addAll(settings);
		return new Platform(name, freshDirectory(name), arguments);
	}

	/**
	 * Starts the jar and waits until it is ready to take requests. The free port is
	 * picked before the JVM starts and bound seconds later; when another process took it
	 * meanwhile (the tests run side by side), the start is tried again on another port.
	 */
	void start() {
		for (int attempt = 1;; attempt++) {
			try {
				startOnce();
				return;
			}
			catch (IllegalStateException ex) {
				if (attempt == 3 || !portWasTaken()) {
					throw ex;
				}
			}
		}
	}

	private boolean portWasTaken() {
		try {
			return Files.readString(logFile()).contains("Port " + this.port + " was already in use");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private void startOnce() {
		this.starts++;
		this.port = freePort();
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar().toString(), "--server.port=" + this.port,
				"--zhiyuan.data-dir=" + this.dataDirectory, "--zhiyuan.admin-password=" + ADMIN_PASSWORD,
				"--logging.level.root=WARN", "--logging.level.org.zhiyuan.ZhiyuanApplication=INFO"));
		command.addAll(this.databaseArguments);
		Path log = logFile();
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + jar(), ex);
		}
		Instant deadline = Instant.now().plus(STARTUP);
		while (!isReady()) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"The platform exited with " + this.process.exitValue() + " while starting; see " + log);
			}
			if (Instant.now().isAfter(deadline)) {
				kill();
				throw new IllegalStateException("The platform was not ready after " + STARTUP + "; see " + log);
			}
			pause();
		}
	}

	@Override
	public String toString() {
		return "the platform on " + this.name;
	}

	String base() {
		return "http://localhost:" + this.port;
	}

	/**
	 * Kills the process with SIGKILL, as a power cut or the kernel's OOM killer would: no
	 * shutdown hook, no graceful shutdown, nothing flushed.
	 * @throws IllegalStateException when the process ended any other way
	 */
	void kill() {
		// on Linux destroyForcibly() is kill(pid, SIGKILL); the exit status proves it
		this.process.destroyForcibly();
		int status = waitForExit();
		if (status != KILLED) {
			throw new IllegalStateException("expected the platform to die of SIGKILL (137), but it exited with "
					+ status + "; see " + logFile());
		}
	}

	/** Stops the process gracefully, if it is running. */
	void stop() {
		if (this.process == null || !this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	private boolean isReady() {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.GET()
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private int waitForExit() {
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the platform did not die within 30 s of SIGKILL");
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Path logFile() {
		return this.dataDirectory.resolveSibling(this.name + "-" + this.starts + ".log");
	}

	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Path jar() {
		Path jar = Path.of(System.getProperty("zhiyuan.test.jar", "target/zhiyuan-0.1.0-SNAPSHOT.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No jar at " + jar + ": run the crash tests with ./mvnw verify");
		}
		return jar.toAbsolutePath();
	}

	private static Path freshDirectory(String name) {
		try {
			Path root = Files.createDirectories(Path.of("target", "crash-tests").toAbsolutePath());
			return Files.createTempDirectory(root, name + "-data-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
