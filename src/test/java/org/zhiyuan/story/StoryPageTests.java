package org.zhiyuan.story;

import java.util.HashMap;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story pages in 南昌市 (3601xx): an organization's admin writes a story with errors
 * beside the fields, picks the activity from a list, uploads an image and submits; an
 * operator publishes it from the review queue; anyone reads it in the list (cards with
 * the first image) and as an article. Then the project showcase and the oath page.
 */
class StoryPageTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

	private Api anonymous() {
		return new Api("http://localhost:" + this.port);
	}

	@Test
	void anAdminWritesAStoryWithAnImageAndAnOperatorPublishesIt() {
		String district = "360113";
		Team team = this.fixtures.anActiveTeamIn(district);
		String activity = this.fixtures.aRunningActivity(this.api, team).id();
		Api pages = browserOf(team.admin());
		String form = pages.get("/stories/new").body();
		assertThat(form).contains("id=\"story-form\"")
			.contains("name=\"organizationId\"")
			.contains("value=\"" + activity + "\"")
			.doesNotContain("type=\"file\"");

		Map<String, String> fields = new HashMap<>();
		fields.put("organizationId", team.id().toString());
		fields.put("regionCode", "");
		fields.put("title", " ");
		fields.put("summary", "长".repeat(121));
		fields.put("body", "赣江边的清晨，志愿者们捡拾垃圾。");
		fields.put("activityId", activity);
		fields.put("projectId", "");
		fields.put("formKey", UUID.randomUUID().toString());
		Response bad = pages.submitForm("/stories/new", "/stories/new", fields);
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("id=\"problem-title\"")
			.contains("id=\"problem-summary\"")
			.doesNotContain("id=\"problem-body\"")
			.contains("必填，最多 60 个字")
			.contains("赣江边的清晨");
		fields.put("title", "赣江边的清晨");
		fields.put("summary", "志愿者们在赣江边捡拾垃圾。");
		Response saved = pages.submitForm("/stories/new", "/stories/new", fields);
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		String edit = saved.header("Location").replaceAll("^https?://[^/]+", "");
		assertThat(edit).matches("/stories/[0-9a-f-]{36}/edit");
		String id = edit.replace("/stories/", "").replace("/edit", "");
		assertThat(pages.get(edit).body()).contains("id=\"story-image-form\"").contains("赣江边的清晨");

		String csrf = pages.csrfTokenOf(edit);
		Response notImage = pages.postMultipart("/stories/" + id + "/images", "file", "a.png", StoryImages.text(),
				Map.of("_csrf", csrf));
		assertThat(notImage.status()).isEqualTo(302);
		assertThat(pages.get(edit).body()).contains("请上传 JPEG、PNG 或 WebP 格式的图片");
		Response uploaded = pages.postMultipart("/stories/" + id + "/images", "file", "a.jpg",
				StoryImages.jpeg(800, 450), Map.of("_csrf", pages.csrfTokenOf(edit)));
		assertThat(uploaded.status()).isEqualTo(302);
		String withImage = pages.get(edit).body();
		assertThat(withImage).contains("class=\"card story-image\"").contains("/stories/" + id + "/images/");
		assertThat(pages.submitForm(edit, "/stories/" + id + "/submit", Map.of()).status()).isEqualTo(302);
		assertThat(anonymous().get("/stories/" + id).status()).as("not yet published").isEqualTo(404);

		Person operator = this.fixtures.anOperatorOf(district);
		Api staff = browserOf(operator);
		assertThat(staff.get("/stories/review").body()).contains("/stories/" + id).contains("待审核");
		String detail = "/stories/" + id;
		assertThat(staff.get(detail).body()).contains("id=\"story-review\"");
		assertThat(staff.submitForm(detail, detail + "/review", Map.of("decision", "RETURN", "note", "")).status())
			.isEqualTo(302);
		assertThat(staff.get(detail).body()).contains("id=\"problem-note\"").contains("待审核");
		assertThat(staff.submitForm(detail, detail + "/review", Map.of("decision", "PUBLISH", "note", "")).status())
			.isEqualTo(302);

		String list = anonymous().get("/stories?regionCode=360100").body();
		assertThat(list).contains("story-card").contains("赣江边的清晨").contains("story-cover");
		String article = anonymous().get(detail).body();
		assertThat(article).contains("id=\"story-article\"")
			.contains("赣江边的清晨，志愿者们捡拾垃圾。")
			.contains("<title>赣江边的清晨</title>")
			.contains("<meta property=\"og:title\" content=\"赣江边的清晨\">")
			.contains("<meta name=\"description\" content=\"志愿者们在赣江边捡拾垃圾。\">")
			.doesNotContain("id=\"story-review\"")
			.doesNotContain(team.admin().username());
		String image = article.replaceAll("(?s).*?(/stories/" + id + "/images/[0-9a-f-]{36}).*", "$1");
		Api.Download served = anonymous().download(image);
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.contentType()).isEqualTo("image/jpeg");
		assertThat(anonymous().get("/stories?lang=en").body()).contains("Volunteer stories");
		assertThat(pages.get("/me/stories").body()).contains("赣江边的清晨").contains("已发布");
		assertThat(browserOf(this.fixtures.aVolunteerIn(district)).get("/stories/new").status()).isEqualTo(403);
	}

	@Test
	void theShowcaseShowsAProjectWithItsActivitiesStoriesAndBrandAndTheOathIsPublic() {
		String district = "360121";
		Team team = this.fixtures.anActiveTeamIn(district);
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		String project = admin
			.post("/api/v1/projects", Map.of("organizationId", team.id().toString(), "name", "滕王阁文明引导", "field",
					"ELDERLY_CARE", "level", "COMMUNITY", "description", "在景区引导游客文明游览。"))
			.json()
			.get("id")
			.asString();
		String running = this.fixtures.aRunningActivity(this.api, team).id();
		String finished = this.fixtures.aFinishedActivity(this.api, team, null, 3).id();
		this.jdbc.sql("UPDATE activity SET project_id = :p, region_code = '360121001' WHERE id IN (:ids)")
			.param("p", UUID.fromString(project))
			.param("ids", java.util.List.of(UUID.fromString(running), UUID.fromString(finished)))
			.update();
		this.api.as(this.fixtures.tokenFor(this.fixtures.anOperatorOf(district)))
			.post("/api/v1/projects/" + project + "/brand", Map.of("brand", true));
		Map<String, Object> story = StoryApiTests.story(team.id());
		story.put("projectId", project);
		String id = admin.post("/api/v1/stories", story).json().get("id").asString();
		String draftShowcase = anonymous().get("/projects/" + project + "/showcase").body();
		assertThat(draftShowcase).doesNotContain("/stories/" + id);
		admin.post("/api/v1/stories/" + id + "/submission", Map.of());
		this.api.as(this.fixtures.tokenFor(this.fixtures.anOperatorOf(district)))
			.post("/api/v1/stories/" + id + "/review", Map.of("decision", "PUBLISH"));

		Response showcase = anonymous().get("/projects/" + project + "/showcase");
		assertThat(showcase.status()).isEqualTo(200);
		assertThat(showcase.body()).contains("滕王阁文明引导")
			.contains("id=\"showcase-brand\"")
			.contains("在景区引导游客文明游览。")
			.contains("/activities/" + running)
			.contains("/activities/" + finished)
			.contains("/stories/" + id)
			.contains("<meta property=\"og:title\" content=\"滕王阁文明引导\">");
		assertThat(anonymous().get("/projects/" + UUID.randomUUID() + "/showcase").status()).isEqualTo(404);
		assertThat(anonymous().get("/projects").body()).contains("/projects/" + project + "/showcase");

		String oath = anonymous().get("/oath").body();
		assertThat(oath).contains("id=\"oath-text\"")
			.contains("我愿意成为一名光荣的志愿者")
			.contains("I am willing to be an honoured volunteer")
			.contains("id=\"oath-meaning\"")
			.contains("<meta property=\"og:title\" content=\"志愿者誓词\">");
		assertThat(anonymous().get("/oath?lang=en").body()).contains("The volunteer oath")
			.contains("What the oath means");
		assertThat(anonymous().get("/").body()).contains("id=\"footer-oath\"");
	}

	@Test
	void aProjectsAwardShowsOnItsShowcaseAndTheNoticeCarriesAShareCard() {
		String district = "360112";
		Team team = this.fixtures.anActiveTeamIn(district);
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		Api operator = this.api.as(this.fixtures.tokenFor(this.fixtures.anOperatorOf(district)));
		String project = admin
			.post("/api/v1/projects", Map.of("organizationId", team.id().toString(), "name", "新建区河湖守护", "field",
					"ELDERLY_CARE", "level", "COMMUNITY"))
			.json()
			.get("id")
			.asString();
		Map<String, Object> campaign = new HashMap<>();
		campaign.put("regionCode", district);
		campaign.put("title", "优秀志愿服务项目");
		campaign.put("kind", "PROJECT");
		campaign.put("nominationsUntil",
				java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).plusDays(3).withNano(0).toString());
		campaign.put("noticeDays", 7);
		Response created = operator.post("/api/v1/commendations", campaign);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String commendation = created.json().get("id").asString();
		Response nominated = admin.post("/api/v1/commendations/" + commendation + "/nominations",
				Map.of("nomineeId", project, "reason", "守护河湖三年。"));
		assertThat(nominated.status()).as(nominated.body()).isEqualTo(201);
		String nomination = nominated.json().get("id").asString();
		assertThat(
				operator.post("/api/v1/nominations/" + nomination + "/review", Map.of("decision", "APPROVE")).status())
			.isEqualTo(200);
		assertThat(operator.post("/api/v1/commendations/" + commendation + "/notice", Map.of()).status())
			.isEqualTo(200);
		String notice = anonymous().get("/commendations/" + commendation + "/notice").body();
		assertThat(notice).contains("<meta property=\"og:title\" content=\"优秀志愿服务项目\">")
			.contains("<meta property=\"og:type\" content=\"article\">")
			.contains("<meta name=\"description\" content=\"表彰公示 · ");
		this.jdbc.sql("UPDATE commendation SET notice_ends_at = :past WHERE id = :id")
			.param("past", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1))
			.param("id", UUID.fromString(commendation))
			.update();
		Response awarded = operator.post("/api/v1/commendations/" + commendation + "/awards", Map.of());
		assertThat(awarded.status()).as(awarded.body()).isEqualTo(201);
		String showcase = anonymous().get("/projects/" + project + "/showcase").body();
		assertThat(showcase).contains("id=\"showcase-awards\"").contains("优秀志愿服务项目");
	}

}
