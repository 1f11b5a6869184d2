package org.zhiyuan.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Concurrently;
import org.zhiyuan.support.Concurrently.Call;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiyuan.support.ActivityFixtures.anActivity;

/**
 * Two operators deciding on the same waiting activity at the same moment, over HTTP, on
 * each database: one decision wins, the other is refused with 409 {@code INVALID_STATUS},
 * and the activity, its review, the audit log and the organizer's notice all tell of the
 * winner only. 桂林市秀峰区 (450302) asks for review of every activity here; no other test uses
 * it.
 */
class ActivityReviewRaceApiTests extends ApiTestSupport {

	private static final String DISTRICT = "450302";

	private static final int ACTIVITIES = 8;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void acceptsOnlyOneOfTwoApprovalsAtTheSameMoment() throws Exception {
		Operators operators = operators();
		List<String> waiting = waitingActivities();
		List<Call> calls = new ArrayList<>();
		for (String id : waiting) {
			calls.add(decide(operators.here(), id, "APPROVE"));
			calls.add(decide(operators.above(), id, "APPROVE"));
		}

		List<Response> answers = Concurrently.send(this.port, calls);

		for (int i = 0; i < waiting.size(); i++) {
			assertOneDecision(waiting.get(i), answers.subList(2 * i, 2 * i + 2), operators);
		}
	}

	@Test
	void acceptsOnlyOneOfAnApprovalAndARejectionAtTheSameMoment() throws Exception {
		Operators operators = operators();
		List<String> waiting = waitingActivities();
		List<Call> calls = new ArrayList<>();
		for (int i = 0; i < waiting.size(); i++) {
			// each operator approves half of the activities and rejects the other half
			boolean hereApproves = i % 2 == 0;
			calls.add(decide(operators.here(), waiting.get(i), hereApproves ? "APPROVE" : "REJECT"));
			calls.add(decide(operators.above(), waiting.get(i), hereApproves ? "REJECT" : "APPROVE"));
		}

		List<Response> answers = Concurrently.send(this.port, calls);

		for (int i = 0; i < waiting.size(); i++) {
			assertOneDecision(waiting.get(i), answers.subList(2 * i, 2 * i + 2), operators);
		}
	}

	/**
	 * Of the two answers one is the decision, the other a 409 problem; the activity is in
	 * the winner's state, its review decided once by the winner, audited once, and the
	 * organizer told once.
	 */
	private void assertOneDecision(String id, List<Response> two, Operators operators) {
		String answered = two.stream()
			.map((a) -> a.status() + " " + ((a.status() >= 400) ? a.problemCode() : a.json().get("status").asString()))
			.toList()
			.toString();
		assertThat(two).extracting(Response::status).as(answered).containsExactlyInAnyOrder(200, 409);
		int winner = (two.get(0).status() == 200) ? 0 : 1;
		Response won = two.get(winner);
		Response refused = two.get(1 - winner);
		assertThat(refused.problemCode()).isEqualTo("INVALID_STATUS");
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		String state = won.json().get("status").asString();
		assertThat(state).isIn("RECRUITING", "REJECTED");
		String decision = state.equals("RECRUITING") ? "APPROVE" : "REJECT";
		UUID activity = UUID.fromString(id);
		assertThat(this.jdbc.sql("SELECT status FROM activity WHERE id = :id")
			.param("id", activity)
			.query(String.class)
			.single()).isEqualTo(state);
		assertThat(this.jdbc.sql("SELECT decision, decided_by FROM activity_review WHERE activity_id = :id")
			.param("id", activity)
			.query((rs, n) -> rs.getString("decision") + " by " + rs.getObject("decided_by", UUID.class))
			.list()).containsExactly(decision + " by " + ((winner == 0) ? operators.here() : operators.above()).id());
		assertThat(this.jdbc.sql("SELECT detail FROM audit_event WHERE action = 'activity.review' AND object_id = :id")
			.param("id", id)
			.query(String.class)
			.list()).as("audited once").singleElement(InstanceOfAssertFactories.STRING).startsWith(decision);
		assertThat(this.jdbc.sql(
				"SELECT message_key FROM notification WHERE link = :link AND message_key LIKE 'notice.activity.review.%'")
			.param("link", "/activities/" + id)
			.query(String.class)
			.list()).as("the organizer told once")
			.containsExactly((decision.equals("APPROVE")) ? "notice.activity.review.approved"
					: "notice.activity.review.rejected");
	}

	/**
	 * An operator of the district, who has it ask for review of every activity, and one
	 * of its city.
	 */
	private Operators operators() {
		Person here = this.fixtures.anOperatorOf(DISTRICT);
		Response set = signedIn(here).send("PUT", "/api/v1/regions/" + DISTRICT + "/settings",
				Map.of("activityReview", "ALL"));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		return new Operators(here, this.fixtures.anOperatorOf("450300"));
	}

	/** Activities of a team of the district, each published and so waiting for review. */
	private List<String> waitingActivities() {
		Team team = this.fixtures.anActiveTeamIn(DISTRICT);
		Api admin = signedIn(team.admin());
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < ACTIVITIES; i++) {
			Map<String, Object> body = anActivity(team.id().toString(), 5);
			body.put("regionCode", DISTRICT + "001");
			Response created = admin.post("/api/v1/activities", body);
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			String id = created.json().get("id").asString();
			assertThat(admin.post("/api/v1/activities/" + id + "/publish", Map.of()).json().get("status").asString())
				.isEqualTo("PENDING_REVIEW");
			ids.add(id);
		}
		return ids;
	}

	private Call decide(Person operator, String id, String decision) {
		return Call.post(this.fixtures.tokenFor(operator), "/api/v1/activities/" + id + "/review",
				decision.equals("APPROVE") ? "{\"decision\":\"APPROVE\"}"
						: "{\"decision\":\"REJECT\",\"reason\":\"请补充安全保障措施\"}");
	}

	private Api signedIn(Person person) {
		return this.api.as(this.fixtures.tokenFor(person));
	}

	/** An operator of the activities' district and one of the city above it. */
	private record Operators(Person here, Person above) {

	}

}
