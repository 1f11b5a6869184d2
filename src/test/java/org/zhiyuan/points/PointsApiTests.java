package org.zhiyuan.points;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.RecruitmentMode;
import org.zhiyuan.record.RecordAmendments;
import org.zhiyuan.record.ServiceRecordView;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Points and rewards in 乌鲁木齐市水磨沟区: points issued by the district's rules (more for
 * emergency service), corrected by amendments, spent oldest lot first on a reward whose
 * code the merchant checks once; repeats, limits, short points, sold-out and withdrawn
 * rewards refused; 200 volunteers at once for 20 items get exactly 20; expired points
 * neither counted nor spent; who may read and set what.
 */
class PointsApiTests extends ApiTestSupport {

	private static final String PROVINCE = "650000";

	private static final String DISTRICT = "650105";

	private static final String STREET = "650105001";

	private static final String OTHER_STREET = "650104001";

	@Autowired
	Activities activities;

	@Autowired
	ServiceRecords records;

	@Autowired
	RecordAmendments amendments;

	@Autowired
	PointLedger ledger;

	@Autowired
	PointExpiry expiry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	private PointsScene scene() {
		return new PointsScene(this.fixtures, this.activities, this.ledger, new TransactionTemplate(this.transactions),
				PROVINCE);
	}

	private Api api(Person person) {
		return new Api("http://localhost:" + this.port).as(this.fixtures.tokenFor(person));
	}

	private JsonNode points(Person person) {
		Response response = api(person).get("/api/v1/volunteers/" + person.volunteerId() + "/points");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	@Test
	void serviceEarnsPointsByTheDistrictsRulesAndAmendmentsCorrectThem() {
		PointsScene scene = scene();
		Api operator = api(this.fixtures.anOperatorOf(DISTRICT));
		Response rules = operator.send("PUT", "/api/v1/point-rules/" + DISTRICT,
				Map.of("perHour", 10, "hardPerHour", 15, "emergencyPerHour", 30, "validMonths", 12));
		assertThat(rules.status()).as(rules.body()).isEqualTo(200);
		assertThat(rules.json().get("own").asBoolean()).isTrue();
		Response inherited = this.api.get("/api/v1/point-rules/" + STREET);
		assertThat(inherited.json().get("perHour").asInt()).isEqualTo(10);
		assertThat(inherited.json().get("from").asString()).isEqualTo(DISTRICT);

		Team team = this.fixtures.anActiveTeamIn(STREET);
		Person volunteer = this.fixtures.aVolunteerIn(STREET);
		ActivityView regular = scene.activity(team, STREET, RecruitmentMode.REGULAR, 5);
		ServiceRecordView record = scene.serve(team, volunteer, regular, 120);
		assertThat(points(volunteer).get("balance").asInt()).isEqualTo(20);
		scene.amend(team, volunteer, record, "3.5");
		JsonNode after = points(volunteer);
		assertThat(after.get("balance").asInt()).isEqualTo(35);
		assertThat(after.get("lots")).hasSize(2);
		OffsetDateTime expires = OffsetDateTime.parse(after.get("nextExpiry").asString());
		assertThat(expires).isBetween(OffsetDateTime.now(ZoneOffset.UTC).plusMonths(12).minusDays(1),
				OffsetDateTime.now(ZoneOffset.UTC).plusMonths(12).plusDays(1));
		scene.amend(team, volunteer, record, "1");
		assertThat(points(volunteer).get("balance").asInt()).isEqualTo(10);

		ActivityView emergency = scene.activity(team, STREET, RecruitmentMode.EMERGENCY, 4);
		scene.serve(team, volunteer, emergency, 60);
		assertThat(points(volunteer).get("balance").asInt()).isEqualTo(40);

		JsonNode entries = api(volunteer).get("/api/v1/volunteers/" + volunteer.volunteerId() + "/points/entries")
			.json();
		List<String> kinds = new ArrayList<>();
		entries.get("items").forEach((e) -> kinds.add(e.get("kind").asString()));
		assertThat(kinds).containsExactlyInAnyOrder("ISSUE", "ISSUE", "CORRECTION", "CORRECTION", "ISSUE");
		int sum = 0;
		for (JsonNode e : entries.get("items")) {
			sum += e.get("points").asInt();
		}
		assertThat(sum).isEqualTo(40);

		// rules back to the defaults above
		assertThat(operator.send("DELETE", "/api/v1/point-rules/" + DISTRICT).json().get("perHour").asInt())
			.isEqualTo(PointRules.PER_HOUR);
	}

	@Test
	void aRewardIsRedeemedOnceCheckedOnceAndCancelledWithItsPointsBack() {
		PointsScene scene = scene();
		Api operator = api(this.fixtures.anOperatorOf(DISTRICT));
		JsonNode offered = PointsScene.offer(operator, DISTRICT, "社区咖啡一杯", 25, 2, null, "水磨沟咖啡馆");
		String rewardId = offered.get("reward").get("id").asString();
		String key = offered.get("checkKey").asString();
		assertThat(offered.get("checkPath").asString()).isEqualTo("/rewards/" + rewardId + "/check/" + key);

		Person volunteer = this.fixtures.aVolunteerIn(STREET);
		scene.grant(volunteer.volunteerId(), STREET, 20, 6);
		scene.grant(volunteer.volunteerId(), STREET, 20, 24);
		Api mine = api(volunteer);
		Map<String, String> first = Map.of("Idempotency-Key", "coffee-1");
		Response redeemed = mine.postWithHeaders("/api/v1/rewards/" + rewardId + "/redemptions", "", first);
		assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(201);
		String code = redeemed.json().get("code").asString();
		assertThat(code).hasSize(10);
		Response repeat = mine.postWithHeaders("/api/v1/rewards/" + rewardId + "/redemptions", "", first);
		assertThat(repeat.status()).isEqualTo(201);
		assertThat(repeat.json().get("id").asString()).isEqualTo(redeemed.json().get("id").asString());
		JsonNode left = points(volunteer);
		assertThat(left.get("balance").asInt()).isEqualTo(15);
		// the lot that expires first paid first: 20 from it, 5 from the later one
		assertThat(left.get("lots")).hasSize(1);
		assertThat(left.get("lots").get(0).get("remaining").asInt()).isEqualTo(15);

		Response again = mine.post("/api/v1/rewards/" + rewardId + "/redemptions", "");
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.json().get("code").asString()).isEqualTo("LIMIT_REACHED");
		Person poor = this.fixtures.aVolunteerIn(STREET);
		Response short_ = api(poor).post("/api/v1/rewards/" + rewardId + "/redemptions", "");
		assertThat(short_.json().get("code").asString()).isEqualTo("INSUFFICIENT_POINTS");
		Person elsewhere = this.fixtures.aVolunteerIn(OTHER_STREET);
		scene.grant(elsewhere.volunteerId(), OTHER_STREET, 100, 12);
		assertThat(
				api(elsewhere).post("/api/v1/rewards/" + rewardId + "/redemptions", "").json().get("code").asString())
			.isEqualTo("OUTSIDE_REGION");

		// the merchant checks: a wrong key finds nothing; the right key shows it, then
		// uses it once
		Response wrongKey = this.api.post("/api/v1/redemption-checks", Map.of("code", code, "key", "nope"));
		assertThat(wrongKey.status()).isEqualTo(404);
		String typed = code.substring(0, 5).toLowerCase() + "-" + code.substring(5);
		Response look = this.api.post("/api/v1/redemption-checks", Map.of("code", typed, "key", key));
		assertThat(look.status()).as(look.body()).isEqualTo(200);
		assertThat(look.json().get("status").asString()).isEqualTo("ISSUED");
		assertThat(look.json().get("holder").asString()).contains("*");
		Response use = this.api.post("/api/v1/redemption-checks", Map.of("code", code, "key", key, "use", true));
		assertThat(use.json().get("status").asString()).isEqualTo("USED");
		assertThat(use.json().get("usedNow").asBoolean()).isTrue();
		assertThat(this.api.post("/api/v1/redemption-checks", Map.of("code", code, "key", key, "use", true)).status())
			.isEqualTo(409);
		String usedId = redeemed.json().get("id").asString();
		assertThat(mine.post("/api/v1/redemptions/" + usedId + "/cancellation", "").status()).isEqualTo(409);

		// a second reward, redeemed and cancelled: points back into their lot, the item
		// back in stock
		JsonNode tea = PointsScene.offer(operator, DISTRICT, "茶饮券", 10, 1, null, null);
		String teaId = tea.get("reward").get("id").asString();
		Response teaRedeemed = mine.post("/api/v1/rewards/" + teaId + "/redemptions", "");
		assertThat(teaRedeemed.status()).isEqualTo(201);
		assertThat(api(poor).post("/api/v1/rewards/" + teaId + "/redemptions", "").json().get("code").asString())
			.isEqualTo("INSUFFICIENT_POINTS");
		scene.grant(poor.volunteerId(), STREET, 50, 12);
		assertThat(api(poor).post("/api/v1/rewards/" + teaId + "/redemptions", "").json().get("code").asString())
			.isEqualTo("OUT_OF_STOCK");
		Response cancelled = mine
			.post("/api/v1/redemptions/" + teaRedeemed.json().get("id").asString() + "/cancellation", "");
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(points(volunteer).get("balance").asInt()).isEqualTo(15);
		assertThat(this.api.get("/api/v1/rewards/" + teaId).json().get("stock").asInt()).isEqualTo(1);
		assertThat(api(poor).post("/api/v1/rewards/" + teaId + "/redemptions", "").status()).isEqualTo(201);

		// withdrawn: gone from the catalogue, not redeemable, its codes still good
		assertThat(operator.post("/api/v1/rewards/" + rewardId + "/withdrawal", "").status()).isEqualTo(200);
		assertThat(operator.post("/api/v1/rewards/" + rewardId + "/withdrawal", "").status()).isEqualTo(409);
		JsonNode catalogue = this.api.get("/api/v1/rewards?regionCode=" + STREET + "&size=200").json();
		List<String> ids = new ArrayList<>();
		catalogue.get("items").forEach((r) -> ids.add(r.get("id").asString()));
		assertThat(ids).doesNotContain(rewardId);
		assertThat(api(poor).post("/api/v1/rewards/" + rewardId + "/redemptions", "").json().get("code").asString())
			.isEqualTo("OUT_OF_STOCK");
		JsonNode mineList = mine.get("/api/v1/me/redemptions").json();
		assertThat(mineList.get("total").asInt()).isEqualTo(2);

		// a new key: the old one stops working
		String newKey = operator.post("/api/v1/rewards/" + teaId + "/check-key", "").json().get("checkKey").asString();
		String teaCode = api(poor).get("/api/v1/me/redemptions").json().get("items").get(0).get("code").asString();
		assertThat(this.api.post("/api/v1/redemption-checks", Map.of("code", teaCode, "key", tea.get("checkKey")))
			.status()).isEqualTo(404);
		assertThat(this.api.post("/api/v1/redemption-checks", Map.of("code", teaCode, "key", newKey)).status())
			.isEqualTo(200);
	}

	@Test
	void twoHundredVolunteersAtOnceForTwentyItemsGetExactlyTwenty() throws Exception {
		PointsScene scene = scene();
		Api operator = api(this.fixtures.anOperatorOf(DISTRICT));
		String rewardId = PointsScene.offer(operator, DISTRICT, "公园年票", 50, 20, null, "水磨沟公园")
			.get("reward")
			.get("id")
			.asString();
		List<Person> crowd = this.fixtures.manyVolunteersIn(STREET, 200);
		List<String> tokens = new ArrayList<>();
		for (Person person : crowd) {
			scene.grant(person.volunteerId(), STREET, 60, 12);
			tokens.add(this.fixtures.tokenFor(person));
		}
		ExecutorService pool = Executors.newFixedThreadPool(32);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (String token : tokens) {
				calls.add(() -> new Api("http://localhost:" + this.port).as(token)
					.post("/api/v1/rewards/" + rewardId + "/redemptions", "")
					.status());
			}
			int created = 0;
			int refused = 0;
			for (Future<Integer> future : pool.invokeAll(calls)) {
				int status = future.get();
				if (status == 201) {
					created++;
				}
				else if (status == 422) {
					refused++;
				}
			}
			assertThat(created).isEqualTo(20);
			assertThat(refused).isEqualTo(180);
		}
		finally {
			pool.shutdownNow();
		}
		JsonNode reward = this.api.get("/api/v1/rewards/" + rewardId).json();
		assertThat(reward.get("stock").asInt()).isZero();
		assertThat(reward.get("redeemed").asInt()).isEqualTo(20);
		Long spent = this.jdbc
			.sql("SELECT -SUM(e.points) FROM point_entry e JOIN reward_redemption d ON d.volunteer_id = e.volunteer_id"
					+ " AND d.id = e.redemption_id WHERE" + " d.reward_id = :reward AND e.kind = 'SPEND'")
			.param("reward", java.util.UUID.fromString(rewardId))
			.query(Long.class)
			.single();
		assertThat(spent).isEqualTo(1000L);
	}

	@Test
	void expiredPointsAreNeitherCountedNorSpentAndAreWrittenOff() {
		PointsScene scene = scene();
		Person volunteer = this.fixtures.aVolunteerIn(STREET);
		scene.grant(volunteer.volunteerId(), STREET, 30, 12);
		scene.grant(volunteer.volunteerId(), STREET, 5, 24);
		this.jdbc.sql("UPDATE point_lot SET expires_at = :past WHERE volunteer_id = :volunteer AND points = 30")
			.param("past", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1))
			.param("volunteer", volunteer.volunteerId())
			.update();
		assertThat(points(volunteer).get("balance").asInt()).isEqualTo(5);
		Api operator = api(this.fixtures.anOperatorOf(DISTRICT));
		String rewardId = PointsScene.offer(operator, DISTRICT, "图书馆文创", 20, 5, null, null)
			.get("reward")
			.get("id")
			.asString();
		assertThat(
				api(volunteer).post("/api/v1/rewards/" + rewardId + "/redemptions", "").json().get("code").asString())
			.isEqualTo("INSUFFICIENT_POINTS");
		assertThat(this.expiry.run()).isGreaterThanOrEqualTo(30);
		JsonNode entries = api(volunteer).get("/api/v1/volunteers/" + volunteer.volunteerId() + "/points/entries")
			.json();
		assertThat(entries.get("items").get(0).get("kind").asString()).isEqualTo("EXPIRY");
		assertThat(entries.get("items").get(0).get("points").asInt()).isEqualTo(-30);
		assertThat(points(volunteer).get("balance").asInt()).isEqualTo(5);
	}

	@Test
	void pointsAreTheVolunteersAndTheirRegionsOperatorsAndRulesAndRewardsTheOperators() {
		Person volunteer = this.fixtures.aVolunteerIn(STREET);
		Person other = this.fixtures.aVolunteerIn(STREET);
		String path = "/api/v1/volunteers/" + volunteer.volunteerId() + "/points";
		assertThat(api(other).get(path).status()).isEqualTo(403);
		assertThat(api(this.fixtures.anOperatorOf(DISTRICT)).get(path).status()).isEqualTo(200);
		assertThat(api(this.fixtures.anOperatorOf("650104")).get(path).status()).isEqualTo(403);
		assertThat(this.api.get(path).status()).isEqualTo(401);

		Map<String, Object> rule = Map.of("perHour", 10, "hardPerHour", 15, "emergencyPerHour", 20, "validMonths", 36);
		assertThat(api(volunteer).send("PUT", "/api/v1/point-rules/" + DISTRICT, rule).status()).isEqualTo(403);
		assertThat(
				api(this.fixtures.anOperatorOf("650104")).send("PUT", "/api/v1/point-rules/" + DISTRICT, rule).status())
			.isEqualTo(403);
		Response bad = api(this.fixtures.anOperatorOf(DISTRICT)).send("PUT", "/api/v1/point-rules/" + DISTRICT,
				Map.of("perHour", -1, "hardPerHour", 5000, "validMonths", 0));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("perHour", "hardPerHour", "emergencyPerHour", "validMonths");
		assertThat(this.api.get("/api/v1/point-rules/999999").status()).isEqualTo(404);

		Map<String, Object> reward = Map.of("regionCode", DISTRICT, "title", "体检套餐", "price", 100, "stock", 3);
		assertThat(api(volunteer).post("/api/v1/rewards", reward).status()).isEqualTo(403);
		Response invalid = api(this.fixtures.anOperatorOf(DISTRICT)).post("/api/v1/rewards", Map.of("regionCode",
				DISTRICT, "title", "", "price", 0, "stock", -1, "perPerson", 0, "availableUntil", "2020-01-01"));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.body()).contains("title", "price", "stock", "perPerson", "availableUntil");
		assertThat(api(this.fixtures.anOperatorOf(DISTRICT)).get("/api/v1/regions/" + DISTRICT + "/rewards").status())
			.isEqualTo(200);
		assertThat(api(volunteer).get("/api/v1/regions/" + DISTRICT + "/rewards").status()).isEqualTo(403);
	}

}
