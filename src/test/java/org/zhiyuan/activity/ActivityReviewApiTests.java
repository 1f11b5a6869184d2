package org.zhiyuan.activity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.support.Identities;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiyuan.support.ActivityFixtures.anActivity;

/**
 * Review before publication (C4): an activity of a region that asks for review waits in
 * its operators' queue; they approve it, or reject it with a reason that reaches the
 * organizer, who changes it and sends it again. 南宁市江南区 (450105) asks for review of every
 * activity here; no other test uses it.
 */
class ActivityReviewApiTests extends ApiTestSupport {

	private static final String DISTRICT = "450105";

	private static final String STREET = "450105002";

	@Test
	void anActivityWaitsForItsRegionsOperatorsWhoApproveIt() {
		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		reviewAll(operator);
		Team team = this.fixtures.anActiveTeamIn(DISTRICT);
		Api admin = signedIn(team.admin());
		String id = draft(team);

		Response published = admin.post("/api/v1/activities/" + id + "/publish", Map.of());
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		assertThat(published.json().get("status").asString()).isEqualTo("PENDING_REVIEW");
		assertThat(this.api.get("/api/v1/activities/" + id).status()).as("not public yet").isEqualTo(404);
		assertThat(signedIn(this.fixtures.aVolunteer())
			.post("/api/v1/activities/" + id + "/signups",
					Map.of("positionId", published.json().get("positions").get(0).get("id").asString()))
			.status()).as("no sign-up before approval").isNotEqualTo(201);

		JsonNode queue = signedIn(this.fixtures.anOperatorOf("450000"))
			.get("/api/v1/activity-reviews?regionCode=" + DISTRICT)
			.json();
		assertThat(queue.get("items").findValuesAsString("id")).as("operators of the regions above see it too")
			.contains(id);
		assertThat(admin.post("/api/v1/activities/" + id + "/review", Map.of("decision", "APPROVE")).status())
			.as("the organizer cannot approve their own")
			.isEqualTo(403);
		assertThat(signedIn(this.fixtures.anOperatorOf("310101"))
			.post("/api/v1/activities/" + id + "/review", Map.of("decision", "APPROVE"))
			.status()).isEqualTo(403);

		Response approved = signedIn(operator).post("/api/v1/activities/" + id + "/review",
				Map.of("decision", "APPROVE"));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("status").asString()).isEqualTo("RECRUITING");
		assertThat(this.api.get("/api/v1/activities/" + id).json().get("status").asString()).isEqualTo("RECRUITING");
		assertThat(signedIn(operator).post("/api/v1/activities/" + id + "/review", Map.of("decision", "APPROVE"))
			.problemCode()).isEqualTo("INVALID_STATUS");
		assertThat(notices(team.admin())).contains("notice.activity.review.approved");
		assertThat(signedIn(operator).get("/api/v1/activity-reviews?regionCode=" + DISTRICT)
			.json()
			.get("items")
			.findValuesAsString("id")).doesNotContain(id);
	}

	@Test
	void aRejectedActivityIsChangedAndSentAgain() {
		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		reviewAll(operator);
		Team team = this.fixtures.anActiveTeamIn(DISTRICT);
		Api admin = signedIn(team.admin());
		String id = draft(team);
		admin.post("/api/v1/activities/" + id + "/publish", Map.of());

		Response noReason = signedIn(operator).post("/api/v1/activities/" + id + "/review",
				Map.of("decision", "REJECT"));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.json().get("errors").findValuesAsString("field")).containsExactly("reason");
		Response unknown = signedIn(operator).post("/api/v1/activities/" + id + "/review",
				Map.of("decision", "MAYBE", "reason", "x"));
		assertThat(unknown.json().get("errors").findValuesAsString("field")).containsExactly("decision");

		Response rejected = signedIn(operator).post("/api/v1/activities/" + id + "/review",
				Map.of("decision", "REJECT", "reason", "请补充安全保障措施"));
		assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
		JsonNode notice = signedIn(team.admin()).get("/api/v1/notifications").json().get("items").get(0);
		assertThat(notice.get("messageKey").asString()).isEqualTo("notice.activity.review.rejected");
		assertThat(notice.get("message").asString()).contains("请补充安全保障措施");
		assertThat(notice.get("link").asString()).isEqualTo("/activities/" + id);

		Response changed = admin.send("PATCH", "/api/v1/activities/" + id,
				Map.of("risksAndProtections", "全员购买意外险，现场配备急救箱"));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		Response again = admin.post("/api/v1/activities/" + id + "/publish", Map.of());
		assertThat(again.json().get("status").asString()).isEqualTo("PENDING_REVIEW");
		assertThat(signedIn(operator).post("/api/v1/activities/" + id + "/review", Map.of("decision", "APPROVE"))
			.json()
			.get("status")
			.asString()).isEqualTo("RECRUITING");
	}

	@Test
	void aRegionThatAsksForNoReviewRecruitsAtOnce() {
		Person operator = this.fixtures.anOperatorOf("450107");
		assertThat(signedIn(operator).send("PUT", "/api/v1/regions/450107/settings", Map.of("activityReview", "NONE"))
			.status()).isEqualTo(200);
		Team team = this.fixtures.anActiveTeamIn("450107");
		Map<String, Object> body = anActivity(team.id().toString(), 5);
		body.put("regionCode", "450107");
		body.put("riskLevel", "HIGH");
		String id = signedIn(team.admin()).post("/api/v1/activities", body).json().get("id").asString();
		// a high-risk activity needs its accident insurance first, review or not
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		assertThat(signedIn(team.admin()).post("/api/v1/insurance-policies",
				Map.of("organizationId", team.id().toString(), "insurer", "测试保险公司", "policyNumber",
						"REVIEW-" + team.id().toString().substring(0, 8), "startsOn", today.toString(), "endsOn",
						today.plusDays(30).toString(), "coverage", "意外伤害 50 万元"))
			.status()).isEqualTo(201);
		assertThat(signedIn(team.admin()).post("/api/v1/activities/" + id + "/publish", Map.of())
			.json()
			.get("status")
			.asString()).isEqualTo("RECRUITING");
	}

	@Test
	void anEmergencyActivityAcceptsOnlyVolunteersOf18AndOver() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Map<String, Object> body = anActivity(team.id().toString(), 5);
		body.put("recruitmentMode", "EMERGENCY");
		body.put("positions", List.of(Map.of("name", "应急转移", "capacity", 5, "minAge", 16)));
		Response tooYoung = signedIn(team.admin()).post("/api/v1/activities", body);
		assertThat(tooYoung.status()).isEqualTo(400);
		assertThat(tooYoung.json().get("errors").findValuesAsString("field")).containsExactly("positions[0].minAge");

		body.put("positions", List.of(Map.of("name", "应急转移", "capacity", 5)));
		JsonNode created = signedIn(team.admin()).post("/api/v1/activities", body).json();
		assertThat(created.get("positions").get(0).get("minAge").asInt()).isEqualTo(18);
		String id = created.get("id").asString();
		signedIn(team.admin()).post("/api/v1/activities/" + id + "/publish", Map.of());
		String position = created.get("positions").get(0).get("id").asString();
		Response minor = aMinor().post("/api/v1/activities/" + id + "/signups", Map.of("positionId", position));
		assertThat(minor.status()).isEqualTo(422);
		assertThat(minor.problemCode()).isEqualTo("REQUIREMENT_NOT_MET");
		assertThat(signedIn(this.fixtures.aVolunteer())
			.post("/api/v1/activities/" + id + "/signups", Map.of("positionId", position))
			.status()).isEqualTo(201);
	}

	private void reviewAll(Person operator) {
		Response set = signedIn(operator).send("PUT", "/api/v1/regions/" + DISTRICT + "/settings",
				Map.of("activityReview", "ALL"));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
	}

	private String draft(Team team) {
		Map<String, Object> body = anActivity(team.id().toString(), 5);
		body.put("regionCode", STREET);
		Response created = signedIn(team.admin()).post("/api/v1/activities", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private List<String> notices(Person person) {
		return signedIn(person).get("/api/v1/notifications").json().get("items").findValuesAsString("messageKey");
	}

	/** A volunteer of 16, registered with a guardian's consent, signed in. */
	private Api aMinor() {
		String phone = Identities.phone();
		Map<String, Object> request = new HashMap<>();
		request.put("name", "王小红");
		request.put("idType", "RESIDENT_ID");
		request.put("idNumber", Identities.residentIdAged(16));
		request.put("phone", phone);
		request.put("password", "Passw0rd-ok");
		request.put("regionCode", "110105001");
		request.put("consents", Map.of("privacyPolicy", "2026-01", "oath", true));
		request.put("guardian",
				Map.of("name", "王大明", "phone", Identities.phone(), "idNumber", Identities.residentIdAged(45)));
		Response created = this.api.post("/api/v1/volunteers", request);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		Response token = this.api.post("/api/v1/auth/token", Map.of("username", phone, "password", "Passw0rd-ok"));
		return this.api.as(token.json().get("accessToken").asString());
	}

	private Api signedIn(Person person) {
		return this.api.as(this.fixtures.tokenFor(person));
	}

}
