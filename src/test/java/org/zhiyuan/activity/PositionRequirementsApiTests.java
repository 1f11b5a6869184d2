package org.zhiyuan.activity;

import java.time.LocalDateTime;
import java.time.ZoneId;
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

/**
 * A position's requirements: qualifications picked from the platform's list of codes, an
 * unknown one refused wherever an activity is made, and requirements changed afterwards,
 * freely until someone signs up and then only loosened.
 */
class PositionRequirementsApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aQualificationNotOnThePlatformsListIsRefusedAndNothingIsCreated() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Response refused = signedIn(team).post("/api/v1/activities",
				requiring(anActivity(team.id().toString(), 5), "FIRST_AID", "BASKET_WEAVING"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(fields(refused)).containsExactly("positions[0].qualifications");
		assertThat(messages(refused)).singleElement().asString().contains("资质列表").contains("BASKET_WEAVING");
		Response inEnglish = signedIn(team).in("en")
			.post("/api/v1/activities", requiring(anActivity(team.id().toString(), 5), "BASKET_WEAVING"));
		assertThat(messages(inEnglish)).singleElement()
			.asString()
			.isEqualTo("Pick qualifications from the platform's list: \"BASKET_WEAVING\" is not on it.");

		Response past = signedIn(team).post("/api/v1/activities/past",
				Map.of("activity", requiring(startingIn(anActivity(team.id().toString(), 5), -3, 2), "BASKET_WEAVING"),
						"reason", "线下开展，活动后补录"));
		assertThat(past.status()).isEqualTo(400);
		assertThat(fields(past)).containsExactly("activity.positions[0].qualifications");
		Response series = signedIn(team).post("/api/v1/activity-series",
				Map.of("activity", requiring(anActivity(team.id().toString(), 5), "BASKET_WEAVING"), "repeat",
						Map.of("frequency", "WEEKLY", "count", 3)));
		assertThat(series.status()).isEqualTo(400);
		assertThat(fields(series)).containsExactly("activity.positions[0].qualifications");
		assertThat(activitiesOf(team)).as("nothing created").isZero();
	}

	@Test
	void aListedCodeIsKeptAndTheExactNameOfOneIsTakenAsItsCode() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Response created = signedIn(team).post("/api/v1/activities",
				requiring(anActivity(team.id().toString(), 5), "LIFEGUARD", "急救证书", "First aid certificate"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("positions").get(0).get("qualifications").toString())
			.isEqualTo("[\"FIRST_AID\",\"LIFEGUARD\"]");
		String id = created.json().get("id").asString();
		Response copy = signedIn(team).post("/api/v1/activities/" + id + "/copy", Map.of());
		assertThat(copy.status()).isEqualTo(201);
		assertThat(copy.json().get("positions").get(0).get("qualifications").toString())
			.isEqualTo("[\"FIRST_AID\",\"LIFEGUARD\"]");
	}

	@Test
	void theNewActivityPagePicksQualificationsFromTheListAndShowsTheirNames() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api browser = browserOf(team);
		String form = "/organizations/" + team.id() + "/activities/new";
		String page = browser.get(form).body();
		assertThat(page).contains("name=\"positionQualifications\"")
			.contains("value=\"0:FIRST_AID\"")
			.contains("急救证书")
			.contains("救生员证");
		assertThat(browser.get(form + "?lang=en").body()).contains("First aid certificate")
			.contains("Lifeguard certificate");
		browser.get(form + "?lang=zh-CN");

		Map<String, String> fields = aForm("页面创建的急救岗位" + Identities.suffix());
		fields.put("positionQualifications", "0:NO_SUCH_CODE");
		Response refused = browser.submitForm(form, "/organizations/" + team.id() + "/activities", fields);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("请修改下面标出的内容")
			.contains("id=\"problem-positions[0]\"")
			.contains("“NO_SUCH_CODE”不在列表中");
		assertThat(activitiesOf(team)).as("nothing created").isZero();

		fields.put("positionQualifications", "0:FIRST_AID");
		Response created = browser.submitForm(form, "/organizations/" + team.id() + "/activities", fields);
		assertThat(created.status()).isEqualTo(302);
		String detail = created.header("Location").replaceFirst("^https?://[^/]+", "");
		String id = detail.replaceAll(".*/activities/", "");
		assertThat(signedIn(team).get("/api/v1/activities/" + id).json().get("positions").get(0).get("qualifications"))
			.hasToString("[\"FIRST_AID\"]");
		assertThat(browser.get(detail).body()).contains("须持有：急救证书").doesNotContain("FIRST_AID");
		assertThat(browser.get(detail + "?lang=en").body()).contains("must hold: First aid certificate");
	}

	@Test
	void theReviewPageNamesTheQualificationsInThePagesLanguage() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		String id = signedIn(team).post("/api/v1/activities/past",
				Map.of("activity",
						requiring(startingIn(anActivity(team.id().toString(), 5), -2, 2), "LIFEGUARD", "AED"), "reason",
						"线下开展，活动后补录"))
			.json()
			.get("id")
			.asString();
		Person operator = this.fixtures.anOperatorOf("110105");
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login",
				Map.of("username", operator.username(), "password", operator.password()));
		String review = "/activities/" + id + "/review";
		assertThat(browser.get(review).body()).contains("须持有：AED 使用培训合格、救生员证").doesNotContain("LIFEGUARD");
		assertThat(browser.get(review + "?lang=en").body()).contains("must hold: AED operation, Lifeguard certificate");
	}

	@Test
	void aRefusedRowIsMarkedAtItsOwnRowWhenABlankRowCameBefore() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api browser = browserOf(team);
		String form = "/organizations/" + team.id() + "/activities/new";
		Map<String, String> fields = aForm("第二行的岗位" + Identities.suffix());
		fields.remove("positionName");
		fields.remove("positionCapacity");
		fields.put("positionName[0]", "");
		fields.put("positionName[1]", "急救员");
		fields.put("positionCapacity[1]", "3");
		fields.put("positionQualifications", "1:NO_SUCH_CODE");
		Response refused = browser.submitForm(form, "/organizations/" + team.id() + "/activities", fields);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"problem-positions[1]\"")
			.doesNotContain("id=\"problem-positions[0]\"");
		assertThat(activitiesOf(team)).isZero();
	}

	@Test
	void requirementsChangeFreelyUntilSomeoneSignsUpAndThenOnlyLoosen() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = signedIn(team);
		JsonNode created = admin.post("/api/v1/activities", anActivity(team.id().toString(), 5)).json();
		String id = created.get("id").asString();
		String positionId = created.get("positions").get(0).get("id").asString();
		Response draft = admin.send("PATCH", "/api/v1/activities/" + id,
				Map.of("requirements", List.of(Map.of("positionId", positionId, "minAge", 16, "maxAge", 70,
						"minServices", 2, "minHours", "4.50", "qualifications", List.of("FIRST_AID")))));
		assertThat(draft.status()).isEqualTo(200);
		JsonNode position = draft.json().get("positions").get(0);
		assertThat(position.get("minAge").asInt()).isEqualTo(16);
		assertThat(position.get("maxAge").asInt()).isEqualTo(70);
		assertThat(position.get("minServices").asInt()).isEqualTo(2);
		assertThat(position.get("minHours").asString()).isEqualTo("4.50");
		assertThat(position.get("qualifications")).hasToString("[\"FIRST_AID\"]");
		assertThat(admin
			.send("PATCH", "/api/v1/activities/" + id,
					Map.of("requirements",
							List.of(Map.of("positionId", positionId, "minServices", 2, "minHours", "4.50",
									"qualifications", List.of("FIRST_AID", "AED", "LIFEGUARD"), "gender", "FEMALE"))))
			.status()).as("no one signed up: stricter is fine").isEqualTo(200);
		admin.post("/api/v1/activities/" + id + "/publish", Map.of());
		admin.send("PATCH", "/api/v1/activities/" + id,
				Map.of("requirements", List.of(Map.of("positionId", positionId))));
		Person volunteer = this.fixtures.aVolunteer();
		assertThat(this.api.as(this.fixtures.tokenFor(volunteer))
			.post("/api/v1/activities/" + id + "/signups", Map.of("positionId", positionId))
			.status()).isEqualTo(201);

		for (Map<String, Object> stricter : List.<Map<String, Object>>of(Map.of("minAge", 30), Map.of("maxAge", 60),
				Map.of("gender", "MALE"), Map.of("minServices", 1), Map.of("minHours", "0.50"),
				Map.of("qualifications", List.of("FIRST_AID")))) {
			Map<String, Object> requirements = new HashMap<>(stricter);
			requirements.put("positionId", positionId);
			Response tightened = admin.in("en")
				.send("PATCH", "/api/v1/activities/" + id,
						Map.of("title", "改了标题", "requirements", List.of(requirements)));
			assertThat(tightened.status()).as(stricter.toString()).isEqualTo(409);
			assertThat(tightened.problemCode()).isEqualTo("REQUIREMENTS_TIGHTENED");
			assertThat(tightened.json().get("detail").asString()).contains("助餐志愿者").contains("only be loosened");
		}
		JsonNode unchanged = this.api.get("/api/v1/activities/" + id).json();
		assertThat(unchanged.get("title").asString()).as("nothing changed").isNotEqualTo("改了标题");
		assertThat(unchanged.get("positions").get(0).get("qualifications")).isEmpty();
		assertThat(unchanged.get("positions").get(0).get("minAge").asInt()).isEqualTo(14);

		Response same = admin.send("PATCH", "/api/v1/activities/" + id,
				Map.of("requirements", List.of(Map.of("positionId", positionId, "minAge", 14))));
		assertThat(same.status()).as("the same requirements again").isEqualTo(200);
	}

	@Test
	void aPendingOrWaitingSignupCountsAsSignedUpAndLooseningIsAlwaysAllowed() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = signedIn(team);
		Map<String, Object> body = requiring(anActivity(team.id().toString(), 5), "FIRST_AID", "AED");
		body.put("approval", "MANUAL");
		JsonNode created = admin.post("/api/v1/activities", body).json();
		String id = created.get("id").asString();
		String positionId = created.get("positions").get(0).get("id").asString();
		admin.send("PATCH", "/api/v1/activities/" + id, Map.of("requirements",
				List.of(Map.of("positionId", positionId, "minAge", 16, "qualifications", List.of()))));
		admin.post("/api/v1/activities/" + id + "/publish", Map.of());
		Person volunteer = this.fixtures.aVolunteer();
		Response pending = this.api.as(this.fixtures.tokenFor(volunteer))
			.post("/api/v1/activities/" + id + "/signups", Map.of("positionId", positionId));
		assertThat(pending.json().get("status").asString()).isEqualTo("PENDING");

		assertThat(admin
			.send("PATCH", "/api/v1/activities/" + id,
					Map.of("requirements", List.of(Map.of("positionId", positionId, "minAge", 18))))
			.problemCode()).isEqualTo("REQUIREMENTS_TIGHTENED");
		Response loosened = admin.send("PATCH", "/api/v1/activities/" + id,
				Map.of("requirements", List.of(Map.of("positionId", positionId, "minAge", 15))));
		assertThat(loosened.status()).isEqualTo(200);
		assertThat(loosened.json().get("positions").get(0).get("minAge").asInt()).isEqualTo(15);
	}

	@Test
	void badRequirementsAreNamedByTheirEntry() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = signedIn(team);
		JsonNode created = admin.post("/api/v1/activities", anActivity(team.id().toString(), 5)).json();
		String id = created.get("id").asString();
		String positionId = created.get("positions").get(0).get("id").asString();
		Response bad = admin.send("PATCH", "/api/v1/activities/" + id,
				Map.of("requirements", List.of(
						Map.of("positionId", positionId, "minAge", 12, "maxAge", 101, "minServices", -1, "minHours",
								"1.005", "qualifications", List.of("NO_SUCH_CODE")),
						Map.of("positionId", positionId),
						Map.of("positionId", "00000000-0000-7000-8000-000000000000"))));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(fields(bad)).containsExactlyInAnyOrder("requirements[0].minAge", "requirements[0].maxAge",
				"requirements[0].minServices", "requirements[0].minHours", "requirements[0].qualifications",
				"requirements[1].positionId", "requirements[2].positionId");
		Response gender = admin.send("PATCH", "/api/v1/activities/" + id,
				Map.of("requirements", List.of(Map.of("positionId", positionId, "gender", "OTHER_VALUE"))));
		assertThat(fields(gender)).containsExactly("requirements[0].gender");
		assertThat(this.api.get("/api/v1/activities/" + id).status()).as("still a draft").isEqualTo(404);
		assertThat(admin.get("/api/v1/activities/" + id).json().get("positions").get(0).get("minAge").asInt())
			.isEqualTo(14);
	}

	@Test
	void theEditPageChangesAPositionsRequirementsAndShowsARefusalAtThePosition() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = signedIn(team);
		JsonNode created = admin.post("/api/v1/activities", requiring(anActivity(team.id().toString(), 5), "FIRST_AID"))
			.json();
		String id = created.get("id").asString();
		String positionId = created.get("positions").get(0).get("id").asString();
		Api browser = browserOf(team);
		String edit = "/activities/" + id + "/edit";
		String page = browser.get(edit).body();
		assertThat(page).contains("name=\"minAge-" + positionId + "\"")
			.contains("name=\"gender-" + positionId + "\"")
			.contains("name=\"minServices-" + positionId + "\"")
			.contains("name=\"minHours-" + positionId + "\"")
			.contains("name=\"qualifications-" + positionId + "\"")
			.contains("急救证书");

		Map<String, String> form = new HashMap<>();
		form.put("requirements-" + positionId, "on");
		form.put("capacity-" + positionId, "5");
		form.put("minAge-" + positionId, "18");
		form.put("maxAge-" + positionId, "");
		form.put("gender-" + positionId, "FEMALE");
		form.put("minServices-" + positionId, "3");
		form.put("minHours-" + positionId, "10");
		form.put("qualifications-" + positionId, "LIFEGUARD");
		Response saved = browser.submitForm(edit, edit, form);
		assertThat(saved.status()).isEqualTo(302);
		JsonNode position = admin.get("/api/v1/activities/" + id).json().get("positions").get(0);
		assertThat(position.get("minAge").asInt()).isEqualTo(18);
		assertThat(position.get("gender").asString()).isEqualTo("FEMALE");
		assertThat(position.get("minServices").asInt()).isEqualTo(3);
		assertThat(position.get("minHours").asString()).isEqualTo("10.00");
		assertThat(position.get("qualifications")).hasToString("[\"LIFEGUARD\"]");

		form.put("minAge-" + positionId, "12");
		form.put("qualifications-" + positionId, "NO_SUCH_CODE");
		Response refused = browser.submitForm(edit, edit, form);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"problem-requirements[0]\"")
			.contains("最低年龄须在 14 到 100 之间")
			.contains("“NO_SUCH_CODE”不在列表中")
			.as("what was typed stays")
			.contains("value=\"12\"");

		admin.send("PATCH", "/api/v1/activities/" + id,
				Map.of("requirements", List.of(Map.of("positionId", positionId))));
		admin.post("/api/v1/activities/" + id + "/publish", Map.of());
		assertThat(this.api.as(this.fixtures.tokenFor(this.fixtures.aVolunteer()))
			.post("/api/v1/activities/" + id + "/signups", Map.of("positionId", positionId))
			.status()).isEqualTo(201);
		form.put("minAge-" + positionId, "14");
		form.put("gender-" + positionId, "");
		form.put("minServices-" + positionId, "");
		form.put("minHours-" + positionId, "");
		form.put("qualifications-" + positionId, "FIRST_AID");
		Response tightened = browser.submitForm(edit, edit, form);
		assertThat(tightened.status()).isEqualTo(200);
		assertThat(tightened.body()).contains("岗位“助餐志愿者”已有志愿者报名，要求只能放宽，不能收紧。");
		assertThat(admin.get("/api/v1/activities/" + id).json().get("positions").get(0).get("qualifications"))
			.isEmpty();
	}

	private static Map<String, Object> requiring(Map<String, Object> activity, String... qualifications) {
		activity.put("positions",
				List.of(Map.of("name", "助餐志愿者", "capacity", 5, "qualifications", List.of(qualifications))));
		return activity;
	}

	private static Map<String, String> aForm(String title) {
		LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(3).withSecond(0).withNano(0);
		Map<String, String> fields = new HashMap<>();
		fields.put("title", title);
		fields.put("description", "赛事医疗保障");
		fields.put("category", "HEALTH");
		fields.put("recruitmentMode", "REGULAR");
		fields.put("regionCode", "110105002");
		fields.put("address", "朝阳公园南门");
		fields.put("startsAt", start.toString());
		fields.put("endsAt", start.plusHours(3).toString());
		fields.put("approval", "AUTO");
		fields.put("riskLevel", "LOW");
		fields.put("positionName", "急救员");
		fields.put("positionCapacity", "4");
		return fields;
	}

	private long activitiesOf(Team team) {
		return this.jdbc.sql("SELECT COUNT(*) FROM activity WHERE organization_id = ?")
			.param(team.id())
			.query(Long.class)
			.single();
	}

	private static List<String> fields(Response problem) {
		return problem.json().get("errors").findValuesAsString("field");
	}

	private static List<String> messages(Response problem) {
		return problem.json().get("errors").findValuesAsString("message");
	}

	private Api signedIn(Team team) {
		return this.api.signIn(team.admin().username(), team.admin().password());
	}

	private Api browserOf(Team team) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login",
				Map.of("username", team.admin().username(), "password", team.admin().password()));
		return browser;
	}

}
