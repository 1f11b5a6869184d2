package org.zhiyuan.need;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zhiyuan.organization.MemberRole;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.region.Regions;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Concurrently;
import org.zhiyuan.support.Concurrently.Call;
import org.zhiyuan.support.Fixtures;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.support.Identities;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * C12: a resident orders (点单), the region's operator dispatches (派单), a volunteer accepts
 * (接单), the service is completed and recorded, the resident rates (评单); every step out of
 * order is 409 INVALID_STATE, late steps are flagged and dispatched again, and only those
 * concerned may act or read. Region 330106 (杭州市西湖区).
 */
class NeedApiTests extends ApiTestSupport {

	static final String DISTRICT = "330106";

	static final String STREET = "330106002";

	@Autowired
	Organizations organizations;

	@Autowired
	Regions regions;

	@Autowired
	Needs needs;

	@Autowired
	JdbcClient jdbc;

	private String community;

	private Team team;

	private Person volunteer;

	private Person operator;

	@BeforeEach
	void cast() {
		this.community = this.regions.children(STREET).get(0).code();
		this.team = this.fixtures.anActiveTeamIn(DISTRICT);
		this.volunteer = memberOf(this.team);
		this.operator = this.fixtures.anOperatorOf(DISTRICT);
	}

	@Test
	void aResidentsOrderGoesFromDispatchThroughAcceptanceAndCompletionToTheirRating() {
		Resident resident = aResident();
		String menuItem = aMenuItem(this.team);
		Response menu = this.api.get("/api/v1/menu-items?regionCode=" + this.community + "&field=ELDERLY_CARE");
		assertThat(menu.status()).isEqualTo(200);
		assertThat(menu.body()).contains(menuItem);

		Map<String, Object> order = needBody(menuItem);
		order.remove("title");
		order.remove("field");
		Response submitted = resident.api()
			.postWithHeaders("/api/v1/needs", order, Map.of("Idempotency-Key", "order-" + resident.phone()));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(submitted.json().get("title").asString()).isEqualTo("上门助餐");
		String id = submitted.json().get("id").asString();
		Response repeated = resident.api()
			.postWithHeaders("/api/v1/needs", order, Map.of("Idempotency-Key", "order-" + resident.phone()));
		assertThat(repeated.json().get("id").asString()).isEqualTo(id);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM need WHERE resident_id = (SELECT id FROM resident" + " WHERE phone = :phone)")
			.param("phone", resident.phone())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT address_sealed FROM need WHERE id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.single()).doesNotContain("文三路");

		Response dispatched = as(this.operator).post("/api/v1/needs/" + id + "/dispatch",
				Map.of("organizationId", this.team.id().toString()));
		assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
		assertThat(dispatched.json().get("status").asString()).isEqualTo("DISPATCHED");
		assertThat(notices(this.team.admin())).contains("notice.need.dispatched");

		Response open = as(this.volunteer).get("/api/v1/volunteers/me/needs");
		assertThat(open.body()).contains(id).doesNotContain("文三路").doesNotContain(resident.phone());
		Response accepted = as(this.volunteer).post("/api/v1/needs/" + id + "/acceptance", Map.of());
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(notices(resident.person())).contains("notice.need.accepted");

		JsonNode seen = resident.api().get("/api/v1/needs/" + id).json();
		JsonNode coming = seen.get("volunteers").get(0);
		assertThat(coming.get("name").asString()).isEqualTo("测试志愿者");
		assertThat(coming.get("phoneMasked").asString()).contains("****").isNotEqualTo(this.volunteer.username());
		assertThat(seen.toString()).doesNotContain(this.volunteer.username());

		long recordsBefore = this.fixtures.recordCountOf(this.volunteer);
		OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10).truncatedTo(ChronoUnit.MINUTES);
		Response done = as(this.volunteer).post("/api/v1/needs/" + id + "/completion",
				Map.of("startedAt", end.minusMinutes(90).toString(), "endedAt", end.toString()));
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(done.json().get("status").asString()).isEqualTo("DONE");
		assertThat(this.fixtures.recordCountOf(this.volunteer)).isEqualTo(recordsBefore + 1);
		assertThat(this.fixtures.totalHoursOf(this.volunteer)).isEqualByComparingTo("1.50");
		assertThat(this.jdbc.sql("SELECT method FROM service_record WHERE volunteer_id = :v")
			.param("v", this.volunteer.volunteerId())
			.query(String.class)
			.single()).isEqualTo("NEED");
		assertThat(notices(resident.person())).contains("notice.need.done");

		Response rated = resident.api()
			.post("/api/v1/needs/" + id + "/rating", Map.of("stars", 5, "comment", "志愿者很耐心"));
		assertThat(rated.status()).as(rated.body()).isEqualTo(200);
		assertThat(rated.json().get("status").asString()).isEqualTo("RATED");
		JsonNode incoming = as(this.team.admin()).get("/api/v1/organizations/" + this.team.id() + "/needs").json();
		assertThat(incoming.get("items").get(0).get("stars").asInt()).isEqualTo(5);
		assertThat(incoming.get("items").get(0).get("ratingComment").asString()).isEqualTo("志愿者很耐心");
		List<String> steps = new java.util.ArrayList<>();
		resident.api()
			.get("/api/v1/needs/" + id)
			.json()
			.get("timeline")
			.forEach((step) -> steps.add(step.get("kind").asString()));
		assertThat(steps).containsExactly("SUBMITTED", "DISPATCHED", "ACCEPTED", "DONE", "RATED");
	}

	@Test
	void theMenuOrganizationTakesANeedOrderedFromItsMenuAndItsAdminAssignsVolunteers() {
		Resident resident = aResident();
		String id = submit(resident.api(), needBody(aMenuItem(this.team)));
		Person second = memberOf(this.team);
		assertThat(
				as(this.team.admin()).get("/api/v1/organizations/" + this.team.id() + "/needs?status=SUBMITTED").body())
			.contains(id);
		Response taken = as(this.team.admin()).post("/api/v1/needs/" + id + "/dispatch",
				Map.of("organizationId", this.team.id().toString()));
		assertThat(taken.status()).as(taken.body()).isEqualTo(200);
		Response assigned = as(this.team.admin()).post("/api/v1/needs/" + id + "/acceptance", Map.of("volunteerIds",
				List.of(this.volunteer.volunteerId().toString(), second.volunteerId().toString())));
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
		assertThat(assigned.json().get("volunteers")).hasSize(2);
		OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.MINUTES);
		assertThat(as(this.team.admin())
			.post("/api/v1/needs/" + id + "/completion",
					Map.of("startedAt", end.minusHours(2).toString(), "endedAt", end.toString()))
			.status()).isEqualTo(200);
		assertThat(this.fixtures.totalHoursOf(this.volunteer)).isEqualByComparingTo("2.00");
		assertThat(this.fixtures.totalHoursOf(second)).isEqualByComparingTo("2.00");
	}

	@Test
	void everyStepOutOfOrderIsInvalidState() {
		Resident resident = aResident();
		String id = submit(resident.api(), needBody(aMenuItem(this.team)));
		Map<String, Object> times = pastTimes(3);
		expectInvalidState(as(this.team.admin()).post("/api/v1/needs/" + id + "/acceptance",
				Map.of("volunteerIds", List.of(this.volunteer.volunteerId().toString()))));
		expectInvalidState(resident.api().post("/api/v1/needs/" + id + "/rating", Map.of("stars", 4)));
		dispatch(id, this.team);
		expectInvalidState(as(this.operator).post("/api/v1/needs/" + id + "/dispatch",
				Map.of("organizationId", this.team.id().toString())));
		expectInvalidState(as(this.team.admin()).post("/api/v1/needs/" + id + "/completion", times));
		expectInvalidState(resident.api().post("/api/v1/needs/" + id + "/rating", Map.of("stars", 4)));
		assertThat(as(this.volunteer).post("/api/v1/needs/" + id + "/acceptance", Map.of()).status()).isEqualTo(200);
		expectInvalidState(as(this.volunteer).post("/api/v1/needs/" + id + "/acceptance", Map.of()));
		expectInvalidState(resident.api().post("/api/v1/needs/" + id + "/rating", Map.of("stars", 4)));
		assertThat(as(this.volunteer).post("/api/v1/needs/" + id + "/completion", times).status()).isEqualTo(200);
		expectInvalidState(as(this.volunteer).post("/api/v1/needs/" + id + "/completion", times));
		expectInvalidState(as(this.volunteer).post("/api/v1/needs/" + id + "/acceptance", Map.of()));
		expectInvalidState(as(this.operator).post("/api/v1/needs/" + id + "/dispatch",
				Map.of("organizationId", this.team.id().toString())));
		assertThat(resident.api().post("/api/v1/needs/" + id + "/rating", Map.of("stars", 4)).status()).isEqualTo(200);
		expectInvalidState(resident.api().post("/api/v1/needs/" + id + "/rating", Map.of("stars", 5)));
		assertThat(this.fixtures.recordCountOf(this.volunteer)).isEqualTo(1);
	}

	@Test
	void aResidentOrAnOperatorCancelsANeedUntilItIsServedAndThoseComingAreTold() {
		Resident resident = aResident();
		String id = acceptedNeed(resident);
		Map<String, Object> reason = Map.of("reason", "邻居已经陪我去过了");
		assertThat(as(this.volunteer).post("/api/v1/needs/" + id + "/cancellation", reason).status())
			.as("the volunteer coming may not cancel it")
			.isEqualTo(403);
		assertThat(resident.api().post("/api/v1/needs/" + id + "/cancellation", Map.of()).status()).isEqualTo(400);
		Response cancelled = resident.api().post("/api/v1/needs/" + id + "/cancellation", reason);
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.body()).contains("CANCELLED", "邻居已经陪我去过了");
		assertThat(notices(this.volunteer)).contains("notice.need.cancelled");
		assertThat(notices(this.team.admin())).contains("notice.need.cancelled");
		expectInvalidState(resident.api().post("/api/v1/needs/" + id + "/cancellation", reason));
		expectInvalidState(as(this.volunteer).post("/api/v1/needs/" + id + "/completion", pastTimes(1)));
		expectInvalidState(resident.api().post("/api/v1/needs/" + id + "/rating", Map.of("stars", 5)));

		String submitted = submit(resident.api(), needBody(null));
		Api page = new Api("http://localhost:" + this.port);
		page.submitForm("/login", "/login",
				Map.of("username", this.operator.username(), "password", this.operator.password()));
		assertThat(page.get("/needs/" + submitted).body()).contains("need-cancel", "cancel-form");
		assertThat(page.submitForm("/needs/" + submitted, "/needs/" + submitted + "/cancellation", Map.of()).status())
			.isEqualTo(302);
		assertThat(page.get("/needs/" + submitted).body()).as("no reason: refused next to the field")
			.contains("problem-reason");
		assertThat(page
			.submitForm("/needs/" + submitted, "/needs/" + submitted + "/cancellation", Map.of("reason", "居民电话说不需要了"))
			.status()).isEqualTo(302);
		Response byOperator = as(this.operator).get("/api/v1/needs/" + submitted);
		assertThat(byOperator.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(page.get("/needs/" + submitted).body()).contains("居民电话说不需要了", "已取消").doesNotContain("cancel-form");
		expectInvalidState(as(this.operator).post("/api/v1/needs/" + submitted + "/dispatch",
				Map.of("organizationId", this.team.id().toString())));

		String done = acceptedNeed(resident);
		assertThat(as(this.volunteer).post("/api/v1/needs/" + done + "/completion", pastTimes(30)).status())
			.isEqualTo(200);
		expectInvalidState(resident.api().post("/api/v1/needs/" + done + "/cancellation", reason));
	}

	@Test
	void anAdminWithdrawsAMenuItemThatResidentsCanNoLongerOrder() {
		String item = aMenuItem(this.team);
		Resident resident = aResident();
		String ordered = submit(resident.api(), needBody(item));
		assertThat(as(this.volunteer).post("/api/v1/menu-items/" + item + "/withdrawal", Map.of()).status())
			.isEqualTo(403);
		Api page = new Api("http://localhost:" + this.port);
		page.submitForm("/login", "/login",
				Map.of("username", this.team.admin().username(), "password", this.team.admin().password()));
		String menu = "/organizations/" + this.team.id() + "/menu";
		assertThat(page.get(menu).body()).contains("menu-withdraw", "/menu/" + item + "/withdrawal");
		assertThat(page.submitForm(menu, menu + "/" + item + "/withdrawal", Map.of()).status()).isEqualTo(302);
		assertThat(page.get(menu).body()).doesNotContain("/menu/" + item + "/withdrawal").contains("已下架");

		assertThat(this.api.get("/api/v1/menu-items?regionCode=" + this.community).body()).doesNotContain(item);
		Response refused = resident.api().post("/api/v1/needs", needBody(item));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("menuItemId");
		assertThat(as(this.team.admin()).post("/api/v1/menu-items/" + item + "/withdrawal", Map.of()).problemCode())
			.isEqualTo("MENU_ITEM_NOT_FOUND");
		assertThat(resident.api().get("/api/v1/needs/" + ordered).json().get("status").asString())
			.as("a need ordered before goes on")
			.isEqualTo("SUBMITTED");
	}

	@Test
	void concurrentCompletionsRecordTheServiceOnceAndARepeatWithTheKeyChangesNothing() throws Exception {
		Resident resident = aResident();
		String id = acceptedNeed(resident);
		String body = "{\"startedAt\": \"" + pastTimes(2).get("startedAt") + "\", \"endedAt\": \""
				+ pastTimes(2).get("endedAt") + "\"}";
		String adminToken = this.fixtures.tokenFor(this.team.admin());
		String volunteerToken = this.fixtures.tokenFor(this.volunteer);
		List<Integer> statuses = Concurrently.statuses(this.port,
				List.of(Call.post(adminToken, "/api/v1/needs/" + id + "/completion", body),
						Call.post(volunteerToken, "/api/v1/needs/" + id + "/completion", body),
						Call.post(adminToken, "/api/v1/needs/" + id + "/completion", body),
						Call.post(volunteerToken, "/api/v1/needs/" + id + "/completion", body)));
		assertThat(statuses).containsOnly(200, 409);
		assertThat(statuses.stream().filter((s) -> s == 200)).hasSize(1);
		assertThat(this.fixtures.recordCountOf(this.volunteer)).isEqualTo(1);
		assertThat(this.fixtures.totalHoursOf(this.volunteer)).isEqualByComparingTo("2.00");

		Resident other = aResident();
		String second = acceptedNeed(other);
		Map<String, Object> later = pastTimes(5);
		Map<String, String> key = Map.of("Idempotency-Key", "done-" + second);
		Response first = as(this.volunteer).postWithHeaders("/api/v1/needs/" + second + "/completion", later, key);
		Response again = as(this.volunteer).postWithHeaders("/api/v1/needs/" + second + "/completion", later, key);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(again.status()).isEqualTo(200);
		assertThat(this.fixtures.recordCountOf(this.volunteer)).isEqualTo(2);
	}

	@Test
	void aCompletionOverlappingTheVolunteersOtherServiceRecordsNothing() {
		Resident resident = aResident();
		String first = acceptedNeed(resident);
		Map<String, Object> times = pastTimes(2);
		assertThat(as(this.volunteer).post("/api/v1/needs/" + first + "/completion", times).status()).isEqualTo(200);
		String second = acceptedNeed(resident);
		Response overlapping = as(this.volunteer).post("/api/v1/needs/" + second + "/completion", times);
		assertThat(overlapping.status()).isEqualTo(409);
		assertThat(overlapping.problemCode()).isEqualTo("RECORD_OVERLAP");
		assertThat(as(this.volunteer).get("/api/v1/needs/" + second).json().get("status").asString())
			.isEqualTo("ACCEPTED");
		assertThat(this.fixtures.recordCountOf(this.volunteer)).isEqualTo(1);
	}

	@Test
	void lateNeedsAreFlaggedToTheOperatorWhoDispatchesThemAgain() {
		Resident resident = aResident();
		String id = submit(resident.api(), needBody(null));
		backdate(id, "submitted_at", 3);
		this.needs.flagLate();
		JsonNode late = as(this.operator).get("/api/v1/needs?regionCode=" + DISTRICT + "&late=true").json();
		assertThat(late.toString()).contains(id).contains("\"DISPATCH\"");
		assertThat(notices(this.operator)).contains("notice.need.overdue.dispatch");
		this.needs.flagLate();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM need_event WHERE need_id = :id AND kind = 'OVERDUE'")
			.param("id", UUID.fromString(id))
			.query(Long.class)
			.single()).as("flagged once").isEqualTo(1);

		dispatch(id, this.team);
		Team other = this.fixtures.anActiveTeamIn(DISTRICT);
		expectInvalidState(as(this.operator).post("/api/v1/needs/" + id + "/dispatch",
				Map.of("organizationId", other.id().toString())));
		backdate(id, "dispatched_at", 5);
		this.needs.flagLate();
		assertThat(as(this.operator).get("/api/v1/needs/" + id).json().get("overdue").asString())
			.isEqualTo("ACCEPTANCE");
		Response again = as(this.operator).post("/api/v1/needs/" + id + "/dispatch",
				Map.of("organizationId", other.id().toString()));
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("organizationId").asString()).isEqualTo(other.id().toString());
		assertThat(again.json().get("overdue").isNull()).isTrue();
		assertThat(as(this.volunteer).post("/api/v1/needs/" + id + "/acceptance", Map.of()).status()).isEqualTo(403);

		String accepted = acceptedNeed(resident);
		this.jdbc.sql("UPDATE need SET wanted_from = :from, wanted_to = :to WHERE id = :id")
			.param("from", OffsetDateTime.now(ZoneOffset.UTC).minusDays(3))
			.param("to", OffsetDateTime.now(ZoneOffset.UTC).minusDays(2))
			.param("id", UUID.fromString(accepted))
			.update();
		this.needs.flagLate();
		assertThat(as(this.operator).get("/api/v1/needs/" + accepted).json().get("overdue").asString())
			.isEqualTo("COMPLETION");
	}

	@Test
	void anOperatorOrdersForAResidentWithoutAPhoneAndRatesForThem() {
		Map<String, Object> body = needBody(null);
		body.put("onBehalfOf", Map.of("name", "王奶奶"));
		Response submitted = as(this.operator).post("/api/v1/needs", body);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		String id = submitted.json().get("id").asString();
		assertThat(submitted.json().get("resident").get("name").asString()).isEqualTo("王奶奶");
		dispatch(id, this.team);
		as(this.volunteer).post("/api/v1/needs/" + id + "/acceptance", Map.of());
		as(this.volunteer).post("/api/v1/needs/" + id + "/completion", pastTimes(2));
		assertThat(as(this.operator).post("/api/v1/needs/" + id + "/rating", Map.of("stars", 4)).status())
			.isEqualTo(200);
		Person outsider = this.fixtures.anOperatorOf("310101");
		assertThat(as(outsider).post("/api/v1/needs", body).status()).isEqualTo(403);
		body.remove("onBehalfOf");
		Response nameless = as(this.operator).post("/api/v1/needs", body);
		assertThat(nameless.status()).isEqualTo(400);
		assertThat(nameless.body()).contains("onBehalfOf");
	}

	@Test
	void onlyThoseConcernedMayReadOrActOnANeed() {
		Resident resident = aResident();
		Resident stranger = aResident();
		String id = submit(resident.api(), needBody(null));
		Person otherOperator = this.fixtures.anOperatorOf("310101");
		Team otherTeam = this.fixtures.anActiveTeamIn(DISTRICT);
		Person outsider = memberOf(otherTeam);

		assertThat(this.api.get("/api/v1/needs/" + id).status()).isEqualTo(401);
		assertThat(stranger.api().get("/api/v1/needs/" + id).status()).isEqualTo(403);
		assertThat(as(this.volunteer).get("/api/v1/needs/" + id).status()).isEqualTo(403);
		assertThat(as(otherOperator).get("/api/v1/needs/" + id).status()).isEqualTo(403);
		assertThat(as(this.fixtures.anAuditorOf(DISTRICT)).get("/api/v1/needs/" + id).status()).isEqualTo(200);
		assertThat(as(otherOperator)
			.post("/api/v1/needs/" + id + "/dispatch", Map.of("organizationId", this.team.id().toString()))
			.status()).isEqualTo(403);
		assertThat(as(this.team.admin())
			.post("/api/v1/needs/" + id + "/dispatch", Map.of("organizationId", this.team.id().toString()))
			.status()).isEqualTo(403);
		assertThat(resident.api()
			.post("/api/v1/needs/" + id + "/dispatch", Map.of("organizationId", this.team.id().toString()))
			.status()).isEqualTo(403);
		dispatch(id, this.team);

		assertThat(as(this.volunteer).get("/api/v1/needs/" + id).json().get("address").isNull()).isTrue();
		assertThat(as(outsider).post("/api/v1/needs/" + id + "/acceptance", Map.of()).status()).isEqualTo(403);
		assertThat(as(otherTeam.admin())
			.post("/api/v1/needs/" + id + "/acceptance",
					Map.of("volunteerIds", List.of(outsider.volunteerId().toString())))
			.status()).isEqualTo(403);
		Response notMember = as(this.team.admin()).post("/api/v1/needs/" + id + "/acceptance",
				Map.of("volunteerIds", List.of(outsider.volunteerId().toString())));
		assertThat(notMember.status()).isEqualTo(400);
		assertThat(notMember.body()).contains("volunteerIds[0]");
		assertThat(resident.api().post("/api/v1/needs/" + id + "/acceptance", Map.of()).status()).isEqualTo(403);
		as(this.volunteer).post("/api/v1/needs/" + id + "/acceptance", Map.of());
		assertThat(as(this.volunteer).get("/api/v1/needs/" + id).json().get("address").asString()).contains("文三路");

		assertThat(resident.api().post("/api/v1/needs/" + id + "/completion", pastTimes(2)).status()).isEqualTo(403);
		assertThat(as(outsider).post("/api/v1/needs/" + id + "/completion", pastTimes(2)).status()).isEqualTo(403);
		assertThat(as(this.volunteer).post("/api/v1/needs/" + id + "/completion", pastTimes(2)).status())
			.isEqualTo(200);
		assertThat(as(this.volunteer).post("/api/v1/needs/" + id + "/rating", Map.of("stars", 1)).status())
			.isEqualTo(403);
		assertThat(as(this.operator).post("/api/v1/needs/" + id + "/rating", Map.of("stars", 1)).status())
			.isEqualTo(403);
		assertThat(stranger.api().post("/api/v1/needs/" + id + "/rating", Map.of("stars", 1)).status()).isEqualTo(403);
		assertThat(as(this.volunteer).post("/api/v1/needs", needBody(null)).status()).isEqualTo(403);
		assertThat(as(otherTeam.admin()).post("/api/v1/organizations/" + this.team.id() + "/menu-items", menuItemBody())
			.status()).isEqualTo(403);
		assertThat(as(this.volunteer).get("/api/v1/residents/me/needs").status()).isEqualTo(404);
	}

	@Test
	void registrationNamesEveryBadFieldAndRefusesAPhoneThatSignsInAlready() {
		Response bad = this.api.post("/api/v1/residents",
				Map.of("name", " ", "phone", "12345", "password", "short", "regionCode", "999999"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("\"name\"")
			.contains("\"phone\"")
			.contains("\"password\"")
			.contains("\"regionCode\"");
		Response taken = this.api.post("/api/v1/residents", Map.of("name", "张大爷", "phone", this.volunteer.username(),
				"password", Fixtures.PASSWORD, "regionCode", this.community));
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.problemCode()).isEqualTo("PHONE_REGISTERED");
	}

	// fixtures

	private record Resident(Person person, String phone, Api api) {

	}

	private Resident aResident() {
		String phone = Identities.phone();
		Response registered = this.api.post("/api/v1/residents",
				Map.of("name", "张大爷", "phone", phone, "password", Fixtures.PASSWORD, "regionCode", this.community));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		assertThat(registered.json().get("phoneMasked").asString()).isNotEqualTo(phone);
		UUID accountId = UUID.fromString(registered.json().get("accountId").asString());
		return new Resident(new Person(accountId, phone, Fixtures.PASSWORD, null, null), phone,
				this.api.signIn(phone, Fixtures.PASSWORD));
	}

	private Person memberOf(Team of) {
		Person member = this.fixtures.aVolunteerIn(DISTRICT);
		this.organizations.addMember(this.fixtures.actorOf(of.admin()), of.id(), member.volunteerId(),
				MemberRole.MEMBER);
		this.organizations.acceptInvitation(this.fixtures.actorOf(member), of.id());
		return member;
	}

	private String aMenuItem(Team of) {
		Response created = as(of.admin()).post("/api/v1/organizations/" + of.id() + "/menu-items", menuItemBody());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	static Map<String, Object> menuItemBody() {
		return Map.of("title", "上门助餐", "field", "ELDERLY_CARE", "description", "每日午餐送到老人家中", "regionCodes",
				List.of(DISTRICT));
	}

	private Map<String, Object> needBody(String menuItemId) {
		OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.HOURS);
		Map<String, Object> body = new HashMap<>();
		if (menuItemId != null) {
			body.put("menuItemId", menuItemId);
		}
		body.put("title", "陪同就医");
		body.put("description", "周三上午去医院复查，需要有人陪同");
		body.put("field", "ELDERLY_CARE");
		body.put("regionCode", this.community);
		body.put("address", "文三路 88 号 3 单元 502");
		body.put("location", Map.of("lat", 30.2741, "lng", 120.1299));
		body.put("wantedFrom", from.toString());
		body.put("wantedTo", from.plusHours(3).toString());
		return body;
	}

	private String submit(Api as, Map<String, Object> body) {
		Response submitted = as.post("/api/v1/needs", body);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		return submitted.json().get("id").asString();
	}

	private void dispatch(String id, Team to) {
		Response dispatched = as(this.operator).post("/api/v1/needs/" + id + "/dispatch",
				Map.of("organizationId", to.id().toString()));
		assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
	}

	private String acceptedNeed(Resident resident) {
		String id = submit(resident.api(), needBody(null));
		dispatch(id, this.team);
		assertThat(as(this.volunteer).post("/api/v1/needs/" + id + "/acceptance", Map.of()).status()).isEqualTo(200);
		return id;
	}

	/** Two hours ending {@code hoursAgo} hours ago. */
	private static Map<String, Object> pastTimes(int hoursAgo) {
		OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).minusHours(hoursAgo).truncatedTo(ChronoUnit.MINUTES);
		return Map.of("startedAt", end.minusHours(2).toString(), "endedAt", end.toString());
	}

	private void backdate(String id, String column, int hours) {
		this.jdbc.sql("UPDATE need SET " + column + " = :at WHERE id = :id")
			.param("at", OffsetDateTime.now(ZoneOffset.UTC).minusHours(hours))
			.param("id", UUID.fromString(id))
			.update();
	}

	private String notices(Person person) {
		return String.join(",",
				this.jdbc.sql("SELECT message_key FROM notification WHERE account_id = :a")
					.param("a", person.id())
					.query(String.class)
					.list());
	}

	private Api as(Person person) {
		return this.api.as(this.fixtures.tokenFor(person));
	}

	private static void expectInvalidState(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(409);
		assertThat(response.problemCode()).isEqualTo("INVALID_STATE");
	}

}
