package org.zhiyuan.browser;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.zhiyuan.browser.Browser.Screen;
import org.zhiyuan.organization.MemberRole;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.support.Fixtures.Finished;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of complaints, commendations, stories, data accesses, erasure requests and
 * evaluations, each opened by the role that uses it, in Chinese and English, on a 390 px
 * phone and a 1366 px desktop: none scrolls sideways, none shows a message key that has
 * no text ({@code ??key_zh_CN??}), each shows its heading. The data lives in 凤冈县
 * (520327), 湄潭县 (520328), 余庆县 (520329) and 习水县 (520330), which no other test uses. Every
 * page is saved as
 * {@code target/browser-screenshots/issue19-pages/<role>-<lang>-<width>-<page>.png}.
 */
@Tag("browser")
class Issue19PagesBrowserTests extends BrowserTestSupport {

	private static final List<String> LANGUAGES = List.of("zh-CN", "en");

	private static final List<Screen> SCREENS = List.of(Screen.PHONE, Screen.DESKTOP);

	private static boolean started;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organizations organizations;

	private final List<String> problems = new ArrayList<>();

	@BeforeEach
	void startOnce() {
		if (!started) {
			browser.startFlow("issue19-pages", baseUrl(), Screen.DESKTOP);
			started = true;
		}
	}

	@AfterEach
	void everyPageWasWhole() {
		assertThat(this.problems).as("pages that scroll sideways, show a message key or lack a heading").isEmpty();
	}

	@Test
	void complaintPages() {
		String district = "520327";
		Team team = this.fixtures.anActiveTeamIn(district + "001");
		Person volunteer = this.fixtures.aVolunteerIn(district);
		Person operator = this.fixtures.anOperatorOf(district);
		Map<String, Object> body = new HashMap<>();
		body.put("subjectType", "ORGANIZATION");
		body.put("subjectId", team.id().toString());
		body.put("category", "SAFETY");
		body.put("description", "活动现场没有安全员，也没有为老人准备防滑垫和饮用水，请核实处理。");
		body.put("contactPhone", "13800138000");
		Response filed = api(volunteer).post("/api/v1/complaints", body);
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		String complaint = filed.json().get("id").asString();
		String form = "/complaints/new?subjectType=ORGANIZATION&subjectId=" + team.id();

		walk("anonymous", null, pages("complaint-form", form, "complaint-track", "/complaints/track"));
		walk("volunteer", volunteer, pages("complaint-form", form, "my-complaint", "/me/complaints/" + complaint,
				"my-complaints", "/me/complaints"));
		walk("operator", operator,
				pages("complaints", "/complaints?regionCode=" + district, "complaint", "/complaints/" + complaint));
	}

	@Test
	void commendationPages() {
		String district = "520328";
		Person operator = this.fixtures.anOperatorOf(district);
		Team team = this.fixtures.anActiveTeamIn(district + "004");
		Person member = this.fixtures.aVolunteerIn(district + "004");
		Person another = this.fixtures.aVolunteerIn(district + "004");
		for (Person person : List.of(member, another)) {
			this.organizations.addMember(this.fixtures.actorOf(team.admin()), team.id(), person.volunteerId(),
					MemberRole.MEMBER);
			this.organizations.acceptInvitation(this.fixtures.actorOf(person), team.id());
		}
		String inNotice = campaign(operator, district, "湄潭县2026年度优秀志愿者");
		nominateAndApprove(operator, team, inNotice, member, "三年来每周为独居老人送餐，风雨无阻。");
		nominateAndApprove(operator, team, inNotice, another, "组织茶乡义诊十余次。");
		assertThat(api(operator).post("/api/v1/commendations/" + inNotice + "/notice", Map.of()).status())
			.isEqualTo(200);
		String awarded = campaign(operator, district, "湄潭县茶乡最美志愿者");
		nominateAndApprove(operator, team, awarded, member, "坚持环保宣传。");
		assertThat(api(operator).post("/api/v1/commendations/" + awarded + "/notice", Map.of()).status())
			.isEqualTo(200);
		this.jdbc.sql("UPDATE commendation SET notice_ends_at = :past WHERE id = :id")
			.param("past", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
			.param("id", UUID.fromString(awarded))
			.update();
		Response made = api(operator).post("/api/v1/commendations/" + awarded + "/awards", Map.of());
		assertThat(made.status()).as(made.body()).isEqualTo(201);

		walk("anonymous", null, pages("notice", "/commendations/" + inNotice + "/notice", "honours",
				"/honours?regionCode=" + district));
		walk("operator", operator, pages("commendations", "/commendations?regionCode=" + district, "commendation",
				"/commendations/" + inNotice, "commendation-awarded", "/commendations/" + awarded));
		walk("volunteer", this.fixtures.aVolunteerIn(district),
				pages("notice-signed-in", "/commendations/" + inNotice + "/notice"));
	}

	@Test
	void storyPages() {
		String district = "520329";
		Team team = this.fixtures.anActiveTeamIn(district + "001");
		Person operator = this.fixtures.anOperatorOf(district);
		Api admin = api(team.admin());
		Response project = admin.post("/api/v1/projects",
				Map.of("organizationId", team.id().toString(), "name", "余庆县乡村儿童课后陪伴计划", "field", "ELDERLY_CARE",
						"level", "COMMUNITY", "description", "每周三次，在乡村学校陪伴留守儿童写作业、读绘本。"));
		assertThat(project.status()).as(project.body()).isEqualTo(201);
		String projectId = project.json().get("id").asString();
		String running = this.fixtures.aRunningActivity(this.api, team).id();
		this.jdbc.sql("UPDATE activity SET project_id = :p WHERE id = :id")
			.param("p", UUID.fromString(projectId))
			.param("id", UUID.fromString(running))
			.update();
		api(operator).post("/api/v1/projects/" + projectId + "/brand", Map.of("brand", true));
		Map<String, Object> story = new HashMap<>();
		story.put("organizationId", team.id().toString());
		story.put("projectId", projectId);
		story.put("title", "重阳节陪伴社区老人包饺子、理发、读报的一天");
		story.put("summary", "志愿者们为社区老人包饺子、理发、读报。");
		story.put("body", "九月初九，志愿者们来到社区。\n\n大家一起包饺子，为老人理发、读报。");
		Response written = admin.post("/api/v1/stories", story);
		assertThat(written.status()).as(written.body()).isEqualTo(201);
		String storyId = written.json().get("id").asString();
		admin.post("/api/v1/stories/" + storyId + "/submission", Map.of());
		assertThat(api(operator).post("/api/v1/stories/" + storyId + "/review", Map.of("decision", "PUBLISH")).status())
			.isEqualTo(200);

		walk("anonymous", null, pages("stories", "/stories", "story", "/stories/" + storyId, "showcase",
				"/projects/" + projectId + "/showcase", "oath", "/oath"));
		walk("team-admin", team.admin(), pages("story-new", "/stories/new"));
	}

	@Test
	void privacyAndEvaluationPages() {
		String district = "520330";
		Team team = this.fixtures.anActiveTeamIn(district + "001");
		Person volunteer = this.fixtures.aVolunteerIn(district + "001");
		this.organizations.addMember(this.fixtures.actorOf(team.admin()), team.id(), volunteer.volunteerId(),
				MemberRole.MEMBER);
		this.organizations.acceptInvitation(this.fixtures.actorOf(volunteer), team.id());
		Person operator = this.fixtures.anOperatorOf(district);
		assertThat(api(operator).get("/api/v1/volunteers/" + volunteer.volunteerId()).status()).isEqualTo(200);
		Finished activity = this.fixtures.aFinishedActivity(this.api, team, volunteer, 3);
		Response recorded = api(team.admin()).post("/api/v1/records",
				Map.of("volunteerId", volunteer.volunteerId().toString(), "activityId", activity.id(), "startedAt",
						activity.startsAt().toString(), "endedAt", activity.startsAt().plusHours(2).toString(),
						"reason", "按签到表补录"));
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		String record = recorded.json().get("id").asString();
		Map<String, Object> rating = new HashMap<>();
		rating.put("stars", 4);
		rating.put("comment", "认真负责，耐心陪伴老人");
		assertThat(api(team.admin()).send("PUT", "/api/v1/records/" + record + "/evaluation", rating).status())
			.isEqualTo(200);
		Response asked = api(volunteer).post("/api/v1/me/erasure-requests",
				Map.of("scope", "PROFILE", "reason", "不再参加志愿服务"));
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);

		walk("volunteer", volunteer, pages("data-accesses", "/me/data-accesses", "erasure-requests",
				"/me/erasure-requests", "records", "/me/records"));
		walk("operator", operator, pages("erasure-requests", "/erasure-requests?regionCode=" + district));
		walk("team-admin", team.admin(), pages("evaluations", "/organizations/" + team.id() + "/evaluations"));
	}

	private Api api(Person person) {
		return new Api(baseUrl()).as(this.fixtures.tokenFor(person));
	}

	private String campaign(Person operator, String region, String title) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("regionCode", region);
		body.put("title", title);
		body.put("kind", "VOLUNTEER");
		body.put("nominationsUntil", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(3).withNano(0).toString());
		body.put("noticeDays", 7);
		Response created = api(operator).post("/api/v1/commendations", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private void nominateAndApprove(Person operator, Team team, String campaign, Person nominee, String reason) {
		Response nominated = api(team.admin()).post("/api/v1/commendations/" + campaign + "/nominations",
				Map.of("nomineeId", nominee.volunteerId().toString(), "reason", reason));
		assertThat(nominated.status()).as(nominated.body()).isEqualTo(201);
		String nomination = nominated.json().get("id").asString();
		assertThat(api(operator).post("/api/v1/nominations/" + nomination + "/review", Map.of("decision", "APPROVE"))
			.status()).isEqualTo(200);
	}

	private static Map<String, String> pages(String... nameAndPath) {
		Map<String, String> pages = new LinkedHashMap<>();
		for (int i = 0; i < nameAndPath.length; i += 2) {
			pages.put(nameAndPath[i], nameAndPath[i + 1]);
		}
		return pages;
	}

	/**
	 * Signs in as the person (nobody when null) and opens every page in both languages on
	 * both screens.
	 */
	private void walk(String role, Person person, Map<String, String> pages) {
		browser.forgetVisitor();
		browser.layOutAs(Screen.DESKTOP);
		if (person != null) {
			signIn(person);
		}
		for (String language : LANGUAGES) {
			browser.open("/?lang=" + language);
			assertThat(browser.evaluate("return document.documentElement.lang")).isEqualTo(language);
			for (Screen screen : SCREENS) {
				browser.layOutAs(screen);
				pages.forEach((page, path) -> look(role + "-" + language + "-" + screen.width() + "-" + page, path));
			}
		}
	}

	private void look(String name, String path) {
		browser.open(path);
		String measured = "%s (%s): scrollWidth %s, innerWidth %s".formatted(name, path,
				browser.evaluate("return document.documentElement.scrollWidth"),
				browser.evaluate("return window.innerWidth"));
		if (!browser.fitsTheScreenWidth()) {
			this.problems.add("scrolls sideways: " + measured);
		}
		String text = browser.visible(By.tagName("body")).getText();
		if (text.contains("??")) {
			this.problems.add("a message key without text: " + measured);
		}
		if (browser.visibleElements("main h1").isEmpty()) {
			this.problems.add("no heading: " + measured);
		}
		browser.saveScreenshot(name + ".png");
	}

}
