package org.zhiyuan.activity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.support.Identities;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiyuan.support.ActivityFixtures.anActivity;
import static org.zhiyuan.support.ActivityFixtures.startingIn;

class ActivityApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Activities activities;

	@Test
	void anAdminCreatesADraftAndPublishesIt() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = signedIn(team);
		Response created = admin.post("/api/v1/activities", anActivity(team.id().toString(), 10));
		assertThat(created.status()).isEqualTo(201);
		var json = created.json();
		assertThat(json.get("status").asString()).isEqualTo("DRAFT");
		assertThat(json.get("positions").get(0).get("id").asString()).isNotBlank();
		assertThat(json.get("positions").get(0).get("capacity").asInt()).isEqualTo(10);
		assertThat(json.get("positions").get(0).get("minAge").asInt()).as("14 by default").isEqualTo(14);
		String id = json.get("id").asString();
		assertThat(this.api.get("/api/v1/activities/" + id).status()).as("drafts are not public").isEqualTo(404);
		Response published = admin.post("/api/v1/activities/" + id + "/publish", Map.of());
		assertThat(published.json().get("status").asString()).isEqualTo("RECRUITING");
		var open = this.api.get("/api/v1/activities/" + id).json();
		assertThat(open.get("positions").get(0).get("accepted").asInt()).isZero();
		assertThat(open.get("location").get("lat").asDouble()).isEqualTo(39.9087);
		assertThat(admin.post("/api/v1/activities/" + id + "/publish", Map.of()).problemCode())
			.isEqualTo("INVALID_STATUS");
	}

	@Test
	void reportsEveryInvalidFieldOfAnActivity() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Map<String, Object> bad = new HashMap<>(anActivity(team.id().toString(), 0));
		bad.put("title", "");
		bad.put("category", "KNITTING");
		Response unknownCategory = signedIn(team).in("en").post("/api/v1/activities", bad);
		assertThat(unknownCategory.json().get("errors").findValuesAsString("field")).containsExactly("category");
		bad.put("category", "HEALTH");
		bad.put("endsAt", bad.get("startsAt"));
		bad.put("location", Map.of("lat", 95.0, "lng", 116.4));
		bad.put("regionCode", "999999");
		Response invalid = signedIn(team).in("en").post("/api/v1/activities", bad);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("title",
				"endsAt", "location", "regionCode", "positions[0].capacity");
	}

	@Test
	void onlyAdminsOfActiveOrganizationsCreateAndPublish() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Map<String, Object> body = anActivity(team.id().toString(), 5);
		assertThat(signedIn(this.fixtures.aVolunteer()).post("/api/v1/activities", body).status()).isEqualTo(403);
		String id = signedIn(team).post("/api/v1/activities", body).json().get("id").asString();
		Api operator = this.api.signIn("admin", ADMIN_PASSWORD);
		operator.post("/api/v1/organizations/" + team.id() + "/suspend", Map.of("reason", "整改"));
		Response publish = signedIn(team).post("/api/v1/activities/" + id + "/publish", Map.of());
		assertThat(publish.status()).isEqualTo(409);
		assertThat(publish.problemCode()).isEqualTo("ORGANIZATION_NOT_ACTIVE");
		assertThat(signedIn(team).post("/api/v1/activities", body).problemCode()).isEqualTo("ORGANIZATION_NOT_ACTIVE");
	}

	@Test
	void findsPublishedActivitiesByRegionFieldTextAndDistance() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Map<String, Object> near = anActivity(team.id().toString(), 5);
		near.put("title", "建外助老近处" + Identities.suffix());
		Map<String, Object> far = anActivity(team.id().toString(), 5);
		far.put("title", "远处的活动" + Identities.suffix());
		far.put("location", Map.of("lat", 40.2, "lng", 116.9));
		far.put("category", "ENVIRONMENT");
		String nearId = publish(team, near);
		String farId = publish(team, far);
		assertThat(ids("/api/v1/activities?regionCode=110000&size=200")).contains(nearId, farId);
		assertThat(ids("/api/v1/activities?regionCode=310000&size=200")).doesNotContain(nearId);
		assertThat(ids("/api/v1/activities?category=ENVIRONMENT&size=200")).contains(farId).doesNotContain(nearId);
		String byTitle = "/api/v1/activities?q="
				+ java.net.URLEncoder.encode((String) near.get("title"), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(ids(byTitle)).containsExactly(nearId);
		var nearby = this.api.get("/api/v1/activities?lat=39.9087&lng=116.4445&radiusKm=2&size=200").json();
		assertThat(nearby.get("items").findValuesAsString("id")).contains(nearId).doesNotContain(farId);
		assertThat(nearby.get("items").get(0).get("distanceKm").asDouble()).isLessThan(2.0);
		assertThat(this.api.get("/api/v1/activities?lat=39.9").status()).isEqualTo(400);
	}

	@Test
	void aTextOrDistanceSearchCountsEveryMatchOnEveryPage() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		String word = "翻页计数ab" + Identities.suffix();
		List<String> published = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Map<String, Object> body = anActivity(team.id().toString(), 5);
			body.put("title", word + "活动" + i);
			body.put("location", Map.of("lat", 31.05, "lng", 121.05 + i * 0.001));
			published.add(publish(team, body));
		}
		Map<String, Object> inDescription = anActivity(team.id().toString(), 5);
		inDescription.put("description", "内容里提到" + word.toUpperCase(java.util.Locale.ROOT) + "。");
		published.add(publish(team, inDescription));
		String q = "/api/v1/activities?q=" + java.net.URLEncoder.encode(word, java.nio.charset.StandardCharsets.UTF_8);
		JsonNode first = this.api.get(q + "&size=3").json();
		assertThat(first.get("total").asLong()).as("title and description").isEqualTo(4);
		assertThat(first.get("items").size()).isEqualTo(3);
		JsonNode second = this.api.get(q + "&size=3&page=1").json();
		assertThat(second.get("total").asLong()).isEqualTo(4);
		assertThat(second.get("items").size()).isEqualTo(1);
		JsonNode beyond = this.api.get(q + "&size=3&page=5").json();
		assertThat(beyond.get("total").asLong()).as("a page past the end still counts").isEqualTo(4);
		assertThat(beyond.get("items").size()).isZero();
		JsonNode none = this.api.get(q + "zz").json();
		assertThat(none.get("total").asLong()).isZero();
		assertThat(none.get("items").size()).isZero();
		JsonNode nearby = this.api.get("/api/v1/activities?lat=31.05&lng=121.05&radiusKm=1&size=2").json();
		assertThat(nearby.get("total").asLong()).as("all three within a kilometre").isGreaterThanOrEqualTo(3);
		assertThat(nearby.get("items").size()).isEqualTo(2);
		long nearbyTotal = nearby.get("total").asLong();
		assertThat(this.api.get("/api/v1/activities?lat=31.05&lng=121.05&radiusKm=1&size=2&page=50")
			.json()
			.get("total")
			.asLong()).isEqualTo(nearbyTotal);
		assertThat(ids(q + "&size=200")).containsExactlyInAnyOrderElementsOf(published);
	}

	@Test
	void theTextSearchFollowsEditsCancellationsAndTheClock() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		String word = "跟随检索Xy" + Identities.suffix();
		Map<String, Object> body = anActivity(team.id().toString(), 5);
		body.put("title", word + "旧标题");
		Api admin = signedIn(team);
		String draft = admin.post("/api/v1/activities", body).json().get("id").asString();
		assertThat(ids(search(word))).as("a draft is not searched").isEmpty();
		admin.post("/api/v1/activities/" + draft + "/publish", Map.of());
		assertThat(ids(search(word.toLowerCase(java.util.Locale.ROOT)))).as("published, any case")
			.containsExactly(draft);
		assertThat(ids(search("旧标题" + "\n" + "为社区高龄"))).as("never across title and description").isEmpty();
		assertThat(ids(search("旧标题为社区高龄"))).isEmpty();

		Response edited = admin.send("PATCH", "/api/v1/activities/" + draft,
				Map.of("title", "新标题" + Identities.suffix(), "address", "北京市朝阳区" + word + "路1号"));
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(ids(search(word + "旧标题"))).as("the old title is gone").isEmpty();
		assertThat(ids(search(word + "路1号"))).as("the new address is found").containsExactly(draft);

		String running = publish(team, withTitle(team, word + "进行中"));
		String ending = publish(team, withTitle(team, word + "已结束"));
		eightDaysEarlier(ending);
		this.jdbc.sql("UPDATE activity SET starts_at = :now, signup_deadline = :now WHERE id = :id")
			.param("now", java.time.OffsetDateTime.now().minusMinutes(1))
			.param("id", java.util.UUID.fromString(running))
			.update();
		this.activities.advanceLifecycle();
		assertThat(ids(search(word))).as("in progress is still searched, finished is not")
			.containsExactlyInAnyOrder(draft, running);
		Response cancelled = admin.post("/api/v1/activities/" + running + "/cancel", Map.of("reason", "场地变更"));
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		assertThat(ids(search(word))).as("cancelled is not searched").containsExactly(draft);
	}

	/**
	 * Moves an activity's times eight days back, computed here: Citus takes no time-zone
	 * arithmetic on columns in an update.
	 */
	private void eightDaysEarlier(String id) {
		java.time.OffsetDateTime[] times = this.jdbc
			.sql("SELECT starts_at, ends_at, signup_deadline FROM activity WHERE id = :id")
			.param("id", java.util.UUID.fromString(id))
			.query((rs, n) -> new java.time.OffsetDateTime[] { rs.getObject(1, java.time.OffsetDateTime.class),
					rs.getObject(2, java.time.OffsetDateTime.class), rs.getObject(3, java.time.OffsetDateTime.class) })
			.single();
		this.jdbc
			.sql("UPDATE activity SET starts_at = :starts, ends_at = :ends, signup_deadline = :deadline WHERE id = :id")
			.param("starts", times[0].minusDays(8))
			.param("ends", times[1].minusDays(8))
			.param("deadline", times[2].minusDays(8))
			.param("id", java.util.UUID.fromString(id))
			.update();
	}

	private static String search(String text) {
		return "/api/v1/activities?size=200&q="
				+ java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static Map<String, Object> withTitle(Team team, String title) {
		Map<String, Object> body = anActivity(team.id().toString(), 5);
		body.put("title", title);
		return body;
	}

	@Test
	void cancellingNeedsAReasonAndTheClockMovesActivitiesOn() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		String id = publish(team, anActivity(team.id().toString(), 5));
		assertThat(signedIn(team).post("/api/v1/activities/" + id + "/cancel", Map.of("reason", "")).status())
			.isEqualTo(400);
		String running = publish(team, anActivity(team.id().toString(), 5));
		eightDaysEarlier(running);
		this.activities.advanceLifecycle();
		assertThat(this.api.get("/api/v1/activities/" + running).json().get("status").asString()).isEqualTo("FINISHED");
		Response cancelled = signedIn(team).post("/api/v1/activities/" + id + "/cancel", Map.of("reason", "暴雨预警"));
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.json().get("cancelReason").asString()).isEqualTo("暴雨预警");
	}

	@Test
	void theProjectLibraryKeepsProjectsAndBrands() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Response project = signedIn(team).post("/api/v1/projects", Map.of("organizationId", team.id().toString(),
				"name", "银龄助餐", "field", "ELDERLY_CARE", "level", "STREET"));
		assertThat(project.status()).isEqualTo(201);
		String projectId = project.json().get("id").asString();
		assertThat(signedIn(team).post("/api/v1/projects/" + projectId + "/brand", Map.of("brand", true)).status())
			.isEqualTo(403);
		assertThat(this.api.signIn("admin", ADMIN_PASSWORD)
			.post("/api/v1/projects/" + projectId + "/brand", Map.of("brand", true))
			.json()
			.get("brand")
			.asBoolean()).isTrue();
		assertThat(this.api.get("/api/v1/projects?brand=true&size=200").json().get("items").findValuesAsString("id"))
			.contains(projectId);
		Map<String, Object> activity = anActivity(team.id().toString(), 3);
		activity.put("projectId", projectId);
		assertThat(signedIn(team).post("/api/v1/activities", activity).json().get("projectId").asString())
			.isEqualTo(projectId);
	}

	@Test
	void thePagesShowTheNoticeAndLetTheAdminCreateAndPublish() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login",
				Map.of("username", team.admin().username(), "password", team.admin().password()));
		String form = "/organizations/" + team.id() + "/activities/new";
		assertThat(browser.get(form).status()).isEqualTo(200);
		String title = "页面创建的活动" + Identities.suffix();
		java.time.LocalDateTime start = java.time.LocalDateTime.now().plusDays(3).withSecond(0).withNano(0);
		Map<String, String> fields = new HashMap<>();
		fields.put("title", title);
		fields.put("description", "植树");
		fields.put("category", "ENVIRONMENT");
		fields.put("recruitmentMode", "REGULAR");
		fields.put("regionCode", "110105002");
		fields.put("address", "朝外大街");
		fields.put("startsAt", start.toString());
		fields.put("endsAt", start.plusHours(3).toString());
		fields.put("approval", "AUTO");
		fields.put("riskLevel", "LOW");
		fields.put("waitlist", "on");
		fields.put("positionName", "植树志愿者");
		fields.put("positionCapacity", "20");
		Response created = browser.submitForm(form, "/organizations/" + team.id() + "/activities", fields);
		assertThat(created.status()).isEqualTo(302);
		String page = created.header("Location").replaceFirst("^https?://[^/]+", "");
		assertThat(browser.get(page).body()).contains(title).contains("草稿");
		assertThat(browser.submitForm(page, page + "/lifecycle", Map.of("action", "publish")).status()).isEqualTo(302);
		Response publicPage = this.api.get(page);
		assertThat(publicPage.body()).contains(title).contains("招募公告").contains("植树志愿者").contains("已录用 0 / 20");
		assertThat(this.api.get("/activities?category=ENVIRONMENT").body()).contains(title);
	}

	@Test
	void theEditPageNamesTheStatusThatForbidsAChangeInsteadOfAPlaceholder() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		String id = publish(team, anActivity(team.id().toString(), 5));
		assertThat(signedIn(team).post("/api/v1/activities/" + id + "/cancel", Map.of("reason", "天气原因")).status())
			.isEqualTo(200);
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login",
				Map.of("username", team.admin().username(), "password", team.admin().password()));
		String edit = "/activities/" + id + "/edit";

		Response refused = browser.submitForm(edit, edit, Map.of("title", "取消后再改的标题"));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("活动当前状态为 CANCELLED，不能执行此操作。").doesNotContain("{0}");
	}

	@Test
	void pagesAnOrganizationsActivitiesCountingOnlyWhatTheCallerMaySee() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		String later = publish(team, startingIn(anActivity(team.id().toString(), 5), 9, 2));
		String sooner = publish(team, startingIn(anActivity(team.id().toString(), 5), 8, 2));
		signedIn(team).post("/api/v1/activities", anActivity(team.id().toString(), 5));
		String path = "/api/v1/organizations/" + team.id() + "/activities";

		var first = this.api.get(path + "?size=1").json();
		assertThat(first.get("total").asLong()).as("a draft is neither listed nor counted for outsiders").isEqualTo(2);
		assertThat(first.get("page").asInt()).isZero();
		assertThat(first.get("size").asInt()).isEqualTo(1);
		assertThat(ids(path + "?size=1")).as("the latest start first").containsExactly(later);
		assertThat(ids(path + "?page=1&size=1")).containsExactly(sooner);
		var inside = signedIn(team).get(path).json();
		assertThat(inside.get("total").asLong()).as("its admins see the draft too").isEqualTo(3);
		assertThat(inside.get("size").asInt()).isEqualTo(20);
		assertThat(inside.get("items").size()).isEqualTo(3);

		Response bad = this.api.get(path + "?page=-1&size=201");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("page", "size");
	}

	@Test
	void anActivityThatTookPlaceWaitsForTheOperatorWithItsHandEnteredRecords() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Map<String, Object> activity = startingIn(anActivity(team.id().toString(), 5), -5, 3);
		Map<String, Object> body = Map.of("activity", activity, "reason", "社区临时组织的线下活动，活动后补录");
		assertThat(signedIn(this.fixtures.aVolunteer()).post("/api/v1/activities/past", body).status()).isEqualTo(403);
		Response created = signedIn(team).post("/api/v1/activities/past", body);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("status").asString()).isEqualTo("PENDING_REVIEW");
		String id = created.json().get("id").asString();
		assertThat(this.api.get("/api/v1/activities/" + id).status()).as("public once confirmed").isEqualTo(404);
		assertThat(ids("/api/v1/activities?regionCode=110105&size=200")).as("never recruiting").doesNotContain(id);
		assertThat(
				this.jdbc.sql("SELECT detail FROM audit_event WHERE action = 'activity.record-past' AND object_id = ?")
					.param(id)
					.query(String.class)
					.single())
			.isEqualTo("社区临时组织的线下活动，活动后补录");

		Person volunteer = this.fixtures.aVolunteer();
		java.time.OffsetDateTime start = java.time.OffsetDateTime.parse((String) activity.get("startsAt"));
		Response record = signedIn(team).post("/api/v1/records",
				Map.of("volunteerId", volunteer.volunteerId().toString(), "activityId", id, "startedAt",
						start.toString(), "endedAt", start.plusHours(2).toString(), "reason", "按签到表补录"));
		assertThat(record.status()).isEqualTo(201);
		assertThat(record.json().get("flags").toString()).as("no accepted place behind it")
			.isEqualTo("[\"NO_SIGNUP\"]");
		assertThat(record.json().get("review").asString()).as("held until the activity is confirmed").isEqualTo("HELD");
		Response confirmed = signedIn(this.fixtures.anOperatorOf("110105")).post("/api/v1/activities/" + id + "/review",
				Map.of("decision", "APPROVE", "reason", "核对签到表属实"));
		assertThat(confirmed.json().get("status").asString()).isEqualTo("FINISHED");
		assertThat(this.api.get("/api/v1/activities/" + id).status()).isEqualTo(200);
		assertThat(this.fixtures.totalHoursOf(volunteer)).isEqualByComparingTo("2.00");
	}

	@Test
	void anActivityRecordedAfterwardsMustHaveEndedAndBegunWithinTheWindow() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Map<String, Object> running = startingIn(anActivity(team.id().toString(), 5), 0, 3);
		running.put("startsAt", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusHours(1).toString());
		Response notOver = signedIn(team).in("en")
			.post("/api/v1/activities/past", Map.of("activity", running, "reason", "补录"));
		assertThat(notOver.status()).isEqualTo(400);
		assertThat(notOver.json().get("errors").findValuesAsString("field")).containsExactly("activity.endsAt");
		Map<String, Object> old = startingIn(anActivity(team.id().toString(), 5), -200, 3);
		Response tooOld = signedIn(team).in("en").post("/api/v1/activities/past", Map.of("activity", old));
		assertThat(tooOld.json().get("errors").findValuesAsString("field"))
			.containsExactlyInAnyOrder("activity.startsAt", "reason");
		assertThat(signedIn(team).post("/api/v1/activities/past", Map.of("reason", "补录")).status()).isEqualTo(400);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM activity WHERE organization_id = ?")
			.param(team.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anAdminRecordsAPastActivityThroughThePageAndAMissingReasonShowsAtItsField() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api browser = browserOf(team.admin().username(), team.admin().password());
		String page = "/organizations/" + team.id() + "/activities/past";
		assertThat(browser.get("/organizations/" + team.id() + "/activities").body()).contains(page);
		assertThat(browser.get(page).body()).contains("补录原因").doesNotContain("signupDeadline");
		String title = "社区义诊" + Identities.suffix();
		java.time.LocalDateTime start = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"))
			.minusDays(10)
			.withHour(9)
			.withMinute(0)
			.withSecond(0)
			.withNano(0);
		Map<String, String> form = new HashMap<>(Map.of("title", title, "description", "为居民测量血压并讲解健康知识。", "category",
				"HEALTH", "regionCode", "110105001", "address", "建外街道社区卫生服务站", "startsAt", start.toString(), "endsAt",
				start.plusHours(3).toString(), "positionName", "义诊志愿者", "positionCapacity", "5"));
		Response missing = browser.submitForm(page, page, form);
		assertThat(missing.status()).isEqualTo(200);
		assertThat(missing.body()).contains("请修改下面标出的内容").contains(title);
		form.put("reason", "线下临时组织，活动后补录");
		Response recorded = browser.submitForm(page, page, form);
		assertThat(recorded.status()).isEqualTo(302);
		String id = recorded.header("Location").replaceAll(".*/activities/", "");
		assertThat(signedIn(team).get("/api/v1/activities/" + id).json().get("status").asString())
			.isEqualTo("PENDING_REVIEW");
	}

	private String publish(Team team, Map<String, Object> body) {
		Api admin = signedIn(team);
		String id = admin.post("/api/v1/activities", body).json().get("id").asString();
		admin.post("/api/v1/activities/" + id + "/publish", Map.of());
		return id;
	}

	private List<String> ids(String path) {
		List<String> ids = new java.util.ArrayList<>();
		this.api.get(path).json().get("items").forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

	private Api browserOf(String username, String password) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", username, "password", password));
		return browser;
	}

	private Api signedIn(Team team) {
		return this.api.signIn(team.admin().username(), team.admin().password());
	}

	private Api signedIn(org.zhiyuan.support.Fixtures.Person person) {
		return this.api.signIn(person.username(), person.password());
	}

}
