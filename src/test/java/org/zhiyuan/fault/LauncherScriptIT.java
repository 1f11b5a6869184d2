package org.zhiyuan.fault;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's way to run the built jar, {@code ./zhiyuan.sh}: the first start extracts
 * the jar and makes the JVM's class cache in the data directory, later starts use the
 * cache, and either way the platform serves, with its background warm-up done. The
 * build's {@code ./zhiyuan.sh --prepare} makes the cache without creating the
 * installation's database, and the first start after it uses the cache at once.
 */
class LauncherScriptIT {

	private static final Duration STARTUP = Duration.ofSeconds(180);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void theFirstStartMakesTheClassCacheAndLaterStartsUseIt() throws Exception {
		Path root = Files.createDirectories(Path.of("target", "crash-tests").toAbsolutePath());
		Path data = Files.createTempDirectory(root, "script-data-");
		Path cache = data.resolve("cache");

		Path first = root.resolve(data.getFileName() + "-1.log");
		Process one = start(data, first);
		try {
			awaitReady(one, first);
			assertThat(Files.readString(first)).as("the first start prepares the cache")
				.contains("preparing the class cache");
			assertThat(Files.exists(cache.resolve("zhiyuan.jsa")) || Files.exists(cache.resolve("zhiyuan.aot")))
				.as("a class cache in " + cache)
				.isTrue();
			assertThat(cache.resolve("app").resolve(jar().getFileName())).isRegularFile();
			awaitLine(first, "Warm-up: ");
		}
		finally {
			stop(one);
		}

		Path second = root.resolve(data.getFileName() + "-2.log");
		Process two = start(data, second);
		try {
			int port = awaitReady(two, second);
			assertThat(Files.readString(second)).doesNotContain("preparing the class cache");
			assertThat(String.join(" ", two.info().arguments().orElse(new String[0])))
				.as("the JVM reads the cache and runs the extracted jar")
				.containsAnyOf("-XX:SharedArchiveFile=", "-XX:AOTCache=")
				.contains(cache.resolve("app").toString());
			HttpResponse<String> home = this.http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(home.statusCode()).isEqualTo(200);
			assertThat(home.body()).contains("志愿");
			awaitLine(second, "Warm-up: ");
		}
		finally {
			stop(two);
		}
	}

	@Test
	void thePreparedCacheServesTheFirstStartAndTheDatabaseIsLeftAlone() throws Exception {
		Path root = Files.createDirectories(Path.of("target", "crash-tests").toAbsolutePath());
		Path data = Files.createTempDirectory(root, "script-prepared-");
		Path cache = data.resolve("cache");
		Path prepareLog = root.resolve(data.getFileName() + "-prepare.log");
		ProcessBuilder prepare = new ProcessBuilder(
				List.of("sh", Path.of("zhiyuan.sh").toAbsolutePath().toString(), "--prepare"))
			.redirectErrorStream(true)
			.redirectOutput(prepareLog.toFile());
		environment(prepare.environment(), data, null);
		Process preparing = prepare.start();
		assertThat(preparing.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)).as("prepared in time; see " + prepareLog)
			.isTrue();
		assertThat(preparing.exitValue()).as("see " + prepareLog).isZero();
		assertThat(Files.exists(cache.resolve("zhiyuan.jsa")) || Files.exists(cache.resolve("zhiyuan.aot")))
			.as("a class cache in " + cache)
			.isTrue();
		assertThat(data.resolve("db")).as("the installation's database is not made by the build").doesNotExist();

		Path first = root.resolve(data.getFileName() + "-1.log");
		Process one = start(data, first, null);
		try {
			int port = awaitReady(one, first);
			assertThat(Files.readString(first)).doesNotContain("preparing the class cache");
			assertThat(String.join(" ", one.info().arguments().orElse(new String[0])))
				.as("the cache, and the heap capped for a small installation when JAVA_OPTS sets none")
				.containsAnyOf("-XX:SharedArchiveFile=", "-XX:AOTCache=")
				.contains("-Xmx512m");
			HttpResponse<String> home = this.http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(home.statusCode()).isEqualTo(200);
			assertThat(data.resolve("db")).as("the first start made the database").isDirectory();
		}
		finally {
			stop(one);
		}
	}

	private Process start(Path data, Path log) throws IOException {
		return start(data, log, "-Xmx512m -XX:+UseSerialGC");
	}

	private Process start(Path data, Path log, String javaOptions) throws IOException {
		int port = freePort();
		ProcessBuilder builder = new ProcessBuilder(List.of("sh", Path.of("zhiyuan.sh").toAbsolutePath().toString(),
				"--server.port=" + port, "--zhiyuan.admin-password=Script-admin-2026"))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		environment(builder.environment(), data, javaOptions);
		Files.writeString(log.resolveSibling(log.getFileName() + ".port"), Integer.toString(port));
		return builder.start();
	}

	private static void environment(Map<String, String> env, Path data, String javaOptions) {
		env.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
		if (javaOptions != null) {
			env.put("JAVA_OPTS", javaOptions);
		}
		else {
			env.remove("JAVA_OPTS");
		}
		env.put("ZHIYUAN_JAR", jar().toString());
		env.put("ZHIYUAN_DATA_DIR", data.toString());
	}

	private int awaitReady(Process process, Path log) throws Exception {
		int port = Integer.parseInt(Files.readString(log.resolveSibling(log.getFileName() + ".port")));
		Instant deadline = Instant.now().plus(STARTUP);
		while (true) {
			assertThat(process.isAlive()).as("the platform is running; see " + log).isTrue();
			assertThat(Instant.now()).as("ready in time; see " + log).isBefore(deadline);
			try {
				HttpRequest ready = HttpRequest
					.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(2))
					.GET()
					.build();
				if (this.http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return port;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
	}

	private static void awaitLine(Path log, String text) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!Files.readString(log).contains(text)) {
			assertThat(Instant.now()).as("'" + text + "' in " + log).isBefore(deadline);
			Thread.sleep(200);
		}
	}

	private static void stop(Process process) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	private static Path jar() {
		return Path.of(System.getProperty("zhiyuan.test.jar", "target/zhiyuan-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
