package org.zhiyuan.station;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Download;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stations through the API: operators of the region enter, change, close and reopen them;
 * everyone reads them, by region, kind and bounding box, as a page or as GeoJSON. The
 * tests place their stations in 杭州市西湖区 (330106), which no other test uses.
 */
class StationApiTests extends ApiTestSupport {

	static final String DISTRICT = "330106";

	static final String BEISHAN = "330106002";

	static final String XIXI = "330106004";

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOperatorOfTheRegionEntersAStationThatEveryoneReads() {
		Api operator = as(this.fixtures.anOperatorOf(DISTRICT));
		Team team = this.fixtures.anActiveTeamIn(DISTRICT);
		Map<String, Object> body = station("北山街道新时代文明实践所", "PRACTICE_INSTITUTE", BEISHAN, 30.2590, 120.1420);
		body.put("organizationId", team.id().toString());
		body.put("checklist", checklist(true, true, true, true, true, true));
		Response created = operator.post("/api/v1/stations", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode station = created.json();
		assertThat(station.get("status").asString()).isEqualTo("OPEN");
		assertThat(station.get("kind").asString()).isEqualTo("PRACTICE_INSTITUTE");
		assertThat(station.get("location").get("lat").asDouble()).isEqualTo(30.2590);
		assertThat(station.get("organizationId").asString()).isEqualTo(team.id().toString());
		assertThat(station.get("organizationName").asString()).isNotBlank();
		assertThat(station.get("checklist").get("met").asInt()).isEqualTo(6);
		assertThat(station.get("checklist").get("total").asInt()).isEqualTo(6);
		assertThat(station.get("checklist").get("complete").asBoolean()).isTrue();

		Response read = this.api.get("/api/v1/stations/" + station.get("id").asString());
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("name").asString()).isEqualTo("北山街道新时代文明实践所");
		assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'station.create' AND object_id = :id",
				station.get("id").asString()))
			.isEqualTo(1);
		assertThat(this.api.get("/api/v1/stations/" + UUID.randomUUID()).problemCode()).isEqualTo("STATION_NOT_FOUND");
	}

	@Test
	void aRepeatWithTheSameIdempotencyKeyEntersOneStation() {
		Api operator = as(this.fixtures.anOperatorOf(BEISHAN));
		Map<String, Object> body = station("北山街道某社区志愿服务站", "SERVICE_POINT", BEISHAN, 30.2601, 120.1433);
		String key = UUID.randomUUID().toString();
		Response first = operator.postWithHeaders("/api/v1/stations", body, Map.of("Idempotency-Key", key));
		Response again = operator.postWithHeaders("/api/v1/stations", body, Map.of("Idempotency-Key", key));
		assertThat(first.status()).isEqualTo(201);
		assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		assertThat(count("SELECT COUNT(*) FROM station WHERE idempotency_key = :id", key)).isEqualTo(1);
	}

	@Test
	void onlyOperatorsOfTheRegionEnterAndChangeStations() {
		Map<String, Object> body = station("西溪街道志愿服务站", "SERVICE_POINT", XIXI, 30.2705, 120.1102);
		assertThat(this.api.post("/api/v1/stations", body).status()).isEqualTo(401);
		Team team = this.fixtures.anActiveTeamIn(DISTRICT);
		for (Person refused : List.of(this.fixtures.aVolunteerIn(DISTRICT), team.admin(),
				this.fixtures.anOperatorOf(BEISHAN), this.fixtures.anAuditorOf(DISTRICT),
				this.fixtures.anOperatorOf("310101"))) {
			Response response = as(refused).post("/api/v1/stations", body);
			assertThat(response.status()).as(refused.username()).isEqualTo(403);
		}
		assertThat(count("SELECT COUNT(*) FROM station WHERE name = :id", "西溪街道志愿服务站")).isZero();

		Api xixi = as(this.fixtures.anOperatorOf(XIXI));
		String id = xixi.post("/api/v1/stations", body).json().get("id").asString();
		Map<String, Object> moved = new LinkedHashMap<>(body);
		moved.put("regionCode", BEISHAN);
		assertThat(xixi.send("PUT", "/api/v1/stations/" + id, moved).status())
			.as("moving it to a region the operator does not run")
			.isEqualTo(403);
		assertThat(as(this.fixtures.anOperatorOf(BEISHAN)).send("PUT", "/api/v1/stations/" + id, body).status())
			.isEqualTo(403);
		assertThat(as(this.fixtures.anOperatorOf(BEISHAN))
			.post("/api/v1/stations/" + id + "/close", Map.of("reason", "装修"))
			.status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/stations/" + id).json().get("regionCode").asString()).isEqualTo(XIXI);
		assertThat(as(this.fixtures.anOperatorOf(DISTRICT)).send("PUT", "/api/v1/stations/" + id, moved).status())
			.as("an operator of both regions moves it")
			.isEqualTo(200);
	}

	@Test
	void changesAStationAndClosesAndReopensItInOrder() {
		Api operator = as(this.fixtures.anOperatorOf(DISTRICT));
		Map<String, Object> body = station("西溪街道新时代文明实践所", "PRACTICE_INSTITUTE", XIXI, 30.2722, 120.1125);
		body.put("checklist", checklist(true, true, false, true, false, true));
		JsonNode created = operator.post("/api/v1/stations", body).json();
		assertThat(created.get("checklist").get("met").asInt()).isEqualTo(4);
		assertThat(created.get("checklist").get("complete").asBoolean()).isFalse();
		String id = created.get("id").asString();

		body.put("openingHours", "每天 8:30-20:00");
		body.put("location", Map.of("lat", 30.2730, "lng", 120.1130));
		body.put("checklist", checklist(true, true, true, true, true, true));
		Response changed = operator.send("PUT", "/api/v1/stations/" + id, body);
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("openingHours").asString()).isEqualTo("每天 8:30-20:00");
		assertThat(changed.json().get("location").get("lng").asDouble()).isEqualTo(120.1130);
		assertThat(changed.json().get("checklist").get("complete").asBoolean()).isTrue();

		assertThat(operator.post("/api/v1/stations/" + id + "/reopen", Map.of()).problemCode())
			.isEqualTo("INVALID_STATE");
		Response closed = operator.post("/api/v1/stations/" + id + "/close", Map.of("reason", "场地改造，暂停开放"));
		assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.json().get("closedReason").asString()).isEqualTo("场地改造，暂停开放");
		assertThat(operator.post("/api/v1/stations/" + id + "/close", Map.of("reason", "再关一次")).status())
			.isEqualTo(409);
		assertThat(ids(this.api.get("/api/v1/stations?regionCode=" + XIXI + "&size=200"))).doesNotContain(id);
		assertThat(this.api.get("/api/v1/stations/" + id).json().get("status").asString()).isEqualTo("CLOSED");
		Response reopened = operator.post("/api/v1/stations/" + id + "/reopen", Map.of());
		assertThat(reopened.json().get("status").asString()).isEqualTo("OPEN");
		assertThat(reopened.json().get("closedReason").isNull()).isTrue();
		assertThat(ids(this.api.get("/api/v1/stations?regionCode=" + XIXI + "&size=200"))).contains(id);
		assertThat(count("SELECT COUNT(*) FROM audit_event WHERE object_id = :id AND action IN ('station.update',"
				+ " 'station.close', 'station.reopen')", id))
			.isEqualTo(3);
	}

	@Test
	void refusesABadStationNamingEveryField() {
		Api operator = as(this.fixtures.anOperatorOf(DISTRICT));
		Map<String, Object> body = new HashMap<>();
		body.put("name", " ");
		body.put("kind", "CASTLE");
		body.put("regionCode", "330199");
		body.put("address", "x".repeat(201));
		body.put("location", Map.of("lat", 91, "lng", 120.1));
		body.put("openingHours", "");
		body.put("organizationId", UUID.randomUUID().toString());
		body.put("checklist", Map.of("venue", true));
		Response refused = operator.post("/api/v1/stations", body);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").findValuesAsString("field")).contains("kind", "checklist.team",
				"checklist.signage");
		Map<String, Object> rest = new HashMap<>(body);
		rest.put("kind", "SERVICE_POINT");
		rest.put("checklist", checklist(true, false, false, false, false, false));
		Response second = operator.post("/api/v1/stations", rest);
		assertThat(second.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name",
				"regionCode", "address", "location", "openingHours", "organizationId");
		Map<String, Object> none = new HashMap<>(station("无位置的站点", "SERVICE_POINT", XIXI, 0, 0));
		none.remove("location");
		none.remove("checklist");
		assertThat(operator.post("/api/v1/stations", none).json().get("errors").findValuesAsString("field"))
			.containsExactlyInAnyOrder("location", "checklist");
		assertThat(operator.post("/api/v1/stations", Map.of("name", 5)).status()).isEqualTo(400);
	}

	@Test
	void listsOpenStationsByRegionKindAndBoundingBox() {
		Api operator = as(this.fixtures.anOperatorOf(DISTRICT));
		String inBox = create(operator, station("盒内站点甲", "SERVICE_POINT", BEISHAN, 30.2401, 120.1501));
		String alsoInBox = create(operator, station("盒内站点乙", "PRACTICE_STATION", XIXI, 30.2452, 120.1552));
		String outside = create(operator, station("盒外站点", "SERVICE_POINT", XIXI, 30.2801, 120.1001));

		String box = "&bbox=120.15,30.24,120.16,30.25";
		assertThat(ids(this.api.get("/api/v1/stations?regionCode=" + DISTRICT + box))).containsExactlyInAnyOrder(inBox,
				alsoInBox);
		assertThat(ids(this.api.get("/api/v1/stations?regionCode=" + DISTRICT + box + "&kind=SERVICE_POINT")))
			.containsExactly(inBox);
		assertThat(ids(this.api.get("/api/v1/stations?regionCode=" + BEISHAN + box))).containsExactly(inBox);
		assertThat(ids(this.api.get("/api/v1/stations?regionCode=" + DISTRICT + "&size=200"))).contains(inBox,
				alsoInBox, outside);
		JsonNode page = this.api.get("/api/v1/stations?regionCode=" + DISTRICT + box + "&size=1").json();
		assertThat(page.get("total").asLong()).isEqualTo(2);
		assertThat(page.get("items")).hasSize(1);
	}

	@Test
	void refusesABadBoundingBoxNamingIt() {
		for (String bad : List.of("1,2,3", "120.1,30.2,120.2", "a,b,c,d", "120.2,30.2,120.1,30.3",
				"120.1,30.3,120.2,30.2", "181,0,182,1", "0,-91,1,0", "120.1,30.2,120.2,30.3,1", "1e2,0,2e2,1",
				"NaN,0,1,1", "0x10,0,1,1", ",,,")) {
			Response refused = this.api.get("/api/v1/stations?bbox=" + encode(bad));
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.json().get("errors").findValuesAsString("field")).as(bad).containsExactly("bbox");
		}
		Response both = this.api.get("/api/v1/stations?bbox=1,2&kind=CASTLE&regionCode=999999&size=0");
		assertThat(both.status()).isEqualTo(400);
		assertThat(both.json().get("errors").findValuesAsString("field")).contains("bbox", "kind", "size");
		assertThat(this.api.get("/api/v1/stations?regionCode=999999").json().get("errors").findValuesAsString("field"))
			.containsExactly("regionCode");
		assertThat(this.api.get("/api/v1/stations?bbox=-180,-90,180,90").status()).isEqualTo(200);
	}

	@Test
	void answersGeoJsonWithLongitudeFirst() throws Exception {
		Api operator = as(this.fixtures.anOperatorOf(DISTRICT));
		Map<String, Object> body = station("GeoJSON 测试站", "PRACTICE_STATION", XIXI, 30.2333, 120.1777);
		body.put("checklist", checklist(true, true, true, false, true, true));
		String id = create(operator, body);
		Download download = this.api.download("/api/v1/stations?bbox=120.17,30.23,120.18,30.24",
				"application/geo+json");
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.contentType()).startsWith("application/geo+json");
		JsonNode collection = JsonMapper.builder().build().readTree(download.body());
		assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
		assertThat(collection.get("features")).hasSize(1);
		JsonNode feature = collection.get("features").get(0);
		assertThat(feature.get("type").asString()).isEqualTo("Feature");
		assertThat(feature.get("id").asString()).isEqualTo(id);
		assertThat(feature.get("geometry").get("type").asString()).isEqualTo("Point");
		assertThat(feature.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(120.1777);
		assertThat(feature.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(30.2333);
		assertThat(feature.get("properties").get("name").asString()).isEqualTo("GeoJSON 测试站");
		assertThat(feature.get("properties").get("kind").asString()).isEqualTo("PRACTICE_STATION");
		assertThat(feature.get("properties").get("checklistMet").asInt()).isEqualTo(5);
		assertThat(feature.get("properties").get("url").asString()).endsWith("/stations/" + id);
		Download plain = this.api.download("/api/v1/stations?bbox=120.17,30.23,120.18,30.24", "application/json");
		assertThat(plain.contentType()).startsWith("application/json");
		Download refused = this.api.download("/api/v1/stations?bbox=1,2", "application/geo+json");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
	}

	private Api as(Person person) {
		return this.api.as(this.fixtures.tokenFor(person));
	}

	private long count(String sql, String id) {
		return this.jdbc.sql(sql).param("id", id).query(Long.class).single();
	}

	private static String create(Api operator, Map<String, Object> body) {
		Response created = operator.post("/api/v1/stations", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static List<String> ids(Response page) {
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		return page.json().get("items").findValuesAsString("id");
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	static Map<String, Object> station(String name, String kind, String regionCode, double lat, double lng) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("kind", kind);
		body.put("regionCode", regionCode);
		body.put("address", "杭州市西湖区" + name);
		body.put("location", Map.of("lat", lat, "lng", lng));
		body.put("openingHours", "周一至周五 9:00-17:00");
		body.put("checklist", checklist(true, true, true, true, true, true));
		return body;
	}

	static Map<String, Object> checklist(boolean venue, boolean team, boolean projects, boolean facilities,
			boolean rules, boolean signage) {
		return Map.of("venue", venue, "team", team, "projects", projects, "facilities", facilities, "rules", rules,
				"signage", signage);
	}

}
