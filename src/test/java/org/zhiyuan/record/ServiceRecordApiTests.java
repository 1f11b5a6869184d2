package org.zhiyuan.record;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiyuan.support.ActivityFixtures.anActivity;

class ServiceRecordApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void recordsByHandWithHoursAsATwoPlaceDecimal() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Finished activity = finished(team, 3);
		Person volunteer = this.fixtures.aVolunteer();
		Response created = record(team.admin(), volunteer, activity, activity.startsAt(),
				activity.startsAt().plusMinutes(150), null);
		assertThat(created.status()).isEqualTo(201);
		var json = created.json();
		assertThat(json.get("hours").asString()).isEqualTo("2.50");
		assertThat(json.get("effectiveHours").asString()).isEqualTo("2.50");
		assertThat(json.get("status").asString()).isEqualTo("ORIGINAL");
		assertThat(json.get("method").asString()).isEqualTo("MANUAL");
		assertThat(json.get("content").asString()).isEqualTo(activity.title());
		assertThat(json.get("organizationId").asString()).isEqualTo(team.id().toString());
		assertThat(json.get("activityId").asString()).isEqualTo(activity.id());
		assertThat(this.fixtures.totalHoursOf(volunteer)).isEqualByComparingTo("2.50");
		var mine = signedIn(volunteer).get("/api/v1/volunteers/me/records").json();
		assertThat(mine.get("total").asInt()).isEqualTo(1);
		assertThat(mine.get("items").get(0).get("hours").asString()).isEqualTo("2.50");
	}

	@Test
	void reportsEveryInvalidFieldAtOnce() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Finished activity = finished(team, 3);
		Map<String, Object> body = new HashMap<>();
		body.put("volunteerId", UUID.randomUUID().toString());
		body.put("activityId", activity.id());
		body.put("startedAt", activity.startsAt().toString());
		body.put("endedAt", activity.startsAt().minusHours(1).toString());
		body.put("content", "很".repeat(1001));
		Response invalid = signedIn(team.admin()).post("/api/v1/records", body);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.problemCode()).isEqualTo("VALIDATION_FAILED");
		assertThat(invalid.json().get("errors").findValuesAsString("field")).contains("volunteerId", "endedAt",
				"reason", "content");

		body.put("volunteerId", this.fixtures.aVolunteer().volunteerId().toString());
		body.put("startedAt", OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString());
		body.put("endedAt", OffsetDateTime.now(ZoneOffset.UTC).plusHours(30).toString());
		body.put("content", "助餐");
		body.put("reason", "补录");
		Response future = signedIn(team.admin()).post("/api/v1/records", body);
		assertThat(future.status()).isEqualTo(400);
		assertThat(future.json().get("errors").findValuesAsString("field")).contains("endedAt", "startedAt")
			.doesNotContain("volunteerId", "reason");
	}

	@Test
	void onlyTheOrganizationsAdminMayRecord() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Team other = this.fixtures.anActiveTeamIn("110105");
		Finished activity = finished(team, 3);
		Person volunteer = this.fixtures.aVolunteer();
		OffsetDateTime start = activity.startsAt();
		assertThat(record(other.admin(), volunteer, activity, start, start.plusHours(2), null).status()).isEqualTo(403);
		assertThat(record(volunteer, volunteer, activity, start, start.plusHours(2), null).status()).isEqualTo(403);
		assertThat(record(this.fixtures.anOperatorOf("310101"), volunteer, activity, start, start.plusHours(2), null)
			.status()).isEqualTo(403);
		assertThat(this.fixtures.recordCountOf(volunteer)).isZero();
	}

	@Test
	void aRepeatedIdempotencyKeyReturnsTheFirstRecordAndChangesNothing() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Finished activity = finished(team, 3);
		Person volunteer = this.fixtures.aVolunteer();
		OffsetDateTime start = activity.startsAt();
		String key = "manual-" + UUID.randomUUID();
		Response first = record(team.admin(), volunteer, activity, start, start.plusHours(2), key);
		Response repeat = record(team.admin(), volunteer, activity, start, start.plusHours(3), key);
		assertThat(first.status()).isEqualTo(201);
		assertThat(repeat.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		assertThat(repeat.json().get("hours").asString()).isEqualTo("2.00");
		assertThat(this.fixtures.recordCountOf(volunteer)).isEqualTo(1);
		assertThat(this.fixtures.totalHoursOf(volunteer)).isEqualByComparingTo("2.00");

		Person crowded = this.fixtures.aVolunteer();
		String sharedKey = "burst-" + UUID.randomUUID();
		String token = this.fixtures.tokenFor(team.admin());
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			List<Callable<Response>> calls = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				calls.add(() -> this.api.as(token)
					.postWithHeaders("/api/v1/records", body(crowded, activity, start, start.plusHours(1)),
							Map.of("Idempotency-Key", sharedKey)));
			}
			List<String> ids = new ArrayList<>();
			for (Future<Response> result : pool.invokeAll(calls)) {
				assertThat(result.get().status()).as(result.get().body()).isEqualTo(201);
				ids.add(result.get().json().get("id").asString());
			}
			assertThat(ids).containsOnly(ids.get(0));
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.fixtures.recordCountOf(crowded)).isEqualTo(1);
		assertThat(this.fixtures.totalHoursOf(crowded)).isEqualByComparingTo("1.00");
	}

	@Test
	void totalsAlwaysEqualTheSumOfEffectiveHours() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Finished activity = finished(team, 3);
		Person volunteer = this.fixtures.aVolunteer();
		OffsetDateTime start = activity.startsAt();
		record(team.admin(), volunteer, activity, start, start.plusMinutes(45), null);
		record(team.admin(), volunteer, activity, start.plusHours(1), start.plusMinutes(100), null);
		String third = record(team.admin(), volunteer, activity, start.plusHours(2), start.plusHours(5), null).json()
			.get("id")
			.asString();
		assertThat(this.fixtures.totalHoursOf(volunteer)).isEqualByComparingTo("4.42")
			.isEqualByComparingTo(sumOfEffective(volunteer));
		String amendment = signedIn(volunteer)
			.post("/api/v1/records/" + third + "/amendments", Map.of("hours", "2.25", "reason", "中途离开一小时"))
			.json()
			.get("id")
			.asString();
		assertThat(this.fixtures.totalHoursOf(volunteer)).as("a pending correction changes nothing")
			.isEqualByComparingTo("4.42");
		signedIn(team.admin()).post("/api/v1/amendments/" + amendment + "/approve", Map.of("note", "属实"));
		assertThat(this.fixtures.totalHoursOf(volunteer)).isEqualByComparingTo("3.67")
			.isEqualByComparingTo(sumOfEffective(volunteer));
	}

	@Test
	void theStarLevelFollowsTheRegionsThresholds() {
		Person operator = this.fixtures.anOperatorOf("320102");
		Response invalid = signedIn(operator).send("PUT", "/api/v1/regions/320102/star-thresholds",
				Map.of("hours", List.of("1", "3", "2", "4", "5")));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(signedIn(this.fixtures.anOperatorOf("110105"))
			.send("PUT", "/api/v1/regions/320102/star-thresholds", Map.of("hours", List.of("1", "2", "3", "4", "5")))
			.status()).isEqualTo(403);
		Response set = signedIn(operator).send("PUT", "/api/v1/regions/320102/star-thresholds",
				Map.of("hours", List.of("1", "2", "3", "4", "5")));
		assertThat(set.status()).isEqualTo(200);
		assertThat(set.json().get("hours").get(0).asString()).isEqualTo("1.00");
		assertThat(this.api.get("/api/v1/regions/320102002/star-thresholds").json().get("hours").get(4).asString())
			.as("a street inherits its district's thresholds")
			.isEqualTo("5.00");
		assertThat(this.api.get("/api/v1/regions/110105/star-thresholds").json().get("hours").get(0).asString())
			.as("elsewhere the defaults apply")
			.isEqualTo("100.00");

		Team team = this.fixtures.anActiveTeamIn("110105");
		Finished activity = finished(team, 3);
		Person volunteer = this.fixtures.aVolunteerIn("320102");
		Person neighbour = this.fixtures.aVolunteer();
		OffsetDateTime start = activity.startsAt();
		record(team.admin(), volunteer, activity, start, start.plusMinutes(150), null);
		record(team.admin(), neighbour, activity, start, start.plusMinutes(150), null);
		assertThat(starOf(volunteer)).isEqualTo(2);
		assertThat(starOf(neighbour)).isZero();
	}

	@Test
	void anApprovedCorrectionChangesTheEffectiveHoursAndKeepsTheOriginal() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Team other = this.fixtures.anActiveTeamIn("110105");
		Finished activity = finished(team, 3);
		Person volunteer = this.fixtures.aVolunteer();
		OffsetDateTime start = activity.startsAt();
		String recordId = record(team.admin(), volunteer, activity, start, start.plusHours(2), null).json()
			.get("id")
			.asString();
		String path = "/api/v1/records/" + recordId + "/amendments";
		assertThat(signedIn(this.fixtures.aVolunteer()).post(path, Map.of("hours", "3", "reason", "漏记")).status())
			.isEqualTo(403);
		assertThat(signedIn(volunteer).post(path, Map.of("hours", "3")).status()).isEqualTo(400);
		Response requested = signedIn(volunteer).post(path,
				Map.of("startedAt", start.toString(), "endedAt", start.plusMinutes(195).toString(), "reason", "签退晚了"));
		assertThat(requested.status()).isEqualTo(201);
		assertThat(requested.json().get("status").asString()).isEqualTo("PENDING");
		assertThat(requested.json().get("hours").asString()).isEqualTo("3.25");
		Response second = signedIn(volunteer).post(path, Map.of("hours", "4", "reason", "再改一次"));
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.problemCode()).isEqualTo("AMENDMENT_PENDING");

		String amendment = requested.json().get("id").asString();
		assertThat(signedIn(other.admin()).post("/api/v1/amendments/" + amendment + "/approve", Map.of()).status())
			.isEqualTo(403);
		var pending = signedIn(team.admin()).get("/api/v1/organizations/" + team.id() + "/amendments?status=PENDING")
			.json();
		assertThat(pending.get("items").findValuesAsString("id")).containsExactly(amendment);
		Response approved = signedIn(team.admin()).post("/api/v1/amendments/" + amendment + "/approve",
				Map.of("note", "已核实"));
		assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
		assertThat(signedIn(team.admin()).post("/api/v1/amendments/" + amendment + "/approve", Map.of()).problemCode())
			.isEqualTo("INVALID_STATUS");
		var view = signedIn(volunteer).get("/api/v1/records/" + recordId).json();
		assertThat(view.get("hours").asString()).as("the original stays readable").isEqualTo("2.00");
		assertThat(view.get("effectiveHours").asString()).isEqualTo("3.25");
		assertThat(view.get("status").asString()).isEqualTo("AMENDED");

		String rejected = signedIn(volunteer).post(path, Map.of("hours", "8", "reason", "还想多算"))
			.json()
			.get("id")
			.asString();
		Response rejection = signedIn(team.admin()).post("/api/v1/amendments/" + rejected + "/reject",
				Map.of("note", "与签到记录不符"));
		assertThat(rejection.json().get("status").asString()).isEqualTo("REJECTED");
		assertThat(signedIn(volunteer).get("/api/v1/records/" + recordId).json().get("effectiveHours").asString())
			.isEqualTo("3.25");
		assertThat(this.fixtures.totalHoursOf(volunteer)).isEqualByComparingTo("3.25");
		assertThat(signedIn(volunteer).get(path).json().get("items").findValuesAsString("status"))
			.containsExactly("APPROVED", "REJECTED");
		var secondPage = signedIn(volunteer).get(path + "?page=1&size=1").json();
		assertThat(secondPage.get("total").asLong()).isEqualTo(2);
		assertThat(secondPage.get("items").findValuesAsString("status")).containsExactly("REJECTED");
		assertThat(signedIn(volunteer).get(path + "?page=-1").status()).isEqualTo(400);
		assertThat(signedIn(volunteer).get("/api/v1/volunteers/" + volunteer.volunteerId() + "/records/verification")
			.json()
			.get("intact")
			.asBoolean()).isTrue();
	}

	@Test
	void readingAnotherVolunteersRecordsIsRefusedAndAudited() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Finished activity = finished(team, 3);
		Person volunteer = this.fixtures.aVolunteer();
		record(team.admin(), volunteer, activity, activity.startsAt(), activity.startsAt().plusHours(1), null);
		Person stranger = this.fixtures.aVolunteer();
		String path = "/api/v1/volunteers/" + volunteer.volunteerId() + "/records";
		assertThat(signedIn(stranger).get(path).status()).isEqualTo(403);
		assertThat(auditCount(stranger, "DENIED", volunteer)).isEqualTo(1);
		Person operator = this.fixtures.anOperatorOf("110105");
		var read = signedIn(operator).get(path);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("total").asInt()).isEqualTo(1);
		assertThat(auditCount(operator, "SUCCESS", volunteer)).isEqualTo(1);
		assertThat(signedIn(volunteer).get(path).status()).isEqualTo(200);
	}

	@Test
	void theHashChainShowsTampering() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Finished activity = finished(team, 3);
		Person volunteer = this.fixtures.aVolunteer();
		OffsetDateTime start = activity.startsAt();
		for (int i = 0; i < 3; i++) {
			record(team.admin(), volunteer, activity, start.plusHours(i), start.plusHours(i).plusMinutes(50), null);
		}
		String path = "/api/v1/volunteers/" + volunteer.volunteerId() + "/records/verification";
		var intact = signedIn(volunteer).get(path).json();
		assertThat(intact.get("intact").asBoolean()).isTrue();
		assertThat(intact.get("checked").asInt()).isEqualTo(3);
		this.jdbc.sql("UPDATE service_record SET hours = 9.99 WHERE volunteer_id = :volunteer AND sequence = 2")
			.param("volunteer", volunteer.volunteerId())
			.update();
		var broken = signedIn(volunteer).get(path).json();
		assertThat(broken.get("intact").asBoolean()).isFalse();
		assertThat(broken.get("brokenAtSequence").asInt()).isEqualTo(2);
		var region = signedIn(this.fixtures.anOperatorOf("110105"))
			.get("/api/v1/records/verification?regionCode=110105")
			.json();
		assertThat(region.get("broken").findValuesAsString("volunteerId")).contains(volunteer.volunteerId().toString());
		assertThat(signedIn(volunteer).get("/api/v1/records/verification?regionCode=110105").status()).isEqualTo(403);
	}

	@Test
	void flagsFinishedActivitiesWithoutRecordsAfterTenWorkingDays() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteer();
		Finished forgotten = finishedWithSignup(team, volunteer, 15);
		Finished recorded = finishedWithSignup(team, volunteer, 15);
		Finished recent = finishedWithSignup(team, volunteer, 2);
		record(team.admin(), volunteer, recorded, recorded.startsAt(), recorded.startsAt().plusHours(1), null);
		Response overdue = signedIn(team.admin()).get("/api/v1/organizations/" + team.id() + "/overdue-records");
		assertThat(overdue.status()).isEqualTo(200);
		List<String> flagged = overdue.json().get("items").findValuesAsString("activityId");
		assertThat(flagged).contains(forgotten.id()).doesNotContain(recorded.id(), recent.id());
		assertThat(overdue.json().get("total").asLong()).isEqualTo(flagged.size());
		assertThat(overdue.json().get("items").get(0).get("approvedSignups").asInt()).isEqualTo(1);
		assertThat(
				signedIn(this.fixtures.anOperatorOf("110105")).get("/api/v1/records/overdue?regionCode=110105&size=200")
					.json()
					.get("items")
					.findValuesAsString("activityId"))
			.contains(forgotten.id());
		assertThat(signedIn(volunteer).get("/api/v1/organizations/" + team.id() + "/overdue-records").status())
			.isEqualTo(403);
		assertThat(browserOf(this.fixtures.anOperatorOf("110105")).get("/records/verify?regionCode=110105").body())
			.as("the operator's page flags it too")
			.contains(forgotten.title());
	}

	@Test
	void thePagesShowHoursToTheVolunteerAndTheFormToTheAdmin() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Finished activity = finished(team, 3);
		Person volunteer = this.fixtures.aVolunteer();
		record(team.admin(), volunteer, activity, activity.startsAt(), activity.startsAt().plusMinutes(150), null);

		Api browser = browserOf(volunteer);
		Response mine = browser.get("/me/records");
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.body()).contains("2.50").contains(activity.title()).contains("申请更正");
		assertThat(browser.get("/organizations/" + team.id() + "/records").status()).isEqualTo(403);

		Api admin = browserOf(team.admin());
		String page = "/organizations/" + team.id() + "/records";
		Response form = admin.get(page);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("补录服务记录")
			.contains(activity.title())
			.contains("/people")
			.doesNotContain("name=\"volunteerNumber\"");
		java.time.LocalDateTime local = activity.startsAt()
			.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
			.toLocalDateTime();
		Response saved = admin.submitForm(page, page,
				Map.of("volunteerId", volunteer.volunteerId().toString(), "activityId", activity.id(), "startedAt",
						local.plusHours(3).toString(), "endedAt", local.plusHours(4).toString(), "reason", "纸质签到表补录"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(this.fixtures.recordCountOf(volunteer)).isEqualTo(2);
		assertThat(this.fixtures.totalHoursOf(volunteer)).isEqualByComparingTo("3.50");

		Api operator = browserOf(this.fixtures.anOperatorOf("110105"));
		assertThat(operator.get("/records/verify?regionCode=110105").status()).isEqualTo(200);
	}

	/** A published activity moved into the past so that the clock finishes it. */
	private Finished finished(Team team, int daysAgo) {
		return finishedWithSignup(team, null, daysAgo);
	}

	private Finished finishedWithSignup(Team team, Person volunteer, int daysAgo) {
		return this.fixtures.aFinishedActivity(this.api, team, volunteer, daysAgo);
	}

	private Response record(Person admin, Person volunteer, Finished activity, OffsetDateTime start, OffsetDateTime end,
			String key) {
		Map<String, Object> body = body(volunteer, activity, start, end);
		return (key != null) ? signedIn(admin).postWithHeaders("/api/v1/records", body, Map.of("Idempotency-Key", key))
				: signedIn(admin).post("/api/v1/records", body);
	}

	private static Map<String, Object> body(Person volunteer, Finished activity, OffsetDateTime start,
			OffsetDateTime end) {
		return Map.of("volunteerId", volunteer.volunteerId().toString(), "activityId", activity.id(), "startedAt",
				start.toString(), "endedAt", end.toString(), "reason", "现场签到设备故障，按纸质签到表补录");
	}

	private BigDecimal sumOfEffective(Person volunteer) {
		return this.jdbc.sql("SELECT COALESCE(SUM(effective_hours), 0) FROM service_record WHERE volunteer_id = :id")
			.param("id", volunteer.volunteerId())
			.query(BigDecimal.class)
			.single();
	}

	private int starOf(Person volunteer) {
		return this.jdbc.sql("SELECT star_level FROM volunteer_standing WHERE volunteer_id = :id")
			.param("id", volunteer.volunteerId())
			.query(Integer.class)
			.single();
	}

	private long auditCount(Person actor, String outcome, Person volunteer) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE actor_id = :actor AND outcome = :outcome"
					+ " AND object_id = :object")
			.param("actor", actor.id())
			.param("outcome", outcome)
			.param("object", volunteer.volunteerId().toString())
			.query(Long.class)
			.single();
	}

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

	private Api signedIn(Person person) {
		return this.api.as(this.fixtures.tokenFor(person));
	}

}
