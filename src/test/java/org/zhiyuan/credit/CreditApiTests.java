package org.zhiyuan.credit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.ActivityFixtures;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Volunteer credit in 吐鲁番市: three services, a place taken at an activity that ended five
 * days ago with neither a check-in nor a record, and a sign-up cancelled on the eve of
 * the activity make 100 + 3 - 10 - 5; the volunteer reads each event and the formula on
 * their page; the operators of the region read it, another volunteer does not.
 */
class CreditApiTests extends ApiTestSupport {

	private static final String STREET = "650402001";

	@Autowired
	JdbcClient jdbc;

	@Test
	void servicesNoShowsAndLateCancellationsMakeTheScore() {
		Team team = this.fixtures.anActiveTeamIn(STREET);
		Person volunteer = this.fixtures.aVolunteerIn(STREET);
		Api admin = api(team.admin());
		Api mine = api(volunteer);
		for (int i = 0; i < 3; i++) {
			var finished = this.fixtures.aFinishedActivity(admin, team, volunteer, 2 + i);
			Response record = admin.post("/api/v1/records",
					Map.of("volunteerId", volunteer.volunteerId().toString(), "activityId", finished.id(), "startedAt",
							finished.startsAt().toString(), "endedAt", finished.startsAt().plusHours(2).toString(),
							"content", "助餐服务", "reason", "按签到表补录"));
			assertThat(record.status()).as(record.body()).isEqualTo(201);
		}
		String missed = recruiting(admin, team, 3);
		assertThat(
				mine.post("/api/v1/activities/" + missed + "/signups", Map.of("positionId", positionOf(admin, missed)))
					.status())
			.isEqualTo(201);
		OffsetDateTime ended = OffsetDateTime.now(ZoneOffset.UTC).minusDays(5);
		this.jdbc
			.sql("UPDATE activity SET starts_at = :s, ends_at = :e, signup_deadline = :s WHERE id = CAST(:id AS UUID)")
			.param("s", ended.minusHours(2))
			.param("e", ended)
			.param("id", missed)
			.update();
		String eve = recruiting(admin, team, 0);
		Response signup = mine.post("/api/v1/activities/" + eve + "/signups",
				Map.of("positionId", positionOf(admin, eve)));
		assertThat(signup.status()).as(signup.body()).isEqualTo(201);
		assertThat(
				mine.post("/api/v1/signups/" + signup.json().get("id").asString() + "/cancel", Map.of("reason", "临时有事"))
					.status())
			.isEqualTo(200);

		JsonNode credit = mine.get("/api/v1/volunteers/" + volunteer.volunteerId() + "/credit").json();
		assertThat(credit.get("services").asInt()).isEqualTo(3);
		assertThat(credit.get("noShows").asInt()).isEqualTo(1);
		assertThat(credit.get("lateCancellations").asInt()).isEqualTo(1);
		assertThat(credit.get("score").asInt()).isEqualTo(100 + 3 - 10 - 5);
		List<String> kinds = new ArrayList<>();
		credit.get("events").forEach((event) -> kinds.add(event.get("kind").asString()));
		assertThat(kinds).containsExactlyInAnyOrder("SERVICE", "SERVICE", "SERVICE", "NO_SHOW", "LATE_CANCELLATION");

		String path = "/api/v1/volunteers/" + volunteer.volunteerId() + "/credit";
		assertThat(api(this.fixtures.aVolunteerIn(STREET)).get(path).status()).isEqualTo(403);
		assertThat(api(this.fixtures.anOperatorOf("650400")).get(path).status()).isEqualTo(200);
		assertThat(api(this.fixtures.anOperatorOf("110105")).get(path).status()).isEqualTo(403);
		assertThat(new Api("http://localhost:" + this.port).get(path).status()).isEqualTo(401);

		Api pages = new Api("http://localhost:" + this.port);
		pages.submitForm("/login", "/login",
				Map.of("username", volunteer.username(), "password", volunteer.password()));
		String page = pages.get("/me/credit").body();
		assertThat(page).contains("id=\"credit-score\">88<")
			.contains("完成服务 3 次")
			.contains("爽约 1 次")
			.contains("临近开始取消 1 次");
		assertThat(pages.get("/me/credit?lang=en").body()).contains("1 no-shows").contains("Late cancellation");

		// a position that asks for 90 refuses the 88 and says so; one that asks for 88
		// takes them
		String strict = recruitingAsking(admin, team, 90);
		Response refused = mine.post("/api/v1/activities/" + strict + "/signups",
				Map.of("positionId", positionOf(admin, strict)));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.problemCode()).isEqualTo("REQUIREMENT_NOT_MET");
		assertThat(refused.json().get("detail").asString()).contains("90").contains("88");
		assertThat(
				admin.get("/api/v1/activities/" + strict).json().get("positions").get(0).get("minCreditScore").asInt())
			.isEqualTo(90);
		String fair = recruitingAsking(admin, team, 88);
		assertThat(mine.post("/api/v1/activities/" + fair + "/signups", Map.of("positionId", positionOf(admin, fair)))
			.status()).isEqualTo(201);
		Map<String, Object> tooHigh = ActivityFixtures.anActivity(team.id().toString(), 10);
		@SuppressWarnings("unchecked")
		Map<String, Object> position = new java.util.HashMap<>(
				((List<Map<String, Object>>) tooHigh.get("positions")).get(0));
		position.put("minCreditScore", 201);
		tooHigh.put("positions", List.of(position));
		Response invalid = admin.post("/api/v1/activities", tooHigh);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.body()).contains("positions[0].minCreditScore");
	}

	/** A recruiting activity in three days whose position asks for a credit score. */
	@SuppressWarnings("unchecked")
	private String recruitingAsking(Api admin, Team team, int score) {
		Map<String, Object> body = ActivityFixtures.startingIn(ActivityFixtures.anActivity(team.id().toString(), 10), 3,
				2);
		Map<String, Object> position = new java.util.HashMap<>(
				((List<Map<String, Object>>) body.get("positions")).get(0));
		position.put("minCreditScore", score);
		body.put("positions", List.of(position));
		Response created = admin.post("/api/v1/activities", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(admin.post("/api/v1/activities/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		return id;
	}

	/**
	 * A recruiting activity of the team that starts in the given days (0: in five hours).
	 */
	private String recruiting(Api admin, Team team, int days) {
		Map<String, Object> body = ActivityFixtures.anActivity(team.id().toString(), 10);
		OffsetDateTime start = (days > 0) ? OffsetDateTime.now(ZoneOffset.UTC).plusDays(days).withNano(0)
				: OffsetDateTime.now(ZoneOffset.UTC).plusHours(5).withNano(0);
		body.put("startsAt", start.toString());
		body.put("endsAt", start.plusHours(2).toString());
		body.put("signupDeadline", start.minusHours(1).toString());
		Response created = admin.post("/api/v1/activities", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(admin.post("/api/v1/activities/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		return id;
	}

	private String positionOf(Api admin, String activityId) {
		return admin.get("/api/v1/activities/" + activityId).json().get("positions").get(0).get("id").asString();
	}

	private Api api(Person person) {
		return new Api("http://localhost:" + this.port).as(this.fixtures.tokenFor(person));
	}

}
