package org.zhiyuan.evaluation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.organization.MemberRole;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Finished;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evaluations in 沈阳市 (2101xx), one district a test: an admin of the record's organization
 * rates the volunteer (once per record, a repeat changes it), the record's volunteer
 * rates the activity, nobody else may; every bad field is named at once; the 30 days
 * after the record close both; a record that does not count cannot be rated; and the
 * activity's summary shows counts, average, distribution and comments but no one's name
 * or id, to the public and the organization alike.
 */
class EvaluationApiTests extends ApiTestSupport {

	@Autowired
	Organizations organizations;

	@Autowired
	JdbcClient jdbc;

	private Api api(Person person) {
		return new Api("http://localhost:" + this.port).as(this.fixtures.tokenFor(person));
	}

	private void joins(Team team, Person volunteer) {
		this.organizations.addMember(this.fixtures.actorOf(team.admin()), team.id(), volunteer.volunteerId(),
				MemberRole.MEMBER);
		this.organizations.acceptInvitation(this.fixtures.actorOf(volunteer), team.id());
	}

	/** The team's admin records the volunteer's two hours at the finished activity. */
	private String served(Team team, Person volunteer, Finished activity) {
		Response recorded = api(team.admin()).post("/api/v1/records",
				Map.of("volunteerId", volunteer.volunteerId().toString(), "activityId", activity.id(), "startedAt",
						activity.startsAt().toString(), "endedAt", activity.startsAt().plusHours(2).toString(),
						"reason", "按签到表补录"));
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		return recorded.json().get("id").asString();
	}

	private static Map<String, Object> rating(Object stars, String comment) {
		Map<String, Object> body = new HashMap<>();
		body.put("stars", stars);
		if (comment != null) {
			body.put("comment", comment);
		}
		return body;
	}

	@Test
	void theOrganizationRatesTheVolunteerAndTheVolunteerTheActivityOncePerRecord() {
		String district = "210102";
		Team team = this.fixtures.anActiveTeamIn(district + "001");
		Team otherTeam = this.fixtures.anActiveTeamIn(district + "002");
		Person volunteer = this.fixtures.aVolunteerIn(district + "001");
		joins(team, volunteer);
		Person stranger = this.fixtures.aVolunteerIn(district + "001");
		Person operator = this.fixtures.anOperatorOf(district);
		Finished activity = this.fixtures.aFinishedActivity(this.api, team, volunteer, 3);
		String record = served(team, volunteer, activity);
		String evaluation = "/api/v1/records/" + record + "/evaluation";
		String activityRating = "/api/v1/records/" + record + "/activity-rating";

		Response rated = api(team.admin()).send("PUT", evaluation, rating(4, "  认真负责，耐心陪伴老人  "));
		assertThat(rated.status()).as(rated.body()).isEqualTo(200);
		assertThat(rated.json().get("stars").asInt()).isEqualTo(4);
		assertThat(rated.json().get("comment").asString()).isEqualTo("认真负责，耐心陪伴老人");
		assertThat(rated.json().get("volunteerId").asString()).isEqualTo(volunteer.volunteerId().toString());
		assertThat(rated.json().has("changeableUntil")).isTrue();
		Response changed = api(team.admin()).send("PUT", evaluation, rating(5, null));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("stars").asInt()).isEqualTo(5);
		assertThat(changed.json().get("comment").isNull()).as("a repeat replaces the comment too").isTrue();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM volunteer_evaluation WHERE record_id = :id")
			.param("id", UUID.fromString(record))
			.query(Long.class)
			.single()).as("one evaluation per record").isEqualTo(1);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'evaluation.rate' AND object_id = :id"
					+ " AND outcome = 'SUCCESS'")
			.param("id", record)
			.query(Long.class)
			.single()).as("each evaluation audited").isEqualTo(2);

		for (Person refused : new Person[] { otherTeam.admin(), volunteer, stranger, operator }) {
			assertThat(api(refused).send("PUT", evaluation, rating(1, "不该由我评价")).status()).isEqualTo(403);
		}
		assertThat(this.api.send("PUT", evaluation, rating(1, null)).status()).isEqualTo(401);
		assertThat(api(team.admin()).send("PUT", activityRating, rating(5, null)).status())
			.as("the organization does not rate its own activity")
			.isEqualTo(403);
		assertThat(api(stranger).send("PUT", activityRating, rating(5, null)).status()).isEqualTo(403);

		Response liked = api(volunteer).send("PUT", activityRating, rating(5, " 组织有序，收获很多 "));
		assertThat(liked.status()).as(liked.body()).isEqualTo(200);
		assertThat(liked.json().get("comment").asString()).isEqualTo("组织有序，收获很多");
		Response again = api(volunteer).send("PUT", activityRating, rating(3, "时间安排可以更好"));
		assertThat(again.json().get("stars").asInt()).isEqualTo(3);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM activity_rating WHERE record_id = :id")
			.param("id", UUID.fromString(record))
			.query(Long.class)
			.single()).isEqualTo(1);

		JsonNode mine = api(volunteer).get("/api/v1/me/evaluations").json();
		assertThat(mine.get("total").asLong()).isEqualTo(1);
		assertThat(mine.get("items").get(0).get("stars").asInt()).isEqualTo(5);
		assertThat(mine.get("items").get(0).get("activityTitle").asString()).isEqualTo(activity.title());
		assertThat(api(stranger).get("/api/v1/me/evaluations").json().get("total").asLong()).isZero();
		assertThat(this.jdbc.sql(
				"SELECT COUNT(*) FROM notification WHERE account_id = :account AND message_key = 'notice.evaluation.rated'")
			.param("account", volunteer.id())
			.query(Long.class)
			.single()).as("told once, at the first evaluation").isEqualTo(1);
	}

	@Test
	void badInputIsNamedFieldByFieldAndUnknownRecordsAreNotFound() {
		String district = "210103";
		Team team = this.fixtures.anActiveTeamIn(district + "005");
		Person volunteer = this.fixtures.aVolunteerIn(district + "005");
		Finished activity = this.fixtures.aFinishedActivity(this.api, team, volunteer, 2);
		String record = served(team, volunteer, activity);

		Response bad = api(team.admin()).send("PUT", "/api/v1/records/" + record + "/evaluation",
				rating(6, "评".repeat(201)));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("stars", "comment");
		Response none = api(volunteer).send("PUT", "/api/v1/records/" + record + "/activity-rating", Map.of());
		assertThat(none.status()).isEqualTo(400);
		assertThat(none.json().get("errors").findValuesAsString("field")).containsExactly("stars");
		Response zero = api(volunteer).send("PUT", "/api/v1/records/" + record + "/activity-rating", rating(0, "   "));
		assertThat(zero.json().get("errors").findValuesAsString("field")).containsExactly("stars");
		// 200 characters after stripping are enough
		assertThat(api(volunteer)
			.send("PUT", "/api/v1/records/" + record + "/activity-rating", rating(2, "  " + "好".repeat(200) + "  "))
			.status()).isEqualTo(200);

		Response unknown = api(team.admin()).send("PUT", "/api/v1/records/" + UUID.randomUUID() + "/evaluation",
				rating(3, null));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.problemCode()).isEqualTo("RECORD_NOT_FOUND");
		assertThat(this.api.get("/api/v1/activities/" + UUID.randomUUID() + "/ratings").problemCode())
			.isEqualTo("ACTIVITY_NOT_FOUND");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM volunteer_evaluation WHERE record_id = :id")
			.param("id", UUID.fromString(record))
			.query(Long.class)
			.single()).as("nothing saved from a refused request").isZero();
	}

	@Test
	void ratingsCloseThirtyDaysAfterTheRecordAndNeedACountedRecord() {
		String district = "210104";
		String street = district + "002";
		Team team = this.fixtures.anActiveTeamIn(street);
		Person volunteer = this.fixtures.aVolunteerIn(street);
		Finished activity = this.fixtures.aFinishedActivity(this.api, team, volunteer, 2);
		String record = served(team, volunteer, activity);
		assertThat(api(team.admin()).send("PUT", "/api/v1/records/" + record + "/evaluation", rating(4, null)).status())
			.isEqualTo(200);

		recordedDaysAgo(record, 29);
		assertThat(
				api(volunteer).send("PUT", "/api/v1/records/" + record + "/activity-rating", rating(4, null)).status())
			.as("still within the window")
			.isEqualTo(200);
		recordedDaysAgo(record, 31);
		Response late = api(team.admin()).send("PUT", "/api/v1/records/" + record + "/evaluation", rating(2, null));
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.problemCode()).isEqualTo("EVALUATION_CLOSED");
		Response lateRating = api(volunteer).send("PUT", "/api/v1/records/" + record + "/activity-rating",
				rating(1, null));
		assertThat(lateRating.problemCode()).isEqualTo("EVALUATION_CLOSED");
		assertThat(api(volunteer).get("/api/v1/me/evaluations").json().get("items").get(0).get("stars").asInt())
			.as("the evaluation stays as it was")
			.isEqualTo(4);

		Finished another = this.fixtures.aFinishedActivity(this.api, team, volunteer, 4);
		String voided = served(team, volunteer, another);
		this.jdbc.sql("UPDATE service_record SET review = 'VOIDED' WHERE id = :id")
			.param("id", UUID.fromString(voided))
			.update();
		Response notCounted = api(team.admin()).send("PUT", "/api/v1/records/" + voided + "/evaluation",
				rating(3, null));
		assertThat(notCounted.status()).isEqualTo(409);
		assertThat(notCounted.problemCode()).isEqualTo("RECORD_NOT_COUNTED");
	}

	@Test
	void theActivitysSummaryNamesNoOneToThePublicOrTheOrganization() {
		String district = "210105";
		String street = district + "001";
		Team team = this.fixtures.anActiveTeamIn(street);
		Person first = this.fixtures.aVolunteerIn(street);
		Person second = this.fixtures.aVolunteerIn(street);
		Person third = this.fixtures.aVolunteerIn(street);
		Finished activity = this.fixtures.aFinishedActivity(this.api, team, null, 2);
		String one = served(team, first, activity);
		String two = served(team, second, activity);
		served(team, third, activity);
		String summaryPath = "/api/v1/activities/" + activity.id() + "/ratings";
		JsonNode empty = this.api.get(summaryPath).json();
		assertThat(empty.get("count").asLong()).isZero();
		assertThat(empty.get("average").isNull()).isTrue();

		api(first).send("PUT", "/api/v1/records/" + one + "/activity-rating", rating(4, "老人们很开心"));
		api(second).send("PUT", "/api/v1/records/" + two + "/activity-rating", rating(1, null));

		Response summary = this.api.get(summaryPath);
		assertThat(summary.status()).isEqualTo(200);
		JsonNode json = summary.json();
		assertThat(json.get("count").asLong()).isEqualTo(2);
		assertThat(new java.math.BigDecimal(json.get("average").asString())).isEqualByComparingTo("2.5");
		assertThat(json.get("distribution").toString()).isEqualTo("[1,0,0,1,0]");
		assertThat(json.get("recentComments")).hasSize(1);
		assertThat(json.get("recentComments").get(0).get("comment").asString()).isEqualTo("老人们很开心");
		assertThat(json.get("recentComments").get(0).get("stars").asInt()).isEqualTo(4);
		assertThat(summary.body()).doesNotContain(first.volunteerId().toString(), second.volunteerId().toString(),
				first.id().toString(), one, two, "测试志愿者", "volunteer");
		Response seenByStaff = api(team.admin()).get(summaryPath);
		assertThat(seenByStaff.json()).as("the organization sees the same anonymous summary").isEqualTo(json);
	}

	private void recordedDaysAgo(String record, int days) {
		this.jdbc.sql("UPDATE service_record SET recorded_at = :at WHERE id = :id")
			.param("at", OffsetDateTime.now(ZoneOffset.UTC).minusDays(days))
			.param("id", UUID.fromString(record))
			.update();
	}

}
