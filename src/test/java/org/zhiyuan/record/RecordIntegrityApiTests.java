package org.zhiyuan.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Finished;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Running;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A volunteer's counted service never overlaps itself, whichever way its records are
 * made; what cannot be refused is held for review, and what looks unfounded is flagged
 * for the region's operator.
 */
class RecordIntegrityApiTests extends ApiTestSupport {

	private static final Map<String, Object> AT_THE_SITE = Map.of("lat", 39.9088, "lng", 116.4446, "accuracyMeters",
			15);

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Autowired
	JdbcClient jdbc;

	@Test
	void refusesTheSameManualRecordTwiceAndNamesTheRecordItCollidesWith() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteer();
		Finished activity = this.fixtures.aFinishedActivity(this.api, team, volunteer, 3);
		OffsetDateTime start = activity.startsAt();
		Response first = record(team.admin(), volunteer, activity.id(), start, start.plusMinutes(100));
		assertThat(first.status()).isEqualTo(201);
		assertThat(first.json().get("review").asString()).isEqualTo("NONE");
		assertThat(first.json().get("counted").asBoolean()).isTrue();
		assertThat(first.json().get("flags").size()).isZero();

		Response again = record(team.admin(), volunteer, activity.id(), start, start.plusMinutes(100));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.problemCode()).isEqualTo("RECORD_OVERLAP");
		var conflict = again.json().get("conflicts").get(0);
		assertThat(conflict.get("recordId").asString()).isEqualTo(first.json().get("id").asString());
		assertThat(conflict.get("activityTitle").asString()).isEqualTo(activity.title());
		assertThat(OffsetDateTime.parse(conflict.get("startedAt").asString())).isEqualTo(start);
		assertThat(OffsetDateTime.parse(conflict.get("endedAt").asString())).isEqualTo(start.plusMinutes(100));
		assertThat(record(team.admin(), volunteer, activity.id(), start.plusMinutes(30), start.plusMinutes(31))
			.problemCode()).isEqualTo("RECORD_OVERLAP");
		assertThat(
				record(team.admin(), volunteer, activity.id(), start.plusMinutes(100), start.plusMinutes(160)).status())
			.as("back to back is no overlap")
			.isEqualTo(201);
		assertThat(this.fixtures.recordCountOf(volunteer)).isEqualTo(2);
		assertThat(this.fixtures.totalHoursOf(volunteer)).isEqualByComparingTo("2.67");
	}

	@Test
	void aFloodOfIdenticalRecordsCountsOnceEvenWhenTheyArriveTogether() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteer();
		Finished activity = this.fixtures.aFinishedActivity(this.api, team, null, 3);
		String token = this.fixtures.tokenFor(team.admin());
		OffsetDateTime start = activity.startsAt();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Integer> statuses = new ArrayList<>();
		try {
			List<Callable<Response>> calls = new ArrayList<>();
			for (int i = 0; i < 24; i++) {
				calls.add(() -> this.api.as(token)
					.post("/api/v1/records", body(volunteer, activity.id(), start, start.plusMinutes(90))));
			}
			for (Future<Response> result : pool.invokeAll(calls)) {
				statuses.add(result.get().status());
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(statuses).containsOnly(201, 409);
		assertThat(statuses.stream().filter((status) -> status == 201)).hasSize(1);
		assertThat(this.fixtures.recordCountOf(volunteer)).isEqualTo(1);
		assertThat(this.fixtures.totalHoursOf(volunteer)).isEqualByComparingTo("1.50");
	}

	@Test
	void manualRecordsForTimeTheCheckOutAlreadyRecordedAreRefused() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteer();
		Running running = this.fixtures.aRunningActivity(this.api, team, volunteer);
		Response out = checkInAndOut(running, volunteer, 90);
		assertThat(out.status()).isEqualTo(200);
		String qrRecord = out.json().get("recordId").asString();
		BigDecimal served = this.fixtures.totalHoursOf(volunteer);
		assertThat(served).isPositive();
		OffsetDateTime minute = running.startsAt().plusMinutes(10);
		for (int i = 0; i < 2; i++) {
			Response manual = record(team.admin(), volunteer, running.id(), minute, minute.plusMinutes(1));
			assertThat(manual.status()).isEqualTo(409);
			assertThat(manual.json().get("conflicts").findValuesAsString("recordId")).containsExactly(qrRecord);
		}
		assertThat(this.fixtures.recordCountOf(volunteer)).isEqualTo(1);
		assertThat(this.fixtures.totalHoursOf(volunteer)).isEqualByComparingTo(served);
	}

	@Test
	void aCheckOutOverlappingACountedRecordIsKeptButHeldUntilResolved() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteer();
		Running running = this.fixtures.aRunningActivity(this.api, team, volunteer);
		OffsetDateTime start = running.startsAt();
		String manual = record(team.admin(), volunteer, running.id(), start.plusMinutes(10), start.plusMinutes(40))
			.json()
			.get("id")
			.asString();
		Response out = checkInAndOut(running, volunteer, 90);
		assertThat(out.status()).isEqualTo(200);
		assertThat(out.json().get("flags").toString()).contains("OVERLAP");
		String held = out.json().get("recordId").asString();
		var view = as(volunteer).get("/api/v1/records/" + held).json();
		assertThat(view.get("review").asString()).isEqualTo("HELD");
		assertThat(view.get("counted").asBoolean()).isFalse();
		assertThat(view.get("flags").toString()).isEqualTo("[\"OVERLAP\"]");
		assertThat(this.fixtures.totalHoursOf(volunteer)).as("the held record does not count")
			.isEqualByComparingTo("0.50");

		String resolution = "/api/v1/records/" + held + "/resolution";
		Response count = as(team.admin()).post(resolution, Map.of("outcome", "COUNT", "note", "现场确有服务"));
		assertThat(count.status()).as("counting it would count the same half hour twice").isEqualTo(409);
		assertThat(count.problemCode()).isEqualTo("RECORD_OVERLAP");
		assertThat(count.json().get("conflicts").findValuesAsString("recordId")).containsExactly(manual);
		assertThat(as(this.fixtures.anActiveTeamIn("110105").admin())
			.post(resolution, Map.of("outcome", "VOID", "note", "不是我们的"))
			.status()).isEqualTo(403);
		assertThat(as(volunteer).post(resolution, Map.of("outcome", "COUNT", "note", "我在场")).status()).isEqualTo(403);
		assertThat(as(this.fixtures.anAuditorOf("110105")).post(resolution, Map.of("outcome", "VOID", "note", "核查"))
			.status()).isEqualTo(403);

		Response voided = as(team.admin()).post(resolution, Map.of("outcome", "VOID", "note", "与补录记录重复"));
		assertThat(voided.status()).isEqualTo(200);
		assertThat(voided.json().get("review").asString()).isEqualTo("VOIDED");
		assertThat(voided.json().get("counted").asBoolean()).isFalse();
		assertThat(as(team.admin()).post(resolution, Map.of("outcome", "COUNT", "note", "再改")).problemCode())
			.isEqualTo("RECORD_RESOLVED");
		assertThat(this.fixtures.totalHoursOf(volunteer)).isEqualByComparingTo("0.50");
		assertThat(intact(volunteer)).isTrue();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'record.resolve' AND object_id = :id")
			.param("id", held)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aManualRecordWithoutAnApprovedSignupIsFlaggedForTheRegionsOperator() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteer();
		Finished activity = this.fixtures.aFinishedActivity(this.api, team, null, 3);
		Response created = record(team.admin(), volunteer, activity.id(), activity.startsAt(),
				activity.startsAt().plusHours(2));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("flags").toString()).isEqualTo("[\"NO_SIGNUP\"]");
		assertThat(created.json().get("review").asString()).isEqualTo("FLAGGED");
		assertThat(created.json().get("counted").asBoolean()).isTrue();
		assertThat(this.fixtures.totalHoursOf(volunteer)).isEqualByComparingTo("2.00");
		String id = created.json().get("id").asString();

		Person operator = this.fixtures.anOperatorOf("110105");
		Response flagged = as(operator).get("/api/v1/records/flagged?regionCode=110105&size=100");
		assertThat(flagged.status()).isEqualTo(200);
		assertThat(flagged.json().get("items").findValuesAsString("id")).contains(id);
		assertThat(as(team.admin()).get("/api/v1/organizations/" + team.id() + "/flagged-records")
			.json()
			.get("items")
			.findValuesAsString("id")).containsExactly(id);
		assertThat(as(this.fixtures.anOperatorOf("310101")).get("/api/v1/records/flagged?regionCode=110105").status())
			.isEqualTo(403);
		assertThat(as(team.admin()).get("/api/v1/records/flagged?regionCode=110105").status()).isEqualTo(403);

		String resolution = "/api/v1/records/" + id + "/resolution";
		assertThat(as(team.admin()).post(resolution, Map.of("outcome", "COUNT", "note", "确有服务")).status())
			.as("the organization does not clear its own flag")
			.isEqualTo(403);
		Response voided = as(operator).post(resolution, Map.of("outcome", "VOID", "note", "未报名且无签到记录"));
		assertThat(voided.status()).isEqualTo(200);
		assertThat(voided.json().get("review").asString()).isEqualTo("VOIDED");
		assertThat(this.fixtures.totalHoursOf(volunteer)).isEqualByComparingTo("0.00");
		assertThat(as(operator).get("/api/v1/records/flagged?regionCode=110105&size=100")
			.json()
			.get("items")
			.findValuesAsString("id")).doesNotContain(id);
		assertThat(as(operator).get("/api/v1/records/flagged?regionCode=110105&state=RESOLVED&size=100")
			.json()
			.get("items")
			.findValuesAsString("id")).contains(id);
		assertThat(intact(volunteer)).isTrue();
	}

	@Test
	void theOperatorVoidsTheUnfoundedRecordAndCountsTheCheckOutItBlocked() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteer();
		Running running = this.fixtures.aRunningActivity(this.api, team, volunteer);
		Running elsewhere = this.fixtures.aRunningActivity(this.api, team);
		OffsetDateTime start = elsewhere.startsAt();
		Response entered = record(team.admin(), volunteer, elsewhere.id(), start.plusMinutes(10),
				start.plusMinutes(40));
		assertThat(entered.json().get("flags").toString()).isEqualTo("[\"NO_SIGNUP\"]");
		String unfounded = entered.json().get("id").asString();
		String held = checkInAndOut(running, volunteer, 90).json().get("recordId").asString();
		Person operator = this.fixtures.anOperatorOf("110105");
		assertThat(
				as(operator).post("/api/v1/records/" + held + "/resolution", Map.of("outcome", "COUNT", "note", "签到属实"))
					.problemCode())
			.isEqualTo("RECORD_OVERLAP");
		assertThat(as(operator)
			.post("/api/v1/records/" + unfounded + "/resolution", Map.of("outcome", "VOID", "note", "未报名补录"))
			.status()).isEqualTo(200);
		Response counted = as(operator).post("/api/v1/records/" + held + "/resolution",
				Map.of("outcome", "COUNT", "note", "签到属实"));
		assertThat(counted.status()).isEqualTo(200);
		assertThat(counted.json().get("review").asString()).isEqualTo("CONFIRMED");
		assertThat(counted.json().get("counted").asBoolean()).isTrue();
		assertThat(this.fixtures.totalHoursOf(volunteer))
			.isEqualByComparingTo(counted.json().get("effectiveHours").asString());
		assertThat(intact(volunteer)).isTrue();
	}

	@Test
	void aRecordThatMakesADayLongerThan24HoursIsHeld() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteer();
		Finished activity = this.fixtures.aFinishedActivity(this.api, team, volunteer, 3);
		OffsetDateTime day = dayBefore(activity);
		assertThat(record(team.admin(), volunteer, activity.id(), day, day.plusHours(20)).status()).isEqualTo(201);
		Response night = record(team.admin(), volunteer, activity.id(), day.plusHours(20), day.plusHours(29));
		assertThat(night.status()).isEqualTo(201);
		assertThat(night.json().get("flags").toString()).isEqualTo("[\"DAY_OVER_24H\"]");
		assertThat(night.json().get("review").asString()).isEqualTo("HELD");
		assertThat(this.fixtures.totalHoursOf(volunteer)).isEqualByComparingTo("20.00");
		Response counted = as(team.admin()).post("/api/v1/records/" + night.json().get("id").asString() + "/resolution",
				Map.of("outcome", "COUNT", "note", "夜间值守，跨零点"));
		assertThat(counted.status()).isEqualTo(200);
		assertThat(this.fixtures.totalHoursOf(volunteer)).isEqualByComparingTo("29.00");
	}

	@Test
	void releasingAHeldRecordInTheDatabaseBreaksTheChain() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteer();
		Finished activity = this.fixtures.aFinishedActivity(this.api, team, volunteer, 3);
		OffsetDateTime day = dayBefore(activity);
		record(team.admin(), volunteer, activity.id(), day, day.plusHours(20));
		String held = record(team.admin(), volunteer, activity.id(), day.plusHours(20), day.plusHours(29)).json()
			.get("id")
			.asString();
		assertThat(intact(volunteer)).isTrue();
		tamper("UPDATE service_record SET review = 'NONE' WHERE id = :id", held);
		assertThat(intact(volunteer)).isFalse();
		tamper("UPDATE service_record SET review = 'HELD', flags = NULL, held = FALSE WHERE id = :id", held);
		assertThat(intact(volunteer)).as("the flags are part of the record's hash").isFalse();
		tamper("UPDATE service_record SET flags = 'DAY_OVER_24H', held = TRUE WHERE id = :id", held);
		assertThat(intact(volunteer)).isTrue();

		as(team.admin()).post("/api/v1/records/" + held + "/resolution", Map.of("outcome", "VOID", "note", "重复登记"));
		assertThat(intact(volunteer)).isTrue();
		tamper("UPDATE service_record SET review = 'CONFIRMED' WHERE id = :id", held);
		assertThat(intact(volunteer)).isFalse();
		tamper("UPDATE record_resolution SET outcome = 'COUNT' WHERE record_id = :id", held);
		assertThat(intact(volunteer)).as("a resolution is hashed like an amendment").isFalse();
	}

	private static String pageHolding(Api browser, String list, String text) {
		for (int p = 0; p < 50; p++) {
			String page = list + "&page=" + p;
			Response response = browser.get(page);
			if (response.status() != 200 || response.body().contains(text)) {
				return page;
			}
		}
		return list;
	}

	@Test
	void theReviewPagesListFlaggedRecordsAsCardsWithResolveButtonsInBothLanguages() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteer();
		Finished activity = this.fixtures.aFinishedActivity(this.api, team, null, 3);
		String id = record(team.admin(), volunteer, activity.id(), activity.startsAt(),
				activity.startsAt().plusHours(1))
			.json()
			.get("id")
			.asString();

		Api operator = browserOf(this.fixtures.anOperatorOf("110105"));
		// the district's list is long when the whole suite has run: the page that holds
		// it
		String page = pageHolding(operator, "/records/flagged?regionCode=110105", activity.title());
		Response chinese = operator.get(page);
		assertThat(chinese.status()).isEqualTo(200);
		assertThat(chinese.body()).contains(activity.title()).contains("未报名").contains("作废").contains("card");
		assertThat(operator.get(page + "&lang=en").body()).contains("No approved sign-up").contains("Void");
		Response voided = operator.submitForm(page, "/records/" + id + "/resolution",
				Map.of("outcome", "VOID", "note", "无报名", "regionCode", "110105"));
		assertThat(voided.status()).isEqualTo(302);
		assertThat(as(volunteer).get("/api/v1/records/" + id).json().get("review").asString()).isEqualTo("VOIDED");

		Api admin = browserOf(team.admin());
		Response own = admin.get("/organizations/" + team.id() + "/records/flagged?state=ALL");
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.body()).contains(activity.title());
		assertThat(browserOf(volunteer).get("/records/flagged?regionCode=110105").status()).isEqualTo(403);
	}

	private Response checkInAndOut(Running running, Person volunteer, int minutesAgo) {
		String code = as(running.team().admin()).post("/api/v1/activities/" + running.id() + "/checkin-codes", Map.of())
			.json()
			.get("code")
			.asString();
		assertThat(as(volunteer).post("/api/v1/attendance/check-in", Map.of("code", code, "location", AT_THE_SITE))
			.status()).isEqualTo(200);
		this.jdbc.sql("UPDATE attendance SET checked_in_at = :t WHERE activity_id = :a AND volunteer_id = :v")
			.param("t", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(minutesAgo))
			.param("a", UUID.fromString(running.id()))
			.param("v", volunteer.volunteerId())
			.update();
		return as(volunteer).post("/api/v1/attendance/check-out", Map.of("code", code, "location", AT_THE_SITE));
	}

	/**
	 * Midnight (China time) of the day before the activity: the earliest a record may
	 * start.
	 */
	private static OffsetDateTime dayBefore(Finished activity) {
		LocalDate day = activity.startsAt().atZoneSameInstant(CHINA).toLocalDate().minusDays(1);
		return day.atStartOfDay(CHINA).toOffsetDateTime();
	}

	private void tamper(String sql, String recordId) {
		this.jdbc.sql(sql).param("id", UUID.fromString(recordId)).update();
	}

	private boolean intact(Person volunteer) {
		return as(volunteer).get("/api/v1/volunteers/" + volunteer.volunteerId() + "/records/verification")
			.json()
			.get("intact")
			.asBoolean();
	}

	private Response record(Person admin, Person volunteer, String activityId, OffsetDateTime start,
			OffsetDateTime end) {
		return as(admin).post("/api/v1/records", body(volunteer, activityId, start, end));
	}

	private static Map<String, Object> body(Person volunteer, String activityId, OffsetDateTime start,
			OffsetDateTime end) {
		return Map.of("volunteerId", volunteer.volunteerId().toString(), "activityId", activityId, "startedAt",
				start.toString(), "endedAt", end.toString(), "reason", "纸质签到表补录");
	}

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

	private Api as(Person person) {
		return this.api.as(this.fixtures.tokenFor(person));
	}

}
