package org.zhiyuan.activity;

import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.ActivityFixtures;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 补录: an activity that took place offline in the last ten working days is registered with
 * its records and waits for its region's operators; confirming it confirms its records
 * with it, so that their hours count once; rejecting it voids them. Older history only an
 * operator of the region enters.
 */
class ActivityBackfillApiTests extends ApiTestSupport {

	private static final String REGION = "110105";

	@Test
	void aConfirmedBackfillCountsItsRecordsOnce() {
		Team team = this.fixtures.anActiveTeamIn(REGION);
		Person operator = this.fixtures.anOperatorOf(REGION);
		Api admin = signedIn(team.admin());
		JsonNode activity = registerPast(admin, team, -3).json();
		assertThat(activity.get("status").asString()).isEqualTo("PENDING_REVIEW");
		String id = activity.get("id").asString();
		OffsetDateTime start = OffsetDateTime.parse(activity.get("startsAt").asString());

		Person first = this.fixtures.aVolunteer();
		Person second = this.fixtures.aVolunteer();
		JsonNode held = record(admin, first, id, start).json();
		assertThat(held.get("review").asString()).as(held.toString()).isEqualTo("HELD");
		assertThat(record(admin, second, id, start).status()).isEqualTo(201);
		assertThat(this.fixtures.totalHoursOf(first)).as("nothing counts before confirmation").isZero();
		assertThat(signedIn(operator)
			.post("/api/v1/records/" + held.get("id").asString() + "/resolution",
					Map.of("outcome", "COUNT", "note", "核实"))
			.problemCode()).as("decided with the activity, not alone").isEqualTo("BACKFILL_PENDING");

		JsonNode waiting = signedIn(operator).get("/api/v1/activity-reviews?regionCode=" + REGION + "&size=200").json();
		JsonNode item = find(waiting, id);
		assertThat(item.get("backfill").asBoolean()).isTrue();

		Response confirmed = signedIn(operator).post("/api/v1/activities/" + id + "/review",
				Map.of("decision", "APPROVE", "reason", "已核对签到表"));
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		assertThat(confirmed.json().get("status").asString()).isEqualTo("FINISHED");
		assertThat(this.fixtures.totalHoursOf(first)).isEqualByComparingTo("2.00");
		assertThat(this.fixtures.totalHoursOf(second)).isEqualByComparingTo("2.00");
		assertThat(
				signedIn(first).get("/api/v1/volunteers/me/records").json().get("items").findValuesAsString("review"))
			.containsExactly("CONFIRMED");

		assertThat(signedIn(operator).post("/api/v1/activities/" + id + "/review", Map.of("decision", "APPROVE"))
			.problemCode()).isEqualTo("INVALID_STATUS");
		assertThat(record(admin, first, id, start).problemCode()).as("the same time again would count twice")
			.isEqualTo("RECORD_OVERLAP");
		assertThat(this.fixtures.totalHoursOf(first)).as("counted once").isEqualByComparingTo("2.00");
		assertThat(this.fixtures.recordCountOf(first)).isEqualTo(1);
		assertThat(signedIn(team.admin()).get("/api/v1/notifications")
			.json()
			.get("items")
			.findValuesAsString("messageKey")).contains("notice.activity.backfill.approved");
	}

	@Test
	void aRejectedBackfillVoidsItsRecordsWithTheReason() {
		Team team = this.fixtures.anActiveTeamIn(REGION);
		Person operator = this.fixtures.anOperatorOf(REGION);
		Api admin = signedIn(team.admin());
		JsonNode activity = registerPast(admin, team, -2).json();
		String id = activity.get("id").asString();
		Person volunteer = this.fixtures.aVolunteer();
		record(admin, volunteer, id, OffsetDateTime.parse(activity.get("startsAt").asString()));

		Response rejected = signedIn(operator).post("/api/v1/activities/" + id + "/review",
				Map.of("decision", "REJECT", "reason", "签到表与照片对不上"));
		assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
		assertThat(signedIn(volunteer).get("/api/v1/volunteers/me/records")
			.json()
			.get("items")
			.findValuesAsString("review")).containsExactly("VOIDED");
		assertThat(this.fixtures.totalHoursOf(volunteer)).isZero();
		assertThat(admin.post("/api/v1/activities/" + id + "/publish", Map.of()).status())
			.as("a past activity never recruits")
			.isIn(409, 422);
	}

	@Test
	void organizersBackfillTenWorkingDaysOnlyOperatorsEnterOlderHistory() {
		Team team = this.fixtures.anActiveTeamIn(REGION);
		Response tooOld = registerPast(signedIn(team.admin()), team, -20);
		assertThat(tooOld.status()).isEqualTo(400);
		assertThat(tooOld.json().get("errors").findValuesAsString("field")).containsExactly("activity.startsAt");
		assertThat(tooOld.json().get("errors").get(0).get("message").asString()).contains("10");

		Response historical = registerPast(signedIn(this.fixtures.anOperatorOf(REGION)), team, -60);
		assertThat(historical.status()).as(historical.body()).isEqualTo(201);
		assertThat(historical.json().get("status").asString()).as("its confirmer entered it").isEqualTo("FINISHED");
		assertThat(registerPast(signedIn(this.fixtures.anOperatorOf("310101")), team, -5).status()).isEqualTo(403);
	}

	private Response registerPast(Api caller, Team team, int days) {
		Map<String, Object> body = ActivityFixtures.startingIn(ActivityFixtures.anActivity(team.id().toString(), 20),
				days, 2);
		return caller.post("/api/v1/activities/past", Map.of("activity", body, "reason", "线下开展，活动后补录"));
	}

	private Response record(Api admin, Person volunteer, String activityId, OffsetDateTime start) {
		return admin.post("/api/v1/records",
				Map.of("volunteerId", volunteer.volunteerId().toString(), "activityId", activityId, "startedAt",
						start.toString(), "endedAt", start.plusHours(2).toString(), "reason", "按纸质签到表补录"));
	}

	private static JsonNode find(JsonNode page, String activityId) {
		for (JsonNode item : page.get("items")) {
			if (item.get("activity").get("id").asString().equals(activityId)) {
				return item;
			}
		}
		throw new AssertionError("not waiting: " + activityId);
	}

	private Api signedIn(Person person) {
		return this.api.as(this.fixtures.tokenFor(person));
	}

}
