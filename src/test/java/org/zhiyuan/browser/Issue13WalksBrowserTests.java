package org.zhiyuan.browser;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.zhiyuan.browser.Browser.Screen;
import org.zhiyuan.organization.MemberRole;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.support.ActivityFixtures;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.support.Identities;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of training, insurance, review and the sign-up extensions, each opened by the
 * role that uses it, in Chinese and English, on a 390 px phone and a 1366 px desktop:
 * none scrolls sideways, none shows a message key that has no text
 * ({@code ??key_zh_CN??}), each shows its heading, and an English page shows no Chinese
 * but what people typed (names, titles, addresses). The data lives in 徐汇区 (310104), which
 * no other test uses. Every page is saved as
 * {@code target/browser-screenshots/issue13-walks/<role>-<lang>-<width>-<page>.png}.
 */
@Tag("browser")
class Issue13WalksBrowserTests extends BrowserTestSupport {

	private static final String DISTRICT = "310104";

	/** 枫林路街道, 徐汇区. */
	private static final String STREET = "310104008";

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final List<String> LANGUAGES = List.of("zh-CN", "en");

	private static final List<Screen> SCREENS = List.of(Screen.PHONE, Screen.DESKTOP);

	/**
	 * What people typed, shown as typed in either language; the fixtures' names too
	 * (测试志愿者, 测试志愿服务队…, 测试op) and their activities' position (助餐志愿者).
	 */
	private static final Set<String> TYPED = new LinkedHashSet<>(List.of("测试志愿者", "测试志愿服务队", "测试op", "助餐志愿者"));

	private static boolean started;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organizations organizations;

	private final List<String> problems = new ArrayList<>();

	@BeforeEach
	void startOnce() {
		if (!started) {
			browser.startFlow("issue13-walks", baseUrl(), Screen.DESKTOP);
			started = true;
		}
	}

	@AfterEach
	void everyPageWasWhole() {
		assertThat(this.problems)
			.as("pages that scroll sideways, show a message key, lack a heading" + " or show Chinese in English")
			.isEmpty();
	}

	@Test
	void aVolunteersTrainingPagesAndTheShiftsPanel() {
		Team team = this.fixtures.anActiveTeamIn(DISTRICT);
		Person volunteer = this.fixtures.aVolunteerIn(DISTRICT);
		String title = typed("社区急救员培训" + Identities.suffix());
		String courseId = aCourse(team, title);
		String upcoming = aSession(team, courseId, 3);
		String passedSession = aSession(team, courseId, 4);
		enrol(volunteer, upcoming);
		enrol(volunteer, passedSession);
		startNow(passedSession);
		result(team, passedSession, volunteer, true);
		String shifts = aShiftsActivity(team);

		walk("volunteer", volunteer,
				List.of(new Page("library", "/training?q=" + title, "#courses .card", null,
						Map.of("zh-CN", "共 1 门课程", "en", "\n1 course\n")),
						new Page("course", "/training/courses/" + courseId, "#session-" + upcoming + " .badge", null),
						new Page("my-training", "/me/training", "#records .card", null),
						new Page("shifts-panel", "/activities/" + shifts, "#shift-form", null,
								Map.of("zh-CN", "14 周岁以上；须持有：急救证书；至少服务 3 次", "en",
										"aged 14 or over; must hold: First aid certificate; at least 3 services"))));
	}

	@Test
	void anOrganizersRosterInsuranceAndGroupSignUpPages() {
		Team team = this.fixtures.anActiveTeamIn(DISTRICT);
		Person passes = this.fixtures.aVolunteerIn(DISTRICT);
		Person waits = this.fixtures.aVolunteerIn(DISTRICT);
		String courseId = aCourse(team, typed("防溺水救援培训" + Identities.suffix()));
		String sessionId = aSession(team, courseId, 2);
		enrol(passes, sessionId);
		enrol(waits, sessionId);
		startNow(sessionId);
		result(team, sessionId, passes, true);

		LocalDate today = LocalDate.now(CHINA);
		String policyId = aPolicy(team, today.minusDays(3), today.plusDays(60));
		Person insured = this.fixtures.aVolunteerIn(DISTRICT);
		Person uninsured = this.fixtures.aVolunteerIn(DISTRICT);
		Risky risky = anApprovedHighRiskActivity(team);
		signUp(insured, risky.id(), risky.positionId());
		signUp(uninsured, risky.id(), risky.positionId());
		assertThat(as(team.admin())
			.post("/api/v1/insurance-policies/" + policyId + "/insured",
					Map.of("volunteerIds", List.of(insured.volunteerId().toString())))
			.status()).isEqualTo(200);

		Person member = this.fixtures.aVolunteerIn(DISTRICT);
		this.organizations.addMember(this.fixtures.actorOf(team.admin()), team.id(), member.volunteerId(),
				MemberRole.MEMBER);
		this.organizations.acceptInvitation(this.fixtures.actorOf(member), team.id());
		String shifts = aShiftsActivity(team);

		walk("organizer", team.admin(), List.of(
				new Page("session-roster", "/training/sessions/" + sessionId + "/roster",
						"#roster form[action$='/results']", null),
				new Page("insurance", "/organizations/" + team.id() + "/insurance", "#policies .policy-card", null),
				new Page("policy", "/insurance-policies/" + policyId, "#insured .insured-card", null),
				new Page("high-risk-roster", "/activities/" + risky.id() + "/roster", "#insurance-panel form", null),
				new Page("group-signup", "/activities/" + shifts, "#group-signup summary",
						Issue13WalksBrowserTests::pickAMember)));
	}

	@Test
	void anOperatorsReviewQueueReviewAndRegionSettingsPages() {
		Team team = this.fixtures.anActiveTeamIn(DISTRICT);
		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		String backfill = aBackfill(team);
		String pending = aPendingHighRiskActivity(team);

		walk("operator", operator,
				List.of(new Page("review-queue", "/activities/review?regionCode=" + DISTRICT,
						".review-card a[href='/activities/" + pending + "/review']", null),
						new Page("review", "/activities/" + backfill + "/review", "textarea#reason", null),
						new Page("region-settings", "/regions/" + DISTRICT + "/settings", "main form", null)));
	}

	/**
	 * Signs in once as the person and opens every page in both languages on both screens.
	 */
	private void walk(String role, Person person, List<Page> pages) {
		browser.forgetVisitor();
		browser.layOutAs(Screen.DESKTOP);
		signIn(person);
		for (String language : LANGUAGES) {
			browser.open("/?lang=" + language);
			assertThat(browser.evaluate("return document.documentElement.lang")).isEqualTo(language);
			for (Screen screen : SCREENS) {
				browser.layOutAs(screen);
				for (Page page : pages) {
					look(role + "-" + language + "-" + screen.width() + "-" + page.name(), page, "en".equals(language));
				}
			}
		}
	}

	private void look(String name, Page page, boolean english) {
		browser.open(page.path());
		assertThat(browser.path()).as(name + " opened, not sent elsewhere")
			.isEqualTo(page.path().replaceFirst("\\?.*", ""));
		browser.visible(By.cssSelector(page.ready()));
		if (page.then() != null) {
			page.then().accept(browser);
		}
		String shows = page.shows().get(english ? "en" : "zh-CN");
		if (shows != null && !browser.visible(By.tagName("main")).getText().contains(shows)) {
			this.problems.add(name + " does not show \"" + shows + "\"");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> figures = (Map<String, Object>) browser.evaluate("""
				const h1 = document.querySelector('main h1');
				const keys = (document.title + ' ' + document.documentElement.outerHTML)
				    .match(/\\?\\?[A-Za-z0-9_.\\-]+\\?\\?/g);
				const codes = document.body.innerText.match(/\\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\\b/g);
				return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
				    heading: h1 && h1.checkVisibility() ? h1.innerText.trim() : '',
				    keys: keys ? Array.from(new Set(keys)).join(' ') : '',
				    codes: codes ? Array.from(new Set(codes)).join(' ') : ''};
				""");
		long scrollWidth = ((Number) figures.get("scrollWidth")).longValue();
		long innerWidth = ((Number) figures.get("innerWidth")).longValue();
		String measured = "%s (%s): scrollWidth %d, innerWidth %d".formatted(name, page.path(), scrollWidth,
				innerWidth);
		System.out.println("issue13 " + measured);
		if (scrollWidth > innerWidth) {
			this.problems.add("scrolls sideways: " + measured);
		}
		if (((String) figures.get("heading")).isBlank()) {
			this.problems.add("no visible heading: " + measured);
		}
		if (!((String) figures.get("keys")).isEmpty()) {
			this.problems.add("message keys without text " + figures.get("keys") + ": " + measured);
		}
		if (!((String) figures.get("codes")).isEmpty()) {
			this.problems.add("codes shown as they are stored " + figures.get("codes") + ": " + measured);
		}
		if (english) {
			List<String> chinese = chineseNotTyped();
			if (!chinese.isEmpty()) {
				this.problems.add("Chinese on the English page " + chinese + ": " + measured);
			}
		}
		browser.saveScreenshot(name + ".png");
	}

	/**
	 * The runs of Chinese characters and punctuation that the page shows (its text,
	 * placeholders, labels and titles), but for what people typed and the link to the
	 * Chinese page.
	 */
	private List<String> chineseNotTyped() {
		@SuppressWarnings("unchecked")
		List<String> runs = (List<String>) browser.evaluate(
				"""
						const found = new Set();
						const han = /[\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]+/g;
						const note = (element, text) => {
						  if (!text || element.closest('[lang^="zh"], script, style, noscript, template')) return;
						  (text.match(han) || []).forEach((run) => found.add(run));
						};
						const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
						for (let node = walker.nextNode(); node; node = walker.nextNode()) {
						  const parent = node.parentElement;
						  if (parent && parent.checkVisibility()) note(parent, node.textContent);
						}
						document.querySelectorAll('[placeholder], [title], [aria-label], input[type=submit], input[type=button]')
						  .forEach((element) => ['placeholder', 'title', 'aria-label', 'value']
						    .forEach((attribute) => note(element, element.getAttribute(attribute))));
						note(document.documentElement, document.title);
						return Array.from(found);
						""");
		return runs.stream()
			.filter((run) -> run.codePoints().allMatch(Issue13WalksBrowserTests::isPunctuation)
					|| TYPED.stream().noneMatch((typed) -> typed.contains(run)))
			.toList();
	}

	/**
	 * Chinese punctuation or a full-width form: between words that are not Chinese, it is
	 * the page's, not what someone typed.
	 */
	private static boolean isPunctuation(int codePoint) {
		return (codePoint >= 0x3000 && codePoint <= 0x303f) || (codePoint >= 0xff00 && codePoint <= 0xffef);
	}

	/** Opens the group sign-up, finds the team's member and picks them. */
	private static void pickAMember(Browser browser) {
		browser.click(By.cssSelector("#group-signup summary"));
		browser.type(By.cssSelector("#group-signup input.person-picker-search"), "测试");
		browser.click(By.cssSelector("#group-signup .person-match"));
		browser.visible(By.cssSelector("#group-signup [data-chosen] > *"));
	}

	// fixtures, through the API and the services

	/** Remembers a text as typed by people, and returns it. */
	private static String typed(String text) {
		TYPED.add(text);
		return text;
	}

	private String aCourse(Team team, String title) {
		Map<String, Object> body = new HashMap<>();
		body.put("organizationId", team.id().toString());
		body.put("title", title);
		body.put("description", typed("心肺复苏、AED 使用与创伤止血。"));
		body.put("hours", "4.0");
		body.put("qualification", Map.of("code", "FIRST_AID", "name", "救援资质", "validMonths", 24));
		body.put("teachers", List.of(typed("王医生")));
		Response created = as(team.admin()).post("/api/v1/courses", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	/** A session some days ahead: open for enrolment. */
	private String aSession(Team team, String courseId, int daysAhead) {
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(daysAhead).withNano(0);
		Response created = as(team.admin()).post("/api/v1/courses/" + courseId + "/sessions",
				Map.of("startsAt", start.toString(), "endsAt", start.plusHours(4).toString(), "regionCode", STREET,
						"address", typed("枫林路社区卫生服务中心三楼"), "capacity", 10, "teacher", typed("李老师")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private void enrol(Person volunteer, String sessionId) {
		Response enrolled = as(volunteer).post("/api/v1/course-sessions/" + sessionId + "/enrolments", Map.of());
		assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
	}

	private void result(Team team, String sessionId, Person volunteer, boolean passed) {
		Response result = as(team.admin()).post("/api/v1/course-sessions/" + sessionId + "/results",
				Map.of("volunteerId", volunteer.volunteerId().toString(), "passed", passed));
		assertThat(result.status()).as(result.body()).isEqualTo(201);
	}

	/** The session began half an hour ago and ends in two hours. */
	private void startNow(String sessionId) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		this.jdbc.sql("UPDATE course_session SET starts_at = :s, ends_at = :e WHERE id = :id")
			.param("s", now.minusMinutes(30))
			.param("e", now.plusHours(2))
			.param("id", UUID.fromString(sessionId))
			.update();
	}

	/** An activity of the team in 徐汇区, a week ahead, not yet published. */
	private Map<String, Object> anActivity(Team team, String title) {
		Map<String, Object> body = ActivityFixtures.anActivity(team.id().toString(), 5);
		body.put("title", typed(title + " " + Identities.suffix()));
		body.put("description", typed("清理河道两岸垃圾，劝导游客文明游览；请穿运动鞋，自带水杯。"));
		body.put("regionCode", STREET);
		body.put("address", typed("枫林路街道滨江绿地南门"));
		body.put("location", Map.of("lat", 31.1880, "lng", 121.4365));
		return body;
	}

	/**
	 * A published activity of two shifts, one of them for experienced first aiders only.
	 */
	private String aShiftsActivity(Team team) {
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).withNano(0);
		Map<String, Object> body = anActivity(team, "滨江周末护河行动");
		body.put("startsAt", start.toString());
		body.put("endsAt", start.plusDays(1).plusHours(4).toString());
		body.put("positions",
				List.of(Map.of("name", typed("周六上午班"), "capacity", 5, "startsAt", start.toString(), "endsAt",
						start.plusHours(4).toString()),
						Map.of("name", typed("周日上午班"), "capacity", 5, "startsAt", start.plusDays(1).toString(),
								"endsAt", start.plusDays(1).plusHours(4).toString()),
						Map.of("name", typed("周日急救保障"), "capacity", 2, "startsAt", start.plusDays(1).toString(),
								"endsAt", start.plusDays(1).plusHours(4).toString(), "qualifications",
								List.of("FIRST_AID"), "minServices", 3)));
		Api admin = as(team.admin());
		Response created = admin.post("/api/v1/activities", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		Response published = admin.post("/api/v1/activities/" + id + "/publish", Map.of());
		assertThat(published.json().get("status").asString()).as(published.body()).isEqualTo("RECRUITING");
		return id;
	}

	private String aPolicy(Team team, LocalDate from, LocalDate to) {
		Response created = as(team.admin()).post("/api/v1/insurance-policies",
				Map.of("organizationId", team.id().toString(), "insurer", typed("中国人民财产保险"), "policyNumber",
						"PICC-" + UUID.randomUUID().toString().substring(0, 8), "startsOn", from.toString(), "endsOn",
						to.toString(), "coverage", typed("意外身故/伤残 50 万元，意外医疗 5 万元")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	/** A high-risk activity, published under the team's policy and approved by 徐汇区. */
	private Risky anApprovedHighRiskActivity(Team team) {
		Map<String, Object> body = anActivity(team, "汛期河道巡查");
		body.put("riskLevel", "HIGH");
		body.put("risksAndProtections", typed("临水作业，全程穿救生衣，两人一组。"));
		Api admin = as(team.admin());
		Response created = admin.post("/api/v1/activities", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		String status = admin.post("/api/v1/activities/" + id + "/publish", Map.of()).json().get("status").asString();
		if (status.equals("PENDING_REVIEW")) {
			Response approved = as(this.fixtures.anOperatorOf(DISTRICT)).post("/api/v1/activities/" + id + "/review",
					Map.of("decision", "APPROVE", "reason", ""));
			assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		}
		return new Risky(id, created.json().get("positions").get(0).get("id").asString());
	}

	/** A high-risk activity waiting for 徐汇区's review (the default asks for it). */
	private String aPendingHighRiskActivity(Team team) {
		LocalDate today = LocalDate.now(CHINA);
		aPolicy(team, today.minusDays(3), today.plusDays(60));
		Map<String, Object> body = anActivity(team, "防汛应急演练");
		body.put("riskLevel", "HIGH");
		Api admin = as(team.admin());
		String id = admin.post("/api/v1/activities", body).json().get("id").asString();
		Response published = admin.post("/api/v1/activities/" + id + "/publish", Map.of());
		assertThat(published.json().get("status").asString()).as(published.body()).isEqualTo("PENDING_REVIEW");
		return id;
	}

	/** An activity held two days ago, entered afterwards: it waits for the region. */
	private String aBackfill(Team team) {
		Map<String, Object> body = ActivityFixtures.startingIn(anActivity(team, "社区敬老午餐"), -2, 2);
		Response created = as(team.admin()).post("/api/v1/activities/past",
				Map.of("activity", body, "reason", typed("线下开展，活动后补录")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private void signUp(Person volunteer, String activityId, String positionId) {
		Response signed = as(volunteer).post("/api/v1/activities/" + activityId + "/signups",
				Map.of("positionId", positionId));
		assertThat(signed.status()).as(signed.body()).isEqualTo(201);
	}

	private Api as(Person person) {
		return this.api.as(this.fixtures.tokenFor(person));
	}

	@Override
	protected void signIn(Person person) {
		browser.open("/login");
		browser.type(By.id("username"), person.username());
		browser.type(By.id("password"), person.password());
		browser.clickAndWaitForNextPage(By.cssSelector("#login-form button[type=submit]"));
		assertThat(browser.path()).as("signed in as " + person.username()).isNotEqualTo("/login");
	}

	/**
	 * A page of the walk: its name in the screenshots, its path, what shows once it is
	 * ready (a panel loaded by htmx too), what to do on it before it is looked at, and by
	 * language a text it must show.
	 */
	private record Page(String name, String path, String ready, Consumer<Browser> then, Map<String, String> shows) {

		Page(String name, String path, String ready, Consumer<Browser> then) {
			this(name, path, ready, then, Map.of());
		}

	}

	/** A high-risk activity and its position. */
	private record Risky(String id, String positionId) {

	}

}
