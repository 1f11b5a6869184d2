package org.zhiyuan.complaint;

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
import org.zhiyuan.support.Fixtures.Running;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Complaints about subjects in 贵阳市 (520100), one district a test: the workflow from
 * filing to an upheld resolution warning the organization, with the complainant told of
 * and seeing each step; a dismissed complaint about a volunteer, and an upheld one
 * lowering the volunteer's credit; the deadline and the overdue notice sent once; who may
 * read and handle a complaint; every bad field named at once.
 */
class ComplaintApiTests extends ApiTestSupport {

	private static final String CITY = "520100";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Complaints complaints;

	Api api(Person person) {
		return new Api("http://localhost:" + this.port).as(this.fixtures.tokenFor(person));
	}

	private static Map<String, Object> complaint(String type, Object subjectId) {
		Map<String, Object> body = new HashMap<>();
		body.put("subjectType", type);
		body.put("subjectId", subjectId.toString());
		body.put("category", "ILLEGAL_ACTIVITY");
		body.put("description", "以志愿服务名义向老人推销保健品。");
		return body;
	}

	private String file(Person complainant, Map<String, Object> body) {
		Response filed = api(complainant).post("/api/v1/complaints", body);
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		return filed.json().get("id").asString();
	}

	private JsonNode step(Person operator, String id, String action, Object body) {
		Response response = api(operator).post("/api/v1/complaints/" + id + "/" + action, body);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private List<String> notices(Person person) {
		return this.jdbc.sql("SELECT message_key FROM notification WHERE account_id = :a ORDER BY created_at")
			.param("a", person.id())
			.query(String.class)
			.list();
	}

	private List<String> timeline(JsonNode complaint) {
		return complaint.get("timeline").findValuesAsString("status");
	}

	@Test
	void anUpheldComplaintAboutAnOrganizationWarnsItAndTheComplainantFollowsEachStep() {
		String district = "520102";
		Team team = this.fixtures.anActiveTeamIn(district);
		Person complainant = this.fixtures.aVolunteerIn("520103");
		Person operator = this.fixtures.anOperatorOf(district);
		Person cityOperator = this.fixtures.anOperatorOf(CITY);

		Map<String, String> key = Map.of("Idempotency-Key", "c-" + UUID.randomUUID());
		Response filed = api(complainant).postWithHeaders("/api/v1/complaints", complaint("ORGANIZATION", team.id()),
				key);
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		String id = filed.json().get("id").asString();
		assertThat(filed.json().get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(filed.json().get("regionCode").asString()).as("the subject's region").isEqualTo(district);
		OffsetDateTime deadline = OffsetDateTime.parse(filed.json().get("deadline").asString());
		assertThat(deadline).isBetween(OffsetDateTime.now(ZoneOffset.UTC).plusDays(14),
				OffsetDateTime.now(ZoneOffset.UTC).plusDays(16));
		Response again = api(complainant).postWithHeaders("/api/v1/complaints", complaint("ORGANIZATION", team.id()),
				key);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.json().get("id").asString()).as("the same key files once").isEqualTo(id);

		JsonNode listed = api(cityOperator).get("/api/v1/complaints?regionCode=" + CITY + "&status=SUBMITTED").json();
		assertThat(listed.get("items").findValuesAsString("id")).contains(id);

		JsonNode assigned = step(cityOperator, id, "assignment", Map.of("assigneeId", operator.id().toString()));
		assertThat(assigned.get("status").asString()).isEqualTo("ASSIGNED");
		assertThat(assigned.get("assigneeId").asString()).isEqualTo(operator.id().toString());
		assertThat(step(operator, id, "investigation", Map.of()).get("status").asString()).isEqualTo("INVESTIGATING");
		assertThat(api(complainant).get("/api/v1/complaints/" + id).json().get("status").asString())
			.isEqualTo("INVESTIGATING");
		JsonNode resolved = step(operator, id, "resolution", Map.of("outcome", "UPHELD", "note", "查实推销行为，予以警告。"));
		assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
		assertThat(resolved.get("outcome").asString()).isEqualTo("UPHELD");

		JsonNode seen = api(complainant).get("/api/v1/complaints/" + id).json();
		assertThat(timeline(seen)).containsExactly("SUBMITTED", "ASSIGNED", "INVESTIGATING", "RESOLVED");
		assertThat(seen.get("resolutionNote").asString()).isEqualTo("查实推销行为，予以警告。");
		assertThat(api(complainant).get("/api/v1/me/complaints").json().get("items").findValuesAsString("id"))
			.containsExactly(id);
		assertThat(notices(complainant)).containsExactly("notice.complaint.submitted", "notice.complaint.assigned",
				"notice.complaint.investigating", "notice.complaint.resolved");
		assertThat(notices(operator)).contains("notice.complaint.assignedToYou");

		JsonNode history = api(operator).get("/api/v1/organizations/" + team.id() + "/history").json();
		assertThat(history.get("items").findValuesAsString("kind")).contains("WARNED");
		assertThat(history.toString()).contains("查实推销行为").doesNotContain(complainant.id().toString());
		assertThat(api(operator)
			.post("/api/v1/complaints/" + id + "/resolution", Map.of("outcome", "DISMISSED", "note", "再次"))
			.problemCode()).isEqualTo("INVALID_STATE");
	}

	@Test
	void aComplaintAboutAnActivityBelongsToTheActivitysRegionAndIsReadOnlyByTheComplainantAndTheRegion() {
		String district = "520111";
		Team team = this.fixtures.anActiveTeamIn(district);
		Running activity = this.fixtures.aRunningActivity(this.api, team);
		this.jdbc.sql("UPDATE activity SET region_code = :r WHERE id = :id")
			.param("r", district)
			.param("id", UUID.fromString(activity.id()))
			.update();
		Person complainant = this.fixtures.aVolunteerIn("520102");
		String id = file(complainant, complaint("ACTIVITY", activity.id()));
		JsonNode read = api(this.fixtures.anAuditorOf(district)).get("/api/v1/complaints/" + id).json();
		assertThat(read.get("regionCode").asString()).isEqualTo(district);
		assertThat(read.get("complainantId").asString()).isEqualTo(complainant.id().toString());

		Person otherOperator = this.fixtures.anOperatorOf("520112");
		assertThat(api(otherOperator).get("/api/v1/complaints/" + id).status()).isEqualTo(403);
		assertThat(api(otherOperator)
			.post("/api/v1/complaints/" + id + "/assignment", Map.of("assigneeId", otherOperator.id().toString()))
			.status()).isEqualTo(403);
		assertThat(api(otherOperator).get("/api/v1/complaints?regionCode=" + district).status()).isEqualTo(403);
		assertThat(api(team.admin()).get("/api/v1/complaints/" + id).status()).as("the subject").isEqualTo(403);
		assertThat(api(this.fixtures.aVolunteerIn(district)).get("/api/v1/complaints/" + id).status()).isEqualTo(403);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'complaint.file'")
			.query(Long.class)
			.single()).isPositive();

		Person operator = this.fixtures.anOperatorOf(district);
		Response notAnOperator = api(operator).post("/api/v1/complaints/" + id + "/assignment",
				Map.of("assigneeId", otherOperator.id().toString()));
		assertThat(notAnOperator.status()).isEqualTo(400);
		assertThat(notAnOperator.body()).contains("assigneeId");
		assertThat(api(operator).post("/api/v1/complaints/" + id + "/investigation", Map.of()).problemCode())
			.as("not assigned yet")
			.isEqualTo("INVALID_STATE");
		assertThat(
				api(operator).post("/api/v1/complaints/" + id + "/resolution", Map.of("outcome", "UPHELD", "note", "x"))
					.problemCode())
			.isEqualTo("INVALID_STATE");
	}

	@Test
	void anUpheldComplaintAboutAVolunteerLowersTheCreditAndADismissedOneDoesNot() {
		String district = "520112";
		Person volunteer = this.fixtures.aVolunteerIn(district);
		Person complainant = this.fixtures.aVolunteerIn(district);
		Person operator = this.fixtures.anOperatorOf(district);
		Response credited = api(operator).get("/api/v1/volunteers/" + volunteer.volunteerId() + "/credit");
		assertThat(credited.status()).as(credited.body()).isEqualTo(200);
		int before = credited.json().get("score").asInt();

		String dismissed = file(complainant, complaint("VOLUNTEER", volunteer.volunteerId()));
		JsonNode filed = api(complainant).get("/api/v1/complaints/" + dismissed).json();
		assertThat(filed.get("subjectName").asString()).as("masked").doesNotContain("测试志愿者");
		step(operator, dismissed, "assignment", Map.of("assigneeId", operator.id().toString()));
		step(operator, dismissed, "investigation", Map.of());
		JsonNode resolved = step(operator, dismissed, "resolution", Map.of("outcome", "DISMISSED", "note", "查无实据。"));
		assertThat(resolved.get("outcome").asString()).isEqualTo("DISMISSED");
		assertThat(api(operator).get("/api/v1/volunteers/" + volunteer.volunteerId() + "/credit")
			.json()
			.get("score")
			.asInt()).isEqualTo(before);
		assertThat(api(volunteer).get("/api/v1/complaints/" + dismissed).status()).as("the subject").isEqualTo(403);

		String upheld = file(complainant, complaint("VOLUNTEER", volunteer.volunteerId()));
		step(operator, upheld, "assignment", Map.of("assigneeId", operator.id().toString()));
		step(operator, upheld, "investigation", Map.of());
		step(operator, upheld, "resolution", Map.of("outcome", "UPHELD", "note", "虚报服务时长属实。"));
		JsonNode credit = api(volunteer).get("/api/v1/volunteers/" + volunteer.volunteerId() + "/credit").json();
		assertThat(credit.get("score").asInt()).isEqualTo(before - 20);
		assertThat(credit.get("upheldComplaints").asInt()).isEqualTo(1);
		assertThat(credit.get("events").findValuesAsString("kind")).contains("UPHELD_COMPLAINT");
		assertThat(credit.toString()).doesNotContain(complainant.id().toString());

		Response own = api(volunteer).post("/api/v1/complaints", complaint("VOLUNTEER", volunteer.volunteerId()));
		assertThat(own.problemCode()).isEqualTo("OWN_SUBJECT");
	}

	@Test
	void anOverdueComplaintIsFlaggedAndItsOperatorsAreToldOnce() {
		String district = "520103";
		Team team = this.fixtures.anActiveTeamIn(district);
		Person operator = this.fixtures.anOperatorOf(district);
		Person cityOperator = this.fixtures.anOperatorOf(CITY);
		Person elsewhere = this.fixtures.anOperatorOf("520111");
		String id = file(this.fixtures.aVolunteerIn(district), complaint("ORGANIZATION", team.id()));
		assertThat(api(operator).get("/api/v1/complaints/" + id).json().get("overdue").asBoolean()).isFalse();
		this.complaints.notifyOverdue();
		assertThat(notices(operator)).doesNotContain("notice.complaint.overdue");

		this.jdbc.sql("UPDATE complaint SET deadline = :d WHERE id = :id")
			.param("d", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1))
			.param("id", UUID.fromString(id))
			.update();
		assertThat(api(operator).get("/api/v1/complaints/" + id).json().get("overdue").asBoolean()).isTrue();
		assertThat(api(operator).get("/api/v1/complaints?regionCode=" + district + "&overdue=true")
			.json()
			.get("items")
			.findValuesAsString("id")).containsExactly(id);
		this.complaints.notifyOverdue();
		this.complaints.notifyOverdue();
		assertThat(notices(operator)).containsOnlyOnce("notice.complaint.overdue");
		assertThat(notices(cityOperator)).containsOnlyOnce("notice.complaint.overdue");
		assertThat(notices(elsewhere)).doesNotContain("notice.complaint.overdue");
	}

	@Test
	void badInputNamesEveryField() {
		Person complainant = this.fixtures.aVolunteerIn("520102");
		Map<String, Object> body = new HashMap<>();
		body.put("subjectType", "PLANET");
		body.put("subjectId", "not-an-id");
		body.put("category", "GOSSIP");
		body.put("description", "x".repeat(2001));
		body.put("contactPhone", "12345");
		Response bad = api(complainant).post("/api/v1/complaints", body);
		assertThat(bad.status()).as(bad.body()).isEqualTo(400);
		for (String field : List.of("subjectType", "subjectId", "category", "description", "contactPhone")) {
			assertThat(bad.body()).contains("\"" + field + "\"");
		}
		assertThat(
				api(complainant).post("/api/v1/complaints", complaint("ORGANIZATION", UUID.randomUUID())).problemCode())
			.isEqualTo("SUBJECT_NOT_FOUND");
		Person operator = this.fixtures.anOperatorOf("520102");
		Team team = this.fixtures.anActiveTeamIn("520102");
		String id = file(complainant, complaint("ORGANIZATION", team.id()));
		Response badResolution = api(operator).post("/api/v1/complaints/" + id + "/resolution",
				Map.of("outcome", "MAYBE", "note", ""));
		assertThat(badResolution.status()).isEqualTo(400);
		assertThat(badResolution.body()).contains("\"outcome\"").contains("\"note\"");
		assertThat(api(operator).get("/api/v1/complaints?regionCode=520102&status=LOST").status()).isEqualTo(400);
		assertThat(this.api.post("/api/v1/complaints", complaint("ORGANIZATION", team.id())).status())
			.as("signed in only")
			.isEqualTo(401);
	}

}
