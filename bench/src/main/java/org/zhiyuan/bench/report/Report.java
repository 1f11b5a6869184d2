package org.zhiyuan.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.zhiyuan.bench.Console;
import org.zhiyuan.bench.Options;

/**
 * Puts one run's figures side by side as Markdown: each HTTP scenario's throughput and
 * latency with its ratio to the pgbench ceiling of the same transaction shape (for S6's
 * gifts, pgbench's built-in tpcb-like bank transfer) — on the embedded database
 * ({@code http-h2.json}), to the H2 ceiling ({@code h2-ceiling.json}: the same
 * transaction in-process) — the targets and whether they were met, the ceiling runs
 * themselves, the data generation rates, the H2 compaction and the cold starts on the
 * embedded database.
 */
public final class Report {

	private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

	private static final Pattern PROCESSED = Pattern.compile("actually processed: (\\d+)");

	private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

	private static final Pattern SCALE = Pattern.compile("scaling factor: (\\d+)");

	private final Options options;

	private final JsonMapper json = JsonMapper.builder().build();

	public Report(Options options) {
		this.options = options;
	}

	public void run() throws IOException {
		Path results = Path.of(this.options.string("results"));
		StringBuilder md = new StringBuilder();
		Ceilings pgbench = new Ceilings("pgbench", pgbench(results.resolve("pgbench"), "spread", "pgbench spread"),
				pgbench(results.resolve("pgbench"), "hot", "pgbench hot"),
				pgbench(results.resolve("pgbench"), "tpcb", "pgbench tpcb-like (built-in, scale %s)"));
		Path h2File = results.resolve("h2-ceiling.json");
		JsonNode h2Runs = Files.exists(h2File) ? this.json.readTree(h2File.toFile()) : null;
		Ceilings h2 = new Ceilings("H2", h2Ceiling(h2Runs, "spread"), h2Ceiling(h2Runs, "hot"), null);
		List<Path> runs;
		try (Stream<Path> list = Files.list(results)) {
			runs = list.filter((p) -> p.getFileName().toString().matches("http.*\\.json")).sorted().toList();
		}
		for (Path http : runs) {
			JsonNode run = this.json.readTree(http.toFile());
			// the embedded database's scenarios beside its own ceiling, the others beside
			// pgbench's
			boolean embedded = run.path("meta").path("database").asString("PostgreSQL").equals("H2");
			scenarios(md, run, embedded ? h2 : pgbench, http.getFileName().toString());
			if (embedded && h2Runs != null && h2Runs.has("s2Database")) {
				JsonNode s2 = h2Runs.path("s2Database");
				md.append(String.format(
						"%nS2 on H2, its hot position read in the database after the platform stopped (h2-ceiling):"
								+ " %d of %d places taken, %d sign-ups holding a place, oversold %d%n",
						s2.path("placesTaken").asLong(), s2.path("capacity").asLong(),
						s2.path("holdingPlacesInDatabase").asLong(), s2.path("oversold").asLong()));
			}
		}
		if (pgbench.any()) {
			md.append("\n### pgbench ceilings (straight on PostgreSQL: the sign-up's transaction shape, and pgbench's"
					+ " own tpcb-like for the gifts)\n\n");
			ceilingTable(md, pgbench);
		}
		Path hotCheck = results.resolve("pgbench").resolve("hot-check.txt");
		if (Files.exists(hotCheck)) {
			md.append("\npgbench hot run, places afterwards: ")
				.append(Files.readString(hotCheck, StandardCharsets.UTF_8).strip())
				.append("\n");
		}
		if (h2.any()) {
			md.append("\n### H2 ceilings (straight on the embedded database: the same transaction as the pgbench"
					+ " scripts, in-process JDBC, ")
				.append(h2Runs.path("meta").path("clients").asInt())
				.append(" clients, ")
				.append(h2Runs.path("meta").path("h2").asString())
				.append(")\n\n");
			ceilingTable(md, h2);
			for (JsonNode run : h2Runs.path("runs")) {
				md.append(String.format("%nH2 %s run, places afterwards: %s%s%n", run.path("run").asString(),
						run.path("places").asString(),
						run.path("withinCapacity").asBoolean(false) ? "" : " — **beyond capacity**"));
			}
		}
		generation(md, results);
		statisticsBuild(md, results.resolve("stats-build.tsv"));
		compaction(md, results.resolve("h2-compact.tsv"));
		for (String name : List.of("machine.txt", "load.txt")) {
			Path file = results.resolve(name);
			if (Files.exists(file)) {
				md.append("\n### ")
					.append(name.equals("machine.txt") ? "Machine" : "Load average (1, 5, 15 min) around the steps")
					.append("\n\n```\n")
					.append(Files.readString(file, StandardCharsets.UTF_8).strip())
					.append("\n```\n");
			}
		}
		coldStarts(md, results.resolve("coldstart.tsv"));
		Path out = results.resolve("summary.md");
		Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
		Console.raw(md.toString());
		Console.line("summary written to " + out);
	}

	private void scenarios(StringBuilder md, JsonNode http, Ceilings ceilings, String file) {
		JsonNode meta = http.path("meta");
		md.append(String.format(
				"### HTTP scenarios on %s, `%s` (%d clients; statistics, searches and certificates %d clients)%n%n",
				meta.path("database").asString("PostgreSQL"), file, meta.path("clients").asInt(),
				meta.path("searchClients").asInt()));
		md.append("| Scenario | Requests | Throughput (/s) | p50 ms | p95 ms | p99 ms | Non-2xx | " + ceilings.label
				+ " ceiling (tx/s) | Ratio | Target | Met |\n");
		md.append("|---|---:|---:|---:|---:|---:|---|---:|---:|---|---|\n");
		for (JsonNode scenario : http.path("scenarios")) {
			String id = scenario.path("id").asString();
			Ceiling ceiling = switch (id) {
				case "S1", "S3", "S3-in", "S3-out" -> ceilings.spread;
				case "S2" -> ceilings.hot;
				case "S6", "S6-ceiling" -> ceilings.tpcb;
				default -> null;
			};
			double throughput = scenario.path("throughput").asDouble();
			String ratio = (ceiling != null && ceiling.tps > 0) ? String.format("%.2f", throughput / ceiling.tps) : "—";
			String[] target = target(id, scenario, throughput, ceiling, ceilings.label);
			boolean available = !scenario.path("checks").path("available").isBoolean()
					|| scenario.path("checks").path("available").asBoolean();
			if (!available) {
				md.append(String.format("| %s | — | — | — | — | — | %s | — | — | %s | %s |%n",
						scenario.path("name").asString(), String.join("; ", notes(scenario)), target[0], target[1]));
				continue;
			}
			md.append(String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f | %s | %s | %s | %s | %s |%n",
					scenario.path("name").asString(), scenario.path("requests").asInt(), throughput,
					scenario.path("p50Ms").asDouble(), scenario.path("p95Ms").asDouble(),
					scenario.path("p99Ms").asDouble(), errors(scenario),
					(ceiling != null) ? String.format("%.1f", ceiling.tps) : "—", ratio, target[0], target[1]));
		}
		md.append("\n");
		for (JsonNode scenario : http.path("scenarios")) {
			JsonNode checks = scenario.path("checks");
			if (!checks.isEmpty()) {
				md.append("- ").append(scenario.path("name").asString()).append(": ");
				List<String> parts = new ArrayList<>();
				checks.properties().forEach((entry) -> parts.add(entry.getKey() + " = " + entry.getValue()));
				md.append(String.join(", ", parts)).append("\n");
			}
			if (scenario.has("byKind") && !scenario.path("id").asString().startsWith("S4-stats-")) {
				md.append("- ").append(scenario.path("name").asString()).append(", p50/p95/p99 ms by kind: ");
				List<String> parts = new ArrayList<>();
				scenario.path("byKind")
					.properties()
					.forEach((entry) -> parts.add(String.format("%s %.1f/%.1f/%.1f (%d)", entry.getKey(),
							entry.getValue().path("p50Ms").asDouble(), entry.getValue().path("p95Ms").asDouble(),
							entry.getValue().path("p99Ms").asDouble(), entry.getValue().path("requests").asInt())));
				md.append(String.join(", ", parts)).append("\n");
			}
		}
		cpuTable(md, http);
		for (JsonNode scenario : http.path("scenarios")) {
			if (scenario.has("byLevelAndKind")) {
				statisticsGrid(md, scenario);
			}
		}
		md.append("\nSet-up (not measured as scenarios):\n\n");
		for (JsonNode step : http.path("setup")) {
			md.append(String.format("- %s: %d requests, %.1f/s, p50 %.1f ms, p99 %.1f ms, statuses %s%n",
					step.path("name").asString(), step.path("requests").asInt(), step.path("throughput").asDouble(),
					step.path("p50Ms").asDouble(), step.path("p99Ms").asDouble(), step.path("statuses")));
		}
	}

	/**
	 * The machine's cores during each scenario: how much of them the platform, the
	 * database, the driver and everything else used, and how much stayed idle (from
	 * {@code /proc}; absent elsewhere than Linux).
	 */
	private static void cpuTable(StringBuilder md, JsonNode http) {
		List<JsonNode> measured = new ArrayList<>();
		for (JsonNode scenario : http.path("scenarios")) {
			if (!scenario.path("cpuCores").isEmpty()) {
				measured.add(scenario);
			}
		}
		if (measured.isEmpty()) {
			return;
		}
		md.append("\nWhere the machine's cores went during each scenario (cores busy: seconds of processor time per"
				+ " second; the platform, the database and the driver share the same cores):\n\n");
		md.append("| Scenario | Platform | Database | Driver | Other | Idle | Platform per request (ms) |"
				+ " Database per request (ms) |\n");
		md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
		for (JsonNode scenario : measured) {
			JsonNode cores = scenario.path("cpuCores");
			// a level of the statistics' mix shares its cores with the other levels: no
			// cost per request of its own
			double throughput = scenario.path("id").asString().startsWith("S4-stats-") ? 0
					: scenario.path("throughput").asDouble();
			md.append(String.format("| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %s |%n",
					scenario.path("name").asString(), cores.path("platform").asDouble(),
					cores.path("database").asDouble(), cores.path("driver").asDouble(), cores.path("other").asDouble(),
					cores.path("idle").asDouble(), perRequest(cores.path("platform").asDouble(), throughput),
					perRequest(cores.path("database").asDouble(), throughput)));
		}
	}

	private static String perRequest(double cores, double throughput) {
		return (throughput > 0 && cores > 0) ? String.format("%.2f", cores / throughput * 1000) : "—";
	}

	/**
	 * The statistics by level (columns) and kind (rows): p50, p95 and p99 of each, and
	 * whether every level's p95 is under 100 ms.
	 */
	private static void statisticsGrid(StringBuilder md, JsonNode scenario) {
		JsonNode grid = scenario.path("byLevelAndKind");
		JsonNode regions = scenario.path("regions");
		List<String> levels = new ArrayList<>();
		grid.properties().forEach((entry) -> levels.add(entry.getKey()));
		md.append("\n")
			.append(scenario.path("name").asString())
			.append(", p50 / p95 / p99 ms (requests) by level and kind:\n\n");
		md.append("| Kind |");
		for (String level : levels) {
			md.append(" ").append(level).append(" ").append(regions.path(level).asString()).append(" |");
		}
		md.append(" p95 < 100 ms |\n|---|");
		md.append("---:|".repeat(levels.size())).append("---|\n");
		List<String> kinds = new ArrayList<>();
		grid.path(levels.get(0)).properties().forEach((entry) -> kinds.add(entry.getKey()));
		for (String kind : kinds) {
			md.append("| ").append(kind).append(" |");
			boolean met = true;
			for (String level : levels) {
				JsonNode cell = grid.path(level).path(kind);
				met &= cell.path("p95Ms").asDouble() < 100;
				md.append(String.format(" %.1f / %.1f / %.1f (%d) |", cell.path("p50Ms").asDouble(),
						cell.path("p95Ms").asDouble(), cell.path("p99Ms").asDouble(), cell.path("requests").asInt()));
			}
			md.append(" ").append(verdict(met)).append(" |\n");
		}
	}

	/**
	 * Lines of {@code label, seconds of the whole command, milliseconds of the build}.
	 */
	private static void statisticsBuild(StringBuilder md, Path file) throws IOException {
		if (!Files.exists(file)) {
			return;
		}
		md.append("\n### Statistics build (rollups from the facts, `--zhiyuan.rebuild-stats=true`)\n\n");
		md.append("| Data set | Build (s) | Whole command, start-up included (s) |\n");
		md.append("|---|---:|---:|\n");
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			String[] parts = line.split("\t");
			if (parts.length >= 3) {
				md.append(
						String.format("| %s | %.1f | %s |%n", parts[0], Double.parseDouble(parts[2]) / 1000, parts[1]));
			}
		}
	}

	/**
	 * Lines of {@code label, bytes before, bytes after, seconds} of the H2 database's
	 * {@code SHUTDOWN COMPACT}.
	 */
	private static void compaction(StringBuilder md, Path file) throws IOException {
		if (!Files.exists(file)) {
			return;
		}
		md.append("\n### H2 compaction (`SHUTDOWN COMPACT`: the live pages copied into a new file)\n\n");
		md.append("| Data set | Before (MB) | After (MB) | Seconds |\n");
		md.append("|---|---:|---:|---:|\n");
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			String[] parts = line.split("\t");
			if (parts.length >= 4) {
				md.append(String.format("| %s | %,.1f | %,.1f | %s |%n", parts[0], Long.parseLong(parts[1]) / 1048576.0,
						Long.parseLong(parts[2]) / 1048576.0, parts[3]));
			}
		}
	}

	/**
	 * The target of a scenario and whether it was met: {text, verdict}; against the
	 * ceilings of {@code label} (pgbench, or H2 for the embedded database).
	 */
	private static String[] target(String id, JsonNode scenario, double throughput, Ceiling ceiling, String label) {
		double p95 = scenario.path("p95Ms").asDouble();
		double p99 = scenario.path("p99Ms").asDouble();
		double ratio = (ceiling != null && ceiling.tps > 0) ? throughput / ceiling.tps : 0;
		boolean measured = ceiling != null && ceiling.tps > 0;
		return switch (id) {
			case "S1" -> new String[] { "≥ 0.5 × " + label + " spread", measured ? verdict(ratio >= 0.5) : NO_CEILING };
			case "S2" -> new String[] { "≥ 1.0 × " + label + " hot, zero oversell",
					measured ? verdict(
							ratio >= 1.0 && scenario.path("checks").path("exactlyCapacityAccepted").asBoolean()
									&& scenario.path("checks").path("oversold").asLong() == 0)
							: NO_CEILING };
			case "S3" -> new String[] { "≥ 0.5 × " + label + " spread, p99 < 100 ms",
					measured ? verdict(ratio >= 0.5 && p99 < 100) : NO_CEILING };
			case "S3-in", "S3-out" -> new String[] { "(part of S3)", "" };
			case "S4", "S4-1" -> new String[] { "p95 < 100 ms", verdict(p95 < 100) };
			case "S4-stats", "S4-stats-1", "S4-stats-national", "S4-stats-province", "S4-stats-district" ->
				new String[] { "p95 < 100 ms", verdict(p95 < 100) };
			case "S5" -> new String[] { "renders",
					scenario.path("checks").path("available").asBoolean(true) ? "yes" : "not available" };
			case "S6" -> new String[] { "≥ 0.5 × pgbench tpcb-like, ledger sound, only 201 or ≤ 1 % refusals",
					measured ? verdict(ratio >= 0.5 && giftsAnswered(scenario)) : NO_CEILING };
			case "S6-ceiling" -> new String[] { "(beside S6: the same callers reading one row)", "" };
			case "S7-launch" -> new String[] { "≤ 10 s, every eligible volunteer called and notified",
					verdict(scenario.path("checks").path("allNotifiedWithin10s").asBoolean(false)) };
			case "S7-answers" -> new String[] { "accepted = needs exactly, the rest in reserve",
					verdict(scenario.path("checks").path("acceptedEqualsNeedsReserveTheRest").asBoolean(false)
							&& scenario.path("checks").path("acceptedBeyondNeeds").asLong(-1) == 0) };
			default -> new String[] { "", "" };
		};
	}

	/**
	 * S6's answers: the ledger audited sound afterwards, no answer but 201 or a refusal
	 * for the balance or the cap (so no server error), and those refusals at most 1 %.
	 */
	private static boolean giftsAnswered(JsonNode scenario) {
		JsonNode checks = scenario.path("checks");
		return checks.path("ledgerSound").asBoolean(false) && checks.path("unexpectedAnswers").asLong(-1) == 0
				&& checks.path("refusedBalanceOrCap").asLong() * 100 <= scenario.path("requests").asLong();
	}

	/** The verdict of a scenario measured against a ceiling that was not. */
	private static final String NO_CEILING = "(no ceiling measured)";

	private static String verdict(boolean met) {
		return met ? "**met**" : "**missed**";
	}

	private static String errors(JsonNode scenario) {
		JsonNode errors = scenario.path("errors");
		if (errors.isEmpty()) {
			return "0";
		}
		List<String> parts = new ArrayList<>();
		errors.properties().forEach((entry) -> parts.add(entry.getKey() + " " + entry.getValue().asLong()));
		return String.join(", ", parts);
	}

	private static List<String> notes(JsonNode scenario) {
		List<String> notes = new ArrayList<>();
		scenario.path("notes").forEach((note) -> notes.add(note.asString()));
		return notes;
	}

	private void generation(StringBuilder md, Path results) throws IOException {
		List<Path> files;
		try (Stream<Path> list = Files.list(results)) {
			files = list.filter((p) -> p.getFileName().toString().startsWith("generate-")).sorted().toList();
		}
		if (files.isEmpty()) {
			return;
		}
		md.append("\n### Data generation\n\n");
		md.append(
				"| Database | Volunteers | Service records | Organizations | Activities | Rows | Seconds | Rows/s |\n");
		md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Path file : files) {
			JsonNode run = this.json.readTree(file.toFile());
			md.append(String.format("| %s | %,d | %,d | %,d | %,d | %,d | %.1f | %,d |%n",
					run.path("database").asString(), run.path("volunteers").asLong(), run.path("records").asLong(),
					run.path("organizations").asLong(), run.path("activities").asLong(), run.path("totalRows").asLong(),
					run.path("seconds").asDouble(), run.path("rowsPerSecond").asLong()));
		}
	}

	/**
	 * Lines of {@code label, seconds to "Started", seconds Spring reports, RSS in MB}.
	 */
	private static void coldStarts(StringBuilder md, Path file) throws IOException {
		if (!Files.exists(file)) {
			return;
		}
		md.append("\n### Platform start (target on the embedded database: under 5 s and 400 MB resident)\n\n");
		md.append("| Start | Launch to 'Started' (s) | Spring's own figure (s) | Resident (MB) | Met |\n");
		md.append("|---|---:|---:|---:|---|\n");
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			String[] parts = line.split("\t");
			if (parts.length < 4) {
				continue;
			}
			double seconds = Double.parseDouble(parts[1]);
			double rss = Double.parseDouble(parts[3]);
			String met = parts[0].startsWith("H2") ? verdict(seconds < 5 && rss < 400) : "(not a target)";
			md.append(String.format("| %s | %.2f | %s | %.0f | %s |%n", parts[0], seconds, parts[2], rss, met));
		}
		Path classCache = file.resolveSibling("class-cache.tsv");
		if (Files.exists(classCache)) {
			md.append('\n');
			for (String line : Files.readAllLines(classCache, StandardCharsets.UTF_8)) {
				String[] parts = line.split("\t");
				if (parts.length == 2) {
					md.append(String.format(
							"- The class cache made by `./mvnw package` (`./zhiyuan.sh --prepare`), %s: %s s%n",
							parts[0], parts[1]));
				}
			}
		}
	}

	/** A table of ceiling runs: transactions, failures, throughput and latencies. */
	private static void ceilingTable(StringBuilder md, Ceilings ceilings) {
		md.append("| Run | Transactions | Failed | Throughput (tx/s) | p50 ms | p95 ms | p99 ms |\n");
		md.append("|---|---:|---:|---:|---:|---:|---:|\n");
		for (Ceiling run : Arrays.asList(ceilings.spread, ceilings.hot, ceilings.tpcb)) {
			if (run != null) {
				md.append(String.format("| %s | %d | %d | %.1f | %.1f | %.1f | %.1f |%n", run.name, run.transactions,
						run.failed, run.tps, run.p50, run.p95, run.p99));
			}
		}
	}

	/** A run of the H2 ceiling ({@code h2-ceiling.json}), or null. */
	private static Ceiling h2Ceiling(JsonNode results, String kind) {
		if (results == null) {
			return null;
		}
		for (JsonNode run : results.path("runs")) {
			if (run.path("run").asString().equals(kind)) {
				return new Ceiling(run.path("name").asString(), run.path("transactions").asLong(),
						run.path("failed").asLong(), run.path("throughput").asDouble(), run.path("p50Ms").asDouble(),
						run.path("p95Ms").asDouble(), run.path("p99Ms").asDouble());
			}
		}
		return null;
	}

	/**
	 * A pgbench run: its stdout ({@code <name>.out}) and per-transaction logs; the
	 * label's {@code %s}, if any, becomes the scaling factor.
	 */
	private static Ceiling pgbench(Path directory, String name, String label) throws IOException {
		Path out = directory.resolve(name + ".out");
		if (!Files.exists(out)) {
			return null;
		}
		String text = Files.readString(out, StandardCharsets.UTF_8);
		Matcher tps = TPS.matcher(text);
		Matcher processed = PROCESSED.matcher(text);
		Matcher failed = FAILED.matcher(text);
		Matcher scale = SCALE.matcher(text);
		List<Long> latencies = new ArrayList<>();
		try (Stream<Path> logs = Files.list(directory)) {
			for (Path log : logs.filter((p) -> p.getFileName().toString().startsWith(name + "_log")).toList()) {
				for (String line : Files.readAllLines(log)) {
					String[] fields = line.split(" ");
					if (fields.length >= 3 && fields[2].chars().allMatch(Character::isDigit)) {
						latencies.add(Long.parseLong(fields[2]));
					}
				}
			}
		}
		long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		return new Ceiling(String.format(label, scale.find() ? scale.group(1) : "?"),
				processed.find() ? Long.parseLong(processed.group(1)) : 0,
				failed.find() ? Long.parseLong(failed.group(1)) : 0, tps.find() ? Double.parseDouble(tps.group(1)) : 0,
				percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99));
	}

	private static double percentile(long[] sortedMicros, double percent) {
		if (sortedMicros.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(percent / 100 * sortedMicros.length) - 1;
		return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, rank))] / 1000.0;
	}

	/** One ceiling run: pgbench's, or the H2 ceiling's. */
	private record Ceiling(String name, long transactions, long failed, double tps, double p50, double p95,
			double p99) {

	}

	/**
	 * The ceilings a run of scenarios is measured against: pgbench's on PostgreSQL, the
	 * H2 ceiling's (no tpcb-like) on the embedded database.
	 */
	private record Ceilings(String label, Ceiling spread, Ceiling hot, Ceiling tpcb) {

		boolean any() {
			return this.spread != null || this.hot != null || this.tpcb != null;
		}

	}

}
