package org.zhiyuan.timebank;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.organization.MemberRole;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.region.Regions;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.support.Identities;
import org.zhiyuan.timebank.TimeBankScene.Named;
import org.zhiyuan.volunteer.VolunteerRegistration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hours of the time bank paying for a need of the needs module in 米东区: an operator of the
 * need's region holds a volunteer's hours for an open need (a relative's, say); the hours
 * are spent in the transaction that completes the need and given back in the one that
 * cancels it; a need is paid for once at a time, a closed one not at all, and only by its
 * region's operators.
 */
class NeedPaymentApiTests extends ApiTestSupport {

	private static final String PROVINCE = "650000";

	private static final String DISTRICT = "650107";

	@Autowired
	VolunteerRegistration registration;

	@Autowired
	Activities activities;

	@Autowired
	Organizations organizations;

	@Autowired
	Regions regions;

	@Autowired
	JdbcClient jdbc;

	private String street;

	private String community;

	private Team team;

	private Person server;

	private Person operator;

	@BeforeEach
	void cast() {
		this.street = this.regions.children(DISTRICT).get(0).code();
		this.community = this.regions.children(this.street).get(0).code();
		this.team = this.fixtures.anActiveTeamIn(DISTRICT);
		this.server = this.fixtures.aVolunteerIn(DISTRICT);
		this.organizations.addMember(this.fixtures.actorOf(this.team.admin()), this.team.id(),
				this.server.volunteerId(), MemberRole.MEMBER);
		this.organizations.acceptInvitation(this.fixtures.actorOf(this.server), this.team.id());
		this.operator = this.fixtures.anOperatorOf(DISTRICT);
	}

	@Test
	void heldHoursAreSpentWhenTheNeedIsDoneAndGivenBackWhenItIsCancelled() {
		Named payer = aVolunteerHolding(5);
		Api resident = aResident();

		String done = submit(resident);
		Response paid = api(this.operator).post("/api/v1/time-services", payment(payer, "2.00", done));
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		assertThat(paid.json().get("status").asString()).isEqualTo("HELD");
		assertThat(paid.json().get("needId").asString()).isEqualTo(done);
		assertThat(balance(payer)).isEqualTo("3.00");

		Response twice = api(this.operator).post("/api/v1/time-services", payment(payer, "1.00", done));
		assertThat(twice.status()).as(twice.body()).isEqualTo(409);
		assertThat(twice.problemCode()).isEqualTo("NEED_ALREADY_PAID");
		assertThat(balance(payer)).as("a refused payment holds nothing").isEqualTo("3.00");

		dispatchAndAccept(done);
		Response completed = api(this.server).post("/api/v1/needs/" + done + "/completion", pastTimes(2));
		assertThat(completed.status()).as(completed.body()).isEqualTo(200);
		assertThat(serviceStatus(paid)).as("spent with the need").isEqualTo("DONE");
		assertThat(balance(payer)).isEqualTo("3.00");
		assertThat(api(this.operator).post("/api/v1/time-services", payment(payer, "1.00", done)).problemCode())
			.as("a done need is closed")
			.isEqualTo("INVALID_STATE");

		String cancelled = submit(resident);
		Response held = api(this.operator).post("/api/v1/time-services", payment(payer, "1.50", cancelled));
		assertThat(held.status()).as(held.body()).isEqualTo(201);
		assertThat(balance(payer)).isEqualTo("1.50");
		Response cancel = resident.post("/api/v1/needs/" + cancelled + "/cancellation", Map.of("reason", "邻居帮忙了"));
		assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
		assertThat(serviceStatus(held)).as("given back with the need").isEqualTo("CANCELLED");
		assertThat(balance(payer)).isEqualTo("3.00");
		Response closed = api(this.operator).post("/api/v1/time-services", payment(payer, "1.00", cancelled));
		assertThat(closed.status()).as(closed.body()).isEqualTo(409);
		assertThat(closed.problemCode()).isEqualTo("INVALID_STATE");
		assertSound();
	}

	@Test
	void aServiceCancelledByItselfLetsTheNeedBePaidForAgain() {
		Named payer = aVolunteerHolding(4);
		String need = submit(aResident());
		Response first = api(this.operator).post("/api/v1/time-services", payment(payer, "2.00", need));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		String id = first.json().get("id").asString();
		assertThat(api(this.operator).post("/api/v1/time-services/" + id + "/cancellation", Map.of()).status())
			.isEqualTo(200);
		assertThat(balance(payer)).isEqualTo("4.00");
		Response again = api(this.operator).post("/api/v1/time-services", payment(payer, "3.00", need));
		assertThat(again.status()).as(again.body()).isEqualTo(201);
		assertThat(balance(payer)).isEqualTo("1.00");
		assertSound();
	}

	@Test
	void onlyTheNeedsRegionsOperatorsPayForItAndAnUnknownNeedIsNotFound() {
		Named payer = aVolunteerHolding(3);
		String need = submit(aResident());
		Response byVolunteer = api(payer.person()).post("/api/v1/time-services", ownPayment("1.00", need));
		assertThat(byVolunteer.status()).as(byVolunteer.body()).isEqualTo(403);
		Response elsewhere = api(this.fixtures.anOperatorOf("650102")).post("/api/v1/time-services",
				payment(payer, "1.00", need));
		assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(403);
		Response unknown = api(this.operator).post("/api/v1/time-services",
				payment(payer, "1.00", UUID.randomUUID().toString()));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.problemCode()).isEqualTo("NEED_NOT_FOUND");
		Response malformed = api(this.operator).post("/api/v1/time-services", Map.of("volunteerId",
				payer.person().volunteerId().toString(), "hours", "1.00", "description", "助餐", "needId", "not-an-id"));
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(balance(payer)).as("nothing held").isEqualTo("3.00");
		assertSound();
	}

	@Test
	void anOperatorPicksTheVolunteerAndTheNeedOnThePage() {
		Named payer = aVolunteerHolding(3);
		String need = submit(aResident());
		Api pages = browserOf(this.operator);
		String page = pages.get("/time-bank/services?regionCode=" + DISTRICT).body();
		assertThat(page).contains("id=\"record-service-form\"")
			.contains("value=\"" + need + "\"")
			.contains("上门助浴")
			.contains("只能按完整的手机号或志愿者编号找到本辖区的志愿者");
		String matches = pages.get("/time-bank/services/people?regionCode=" + DISTRICT + "&q=" + payer.phone()).body();
		assertThat(matches).contains("data-person-id=\"" + payer.person().volunteerId() + "\"");
		assertThat(
				pages.get("/time-bank/services/people?regionCode=" + DISTRICT + "&q=" + payer.phone().substring(0, 7))
					.body())
			.as("only an exact number finds someone")
			.doesNotContain("data-person-id");

		Response bad = pages.submitForm("/time-bank/services?regionCode=" + DISTRICT, "/time-bank/services",
				Map.of("regionCode", DISTRICT, "hours", "两小时", "description", "", "needId", need));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("id=\"problem-volunteerId\"")
			.contains("id=\"problem-hours\"")
			.contains("id=\"problem-description\"");
		Response tooMuch = pages.submitForm("/time-bank/services?regionCode=" + DISTRICT, "/time-bank/services",
				Map.of("regionCode", DISTRICT, "volunteerId", payer.person().volunteerId().toString(), "hours", "5",
						"description", "上门助浴", "needId", need));
		assertThat(tooMuch.status()).isEqualTo(200);
		assertThat(tooMuch.body()).contains("id=\"record-service-error\"");
		Response recorded = pages.submitForm("/time-bank/services?regionCode=" + DISTRICT, "/time-bank/services",
				Map.of("regionCode", DISTRICT, "volunteerId", payer.person().volunteerId().toString(), "hours", "2",
						"description", "上门助浴", "needId", need));
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(302);
		assertThat(balance(payer)).isEqualTo("1.00");
		String after = pages.get("/time-bank/services?regionCode=" + DISTRICT).body();
		assertThat(after).contains("held-service").contains("/needs/" + need).doesNotContain("value=\"" + need + "\"");
		assertThat(pages.get("/time-bank/services?regionCode=" + DISTRICT + "&lang=en").body())
			.contains("Record a service paid with a volunteer&#39;s hours")
			.contains("Pays for a need");
		assertThat(browserOf(this.fixtures.anOperatorOf("650102"))
			.get("/time-bank/services/people?regionCode=" + DISTRICT + "&q=" + payer.phone())
			.status()).isEqualTo(403);
		assertSound();
	}

	// fixtures

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

	private Named aVolunteerHolding(int hours) {
		TimeBankScene scene = new TimeBankScene(this.fixtures, this.registration, this.activities, PROVINCE);
		Team served = this.fixtures.anActiveTeamIn(this.street);
		Named volunteer = scene.volunteer(this.street);
		scene.serve(served, volunteer.person(), scene.activity(served, this.street, true, 3), hours * 60);
		return volunteer;
	}

	private Api aResident() {
		String phone = Identities.phone();
		Response registered = this.api.post("/api/v1/residents",
				Map.of("name", "李奶奶", "phone", phone, "password", Fixtures.PASSWORD, "regionCode", this.community));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		return this.api.signIn(phone, Fixtures.PASSWORD);
	}

	private String submit(Api resident) {
		OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.HOURS);
		Map<String, Object> body = new HashMap<>();
		body.put("title", "上门助浴");
		body.put("description", "行动不便，需要两人协助洗澡");
		body.put("field", "ELDERLY_CARE");
		body.put("regionCode", this.community);
		body.put("address", "米东南路 12 号 2 单元 301");
		body.put("wantedFrom", from.toString());
		body.put("wantedTo", from.plusHours(2).toString());
		Response submitted = resident.post("/api/v1/needs", body);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		return submitted.json().get("id").asString();
	}

	private void dispatchAndAccept(String need) {
		Response dispatched = api(this.operator).post("/api/v1/needs/" + need + "/dispatch",
				Map.of("organizationId", this.team.id().toString()));
		assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
		Response accepted = api(this.server).post("/api/v1/needs/" + need + "/acceptance", Map.of());
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
	}

	private static Map<String, Object> pastTimes(int hoursAgo) {
		OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).minusHours(hoursAgo).truncatedTo(ChronoUnit.MINUTES);
		return Map.of("startedAt", end.minusHours(2).toString(), "endedAt", end.toString());
	}

	private static Map<String, String> payment(Named payer, String hours, String need) {
		return Map.of("volunteerId", payer.person().volunteerId().toString(), "hours", hours, "description", "上门助浴",
				"needId", need);
	}

	private static Map<String, String> ownPayment(String hours, String need) {
		return Map.of("hours", hours, "description", "上门助浴", "needId", need);
	}

	private String serviceStatus(Response ordered) {
		return this.jdbc.sql("SELECT status FROM time_service WHERE id = :id")
			.param("id", UUID.fromString(ordered.json().get("id").asString()))
			.query(String.class)
			.single();
	}

	private String balance(Named volunteer) {
		Person person = volunteer.person();
		Response response = api(person).get("/api/v1/volunteers/" + person.volunteerId() + "/time-account");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return new BigDecimal(response.json().get("balance").asString()).setScale(2).toPlainString();
	}

	private Api api(Person person) {
		return this.api.as(this.fixtures.tokenFor(person));
	}

	private void assertSound() {
		JsonNode audit = api(this.fixtures.anOperatorOf("000000")).get("/api/v1/time-bank/audit").json();
		assertThat(audit.get("sum").asString()).isEqualTo("0.00");
		assertThat(audit.get("unbalancedTransfers").asLong()).isZero();
		assertThat(audit.get("negativeBalances").asLong()).isZero();
		assertThat(audit.get("balanceMismatches").asLong()).isZero();
	}

}
