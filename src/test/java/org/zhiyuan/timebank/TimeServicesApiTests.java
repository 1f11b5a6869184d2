package org.zhiyuan.timebank;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.record.RecordAmendments;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.timebank.TimeBankScene.Named;
import org.zhiyuan.volunteer.VolunteerRegistration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hours used for a service in 水磨沟区: held when ordered by the volunteer or recorded for
 * them by an operator, spent when an operator completes the service, given back when it
 * is cancelled; refused when the balance is short, repeated without holding twice, fifty
 * at once from an account that holds ten, and a completion racing a cancellation; every
 * bad field named; the ledger sound after each.
 */
class TimeServicesApiTests extends ApiTestSupport {

	private static final String PROVINCE = "650000";

	private static final String DISTRICT = "650105";

	private static final String STREET = "650105001";

	@Autowired
	VolunteerRegistration registration;

	@Autowired
	Activities activities;

	@Autowired
	ServiceRecords records;

	@Autowired
	RecordAmendments amendments;

	@Autowired
	JdbcClient jdbc;

	private TimeBankScene scene() {
		return new TimeBankScene(this.fixtures, this.registration, this.activities, PROVINCE);
	}

	/** A volunteer of the street who served an eligible activity for the hours. */
	private Named aVolunteerHolding(int hours) {
		TimeBankScene scene = scene();
		Team team = this.fixtures.anActiveTeamIn(STREET);
		Named volunteer = scene.volunteer(STREET);
		scene.serve(team, volunteer.person(), scene.activity(team, STREET, true, 3), hours * 60);
		return volunteer;
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

	private static Map<String, String> aService(String hours) {
		return Map.of("hours", hours, "description", "上门助浴");
	}

	@Test
	void heldHoursAreSpentWhenDoneAndGivenBackWhenCancelled() {
		Named volunteer = aVolunteerHolding(10);
		Person operator = this.fixtures.anOperatorOf(DISTRICT);

		Response ordered = api(volunteer.person()).post("/api/v1/time-services", aService("3.00"));
		assertThat(ordered.status()).as(ordered.body()).isEqualTo(201);
		assertThat(ordered.json().get("status").asString()).isEqualTo("HELD");
		assertThat(hours(ordered.json(), "balanceAfter")).isEqualTo("7.00");
		String first = ordered.json().get("id").asString();
		JsonNode account = account(volunteer.person());
		assertThat(hours(account, "balance")).isEqualTo("7.00");
		assertThat(hours(account, "held")).isEqualTo("3.00");
		JsonNode hold = api(volunteer.person())
			.get("/api/v1/volunteers/" + volunteer.person().volunteerId() + "/time-account/entries")
			.json()
			.get("items")
			.get(0);
		assertThat(hold.get("kind").asString()).isEqualTo("HOLD");
		assertThat(hours(hold, "hours")).isEqualTo("-3.00");
		assertThat(hold.get("counterparty").get("kind").asString()).isEqualTo("HOLDS");

		Response recorded = api(operator).post("/api/v1/time-services", Map.of("volunteerId",
				volunteer.person().volunteerId().toString(), "hours", "2.00", "description", "代购药品"));
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		String second = recorded.json().get("id").asString();
		assertThat(hours(account(volunteer.person()), "held")).isEqualTo("5.00");
		assertThat(api(this.fixtures.anOperatorOf("110105"))
			.post("/api/v1/time-services", Map.of("volunteerId", volunteer.person().volunteerId().toString(), "hours",
					"1.00", "description", "代购药品"))
			.status()).as("an operator of another region").isEqualTo(403);

		assertThat(api(volunteer.person()).post("/api/v1/time-services/" + first + "/completion", Map.of()).status())
			.as("the volunteer does not complete")
			.isEqualTo(403);
		Response done = api(operator).post("/api/v1/time-services/" + first + "/completion", Map.of());
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(done.json().get("status").asString()).isEqualTo("DONE");
		account = account(volunteer.person());
		assertThat(hours(account, "balance")).isEqualTo("5.00");
		assertThat(hours(account, "held")).isEqualTo("2.00");
		assertThat(hours(account, "withdrawn")).isEqualTo("3.00");

		Named other = scene().volunteer(STREET);
		assertThat(api(other.person()).post("/api/v1/time-services/" + second + "/cancellation", Map.of()).status())
			.isEqualTo(403);
		Response cancelled = api(volunteer.person()).post("/api/v1/time-services/" + second + "/cancellation",
				Map.of());
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		account = account(volunteer.person());
		assertThat(hours(account, "balance")).isEqualTo("7.00");
		assertThat(hours(account, "held")).isEqualTo("0.00");
		assertThat(hours(account, "withdrawn")).isEqualTo("3.00");
		JsonNode release = api(volunteer.person())
			.get("/api/v1/volunteers/" + volunteer.person().volunteerId() + "/time-account/entries")
			.json()
			.get("items")
			.get(0);
		assertThat(release.get("kind").asString()).isEqualTo("RELEASE");
		assertThat(hours(release, "hours")).isEqualTo("2.00");
		assertThat(hours(release, "balanceAfter")).isEqualTo("7.00");

		Response again = api(operator).post("/api/v1/time-services/" + first + "/cancellation", Map.of());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.problemCode()).isEqualTo("INVALID_STATE");
		assertThat(api(operator).post("/api/v1/time-services/" + second + "/completion", Map.of()).problemCode())
			.isEqualTo("INVALID_STATE");
		assertThat(api(operator).post("/api/v1/time-services/" + UUID.randomUUID() + "/completion", Map.of())
			.problemCode()).isEqualTo("TIME_SERVICE_NOT_FOUND");

		JsonNode mine = api(volunteer.person()).get("/api/v1/me/time-services").json();
		assertThat(mine.get("total").asLong()).isEqualTo(2);
		assertThat(mine.get("items").get(0).get("id").asString()).as("newest first").isEqualTo(second);
		JsonNode region = api(operator).get("/api/v1/time-services?regionCode=" + DISTRICT + "&status=DONE&size=200")
			.json();
		List<String> done_ = new ArrayList<>();
		region.get("items").forEach((s) -> done_.add(s.get("id").asString()));
		assertThat(done_).contains(first).doesNotContain(second);
		assertThat(api(volunteer.person()).get("/api/v1/time-services?regionCode=" + DISTRICT).status()).isEqualTo(403);
		assertThat(api(operator).get("/api/v1/time-services?regionCode=" + DISTRICT + "&status=LOST").status())
			.isEqualTo(400);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE action LIKE 'timebank.service.%' AND object_id IN (:ids)")
			.param("ids", List.of(first, second))
			.query(Long.class)
			.single()).as("two orders, a completion and a cancellation audited").isEqualTo(4);
		assertSound();
	}

	@Test
	void aServiceNeedingMoreThanTheBalanceIsRefusedAndHoldsNothing() {
		Named volunteer = aVolunteerHolding(2);
		Response refused = api(volunteer.person()).post("/api/v1/time-services", aService("2.01"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.problemCode()).isEqualTo("INSUFFICIENT_BALANCE");
		JsonNode account = account(volunteer.person());
		assertThat(hours(account, "balance")).isEqualTo("2.00");
		assertThat(hours(account, "held")).isEqualTo("0.00");
		assertThat(api(volunteer.person()).get("/api/v1/me/time-services").json().get("total").asLong()).isZero();
	}

	@Test
	void aRepeatedOrderReturnsTheFirstAndHoldsOnce() {
		Named volunteer = aVolunteerHolding(5);
		String key = UUID.randomUUID().toString();
		Response first = api(volunteer.person()).postWithHeaders("/api/v1/time-services", aService("1.50"),
				Map.of("Idempotency-Key", key));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		Response again = api(volunteer.person()).postWithHeaders("/api/v1/time-services", aService("1.50"),
				Map.of("Idempotency-Key", key));
		assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		JsonNode account = account(volunteer.person());
		assertThat(hours(account, "balance")).isEqualTo("3.50");
		assertThat(hours(account, "held")).isEqualTo("1.50");
		assertSound();
	}

	@Test
	void badOrdersNameEveryBadField() {
		Named volunteer = scene().volunteer(STREET);
		Response bad = api(volunteer.person()).postWithHeaders("/api/v1/time-services",
				Map.of("hours", "0.001", "description", " "), Map.of("Idempotency-Key", " "));
		assertThat(bad.status()).isEqualTo(400);
		List<String> fields = new ArrayList<>();
		bad.json().get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder("hours", "description", "Idempotency-Key");
	}

	@Test
	void fiftyOrdersAtOnceFromAnAccountHoldingTenHoldExactlyTen() throws Exception {
		Named volunteer = aVolunteerHolding(10);
		Api api = api(volunteer.person());
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<Response>> answers = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				Callable<Response> order = () -> api.post("/api/v1/time-services", aService("1.00"));
				answers.add(pool.submit(order));
			}
			int held = 0;
			for (Future<Response> answer : answers) {
				Response response = answer.get();
				if (response.status() == 201) {
					held++;
				}
				else {
					assertThat(response.problemCode()).as(response.body()).isEqualTo("INSUFFICIENT_BALANCE");
				}
			}
			assertThat(held).isEqualTo(10);
		}
		finally {
			pool.shutdown();
		}
		JsonNode account = account(volunteer.person());
		assertThat(hours(account, "balance")).isEqualTo("0.00");
		assertThat(hours(account, "held")).isEqualTo("10.00");
		assertSound();
	}

	@Test
	void aCancellationRacingACompletionLetsExactlyOneWin() throws Exception {
		Named volunteer = aVolunteerHolding(10);
		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			BigDecimal spent = BigDecimal.ZERO;
			for (int round = 0; round < 5; round++) {
				String id = api(volunteer.person()).post("/api/v1/time-services", aService("1.00"))
					.json()
					.get("id")
					.asString();
				CountDownLatch start = new CountDownLatch(1);
				Future<Response> complete = pool.submit(() -> {
					start.await();
					return api(operator).post("/api/v1/time-services/" + id + "/completion", Map.of());
				});
				Future<Response> cancel = pool.submit(() -> {
					start.await();
					return api(volunteer.person()).post("/api/v1/time-services/" + id + "/cancellation", Map.of());
				});
				start.countDown();
				Response completed = complete.get();
				Response cancelled = cancel.get();
				assertThat(List.of(completed.status(), cancelled.status())).as(completed.body() + cancelled.body())
					.containsExactlyInAnyOrder(200, 409);
				Response loser = (completed.status() == 409) ? completed : cancelled;
				assertThat(loser.problemCode()).isEqualTo("INVALID_STATE");
				if (completed.status() == 200) {
					spent = spent.add(BigDecimal.ONE);
				}
			}
			JsonNode account = account(volunteer.person());
			assertThat(hours(account, "held")).isEqualTo("0.00");
			assertThat(new BigDecimal(account.get("withdrawn").asString())).isEqualByComparingTo(spent);
			assertThat(new BigDecimal(account.get("balance").asString()))
				.isEqualByComparingTo(BigDecimal.TEN.subtract(spent));
		}
		finally {
			pool.shutdown();
		}
		assertSound();
	}

	private void assertSound() {
		JsonNode audit = api(this.fixtures.anOperatorOf("000000")).get("/api/v1/time-bank/audit").json();
		assertThat(audit.get("sum").asString()).isEqualTo("0.00");
		assertThat(audit.get("unbalancedTransfers").asLong()).isZero();
		assertThat(audit.get("negativeBalances").asLong()).isZero();
		assertThat(audit.get("balanceMismatches").asLong()).isZero();
	}

}
