package org.zhiyuan.bench.ceiling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.zhiyuan.bench.Console;
import org.zhiyuan.bench.Options;

/**
 * The ceiling on the embedded database: what {@code pgbench/signup-spread.sql} and
 * {@code pgbench/signup-hot.sql} do on PostgreSQL, done straight on the H2 file database
 * in-process with plain JDBC, with the same clients and as many transactions. Each
 * transaction is the core of the platform's sign-up ({@code Signups.signUp}): the
 * capacity-guarded update of {@code activity_position} of
 * {@code ActivityRepository.claimPlace} ({@link #CLAIM}), then the
 * {@code INSERT INTO signup} of {@code SignupRepository.insert} with the scripts' columns
 * and values — approved holding a place when the update took one, else waitlisted — and
 * the commit.
 * <p>
 * It runs on the positions and volunteer pools the fixtures made for pgbench (schema
 * {@code bench}): spread, a random one of the spread positions per transaction; hot, the
 * one hot position. Client {@code c} (from 0) signs up volunteers {@code c + 1},
 * {@code c + 1 + clients}, … of the run's pool, as the scripts do, so nobody signs up
 * twice. One connection per client thread, autocommit off, opened with the platform's
 * settings ({@code WRITE_DELAY=0}: a commit is on disk before it returns, and its lock
 * timeout) unless the URL sets them. The pools' ids are read once before the runs, where
 * the scripts look them up in their statements (primary key reads of small tables).
 * <p>
 * H2's embedded file mode lets one process open the database, so the platform must be
 * stopped. The rows stay, as pgbench's do, on the ceiling's own activities, so the HTTP
 * scenarios that ran before are not touched; only sign-ups an earlier run of this command
 * left on the same positions are removed first (and their places given back), so that it
 * can run again on the same fixtures. Before the first run, {@code --warmup} transactions
 * (2,000) run and are rolled back, so that the measured ones do not pay for the JVM's
 * compiling H2. Afterwards the hot position must not hold more than its capacity (the run
 * fails otherwise); with {@code --fixtures}, S2's hot position is read too, which the
 * load driver cannot do on H2 while the platform holds the file.
 */
public final class H2Ceiling {

	/** The platform's settings for its embedded database (application.properties). */
	private static final String PLATFORM_SETTINGS = "WRITE_DELAY=0;LOCK_TIMEOUT=10000;OPTIMIZE_REUSE_RESULTS=FALSE";

	private static final String CLAIM = "UPDATE activity_position SET accepted = accepted + 1"
			+ " WHERE id = ? AND accepted < capacity";

	private static final String APPROVED = "INSERT INTO signup (id, activity_id, position_id, volunteer_id, status,"
			+ " holds_place, queued_at, decided_at, created_at, slot_id) VALUES (?, ?, ?, ?, 'APPROVED', TRUE,"
			+ " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?)";

	private static final String WAITLISTED = "INSERT INTO signup (id, activity_id, position_id, volunteer_id, status,"
			+ " holds_place, queued_at, decided_at, created_at, slot_id) VALUES (?, ?, ?, ?, 'WAITLISTED', FALSE,"
			+ " CURRENT_TIMESTAMP, NULL, CURRENT_TIMESTAMP, ?)";

	private final Options options;

	private final String url;

	private final int clients;

	private final int perClient;

	private final long seed;

	public H2Ceiling(Options options) {
		this.options = options;
		this.url = withPlatformSettings(options.string("url"));
		this.clients = options.integer("clients", 64);
		int signups = options.integer("signups", 20_000);
		// as bench/run.sh runs pgbench: -t rounded up, so a multiple of the clients
		this.perClient = (signups + this.clients - 1) / this.clients;
		this.seed = options.number("seed", 2026);
	}

	public void run() throws Exception {
		if (this.url.startsWith("jdbc:postgresql:")) {
			throw new IllegalArgumentException("h2-ceiling runs on the embedded H2 database; pgbench is the"
					+ " ceiling on PostgreSQL (" + this.url + ")");
		}
		List<String> runs = List.of(this.options.string("runs", "spread,hot").split(","));
		Map<String, Pool> pools = new LinkedHashMap<>();
		Map<String, Object> meta = new LinkedHashMap<>();
		Map<String, Object> s2 = null;
		// open from the first statement to the last, so that H2 keeps the database (and
		// its page cache) open between the runs, as PostgreSQL's server stays up
		try (Connection keeper = connect()) {
			for (String kind : runs) {
				pools.put(kind, pool(keeper, kind));
			}
			meta.put("h2", keeper.getMetaData().getDatabaseProductVersion());
			if (this.options.has("fixtures")) {
				s2 = s2Places(keeper);
			}
			runs(keeper, runs, pools, meta, s2);
		}
	}

	private void runs(Connection keeper, List<String> runs, Map<String, Pool> pools, Map<String, Object> meta,
			Map<String, Object> s2) throws Exception {
		meta.put("url", this.url);
		meta.put("clients", this.clients);
		meta.put("transactionsPerClient", this.perClient);
		meta.put("java", Runtime.version().toString());
		Console.line("H2 ceiling: " + this.clients + " clients x " + this.perClient + " sign-ups, in-process JDBC on "
				+ this.url);
		int warmup = this.options.integer("warmup", 2_000);
		if (warmup > 0) {
			Pool pool = pools.containsKey("spread") ? pools.get("spread") : pools.values().iterator().next();
			int each = Math.max(1, warmup / this.clients);
			Result result = drive(pool, each, true);
			meta.put("warmupRolledBack", result.committed() + result.failed());
			Console.line(String.format("  warm-up: %d transactions rolled back in %.1f s",
					result.committed() + result.failed(), result.seconds()));
		}
		List<Map<String, Object>> figures = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		for (String kind : runs) {
			Pool pool = pools.get(kind);
			clearEarlierRun(keeper, pool);
			loadNote("h2 ceiling " + kind + ": start");
			Result result = drive(pool, this.perClient, false);
			loadNote("h2 ceiling " + kind + ": end");
			Map<String, Object> run = result.figures("H2 " + kind, kind);
			places(keeper, pool, run, failures);
			Console.line(String.format(
					"  %s: %d transactions, %d failed, %.1f s, %.1f tx/s, p50 %.1f ms, p95 %.1f ms,"
							+ " p99 %.1f ms; %s",
					kind, result.committed(), result.failed(), result.seconds(), run.get("throughput"),
					run.get("p50Ms"), run.get("p95Ms"), run.get("p99Ms"), run.get("places")));
			figures.add(run);
		}
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("meta", meta);
		results.put("runs", figures);
		if (s2 != null) {
			results.put("s2Database", s2);
		}
		Path out = Path.of(this.options.string("out"));
		Files.createDirectories(out.toAbsolutePath().getParent());
		JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), results);
		Console.line("H2 ceiling written to " + out);
		if (!failures.isEmpty()) {
			throw new IllegalStateException(String.join("; ", failures));
		}
	}

	/** The platform's settings appended, unless the URL sets them itself. */
	static String withPlatformSettings(String url) {
		StringBuilder full = new StringBuilder(url);
		for (String setting : PLATFORM_SETTINGS.split(";")) {
			String name = setting.substring(0, setting.indexOf('=') + 1);
			if (!url.toUpperCase().contains(";" + name)) {
				full.append(';').append(setting);
			}
		}
		return full.toString();
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.options.string("user", "sa"),
				this.options.string("password", ""));
	}

	/** A run's positions (by number) and volunteers (by number) from the bench tables. */
	private Pool pool(Connection connection, String kind) throws SQLException {
		List<UUID[]> positions = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT b.position_id, b.activity_id"
				+ " FROM bench.pgbench_position b JOIN activity_position p ON p.id = b.position_id"
				+ " WHERE b.kind = ? ORDER BY b.n")) {
			query.setString(1, kind);
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					positions.add(new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) });
				}
			}
		}
		List<UUID> volunteers = new ArrayList<>();
		try (PreparedStatement query = connection
			.prepareStatement("SELECT volunteer_id FROM bench.pgbench_volunteer WHERE kind = ? ORDER BY n")) {
			query.setString(1, kind);
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					volunteers.add(rs.getObject(1, UUID.class));
				}
			}
		}
		if (positions.isEmpty()) {
			throw new IllegalStateException("no " + kind + " positions in bench.pgbench_position: run the fixtures"
					+ " (bench/run.sh h2-drive) on this database first");
		}
		if (volunteers.size() < this.clients * this.perClient) {
			throw new IllegalStateException("the " + kind + " pool has " + volunteers.size() + " volunteers, "
					+ this.clients + " clients x " + this.perClient + " sign-ups need " + this.clients * this.perClient
					+ ": run the fixtures with the same --clients and --signups");
		}
		return new Pool(kind, positions.toArray(new UUID[0][]), volunteers.toArray(new UUID[0]));
	}

	/**
	 * Sign-ups an earlier run of this command left on the run's positions (which only the
	 * ceiling uses) removed, and their places given back, so that the run starts where
	 * the fixtures left it.
	 */
	private static void clearEarlierRun(Connection connection, Pool pool) throws SQLException {
		String positions = "SELECT position_id FROM bench.pgbench_position WHERE kind = ?";
		connection.setAutoCommit(false);
		int removed;
		try (PreparedStatement delete = connection
			.prepareStatement("DELETE FROM signup WHERE position_id IN (" + positions + ")");
				PreparedStatement reset = connection.prepareStatement(
						"UPDATE activity_position SET accepted = 0 WHERE id IN (" + positions + ") AND accepted > 0")) {
			delete.setString(1, pool.kind);
			removed = delete.executeUpdate();
			reset.setString(1, pool.kind);
			reset.executeUpdate();
		}
		connection.commit();
		if (removed > 0) {
			Console.line("  " + pool.kind + ": " + removed + " sign-ups of an earlier h2-ceiling run removed first");
		}
	}

	/**
	 * The clients, each on a thread and a connection of its own, {@code each}
	 * transactions apiece; timed from the moment all are connected to the last commit.
	 */
	private Result drive(Pool pool, int each, boolean rollBack) throws Exception {
		long[][] latencies = new long[this.clients][each];
		int[] done = new int[this.clients];
		int[] failed = new int[this.clients];
		int[] approved = new int[this.clients];
		Map<String, Integer> errors = new TreeMap<>();
		Connection[] connections = new Connection[this.clients];
		for (int c = 0; c < this.clients; c++) {
			connections[c] = connect();
			connections[c].setAutoCommit(false);
		}
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < this.clients; c++) {
			int client = c;
			Thread thread = new Thread(() -> {
				SplittableRandom random = new SplittableRandom(this.seed * 1_000 + client + (rollBack ? 500 : 0));
				Connection connection = connections[client];
				try (PreparedStatement claim = connection.prepareStatement(CLAIM);
						PreparedStatement approve = connection.prepareStatement(APPROVED);
						PreparedStatement waitlist = connection.prepareStatement(WAITLISTED)) {
					start.await();
					for (int k = 1; k <= each; k++) {
						int n = client + 1 + (k - 1) * this.clients;
						UUID[] position = pool.positions[(pool.positions.length == 1) ? 0
								: random.nextInt(pool.positions.length)];
						long began = System.nanoTime();
						try {
							claim.setObject(1, position[0]);
							boolean won = claim.executeUpdate() > 0;
							PreparedStatement insert = won ? approve : waitlist;
							insert.setObject(1, UUID.randomUUID());
							insert.setObject(2, position[1]);
							insert.setObject(3, position[0]);
							// (the warm-up's transactions, rolled back, may come round
							// again)
							insert.setObject(4, pool.volunteers[(n - 1) % pool.volunteers.length]);
							// an activity without shifts: its one slot is the activity
							insert.setObject(5, position[1]);
							insert.executeUpdate();
							if (rollBack) {
								connection.rollback();
							}
							else {
								connection.commit();
							}
							latencies[client][done[client]++] = System.nanoTime() - began;
							approved[client] += won ? 1 : 0;
						}
						catch (SQLException ex) {
							failed[client]++;
							synchronized (errors) {
								errors.merge(String.valueOf(ex.getMessage()).lines().findFirst().orElse(""), 1,
										Integer::sum);
							}
							connection.rollback();
						}
					}
				}
				catch (SQLException | InterruptedException ex) {
					synchronized (errors) {
						errors.merge("client stopped: " + ex.getMessage(), 1, Integer::sum);
					}
				}
			}, "h2-ceiling-" + client);
			threads.add(thread);
			thread.start();
		}
		long began = System.nanoTime();
		start.countDown();
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - began) / 1e9;
		for (Connection connection : connections) {
			connection.close();
		}
		List<long[]> samples = new ArrayList<>();
		for (int c = 0; c < this.clients; c++) {
			samples.add(Arrays.copyOf(latencies[c], done[c]));
		}
		long[] all = samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		return new Result(all, Arrays.stream(failed).sum(), Arrays.stream(approved).sum(), seconds, errors);
	}

	/**
	 * The run's places afterwards: taken against capacity on its positions, sign-ups
	 * holding a place and waitlisted. Places taken beyond capacity, or differing from the
	 * sign-ups holding them, fail the run.
	 */
	private static void places(Connection connection, Pool pool, Map<String, Object> run, List<String> failures)
			throws SQLException {
		String sql = "SELECT SUM(p.accepted), SUM(p.capacity), MAX(p.accepted - p.capacity),"
				+ " (SELECT COUNT(*) FROM signup s WHERE s.holds_place AND s.position_id IN"
				+ " (SELECT position_id FROM bench.pgbench_position WHERE kind = ?)),"
				+ " (SELECT COUNT(*) FROM signup s WHERE s.status = 'WAITLISTED' AND s.position_id IN"
				+ " (SELECT position_id FROM bench.pgbench_position WHERE kind = ?))"
				+ " FROM activity_position p JOIN bench.pgbench_position b ON b.position_id = p.id WHERE b.kind = ?";
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			query.setString(1, pool.kind);
			query.setString(2, pool.kind);
			query.setString(3, pool.kind);
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				long taken = rs.getLong(1);
				long capacity = rs.getLong(2);
				long beyond = Math.max(0, rs.getLong(3));
				long holding = rs.getLong(4);
				long waitlisted = rs.getLong(5);
				run.put("capacity", capacity);
				run.put("placesTaken", taken);
				run.put("holdingPlaces", holding);
				run.put("waitlistedRows", waitlisted);
				run.put("oversold", beyond);
				boolean sound = beyond == 0 && holding == taken;
				run.put("withinCapacity", sound);
				run.put("places", String.format("%d of %d places taken, %d sign-ups holding a place, %d waitlisted",
						taken, capacity, holding, waitlisted));
				connection.commit();
				if (!sound) {
					failures.add("H2 " + pool.kind + ": " + taken + " places taken of " + capacity + ", " + holding
							+ " sign-ups holding one, " + beyond + " beyond a position's capacity");
				}
			}
		}
	}

	/**
	 * S2's hot position of the fixtures, read once the platform has stopped: places
	 * taken, sign-ups holding one and the capacity.
	 */
	private Map<String, Object> s2Places(Connection connection) throws SQLException, IOException {
		JsonNode fixtures = JsonMapper.builder().build().readTree(Path.of(this.options.string("fixtures")).toFile());
		JsonNode hot = fixtures.path("s2");
		if (hot.path("positionId").isMissingNode()) {
			return null;
		}
		UUID position = UUID.fromString(hot.path("positionId").asString());
		Map<String, Object> s2 = new LinkedHashMap<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT p.accepted, p.capacity,"
				+ " (SELECT COUNT(*) FROM signup s WHERE s.position_id = p.id AND s.holds_place)"
				+ " FROM activity_position p WHERE p.id = ?")) {
			query.setObject(1, position);
			try (ResultSet rs = query.executeQuery()) {
				if (!rs.next()) {
					return null;
				}
				s2.put("positionId", position);
				s2.put("placesTaken", rs.getLong(1));
				s2.put("capacity", rs.getLong(2));
				s2.put("holdingPlacesInDatabase", rs.getLong(3));
				s2.put("oversold", Math.max(0, Math.max(rs.getLong(1), rs.getLong(3)) - rs.getLong(2)));
			}
		}
		Console.line("  S2's hot position (after the platform stopped): " + s2.get("placesTaken") + " of "
				+ s2.get("capacity") + " places taken, " + s2.get("holdingPlacesInDatabase")
				+ " sign-ups holding a place");
		return s2;
	}

	/** A line in the run's load.txt, as bench/run.sh's load_note writes them. */
	private void loadNote(String label) throws IOException {
		if (!this.options.has("load-notes")) {
			return;
		}
		Path loadavg = Path.of("/proc/loadavg");
		String load = Files.exists(loadavg)
				? String.join(" ", Arrays.copyOf(Files.readString(loadavg).strip().split(" "), 3)) : "?";
		String line = String.format("%s %-28s %s%n", LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")),
				label, load);
		Files.writeString(Path.of(this.options.string("load-notes")), line, StandardCharsets.UTF_8,
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	private record Pool(String kind, UUID[][] positions, UUID[] volunteers) {

	}

	private record Result(long[] sortedNanos, int failed, int approved, double seconds, Map<String, Integer> errors) {

		int committed() {
			return this.sortedNanos.length;
		}

		Map<String, Object> figures(String name, String kind) {
			Map<String, Object> run = new LinkedHashMap<>();
			run.put("name", name);
			run.put("run", kind);
			run.put("transactions", committed());
			run.put("failed", this.failed);
			run.put("seconds", round(this.seconds, 2));
			run.put("throughput", (this.seconds > 0) ? round(committed() / this.seconds, 1) : 0.0);
			run.put("p50Ms", percentile(50));
			run.put("p95Ms", percentile(95));
			run.put("p99Ms", percentile(99));
			run.put("maxMs", (committed() > 0) ? round(this.sortedNanos[committed() - 1] / 1e6, 1) : 0.0);
			run.put("approved", this.approved);
			run.put("waitlisted", committed() - this.approved);
			run.put("errors", this.errors);
			return run;
		}

		/** Exact, as the load driver's: the nearest rank of every sample. */
		private double percentile(double percent) {
			if (this.sortedNanos.length == 0) {
				return 0;
			}
			int rank = (int) Math.ceil(percent / 100 * this.sortedNanos.length) - 1;
			return round(this.sortedNanos[Math.max(0, Math.min(this.sortedNanos.length - 1, rank))] / 1e6, 1);
		}

		private static double round(double value, int places) {
			double scale = Math.pow(10, places);
			return Math.round(value * scale) / scale;
		}

	}

}
