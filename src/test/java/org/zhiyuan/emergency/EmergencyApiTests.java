package org.zhiyuan.emergency;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.organization.MemberRole;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Concurrently;
import org.zhiyuan.support.Concurrently.Call;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Emergency mobilization in the districts of 西宁市 (630100), one district a test so that
 * every count is exact: who is called (a team member and holders of a needed skill near
 * the scene; not a minor, not one too far, not one with neither skill nor team, not one
 * whose qualification has expired), a repeated launch calling nobody again, one accepted
 * elsewhere neither accepted again nor called, 200 acceptances at once for 70 places, the
 * reserve moving up when an accepted volunteer declines, muster within the geofence,
 * stand-down, an answer refused to a minor, every bad field named at once, and the
 * profile kept coarse, in the volunteer's download and forgotten on deregistration.
 */
class EmergencyApiTests extends EmergencyTestSupport {

	private static final String CITY = "630100";

	private long callNotifications(String mobilization) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE dedupe_key = :key")
			.param("key", "emergency.call:" + mobilization)
			.query(Long.class)
			.single();
	}

	private Response answer(Person volunteer, String mobilization, String answer) {
		return api(volunteer).post("/api/v1/emergency/mobilizations/" + mobilization + "/responses",
				Map.of("answer", answer));
	}

	private String status(Person volunteer, String mobilization) {
		return this.jdbc.sql("SELECT status FROM emergency_call WHERE mobilization_id = :m AND volunteer_id = :v")
			.param("m", UUID.fromString(mobilization))
			.param("v", volunteer.volunteerId())
			.query(String.class)
			.single();
	}

	private JsonNode board(Person operator, String mobilization) {
		Response board = api(operator).get("/api/v1/emergency/mobilizations/" + mobilization + "/board");
		assertThat(board.status()).as(board.body()).isEqualTo(200);
		return board.json();
	}

	@Test
	void callsTeamMembersAndSkillHoldersNearTheSceneAndNobodyElse() {
		String district = "630104";
		String street = "630104001";
		Person operator = this.fixtures.anOperatorOf(district);
		Team team = this.fixtures.anActiveTeamIn(street);
		Response marked = api(operator).send("PUT", "/api/v1/emergency/teams/" + team.id(), Map.of("tier", "STREET"));
		assertThat(marked.status()).as(marked.body()).isEqualTo(200);
		assertThat(marked.json().get("tier").asString()).isEqualTo("STREET");
		JsonNode teams = api(this.fixtures.anAuditorOf(CITY)).get("/api/v1/emergency/teams?regionCode=" + CITY).json();
		assertThat(teams.get("items").findValuesAsString("organizationId")).contains(team.id().toString());

		Person member = aResponderAt(street, LAT + 0.02, LNG);
		withSkillsOnly(member);
		joins(team, member);
		Person firstAider = aResponderAt(street, LAT, LNG - 0.03);
		Person driver = this.fixtures.aVolunteerIn(street);
		withSkillsOnly(driver, "驾驶");
		String tomorrow = LocalDate.now(ZoneOffset.ofHours(8)).plusDays(1).toString();
		String yesterday = LocalDate.now(ZoneOffset.ofHours(8)).minusDays(1).toString();
		profile(driver, LAT - 0.02, LNG, List.of(Map.of("kind", "DRIVING", "validUntil", tomorrow)));

		Person minor = aResponderAt(street, LAT, LNG);
		agedNow(minor, 17);
		Person farAway = aResponderAt(street, LAT + 0.2, LNG);
		Person neither = aResponderAt(street, LAT, LNG);
		withSkillsOnly(neither, "心理疏导");
		Person expired = this.fixtures.aVolunteerIn(street);
		withSkillsOnly(expired, "驾驶");
		profile(expired, LAT, LNG, List.of(Map.of("kind", "DRIVING", "validUntil", yesterday)));
		Person elsewhere = aResponderAt("630203", LAT, LNG);

		String id = launch(operator, aMobilization(district,
				List.of(need("急救", 2), Map.of("skill", "驾驶", "count", 1, "qualification", "DRIVING"))), 3);

		assertThat(called(id)).containsExactlyInAnyOrder(member.volunteerId(), firstAider.volunteerId(),
				driver.volunteerId());
		assertThat(callNotifications(id)).isEqualTo(3);
		assertThat(api(member).get("/api/v1/notifications").body()).contains("/emergency/mobilizations/" + id);
		assertThat(answer(elsewhere, id, "ACCEPT").status()).as("not called").isEqualTo(404);
		assertThat(answer(minor, id, "ACCEPT").status()).as("not called").isEqualTo(404);
		assertThat(api(this.fixtures.anOperatorOf("630105"))
			.post("/api/v1/emergency/mobilizations", aMobilization(district, List.of(need("急救", 1))))
			.status()).as("an operator of another district").isEqualTo(403);
	}

	@Test
	void aRepeatedLaunchWithTheSameKeyReturnsTheFirstAndCallsNobodyAgain() {
		String district = "630105";
		Person operator = this.fixtures.anOperatorOf(district);
		Person near = aResponderAt("630105002", LAT, LNG);
		aResponderAt("630105003", LAT + 0.01, LNG);
		Map<String, Object> body = aMobilization(district, List.of(need("急救", 5)));
		Map<String, String> key = Map.of("Idempotency-Key", "flood-" + UUID.randomUUID());

		Response first = api(operator).postWithHeaders("/api/v1/emergency/mobilizations", body, key);
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.json().get("notified").asInt()).isEqualTo(2);
		String id = first.json().get("id").asString();
		int delivered = this.sentMessages.to(near.id()).size();
		assertThat(delivered).isEqualTo(1);
		Response again = api(operator).postWithHeaders("/api/v1/emergency/mobilizations", body, key);
		assertThat(again.status()).as(again.body()).isEqualTo(201);
		assertThat(again.json().get("id").asString()).isEqualTo(id);
		assertThat(again.json().get("notified").asInt()).isEqualTo(2);
		assertThat(called(id)).hasSize(2);
		assertThat(callNotifications(id)).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM emergency_mobilization WHERE region_code = :r")
			.param("r", district)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.sentMessages.to(near.id())).hasSize(delivered);
	}

	@Test
	void twoHundredAcceptancesAtOnceFillTheSeventyPlacesAndKeepTheRestInReserve() throws Exception {
		String district = "630106";
		Person operator = this.fixtures.anOperatorOf(district);
		List<Person> volunteers = this.fixtures.manyVolunteersIn("630106001", 200);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		for (int i = 0; i < volunteers.size(); i++) {
			UUID volunteer = volunteers.get(i).volunteerId();
			this.jdbc
				.sql("INSERT INTO emergency_profile (volunteer_id, home_lat, home_lng, readiness, updated_at)"
						+ " VALUES (:id, :lat, :lng, 'NORMAL', :now)")
				.param("id", volunteer)
				.param("lat", LAT + (i % 20) * 0.001)
				.param("lng", LNG - (i / 20) * 0.001)
				.param("now", now)
				.update();
			this.jdbc.sql("INSERT INTO volunteer_attribute (volunteer_id, kind, attribute) VALUES (:id, 'SKILL', '急救')")
				.param("id", volunteer)
				.update();
		}
		// the first wave calls three times the needs' 70: all 200
		String id = launch(operator, aMobilization(district, List.of(need("急救", 40), need("搜救", 30))), 200);
		String path = "/api/v1/emergency/mobilizations/" + id + "/responses";
		List<Call> calls = volunteers.stream()
			.map((volunteer) -> Call.post(this.fixtures.tokenFor(volunteer), path, "{\"answer\":\"ACCEPT\"}"))
			.toList();

		List<Response> answers = Concurrently.send(this.port, calls);

		Map<String, Integer> statuses = new HashMap<>();
		for (Response answer : answers) {
			assertThat(answer.status()).as(answer.body()).isEqualTo(200);
			statuses.merge(answer.json().get("status").asString(), 1, Integer::sum);
		}
		assertThat(statuses).isEqualTo(Map.of("ACCEPTED", 70, "RESERVE", 130));
		JsonNode board = board(operator, id);
		assertThat(board.get("notified").asLong()).isEqualTo(200);
		assertThat(board.get("accepted").asLong()).isEqualTo(70);
		assertThat(board.get("reserve").asLong()).isEqualTo(130);
		assertThat(board.get("declined").asLong()).isZero();
		assertThat(board.get("needs").get(0).get("accepted").asLong()).isEqualTo(70);
		assertThat(board.get("needs").get(1).get("accepted").asLong()).isZero();
	}

	@Test
	void theFirstInReserveMovesUpWhenAnAcceptedVolunteerDeclines() {
		String district = "630121";
		String street = streetOf(district);
		Person operator = this.fixtures.anOperatorOf(district);
		Person first = aResponderAt(street, LAT, LNG);
		Person second = aResponderAt(street, LAT, LNG);
		Person third = aResponderAt(street, LAT, LNG);
		String id = launch(operator, aMobilization(district, List.of(need("急救", 1))), 3);

		assertThat(answer(first, id, "ACCEPT").json().get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(answer(second, id, "ACCEPT").json().get("status").asString()).isEqualTo("RESERVE");
		assertThat(answer(third, id, "ACCEPT").json().get("status").asString()).isEqualTo("RESERVE");
		assertThat(answer(second, id, "ACCEPT").json().get("status").asString()).as("answered again")
			.isEqualTo("RESERVE");
		Response declined = answer(first, id, "DECLINE");
		assertThat(declined.status()).as(declined.body()).isEqualTo(200);
		assertThat(declined.json().get("status").asString()).isEqualTo("DECLINED");

		assertThat(status(second, id)).isEqualTo("ACCEPTED");
		assertThat(status(third, id)).isEqualTo("RESERVE");
		assertThat(api(second).get("/api/v1/notifications").body()).contains("从后备转为出动");
		JsonNode board = board(operator, id);
		assertThat(List.of(board.get("notified").asLong(), board.get("accepted").asLong(),
				board.get("reserve").asLong(), board.get("declined").asLong(), board.get("mustered").asLong()))
			.containsExactly(3L, 1L, 1L, 1L, 0L);

		String muster = "/api/v1/emergency/mobilizations/" + id + "/muster";
		Response far = api(second).post(muster, Map.of("location", Map.of("lat", LAT + 0.02, "lng", LNG)));
		assertThat(far.status()).as(far.body()).isEqualTo(422);
		assertThat(far.problemCode()).isEqualTo("OUTSIDE_GEOFENCE");
		assertThat(api(third).post(muster, Map.of("location", Map.of("lat", LAT + 0.001, "lng", LNG))).status())
			.as("in reserve")
			.isEqualTo(409);
		Response there = api(second).post(muster, Map.of("location", Map.of("lat", LAT + 0.0012, "lng", LNG)));
		assertThat(there.status()).as(there.body()).isEqualTo(200);
		assertThat(board(operator, id).get("mustered").asLong()).isEqualTo(1);

		Response stoodDown = api(operator).post("/api/v1/emergency/mobilizations/" + id + "/stand-down", Map.of());
		assertThat(stoodDown.status()).as(stoodDown.body()).isEqualTo(200);
		assertThat(stoodDown.json().get("status").asString()).isEqualTo("STOOD_DOWN");
		assertThat(answer(third, id, "DECLINE").status()).isEqualTo(409);
		assertThat(api(operator).post("/api/v1/emergency/mobilizations/" + id + "/stand-down", Map.of()).status())
			.isEqualTo(409);
		assertThat(api(third).get("/api/v1/notifications").body()).contains("已解除集结");
	}

	@Test
	void aVolunteerFoundToBeUnder18IsRefusedOnAccepting() {
		String district = "630123";
		Person operator = this.fixtures.anOperatorOf(district);
		Person volunteer = aResponderAt(streetOf(district), LAT, LNG);
		String id = launch(operator, aMobilization(district, List.of(need("急救", 3))), 1);
		agedNow(volunteer, 17);

		Response refused = answer(volunteer, id, "ACCEPT");

		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.problemCode()).isEqualTo("REQUIREMENT_NOT_MET");
		assertThat(status(volunteer, id)).isEqualTo("NOTIFIED");
		assertThat(answer(volunteer, id, "DECLINE").json().get("status").asString()).isEqualTo("DECLINED");
	}

	@Test
	void aVolunteerAcceptedInOneOpenMobilizationIsRefusedInAnotherAndNotCalledByANewOne() {
		String district = "630224";
		Person operator = this.fixtures.anOperatorOf(district);
		Person volunteer = aResponderAt(district, LAT, LNG);
		String first = launch(operator, aMobilization(district, List.of(need("急救", 2))), 1);
		String second = launch(operator, aMobilization(district, List.of(need("急救", 2))), 1);
		assertThat(answer(volunteer, first, "ACCEPT").json().get("status").asString()).isEqualTo("ACCEPTED");

		Response refused = answer(volunteer, second, "ACCEPT");

		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.problemCode()).isEqualTo("ALREADY_MOBILIZED");
		launch(operator, aMobilization(district, List.of(need("急救", 2))), 0);
		assertThat(api(operator).post("/api/v1/emergency/mobilizations/" + first + "/stand-down", Map.of()).status())
			.isEqualTo(200);
		assertThat(answer(volunteer, second, "ACCEPT").json().get("status").asString()).isEqualTo("ACCEPTED");
	}

	@Test
	void namesEveryBadFieldAtOnce() {
		Person volunteer = this.fixtures.aVolunteerIn("630202");
		Response profile = api(volunteer).send("PUT", "/api/v1/me/emergency-profile",
				Map.of("homeLat", 60, "homeLng", 200, "readiness", "SOMETIMES", "qualifications",
						List.of(Map.of("kind", "JUGGLING", "validUntil", "2026-13-01"))));
		assertThat(profile.status()).as(profile.body()).isEqualTo(400);
		assertThat(fields(profile)).containsExactlyInAnyOrder("homeLat", "homeLng", "readiness",
				"qualifications[0].kind", "qualifications[0].validUntil");

		Map<String, Object> body = new LinkedHashMap<>();
		body.put("regionCode", "999999");
		body.put("title", " ");
		body.put("location", Map.of("lat", 0, "lng", 0));
		body.put("radiusKm", 0);
		body.put("assembleAt", "2020-01-01T08:00:00+08:00");
		body.put("assemblyPoint", Map.of("name", "", "lat", 90, "lng", 10));
		body.put("needs", List.of(Map.of("skill", "", "count", 0, "qualification", "NOPE")));
		Response launch = api(this.fixtures.anOperatorOf("630202")).post("/api/v1/emergency/mobilizations", body);
		assertThat(launch.status()).as(launch.body()).isEqualTo(400);
		assertThat(fields(launch)).containsExactlyInAnyOrder("regionCode", "title", "location.lat", "location.lng",
				"radiusKm", "assembleAt", "assemblyPoint.name", "assemblyPoint.lat", "assemblyPoint.lng",
				"needs[0].skill", "needs[0].count", "needs[0].qualification");

		Team team = this.fixtures.anActiveTeamIn("630202");
		Response tier = api(this.fixtures.anOperatorOf("630202")).send("PUT", "/api/v1/emergency/teams/" + team.id(),
				Map.of("tier", "HUGE"));
		assertThat(tier.status()).as(tier.body()).isEqualTo(400);
		assertThat(fields(tier)).containsExactly("tier");
	}

	@Test
	void keepsTheHomeToAboutAHundredMetresExportsItAndForgetsItOnDeregistration() {
		Person volunteer = this.fixtures.aVolunteerIn("630222");
		String until = LocalDate.now(ZoneOffset.ofHours(8)).plusYears(1).toString();
		profile(volunteer, 36.123456, 102.654321, List.of(Map.of("kind", "FIRST_AID", "validUntil", until)));
		JsonNode mine = api(volunteer).get("/api/v1/me/emergency-profile").json();
		assertThat(mine.get("homeLat").asDouble()).isEqualTo(36.123);
		assertThat(mine.get("homeLng").asDouble()).isEqualTo(102.654);
		assertThat(mine.get("qualifications").get(0).get("kind").asString()).isEqualTo("FIRST_AID");
		assertThat(mine.get("qualifications").get(0).get("validUntil").asString()).isEqualTo(until);
		Response export = api(volunteer).get("/api/v1/volunteers/me/export");
		assertThat(export.status()).as(export.body()).isEqualTo(200);
		assertThat(export.body()).contains("emergencyProfile", "36.123", "FIRST_AID");

		Response gone = api(volunteer).post("/api/v1/volunteers/me/deregistration",
				Map.of("password", volunteer.password()));

		assertThat(gone.status()).as(gone.body()).isEqualTo(204);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM emergency_profile WHERE volunteer_id = :id")
			.param("id", volunteer.volunteerId())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM emergency_qualification WHERE volunteer_id = :id")
			.param("id", volunteer.volunteerId())
			.query(Long.class)
			.single()).isZero();
	}

	private static List<String> fields(Response response) {
		List<String> fields = new ArrayList<>();
		response.json().get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		return fields;
	}

}
