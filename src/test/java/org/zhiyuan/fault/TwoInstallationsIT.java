package org.zhiyuan.fault;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.zhiyuan.support.ActivityFixtures;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.Identities;
import org.zhiyuan.support.TestDatabases;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A volunteer's records travel between two installations, each its own built jar and
 * database: the same person (the same ID number) is registered at both; at A an
 * organization records their service and they export their package; B refuses it until an
 * operator registers A as a peer with the keys A publishes, then imports it once (a
 * repeat finds every record already present), refuses a tampered copy and another
 * person's import, and counts the imported hours in the volunteer's total with A named as
 * the source. Runs against the built jar after {@code package}.
 */
class TwoInstallationsIT {

	private static final String PASSWORD = "Transfer-pass-42";

	private static final String DISTRICT = "640402";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void recordsExportedAtOneInstallationAreImportedOnceAtAnotherOnH2() throws Exception {
		exportAndImport(Platform.onH2("installation-a"), Platform.onH2("installation-b"));
	}

	@Test
	void recordsExportedAtOneInstallationAreImportedOnceAtAnotherOnPostgresql() throws Exception {
		Assumptions.assumeFalse(Boolean.getBoolean("zhiyuan.test.pg.skip"),
				"PostgreSQL skipped on request (-Dzhiyuan.test.pg.skip=true)");
		exportAndImport(Platform.onH2("installation-c"), Platform.onPostgres(TestDatabases.newPostgresSchema()));
	}

	private void exportAndImport(Platform a, Platform b) throws Exception {
		try {
			CompletableFuture<Void> startingB = CompletableFuture.runAsync(b::start);
			a.start();
			startingB.join();
			Api atA = new Api(a.base());
			Api atB = new Api(b.base());
			String idNumber = Identities.residentIdAged(30);

			// at A: an organization records 1.5 hours of the volunteer's service
			Registered volunteerAtA = register(atA, idNumber);
			recordService(atA, volunteerAtA);
			Response exported = volunteerAtA.api().get("/api/v1/volunteers/" + volunteerAtA.id() + "/transfer-package");
			assertThat(exported.status()).as(exported.body()).isEqualTo(200);
			assertThat(exported.header("Content-Type")).startsWith("application/jwt");
			String token = exported.body();
			String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
			assertThat(payload).doesNotContain(idNumber).contains("CommunityService");

			// at B: the same person; A is not trusted yet
			Registered volunteerAtB = register(atB, idNumber);
			assertRefused(volunteerAtB.api(), token, "UNTRUSTED_ISSUER");

			Api operatorAtB = atB.signIn("admin", Platform.ADMIN_PASSWORD);
			Response keysOfA = atA.get("/.well-known/jwks.json");
			assertThat(keysOfA.status()).isEqualTo(200);
			Response peer = operatorAtB.post("/api/v1/peers", Map.of("name", "宁夏志愿服务平台 A", "baseUrl", a.base(), "jwks",
					JSON.readValue(keysOfA.body(), Map.class)));
			assertThat(peer.status()).as(peer.body()).isEqualTo(201);

			Response imported = volunteerAtB.api()
				.postWithHeaders("/api/v1/record-imports", token, Map.of("Content-Type", "application/jwt"));
			assertThat(imported.status()).as(imported.body()).isEqualTo(201);
			assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
			assertThat(imported.json().get("alreadyPresent").asInt()).isZero();
			assertThat(imported.json().get("issuer").asString()).isEqualTo(a.base());

			Response again = volunteerAtB.api()
				.postWithHeaders("/api/v1/record-imports", token, Map.of("Content-Type", "application/jwt"));
			assertThat(again.status()).as(again.body()).isEqualTo(201);
			assertThat(again.json().get("imported").asInt()).isZero();
			assertThat(again.json().get("alreadyPresent").asInt()).isEqualTo(2);

			// the time-bank hours of the records (their activity is eligible) travel too:
			// moved out at A once, credited at B once
			Response account = volunteerAtA.api().get("/api/v1/volunteers/" + volunteerAtA.id() + "/time-account");
			assertThat(new BigDecimal(account.json().get("balance").asString())).as(account.body())
				.isEqualByComparingTo("1.50");
			String moveKey = java.util.UUID.randomUUID().toString();
			Response movedOut = volunteerAtA.api()
				.postWithHeaders("/api/v1/volunteers/" + volunteerAtA.id() + "/time-bank-transfer-out", Map.of(),
						Map.of("Idempotency-Key", moveKey));
			assertThat(movedOut.status()).as(movedOut.body()).isEqualTo(201);
			assertThat(volunteerAtA.api()
				.postWithHeaders("/api/v1/volunteers/" + volunteerAtA.id() + "/time-bank-transfer-out", Map.of(),
						Map.of("Idempotency-Key", moveKey))
				.status()).isEqualTo(201);
			account = volunteerAtA.api().get("/api/v1/volunteers/" + volunteerAtA.id() + "/time-account");
			assertThat(new BigDecimal(account.json().get("balance").asString())).as("A debited once")
				.isEqualByComparingTo("0.00");
			Response credited = volunteerAtB.api()
				.postWithHeaders("/api/v1/record-imports", movedOut.body(), Map.of("Content-Type", "application/jwt"));
			assertThat(credited.status()).as(credited.body()).isEqualTo(201);
			assertThat(credited.json().get("alreadyPresent").asInt()).isEqualTo(2);
			assertThat(new BigDecimal(credited.json().get("timeBankHours").asString())).isEqualByComparingTo("1.50");
			Response creditedAgain = volunteerAtB.api()
				.postWithHeaders("/api/v1/record-imports", movedOut.body(), Map.of("Content-Type", "application/jwt"));
			assertThat(new BigDecimal(creditedAgain.json().get("timeBankHours").asString())).as("B credits once")
				.isEqualByComparingTo("0.00");
			account = volunteerAtB.api().get("/api/v1/volunteers/" + volunteerAtB.id() + "/time-account");
			assertThat(new BigDecimal(account.json().get("balance").asString())).as(account.body())
				.isEqualByComparingTo("1.50");

			String[] parts = token.split("\\.");
			String tampered = parts[0] + "."
					+ Base64.getUrlEncoder()
						.withoutPadding()
						.encodeToString(payload.replace("\"1.00\"", "\"9.00\"").getBytes(StandardCharsets.UTF_8))
					+ "." + parts[2];
			assertThat(tampered).isNotEqualTo(token);
			assertRefused(volunteerAtB.api(), tampered, "BAD_SIGNATURE");
			Registered someoneElse = register(atB, Identities.residentIdAged(40));
			assertRefused(someoneElse.api(), token, "NOT_THE_HOLDER");

			Response me = volunteerAtB.api().get("/api/v1/volunteers/me");
			assertThat(me.status()).as(me.body()).isEqualTo(200);
			assertThat(new BigDecimal(me.json().get("totalHours").asString())).as("B counts the imported hours")
				.isEqualByComparingTo("1.50");
			Response records = volunteerAtB.api().get("/api/v1/volunteers/" + volunteerAtB.id() + "/records?size=10");
			assertThat(records.status()).as(records.body()).isEqualTo(200);
			JsonNode items = records.json().get("items");
			assertThat(items.size()).isEqualTo(2);
			items.forEach((item) -> {
				assertThat(item.get("method").asString()).isEqualTo("TRANSFER");
				assertThat(item.get("organizationName").asString()).contains("宁夏志愿服务平台 A");
			});
			Response chain = volunteerAtB.api()
				.get("/api/v1/volunteers/" + volunteerAtB.id() + "/records/verification");
			assertThat(chain.json().get("intact").asBoolean()).as(chain.body()).isTrue();
		}
		finally {
			a.stop();
			b.stop();
		}
	}

	private static void assertRefused(Api volunteer, String token, String code) {
		Response refused = volunteer.postWithHeaders("/api/v1/record-imports", token,
				Map.of("Content-Type", "application/jwt"));
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.problemCode()).isEqualTo(code);
	}

	/**
	 * An approved team of the district, an activity the volunteer signed up for, and two
	 * records of the past hours: 1.00 and 0.50.
	 */
	private static void recordService(Api anonymous, Registered volunteer) {
		Api admin = anonymous.signIn("admin", Platform.ADMIN_PASSWORD);
		Registered organizer = register(anonymous, Identities.residentIdAged(35));
		Response team = organizer.api()
			.post("/api/v1/organizations", Map.of("name", "转移测试服务队 " + Identities.suffix(), "type", "COMMUNITY_TEAM",
					"regionCode", DISTRICT, "fields", List.of("ELDERLY_CARE")));
		assertThat(team.status()).as(team.body()).isEqualTo(201);
		String organizationId = team.json().get("id").asString();
		assertThat(admin.post("/api/v1/organizations/" + organizationId + "/approve", Map.of()).status())
			.isEqualTo(200);
		Api organizerApi = anonymous.signIn(organizer.phone(), PASSWORD);
		Map<String, Object> body = ActivityFixtures.anActivity(organizationId, 5);
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(30).withNano(0);
		body.put("startsAt", start.toString());
		body.put("endsAt", start.plusHours(3).toString());
		Response activity = organizerApi.post("/api/v1/activities", body);
		assertThat(activity.status()).as(activity.body()).isEqualTo(201);
		String activityId = activity.json().get("id").asString();
		String positionId = activity.json().get("positions").get(0).get("id").asString();
		assertThat(organizerApi.post("/api/v1/activities/" + activityId + "/publish", Map.of()).status())
			.isEqualTo(200);
		Response signup = volunteer.api()
			.post("/api/v1/activities/" + activityId + "/signups", Map.of("positionId", positionId));
		assertThat(signup.status()).as(signup.body()).isEqualTo(201);
		OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).minusHours(4).withNano(0).withSecond(0);
		for (int minutes : new int[] { 60, 30 }) {
			Map<String, Object> record = new HashMap<>();
			record.put("volunteerId", volunteer.id());
			record.put("activityId", activityId);
			record.put("startedAt", from.toString());
			record.put("endedAt", from.plusMinutes(minutes).toString());
			record.put("reason", "纸质签到表补录");
			Response recorded = organizerApi.post("/api/v1/records", record);
			assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
			from = from.plusMinutes(minutes + 10);
		}
	}

	private static Registered register(Api anonymous, String idNumber) {
		String phone = Identities.phone();
		Map<String, Object> request = new HashMap<>();
		request.put("name", "转移测试志愿者");
		request.put("idType", "RESIDENT_ID");
		request.put("idNumber", idNumber);
		request.put("phone", phone);
		request.put("password", PASSWORD);
		request.put("regionCode", DISTRICT);
		request.put("skills", List.of());
		request.put("consents", Map.of("privacyPolicy", "2026-01", "oath", true));
		Response created = anonymous.post("/api/v1/volunteers", request);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new Registered(created.json().get("id").asString(), phone, anonymous.signIn(phone, PASSWORD));
	}

	private record Registered(String id, String phone, Api api) {

	}

}
