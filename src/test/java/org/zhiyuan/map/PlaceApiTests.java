package org.zhiyuan.map;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.ActivityFixtures;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.support.Identities;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The place search behind the map picker: earlier activities' places, the asking
 * organization's first (its drafts only for its admins), then the region's; bad input is
 * a 400 problem; signed-in callers only.
 */
class PlaceApiTests extends ApiTestSupport {

	@Test
	void offersTheOrganizationsOwnPlacesFirstThenTheRegions() {
		String word = "馨苑" + Identities.suffix();
		Team mine = this.fixtures.anActiveTeamIn("110105");
		Team other = this.fixtures.anActiveTeamIn("110105");
		Api admin = this.api.signIn(mine.admin().username(), mine.admin().password());
		Api otherAdmin = this.api.signIn(other.admin().username(), other.admin().password());
		published(otherAdmin, other, word + "小区活动室", 39.91, 116.45);
		draft(admin, mine, word + "社区服务站", 39.9087, 116.4445);
		draft(admin, mine, word + "社区服务站", 39.9087, 116.4445);

		Response found = admin
			.get("/api/v1/places?q=" + enc(word) + "&organizationId=" + mine.id() + "&regionCode=110105");
		assertThat(found.status()).isEqualTo(200);
		List<JsonNode> items = items(found);
		assertThat(items).extracting((p) -> p.get("name").asString())
			.as("the organization's place once, then the region's")
			.containsExactly(word + "社区服务站", word + "小区活动室");
		assertThat(items.get(0).get("source").asString()).isEqualTo("ORGANIZATION");
		assertThat(items.get(0).get("lat").asDouble()).isEqualTo(39.9087);
		assertThat(items.get(0).get("lng").asDouble()).isEqualTo(116.4445);
		assertThat(items.get(0).get("regionCode").asString()).isEqualTo("110105001");
		assertThat(items.get(0).get("address").asString()).contains("朝阳区").endsWith(word + "社区服务站");
		assertThat(items.get(1).get("source").asString()).isEqualTo("REGION");
		assertThat(found.json().get("total").asLong()).isEqualTo(2);
	}

	@Test
	void anotherOrganizationsDraftsStayHidden() {
		String word = "秘苑" + Identities.suffix();
		Team mine = this.fixtures.anActiveTeamIn("110105");
		Team other = this.fixtures.anActiveTeamIn("110105");
		Api admin = this.api.signIn(mine.admin().username(), mine.admin().password());
		Api otherAdmin = this.api.signIn(other.admin().username(), other.admin().password());
		draft(otherAdmin, other, word + "未发布的地点", 39.92, 116.46);

		assertThat(items(admin.get("/api/v1/places?q=" + enc(word) + "&organizationId=" + mine.id()))).isEmpty();
		assertThat(items(admin.get("/api/v1/places?q=" + enc(word) + "&organizationId=" + other.id())))
			.as("naming the other organization does not open its drafts")
			.isEmpty();
		assertThat(items(otherAdmin.get("/api/v1/places?q=" + enc(word) + "&organizationId=" + other.id())))
			.extracting((p) -> p.get("name").asString())
			.containsExactly(word + "未发布的地点");
	}

	@Test
	void aBlankSearchOffersTheOrganizationsRecentPlaces() {
		Team mine = this.fixtures.anActiveTeamIn("110105");
		Api admin = this.api.signIn(mine.admin().username(), mine.admin().password());
		String place = "近用地点" + Identities.suffix();
		draft(admin, mine, place, 39.93, 116.47);
		List<JsonNode> items = items(admin.get("/api/v1/places?organizationId=" + mine.id() + "&size=3"));
		assertThat(items).hasSizeLessThanOrEqualTo(3);
		assertThat(items.get(0).get("name").asString()).isEqualTo(place);
	}

	@Test
	void badInputIsAProblemThatNamesTheField() {
		Team mine = this.fixtures.anActiveTeamIn("110105");
		Api admin = this.api.signIn(mine.admin().username(), mine.admin().password());
		assertProblem(admin.get("/api/v1/places?q=" + enc("长".repeat(51))), "q");
		assertProblem(admin.get("/api/v1/places?q=abc&regionCode=999999"), "regionCode");
		assertProblem(admin.get("/api/v1/places?q=abc&size=0"), "size");
		assertProblem(admin.get("/api/v1/places?q=abc&size=21"), "size");
		Response notAnId = admin.get("/api/v1/places?q=abc&organizationId=not-an-id");
		assertThat(notAnId.status()).isEqualTo(400);
		assertThat(notAnId.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void onlySignedInCallersSearch() {
		Response anonymous = this.api.get("/api/v1/places?q=abc");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void thePickerOnThePageGetsThePlacesAsButtons() {
		String word = "页苑" + Identities.suffix();
		Team mine = this.fixtures.anActiveTeamIn("110105");
		Api admin = this.api.signIn(mine.admin().username(), mine.admin().password());
		draft(admin, mine, word + "文化站", 39.9087, 116.4445);
		Api page = new Api("http://localhost:" + this.port);
		page.submitForm("/login", "/login",
				Map.of("username", mine.admin().username(), "password", mine.admin().password()));

		Response matches = page.get("/places/matches?q=" + enc(word) + "&organizationId=" + mine.id());
		assertThat(matches.status()).isEqualTo(200);
		assertThat(matches.body()).contains("place-match")
			.contains("data-lat=\"39.908700\"")
			.contains("data-lng=\"116.444500\"")
			.contains(word + "文化站")
			.contains("本组织用过");
		assertThat(page.get("/places/matches?q=" + enc("长".repeat(51))).body()).as("too long a text finds nothing")
			.doesNotContain("place-match")
			.contains("最多 50 个字");
		assertThat(page.get("/places/matches?q=" + enc("无此地点" + Identities.suffix())).body()).contains("没有找到");
	}

	private void draft(Api admin, Team team, String address, double lat, double lng) {
		Map<String, Object> body = ActivityFixtures.anActivity(team.id().toString(), 5);
		body.put("address", address);
		body.put("location", Map.of("lat", lat, "lng", lng));
		assertThat(admin.post("/api/v1/activities", body).status()).isEqualTo(201);
	}

	private void published(Api admin, Team team, String address, double lat, double lng) {
		Map<String, Object> body = ActivityFixtures.anActivity(team.id().toString(), 5);
		body.put("address", address);
		body.put("location", Map.of("lat", lat, "lng", lng));
		Response created = admin.post("/api/v1/activities", body);
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(admin.post("/api/v1/activities/" + id + "/publish", Map.of()).status()).isEqualTo(200);
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static List<JsonNode> items(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		response.json().get("items").forEach(items::add);
		return items;
	}

	private static void assertProblem(Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
	}

}
