package org.zhiyuan.emergency;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
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
 * Emergency plans (应急预案) in the counties of 海北州 (632200) and 尖扎县, one county a test so
 * that every count is exact: a plan written, read by the overseers of its region and
 * above, changed and archived by its operators only; its teams only emergency teams of
 * the region's tree; every bad field named at once; a mobilization launched from a plan
 * with the plan's needs, radius and assembly point, calling the eligible volunteers, and
 * a repeat with the same key returning it; the pages with their field problems, in
 * Chinese and English.
 */
class EmergencyPlanApiTests extends ApiTestSupport {

	private static final String CITY = "632200";

	/** The scene, in 门源. */
	private static final double LAT = 37.38;

	private static final double LNG = 101.62;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmergencyPlans plans;

	private Api api(Person person) {
		return new Api("http://localhost:" + this.port).as(this.fixtures.tokenFor(person));
	}

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

	/**
	 * An active organization of the region marked as an emergency team by its operator.
	 */
	private Team anEmergencyTeamIn(String region, String tier) {
		Team team = this.fixtures.anActiveTeamIn(region);
		Response marked = api(this.fixtures.anOperatorOf(region)).send("PUT", "/api/v1/emergency/teams/" + team.id(),
				Map.of("tier", tier));
		assertThat(marked.status()).as(marked.body()).isEqualTo(200);
		return team;
	}

	private static Map<String, Object> aPlan(String region, List<UUID> teams) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("regionCode", region);
		body.put("name", "县城内涝抢险预案");
		body.put("hazard", "FLOOD");
		body.put("description", "县城低洼地带积水超过 30 厘米时启用");
		body.put("radiusKm", 8);
		body.put("needs", List.of(Map.of("skill", "急救", "count", 2),
				Map.of("skill", "驾驶", "count", 1, "qualification", "DRIVING")));
		body.put("teamIds", teams.stream().map(UUID::toString).toList());
		body.put("assemblyPoints", List.of(Map.of("name", "县政府广场", "lat", LAT + 0.002, "lng", LNG),
				Map.of("name", "浩门镇中学操场", "lat", LAT - 0.002, "lng", LNG + 0.001)));
		return body;
	}

	private static Map<String, Object> aLaunch(Integer point) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("location", Map.of("lat", LAT, "lng", LNG));
		body.put("assembleAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(2).withNano(0).toString());
		if (point != null) {
			body.put("assemblyPointIndex", point);
		}
		body.put("drill", true);
		return body;
	}

	private String create(Person operator, Map<String, Object> body) {
		Response created = api(operator).post("/api/v1/emergency/plans", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private Person aResponderAt(String region, double lat, double lng, String... skills) {
		Person volunteer = this.fixtures.aVolunteerIn(region);
		if (skills.length > 0) {
			this.jdbc.sql("DELETE FROM volunteer_attribute WHERE volunteer_id = :id AND kind = 'SKILL'")
				.param("id", volunteer.volunteerId())
				.update();
			for (String skill : skills) {
				this.jdbc
					.sql("INSERT INTO volunteer_attribute (volunteer_id, kind, attribute) VALUES (:id, 'SKILL',"
							+ " :skill)")
					.param("id", volunteer.volunteerId())
					.param("skill", skill)
					.update();
			}
		}
		String until = LocalDate.now(ZoneOffset.ofHours(8)).plusYears(1).toString();
		Response profile = api(volunteer).send("PUT", "/api/v1/me/emergency-profile", Map.of("homeLat", lat, "homeLng",
				lng, "readiness", "HIGH", "qualifications", List.of(Map.of("kind", "DRIVING", "validUntil", until))));
		assertThat(profile.status()).as(profile.body()).isEqualTo(200);
		return volunteer;
	}

	@Test
	void anOperatorWritesReadsChangesAndArchivesAPlanWhichTheOverseersAboveRead() {
		String county = "632221";
		Person operator = this.fixtures.anOperatorOf(county);
		Team street = anEmergencyTeamIn(county + "100", "STREET");
		Team city = anEmergencyTeamIn(CITY, "CITY");
		Map<String, String> key = Map.of("Idempotency-Key", "plan-" + UUID.randomUUID());

		Response created = api(operator).postWithHeaders("/api/v1/emergency/plans",
				aPlan(county, List.of(street.id(), city.id())), key);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		Response again = api(operator).postWithHeaders("/api/v1/emergency/plans",
				aPlan(county, List.of(street.id(), city.id())), key);
		assertThat(again.status()).as(again.body()).isEqualTo(201);
		assertThat(again.json().get("id").asString()).isEqualTo(id);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM emergency_plan WHERE region_code = :r")
			.param("r", county)
			.query(Long.class)
			.single()).isEqualTo(1);

		JsonNode plan = api(this.fixtures.anAuditorOf(CITY)).get("/api/v1/emergency/plans/" + id).json();
		assertThat(plan.get("name").asString()).isEqualTo("县城内涝抢险预案");
		assertThat(plan.get("hazard").asString()).isEqualTo("FLOOD");
		assertThat(plan.get("radiusKm").asInt()).isEqualTo(8);
		assertThat(plan.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(plan.get("needs").findValuesAsString("skill")).containsExactly("急救", "驾驶");
		assertThat(plan.get("needs").get(1).get("qualification").asString()).isEqualTo("DRIVING");
		assertThat(plan.get("teams").findValuesAsString("organizationId")).containsExactly(street.id().toString(),
				city.id().toString());
		assertThat(plan.get("assemblyPoints").findValuesAsString("name")).containsExactly("县政府广场", "浩门镇中学操场");
		assertThat(this.plans.teamIdsOf(UUID.fromString(id))).containsExactly(street.id(), city.id());
		JsonNode listed = api(this.fixtures.anAuditorOf(CITY)).get("/api/v1/emergency/plans?regionCode=" + CITY).json();
		assertThat(listed.get("items").findValuesAsString("id")).contains(id);
		assertThat(api(this.fixtures.anAuditorOf("632222")).get("/api/v1/emergency/plans/" + id).status())
			.as("an auditor of another county")
			.isEqualTo(403);
		assertThat(
				api(this.fixtures.anAuditorOf("632222")).get("/api/v1/emergency/plans?regionCode=" + county).status())
			.isEqualTo(403);

		Map<String, Object> changed = aPlan(county, List.of(city.id()));
		changed.remove("regionCode");
		changed.put("name", "县城洪涝抢险预案");
		changed.put("needs", List.of(Map.of("skill", "搜救", "count", 6)));
		Person other = this.fixtures.anOperatorOf("632222");
		assertThat(api(other).send("PUT", "/api/v1/emergency/plans/" + id, changed).status()).isEqualTo(403);
		assertThat(
				api(this.fixtures.anAuditorOf(county)).send("PUT", "/api/v1/emergency/plans/" + id, changed).status())
			.isEqualTo(403);
		assertThat(api(other).post("/api/v1/emergency/plans", aPlan(county, List.of())).status())
			.as("an operator of another county writes no plan here")
			.isEqualTo(403);
		Response put = api(operator).send("PUT", "/api/v1/emergency/plans/" + id, changed);
		assertThat(put.status()).as(put.body()).isEqualTo(200);
		assertThat(put.json().get("name").asString()).isEqualTo("县城洪涝抢险预案");
		assertThat(put.json().get("regionCode").asString()).isEqualTo(county);
		assertThat(put.json().get("needs").findValuesAsString("skill")).containsExactly("搜救");
		assertThat(put.json().get("teams").findValuesAsString("organizationId")).containsExactly(city.id().toString());

		assertThat(api(other).send("DELETE", "/api/v1/emergency/plans/" + id).status()).isEqualTo(403);
		assertThat(api(operator).send("DELETE", "/api/v1/emergency/plans/" + id).status()).isEqualTo(204);
		assertThat(api(operator).send("DELETE", "/api/v1/emergency/plans/" + id).status()).as("again").isEqualTo(204);
		assertThat(api(operator).get("/api/v1/emergency/plans/" + id).json().get("status").asString())
			.isEqualTo("ARCHIVED");
		assertThat(api(operator).get("/api/v1/emergency/plans?regionCode=" + county).json().get("total").asLong())
			.isZero();
		Response late = api(operator).send("PUT", "/api/v1/emergency/plans/" + id, changed);
		assertThat(late.status()).as(late.body()).isEqualTo(409);
		assertThat(late.problemCode()).isEqualTo("INVALID_STATE");
		Response launch = api(operator).post("/api/v1/emergency/plans/" + id + "/mobilizations", aLaunch(null));
		assertThat(launch.status()).as(launch.body()).isEqualTo(409);
		assertThat(api(operator).get("/api/v1/emergency/plans/" + UUID.randomUUID()).problemCode())
			.isEqualTo("PLAN_NOT_FOUND");
	}

	@Test
	void aPlanCallsFirstOnlyActiveEmergencyTeamsOfTheRegionAboveOrBelow() {
		String county = "632223";
		Person operator = this.fixtures.anOperatorOf(county);
		Team below = anEmergencyTeamIn(county + "100", "STREET");
		Team sibling = anEmergencyTeamIn("632224", "DISTRICT");
		Team unmarked = this.fixtures.anActiveTeamIn(county);

		Response refused = api(operator).post("/api/v1/emergency/plans",
				aPlan(county, List.of(below.id(), sibling.id(), unmarked.id())));

		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.problemCode()).isEqualTo("TEAM_NOT_ELIGIBLE");
		List<String> named = new ArrayList<>();
		refused.json().get("teamIds").forEach((id) -> named.add(id.asString()));
		assertThat(named).containsExactlyInAnyOrder(sibling.id().toString(), unmarked.id().toString());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM emergency_plan WHERE region_code = :r")
			.param("r", county)
			.query(Long.class)
			.single()).isZero();
		String id = create(operator, aPlan(county, List.of(below.id())));
		assertThat(this.plans.teamIdsOf(UUID.fromString(id))).containsExactly(below.id());
	}

	@Test
	void namesEveryBadFieldAtOnce() {
		String county = "632224";
		Person operator = this.fixtures.anOperatorOf(county);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("regionCode", "999999");
		body.put("name", " ");
		body.put("hazard", "STORM");
		body.put("description", "说".repeat(1001));
		body.put("radiusKm", 0);
		body.put("needs", List.of(Map.of("skill", "", "count", 0, "qualification", "NOPE")));
		body.put("teamIds", Arrays.asList((Object) null));
		body.put("assemblyPoints", List.of(Map.of("name", "", "lat", 90, "lng", 10)));

		Response refused = api(operator).post("/api/v1/emergency/plans", body);

		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(fields(refused)).containsExactlyInAnyOrder("regionCode", "name", "hazard", "description", "radiusKm",
				"needs[0].skill", "needs[0].count", "needs[0].qualification", "teamIds[0]", "assemblyPoints[0].name",
				"assemblyPoints[0].lat", "assemblyPoints[0].lng");
		Response empty = api(operator).post("/api/v1/emergency/plans",
				Map.of("regionCode", county, "needs", List.of(), "assemblyPoints", List.of()));
		assertThat(fields(empty)).containsExactlyInAnyOrder("name", "hazard", "radiusKm", "needs", "assemblyPoints");
		assertThat(api(operator).in("en").post("/api/v1/emergency/plans", body).body())
			.contains("Enter the plan's name, at most 100 characters.");

		String id = create(operator, aPlan(county, List.of()));
		Map<String, Object> launch = new LinkedHashMap<>();
		launch.put("title", "");
		launch.put("location", Map.of("lat", 0, "lng", 0));
		launch.put("radiusKm", 0);
		launch.put("assembleAt", "2020-01-01T08:00:00+08:00");
		launch.put("assemblyPointIndex", 2);
		Response bad = api(operator).post("/api/v1/emergency/plans/" + id + "/mobilizations", launch);
		assertThat(bad.status()).as(bad.body()).isEqualTo(400);
		assertThat(fields(bad)).containsExactlyInAnyOrder("title", "location.lat", "location.lng", "radiusKm",
				"assembleAt", "assemblyPointIndex");
		Map<String, Object> both = aLaunch(0);
		both.put("assemblyPoint", Map.of("name", "", "lat", LAT, "lng", LNG));
		assertThat(fields(api(operator).post("/api/v1/emergency/plans/" + id + "/mobilizations", both)))
			.containsExactlyInAnyOrder("assemblyPointIndex", "assemblyPoint.name");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM emergency_mobilization WHERE region_code = :r")
			.param("r", county)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aMobilizationLaunchedFromAPlanHasItsNeedsAndCallsTheEligibleVolunteers() {
		String county = "632222";
		String street = county + "100";
		Person operator = this.fixtures.anOperatorOf(county);
		Person firstAider = aResponderAt(street, LAT + 0.01, LNG);
		Person driver = aResponderAt(street, LAT - 0.01, LNG, "驾驶");
		aResponderAt(street, LAT, LNG, "心理疏导");
		aResponderAt(street, LAT + 0.2, LNG);
		aResponderAt("632221100", LAT, LNG);
		String id = create(operator, aPlan(county, List.of()));
		Map<String, String> key = Map.of("Idempotency-Key", "plan-launch-" + UUID.randomUUID());

		Response launched = api(operator).postWithHeaders("/api/v1/emergency/plans/" + id + "/mobilizations",
				aLaunch(1), key);

		assertThat(launched.status()).as(launched.body()).isEqualTo(201);
		assertThat(launched.json().get("notified").asInt()).isEqualTo(2);
		UUID mobilization = UUID.fromString(launched.json().get("id").asString());
		assertThat(this.jdbc.sql("SELECT volunteer_id FROM emergency_call WHERE mobilization_id = :id")
			.param("id", mobilization)
			.query(UUID.class)
			.list()).containsExactlyInAnyOrder(firstAider.volunteerId(), driver.volunteerId());
		assertThat(this.jdbc
			.sql("SELECT skill || ':' || head_count || ':' || COALESCE(qualification, '-') FROM emergency_need"
					+ " WHERE mobilization_id = :id ORDER BY ordinal")
			.param("id", mobilization)
			.query(String.class)
			.list()).containsExactly("急救:2:-", "驾驶:1:DRIVING");
		Map<String, Object> row = this.jdbc
			.sql("SELECT title, radius_km, assembly_name, drill, region_code FROM emergency_mobilization"
					+ " WHERE id = :id")
			.param("id", mobilization)
			.query()
			.singleRow();
		assertThat(row.values()).extracting(String::valueOf)
			.containsExactly("县城内涝抢险预案", "8.00", "浩门镇中学操场", "true", county);
		JsonNode board = api(operator).get("/api/v1/emergency/mobilizations/" + mobilization + "/board").json();
		assertThat(board.get("needs").findValuesAsString("skill")).containsExactly("急救", "驾驶");
		assertThat(this.plans.planOf(mobilization)).contains(UUID.fromString(id));

		Response again = api(operator).postWithHeaders("/api/v1/emergency/plans/" + id + "/mobilizations", aLaunch(1),
				key);
		assertThat(again.status()).as(again.body()).isEqualTo(201);
		assertThat(again.json().get("id").asString()).isEqualTo(mobilization.toString());
		assertThat(again.json().get("notified").asInt()).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM emergency_mobilization WHERE region_code = :r")
			.param("r", county)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE dedupe_key = :key")
			.param("key", "emergency.call:" + mobilization)
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(api(this.fixtures.anOperatorOf("632221"))
			.post("/api/v1/emergency/plans/" + id + "/mobilizations", aLaunch(null))
			.status()).isEqualTo(403);
		assertThat(api(this.fixtures.anAuditorOf(county))
			.post("/api/v1/emergency/plans/" + id + "/mobilizations", aLaunch(null))
			.status()).isEqualTo(403);
	}

	@Test
	void theOperatorWritesAPlanOnThePageSeesEachBadFieldBesideItAndLaunchesFromIt() {
		String county = "632322";
		Person operator = this.fixtures.anOperatorOf(county);
		Team team = anEmergencyTeamIn(county, "DISTRICT");
		Api pages = browserOf(operator);
		String list = pages.get("/emergency/plans?regionCode=" + county).body();
		assertThat(list).contains("id=\"new-plan\"").contains("这个辖区还没有应急预案");
		String form = pages.get("/emergency/plans/new?regionCode=" + county).body();
		assertThat(form).contains("id=\"plan-form\"")
			.contains("value=\"" + team.id() + "\"")
			.contains("class=\"map-picker mb-2\"")
			.contains("洪涝");

		Map<String, String> bad = new LinkedHashMap<>();
		bad.put("regionCode", county);
		bad.put("name", "");
		bad.put("hazard", "");
		bad.put("radiusKm", "十");
		bad.put("needSkill", "急救");
		bad.put("needCount", "0");
		bad.put("needQualification", "");
		bad.put("pointName", "");
		bad.put("lat", "");
		bad.put("lng", "");
		Response refused = pages.submitForm("/emergency/plans/new?regionCode=" + county, "/emergency/plans", bad);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"problem-name\"")
			.contains("id=\"problem-hazard\"")
			.contains("id=\"problem-radiusKm\"")
			.contains("id=\"problem-needs[0].count\"")
			.contains("id=\"problem-assemblyPoints\"")
			.contains("value=\"急救\"");
		Map<String, String> farPoint = new LinkedHashMap<>(bad);
		farPoint.putAll(Map.of("name", "牧区雪灾预案", "hazard", "OTHER", "radiusKm", "20", "needCount", "3", "pointName",
				"乡政府", "lat", "80", "lng", "101.6"));
		Response far = pages.submitForm("/emergency/plans/new?regionCode=" + county, "/emergency/plans", farPoint);
		assertThat(far.body()).contains("id=\"problem-assemblyPoints[0].lat\"").doesNotContain("id=\"problem-name\"");
		Map<String, String> added = new LinkedHashMap<>(farPoint);
		added.put("action", "addNeed");
		String twoRows = pages.submitForm("/emergency/plans/new?regionCode=" + county, "/emergency/plans", added)
			.body();
		assertThat(twoRows.split("name=\"needSkill\"", -1)).hasSize(3);
		assertThat(twoRows).doesNotContain("id=\"problem-");

		Map<String, String> good = new LinkedHashMap<>(farPoint);
		good.put("lat", String.valueOf(LAT));
		good.put("teamId", team.id().toString());
		Response saved = pages.submitForm("/emergency/plans/new?regionCode=" + county, "/emergency/plans", good);
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		String location = saved.header("Location");
		String id = location.substring(location.lastIndexOf('/') + 1);
		EmergencyPlan plan = this.plans.find(this.fixtures.actorOf(operator), UUID.fromString(id));
		assertThat(plan.name()).isEqualTo("牧区雪灾预案");
		assertThat(plan.needs()).containsExactly(new Need("急救", 3, null));
		assertThat(plan.teamIds()).containsExactly(team.id());
		assertThat(plan.assemblyPoints()).containsExactly(new AssemblyPoint("乡政府", LAT, 101.6));

		String detail = pages.get("/emergency/plans/" + id).body();
		assertThat(detail).contains("id=\"launch-form\"").contains("牧区雪灾预案").contains("乡政府");
		assertThat(pages.get("/emergency/plans?regionCode=" + county).body()).contains("/emergency/plans/" + id);
		assertThat(pages.get("/emergency/plans/" + id + "/edit").body()).contains("value=\"牧区雪灾预案\"")
			.contains("checked");
		Response noScene = pages.submitForm("/emergency/plans/" + id, "/emergency/plans/" + id + "/launch", Map
			.of("title", "牧区雪灾", "lat", "", "lng", "", "radiusKm", "20", "assemblyPointIndex", "0", "assembleAt", ""));
		assertThat(noScene.status()).isEqualTo(200);
		assertThat(noScene.body()).contains("id=\"problem-location\"").contains("id=\"problem-assembleAt\"");
		String at = OffsetDateTime.now(ZoneOffset.ofHours(8))
			.plusHours(1)
			.toLocalDateTime()
			.withSecond(0)
			.withNano(0)
			.toString();
		Response launched = pages.submitForm("/emergency/plans/" + id, "/emergency/plans/" + id + "/launch",
				Map.of("title", "牧区雪灾", "lat", String.valueOf(LAT), "lng", "101.6", "radiusKm", "20",
						"assemblyPointIndex", "0", "assembleAt", at, "drill", "true", "formKey",
						UUID.randomUUID().toString()));
		assertThat(launched.status()).as(launched.body()).isEqualTo(302);
		assertThat(launched.header("Location")).matches(".*/emergency/mobilizations/[0-9a-f-]{36}/board");
		assertThat(this.jdbc.sql("SELECT title FROM emergency_mobilization WHERE region_code = :r")
			.param("r", county)
			.query(String.class)
			.list()).containsExactly("牧区雪灾");

		assertThat(pages.get("/emergency/plans/" + id + "?lang=en").body()).contains("Mobilize from this plan")
			.contains("People needed")
			.contains("Assembly points");
		assertThat(pages.get("/emergency/plans/new?regionCode=" + county + "&lang=en").body())
			.contains("Emergency teams to call first")
			.contains("Add another assembly point");
		Api auditor = browserOf(this.fixtures.anAuditorOf(county));
		assertThat(auditor.get("/emergency/plans/" + id).body()).contains("牧区雪灾预案")
			.doesNotContain("id=\"launch-form\"");
		assertThat(auditor.get("/emergency/plans/new?regionCode=" + county).status()).isEqualTo(403);
		Response archived = pages.submitForm("/emergency/plans/" + id, "/emergency/plans/" + id + "/archive", Map.of());
		assertThat(archived.status()).isEqualTo(302);
		assertThat(pages.get("/emergency/plans?regionCode=" + county).body()).doesNotContain("/emergency/plans/" + id);
	}

	private static List<String> fields(Response response) {
		List<String> fields = new ArrayList<>();
		response.json().get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		return fields;
	}

}
