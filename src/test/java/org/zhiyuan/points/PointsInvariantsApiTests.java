package org.zhiyuan.points;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.RecruitmentMode;
import org.zhiyuan.record.RecordAmendments;
import org.zhiyuan.record.RecordReview;
import org.zhiyuan.record.ServiceRecordView;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of random services, amendments, redemptions, cancellations, merchant checks
 * and expiries in 头屯河区 keep every invariant of points and rewards: each lot holds the sum
 * of its entries, between zero and what it was issued with; the points issued, less what
 * was taken back and what is owed, equal the counted hours times the rate, rounded down,
 * record by record; each redemption spent its price (or had it all refunded); no stock
 * goes below zero, and stock and redeemed items add up to what was offered.
 */
class PointsInvariantsApiTests extends ApiTestSupport {

	private static final String PROVINCE = "650000";

	private static final String DISTRICT = "650106";

	private static final String STREET = "650106001";

	private static final List<String> COUNTED = Arrays.stream(RecordReview.values())
		.filter(RecordReview::counts)
		.map(Enum::name)
		.toList();

	@Autowired
	Activities activities;

	@Autowired
	ServiceRecords records;

	@Autowired
	RecordAmendments amendments;

	@Autowired
	PointLedger ledger;

	@Autowired
	PointRules rules;

	@Autowired
	Redemptions redemptions;

	@Autowired
	PointExpiry expiry;

	@Autowired
	Points points;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void randomServicesRedemptionsAndExpiriesKeepEveryInvariant() {
		Random random = new Random(20261203L);
		PointsScene scene = new PointsScene(this.fixtures, this.activities, this.ledger,
				new TransactionTemplate(this.transactions), PROVINCE);
		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		this.rules.set(this.fixtures.actorOf(operator), DISTRICT, 10, 15, 20, 36);
		Team team = this.fixtures.anActiveTeamIn(STREET);
		List<Person> people = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			people.add(this.fixtures.aVolunteerIn(STREET));
		}
		List<ActivityView> days = new ArrayList<>();
		for (int d = 1; d <= 40; d++) {
			days.add(scene.activity(team, STREET, RecruitmentMode.REGULAR, d));
		}
		org.zhiyuan.support.Api api = new org.zhiyuan.support.Api("http://localhost:" + this.port)
			.as(this.fixtures.tokenFor(operator));
		List<UUID> rewards = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			tools.jackson.databind.JsonNode offered = PointsScene.offer(api, DISTRICT, "礼遇 " + i, 5 + 10 * i, 3 + i, 2,
					null);
			rewards.add(UUID.fromString(offered.get("reward").get("id").asString()));
			keys.add(offered.get("checkKey").asString());
		}
		List<Served> served = new ArrayList<>();
		List<RedemptionView> issued = new ArrayList<>();
		boolean[][] used = new boolean[people.size()][days.size()];
		int refused = 0;
		for (int op = 1; op <= 600; op++) {
			int kind = random.nextInt(20);
			Person who = people.get(random.nextInt(people.size()));
			if (kind < 6 || served.isEmpty()) {
				int p = people.indexOf(who);
				int day = random.nextInt(days.size());
				if (!used[p][day]) {
					used[p][day] = true;
					served.add(new Served(who, scene.serve(team, who, days.get(day), 30 + 15 * random.nextInt(40))));
				}
			}
			else if (kind < 10) {
				Served one = served.get(random.nextInt(served.size()));
				BigDecimal hours = BigDecimal.valueOf(1 + random.nextInt(48))
					.divide(BigDecimal.valueOf(4), 2, java.math.RoundingMode.UNNECESSARY);
				try {
					scene.amend(team, one.volunteer(), one.record(), hours.toPlainString());
				}
				catch (ProblemException ex) {
					refused++;
				}
			}
			else if (kind < 15) {
				try {
					issued.add(this.redemptions.redeem(this.fixtures.actorOf(who),
							rewards.get(random.nextInt(rewards.size())), null));
				}
				catch (ProblemException ex) {
					assertThat(ex.code()).isIn("INSUFFICIENT_POINTS", "OUT_OF_STOCK", "LIMIT_REACHED");
					refused++;
				}
			}
			else if (kind < 17 && !issued.isEmpty()) {
				RedemptionView one = issued.get(random.nextInt(issued.size()));
				UUID holder = this.jdbc
					.sql("SELECT a.account_id FROM reward_redemption d JOIN volunteer a ON a.id ="
							+ " d.volunteer_id WHERE d.id = :id")
					.param("id", one.id())
					.query(UUID.class)
					.single();
				Person owner = people.stream().filter((p) -> p.id().equals(holder)).findFirst().orElseThrow();
				try {
					this.redemptions.cancel(this.fixtures.actorOf(owner), one.id());
				}
				catch (ProblemException ex) {
					assertThat(ex.code()).isEqualTo("INVALID_STATE");
					refused++;
				}
			}
			else if (kind < 18 && !issued.isEmpty()) {
				RedemptionView one = issued.get(random.nextInt(issued.size()));
				try {
					this.redemptions.check(null, one.code(), keys.get(rewards.indexOf(one.rewardId())), true);
				}
				catch (ProblemException ex) {
					assertThat(ex.code()).isEqualTo("INVALID_STATE");
					refused++;
				}
			}
			else {
				List<UUID> lots = this.jdbc
					.sql("SELECT id FROM point_lot WHERE volunteer_id = :volunteer AND remaining > 0 ORDER BY id")
					.param("volunteer", who.volunteerId())
					.query(UUID.class)
					.list();
				if (!lots.isEmpty() && random.nextInt(3) == 0) {
					this.jdbc.sql("UPDATE point_lot SET expires_at = :past WHERE id = :id")
						.param("past", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
						.param("id", lots.get(random.nextInt(lots.size())))
						.update();
					this.expiry.run();
				}
			}
			if (op % 50 == 0) {
				assertInvariants(people, rewards);
			}
		}
		// spent, then corrected down: owed, and settled from the next points
		Person spender = this.fixtures.aVolunteerIn(STREET);
		people.add(spender);
		ServiceRecordView four = scene.serve(team, spender, days.get(0), 240);
		tools.jackson.databind.JsonNode dear = PointsScene.offer(api, DISTRICT, "整套礼遇", 40, 1, 1, null);
		rewards.add(UUID.fromString(dear.get("reward").get("id").asString()));
		this.redemptions.redeem(this.fixtures.actorOf(spender), rewards.get(rewards.size() - 1), null);
		scene.amend(team, spender, four, "1");
		assertThat(this.points.mine(this.fixtures.actorOf(spender)).owed()).isEqualTo(30);
		scene.serve(team, spender, days.get(1), 300);
		PointsView settled = this.points.mine(this.fixtures.actorOf(spender));
		assertThat(settled.owed()).isZero();
		assertThat(settled.balance()).isEqualTo(20);
		assertInvariants(people, rewards);
		assertThat(refused).as("some changes were refused, and changed nothing").isPositive();
		for (PointEntryKind kind : PointEntryKind.values()) {
			assertThat(this.jdbc
				.sql("SELECT COUNT(*) FROM point_entry e JOIN volunteer v ON v.id = e.volunteer_id WHERE e.kind = :kind"
						+ " AND v.region_code = :street")
				.param("kind", kind.name())
				.param("street", STREET)
				.query(Long.class)
				.single()).as(kind.name()).isPositive();
		}
	}

	private void assertInvariants(List<Person> people, List<UUID> rewards) {
		List<UUID> ids = people.stream().map(Person::volunteerId).toList();
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM point_lot l WHERE l.volunteer_id IN (:ids) AND (l.remaining < 0 OR l.remaining >"
					+ " l.points OR l.remaining <> (SELECT SUM(e.points) FROM point_entry e WHERE e.volunteer_id = l.volunteer_id AND"
					+ " e.lot_id = l.id))")
			.param("ids", ids)
			.query(Long.class)
			.single()).as("lots that do not hold the sum of their entries").isZero();
		long net = this.jdbc
			.sql("SELECT COALESCE(SUM(points), 0) FROM point_entry WHERE volunteer_id IN (:ids) AND kind IN ('ISSUE',"
					+ " 'CORRECTION', 'SETTLEMENT')")
			.param("ids", ids)
			.query(Long.class)
			.single();
		long owed = this.jdbc.sql("SELECT COALESCE(SUM(owed), 0) FROM point_account WHERE volunteer_id IN (:ids)")
			.param("ids", ids)
			.query(Long.class)
			.single();
		long earned = this.jdbc
			.sql("SELECT COALESCE(SUM(FLOOR(effective_hours * 10)), 0) FROM service_record WHERE volunteer_id IN"
					+ " (:ids) AND review IN (:counted)")
			.param("ids", ids)
			.param("counted", COUNTED)
			.query(Long.class)
			.single();
		assertThat(net - owed).as("points issued less taken back and owed, against the counted hours")
			.isEqualTo(earned);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM reward_redemption d WHERE d.volunteer_id IN (:ids) AND (SELECT COALESCE(-SUM("
					+ "e.points), 0) FROM point_entry e WHERE e.volunteer_id = d.volunteer_id AND e.redemption_id = d.id)"
					+ " <> CASE WHEN d.status =" + " 'CANCELLED' THEN 0 ELSE d.points END")
			.param("ids", ids)
			.query(Long.class)
			.single()).as("redemptions whose entries differ from their price").isZero();
		for (UUID reward : rewards) {
			int[] figures = this.jdbc.sql("SELECT stock, redeemed FROM reward WHERE id = :id")
				.param("id", reward)
				.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) })
				.single();
			long held = this.jdbc
				.sql("SELECT COUNT(*) FROM reward_redemption WHERE reward_id = :id AND status <> 'CANCELLED'")
				.param("id", reward)
				.query(Long.class)
				.single();
			assertThat(figures[0]).isGreaterThanOrEqualTo(0);
			assertThat((long) figures[1]).as("redeemed, against the redemptions not cancelled").isEqualTo(held);
			int offered = (rewards.indexOf(reward) < 4) ? 3 + rewards.indexOf(reward) : 1;
			assertThat(figures[0] + figures[1]).isEqualTo(offered);
		}
		for (Person person : people) {
			PointsView view = this.points.mine(this.fixtures.actorOf(person));
			assertThat(view.balance()).isGreaterThanOrEqualTo(0);
			assertThat(view.owed()).isGreaterThanOrEqualTo(0);
			assertThat(view.balance()).isEqualTo(view.lots().stream().mapToInt(PointLotView::remaining).sum());
		}
	}

	private record Served(Person volunteer, ServiceRecordView record) {

	}

}
