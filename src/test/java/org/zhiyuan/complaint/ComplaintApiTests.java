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
		Response anonymous = this.api.post("/api/v1/complaints", complaint("ORGANIZATION", team.id()));
		assertThat(anonymous.status()).as("anonymous visitors leave a phone").isEqualTo(400);
		assertThat(anonymous.body()).contains("\"contactPhone\"");
		Map<String, Object> named = complaint("ORGANIZATION", team.id());
		named.put("contactName", "老".repeat(51));
		assertThat(api(complainant).post("/api/v1/complaints", named).body()).contains("\"contactName\"");
		named.put("contactName", "老王");
		assertThat(api(complainant).post("/api/v1/complaints", named).json().get("contactName").isNull())
			.as("a signed-in complainant is known by the account")
			.isTrue();
	}

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0,
			0, 0, 1 };

	private static final byte[] PDF = "%PDF-1.4\n% evidence\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

	private static String aPhone() {
		return "139" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
	}

	@Test
	void anAnonymousVisitorReportsWithAPhoneFollowsItByTrackingCodeAndAddsEvidence() {
		String district = "520115";
		Team team = this.fixtures.anActiveTeamIn(district);
		Person operator = this.fixtures.anOperatorOf(district);
		Person stranger = this.fixtures.aVolunteerIn("520112");
		String phone = aPhone();
		Map<String, Object> body = complaint("ORGANIZATION", team.id());
		body.put("contactPhone", phone);
		body.put("contactName", "王阿姨");
		Map<String, String> key = Map.of("Idempotency-Key", "anon-" + UUID.randomUUID());

		Response filed = this.api.postWithHeaders("/api/v1/complaints", body, key);
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		String id = filed.json().get("id").asString();
		String code = filed.json().get("trackingCode").asString();
		assertThat(code).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
		assertThat(filed.json().get("complainantId").isNull()).isTrue();
		Response again = this.api.postWithHeaders("/api/v1/complaints", body, key);
		assertThat(again.json().get("id").asString()).as("the same key files once").isEqualTo(id);
		assertThat(again.json().get("trackingCode").asString()).as("and answers the same code").isEqualTo(code);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM complaint WHERE tracking_sealed LIKE :c")
			.param("c", "%" + code + "%")
			.query(Integer.class)
			.single()).as("the code is not kept in the clear").isZero();

		Response tracked = this.api.post("/api/v1/complaints/tracking",
				Map.of("trackingCode", code.replace("-", " ").toLowerCase(java.util.Locale.ROOT)));
		assertThat(tracked.status()).as(tracked.body()).isEqualTo(200);
		assertThat(tracked.json().get("id").asString()).isEqualTo(id);
		assertThat(tracked.json().get("trackingCode").isNull()).as("shown once").isTrue();
		Response malformed = this.api.post("/api/v1/complaints/tracking", Map.of("trackingCode", "ABC"));
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.body()).contains("\"trackingCode\"");
		assertThat(this.api.post("/api/v1/complaints/tracking", Map.of("trackingCode", "2222-2222-2222")).problemCode())
			.isEqualTo("COMPLAINT_NOT_FOUND");

		Api holder = this.api.withHeader("Complaint-Tracking-Code", code);
		Response attached = holder.postMultipart("/api/v1/complaints/" + id + "/attachments", "file", "../../现场照片.png",
				PNG, Map.of());
		assertThat(attached.status()).as(attached.body()).isEqualTo(201);
		assertThat(attached.json().get("attachments").get(0).get("contentType").asString()).isEqualTo("image/png");
		assertThat(attached.json().get("attachments").get(0).get("fileName").asString()).isEqualTo("现场照片.png");
		Response notAFile = holder.postMultipart("/api/v1/complaints/" + id + "/attachments", "file", "x.png",
				"just some text pretending".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
		assertThat(notAFile.status()).isEqualTo(400);
		assertThat(notAFile.body()).contains("\"file\"");
		assertThat(this.api.postMultipart("/api/v1/complaints/" + id + "/attachments", "file", "x.pdf", PDF, Map.of())
			.status()).as("without the code").isEqualTo(401);
		assertThat(
				api(stranger).postMultipart("/api/v1/complaints/" + id + "/attachments", "file", "x.pdf", PDF, Map.of())
					.status())
			.isEqualTo(403);

		JsonNode seen = api(operator).get("/api/v1/complaints/" + id).json();
		assertThat(seen.get("contactPhone").asString()).isEqualTo(phone);
		assertThat(seen.get("contactName").asString()).isEqualTo("王阿姨");
		assertThat(api(operator).download("/api/v1/complaints/" + id + "/attachments/1").body()).isEqualTo(PNG);
		assertThat(holder.download("/api/v1/complaints/" + id + "/attachments/1").body()).isEqualTo(PNG);
		assertThat(api(stranger).download("/api/v1/complaints/" + id + "/attachments/1").status()).isEqualTo(403);
		assertThat(this.api.download("/api/v1/complaints/" + id + "/attachments/1").status()).isEqualTo(401);
		assertThat(api(operator).download("/api/v1/complaints/" + id + "/attachments/9").status()).isEqualTo(404);

		step(operator, id, "assignment", Map.of("assigneeId", operator.id().toString()));
		step(operator, id, "investigation", Map.of());
		step(operator, id, "resolution", Map.of("outcome", "DISMISSED", "note", "经核实未发现推销行为。"));
		JsonNode resolved = this.api.post("/api/v1/complaints/tracking", Map.of("trackingCode", code)).json();
		assertThat(timeline(resolved)).containsExactly("SUBMITTED", "ASSIGNED", "INVESTIGATING", "RESOLVED");
		assertThat(resolved.get("resolutionNote").asString()).isEqualTo("经核实未发现推销行为。");
		assertThat(holder.postMultipart("/api/v1/complaints/" + id + "/attachments", "file", "x.pdf", PDF, Map.of())
			.problemCode()).as("closed").isEqualTo("INVALID_STATE");
		assertThat(this.jdbc.sql(
				"SELECT detail FROM audit_event WHERE action = 'complaint.file' AND object_id = :id AND actor_id IS NULL")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("ORGANIZATION anonymous");
	}

	@Test
	void aPhoneFilesAFewAnonymousReportsADayAndAComplainantAtMostFourFiles() {
		String district = "520121";
		Team team = this.fixtures.anActiveTeamIn(district);
		String phone = aPhone();
		Map<String, Object> body = complaint("ORGANIZATION", team.id());
		body.put("contactPhone", phone);
		for (int i = 0; i < 5; i++) {
			assertThat(this.api.post("/api/v1/complaints", body).status()).isEqualTo(201);
		}
		Response sixth = this.api.post("/api/v1/complaints", body);
		assertThat(sixth.status()).isEqualTo(429);
		assertThat(sixth.problemCode()).isEqualTo("TOO_MANY_REPORTS");

		Person complainant = this.fixtures.aVolunteerIn("520112");
		String id = file(complainant, complaint("ORGANIZATION", team.id()));
		for (int i = 1; i <= 4; i++) {
			assertThat(api(complainant)
				.postMultipart("/api/v1/complaints/" + id + "/attachments", "file", "p" + i + ".pdf", PDF, Map.of())
				.status()).isEqualTo(201);
		}
		assertThat(api(complainant)
			.postMultipart("/api/v1/complaints/" + id + "/attachments", "file", "p5.pdf", PDF, Map.of())
			.problemCode()).isEqualTo("TOO_MANY_ATTACHMENTS");
		JsonNode seen = api(complainant).get("/api/v1/complaints/" + id).json();
		assertThat(seen.get("attachments").findValuesAsString("fileName")).containsExactly("p1.pdf", "p2.pdf", "p3.pdf",
				"p4.pdf");
		assertThat(api(complainant).download("/api/v1/complaints/" + id + "/attachments/2").contentType())
			.startsWith("application/pdf");
	}

}
