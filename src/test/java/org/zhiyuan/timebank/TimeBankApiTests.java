package org.zhiyuan.timebank;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.record.RecordAmendments;
import org.zhiyuan.record.ServiceRecordView;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.regionsettings.OwnSettings;
import org.zhiyuan.regionsettings.RegionSettings;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.timebank.TimeBankScene.Named;
import org.zhiyuan.volunteer.VolunteerRegistration;

import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time bank in 乌鲁木齐市: hours of eligible service deposited once, corrected by
 * amendments, swept above a district's cap to its donation pool; relatives named and
 * confirmed; gifts refused for strangers, short balances and full accounts, repeated
 * without moving twice, and a hundred at once from an account that holds ten; the
 * ledger's audit; who may read an account.
 */
class TimeBankApiTests extends ApiTestSupport {

	private static final String PROVINCE = "650000";

	private static final String TIANSHAN_STREET = "650102002";

	private static final String CAPPED_DISTRICT = "650103";

	private static final String CAPPED_STREET = "650103001";

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

	private TimeBankScene scene() {
		return new TimeBankScene(this.fixtures, this.registration, this.activities, PROVINCE);
	}

	private Api api(Person person) {
		return new Api("http://localhost:" + this.port).as(this.fixtures.tokenFor(person));
	}

	private JsonNode account(Person person) {
		Response response = api(person).get("/api/v1/volunteers/" + person.volunteerId() + "/time-account");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static String hours(JsonNode node, String field) {
		return new BigDecimal(node.get(field).asString()).setScale(2).toPlainString();
	}

	@Test
	void eligibleServiceIsDepositedOnceAndCorrectedByAmendments() {
		TimeBankScene scene = scene();
		Team team = this.fixtures.anActiveTeamIn(TIANSHAN_STREET);
		Named volunteer = scene.volunteer(TIANSHAN_STREET);
		ActivityView eligible = scene.activity(team, TIANSHAN_STREET, true, 3);
		ActivityView other = scene.activity(team, TIANSHAN_STREET, false, 4);
		ServiceRecordView record = scene.serve(team, volunteer.person(), eligible, 150);
		scene.serve(team, volunteer.person(), other, 240);

		JsonNode account = account(volunteer.person());
		assertThat(hours(account, "balance")).isEqualTo("2.50");
		assertThat(hours(account, "deposited")).isEqualTo("2.50");
		assertThat(hours(account, "cap")).isEqualTo("1500.00");
		JsonNode entries = api(volunteer.person())
			.get("/api/v1/volunteers/" + volunteer.person().volunteerId() + "/time-account/entries")
			.json();
		assertThat(entries.get("total").asLong()).as("the other activity deposits nothing").isEqualTo(1);
		JsonNode deposit = entries.get("items").get(0);
		assertThat(deposit.get("kind").asString()).isEqualTo("DEPOSIT");
		assertThat(deposit.get("recordId").asString()).isEqualTo(record.id().toString());
		assertThat(hours(deposit, "balanceAfter")).isEqualTo("2.50");
		assertThat(deposit.get("counterparty").get("kind").asString()).isEqualTo("ISSUANCE");

		scene.amend(team, volunteer.person(), record, "1.00");
		account = account(volunteer.person());
		assertThat(hours(account, "balance")).isEqualTo("1.00");
		scene.amend(team, volunteer.person(), record, "3.00");
		account = account(volunteer.person());
		assertThat(hours(account, "balance")).isEqualTo("3.00");
		assertThat(hours(account, "deposited")).isEqualTo("3.00");
		entries = api(volunteer.person())
			.get("/api/v1/volunteers/" + volunteer.person().volunteerId() + "/time-account/entries")
			.json();
		assertThat(entries.get("total").asLong()).isEqualTo(3);
		JsonNode latest = entries.get("items").get(0);
		assertThat(latest.get("kind").asString()).isEqualTo("CORRECTION");
		assertThat(hours(latest, "hours")).isEqualTo("2.00");
		assertThat(latest.get("correctsId").asString())
			.isEqualTo(entries.get("items").get(2).get("transferId").asString());
		assertSound();
	}

	@Test
	void hoursAboveTheDistrictsCapGoToItsDonationPoolAndComeBackFromItFirst() {
		TimeBankScene scene = scene();
		Person operator = this.fixtures.anOperatorOf(CAPPED_DISTRICT);
		this.settings.update(this.fixtures.actorOf(operator), CAPPED_DISTRICT,
				new OwnSettings(null, null, null, new BigDecimal("5.00")));
		Team team = this.fixtures.anActiveTeamIn(CAPPED_STREET);
		Named volunteer = scene.volunteer(CAPPED_STREET);
		ActivityView activity = scene.activity(team, CAPPED_STREET, true, 5);
		JsonNode poolBefore = api(operator).get("/api/v1/time-bank/audit?regionCode=" + CAPPED_DISTRICT).json();
		ServiceRecordView record = scene.serve(team, volunteer.person(), activity, 8 * 60);

		JsonNode account = account(volunteer.person());
		assertThat(hours(account, "cap")).isEqualTo("5.00");
		assertThat(hours(account, "balance")).isEqualTo("5.00");
		assertThat(hours(account, "donated")).isEqualTo("3.00");
		JsonNode sweep = api(volunteer.person())
			.get("/api/v1/volunteers/" + volunteer.person().volunteerId() + "/time-account/entries")
			.json()
			.get("items")
			.get(0);
		assertThat(sweep.get("kind").asString()).isEqualTo("CAP_SWEEP");
		assertThat(hours(sweep, "hours")).isEqualTo("-3.00");
		assertThat(sweep.get("counterparty").get("kind").asString()).isEqualTo("DONATION_POOL");
		JsonNode audit = api(operator).get("/api/v1/time-bank/audit?regionCode=" + CAPPED_DISTRICT).json();
		assertThat(new BigDecimal(audit.get("regionDonationPool").asString())
			.subtract(new BigDecimal(poolBefore.get("regionDonationPool").asString()))).isEqualByComparingTo("3.00");

		// the record was 6 hours, not 8: the 2 hours come back from the pool, the
		// volunteer keeps their 5
		scene.amend(team, volunteer.person(), record, "6.00");
		account = account(volunteer.person());
		assertThat(hours(account, "balance")).isEqualTo("5.00");
		audit = api(operator).get("/api/v1/time-bank/audit?regionCode=" + CAPPED_DISTRICT).json();
		assertThat(new BigDecimal(audit.get("regionDonationPool").asString())
			.subtract(new BigDecimal(poolBefore.get("regionDonationPool").asString()))).isEqualByComparingTo("1.00");
		// then 2 hours: 1 more from the pool, 3 from the volunteer
		scene.amend(team, volunteer.person(), record, "2.00");
		account = account(volunteer.person());
		assertThat(hours(account, "balance")).isEqualTo("2.00");
		assertSound();
	}

	@Test
	void relativesConfirmFromTheirOwnAccountAndOnlyThenReceiveGifts() {
		TimeBankScene scene = scene();
		Team team = this.fixtures.anActiveTeamIn(TIANSHAN_STREET);
		Named giver = scene.volunteer(TIANSHAN_STREET);
		Named mother = scene.volunteer(TIANSHAN_STREET);
		Named stranger = scene.volunteer(TIANSHAN_STREET);
		scene.serve(team, giver.person(), scene.activity(team, TIANSHAN_STREET, true, 6), 6 * 60);

		Response gift = api(giver.person()).post("/api/v1/time-transfers",
				Map.of("toVolunteerId", mother.person().volunteerId().toString(), "hours", "1.50", "kind", "GIFT"));
		assertThat(gift.status()).isEqualTo(422);
		assertThat(gift.problemCode()).isEqualTo("NOT_A_RELATIVE");

		Response wrongName = api(giver.person()).post("/api/v1/me/relatives",
				Map.of("phoneOrNumber", mother.phone(), "name", "李四", "relation", "PARENT"));
		assertThat(wrongName.status()).isEqualTo(422);
		assertThat(wrongName.problemCode()).isEqualTo("RELATIVE_NOT_FOUND");
		Response declared = api(giver.person()).post("/api/v1/me/relatives",
				Map.of("phoneOrNumber", mother.phone(), "name", mother.name(), "relation", "PARENT"));
		assertThat(declared.status()).as(declared.body()).isEqualTo(201);
		String relativeId = declared.json().get("id").asString();
		assertThat(declared.json().get("status").asString()).isEqualTo("PENDING");
		assertThat(declared.json().get("otherName").asString()).doesNotContain(mother.name());
		Response twice = api(giver.person()).post("/api/v1/me/relatives",
				Map.of("phoneOrNumber", mother.phone(), "name", mother.name(), "relation", "PARENT"));
		assertThat(twice.problemCode()).isEqualTo("ALREADY_DECLARED");
		assertThat(api(giver.person()).post("/api/v1/relatives/" + relativeId + "/confirmation", Map.of()).status())
			.as("the one who named cannot confirm")
			.isEqualTo(403);
		assertThat(api(stranger.person()).post("/api/v1/relatives/" + relativeId + "/confirmation", Map.of()).status())
			.isEqualTo(404);
		assertThat(api(giver.person())
			.post("/api/v1/time-transfers",
					Map.of("toVolunteerId", mother.person().volunteerId().toString(), "hours", "1.50", "kind", "GIFT"))
			.problemCode()).as("not before confirmed").isEqualTo("NOT_A_RELATIVE");

		JsonNode confirmed = api(mother.person()).post("/api/v1/relatives/" + relativeId + "/confirmation", Map.of())
			.json();
		assertThat(confirmed.get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(confirmed.get("relation").asString()).as("as the mother reads it").isEqualTo("CHILD");

		Response tooMuch = api(giver.person()).post("/api/v1/time-transfers",
				Map.of("toVolunteerId", mother.person().volunteerId().toString(), "hours", "6.01", "kind", "GIFT"));
		assertThat(tooMuch.problemCode()).isEqualTo("INSUFFICIENT_BALANCE");
		Map<String, String> body = Map.of("toVolunteerId", mother.person().volunteerId().toString(), "hours", "1.50",
				"kind", "GIFT", "memo", "给妈妈");
		String key = UUID.randomUUID().toString();
		Response given = api(giver.person()).postWithHeaders("/api/v1/time-transfers", body,
				Map.of("Idempotency-Key", key));
		assertThat(given.status()).as(given.body()).isEqualTo(201);
		assertThat(hours(given.json(), "balanceAfter")).isEqualTo("4.50");
		Response again = api(giver.person()).postWithHeaders("/api/v1/time-transfers", body,
				Map.of("Idempotency-Key", key));
		assertThat(again.json().get("id").asString()).isEqualTo(given.json().get("id").asString());
		assertThat(hours(account(giver.person()), "balance")).as("a repeat moves nothing").isEqualTo("4.50");
		JsonNode motherAccount = account(mother.person());
		assertThat(hours(motherAccount, "balance")).isEqualTo("1.50");
		assertThat(hours(motherAccount, "giftedIn")).isEqualTo("1.50");
		assertThat(hours(account(giver.person()), "giftedOut")).isEqualTo("1.50");

		assertThat(api(mother.person()).send("DELETE", "/api/v1/relatives/" + relativeId).status()).isEqualTo(200);
		assertThat(api(giver.person())
			.post("/api/v1/time-transfers",
					Map.of("toVolunteerId", mother.person().volunteerId().toString(), "hours", "1.00", "kind", "GIFT"))
			.problemCode()).as("no longer relatives").isEqualTo("NOT_A_RELATIVE");
		assertSound();
	}

	@Test
	void aGiftThatWouldFillTheRelativesAccountAboveTheCapIsRefused() {
		TimeBankScene scene = scene();
		Person operator = this.fixtures.anOperatorOf(CAPPED_DISTRICT);
		this.settings.update(this.fixtures.actorOf(operator), CAPPED_DISTRICT,
				new OwnSettings(null, null, null, new BigDecimal("5.00")));
		Team team = this.fixtures.anActiveTeamIn(TIANSHAN_STREET);
		Named giver = scene.volunteer(TIANSHAN_STREET);
		Named child = scene.volunteer(CAPPED_STREET);
		scene.serve(team, giver.person(), scene.activity(team, TIANSHAN_STREET, true, 2), 8 * 60);
		relatives(giver, child);
		Response full = api(giver.person()).post("/api/v1/time-transfers",
				Map.of("toVolunteerId", child.person().volunteerId().toString(), "hours", "5.50", "kind", "GIFT"));
		assertThat(full.status()).isEqualTo(422);
		assertThat(full.problemCode()).isEqualTo("CAP_EXCEEDED");
		assertThat(hours(account(giver.person()), "balance")).isEqualTo("8.00");
		assertThat(api(giver.person())
			.post("/api/v1/time-transfers",
					Map.of("toVolunteerId", child.person().volunteerId().toString(), "hours", "5.00", "kind", "GIFT"))
			.status()).isEqualTo(201);
		assertSound();
	}

	@Test
	void aHundredGiftsAtOnceFromAnAccountHoldingTenGiveExactlyTen() throws Exception {
		TimeBankScene scene = scene();
		Team team = this.fixtures.anActiveTeamIn(TIANSHAN_STREET);
		Named giver = scene.volunteer(TIANSHAN_STREET);
		Named spouse = scene.volunteer(TIANSHAN_STREET);
		scene.serve(team, giver.person(), scene.activity(team, TIANSHAN_STREET, true, 7), 10 * 60);
		relatives(giver, spouse);
		Api api = api(giver.person());
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<Response>> answers = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				Callable<Response> gift = () -> api.post("/api/v1/time-transfers", Map.of("toVolunteerId",
						spouse.person().volunteerId().toString(), "hours", "1.00", "kind", "GIFT"));
				answers.add(pool.submit(gift));
			}
			int given = 0;
			int refused = 0;
			for (Future<Response> answer : answers) {
				Response response = answer.get();
				if (response.status() == 201) {
					given++;
				}
				else {
					assertThat(response.problemCode()).as(response.body()).isEqualTo("INSUFFICIENT_BALANCE");
					refused++;
				}
			}
			assertThat(given).isEqualTo(10);
			assertThat(refused).isEqualTo(90);
		}
		finally {
			pool.shutdown();
		}
		assertThat(hours(account(giver.person()), "balance")).isEqualTo("0.00");
		assertThat(hours(account(spouse.person()), "balance")).isEqualTo("10.00");
		assertSound();
	}

	@Test
	void oneKeySentTwentyTimesAtOnceGivesOnceAndEveryAnswerIsThatGift() throws Exception {
		TimeBankScene scene = scene();
		Team team = this.fixtures.anActiveTeamIn(TIANSHAN_STREET);
		Named giver = scene.volunteer(TIANSHAN_STREET);
		Named spouse = scene.volunteer(TIANSHAN_STREET);
		scene.serve(team, giver.person(), scene.activity(team, TIANSHAN_STREET, true, 7), 3 * 60);
		relatives(giver, spouse);
		Api api = api(giver.person());
		String key = UUID.randomUUID().toString();
		ExecutorService pool = Executors.newFixedThreadPool(20);
		Set<String> ids = new HashSet<>();
		try {
			List<Future<Response>> answers = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				answers.add(
						pool.submit(() -> api.postWithHeaders(
								"/api/v1/time-transfers", Map.of("toVolunteerId",
										spouse.person().volunteerId().toString(), "hours", "2.00", "kind", "GIFT"),
								Map.of("Idempotency-Key", key))));
			}
			for (Future<Response> answer : answers) {
				Response response = answer.get();
				assertThat(response.status()).as(response.body()).isIn(200, 201);
				ids.add(response.json().get("id").asString());
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(ids).as("every answer is the one gift").hasSize(1);
		assertThat(hours(account(giver.person()), "balance")).isEqualTo("1.00");
		assertThat(hours(account(spouse.person()), "balance")).isEqualTo("2.00");
		assertSound();
	}

	@Test
	void anAccountIsReadByItsVolunteerAndThoseWhoOverseeTheirRegion() {
		TimeBankScene scene = scene();
		Named volunteer = scene.volunteer(TIANSHAN_STREET);
		Named other = scene.volunteer(TIANSHAN_STREET);
		String path = "/api/v1/volunteers/" + volunteer.person().volunteerId() + "/time-account";
		assertThat(api(volunteer.person()).get(path).status()).isEqualTo(200);
		assertThat(api(other.person()).get(path).status()).isEqualTo(403);
		assertThat(api(this.fixtures.anOperatorOf("650102")).get(path).status()).isEqualTo(200);
		assertThat(api(this.fixtures.anAuditorOf("650100")).get(path + "/entries").status()).isEqualTo(200);
		assertThat(api(this.fixtures.anOperatorOf("110105")).get(path).status()).isEqualTo(403);
		assertThat(new Api("http://localhost:" + this.port).get(path).status()).isEqualTo(401);
		assertThat(api(this.fixtures.anOperatorOf("110105")).get("/api/v1/time-bank/audit?regionCode=650100").status())
			.isEqualTo(403);
		assertThat(api(volunteer.person()).get("/api/v1/time-bank/audit").status()).isEqualTo(403);
	}

	@Test
	void badGiftsNameEveryBadField() {
		Named giver = scene().volunteer(TIANSHAN_STREET);
		Response bad = api(giver.person()).postWithHeaders("/api/v1/time-transfers",
				Map.of("hours", "-1", "kind", "LOAN", "memo", "长".repeat(201)), Map.of("Idempotency-Key", " "));
		assertThat(bad.status()).isEqualTo(400);
		List<String> fields = new ArrayList<>();
		bad.json().get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder("toVolunteerId", "hours", "kind", "memo", "Idempotency-Key");
		Response relative = api(giver.person()).post("/api/v1/me/relatives", Map.of("relation", "COUSIN"));
		assertThat(relative.status()).isEqualTo(400);
		List<String> relativeFields = new ArrayList<>();
		relative.json().get("errors").forEach((error) -> relativeFields.add(error.get("field").asString()));
		assertThat(relativeFields).containsExactlyInAnyOrder("phoneOrNumber", "name", "relation");
	}

	/** The first names the second as their spouse, who confirms. */
	private void relatives(Named one, Named other) {
		Response declared = api(one.person()).post("/api/v1/me/relatives",
				Map.of("phoneOrNumber", other.phone(), "name", other.name(), "relation", "SPOUSE"));
		assertThat(declared.status()).as(declared.body()).isEqualTo(201);
		assertThat(api(other.person())
			.post("/api/v1/relatives/" + declared.json().get("id").asString() + "/confirmation", Map.of())
			.status()).isEqualTo(200);
	}

	private void assertSound() {
		JsonNode audit = api(this.fixtures.anOperatorOf("000000")).get("/api/v1/time-bank/audit").json();
		assertThat(audit.get("sum").asString()).isEqualTo("0.00");
		assertThat(audit.get("unbalancedTransfers").asLong()).isZero();
		assertThat(audit.get("negativeBalances").asLong()).isZero();
		assertThat(audit.get("balanceMismatches").asLong()).isZero();
	}

}
