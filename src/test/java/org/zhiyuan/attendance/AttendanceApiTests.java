package org.zhiyuan.attendance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiyuan.support.ActivityFixtures.anActivity;

class AttendanceApiTests extends ApiTestSupport {

	private static final Map<String, Object> AT_THE_SITE = Map.of("lat", 39.9088, "lng", 116.4446, "accuracyMeters",
			15);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CheckinCodes codes;

	@Autowired
	Attendance attendance;

	@Test
	void checksInWithinTheGeofenceAndChecksOutIntoAServiceRecord() {
		Running running = aRunningActivity(3);
		Person volunteer = signedUpVolunteer(running);
		Api admin = as(running.team().admin());
		Response code = admin.post("/api/v1/activities/" + running.id() + "/checkin-codes", Map.of());
		assertThat(code.status()).isEqualTo(201);
		assertThat(code.json().get("shortCode").asString()).hasSize(8);
		assertThat(code.json().get("expiresAt").asString()).isNotBlank();
		String current = code.json().get("code").asString();

		Response far = as(volunteer).post("/api/v1/attendance/check-in",
				Map.of("code", current, "location", Map.of("lat", 39.95, "lng", 116.50, "accuracyMeters", 20)));
		assertThat(far.status()).isEqualTo(422);
		assertThat(far.problemCode()).isEqualTo("OUTSIDE_GEOFENCE");
		Response in = as(volunteer).post("/api/v1/attendance/check-in",
				Map.of("code", current, "location", AT_THE_SITE));
		assertThat(in.status()).isEqualTo(200);
		assertThat(in.json().get("checkedInAt").asString()).isNotBlank();
		assertThat(as(volunteer).post("/api/v1/attendance/check-in", Map.of("code", current, "location", AT_THE_SITE))
			.problemCode()).isEqualTo("ALREADY_CHECKED_IN");

		// the volunteer actually arrived an hour ago: the time taken is moved back to
		// test the hours
		this.jdbc.sql("UPDATE attendance SET checked_in_at = :t WHERE activity_id = :a")
			.param("t", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(90))
			.param("a", UUID.fromString(running.id()))
			.update();
		Response out = as(volunteer).post("/api/v1/attendance/check-out",
				Map.of("code", current, "location", AT_THE_SITE));
		assertThat(out.status()).isEqualTo(200);
		assertThat(out.json().get("recordId").asString()).isNotBlank();
		assertThat(out.json().get("hours").asString()).as("served from the start, an hour ago").matches("1\\.0[0-2]");
		var records = as(volunteer).get("/api/v1/volunteers/me/records").json();
		assertThat(records.get("items").get(0).get("activityId").asString()).isEqualTo(running.id());
		assertThat(as(volunteer).get("/api/v1/volunteers/me").json().get("totalHours").asString()).startsWith("1.0");
	}

	@Test
	void refusesStrangersForgedAndExpiredCodes() {
		Running running = aRunningActivity(3);
		Person volunteer = signedUpVolunteer(running);
		String current = as(running.team().admin())
			.post("/api/v1/activities/" + running.id() + "/checkin-codes", Map.of())
			.json()
			.get("code")
			.asString();
		Response stranger = as(this.fixtures.aVolunteer()).post("/api/v1/attendance/check-in",
				Map.of("code", current, "location", AT_THE_SITE));
		assertThat(stranger.status()).isEqualTo(403);
		assertThat(stranger.problemCode()).isEqualTo("NOT_SIGNED_UP");
		String forged = current.substring(0, current.length() - 2) + (current.endsWith("AA") ? "BB" : "AA");
		assertThat(as(volunteer).post("/api/v1/attendance/check-in", Map.of("code", forged, "location", AT_THE_SITE))
			.problemCode()).isEqualTo("CODE_INVALID");
		String old = this.codes.issue(UUID.fromString(running.id()), Instant.now().minusSeconds(300)).code();
		Response expired = as(volunteer).post("/api/v1/attendance/check-in",
				Map.of("code", old, "location", AT_THE_SITE));
		assertThat(expired.status()).isEqualTo(422);
		assertThat(expired.problemCode()).isEqualTo("CODE_EXPIRED");
		assertThat(as(volunteer).post("/api/v1/attendance/check-in", Map.of("code", current)).status())
			.as("the position is required where there is a geofence")
			.isEqualTo(400);
		assertThat(as(volunteer).post("/api/v1/activities/" + running.id() + "/checkin-codes", Map.of()).status())
			.isEqualTo(403);
	}

	@Test
	void organizersEnterTimesByHandWithAReasonAndInBulk() {
		Running running = aRunningActivity(5);
		Person first = signedUpVolunteer(running);
		Person second = signedUpVolunteer(running);
		Api admin = as(running.team().admin());
		String base = "/api/v1/activities/" + running.id() + "/attendance";
		Map<String, Object> noReason = new HashMap<>();
		noReason.put("volunteerId", first.volunteerId().toString());
		assertThat(admin.post(base + "/check-in", noReason).status()).isEqualTo(400);
		String anHourAgo = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(60).toString();
		assertThat(admin
			.post(base + "/check-in",
					Map.of("volunteerId", first.volunteerId().toString(), "at", anHourAgo, "reason", "手机没电"))
			.status()).isEqualTo(200);
		Response out = admin.post(base + "/check-out",
				Map.of("volunteerId", first.volunteerId().toString(), "reason", "手机没电"));
		assertThat(out.json().get("hours").asString()).matches("1\\.0[0-2]");
		Response bulk = admin.post(base + "/bulk",
				Map.of("reason", "线下活动补录", "entries",
						List.of(Map.of("volunteerId", second.volunteerId().toString(), "checkedInAt",
								OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(60).toString(), "checkedOutAt",
								OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30).toString()))));
		assertThat(bulk.status()).isEqualTo(200);
		assertThat(bulk.json().get(0).get("hours").asString()).isEqualTo("0.50");
		var board = admin.get(base).json();
		assertThat(board.get("total").asLong()).isEqualTo(2);
		assertThat(board.get("items").size()).isEqualTo(2);
		List<String> paged = new java.util.ArrayList<>();
		paged.addAll(admin.get(base + "?page=0&size=1").json().get("items").findValuesAsString("volunteerId"));
		paged.addAll(admin.get(base + "?page=1&size=1").json().get("items").findValuesAsString("volunteerId"));
		assertThat(paged).as("one a page, none twice")
			.containsExactlyInAnyOrder(first.volunteerId().toString(), second.volunteerId().toString());
		assertThat(admin.get(base + "?size=201").status()).isEqualTo(400);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action LIKE 'attendance.%' AND actor_id = :a")
			.param("a", running.team().admin().id())
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void closesAForgottenCheckOutAtTheEndAndFlagsIt() {
		Running running = aRunningActivity(3);
		Person volunteer = signedUpVolunteer(running);
		as(running.team().admin()).post("/api/v1/activities/" + running.id() + "/attendance/check-in",
				Map.of("volunteerId", volunteer.volunteerId().toString(), "reason", "现场登记"));
		this.jdbc.sql("UPDATE activity SET starts_at = :start, ends_at = :end WHERE id = :id")
			.param("start", OffsetDateTime.now(ZoneOffset.UTC).minusHours(4))
			.param("end", OffsetDateTime.now(ZoneOffset.UTC).minusHours(2))
			.param("id", UUID.fromString(running.id()))
			.update();
		this.jdbc.sql("UPDATE attendance SET checked_in_at = :t WHERE activity_id = :id")
			.param("t", OffsetDateTime.now(ZoneOffset.UTC).minusHours(3))
			.param("id", UUID.fromString(running.id()))
			.update();
		assertThat(this.attendance.closeForgotten(OffsetDateTime.now(ZoneOffset.UTC))).isPositive();
		var row = this.jdbc.sql("SELECT needs_review, flags, record_id FROM attendance WHERE activity_id = :id")
			.param("id", UUID.fromString(running.id()))
			.query((rs, n) -> List.of(rs.getBoolean(1), String.valueOf(rs.getString(2)),
					String.valueOf(rs.getObject(3))))
			.single();
		assertThat(row.get(0)).isEqualTo(true);
		assertThat((String) row.get(1)).contains("AUTO_CHECKOUT");
		assertThat((String) row.get(2)).isNotEqualTo("null");
	}

	@Test
	void thePagesShowTheRotatingQrAndTakeATypedCode() {
		Running running = aRunningActivity(4);
		Person volunteer = signedUpVolunteer(running);
		Api admin = new Api("http://localhost:" + this.port);
		admin.submitForm("/login", "/login",
				Map.of("username", running.team().admin().username(), "password", running.team().admin().password()));
		Response screen = admin.get("/activities/" + running.id() + "/checkin-screen");
		assertThat(screen.status()).isEqualTo(200);
		assertThat(screen.body()).contains("checkin-qr.png");
		Person late = signedUpVolunteer(running);
		Response manual = admin.submitForm("/activities/" + running.id() + "/checkin-screen",
				"/activities/" + running.id() + "/attendance/manual",
				Map.of("volunteerId", late.volunteerId().toString(), "direction", "in", "reason", "手机没电"));
		assertThat(manual.status()).isEqualTo(302);
		assertThat(admin.get("/activities/" + running.id() + "/checkin-screen").body()).contains("已签到 1 人");
		Person offline = signedUpVolunteer(running);
		Person picked = signedUpVolunteer(running);
		String number = as(offline).get("/api/v1/volunteers/me").json().get("volunteerNumber").asString();
		java.time.LocalDateTime anHourAgo = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"))
			.minusMinutes(50)
			.withSecond(0)
			.withNano(0);
		java.time.format.DateTimeFormatter minutes = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
		Response badBulk = admin.submitForm("/activities/" + running.id() + "/checkin-screen",
				"/activities/" + running.id() + "/attendance/bulk", Map.of("lines", "nobody,1,2", "reason", "纸质签到表"));
		assertThat(badBulk.status()).isEqualTo(302);
		assertThat(admin.get("/activities/" + running.id() + "/checkin-screen").body()).contains("第 1 行无法识别");
		Response bulk = admin.submitForm("/activities/" + running.id() + "/checkin-screen",
				"/activities/" + running.id() + "/attendance/bulk",
				Map.of("lines",
						number + "\t" + anHourAgo.format(minutes) + "\t" + anHourAgo.plusMinutes(30).format(minutes),
						"reason", "纸质签到表"));
		assertThat(bulk.status()).isEqualTo(302);
		assertThat(as(offline).get("/api/v1/volunteers/me").json().get("totalHours").asString()).isEqualTo("0.50");
		Response pickedBulk = admin.submitForm("/activities/" + running.id() + "/checkin-screen",
				"/activities/" + running.id() + "/attendance/bulk",
				Map.of("volunteerIds", picked.volunteerId().toString(), "from", anHourAgo.toString(), "to",
						anHourAgo.plusMinutes(45).toString(), "reason", "纸质签到表"));
		assertThat(pickedBulk.status()).isEqualTo(302);
		assertThat(as(picked).get("/api/v1/volunteers/me").json().get("totalHours").asString()).isEqualTo("0.75");
		Response qr = admin.get("/activities/" + running.id() + "/checkin-qr.png");
		assertThat(qr.header("Content-Type")).startsWith("image/png");
		String shortCode = this.codes.issue(UUID.fromString(running.id()), Instant.now()).shortCode();
		Api phone = new Api("http://localhost:" + this.port);
		phone.submitForm("/login", "/login",
				Map.of("username", volunteer.username(), "password", volunteer.password()));
		String page = "/activities/" + running.id() + "/check-in";
		Response done = phone.submitForm(page, page, Map.of("code", shortCode.toLowerCase(), "direction", "in", "lat",
				"39.9088", "lng", "116.4446", "accuracy", "10"));
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.body()).contains("签到成功");
	}

	@Test
	void theRosterPickerFindsAcceptedVolunteersByNameAndPhoneMaskedForTheOrganizerOnly() {
		Running running = aRunningActivity(3);
		Person accepted = signedUpVolunteer(running);
		this.jdbc.sql("UPDATE volunteer SET name = '上官晓雪' WHERE id = :id").param("id", accepted.volunteerId()).update();
		Api admin = new Api("http://localhost:" + this.port);
		admin.submitForm("/login", "/login",
				Map.of("username", running.team().admin().username(), "password", running.team().admin().password()));
		String picker = "/activities/" + running.id() + "/roster/people?q=";

		Response byName = admin.get(picker + java.net.URLEncoder.encode("上官", java.nio.charset.StandardCharsets.UTF_8));
		assertThat(byName.status()).isEqualTo(200);
		assertThat(byName.body()).contains("上官晓雪", accepted.volunteerId().toString(), "****")
			.doesNotContain(accepted.username(), accepted.idNumber());
		assertThat(admin.get(picker + accepted.username().substring(6)).body()).contains("上官晓雪")
			.doesNotContain(accepted.username());
		assertThat(admin.get("/activities/" + running.id() + "/checkin-screen").body()).contains("/roster/people");

		Person otherAdmin = this.fixtures.anActiveTeamIn("110105").admin();
		Api stranger = new Api("http://localhost:" + this.port);
		stranger.submitForm("/login", "/login",
				Map.of("username", otherAdmin.username(), "password", otherAdmin.password()));
		assertThat(stranger.get(picker + accepted.username()).status()).isEqualTo(403);
	}

	@Test
	void afterCheckingOutCheckInAndCheckOutGiveTheSameAnswer() {
		Running running = aRunningActivity(3);
		Person volunteer = signedUpVolunteer(running);
		String code = codeOf(running);
		assertThat(as(volunteer).post("/api/v1/attendance/check-in", Map.of("code", code, "location", AT_THE_SITE))
			.status()).isEqualTo(200);
		backdateCheckIn(running, volunteer, 30);
		assertThat(as(volunteer).post("/api/v1/attendance/check-out", Map.of("code", code, "location", AT_THE_SITE))
			.status()).isEqualTo(200);

		Response in = as(volunteer).post("/api/v1/attendance/check-in", Map.of("code", code, "location", AT_THE_SITE));
		assertThat(in.status()).isEqualTo(409);
		assertThat(in.problemCode()).isEqualTo("ALREADY_CHECKED_OUT");
		Response out = as(volunteer).post("/api/v1/attendance/check-out",
				Map.of("code", code, "location", AT_THE_SITE));
		assertThat(out.status()).isEqualTo(409);
		assertThat(out.problemCode()).isEqualTo("ALREADY_CHECKED_OUT");
		Api admin = as(running.team().admin());
		String base = "/api/v1/activities/" + running.id() + "/attendance";
		Map<String, Object> manual = Map.of("volunteerId", volunteer.volunteerId().toString(), "reason", "再次签到");
		assertThat(admin.post(base + "/check-in", manual).problemCode()).isEqualTo("ALREADY_CHECKED_OUT");
		assertThat(admin.post(base + "/check-out", manual).problemCode()).isEqualTo("ALREADY_CHECKED_OUT");
		assertThat(admin.post(base + "/bulk", bulkOf(volunteer, 20, 10)).problemCode())
			.isEqualTo("ALREADY_CHECKED_OUT");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM service_record WHERE volunteer_id = :v")
			.param("v", volunteer.volunteerId())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aRepeatedCheckOutWithTheSameKeyReturnsTheFirstAnswer() throws Exception {
		Running running = aRunningActivity(5);
		Person volunteer = signedUpVolunteer(running);
		String code = codeOf(running);
		as(volunteer).post("/api/v1/attendance/check-in", Map.of("code", code, "location", AT_THE_SITE));
		backdateCheckIn(running, volunteer, 45);
		Map<String, Object> body = Map.of("code", code, "location", AT_THE_SITE);
		Response first = as(volunteer).postWithHeaders("/api/v1/attendance/check-out", body,
				Map.of("Idempotency-Key", "out-1"));
		assertThat(first.status()).isEqualTo(200);
		Response repeat = as(volunteer).postWithHeaders("/api/v1/attendance/check-out", body,
				Map.of("Idempotency-Key", "out-1"));
		assertThat(repeat.status()).isEqualTo(200);
		assertThat(repeat.body()).isEqualTo(first.body());
		assertThat(as(volunteer).post("/api/v1/attendance/check-out", body).problemCode())
			.isEqualTo("ALREADY_CHECKED_OUT");

		Person other = signedUpVolunteer(running);
		as(other).post("/api/v1/attendance/check-in", Map.of("code", code, "location", AT_THE_SITE));
		backdateCheckIn(running, other, 45);
		List<Response> answers = concurrently(6, () -> as(other).postWithHeaders("/api/v1/attendance/check-out", body,
				Map.of("Idempotency-Key", "out-1")));
		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer.body()).isEqualTo(200);
			assertThat(answer.body()).as("keys belong to their account").isEqualTo(answers.get(0).body());
		});
		assertThat(answers.get(0).body()).isNotEqualTo(first.body());
		assertThat(recordsOf(volunteer)).isEqualTo(1);
		assertThat(recordsOf(other)).isEqualTo(1);
	}

	@Test
	void manualCheckOutAndBulkEntryHonourTheIdempotencyKey() throws Exception {
		Running running = aRunningActivity(5);
		Person first = signedUpVolunteer(running);
		Person second = signedUpVolunteer(running);
		Api admin = as(running.team().admin());
		String base = "/api/v1/activities/" + running.id() + "/attendance";
		admin.post(base + "/check-in", Map.of("volunteerId", first.volunteerId().toString(), "at",
				OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(40).toString(), "reason", "手机没电"));
		Map<String, Object> out = Map.of("volunteerId", first.volunteerId().toString(), "reason", "手机没电");
		Response manual = admin.postWithHeaders(base + "/check-out", out, Map.of("Idempotency-Key", "manual-out"));
		assertThat(manual.status()).isEqualTo(200);
		Response again = admin.postWithHeaders(base + "/check-out", out, Map.of("Idempotency-Key", "manual-out"));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(manual.body());

		Map<String, Object> bulk = bulkOf(second, 50, 20);
		List<Response> answers = concurrently(5,
				() -> admin.postWithHeaders(base + "/bulk", bulk, Map.of("Idempotency-Key", "bulk-1")));
		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer.body()).isEqualTo(200);
			assertThat(answer.body()).isEqualTo(answers.get(0).body());
		});
		assertThat(answers.get(0).json().get(0).get("hours").asString()).isEqualTo("0.50");
		assertThat(recordsOf(first)).isEqualTo(1);
		assertThat(recordsOf(second)).isEqualTo(1);
		assertThat(admin.postWithHeaders(base + "/bulk", bulk, Map.of("Idempotency-Key", "k".repeat(101))).status())
			.isEqualTo(400);
	}

	@Test
	void bulkEntryOverlappingACountedRecordIsRefusedWithEachEntrysConflict() {
		Running running = aRunningActivity(5);
		Person recorded = signedUpVolunteer(running);
		Person fresh = signedUpVolunteer(running);
		Api admin = as(running.team().admin());
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		Response manual = admin.post("/api/v1/records",
				Map.of("volunteerId", recorded.volunteerId().toString(), "activityId", running.id(), "startedAt",
						now.minusMinutes(50).toString(), "endedAt", now.minusMinutes(40).toString(), "reason", "补录"));
		assertThat(manual.status()).isEqualTo(201);
		Map<String, Object> bulk = Map.of("reason", "纸质签到表", "entries",
				List.of(entry(fresh, 55, 25), entry(recorded, 55, 25)));
		Response refused = admin.post("/api/v1/activities/" + running.id() + "/attendance/bulk", bulk);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.problemCode()).isEqualTo("RECORD_OVERLAP");
		var conflicts = refused.json().get("conflicts");
		assertThat(conflicts.size()).isEqualTo(1);
		assertThat(conflicts.get(0).get("entry").asInt()).isEqualTo(1);
		assertThat(conflicts.get(0).get("volunteerId").asString()).isEqualTo(recorded.volunteerId().toString());
		assertThat(conflicts.get(0).get("recordId").asString()).isEqualTo(manual.json().get("id").asString());
		assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("entries[1]");
		assertThat(recordsOf(fresh)).as("all entries or none").isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM attendance WHERE activity_id = :a")
			.param("a", UUID.fromString(running.id()))
			.query(Long.class)
			.single()).isZero();
	}

	private String codeOf(Running running) {
		return as(running.team().admin()).post("/api/v1/activities/" + running.id() + "/checkin-codes", Map.of())
			.json()
			.get("code")
			.asString();
	}

	private void backdateCheckIn(Running running, Person volunteer, int minutes) {
		this.jdbc.sql("UPDATE attendance SET checked_in_at = :t WHERE activity_id = :a AND volunteer_id = :v")
			.param("t", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(minutes))
			.param("a", UUID.fromString(running.id()))
			.param("v", volunteer.volunteerId())
			.update();
	}

	private static Map<String, Object> bulkOf(Person volunteer, int inMinutesAgo, int outMinutesAgo) {
		return Map.of("reason", "纸质签到表", "entries", List.of(entry(volunteer, inMinutesAgo, outMinutesAgo)));
	}

	private static Map<String, Object> entry(Person volunteer, int inMinutesAgo, int outMinutesAgo) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		return Map.of("volunteerId", volunteer.volunteerId().toString(), "checkedInAt",
				now.minusMinutes(inMinutesAgo).toString(), "checkedOutAt", now.minusMinutes(outMinutesAgo).toString());
	}

	private long recordsOf(Person volunteer) {
		return this.jdbc.sql("SELECT COUNT(*) FROM service_record WHERE volunteer_id = :v")
			.param("v", volunteer.volunteerId())
			.query(Long.class)
			.single();
	}

	private static List<Response> concurrently(int times, java.util.concurrent.Callable<Response> call)
			throws Exception {
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(times);
		try {
			List<Response> answers = new java.util.ArrayList<>();
			for (java.util.concurrent.Future<Response> answer : pool
				.invokeAll(java.util.Collections.nCopies(times, call))) {
				answers.add(answer.get());
			}
			return answers;
		}
		finally {
			pool.shutdown();
		}
	}

	private record Running(String id, String positionId, Team team) {

	}

	/**
	 * A published activity that started an hour ago and ends in two hours, with the given
	 * places.
	 */
	private Running aRunningActivity(int places) {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = as(team.admin());
		var created = admin.post("/api/v1/activities", anActivity(team.id().toString(), places)).json();
		String id = created.get("id").asString();
		admin.post("/api/v1/activities/" + id + "/publish", Map.of());
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc.sql("UPDATE activity SET starts_at = :s, ends_at = :e, signup_deadline = :d WHERE id = :id")
			.param("s", now.minusHours(1))
			.param("e", now.plusHours(2))
			.param("d", now.plusHours(1))
			.param("id", UUID.fromString(id))
			.update();
		return new Running(id, created.get("positions").get(0).get("id").asString(), team);
	}

	/**
	 * A volunteer with an approved place. Sign-ups close when an activity starts, and the
	 * scheduler starts activities every minute, so the activity is put back before its
	 * start for the sign-up and then returned to where it was: the test never races the
	 * scheduler.
	 */
	private Person signedUpVolunteer(Running running) {
		UUID id = UUID.fromString(running.id());
		OffsetDateTime startsAt = this.jdbc.sql("SELECT starts_at FROM activity WHERE id = :id")
			.param("id", id)
			.query(OffsetDateTime.class)
			.single();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc
			.sql("UPDATE activity SET status = 'RECRUITING', starts_at = :s, signup_deadline = :d WHERE id = :id"
					+ " AND status IN ('RECRUITING', 'IN_PROGRESS')")
			.param("s", now.plusHours(1))
			.param("d", now.plusMinutes(30))
			.param("id", id)
			.update();
		Person volunteer = this.fixtures.aVolunteer();
		assertThat(as(volunteer)
			.post("/api/v1/activities/" + running.id() + "/signups", Map.of("positionId", running.positionId()))
			.status()).isEqualTo(201);
		this.jdbc.sql("UPDATE activity SET starts_at = :s, signup_deadline = :d WHERE id = :id")
			.param("s", startsAt)
			.param("d", now.plusHours(1))
			.param("id", id)
			.update();
		return volunteer;
	}

	private Api as(Person person) {
		return this.api.as(this.fixtures.tokenFor(person));
	}

}
