package org.zhiyuan.fault;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhiyuan.support.ActivityFixtures;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.Identities;
import org.zhiyuan.support.TestDatabases;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform is killed with SIGKILL in the middle of a burst of check-ins, check-outs
 * and service records, then started again on the same database: everything it answered
 * 2xx is there, each volunteer's total equals the sum of their records, every record
 * chain is intact, and a request cut off by the crash can be repeated with its
 * idempotency key without counting twice. On H2 and on PostgreSQL; runs against the built
 * jar after {@code package}.
 */
@Execution(ExecutionMode.CONCURRENT)
class CheckinCrashIT {

	private static final Logger LOG = LoggerFactory.getLogger(CheckinCrashIT.class);

	private static final int VOLUNTEERS = 10;

	private static final int RECORDS_EACH = 6;

	private static final int REQUESTS = VOLUNTEERS * (2 + RECORDS_EACH);

	/** The crash comes once this many requests have been answered. */
	private static final int KILL_AFTER = REQUESTS * 2 / 5;

	private static final String PASSWORD = "Crash-pass-42";

	private static final Map<String, Object> AT_THE_SITE = Map.of("lat", 39.9088, "lng", 116.4446, "accuracyMeters",
			15);

	@Test
	void keepsEveryAnsweredCheckInAndRecordAfterSigkillOnH2() throws Exception {
		killMidBurstAndRestart(Platform.onH2());
	}

	@Test
	void keepsEveryAnsweredCheckInAndRecordAfterSigkillOnPostgresql() throws Exception {
		Assumptions.assumeFalse(Boolean.getBoolean("zhiyuan.test.pg.skip"),
				"PostgreSQL skipped on request (-Dzhiyuan.test.pg.skip=true)");
		killMidBurstAndRestart(Platform.onPostgres(TestDatabases.newPostgresSchema()));
	}

	private void killMidBurstAndRestart(Platform platform) throws Exception {
		try {
			platform.start();
			Scene scene = prepare(new Api(platform.base()));
			List<Outcome> outcomes = burstUntilKilled(scene, platform);
			platform.start();
			verifyAfterRestart(new Api(platform.base()), scene, outcomes);
		}
		finally {
			platform.stop();
		}
	}

	/**
	 * An approved team with a published activity that opens for check-in now, and
	 * volunteers with accepted places, each signed in.
	 */
	private Scene prepare(Api anonymous) {
		Api admin = anonymous.signIn("admin", Platform.ADMIN_PASSWORD);
		Registered organizer = register(anonymous);
		Response team = organizer.api()
			.post("/api/v1/organizations", Map.of("name", "应急测试服务队 " + Identities.suffix(), "type", "COMMUNITY_TEAM",
					"regionCode", "110105", "fields", List.of("ELDERLY_CARE")));
		assertThat(team.status()).as(team.body()).isEqualTo(201);
		String organizationId = team.json().get("id").asString();
		assertThat(admin.post("/api/v1/organizations/" + organizationId + "/approve", Map.of()).status())
			.isEqualTo(200);
		Api organizerApi = anonymous.signIn(organizer.phone(), PASSWORD);

		// check-in opens an hour before the start
		Map<String, Object> body = ActivityFixtures.anActivity(organizationId, VOLUNTEERS);
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(30).withNano(0);
		body.put("startsAt", start.toString());
		body.put("endsAt", start.plusHours(3).toString());
		Response activity = organizerApi.post("/api/v1/activities", body);
		assertThat(activity.status()).as(activity.body()).isEqualTo(201);
		String activityId = activity.json().get("id").asString();
		String positionId = activity.json().get("positions").get(0).get("id").asString();
		assertThat(organizerApi.post("/api/v1/activities/" + activityId + "/publish", Map.of()).status())
			.isEqualTo(200);

		List<Registered> volunteers = new ArrayList<>();
		for (int i = 0; i < VOLUNTEERS; i++) {
			Registered volunteer = register(anonymous);
			Response signup = volunteer.api()
				.post("/api/v1/activities/" + activityId + "/signups", Map.of("positionId", positionId));
			assertThat(signup.status()).as(signup.body()).isEqualTo(201);
			volunteers.add(volunteer);
		}
		Response code = organizerApi.post("/api/v1/activities/" + activityId + "/checkin-codes", Map.of());
		assertThat(code.status()).as(code.body()).isEqualTo(201);
		return new Scene(organizer.phone(), organizerApi, activityId, code.json().get("code").asString(), volunteers);
	}

	/**
	 * Every volunteer checks in and then out, while the organizer records hours for all
	 * of them by hand, in random order on twelve connections; once {@value #KILL_AFTER}
	 * requests have been answered the platform is killed.
	 */
	private List<Outcome> burstUntilKilled(Scene scene, Platform platform) throws InterruptedException {
		Burst<Outcome> burst = new Burst<>(KILL_AFTER);
		List<Callable<Void>> tasks = new ArrayList<>();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
		for (int v = 0; v < VOLUNTEERS; v++) {
			Registered volunteer = scene.volunteers().get(v);
			Map<String, Object> code = Map.of("code", scene.code(), "location", AT_THE_SITE);
			tasks.add(() -> {
				Outcome in = burst
					.keep(send(volunteer.api(), Kind.CHECK_IN, volunteer, "/api/v1/attendance/check-in", code, null));
				if (in.answered()) {
					burst.keep(send(volunteer.api(), Kind.CHECK_OUT, volunteer, "/api/v1/attendance/check-out", code,
							null));
				}
				return null;
			});
			for (int k = 0; k < RECORDS_EACH; k++) {
				OffsetDateTime started = now.minusHours(4).plusMinutes(20L * k);
				Map<String, Object> record = new HashMap<>();
				record.put("volunteerId", volunteer.id());
				record.put("activityId", scene.activityId());
				record.put("startedAt", started.toString());
				// segments of different lengths that never overlap: overlapping time is
				// refused
				record.put("endedAt", started.plusMinutes(5L + 2L * k).toString());
				record.put("content", "助餐服务，第 " + (k + 1) + " 段");
				record.put("reason", "纸质签到表补录");
				String key = UUID.randomUUID().toString();
				tasks.add(() -> {
					burst.keep(send(scene.organizer(), Kind.RECORD, volunteer, "/api/v1/records", record, key));
					return null;
				});
			}
		}
		return burst.runAndKill(tasks, platform, REQUESTS, LOG);
	}

	private void verifyAfterRestart(Api anonymous, Scene scene, List<Outcome> outcomes) {
		Api admin = anonymous.signIn("admin", Platform.ADMIN_PASSWORD);
		Api organizer = anonymous.signIn(scene.organizerPhone(), PASSWORD);

		Map<String, JsonNode> board = new HashMap<>();
		Response attendance = organizer.get("/api/v1/activities/" + scene.activityId() + "/attendance?size=200");
		assertThat(attendance.status()).as(attendance.body()).isEqualTo(200);
		attendance.json().get("items").forEach((row) -> board.put(row.get("volunteerId").asString(), row));
		for (Outcome outcome : outcomes) {
			if (outcome.kind() == Kind.CHECK_IN && outcome.answered()) {
				assertThat(board).as("answered check-in of %s", outcome.volunteerId())
					.containsKey(outcome.volunteerId());
			}
			if (outcome.kind() == Kind.CHECK_OUT && outcome.answered()) {
				assertThat(board.get(outcome.volunteerId()).get("checkedOutAt").isNull())
					.as("answered check-out of %s", outcome.volunteerId())
					.isFalse();
			}
			if (outcome.kind() == Kind.RECORD && outcome.answered()) {
				Response record = admin.get("/api/v1/records/" + outcome.json().get("id").asString());
				assertThat(record.status()).as("answered record %s", outcome.body()).isEqualTo(200);
				assertThat(record.json().get("hours").asString()).isEqualTo(outcome.json().get("hours").asString());
			}
		}
		for (Registered volunteer : scene.volunteers()) {
			long answered = outcomes.stream()
				.filter((o) -> o.kind() == Kind.RECORD && o.answered() && o.volunteerId().equals(volunteer.id()))
				.count();
			assertThat(recordsOf(admin, volunteer)).as("records of %s after the crash", volunteer.id())
				.hasSizeBetween((int) answered, RECORDS_EACH);
			assertTotalsAndChain(admin, volunteer);
		}

		// what was cut off is sent again with the same key: a record that had been
		// committed is returned, not written twice
		for (Outcome outcome : outcomes) {
			if (outcome.kind() == Kind.RECORD && !outcome.answered()) {
				Response again = organizer.postWithHeaders("/api/v1/records", outcome.request(),
						Map.of("Idempotency-Key", outcome.idempotencyKey()));
				assertThat(again.status()).as(again.body()).isEqualTo(201);
			}
		}
		BigDecimal everyRecord = BigDecimal.ZERO;
		for (int k = 0; k < RECORDS_EACH; k++) {
			everyRecord = everyRecord
				.add(BigDecimal.valueOf(5L + 2L * k).divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP));
		}
		for (Registered volunteer : scene.volunteers()) {
			assertThat(recordsOf(admin, volunteer)).as("records of %s after the repeats", volunteer.id())
				.hasSize(RECORDS_EACH);
			assertThat(assertTotalsAndChain(admin, volunteer)).isEqualByComparingTo(everyRecord);
		}
	}

	/**
	 * The volunteer's total equals the sum of their records, and their chain is intact.
	 */
	private BigDecimal assertTotalsAndChain(Api admin, Registered volunteer) {
		BigDecimal sum = recordsOf(admin, volunteer).stream()
			.map((record) -> new BigDecimal(record.get("effectiveHours").asString()))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		Response profile = admin.get("/api/v1/volunteers/" + volunteer.id());
		assertThat(profile.status()).as(profile.body()).isEqualTo(200);
		BigDecimal total = new BigDecimal(profile.json().get("totalHours").asString());
		assertThat(total).as("total hours of %s", volunteer.id()).isEqualByComparingTo(sum);
		Response chain = admin.get("/api/v1/volunteers/" + volunteer.id() + "/records/verification");
		assertThat(chain.json().get("intact").asBoolean()).as("record chain of %s: %s", volunteer.id(), chain.body())
			.isTrue();
		return total;
	}

	private static List<JsonNode> recordsOf(Api admin, Registered volunteer) {
		Response records = admin.get("/api/v1/volunteers/" + volunteer.id() + "/records?size=100");
		assertThat(records.status()).as(records.body()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		records.json().get("items").forEach(items::add);
		return items;
	}

	private static Registered register(Api anonymous) {
		String phone = Identities.phone();
		Map<String, Object> request = new HashMap<>();
		request.put("name", "压力测试志愿者");
		request.put("idType", "RESIDENT_ID");
		request.put("idNumber", Identities.residentIdAged(30));
		request.put("phone", phone);
		request.put("password", PASSWORD);
		request.put("regionCode", "110105001");
		request.put("skills", List.of());
		request.put("consents", Map.of("privacyPolicy", "2026-01", "oath", true));
		Response created = anonymous.post("/api/v1/volunteers", request);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new Registered(created.json().get("id").asString(), phone, anonymous.signIn(phone, PASSWORD));
	}

	private static Outcome send(Api api, Kind kind, Registered volunteer, String path, Map<String, Object> body,
			String idempotencyKey) {
		Burst.Reply reply = Burst.post(api, path, body, idempotencyKey);
		return new Outcome(kind, volunteer.id(), body, idempotencyKey, reply.status(), reply.body(), reply.cutOff());
	}

	private enum Kind {

		CHECK_IN, CHECK_OUT, RECORD

	}

	/** What a request sent and what, if anything, came back before the kill. */
	private record Outcome(Kind kind, String volunteerId, Map<String, Object> request, String idempotencyKey,
			int status, String body, boolean cutOff) implements Burst.Outcome {

	}

	private record Registered(String id, String phone, Api api) {

	}

	private record Scene(String organizerPhone, Api organizer, String activityId, String code,
			List<Registered> volunteers) {

	}

}
