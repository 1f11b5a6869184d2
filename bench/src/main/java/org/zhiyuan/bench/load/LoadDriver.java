package org.zhiyuan.bench.load;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

import tools.jackson.databind.JsonNode;

import org.zhiyuan.bench.Console;
import org.zhiyuan.bench.Options;
import org.zhiyuan.bench.generate.Identities;

/**
 * Drives the platform's HTTP API through the scenarios, with the fixtures that
 * {@code fixtures} wrote:
 * <ul>
 * <li>S1 — sign-up storm, spread: every volunteer of the pool signs up once for one of
 * 1,000 positions;</li>
 * <li>S2 — sign-up storm, hot: as many volunteers for one position with 1,000 places;
 * checks that exactly 1,000 are accepted, by the answers, the API and the database;</li>
 * <li>S3 — check-in burst: every accepted volunteer checks in with the organizer's
 * current code, then (a minute later, so that each record has service time) checks
 * out;</li>
 * <li>S4 — dashboard statistics (overview and breakdowns) as operators of the nation, a
 * province and a district, and public activity search by region, field, text, dates and
 * distance;</li>
 * <li>S5 — certificates: issue and download the PDF (if the platform has them);</li>
 * <li>S6 — gifts in the time bank between pairs of confirmed relatives, in random
 * directions; then the ledger audited as the national operator.</li>
 * <li>S7 — emergency mobilization: a district's operator launches one that calls 10,000
 * volunteers (one call and one notification each), timed alone after a warm-up launch;
 * then the volunteers of a second one all answer ACCEPT at once, and its board must show
 * exactly the needs accepted and the rest in reserve.</li>
 * </ul>
 * Volunteers sign in first and a warm-up runs before any measurement. Every phase records
 * each request's latency, the answers by status and problem code, and its wall time. A
 * check that must never fail (S6's ledger) fails the run once the results are written.
 */
public final class LoadDriver {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Options options;

	private final int clients;

	private final String password;

	private final List<Map<String, Object>> setup = new ArrayList<>();

	private final List<Map<String, Object>> scenarios = new ArrayList<>();

	private final List<String> failures = new ArrayList<>();

	private JsonNode fixtures;

	private Http http;

	private Workers workers;

	public LoadDriver(Options options) {
		this.options = options;
		this.clients = options.integer("clients", 64);
		this.password = options.string("volunteer-password");
	}

	public void run() throws Exception {
		this.fixtures = Http.JSON.readTree(Path.of(this.options.string("fixtures")).toFile());
		Set<String> wanted = new HashSet<>(List.of(this.options.string("scenarios", "S1,S2,S3,S4,S5,S6").split(",")));
		int searchClients = this.options.integer("search-clients", 16);
		this.http = new Http(this.options.string("base-url"));
		try (Workers workers = new Workers(Math.max(this.clients, searchClients))) {
			this.workers = workers;
			Console.line("load driver: " + this.clients + " clients on "
					+ (workers.virtual() ? "virtual threads" : "platform threads") + ", Java "
					+ Runtime.version().feature());
			waitUntilUp();
			String organizer = token(Identities.phone(0), this.password);
			boolean writes = wanted.contains("S1") || wanted.contains("S2") || wanted.contains("S3");
			Map<String, String[]> tokens = new LinkedHashMap<>();
			for (String pool : List.of("warmup", "s1", "s2", "s3", "s6")) {
				if ((pool.equals("warmup") && writes) || wanted.contains(pool.toUpperCase())) {
					tokens.put(pool, signIn(pool, range(pool)));
				}
			}
			warmUp(tokens.get("warmup"));
			if (wanted.contains("S1")) {
				signupStorm("S1", "S1 sign-up storm, spread", tokens.get("s1"),
						this.fixtures.path("s1").path("positions"));
			}
			if (wanted.contains("S2")) {
				signupStorm("S2", "S2 sign-up storm, hot", tokens.get("s2"), hotPosition());
			}
			if (wanted.contains("S3")) {
				checkinBurst(organizer, tokens.get("s3"));
			}
			if (wanted.contains("S4")) {
				statistics(searchClients);
				search(searchClients);
			}
			if (wanted.contains("S5")) {
				certificates(searchClients);
			}
			if (wanted.contains("S6")) {
				gifts(tokens.get("s6"));
			}
			if (wanted.contains("S7")) {
				if (this.fixtures.path("s7").isMissingNode()) {
					throw new IllegalStateException(
							"S7 needs the fixtures' emergency pools (run the fixtures with S7 in SCENARIOS)");
				}
				emergency(signIn("s7answer", range("s7answer")));
			}
		}
		Map<String, Object> results = new LinkedHashMap<>();
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("baseUrl", this.options.string("base-url"));
		meta.put("database", this.options.string("database", "PostgreSQL"));
		meta.put("clients", this.clients);
		meta.put("searchClients", searchClients);
		meta.put("driverJava", Runtime.version().toString());
		meta.put("virtualThreads", this.workers.virtual());
		results.put("meta", meta);
		results.put("setup", this.setup);
		results.put("scenarios", this.scenarios);
		Path out = Path.of(this.options.string("out"));
		Files.createDirectories(out.toAbsolutePath().getParent());
		Http.JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), results);
		Console.line("results written to " + out);
		if (!this.failures.isEmpty()) {
			throw new IllegalStateException(String.join("; ", this.failures));
		}
	}

	private void waitUntilUp() throws InterruptedException {
		for (int attempt = 0; attempt < 600; attempt++) {
			if (this.http.get("/actuator/health", null).status() == 200) {
				return;
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("the platform did not come up at " + this.options.string("base-url"));
	}

	private String token(String username, String password) {
		Http.Reply reply = this.http.post("/api/v1/auth/token", null,
				Map.of("username", username, "password", password));
		if (reply.status() != 200) {
			throw new IllegalStateException(
					"cannot sign in as " + username + ": " + reply.status() + " " + reply.text());
		}
		return reply.json().path("accessToken").asString();
	}

	private int[] range(String pool) {
		JsonNode range = this.fixtures.path("pools").path(pool);
		return new int[] { range.get(0).asInt(), range.get(1).asInt() };
	}

	/** Signs in every volunteer of a pool (set-up, not a scenario). */
	private String[] signIn(String pool, int[] range) throws InterruptedException {
		String[] tokens = new String[range[1] - range[0]];
		Recorder recorder = new Recorder("sign-in of pool " + pool + " (set-up)");
		recorder.start();
		this.workers.run(this.clients, tokens.length, (i) -> {
			Http.Reply reply = this.http.post("/api/v1/auth/token", null,
					Map.of("username", Identities.phone(range[0] + i), "password", this.password));
			recorder.record(reply);
			if (reply.status() != 200) {
				throw new IllegalStateException(
						"sign-in of volunteer " + (range[0] + i) + " failed: " + reply.status() + " " + reply.text());
			}
			tokens[i] = reply.json().path("accessToken").asString();
		});
		recorder.stop();
		keep(this.setup, recorder.result(), "setup-" + pool);
		return tokens;
	}

	/**
	 * Sign-ups (when a scenario that writes runs) and searches that are not measured, so
	 * that the JIT has done its work.
	 */
	private void warmUp(String[] tokens) throws InterruptedException {
		JsonNode positions = this.fixtures.path("s1").path("positions");
		Recorder recorder = new Recorder("warm-up (not measured)");
		recorder.start();
		if (tokens != null) {
			this.workers.run(this.clients, tokens.length, (i) -> {
				JsonNode position = positions.get(ThreadLocalRandom.current().nextInt(positions.size()));
				recorder.record(signUp(tokens[i], position));
			});
		}
		SearchMix searches = new SearchMix(this.fixtures.path("s4"));
		this.workers.run(this.clients, 1_000, (i) -> recorder.record(this.http.get(searches.next().path, null)));
		recorder.stop();
		keep(this.setup, recorder.result(), "warmup");
	}

	private Http.Reply signUp(String token, JsonNode position) {
		return this.http.post("/api/v1/activities/" + position.path("activityId").asString() + "/signups", token,
				Map.of("positionId", position.path("positionId").asString()));
	}

	private JsonNode hotPosition() {
		return Http.JSON.createArrayNode().add(this.fixtures.path("s2"));
	}

	/**
	 * S1 and S2: each volunteer of the pool signs up once for a position picked at random
	 * from those given; for S2 (one position) the places are then counted three ways.
	 */
	private void signupStorm(String id, String name, String[] tokens, JsonNode positions) throws Exception {
		Console.line(name + ": " + tokens.length + " sign-ups over " + positions.size() + " position(s)");
		Recorder recorder = new Recorder(name);
		Map<String, LongAdder> outcomes = new LinkedHashMap<>();
		for (String status : List.of("APPROVED", "WAITLISTED", "PENDING")) {
			outcomes.put(status, new LongAdder());
		}
		recorder.start();
		this.workers.run(this.clients, tokens.length, (i) -> {
			JsonNode position = positions.get(ThreadLocalRandom.current().nextInt(positions.size()));
			Http.Reply reply = signUp(tokens[i], position);
			recorder.record(reply);
			if (reply.ok()) {
				LongAdder outcome = outcomes.get(reply.json().path("status").asString());
				if (outcome != null) {
					outcome.increment();
				}
			}
		});
		recorder.stop();
		outcomes.forEach((status, count) -> recorder.check(status.toLowerCase() + "Answers", count.sum()));
		if (id.equals("S2")) {
			checkCapacity(recorder, outcomes.get("APPROVED").sum());
		}
		keep(this.scenarios, recorder.result(), id);
	}

	/** What S2 reports when it has no database URL (on H2). */
	private static final String NOT_READ = "not read (no --jdbc-url: on H2 the running platform holds the file;"
			+ " h2-ceiling reads it after the platform has stopped)";

	/**
	 * S2's verdict: accepted places by the answers, the API and the database (when given
	 * its URL).
	 */
	private void checkCapacity(Recorder recorder, long approvedAnswers) throws SQLException {
		JsonNode hot = this.fixtures.path("s2");
		int capacity = hot.path("capacity").asInt();
		JsonNode activity = this.http.get("/api/v1/activities/" + hot.path("activityId").asString(), null).json();
		int acceptedByApi = -1;
		for (JsonNode position : activity.path("positions")) {
			if (position.path("id").asString().equals(hot.path("positionId").asString())) {
				acceptedByApi = position.path("accepted").asInt();
			}
		}
		recorder.check("capacity", capacity);
		recorder.check("acceptedByApi", acceptedByApi);
		long holding = -1;
		if (this.options.has("jdbc-url")) {
			try (Connection connection = DriverManager.getConnection(this.options.string("jdbc-url"),
					this.options.string("jdbc-user", "sa"), this.options.string("jdbc-password", ""));
					PreparedStatement query = connection
						.prepareStatement("SELECT COUNT(*) FROM signup WHERE position_id = ? AND holds_place = TRUE")) {
				query.setObject(1, UUID.fromString(hot.path("positionId").asString()));
				try (ResultSet rs = query.executeQuery()) {
					rs.next();
					holding = rs.getLong(1);
				}
			}
			recorder.check("holdingPlacesInDatabase", holding);
		}
		else {
			// On H2 the platform holds the database file (embedded mode): nobody else can
			// open it while it runs. h2-ceiling reads the places once it has stopped.
			recorder.check("holdingPlacesInDatabase", NOT_READ);
		}
		long oversold = Math.max(0, Math.max(approvedAnswers, Math.max(acceptedByApi, holding)) - capacity);
		recorder.check("oversold", oversold);
		boolean exact = approvedAnswers == capacity && acceptedByApi == capacity
				&& (holding < 0 || holding == capacity);
		recorder.check("exactlyCapacityAccepted", exact);
		Console.line("  S2: " + approvedAnswers + " approved answers, " + acceptedByApi + " accepted by the API, "
				+ ((holding >= 0) ? holding + " holding places in the database" : "database " + NOT_READ)
				+ ", capacity " + capacity);
	}

	/**
	 * S3: every volunteer checks in with the current code of their activity (fetched by
	 * the organizer and renewed every 20 seconds, as the screen at the venue does), then,
	 * once a minute has passed since the last check-in, checks out.
	 */
	private void checkinBurst(String organizer, String[] tokens) throws Exception {
		JsonNode s3 = this.fixtures.path("s3");
		JsonNode activities = s3.path("activities");
		int perActivity = s3.path("perActivity").asInt();
		double lat = s3.path("lat").asDouble();
		double lng = s3.path("lng").asDouble();
		AtomicReferenceArray<String> codes = new AtomicReferenceArray<>(activities.size());
		Runnable renew = () -> {
			for (int a = 0; a < activities.size(); a++) {
				Http.Reply reply = this.http.post(
						"/api/v1/activities/" + activities.get(a).path("id").asString() + "/checkin-codes", organizer,
						Map.of());
				if (reply.status() == 201) {
					codes.set(a, reply.json().path("code").asString());
				}
				else {
					Console.line("  S3: check-in code not issued: " + reply.status() + " " + reply.text());
				}
			}
		};
		renew.run();
		ScheduledExecutorService screen = Executors.newSingleThreadScheduledExecutor();
		screen.scheduleAtFixedRate(renew, 20, 20, TimeUnit.SECONDS);
		try {
			Console.line("S3 check-in burst: " + tokens.length + " check-ins, then as many check-outs");
			Recorder in = new Recorder("S3 check-in");
			Recorder out = new Recorder("S3 check-out");
			LongAdder records = new LongAdder();
			in.start();
			this.workers.run(this.clients, tokens.length, (i) -> in.record(this.http.post("/api/v1/attendance/check-in",
					tokens[i], attendance(codes.get(i / perActivity), lat, lng))));
			in.stop();
			Thread.sleep(61_000);
			out.start();
			this.workers.run(this.clients, tokens.length, (i) -> {
				Http.Reply reply = this.http.post("/api/v1/attendance/check-out", tokens[i],
						attendance(codes.get(i / perActivity), lat, lng));
				out.record(reply);
				if (reply.ok() && !reply.json().path("recordId").isNull()
						&& !reply.json().path("recordId").isMissingNode()) {
					records.increment();
				}
			});
			out.stop();
			out.check("serviceRecordsWritten", records.sum());
			Map<String, Object> whole = Recorder.combined("S3 check-in burst (check-in + check-out)", in, out);
			whole.put("checks", Map.of("serviceRecordsWritten", records.sum(), "pauseBetweenPhasesSeconds", 61));
			keep(this.scenarios, whole, "S3");
			keep(this.scenarios, in.result(), "S3-in");
			keep(this.scenarios, out.result(), "S3-out");
		}
		finally {
			screen.shutdownNow();
		}
	}

	private static Map<String, Object> attendance(String code, double lat, double lng) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		// within about 100 m of the venue, as phones report it
		return Map.of("code", code, "location", Map.of("lat", lat + random.nextDouble(-0.0008, 0.0008), "lng",
				lng + random.nextDouble(-0.0008, 0.0008), "accuracyMeters", 15.0));
	}

	/**
	 * S4's statistics: operators of the nation, of a province and of a district (see the
	 * fixtures) read their own region's overview (all time, a year, a month) and
	 * breakdowns over a year (by sub-region, field, category, age band, gender, month)
	 * and over a quarter (by sub-region and age band), each request a level and a kind
	 * drawn at random, with {@code clients} clients and then with one. Every level and
	 * kind is reported on its own; the pass mark (p95 under 100 ms) applies to each.
	 */
	private void statistics(int clients) throws Exception {
		if (this.options.integer("stats-requests", 6_600) == 0) {
			Console.line("S4 statistics: not run (--stats-requests=0)");
			return;
		}
		JsonNode operators = this.fixtures.path("operators");
		List<String> levels = new ArrayList<>();
		operators.properties().forEach((entry) -> levels.add(entry.getKey()));
		Map<String, String> tokens = new LinkedHashMap<>();
		Map<String, String> regions = new LinkedHashMap<>();
		for (String level : levels) {
			tokens.put(level, token(operators.path(level).path("username").asString(), this.password));
			regions.put(level, operators.path(level).path("regionCode").asString());
		}
		List<String> kindsRun = this.options.has("stats-kinds") ? List.of(this.options.string("stats-kinds").split(";"))
				: StatsMix.KINDS;
		for (String level : levels) {
			for (String kind : kindsRun) {
				Http.Reply probe = this.http.get(StatsMix.path(kind, regions.get(level)), tokens.get(level));
				if (probe.status() != 200) {
					throw new IllegalStateException(
							"statistics (" + level + ", " + kind + ") answered " + probe.status() + " " + probe.text());
				}
			}
		}
		int requests = this.options.integer("stats-requests", 6_600);
		Console.line("S4 statistics: " + requests + " requests on " + clients + " clients over " + levels.size()
				+ " levels x " + kindsRun.size() + " kinds, then " + requests / 10 + " on one; regions "
				+ regions.values());
		Recorder warmup = new Recorder("statistics warm-up (not measured)");
		warmup.start();
		this.workers.run(clients, Math.max(200, requests / 10), (i) -> {
			String level = levels.get(ThreadLocalRandom.current().nextInt(levels.size()));
			warmup.record(this.http.get(StatsMix.path(StatsMix.any(kindsRun), regions.get(level)), tokens.get(level)));
		});
		warmup.stop();
		keep(this.setup, warmup.result(), "warmup-stats");
		Recorder all = new Recorder("S4 statistics, all levels (" + clients + " clients)");
		Map<String, Recorder> byLevel = new LinkedHashMap<>();
		Map<String, Recorder> byLevelKind = new LinkedHashMap<>();
		for (String level : levels) {
			byLevel.put(level,
					new Recorder("S4 statistics, " + level + " " + regions.get(level) + " (" + clients + " clients)"));
			for (String kind : kindsRun) {
				byLevelKind.put(level + " " + kind, new Recorder(kind));
			}
		}
		all.start();
		byLevel.values().forEach(Recorder::start);
		this.workers.run(clients, requests, (i) -> {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			String level = levels.get(random.nextInt(levels.size()));
			String kind = kindsRun.get(random.nextInt(kindsRun.size()));
			Http.Reply reply = this.http.get(StatsMix.path(kind, regions.get(level)), tokens.get(level));
			all.record(reply);
			byLevel.get(level).record(reply);
			byLevelKind.get(level + " " + kind).record(reply);
		});
		all.stop();
		byLevel.values().forEach(Recorder::stop);
		Map<String, Object> grid = new LinkedHashMap<>();
		for (String level : levels) {
			Map<String, Object> kinds = new LinkedHashMap<>();
			for (String kind : kindsRun) {
				kinds.put(kind, summary(byLevelKind.get(level + " " + kind).result()));
			}
			grid.put(level, kinds);
		}
		Map<String, Object> whole = all.result();
		whole.put("regions", regions);
		whole.put("byLevelAndKind", grid);
		keep(this.scenarios, whole, "S4-stats");
		for (String level : levels) {
			Map<String, Object> result = byLevel.get(level).result();
			result.put("byKind", grid.get(level));
			keep(this.scenarios, result, "S4-stats-" + level);
		}
		Recorder single = new Recorder("S4 statistics, all levels (1 client)");
		single.start();
		this.workers.run(1, requests / 10, (i) -> {
			String level = levels.get(ThreadLocalRandom.current().nextInt(levels.size()));
			single.record(this.http.get(StatsMix.path(StatsMix.any(kindsRun), regions.get(level)), tokens.get(level)));
		});
		single.stop();
		keep(this.scenarios, single.result(), "S4-stats-1");
	}

	private static Map<String, Object> summary(Map<String, Object> result) {
		Map<String, Object> summary = new LinkedHashMap<>();
		for (String key : List.of("requests", "p50Ms", "p95Ms", "p99Ms", "maxMs", "statuses")) {
			summary.put(key, result.get(key));
		}
		return summary;
	}

	/** S4's public activity search, loaded and with a single client. */
	private void search(int searchClients) throws Exception {
		int requests = this.options.integer("search-requests", 5_000);
		SearchMix mix = new SearchMix(this.fixtures.path("s4"));
		Console.line("S4 activity search: " + requests + " searches on " + searchClients + " clients, then "
				+ requests / 10 + " on one");
		Recorder loaded = new Recorder("S4 activity search (" + searchClients + " clients)");
		Map<String, Recorder> kinds = new LinkedHashMap<>();
		for (String kind : SearchMix.KINDS) {
			kinds.put(kind, new Recorder(kind));
		}
		LongAdder found = new LongAdder();
		loaded.start();
		this.workers.run(searchClients, requests, (i) -> {
			SearchMix.Query query = mix.next();
			Http.Reply reply = this.http.get(query.path, null);
			loaded.record(reply);
			kinds.get(query.kind).record(reply);
			if (reply.ok() && reply.json().path("total").asLong() > 0) {
				found.increment();
			}
		});
		loaded.stop();
		loaded.check("searchesWithResults", found.sum());
		Map<String, Object> byKind = new LinkedHashMap<>();
		kinds.forEach((kind, recorder) -> {
			byKind.put(kind, summary(recorder.result()));
		});
		Map<String, Object> result = loaded.result();
		result.put("byKind", byKind);
		keep(this.scenarios, result, "S4");
		Recorder single = new Recorder("S4 activity search (1 client)");
		single.start();
		this.workers.run(1, requests / 10, (i) -> single.record(this.http.get(mix.next().path, null)));
		single.stop();
		keep(this.scenarios, single.result(), "S4-1");
	}

	/**
	 * S5: each volunteer asks for a certificate of their service and downloads the PDF;
	 * reported as not available when the platform answers 404.
	 */
	private void certificates(int clients) throws Exception {
		JsonNode s5 = this.fixtures.path("s5");
		JsonNode volunteers = s5.path("volunteers");
		String[] tokens = signInAll(volunteers);
		Map<String, Object> first = certificateRequest(volunteers.get(0), s5);
		Http.Reply probe = this.http.post("/api/v1/certificates", tokens[0], first);
		if (probe.status() != 201) {
			Recorder missing = new Recorder("S5 certificate rendering");
			missing.note("POST /api/v1/certificates answered " + probe.status()
					+ ((probe.status() == 404) ? ": not available yet" : ": " + probe.text()));
			missing.check("available", false);
			keep(this.scenarios, missing.result(), "S5");
			return;
		}
		// one client first: how long one certificate takes to make with nothing queued
		int alone = Math.max(1, tokens.length / 10);
		Recorder single = new Recorder("S5 certificate issue (1 client)");
		single.start();
		this.workers.run(1, alone, (i) -> single
			.record(this.http.post("/api/v1/certificates", tokens[i], certificateRequest(volunteers.get(i), s5))));
		single.stop();
		keep(this.scenarios, single.result(), "S5-1");
		Recorder issue = new Recorder("S5 certificate issue (" + clients + " clients)");
		Recorder download = new Recorder("S5 certificate PDF download (" + clients + " clients)");
		LongAdder pdfs = new LongAdder();
		issue.start();
		download.start();
		this.workers.run(clients, tokens.length, (i) -> {
			Http.Reply issued = this.http.post("/api/v1/certificates", tokens[i],
					certificateRequest(volunteers.get(i), s5));
			issue.record(issued);
			if (issued.status() == 201) {
				Http.Reply pdf = this.http.get(issued.json().path("downloadUrl").asString(), tokens[i]);
				download.record(pdf);
				if (pdf.ok() && pdf.contentType().startsWith("application/pdf") && pdf.body().length > 4
						&& pdf.body()[0] == '%' && pdf.body()[1] == 'P') {
					pdfs.increment();
				}
			}
		});
		issue.stop();
		download.stop();
		issue.check("available", true);
		download.check("pdfDocuments", pdfs.sum());
		keep(this.scenarios, issue.result(), "S5");
		keep(this.scenarios, download.result(), "S5-download");
	}

	/**
	 * S6: gifts of {@code gift-hours} (0.25 h) between relatives. Each gift takes one of
	 * the fixtures' pairs at random and a random direction, so that over the run no
	 * account drains and none fills up, and carries a fresh {@code Idempotency-Key}, as
	 * an app sends one per gift. A warm-up of gifts (not measured) runs first, as many as
	 * are measured unless {@code gift-warmup} says otherwise: the sign-up warm-up does
	 * not reach the time bank's code, and the platform's compiler needs some 20 seconds
	 * of gifts before they run at their steady speed (with a warm-up of a tenth, the
	 * measured gifts of 2026-12-03 went from 250 a second at their start to 700 at their
	 * end). Refusals for the balance or the cap ({@code INSUFFICIENT_BALANCE},
	 * {@code CAP_EXCEEDED}) are answers, but should be rare; any other answer than 201 is
	 * counted as unexpected, 5xx and no answer also as server errors. Afterwards the
	 * national operator ({@code admin}) audits the ledger; unless it is sound the run
	 * fails.
	 */
	private void gifts(String[] tokens) throws Exception {
		JsonNode s6 = this.fixtures.path("s6");
		List<String> ids = new ArrayList<>();
		s6.path("volunteerIds").forEach((id) -> ids.add(id.asString()));
		int pairs = s6.path("pairs").asInt();
		if (pairs == 0 || tokens == null || tokens.length < 2 * pairs) {
			throw new IllegalStateException("S6 needs the fixtures' gift pairs (fixtures written before S6 existed?)");
		}
		int total = this.options.integer("gifts", 50_000);
		String hours = this.options.string("gift-hours", "0.25");
		Console.line("S6 gifts: " + total + " gifts of " + hours + " h on " + this.clients + " clients between " + pairs
				+ " pairs of relatives, each opened with " + s6.path("openingHours").asString() + " h");
		Recorder warmup = new Recorder("gifts warm-up (not measured)");
		warmup.start();
		this.workers.run(this.clients, this.options.integer("gift-warmup", Math.max(200, total)),
				(i) -> warmup.record(gift(tokens, ids, pairs, hours)));
		warmup.stop();
		keep(this.setup, warmup.result(), "warmup-gifts");
		Recorder recorder = new Recorder("S6 gifts between relatives");
		LongAdder moved = new LongAdder();
		LongAdder refused = new LongAdder();
		LongAdder unexpected = new LongAdder();
		LongAdder serverErrors = new LongAdder();
		recorder.start();
		this.workers.run(this.clients, total, (i) -> {
			Http.Reply reply = gift(tokens, ids, pairs, hours);
			recorder.record(reply);
			if (reply.status() == 201) {
				moved.increment();
				return;
			}
			String code = reply.problemCode();
			if (reply.status() == 422 && (code.equals("INSUFFICIENT_BALANCE") || code.equals("CAP_EXCEEDED"))) {
				refused.increment();
				return;
			}
			unexpected.increment();
			if (reply.status() < 0 || reply.status() >= 500) {
				serverErrors.increment();
			}
		});
		recorder.stop();
		recorder.check("giftsMoved", moved.sum());
		recorder.check("refusedBalanceOrCap", refused.sum());
		recorder.check("unexpectedAnswers", unexpected.sum());
		recorder.check("serverErrors", serverErrors.sum());
		if (unexpected.sum() > 0) {
			Console.line("  S6: " + unexpected.sum() + " unexpected answers (" + serverErrors.sum()
					+ " server errors or none), see the statuses");
		}
		audit(recorder);
		keep(this.scenarios, recorder.result(), "S6");
		// the ceiling beside it: the same callers, each asking for one row of their own
		// (authentication, one read, JSON out), as many times as there were gifts
		Recorder ceiling = new Recorder("S6 ceiling: GET /api/v1/volunteers/me");
		ceiling.start();
		this.workers.run(this.clients, total, (i) -> ceiling
			.record(this.http.get("/api/v1/volunteers/me", tokens[ThreadLocalRandom.current().nextInt(2 * pairs)])));
		ceiling.stop();
		keep(this.scenarios, ceiling.result(), "S6-ceiling");
	}

	private Http.Reply gift(String[] tokens, List<String> ids, int pairs, String hours) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		int giver = 2 * random.nextInt(pairs) + random.nextInt(2);
		int relative = giver ^ 1;
		return this.http.post("/api/v1/time-transfers", tokens[giver],
				Map.of("Idempotency-Key", UUID.randomUUID().toString()),
				Map.of("toVolunteerId", ids.get(relative), "hours", hours, "kind", "GIFT", "memo", "性能测试转赠"));
	}

	/**
	 * The time bank's audit ({@code GET /api/v1/time-bank/audit}, the whole ledger) as
	 * the national operator: its figures become the scenario's checks, and a ledger that
	 * is not sound (entries not summing to zero, a movement out of balance, a balance
	 * below zero or differing from its entries) fails the run.
	 */
	private void audit(Recorder recorder) {
		String admin = token("admin", this.options.string("admin-password"));
		Http.Reply reply = this.http.get("/api/v1/time-bank/audit", admin);
		if (reply.status() != 200) {
			recorder.check("ledgerSound", false);
			recorder.note("GET /api/v1/time-bank/audit answered " + reply.status() + " " + reply.text());
			this.failures.add("S6: the ledger audit answered " + reply.status());
			Console.line("  S6: THE LEDGER AUDIT FAILED: " + reply.status() + " " + reply.text());
			return;
		}
		JsonNode audit = reply.json();
		BigDecimal sum = decimal(audit.path("sum"));
		long unbalanced = audit.path("unbalancedTransfers").asLong();
		long negative = audit.path("negativeBalances").asLong();
		long mismatches = audit.path("balanceMismatches").asLong();
		boolean sound = !audit.path("sum").isMissingNode() && sum.signum() == 0 && unbalanced == 0 && negative == 0
				&& mismatches == 0;
		recorder.check("ledgerSum", sum.toPlainString());
		recorder.check("unbalancedTransfers", unbalanced);
		recorder.check("negativeBalances", negative);
		recorder.check("balanceMismatches", mismatches);
		recorder.check("accounts", audit.path("accounts").asLong());
		recorder.check("volunteersBalances", decimal(audit.path("regionBalances")).toPlainString());
		recorder.check("ledgerSound", sound);
		String figures = "sum " + sum.toPlainString() + ", " + unbalanced + " unbalanced movements, " + negative
				+ " negative balances, " + mismatches + " balances differing from their entries";
		if (sound) {
			Console.line("  S6: the ledger is sound (" + figures + ")");
		}
		else {
			this.failures.add("S6: the time bank's ledger is not sound after the gifts: " + figures);
			Console.line("  S6: THE LEDGER IS NOT SOUND: " + figures);
		}
	}

	/**
	 * S7: emergency mobilization, as the district's operator of the fixtures.
	 * <ol>
	 * <li>Warm-up (not measured): a drill at the storm's scene, stood down at once.</li>
	 * <li>The launch, measured alone: a mobilization at the launch's scene whose needs
	 * (one need of the fixtures' skill) total {@code emergency-needs} (3,400: at least a
	 * third of the called, so that a first wave of three times the needs calls them all
	 * too); every volunteer of the called pool is eligible, so it must call all of them.
	 * Its answer's {@code notified}, the calls and the call notifications in the database
	 * are the checks; the target is 10 s. It is stood down afterwards (nobody accepted
	 * it, so nobody is told).</li>
	 * <li>The answer storm: a second mobilization at the storm's scene (launched, not
	 * measured) needing {@code emergency-storm-needs} (half the answering by default, and
	 * at least a third of them) calls the answering pool; every one of them answers
	 * ACCEPT with {@code clients} clients at once. The answers, the board and the
	 * database must show exactly the needs accepted and the others in reserve; more
	 * accepted than needed fails the run. Then it is stood down.</li>
	 * </ol>
	 */
	private void emergency(String[] tokens) throws Exception {
		JsonNode s7 = this.fixtures.path("s7");
		if (s7.isMissingNode() || tokens == null) {
			throw new IllegalStateException(
					"S7 needs the fixtures' emergency pools (run the fixtures with S7 in" + " SCENARIOS)");
		}
		String operator = token(s7.path("operator").asString(), this.password);
		String region = s7.path("regionCode").asString();
		String skill = s7.path("skill").asString();
		int called = s7.path("called").asInt();
		int answering = s7.path("answering").asInt();
		int needs = this.options.integer("emergency-needs", 3_400);
		int stormNeeds = this.options.integer("emergency-storm-needs", (answering + 1) / 2);
		Console.line("S7 emergency: a launch calling " + called + " (needs " + needs + "), then " + answering
				+ " answers at once on " + this.clients + " clients (needs " + stormNeeds + ")");
		if (3L * needs < called || 3L * stormNeeds < answering) {
			Console.line("  S7: needs below a third of the called: a first wave of three times the needs would"
					+ " not call them all");
		}

		Recorder warmup = new Recorder("S7 warm-up launch, a drill (not measured)");
		warmup.start();
		Http.Reply drill = launch(operator, region, "性能测试演练（预热）", s7.path("stormScene"),
				s7.path("stormRadiusKm").asInt(), skill, stormNeeds, true);
		warmup.stop();
		warmup.record(drill);
		requireCreated(drill, "the warm-up drill");
		warmup.check("notified", drill.json().path("notified").asInt());
		standDown(operator, drill.json().path("id").asString());
		keep(this.setup, warmup.result(), "warmup-S7");

		Recorder launch = new Recorder("S7 emergency launch (" + called + " eligible)");
		launch.start();
		Http.Reply launched = launch(operator, region, "性能测试城区内涝抢险", s7.path("scene"), s7.path("radiusKm").asInt(),
				skill, needs, false);
		launch.stop();
		launch.record(launched);
		requireCreated(launched, "the launch");
		String id = launched.json().path("id").asString();
		int notified = launched.json().path("notified").asInt();
		long calls = countInDatabase("SELECT COUNT(*) FROM emergency_call WHERE mobilization_id = ?",
				UUID.fromString(id));
		long notifications = countInDatabase("SELECT COUNT(*) FROM notification WHERE dedupe_key = ?",
				"emergency.call:" + id);
		long linked = countInDatabase("SELECT COUNT(*) FROM notification WHERE link = ?",
				"/emergency/mobilizations/" + id);
		double seconds = launched.nanos() / 1e9;
		launch.check("eligible", called);
		launch.check("needs", needs);
		launch.check("notified", notified);
		launch.check("callsInDatabase", calls);
		launch.check("notificationsInDatabase", notifications);
		launch.check("notificationsWithItsLink", linked);
		launch.check("launchSeconds", Recorder.round(seconds, 3));
		launch.check("allNotifiedWithin10s",
				seconds <= 10 && notified == called && (notifications < 0 || notifications == called));
		Console.line(String.format("  S7: the launch took %.3f s and notified %d of %d eligible; %d calls and %d"
				+ " call notifications in the database", seconds, notified, called, calls, notifications));
		keep(this.scenarios, launch.result(), "S7-launch");
		standDown(operator, id);

		Recorder stormLaunch = new Recorder("S7 storm's mobilization launch (" + answering + " eligible)");
		stormLaunch.start();
		Http.Reply storm = launch(operator, region, "性能测试机场周边人员疏散", s7.path("stormScene"),
				s7.path("stormRadiusKm").asInt(), skill, stormNeeds, false);
		stormLaunch.stop();
		stormLaunch.record(storm);
		requireCreated(storm, "the storm's mobilization");
		String stormId = storm.json().path("id").asString();
		stormLaunch.check("notified", storm.json().path("notified").asInt());
		keep(this.setup, stormLaunch.result(), "setup-S7-storm-launch");

		Recorder answers = new Recorder("S7 answer storm (" + answering + " ACCEPT, needs " + stormNeeds + ")");
		Map<String, LongAdder> outcomes = new LinkedHashMap<>();
		for (String status : List.of("ACCEPTED", "RESERVE")) {
			outcomes.put(status, new LongAdder());
		}
		String path = "/api/v1/emergency/mobilizations/" + stormId + "/responses";
		answers.start();
		this.workers.run(this.clients, tokens.length, (i) -> {
			Http.Reply reply = this.http.post(path, tokens[i], Map.of("answer", "ACCEPT"));
			answers.record(reply);
			if (reply.ok()) {
				LongAdder outcome = outcomes.get(reply.json().path("status").asString());
				if (outcome != null) {
					outcome.increment();
				}
			}
		});
		answers.stop();
		JsonNode board = this.http.get("/api/v1/emergency/mobilizations/" + stormId + "/board", operator).json();
		long accepted = board.path("accepted").asLong(-1);
		long reserve = board.path("reserve").asLong(-1);
		long acceptedInDatabase = countInDatabase(
				"SELECT COUNT(*) FROM emergency_call WHERE mobilization_id = ? AND status = 'ACCEPTED'",
				UUID.fromString(stormId));
		long acceptedAnswers = outcomes.get("ACCEPTED").sum();
		long reserveAnswers = outcomes.get("RESERVE").sum();
		answers.check("notified", storm.json().path("notified").asInt());
		answers.check("needs", stormNeeds);
		answers.check("acceptedAnswers", acceptedAnswers);
		answers.check("reserveAnswers", reserveAnswers);
		answers.check("boardAccepted", accepted);
		answers.check("boardReserve", reserve);
		answers.check("acceptedInDatabase", acceptedInDatabase);
		long over = Math.max(0, Math.max(acceptedAnswers, Math.max(accepted, acceptedInDatabase)) - stormNeeds);
		answers.check("acceptedBeyondNeeds", over);
		boolean exact = acceptedAnswers == stormNeeds && accepted == stormNeeds
				&& (acceptedInDatabase < 0 || acceptedInDatabase == stormNeeds)
				&& reserveAnswers == answering - stormNeeds && reserve == answering - stormNeeds;
		answers.check("acceptedEqualsNeedsReserveTheRest", exact);
		Console.line("  S7: " + acceptedAnswers + " ACCEPTED and " + reserveAnswers + " RESERVE answers; board "
				+ accepted + " accepted, " + reserve + " reserve; " + acceptedInDatabase
				+ " accepted in the database; needs " + stormNeeds);
		if (over > 0) {
			this.failures.add("S7: " + over + " accepted beyond the needs (" + stormNeeds + ")");
		}
		keep(this.scenarios, answers.result(), "S7-answers");
		standDown(operator, stormId);
	}

	private Http.Reply launch(String operator, String region, String title, JsonNode scene, int radiusKm, String skill,
			int count, boolean drill) {
		double lat = scene.path("lat").asDouble();
		double lng = scene.path("lng").asDouble();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("regionCode", region);
		body.put("title", title);
		body.put("location", Map.of("lat", lat, "lng", lng));
		body.put("radiusKm", radiusKm);
		body.put("assembleAt", java.time.OffsetDateTime.now(CHINA).plusHours(2).withNano(0).toString());
		body.put("assemblyPoint", Map.of("name", "现场指挥部集合点", "lat", lat + 0.001, "lng", lng));
		body.put("needs", List.of(Map.of("skill", skill, "count", count)));
		body.put("drill", drill);
		return this.http.post("/api/v1/emergency/mobilizations", operator,
				Map.of("Idempotency-Key", UUID.randomUUID().toString()), body);
	}

	private void standDown(String operator, String id) {
		Http.Reply reply = this.http.post("/api/v1/emergency/mobilizations/" + id + "/stand-down", operator, Map.of());
		if (!reply.ok()) {
			Console.line("  S7: stand-down of " + id + " answered " + reply.status() + " " + reply.text());
		}
	}

	private static void requireCreated(Http.Reply reply, String what) {
		if (reply.status() != 201) {
			throw new IllegalStateException("S7: " + what + " answered " + reply.status() + " " + reply.text());
		}
	}

	/** A count by SQL when the driver was given the database, else -1. */
	private long countInDatabase(String sql, Object value) throws SQLException {
		if (!this.options.has("jdbc-url")) {
			return -1;
		}
		try (Connection connection = DriverManager.getConnection(this.options.string("jdbc-url"),
				this.options.string("jdbc-user", "sa"), this.options.string("jdbc-password", ""));
				PreparedStatement query = connection.prepareStatement(sql)) {
			query.setObject(1, value);
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	/** Hours as the API writes them: decimal strings (or numbers). */
	private static BigDecimal decimal(JsonNode node) {
		if (node.isNumber()) {
			return node.decimalValue();
		}
		return node.isMissingNode() || node.isNull() ? BigDecimal.ZERO : new BigDecimal(node.asString());
	}

	private String[] signInAll(JsonNode volunteers) throws InterruptedException {
		String[] tokens = new String[volunteers.size()];
		this.workers.run(this.clients, tokens.length,
				(i) -> tokens[i] = token(Identities.phone(volunteers.get(i).path("index").asInt()), this.password));
		return tokens;
	}

	private static Map<String, Object> certificateRequest(JsonNode volunteer, JsonNode s5) {
		return Map.of("volunteerId", volunteer.path("volunteerId").asString(), "from", s5.path("from").asString(), "to",
				s5.path("to").asString());
	}

	private static void keep(List<Map<String, Object>> list, Map<String, Object> result, String id) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("id", id);
		entry.putAll(result);
		list.add(entry);
		Console.line(String.format("  %s: %s requests in %s s, %s/s, p50 %s ms, p95 %s ms, p99 %s ms, statuses %s",
				result.get("name"), result.get("requests"), result.get("seconds"), result.get("throughput"),
				result.get("p50Ms"), result.get("p95Ms"), result.get("p99Ms"), result.get("statuses")));
	}

	/**
	 * What a dashboard asks for: a region's overview for all time, a year and a month,
	 * and its breakdowns over a year. Years and months are drawn from the two full years
	 * before this one (China time), which the generated records cover.
	 */
	static final class StatsMix {

		static final List<String> KINDS = List.of("overview ALL", "overview year", "overview month", "by REGION",
				"by FIELD", "by CATEGORY", "by AGE_BAND", "by GENDER", "by MONTH", "by REGION, a quarter",
				"by AGE_BAND, a quarter");

		/**
		 * The request of a kind for a region: a year's breakdown reads the year's
		 * rollups; a quarter's is no rollup period, so its active volunteers are counted
		 * from the volunteers' months.
		 */
		static String path(String kind, String region) {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			int year = LocalDate.now(CHINA).getYear() - 1 - random.nextInt(2);
			String base = "/api/v1/stats/";
			if (kind.endsWith(", a quarter")) {
				int first = 1 + 3 * random.nextInt(4);
				return base + "breakdown?regionCode=" + region + "&by=" + kind.substring(3, kind.indexOf(','))
						+ "&from=" + year + "-" + month(first) + "&to=" + year + "-" + month(first + 2);
			}
			return switch (kind) {
				case "overview ALL" -> base + "overview?regionCode=" + region + "&period=ALL";
				case "overview year" -> base + "overview?regionCode=" + region + "&period=" + year;
				case "overview month" ->
					base + "overview?regionCode=" + region + "&period=" + year + "-" + month(1 + random.nextInt(12));
				default -> base + "breakdown?regionCode=" + region + "&by=" + kind.substring(3) + "&from=" + year
						+ "-01&to=" + year + "-12";
			};
		}

		private static String month(int month) {
			return (month < 10) ? "0" + month : String.valueOf(month);
		}

		static <T> T any(List<T> list) {
			return list.get(ThreadLocalRandom.current().nextInt(list.size()));
		}

	}

	/**
	 * The searches a public page makes: by district, by city and field, by province and
	 * text, by text alone, by province and the next two weeks, and within 20 km of a
	 * point.
	 */
	static final class SearchMix {

		static final List<String> KINDS = List.of("district", "city+field", "province+text", "text", "province+dates",
				"nearby");

		private final List<String> districts = new ArrayList<>();

		private final List<String> cities = new ArrayList<>();

		private final List<String> provinces = new ArrayList<>();

		private final List<String> keywords = new ArrayList<>();

		private final List<String> fields = new ArrayList<>();

		private final List<double[]> points = new ArrayList<>();

		SearchMix(JsonNode s4) {
			s4.path("districts").forEach((n) -> this.districts.add(n.asString()));
			s4.path("cities").forEach((n) -> this.cities.add(n.asString()));
			s4.path("provinces").forEach((n) -> this.provinces.add(n.asString()));
			s4.path("keywords").forEach((n) -> this.keywords.add(n.asString()));
			s4.path("fields").forEach((n) -> this.fields.add(n.asString()));
			s4.path("points")
				.forEach((n) -> this.points.add(new double[] { n.get(0).asDouble(), n.get(1).asDouble() }));
		}

		Query next() {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			int pick = random.nextInt(100);
			String base = "/api/v1/activities?size=20&";
			if (pick < 30) {
				return new Query("district", base + "regionCode=" + any(this.districts));
			}
			if (pick < 50) {
				return new Query("city+field",
						base + "regionCode=" + any(this.cities) + "&category=" + any(this.fields));
			}
			if (pick < 70) {
				return new Query("province+text", base + "regionCode=" + any(this.provinces) + "&q=" + text());
			}
			if (pick < 80) {
				return new Query("text", base + "q=" + text());
			}
			if (pick < 90) {
				LocalDate today = LocalDate.now(CHINA);
				return new Query("province+dates",
						base + "regionCode=" + any(this.provinces) + "&from=" + today + "&to=" + today.plusDays(14));
			}
			double[] point = any(this.points);
			return new Query("nearby", base + "lat=" + (point[0] + random.nextDouble(-0.1, 0.1)) + "&lng="
					+ (point[1] + random.nextDouble(-0.1, 0.1)) + "&radiusKm=20");
		}

		private String text() {
			return URLEncoder.encode(any(this.keywords), StandardCharsets.UTF_8);
		}

		private static <T> T any(List<T> list) {
			return list.get(ThreadLocalRandom.current().nextInt(list.size()));
		}

		record Query(String kind, String path) {

		}

	}

}
