package org.zhiyuan.fault;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.zhiyuan.support.ActivityFixtures;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.Identities;
import org.zhiyuan.support.TestDatabases;
import org.zhiyuan.support.TestDatabases.Server;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the built jar on one PostgreSQL, as behind a load balancer that sends
 * each request anywhere: a web session opened on one works on the other, a password
 * changed on one revokes the tokens and sessions that the other would otherwise still
 * take, a connected system revoked on one is refused by the other, background jobs queued
 * on both are each run exactly once (counted by both instances' own metrics), and a
 * sign-up storm split across both never accepts more than the places. The instances share
 * the personal-data keys through configuration, as the README says to. On a Citus cluster
 * ({@code .ci/citus}) the second instance connects to a worker instead of the
 * coordinator: it starts once the first has built the schema, with Flyway off (migrations
 * run through the coordinator only), and everything above holds across the two nodes.
 */
class TwoInstancesIT {

	private static final String PASSWORD = "Twins-pass-42";

	private static final String STREET = "632701001";

	private static final int PLACES = 8;

	private static final int CANDIDATES = 24;

	private static final int IMPORTS = 6;

	private static final String ON_WORKER = "zhiyuan-on-worker";

	private static final Pattern COMPLETIONS = Pattern
		.compile("^dbscheduler_task_completions_total\\{([^}]*)\\} ([0-9.Ee+-]+)$", Pattern.MULTILINE);

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Test
	void twoInstancesOnOnePostgresqlShareSessionsRevocationJobsAndCapacity() throws Exception {
		Assumptions.assumeFalse(Boolean.getBoolean("zhiyuan.test.pg.skip"),
				"PostgreSQL skipped on request (-Dzhiyuan.test.pg.skip=true)");
		Server database = TestDatabases.newPostgresSchema();
		List<String> shared = sharedKeys();
		Platform one = Platform.onPostgres(database, "instance-a", shared);
		// named, so that the worker's own view shows the second instance connected to it
		Optional<Server> worker = TestDatabases.onCitusWorker(database)
			.map((w) -> new Server(w.url() + "&ApplicationName=" + ON_WORKER, w.user(), w.password()));
		List<String> second = new ArrayList<>(shared);
		if (worker.isPresent()) {
			// migrations run through the coordinator only
			second.add("--spring.flyway.enabled=false");
		}
		Platform two = Platform.onPostgres(worker.orElse(database), "instance-b", second);
		ExecutorService starting = Executors.newFixedThreadPool(2);
		try {
			if (worker.isPresent()) {
				// the schema is built through the coordinator; then the second, on a
				// worker
				one.start();
				two.start();
				assertThat(connectionsNamed(worker.get(), ON_WORKER))
					.as("the second instance's connections to the worker")
					.isPositive();
			}
			else {
				// both at once: the migrations and the first keys are made by one of them
				Future<?> a = starting.submit(one::start);
				Future<?> b = starting.submit(two::start);
				a.get();
				b.get();
			}
			Api anonymousA = new Api(one.base());
			Api anonymousB = new Api(two.base());

			Person organizer = register(anonymousA, "两实例组织者");
			String organizationId = anApprovedTeam(anonymousA, anonymousB, organizer);

			aSessionOpenedOnOneWorksOnTheOther(one, two, anonymousA, anonymousB);
			aSystemRevokedOnOneIsRefusedByTheOther(anonymousA, anonymousB);
			jobsQueuedOnBothRunOnce(one, two, anonymousA, anonymousB, organizer, organizationId);
			aSplitStormNeverOversells(anonymousA, anonymousB, organizer, organizationId);
			settingsChangedOnOneAreSeenByTheOtherWithinSeconds(anonymousA, anonymousB);
		}
		finally {
			starting.shutdownNow();
			one.stop();
			two.stop();
		}
	}

	/**
	 * Signed in through the page of one instance, the person is signed in on the other;
	 * their token works on both; a password change on one ends the token and the session
	 * on the other at once.
	 */
	private void aSessionOpenedOnOneWorksOnTheOther(Platform one, Platform two, Api anonymousA, Api anonymousB)
			throws Exception {
		Person person = register(anonymousB, "两实例会话");
		String session = pageSignIn(one, person.phone());
		assertThat(page(one, "/account", session)).as("the session on the instance that opened it").isEqualTo(200);
		assertThat(page(two, "/account", session)).as("the same session on the other instance").isEqualTo(200);
		assertThat(page(two, "/account", null)).as("no session").isEqualTo(302);

		String token = anonymousA.signIn(person.phone(), PASSWORD).token();
		Api onA = anonymousA.as(token);
		Api onB = anonymousB.as(token);
		assertThat(onB.get("/api/v1/accounts/me").status()).isEqualTo(200);
		assertThat(onA.get("/api/v1/accounts/me").status()).isEqualTo(200);
		Response changed = onA.post("/api/v1/accounts/me/password",
				Map.of("currentPassword", PASSWORD, "newPassword", PASSWORD + "-new"));
		assertThat(changed.status()).as(changed.body()).isEqualTo(204);
		assertThat(onB.get("/api/v1/accounts/me").status()).as("the token on the other instance").isEqualTo(401);
		assertThat(onA.get("/api/v1/accounts/me").status()).isEqualTo(401);
		assertThat(page(two, "/account", session)).as("the session on the other instance").isEqualTo(302);
		assertThat(page(one, "/account", session)).isEqualTo(302);
		assertThat(anonymousB.signIn(person.phone(), PASSWORD + "-new").get("/api/v1/accounts/me").status())
			.isEqualTo(200);
	}

	/**
	 * A connected system gets its token from one instance and calls the other; revoked
	 * through one instance, its token is refused by both at once.
	 */
	private void aSystemRevokedOnOneIsRefusedByTheOther(Api anonymousA, Api anonymousB) {
		Api adminOnA = anonymousA.signIn("admin", Platform.ADMIN_PASSWORD);
		Response client = adminOnA.postWithHeaders("/api/v1/clients",
				Map.of("name", "两实例统计对接", "scopes", List.of("stats:read"), "regionCode", "632701"),
				Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
		assertThat(client.status()).as(client.body()).isEqualTo(201);
		String basic = Base64.getEncoder()
			.encodeToString(
					(client.json().get("clientId").asString() + ":" + client.json().get("clientSecret").asString())
						.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		Response token = anonymousB.postWithHeaders("/oauth2/token", "grant_type=client_credentials",
				Map.of("Content-Type", "application/x-www-form-urlencoded", "Authorization", "Basic " + basic));
		assertThat(token.status()).as(token.body()).isEqualTo(200);
		String accessToken = token.json().get("access_token").asString();
		String overview = "/api/v1/stats/overview?regionCode=632701";
		assertThat(anonymousA.as(accessToken).get(overview).status()).isEqualTo(200);
		assertThat(anonymousB.as(accessToken).get(overview).status()).isEqualTo(200);
		Api adminOnB = anonymousB.as(adminOnA.token());
		Response revoked = adminOnB.post("/api/v1/clients/" + client.json().get("id").asString() + "/revocation",
				Map.of());
		assertThat(revoked.status()).as(revoked.body()).isBetween(200, 204);
		assertThat(anonymousA.as(accessToken).get(overview).status()).as("revoked on the other instance")
			.isEqualTo(401);
		assertThat(anonymousB.as(accessToken).get(overview).status()).isEqualTo(401);
	}

	/**
	 * Settings that each instance keeps in memory (here a region's rules of points): a
	 * change through one instance is answered at once by that one, and by the other as
	 * soon as it has read the settings' versions again (once a second).
	 */
	private void settingsChangedOnOneAreSeenByTheOtherWithinSeconds(Api anonymousA, Api anonymousB)
			throws InterruptedException {
		Api adminOnA = anonymousA.signIn("admin", Platform.ADMIN_PASSWORD);
		String rules = "/api/v1/point-rules/632701";
		int before = anonymousB.get(rules).json().get("perHour").asInt();
		assertThat(anonymousB.get(rules).json().get("perHour").asInt()).as("read twice, kept").isEqualTo(before);
		int changed = (before == 12) ? 13 : 12;
		Response set = adminOnA.send("PUT", rules,
				Map.of("perHour", changed, "hardPerHour", 18, "emergencyPerHour", 24, "validMonths", 24));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		assertThat(anonymousA.get(rules).json().get("perHour").asInt()).as("on the instance that changed them")
			.isEqualTo(changed);
		long started = System.nanoTime();
		int seen = before;
		while (seen != changed && System.nanoTime() - started < Duration.ofSeconds(10).toNanos()) {
			Thread.sleep(100);
			seen = anonymousB.get(rules).json().get("perHour").asInt();
		}
		assertThat(seen).as("on the other instance").isEqualTo(changed);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("within about a second")
			.isLessThan(Duration.ofSeconds(3));
		assertThat(adminOnA.send("DELETE", rules).status()).isEqualTo(200);
	}

	/**
	 * Imports of volunteers, queued through both instances, each run once: the two
	 * instances' counts of finished executions add up to the number of imports, and every
	 * import registered each of its people once.
	 */
	private void jobsQueuedOnBothRunOnce(Platform one, Platform two, Api anonymousA, Api anonymousB, Person organizer,
			String organizationId) throws Exception {
		Api admin = anonymousA.signIn("admin", Platform.ADMIN_PASSWORD);
		double before = completions(anonymousA.as(admin.token()), "volunteer-import")
				+ completions(anonymousB.as(admin.token()), "volunteer-import");
		List<String> imports = new ArrayList<>();
		for (int i = 0; i < IMPORTS; i++) {
			Api via = ((i % 2 == 0) ? anonymousA : anonymousB).as(organizer.token());
			Response started = via.postMultipart("/api/v1/organizations/" + organizationId + "/imports", "file",
					"people-" + i + ".xlsx", workbook(3), Map.of("consentConfirmed", "true"));
			assertThat(started.status()).as(started.body()).isEqualTo(202);
			imports.add(started.json().get("id").asString());
		}
		long deadline = System.currentTimeMillis() + 120_000;
		for (int i = 0; i < IMPORTS; i++) {
			// asked of the instance that did not queue it
			Api other = ((i % 2 == 0) ? anonymousB : anonymousA).as(organizer.token());
			JsonNode progress;
			do {
				Thread.sleep(200);
				progress = other.get("/api/v1/organizations/" + organizationId + "/imports/" + imports.get(i)).json();
			}
			while (progress.get("finishedAt").isNull() && System.currentTimeMillis() < deadline);
			assertThat(progress.get("status").asString()).as("import %d: %s", i, progress).isEqualTo("DONE");
			assertThat(progress.get("created").asInt()).as("import %d: %s", i, progress).isEqualTo(3);
		}
		double after = completions(anonymousA.as(admin.token()), "volunteer-import")
				+ completions(anonymousB.as(admin.token()), "volunteer-import");
		assertThat(after - before).as("executions of the import job on both instances").isEqualTo(IMPORTS);
		// the recurring jobs ran too, on one instance or the other
		assertThat(completions(anonymousA.as(admin.token()), "fold-statistics")
				+ completions(anonymousB.as(admin.token()), "fold-statistics"))
			.isPositive();
	}

	/**
	 * {@value #CANDIDATES} volunteers sign up at once for {@value #PLACES} places, half
	 * through each instance: exactly {@value #PLACES} are accepted and the rest wait.
	 */
	private void aSplitStormNeverOversells(Api anonymousA, Api anonymousB, Person organizer, String organizationId)
			throws Exception {
		Api organizerApi = anonymousA.as(organizer.token());
		Map<String, Object> body = ActivityFixtures.anActivity(organizationId, PLACES);
		body.put("regionCode", STREET);
		Response activity = organizerApi.post("/api/v1/activities", body);
		assertThat(activity.status()).as(activity.body()).isEqualTo(201);
		String activityId = activity.json().get("id").asString();
		String positionId = activity.json().get("positions").get(0).get("id").asString();
		assertThat(organizerApi.post("/api/v1/activities/" + activityId + "/publish", Map.of()).status())
			.isEqualTo(200);

		List<Api> callers = new ArrayList<>();
		for (int i = 0; i < CANDIDATES; i++) {
			Api via = (i % 2 == 0) ? anonymousA : anonymousB;
			callers.add(via.as(register(via, "两实例报名").token()));
		}
		ExecutorService storm = Executors.newFixedThreadPool(CANDIDATES);
		try {
			List<Callable<Response>> signups = new ArrayList<>();
			for (Api caller : callers) {
				signups.add(() -> caller.post("/api/v1/activities/" + activityId + "/signups",
						Map.of("positionId", positionId)));
			}
			Map<String, Integer> byStatus = new HashMap<>();
			for (Future<Response> answer : storm.invokeAll(signups)) {
				Response response = answer.get();
				assertThat(response.status()).as(response.body()).isEqualTo(201);
				byStatus.merge(response.json().get("status").asString(), 1, Integer::sum);
			}
			assertThat(byStatus).containsEntry("APPROVED", PLACES).containsEntry("WAITLISTED", CANDIDATES - PLACES);
		}
		finally {
			storm.shutdownNow();
		}
		for (Api instance : List.of(anonymousA, anonymousB)) {
			JsonNode seen = instance.as(organizer.token()).get("/api/v1/activities/" + activityId).json();
			assertThat(seen.get("positions").get(0).get("accepted").asInt()).isEqualTo(PLACES);
		}
	}

	private String anApprovedTeam(Api anonymousA, Api anonymousB, Person organizer) {
		Response team = anonymousA.as(organizer.token())
			.post("/api/v1/organizations", Map.of("name", "两实例服务队 " + Identities.suffix(), "type", "COMMUNITY_TEAM",
					"regionCode", "632701", "fields", List.of("ELDERLY_CARE")));
		assertThat(team.status()).as(team.body()).isEqualTo(201);
		String organizationId = team.json().get("id").asString();
		// approved through the other instance
		Api admin = anonymousB.signIn("admin", Platform.ADMIN_PASSWORD);
		assertThat(admin.post("/api/v1/organizations/" + organizationId + "/approve", Map.of()).status())
			.isEqualTo(200);
		return organizationId;
	}

	/** Signs in through the sign-in page and returns the session cookie. */
	private String pageSignIn(Platform platform, String phone) throws Exception {
		HttpResponse<String> form = this.http.send(
				HttpRequest.newBuilder(URI.create(platform.base() + "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).as("the sign-in form has a CSRF token").isTrue();
		String csrfCookie = form.headers()
			.allValues("set-cookie")
			.stream()
			.filter((c) -> c.startsWith("XSRF-TOKEN="))
			.map((c) -> c.substring(0, c.indexOf(';')))
			.findFirst()
			.orElseThrow();
		String fields = "username=" + phone + "&password=" + PASSWORD + "&_csrf=" + csrf.group(1);
		HttpResponse<String> signedIn = this.http.send(HttpRequest.newBuilder(URI.create(platform.base() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", csrfCookie)
			.POST(HttpRequest.BodyPublishers.ofString(fields))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
		return signedIn.headers()
			.allValues("set-cookie")
			.stream()
			.filter((c) -> c.startsWith("SESSION="))
			.map((c) -> c.substring(0, c.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie: " + signedIn.headers().map()));
	}

	private int page(Platform platform, String path, String session) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.base() + path)).GET();
		if (session != null) {
			request.header("Cookie", session);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** How many executions of a task this instance finished, from its metrics. */
	private static double completions(Api operator, String task) {
		Response metrics = operator.get("/actuator/prometheus");
		assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
		double total = 0;
		Matcher line = COMPLETIONS.matcher(metrics.body());
		while (line.find()) {
			if (line.group(1).contains("task=\"" + task + "\"") && line.group(1).contains("result=\"ok\"")) {
				total += Double.parseDouble(line.group(2));
			}
		}
		return total;
	}

	private static Person register(Api anonymous, String name) {
		String phone = Identities.phone();
		Map<String, Object> request = new HashMap<>();
		request.put("name", name);
		request.put("idType", "RESIDENT_ID");
		request.put("idNumber", Identities.residentIdAged(30));
		request.put("phone", phone);
		request.put("password", PASSWORD);
		request.put("regionCode", STREET);
		request.put("skills", List.of());
		request.put("consents", Map.of("privacyPolicy", "2026-01", "oath", true));
		Response created = anonymous.post("/api/v1/volunteers", request);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new Person(phone, anonymous.signIn(phone, PASSWORD).token());
	}

	private static byte[] workbook(int people) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("志愿者");
			sheet.createRow(0).createCell(0).setCellValue("姓名 Name*");
			for (int r = 0; r < people; r++) {
				String[] cells = { "导入志愿者", "居民身份证", Identities.residentIdAged(25 + r), "", "", Identities.phone(),
						STREET, "", "", "", "", PASSWORD };
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < cells.length; c++) {
					row.createCell(c).setCellValue(cells[c]);
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	/** The same personal-data keys for every instance, as configuration. */
	private static long connectionsNamed(Server server, String name) throws SQLException {
		try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password());
				PreparedStatement statement = connection
					.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ?")) {
			statement.setString(1, name);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1) - 1;
			}
		}
	}

	private static List<String> sharedKeys() {
		SecureRandom random = new SecureRandom();
		return List.of("--zhiyuan.privacy.keys.k1=" + randomKey(random), "--zhiyuan.privacy.active-key=k1",
				"--zhiyuan.privacy.index-key=" + randomKey(random));
	}

	private static String randomKey(SecureRandom random) {
		byte[] key = new byte[32];
		random.nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private record Person(String phone, String token) {

	}

}
