package org.zhiyuan.erasure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.record.ServiceRecordView;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure requests of volunteers in 济南市 (370100), one district a test: the request rules
 * (one open request, idempotency, withdrawal, every bad field named), the review by the
 * operators of the volunteer's region only, a refusal needing a note, obligations under
 * way blocking an approval, and an approval erasing the personal data at once while the
 * service records stay countable with the name and masked ID number until the retention
 * ends, when the retention job erases what is due and nothing else; every step audited
 * without personal data.
 */
class ErasureApiTests extends ApiTestSupport {

	private static final String CITY = "370100";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Erasures erasures;

	@Autowired
	Activities activities;

	Api api(Person person) {
		return new Api("http://localhost:" + this.port).as(this.fixtures.tokenFor(person));
	}

	private String ask(Person volunteer, String scope) {
		Response asked = api(volunteer).post("/api/v1/me/erasure-requests",
				Map.of("scope", scope, "reason", "不再参加志愿服务"));
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);
		return asked.json().get("id").asString();
	}

	private JsonNode decide(Person operator, String id, String decision, String note) {
		Map<String, Object> body = new HashMap<>();
		body.put("decision", decision);
		body.put("note", note);
		Response decided = api(operator).post("/api/v1/erasure-requests/" + id + "/decision", body);
		assertThat(decided.status()).as(decided.body()).isEqualTo(200);
		return decided.json();
	}

	private List<String> notices(Person person) {
		return this.jdbc.sql("SELECT message_key FROM notification WHERE account_id = :a ORDER BY created_at")
			.param("a", person.id())
			.query(String.class)
			.list();
	}

	private List<String> audited(String id) {
		return this.jdbc
			.sql("SELECT action FROM audit_event WHERE object_type = 'erasure-request' AND object_id = :id"
					+ " AND action LIKE 'erasure.%' ORDER BY occurred_at, action")
			.param("id", id)
			.query(String.class)
			.list();
	}

	private List<String> auditDetails(String id) {
		return this.jdbc.sql(
				"SELECT COALESCE(detail, '') FROM audit_event WHERE object_type = 'erasure-request' AND object_id = :id")
			.param("id", id)
			.query(String.class)
			.list();
	}

	private Map<String, Object> volunteerRow(Person person) {
		return this.jdbc
			.sql("SELECT name, id_number_masked, id_number_sealed, phone, status, emergency_contact_name, total_hours"
					+ " FROM volunteer JOIN volunteer_standing ON volunteer_id = id WHERE id = :id")
			.param("id", person.volunteerId())
			.query()
			.singleRow();
	}

	private ServiceRecordView served(Team team, Person person, int daysAgo) {
		Fixtures.Finished finished = this.fixtures.aFinishedActivity(this.api, team, person, daysAgo);
		ActivityView activity = this.activities.find(UUID.fromString(finished.id())).orElseThrow();
		return this.fixtures.recordedService(team, person, activity, 120);
	}

	private static List<String> items(JsonNode list) {
		return list.findValuesAsString("item");
	}

	private static JsonNode item(JsonNode list, String key) {
		for (JsonNode node : list) {
			if (node.get("item").asString().equals(key)) {
				return node;
			}
		}
		throw new AssertionError(key + " not in " + list);
	}

	@Test
	void aVolunteerHasOneOpenRequestAtATimeAndMayWithdrawItWhileQueued() {
		Person volunteer = this.fixtures.aVolunteerIn("370102");
		Person stranger = this.fixtures.aVolunteerIn("370102");

		Response bad = api(volunteer).postWithHeaders("/api/v1/me/erasure-requests",
				Map.of("scope", "EVERYTHING", "reason", "字".repeat(501)), Map.of("Idempotency-Key", "k".repeat(101)));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("scope", "reason",
				"Idempotency-Key");
		assertThat(api(volunteer).post("/api/v1/me/erasure-requests", Map.of())
			.json()
			.get("errors")
			.findValuesAsString("field")).contains("scope");

		Map<String, String> key = Map.of("Idempotency-Key", "e-" + UUID.randomUUID());
		Response first = api(volunteer).postWithHeaders("/api/v1/me/erasure-requests", Map.of("scope", "PROFILE"), key);
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		String id = first.json().get("id").asString();
		assertThat(first.json().get("status").asString()).isEqualTo("QUEUED");
		assertThat(first.json().get("regionCode").asString()).isEqualTo("370102");
		assertThat(first.json().get("volunteerName").asString()).as("masked").isNotEqualTo("测试志愿者");
		Response again = api(volunteer).postWithHeaders("/api/v1/me/erasure-requests", Map.of("scope", "PROFILE"), key);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.json().get("id").asString()).as("the same key asks once").isEqualTo(id);
		Response second = api(volunteer).post("/api/v1/me/erasure-requests", Map.of("scope", "ALL"));
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.problemCode()).isEqualTo("OPEN_REQUEST");

		assertThat(api(stranger).post("/api/v1/me/erasure-requests/" + id + "/withdrawal", Map.of()).status())
			.as("someone else's")
			.isEqualTo(404);
		assertThat(api(stranger).get("/api/v1/erasure-requests/" + id).status()).isEqualTo(403);
		JsonNode mine = api(volunteer).get("/api/v1/me/erasure-requests").json();
		assertThat(mine.get("items").findValuesAsString("id")).containsExactly(id);
		assertThat(mine.get("total").asLong()).isEqualTo(1);

		Response withdrawn = api(volunteer).post("/api/v1/me/erasure-requests/" + id + "/withdrawal", Map.of());
		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
		assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
		Response twice = api(volunteer).post("/api/v1/me/erasure-requests/" + id + "/withdrawal", Map.of());
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.problemCode()).isEqualTo("INVALID_STATE");

		String next = ask(volunteer, "ALL");
		assertThat(api(volunteer).get("/api/v1/me/erasure-requests").json().get("items").findValuesAsString("id"))
			.containsExactly(next, id);
		assertThat(notices(volunteer)).containsExactly("notice.erasure.queued", "notice.erasure.withdrawn",
				"notice.erasure.queued");
		assertThat(audited(id)).containsExactly("erasure.request", "erasure.withdraw");
		assertThat(volunteerRow(volunteer).get("status")).isEqualTo("ACTIVE");
		Response staff = api(this.fixtures.anOperatorOf("370102")).post("/api/v1/me/erasure-requests",
				Map.of("scope", "PROFILE"));
		assertThat(staff.problemCode()).isEqualTo("NOT_A_VOLUNTEER");
	}

	@Test
	void onlyTheOperatorsOfTheVolunteersRegionReviewAndARefusalNeedsANote() {
		String district = "370103";
		Person volunteer = this.fixtures.aVolunteerIn(district);
		Person operator = this.fixtures.anOperatorOf(district);
		Person cityOperator = this.fixtures.anOperatorOf(CITY);
		Person auditor = this.fixtures.anAuditorOf(district);
		Person elsewhere = this.fixtures.anOperatorOf("370104");
		String id = ask(volunteer, "PROFILE");

		assertThat(notices(operator)).contains("notice.erasure.toReview");
		assertThat(notices(cityOperator)).contains("notice.erasure.toReview");
		assertThat(notices(elsewhere)).doesNotContain("notice.erasure.toReview");
		assertThat(api(cityOperator).get("/api/v1/erasure-requests?regionCode=" + CITY + "&status=QUEUED")
			.json()
			.get("items")
			.findValuesAsString("id")).contains(id);
		assertThat(api(operator).get("/api/v1/erasure-requests").json().get("items").findValuesAsString("id"))
			.as("the caller's own regions")
			.contains(id);
		assertThat(api(elsewhere).get("/api/v1/erasure-requests").json().get("items").findValuesAsString("id"))
			.doesNotContain(id);
		assertThat(api(elsewhere).get("/api/v1/erasure-requests?regionCode=" + district).status()).isEqualTo(403);
		assertThat(api(volunteer).get("/api/v1/erasure-requests").status()).isEqualTo(403);
		assertThat(api(elsewhere).get("/api/v1/erasure-requests/" + id).status()).isEqualTo(403);
		assertThat(api(elsewhere)
			.post("/api/v1/erasure-requests/" + id + "/decision", Map.of("decision", "REFUSE", "note", "不符合"))
			.status()).isEqualTo(403);
		JsonNode seen = api(auditor).get("/api/v1/erasure-requests/" + id).json();
		assertThat(seen.get("sheet").get("computed").asBoolean()).isTrue();
		assertThat(api(auditor)
			.post("/api/v1/erasure-requests/" + id + "/decision", Map.of("decision", "REFUSE", "note", "不符合"))
			.status()).as("auditors read, operators decide").isEqualTo(403);

		Response noNote = api(operator).post("/api/v1/erasure-requests/" + id + "/decision",
				Map.of("decision", "REFUSE"));
		assertThat(noNote.status()).isEqualTo(400);
		assertThat(noNote.json().get("errors").findValuesAsString("field")).containsExactly("note");
		Response badDecision = api(operator).post("/api/v1/erasure-requests/" + id + "/decision",
				Map.of("decision", "MAYBE", "note", "字".repeat(501)));
		assertThat(badDecision.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("decision",
				"note");

		JsonNode refused = decide(operator, id, "REFUSE", "您有一笔时间银行互助尚未结清，请结清后再申请。");
		assertThat(refused.get("status").asString()).isEqualTo("REFUSED");
		assertThat(refused.get("decisionNote").asString()).contains("时间银行");
		Response again = api(cityOperator).post("/api/v1/erasure-requests/" + id + "/decision",
				Map.of("decision", "APPROVE"));
		assertThat(again.problemCode()).isEqualTo("INVALID_STATE");
		assertThat(notices(volunteer)).containsExactly("notice.erasure.queued", "notice.erasure.refused");
		assertThat(volunteerRow(volunteer).get("phone")).as("nothing erased").isNotNull();
		assertThat(audited(id)).containsExactly("erasure.request", "erasure.refuse");
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'personal-data.read'"
					+ " AND object_type = 'erasure-request' AND object_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).as("the reads of the sheet").isGreaterThanOrEqualTo(1);
		assertThat(ask(volunteer, "ALL")).as("a new request after a refusal").isNotEqualTo(id);
	}

	@Test
	void aSignUpInProgressBlocksTheApprovalUntilItEnds() {
		String district = "370105";
		Team team = this.fixtures.anActiveTeamIn(district);
		Person volunteer = this.fixtures.aVolunteerIn(district);
		this.fixtures.aRunningActivity(this.api, team, volunteer);
		String id = ask(volunteer, "PROFILE");
		Person operator = this.fixtures.anOperatorOf(district);

		JsonNode sheet = api(operator).get("/api/v1/erasure-requests/" + id).json().get("sheet");
		assertThat(items(sheet.get("blockers"))).containsExactly("erasure.item.openSignups");
		Response blocked = api(operator).post("/api/v1/erasure-requests/" + id + "/decision",
				Map.of("decision", "APPROVE"));
		assertThat(blocked.status()).isEqualTo(409);
		assertThat(blocked.problemCode()).isEqualTo("OPEN_OBLIGATIONS");
		assertThat(api(volunteer).get("/api/v1/erasure-requests/" + id).json().get("status").asString())
			.isEqualTo("QUEUED");
		assertThat(volunteerRow(volunteer).get("status")).isEqualTo("ACTIVE");
	}

	@Test
	void anApprovalErasesAtOnceKeepsTheRecordsCountableAndTheRetentionJobErasesOnlyWhatIsDue() {
		String district = "370112";
		Team team = this.fixtures.anActiveTeamIn(district);
		Person volunteer = this.fixtures.aVolunteerIn(district);
		Person profileOnly = this.fixtures.aVolunteerIn(district);
		Person bystander = this.fixtures.aVolunteerIn(district);
		ServiceRecordView record = served(team, volunteer, 3);
		served(team, profileOnly, 4);
		served(team, bystander, 5);
		BigDecimal hours = this.fixtures.totalHoursOf(volunteer);
		assertThat(hours).isPositive();
		String masked = (String) volunteerRow(volunteer).get("id_number_masked");
		Person operator = this.fixtures.anOperatorOf(district);
		String id = ask(volunteer, "ALL");
		String other = ask(profileOnly, "PROFILE");

		JsonNode sheet = api(operator).get("/api/v1/erasure-requests/" + id).json().get("sheet");
		LocalDate lastService = record.endedAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
		LocalDate until = lastService.plusYears(10);
		assertThat(sheet.get("computed").asBoolean()).isTrue();
		assertThat(sheet.get("blockers").isEmpty()).isTrue();
		assertThat(items(sheet.get("erased"))).contains("erasure.item.profile", "erasure.item.phone",
				"erasure.item.idNumber", "erasure.item.notifications");
		assertThat(item(sheet.get("erased"), "erasure.item.phone").get("count").asLong()).isEqualTo(1);
		assertThat(item(sheet.get("erased"), "erasure.item.profile").get("count").asLong()).as("the skill")
			.isPositive();
		JsonNode records = item(sheet.get("kept"), "erasure.item.serviceRecords");
		assertThat(records.get("count").asLong()).isEqualTo(1);
		assertThat(records.get("keptUntil").asString()).isEqualTo(until.toString());
		assertThat(item(sheet.get("kept"), "erasure.item.identity").get("keptUntil").asString())
			.isEqualTo(until.toString());
		assertThat(items(sheet.get("kept"))).contains("erasure.item.certificates", "erasure.item.auditLog");
		assertThat(sheet.get("retainedUntil").asString()).isEqualTo(until.toString());
		assertThat(sheet.get("erasedAtRetentionEnd").asBoolean()).isTrue();

		JsonNode done = decide(operator, id, "APPROVE", null);
		assertThat(done.get("status").asString()).isEqualTo("CARRIED_OUT");
		assertThat(done.get("retainedUntil").asString()).isEqualTo(until.toString());
		assertThat(done.get("sheet").get("computed").asBoolean()).isFalse();
		assertThat(done.get("sheet").get("erased").findValuesAsString("erasedAt")).doesNotContainNull().isNotEmpty();
		decide(operator, other, "APPROVE", "已核实");

		Map<String, Object> row = volunteerRow(volunteer);
		assertThat(row.get("status")).isEqualTo("DEREGISTERED");
		assertThat(row.get("phone")).isNull();
		assertThat(row.get("id_number_sealed")).isNull();
		assertThat(row.get("emergency_contact_name")).isNull();
		assertThat(row.get("name")).as("kept for the records").isEqualTo("测试志愿者");
		assertThat(row.get("id_number_masked")).isEqualTo(masked);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM volunteer_attribute WHERE volunteer_id = :v")
			.param("v", volunteer.volunteerId())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.fixtures.recordCountOf(volunteer)).isEqualTo(1);
		assertThat(this.fixtures.totalHoursOf(volunteer)).isEqualByComparingTo(hours);
		assertThat(notices(volunteer)).as("the notifications went; the last one tells of the erasure")
			.containsExactly("notice.erasure.carriedOut");
		assertThat(this.api
			.post("/api/v1/auth/token", Map.of("username", volunteer.username(), "password", volunteer.password()))
			.status()).as("the account is closed").isNotEqualTo(200);
		assertThat(audited(id)).containsExactly("erasure.request", "erasure.approve", "erasure.carry-out");
		assertThat(auditDetails(id)).noneMatch((d) -> d.contains("测试") || d.contains(volunteer.username())
				|| d.contains(volunteer.idNumber()) || d.contains(masked));

		assertThat(this.erasures.endRetentions(LocalDate.now(ZoneOffset.UTC))).as("ten years to go").isZero();
		assertThat(this.erasures.endRetentions(until.minusDays(1))).as("the day before").isZero();
		assertThat(volunteerRow(volunteer).get("name")).isEqualTo("测试志愿者");

		int ended = this.erasures.endRetentions(until);
		assertThat(ended).as("due on the day; other tests' requests may be due too").isGreaterThanOrEqualTo(1);
		Map<String, Object> expired = volunteerRow(volunteer);
		assertThat((String) expired.get("name")).startsWith("已注销志愿者 ").hasSize("已注销志愿者 ".length() + 6);
		assertThat(expired.get("id_number_masked")).isEqualTo("");
		assertThat(this.fixtures.recordCountOf(volunteer)).as("still countable").isEqualTo(1);
		assertThat(this.fixtures.totalHoursOf(volunteer)).isEqualByComparingTo(hours);
		assertThat(volunteerRow(profileOnly).get("name")).as("PROFILE keeps the name").isEqualTo("测试志愿者");
		assertThat(volunteerRow(profileOnly).get("status")).isEqualTo("DEREGISTERED");
		assertThat(volunteerRow(bystander).get("name")).isEqualTo("测试志愿者");
		assertThat(volunteerRow(bystander).get("phone")).isNotNull();
		assertThat(this.erasures.endRetentions(until)).as("once").isZero();

		JsonNode after = api(operator).get("/api/v1/erasure-requests/" + id).json();
		assertThat(after.get("retentionEndedAt").isNull()).isFalse();
		assertThat(after.get("volunteerName").asString()).startsWith("已注销志愿者");
		assertThat(after.get("sheet").get("kept").findValuesAsString("erasedAt")).doesNotContainNull();
		assertThat(audited(id)).containsExactly("erasure.request", "erasure.approve", "erasure.carry-out",
				"erasure.retention-ended");
		assertThat(auditDetails(id)).noneMatch((d) -> d.contains("测试") || d.contains("已注销志愿者"));
	}

}
