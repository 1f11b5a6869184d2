package org.zhiyuan.story;

import java.util.HashMap;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stories in 南昌市 (360100), one district a test: an organization's story from draft with
 * images to publication after a return, withdrawn and taken down, and only the published
 * ones public, by region; an operator's own story; who may write, read, review and take
 * down; images checked by their bytes and served with their type; every bad field named.
 */
class StoryApiTests extends ApiTestSupport {

	private static final String CITY = "360100";

	@Autowired
	JdbcClient jdbc;

	Api api(Person person) {
		return new Api("http://localhost:" + this.port).as(this.fixtures.tokenFor(person));
	}

	Api anonymous() {
		return new Api("http://localhost:" + this.port);
	}

	static Map<String, Object> story(Object organizationId) {
		Map<String, Object> body = new HashMap<>();
		if (organizationId != null) {
			body.put("organizationId", organizationId.toString());
		}
		body.put("title", "重阳节陪伴社区老人");
		body.put("summary", "志愿者们为社区老人包饺子、理发、读报。");
		body.put("body", "九月初九，志愿者们来到社区。\n\n大家一起包饺子，为老人理发、读报。");
		return body;
	}

	private String create(Person author, Map<String, Object> body) {
		Response created = api(author).post("/api/v1/stories", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private JsonNode ok(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private List<String> published(String regionCode) {
		return anonymous().get("/api/v1/stories?regionCode=" + regionCode + "&size=200")
			.json()
			.get("items")
			.findValuesAsString("id");
	}

	private List<String> audited(String id) {
		return this.jdbc.sql("SELECT action FROM audit_event WHERE object_type = 'story' AND object_id = :id")
			.param("id", id)
			.query(String.class)
			.list();
	}

	@Test
	void anOrganizationsStoryIsReturnedThenPublishedWithdrawnAndTakenDownAndOnlyPublishedIsPublic() {
		String district = "360102";
		Team team = this.fixtures.anActiveTeamIn(district);
		Person operator = this.fixtures.anOperatorOf(CITY);
		Map<String, String> key = Map.of("Idempotency-Key", "story-" + UUID.randomUUID());
		Response created = api(team.admin()).postWithHeaders("/api/v1/stories", story(team.id()), key);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
		assertThat(created.json().get("regionCode").asString()).as("the organization's").isEqualTo(district);
		assertThat(created.json().get("organizationName").asString()).startsWith("测试志愿服务队");
		assertThat(created.json().has("authorId")).isFalse();
		assertThat(
				api(team.admin()).postWithHeaders("/api/v1/stories", story(team.id()), key).json().get("id").asString())
			.as("the same key writes once")
			.isEqualTo(id);

		JsonNode withImage = api(team.admin())
			.postMultipart("/api/v1/stories/" + id + "/images", "file", "a.png", StoryImages.png(640, 360), Map.of())
			.json();
		String image = withImage.get("images").get(0).get("id").asString();
		assertThat(withImage.get("images").get(0).get("contentType").asString()).isEqualTo("image/png");
		assertThat(anonymous().get("/api/v1/stories/" + id).status()).as("a draft is hidden").isEqualTo(404);
		assertThat(anonymous().download("/api/v1/stories/" + id + "/images/" + image).status()).isEqualTo(404);
		Download draftImage = api(team.admin()).download("/api/v1/stories/" + id + "/images/" + image);
		assertThat(draftImage.status()).isEqualTo(200);
		assertThat(draftImage.contentType()).isEqualTo("image/png");
		assertThat(draftImage.body()).isEqualTo(StoryImages.png(640, 360));

		ok(api(team.admin()).post("/api/v1/stories/" + id + "/submission", Map.of()));
		assertThat(api(team.admin()).send("PUT", "/api/v1/stories/" + id, story(null)).problemCode())
			.as("submitted: no changes")
			.isEqualTo("INVALID_STATE");
		assertThat(ok(api(operator).get("/api/v1/stories/review-queue?size=200")).get("items").findValuesAsString("id"))
			.contains(id);
		assertThat(
				ok(api(this.fixtures.anOperatorOf("360103")).get("/api/v1/stories/review-queue?size=200")).get("items")
					.findValuesAsString("id"))
			.doesNotContain(id);
		assertThat(api(this.fixtures.anOperatorOf("360103"))
			.post("/api/v1/stories/" + id + "/review", Map.of("decision", "PUBLISH"))
			.status()).as("another district's operator cannot see it").isEqualTo(404);
		Response noNote = api(operator).post("/api/v1/stories/" + id + "/review", Map.of("decision", "RETURN"));
		assertThat(noNote.status()).isEqualTo(400);
		assertThat(noNote.body()).contains("\"note\"");
		JsonNode returned = ok(api(operator).post("/api/v1/stories/" + id + "/review",
				Map.of("decision", "RETURN", "note", "请补充活动的具体时间。")));
		assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
		assertThat(ok(api(team.admin()).get("/api/v1/stories/" + id)).get("reviewNote").asString())
			.isEqualTo("请补充活动的具体时间。");

		Map<String, Object> changed = story(null);
		changed.put("title", "重阳节（10月11日）陪伴社区老人");
		assertThat(ok(api(team.admin()).send("PUT", "/api/v1/stories/" + id, changed)).get("title").asString())
			.isEqualTo("重阳节（10月11日）陪伴社区老人");
		ok(api(team.admin()).post("/api/v1/stories/" + id + "/submission", Map.of()));
		JsonNode publishedStory = ok(
				api(operator).post("/api/v1/stories/" + id + "/review", Map.of("decision", "PUBLISH")));
		assertThat(publishedStory.get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(publishedStory.get("publishedAt").isNull()).isFalse();

		JsonNode seen = ok(anonymous().get("/api/v1/stories/" + id));
		assertThat(seen.get("title").asString()).isEqualTo("重阳节（10月11日）陪伴社区老人");
		assertThat(seen.get("reviewNote").isNull()).as("notes are for insiders").isTrue();
		Download publicImage = anonymous().download("/api/v1/stories/" + id + "/images/" + image);
		assertThat(publicImage.status()).isEqualTo(200);
		assertThat(publicImage.contentType()).isEqualTo("image/png");
		Response cached = anonymous().get("/api/v1/stories/" + id + "/images/" + image);
		assertThat(cached.header("Cache-Control")).contains("max-age=31536000").contains("public");
		assertThat(published(CITY)).as("the city includes its districts").contains(id);
		assertThat(published(district)).contains(id);
		assertThat(published("360103")).doesNotContain(id);
		JsonNode card = anonymous().get("/api/v1/stories?regionCode=" + district + "&size=200").json().get("items");
		assertThat(card.toString()).contains("/stories/" + id + "/images/" + image);

		assertThat(api(team.admin())
			.postMultipart("/api/v1/stories/" + id + "/images", "file", "b.png", StoryImages.png(320, 320), Map.of())
			.problemCode()).as("published: no more images").isEqualTo("INVALID_STATE");
		assertThat(
				ok(api(team.admin()).post("/api/v1/stories/" + id + "/withdrawal", Map.of())).get("status").asString())
			.isEqualTo("DRAFT");
		assertThat(published(CITY)).doesNotContain(id);
		assertThat(anonymous().get("/api/v1/stories/" + id).status()).isEqualTo(404);

		ok(api(team.admin()).post("/api/v1/stories/" + id + "/submission", Map.of()));
		ok(api(operator).post("/api/v1/stories/" + id + "/review", Map.of("decision", "PUBLISH")));
		assertThat(api(operator).post("/api/v1/stories/" + id + "/take-down", Map.of("reason", " ")).status())
			.isEqualTo(400);
		assertThat(api(team.admin()).post("/api/v1/stories/" + id + "/take-down", Map.of("reason", "不宜公开")).status())
			.as("authors withdraw; only operators take down")
			.isEqualTo(403);
		JsonNode down = ok(
				api(operator).post("/api/v1/stories/" + id + "/take-down", Map.of("reason", "照片中有未成年人的正脸。")));
		assertThat(down.get("status").asString()).isEqualTo("TAKEN_DOWN");
		assertThat(published(CITY)).doesNotContain(id);
		assertThat(ok(api(team.admin()).get("/api/v1/stories/" + id)).get("reviewNote").asString())
			.isEqualTo("照片中有未成年人的正脸。");
		assertThat(api(operator).post("/api/v1/stories/" + id + "/take-down", Map.of("reason", "再次")).problemCode())
			.isEqualTo("INVALID_STATE");
		assertThat(audited(id)).contains("story.create", "story.image-add", "story.submit", "story.return",
				"story.update", "story.publish", "story.withdraw", "story.take-down");
		assertThat(ok(api(team.admin()).get("/api/v1/me/stories?size=200")).get("items").findValuesAsString("id"))
			.contains(id);
		assertThat(notices(team.admin().id())).as("the author learns of each decision")
			.containsExactly("notice.story.returned", "notice.story.published", "notice.story.published",
					"notice.story.takenDown");
		assertThat(notices(operator.id())).as("the region's operators, of each submission")
			.containsOnly("notice.story.submitted")
			.hasSizeGreaterThanOrEqualTo(2);
	}

	private List<String> notices(java.util.UUID accountId) {
		return this.jdbc
			.sql("SELECT message_key FROM notification WHERE account_id = :a AND message_key LIKE"
					+ " 'notice.story.%' ORDER BY created_at, message_key")
			.param("a", accountId)
			.query(String.class)
			.list();
	}

	@Test
	void anOperatorWritesForTheirRegionAndMayPublishTheirOwnStory() {
		String district = "360103";
		Person operator = this.fixtures.anOperatorOf(district);
		Map<String, Object> body = story(null);
		Response noRegion = api(operator).post("/api/v1/stories", body);
		assertThat(noRegion.status()).isEqualTo(400);
		assertThat(noRegion.body()).contains("\"regionCode\"");
		body.put("regionCode", "360104");
		assertThat(api(operator).post("/api/v1/stories", body).status()).as("not their region").isEqualTo(403);
		body.put("regionCode", "360103001");
		String id = create(operator, body);
		ok(api(operator).post("/api/v1/stories/" + id + "/submission", Map.of()));
		assertThat(
				ok(api(operator).post("/api/v1/stories/" + id + "/review", Map.of("decision", "PUBLISH"))).get("status")
					.asString())
			.isEqualTo("PUBLISHED");
		assertThat(ok(anonymous().get("/api/v1/stories/" + id)).get("organizationId").isNull()).isTrue();
		assertThat(published(district)).contains(id);
		Person colleague = this.fixtures.anOperatorOf(district);
		assertThat(api(colleague).send("PUT", "/api/v1/stories/" + id, body).status())
			.as("an operator's story is its author's")
			.isEqualTo(403);
		assertThat(ok(api(operator).get("/api/v1/me/stories")).get("items").findValuesAsString("id")).contains(id);
		assertThat(ok(api(colleague).get("/api/v1/me/stories")).get("items").findValuesAsString("id"))
			.doesNotContain(id);
	}

	@Test
	void onlyTheOrganizationsAdminsWriteAndReadItsDraftsAndLinksStayWithinTheOrganization() {
		String district = "360104";
		Team team = this.fixtures.anActiveTeamIn(district);
		Team other = this.fixtures.anActiveTeamIn(district);
		Person volunteer = this.fixtures.aVolunteerIn(district);
		assertThat(api(volunteer).post("/api/v1/stories", story(team.id())).status()).isEqualTo(403);
		assertThat(api(other.admin()).post("/api/v1/stories", story(team.id())).status()).isEqualTo(403);
		assertThat(anonymous().post("/api/v1/stories", story(team.id())).status()).isEqualTo(401);
		assertThat(api(team.admin()).post("/api/v1/stories", story(UUID.randomUUID())).problemCode())
			.isEqualTo("ORGANIZATION_NOT_FOUND");
		Map<String, Object> elsewhere = story(team.id());
		elsewhere.put("regionCode", "360103");
		Response outside = api(team.admin()).post("/api/v1/stories", elsewhere);
		assertThat(outside.status()).isEqualTo(400);
		assertThat(outside.body()).contains("\"regionCode\"");

		String activity = this.fixtures.aRunningActivity(this.api, team).id();
		String otherActivity = this.fixtures.aRunningActivity(this.api, other).id();
		JsonNode project = ok201(api(team.admin()).post("/api/v1/projects", Map.of("organizationId",
				team.id().toString(), "name", "银龄陪伴", "field", "ELDERLY_CARE", "level", "COMMUNITY")));
		this.jdbc.sql("UPDATE activity SET project_id = :p, region_code = :r WHERE id = :id")
			.param("p", UUID.fromString(project.get("id").asString()))
			.param("r", "360104001")
			.param("id", UUID.fromString(activity))
			.update();
		Map<String, Object> foreign = story(team.id());
		foreign.put("activityId", otherActivity);
		Response refused = api(team.admin()).post("/api/v1/stories", foreign);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("\"activityId\"");
		Map<String, Object> linked = story(team.id());
		linked.put("activityId", activity);
		String id = create(team.admin(), linked);
		JsonNode story = ok(api(team.admin()).get("/api/v1/stories/" + id));
		assertThat(story.get("activityId").asString()).isEqualTo(activity);
		assertThat(story.get("projectId").asString()).as("the activity's project")
			.isEqualTo(project.get("id").asString());
		assertThat(story.get("projectName").asString()).isEqualTo("银龄陪伴");

		assertThat(api(other.admin()).get("/api/v1/stories/" + id).status()).isEqualTo(404);
		assertThat(api(volunteer).get("/api/v1/stories/" + id).status()).isEqualTo(404);
		assertThat(ok(api(this.fixtures.anAuditorOf(CITY)).get("/api/v1/stories/" + id)).get("id").asString())
			.isEqualTo(id);
		assertThat(api(other.admin()).post("/api/v1/stories/" + id + "/submission", Map.of()).status()).isIn(403, 404);
		assertThat(api(this.fixtures.anAuditorOf(CITY)).get("/api/v1/stories/review-queue").status()).isEqualTo(403);
		assertThat(api(volunteer).get("/api/v1/stories/review-queue").status()).isEqualTo(403);
		assertThat(api(this.fixtures.anOperatorOf(CITY))
			.post("/api/v1/stories/" + id + "/review", Map.of("decision", "PUBLISH"))
			.problemCode()).as("a draft is not reviewed").isEqualTo("INVALID_STATE");
	}

	@Test
	void imagesAreCheckedByTheirBytesAndAStoryHoldsAtMostSix() {
		String district = "360111";
		Team team = this.fixtures.anActiveTeamIn(district);
		String id = create(team.admin(), story(team.id()));
		String path = "/api/v1/stories/" + id + "/images";
		Response text = api(team.admin()).postMultipart(path, "file", "photo.png", StoryImages.text(), Map.of());
		assertThat(text.status()).isEqualTo(400);
		assertThat(text.body()).contains("\"file\"");
		byte[] large = new byte[Stories.MAX_IMAGE_BYTES + 1];
		byte[] png = StoryImages.png(10, 10);
		System.arraycopy(png, 0, large, 0, png.length);
		assertThat(api(team.admin()).postMultipart(path, "file", "big.png", large, Map.of()).status()).isEqualTo(400);
		assertThat(api(team.admin()).postMultipart(path, "file", "none.png", null, Map.of()).status()).isEqualTo(400);
		assertThat(
				api(this.fixtures.aVolunteerIn(district)).postMultipart(path, "file", "a.png", png, Map.of()).status())
			.isIn(403, 404);

		JsonNode webp = ok201(api(team.admin()).postMultipart(path, "file", "x.jpg", StoryImages.webp(), Map.of()));
		assertThat(webp.get("images").get(0).get("contentType").asString()).as("by its bytes, not its name")
			.isEqualTo("image/webp");
		api(team.admin()).postMultipart(path, "file", "b.jpg", StoryImages.jpeg(400, 300), Map.of());
		for (int i = 0; i < 4; i++) {
			ok201(api(team.admin()).postMultipart(path, "file", "c.png", StoryImages.png(320, 320), Map.of()));
		}
		Response seventh = api(team.admin()).postMultipart(path, "file", "d.png", png, Map.of());
		assertThat(seventh.status()).isEqualTo(400);
		assertThat(seventh.body()).contains("\"file\"");
		JsonNode story = ok(api(team.admin()).get("/api/v1/stories/" + id));
		assertThat(story.get("images").findValuesAsString("contentType")).containsExactly("image/webp", "image/jpeg",
				"image/png", "image/png", "image/png", "image/png");
		String jpeg = story.get("images").get(1).get("id").asString();
		assertThat(api(team.admin()).download(path + "/" + jpeg).contentType()).isEqualTo("image/jpeg");
		assertThat(ok(api(team.admin()).send("DELETE", path + "/" + jpeg)).get("images").size()).isEqualTo(5);
		assertThat(api(team.admin()).send("DELETE", path + "/" + jpeg).problemCode()).isEqualTo("IMAGE_NOT_FOUND");
	}

	@Test
	void everyBadFieldIsNamedAtOnceAndThePublicListChecksItsRegion() {
		Team team = this.fixtures.anActiveTeamIn("360112");
		Map<String, Object> body = new HashMap<>();
		body.put("organizationId", team.id().toString());
		body.put("regionCode", "99999x");
		body.put("title", " ");
		body.put("summary", "长".repeat(121));
		body.put("body", "段".repeat(5001));
		body.put("activityId", "not-an-id");
		body.put("projectId", "12");
		Response bad = api(team.admin()).postWithHeaders("/api/v1/stories", body, Map.of("Idempotency-Key", " "));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
		for (String field : List.of("regionCode", "title", "summary", "body", "activityId", "projectId",
				"Idempotency-Key")) {
			assertThat(bad.body()).contains("\"" + field + "\"");
		}
		assertThat(anonymous().get("/api/v1/stories?regionCode=abc").status()).isEqualTo(400);
		assertThat(anonymous().get("/api/v1/stories?size=0").status()).isEqualTo(400);
		assertThat(anonymous().get("/api/v1/stories").status()).isEqualTo(200);
		assertThat(anonymous().get("/api/v1/stories/" + UUID.randomUUID()).problemCode()).isEqualTo("STORY_NOT_FOUND");
		String id = create(team.admin(), story(team.id()));
		ok(api(team.admin()).post("/api/v1/stories/" + id + "/submission", Map.of()));
		Response review = api(this.fixtures.anOperatorOf(CITY)).post("/api/v1/stories/" + id + "/review",
				Map.of("decision", "MAYBE", "note", "x".repeat(501)));
		assertThat(review.status()).isEqualTo(400);
		assertThat(review.body()).contains("\"decision\"").contains("\"note\"");
	}

	private JsonNode ok201(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

}
