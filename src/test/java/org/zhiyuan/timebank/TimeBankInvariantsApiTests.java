package org.zhiyuan.timebank;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.record.RecordAmendments;
import org.zhiyuan.record.RecordReview;
import org.zhiyuan.record.ServiceRecordView;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.regionsettings.OwnSettings;
import org.zhiyuan.regionsettings.RegionSettings;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.timebank.TimeBankScene.Named;
import org.zhiyuan.volunteer.VolunteerRegistration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thousand random movements in 哈密市 (a district with a cap of 20 hours): service
 * recorded, amended up and down, hours given between relatives, hours held for services
 * that are then done or cancelled, some refused; after every fiftieth and at the end the
 * ledger sums to zero, every movement balances, no balance is below zero or differs from
 * its entries, no volunteer holds more than the cap but for hours given back by cancelled
 * services, the holds hold the hours of the services held and the services account those
 * of the services done, and the hours issued less those owed equal the counted hours of
 * eligible records.
 */
class TimeBankInvariantsApiTests extends ApiTestSupport {

	private static final String PROVINCE = "650000";

	private static final String DISTRICT = "650502";

	private static final String STREET = "650502001";

	private static final String PREFIX = "650502%";

	private static final BigDecimal CAP = new BigDecimal("20.00");

	@Autowired
	VolunteerRegistration registration;

	@Autowired
	Activities activities;

	@Autowired
	ServiceRecords records;

	@Autowired
	RecordAmendments amendments;

	@Autowired
	RegionSettings settings;

	@Autowired
	TimeGifts gifts;

	@Autowired
	Relatives relatives;

	@Autowired
	TimeAccounts accounts;

	@Autowired
	TimeServices services;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aThousandRandomMovementsKeepEveryInvariant() {
		Random random = new Random(20261203L);
		TimeBankScene scene = new TimeBankScene(this.fixtures, this.registration, this.activities, PROVINCE);
		this.settings.update(this.fixtures.actorOf(this.fixtures.anOperatorOf(DISTRICT)), DISTRICT,
				new OwnSettings(null, null, null, CAP));
		Team team = this.fixtures.anActiveTeamIn(STREET);
		List<Named> family = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			family.add(scene.volunteer(STREET));
		}
		for (int i = 1; i < family.size(); i++) {
			related(family.get(i - 1), family.get(i));
		}
		List<ActivityView> days = new ArrayList<>();
		for (int d = 1; d <= 60; d++) {
			days.add(scene.activity(team, STREET, d % 5 != 0, d));
		}
		List<Served> served = new ArrayList<>();
		List<UUID> held = new ArrayList<>();
		Actor operator = this.fixtures.actorOf(this.fixtures.anOperatorOf(DISTRICT));
		boolean[][] used = new boolean[family.size()][days.size()];
		int refused = 0;
		for (int op = 1; op <= 1000; op++) {
			int kind = random.nextInt(10);
			if (kind < 4 || served.isEmpty()) {
				int who = random.nextInt(family.size());
				int day = random.nextInt(days.size());
				if (!used[who][day]) {
					used[who][day] = true;
					ServiceRecordView record = scene.serve(team, family.get(who).person(), days.get(day),
							30 + 15 * random.nextInt(40));
					served.add(new Served(family.get(who).person(), record));
				}
			}
			else if (kind < 7) {
				Served one = served.get(random.nextInt(served.size()));
				BigDecimal hours = BigDecimal.valueOf(1 + random.nextInt(48), 0)
					.divide(BigDecimal.valueOf(4), 2, RoundingMode.UNNECESSARY);
				try {
					scene.amend(team, one.volunteer(), one.record(), hours.toPlainString());
				}
				catch (ProblemException ex) {
					refused++;
				}
			}
			else {
				int from = random.nextInt(family.size());
				int to = (from + ((random.nextBoolean() || from == 0) ? 1 : family.size() - 1)) % family.size();
				BigDecimal hours = BigDecimal.valueOf(1 + random.nextInt(40), 0)
					.divide(BigDecimal.valueOf(4), 2, RoundingMode.UNNECESSARY);
				try {
					this.gifts.give(this.fixtures.actorOf(family.get(from).person()),
							family.get(to).person().volunteerId(), hours, null, null);
				}
				catch (ProblemException ex) {
					assertThat(ex.code()).isIn("INSUFFICIENT_BALANCE", "CAP_EXCEEDED", "NOT_A_RELATIVE");
					refused++;
				}
			}
			if (random.nextInt(4) == 0) {
				int step = random.nextInt(3);
				if (step == 0 || held.isEmpty()) {
					Named who = family.get(random.nextInt(family.size()));
					BigDecimal hours = BigDecimal.valueOf(1 + random.nextInt(20), 0)
						.divide(BigDecimal.valueOf(4), 2, RoundingMode.UNNECESSARY);
					try {
						held.add(this.services.order(this.fixtures.actorOf(who.person()), null, hours, "上门助浴", null)
							.id());
					}
					catch (ProblemException ex) {
						assertThat(ex.code()).isEqualTo("INSUFFICIENT_BALANCE");
						refused++;
					}
				}
				else {
					UUID service = held.remove(random.nextInt(held.size()));
					if (step == 1) {
						this.services.complete(operator, service);
					}
					else {
						this.services.cancel(operator, service);
					}
				}
			}
			if (op % 50 == 0) {
				assertInvariants(family);
			}
		}
		assertInvariants(family);
		assertThat(served).hasSizeGreaterThan(200);
		assertThat(refused).as("some movements were refused, and changed nothing").isPositive();
		for (EntryKind kind : List.of(EntryKind.DEPOSIT, EntryKind.CORRECTION, EntryKind.CAP_SWEEP, EntryKind.GIFT)) {
			assertThat(this.jdbc
				.sql("SELECT COUNT(*) FROM time_entry WHERE kind = :kind AND account_id IN (SELECT id FROM time_account"
						+ " WHERE kind = 'VOLUNTEER' AND region_code LIKE :prefix)")
				.param("kind", kind.name())
				.param("prefix", PREFIX)
				.query(Long.class)
				.single()).as(kind.name()).isGreaterThan(20);
		}
		for (EntryKind kind : List.of(EntryKind.HOLD, EntryKind.RELEASE, EntryKind.WITHDRAWAL)) {
			assertThat(this.jdbc
				.sql("SELECT COUNT(*) FROM time_entry WHERE kind = :kind AND account_id IN (SELECT id FROM time_account"
						+ " WHERE kind = 'HOLDS' AND region_code LIKE :prefix)")
				.param("kind", kind.name())
				.param("prefix", PREFIX)
				.query(Long.class)
				.single()).as(kind.name()).isGreaterThan(20);
		}
	}

	private void assertInvariants(List<Named> family) {
		Actor nation = this.fixtures.actorOf(this.fixtures.anOperatorOf("000000"));
		LedgerAudit audit = this.accounts.audit(nation, "000000");
		assertThat(audit.sound()).as(audit.toString()).isTrue();
		for (Named member : family) {
			TimeAccountView account = this.accounts.mine(this.fixtures.actorOf(member.person()));
			BigDecimal released = this.jdbc
				.sql("SELECT COALESCE(SUM(hours), 0) FROM time_entry WHERE home_id = :volunteer AND account_id ="
						+ " :volunteer AND kind = 'RELEASE'")
				.param("volunteer", member.person().volunteerId())
				.query(BigDecimal.class)
				.single();
			assertThat(account.balance()).isBetween(BigDecimal.ZERO, CAP.add(released));
			assertThat(account.owed()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
		}
		for (TimeServiceStatus status : List.of(TimeServiceStatus.HELD, TimeServiceStatus.DONE)) {
			BigDecimal services = this.jdbc
				.sql("SELECT COALESCE(SUM(hours), 0) FROM time_service WHERE status = :status AND region_code LIKE"
						+ " :prefix")
				.param("status", status.name())
				.param("prefix", PREFIX)
				.query(BigDecimal.class)
				.single();
			BigDecimal account = this.jdbc
				.sql("SELECT COALESCE(SUM(balance), 0) FROM time_account WHERE kind = :kind AND region_code LIKE"
						+ " :prefix")
				.param("kind", (status == TimeServiceStatus.HELD) ? "HOLDS" : "SERVICES")
				.param("prefix", PREFIX)
				.query(BigDecimal.class)
				.single();
			assertThat(account).as(status.name()).isEqualByComparingTo(services);
		}
		BigDecimal issued = this.jdbc
			.sql("SELECT COALESCE(-SUM(hours), 0) FROM time_entry WHERE account_id IN (SELECT id FROM time_account"
					+ " WHERE kind = 'ISSUANCE' AND region_code LIKE :prefix)")
			.param("prefix", PREFIX)
			.query(BigDecimal.class)
			.single();
		BigDecimal owed = this.jdbc
			.sql("SELECT COALESCE(SUM(owed), 0) FROM time_account WHERE region_code LIKE :prefix")
			.param("prefix", PREFIX)
			.query(BigDecimal.class)
			.single();
		BigDecimal counted = this.jdbc
			.sql("SELECT COALESCE(SUM(r.effective_hours), 0) FROM service_record r JOIN activity a ON a.id ="
					+ " r.activity_id WHERE a.time_bank_eligible AND r.review IN (:counted) AND r.volunteer_region_code"
					+ " LIKE :prefix")
			.param("counted",
					Arrays.stream(RecordReview.values()).filter(RecordReview::counts).map(Enum::name).toList())
			.param("prefix", PREFIX)
			.query(BigDecimal.class)
			.single();
		assertThat(issued.subtract(owed)).as("issued less owed, against the counted eligible hours")
			.isEqualByComparingTo(counted);
	}

	/** The first names the second as their spouse, who confirms. */
	private void related(Named one, Named other) {
		RelativeView declared = this.relatives.declare(this.fixtures.actorOf(one.person()), other.phone(), other.name(),
				"SPOUSE");
		this.relatives.confirm(this.fixtures.actorOf(other.person()), declared.id());
	}

	private record Served(Person volunteer, ServiceRecordView record) {

	}

}
