package org.zhiyuan.browser;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.zhiyuan.attendance.Attendance;
import org.zhiyuan.browser.Browser.Screen;
import org.zhiyuan.support.Fixtures;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Identities;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core loop in a real browser, through the pages only: a volunteer registers and
 * signs in; another person applies for an organization, which an operator approves; its
 * admin creates and publishes an activity; the volunteer finds it, signs up, checks in
 * and out with the code typed on the phone page, and sees the hours. In Chinese on a
 * phone and on a desktop, and in English on a phone. Every step is saved under
 * {@code target/browser-screenshots/<flow>/}.
 */
@Tag("browser")
class CoreLoopBrowserTests extends BrowserTestSupport {

	/**
	 * The site: the phones stand a few metres from it, and the organizer puts the
	 * activity where theirs says (the map picker's "Use my location").
	 */
	private static final double SITE_LAT = 39.9087;

	private static final double SITE_LNG = 116.4445;

	private static final String[] JIANWAI = { "110000", "110100", "110105", "110105001" };

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Attendance attendance;

	private Flow flow;

	@Test
	void aVolunteerServesAndSeesTheHoursInChineseOnAPhone() {
		coreLoop(new Flow("zh-phone", Screen.PHONE, Locale.SIMPLIFIED_CHINESE));
	}

	@Test
	void aVolunteerServesAndSeesTheHoursInChineseOnADesktop() {
		coreLoop(new Flow("zh-desktop", Screen.DESKTOP, Locale.SIMPLIFIED_CHINESE));
	}

	@Test
	void aVolunteerServesAndSeesTheHoursInEnglishOnAPhone() {
		coreLoop(new Flow("en-phone", Screen.PHONE, Locale.ENGLISH));
	}

	private void coreLoop(Flow flow) {
		this.flow = flow;
		browser.startFlow(flow.name(), baseUrl(), flow.screen());
		browser.standAt(SITE_LAT + 0.0001, SITE_LNG + 0.0001, 10);

		Person volunteer = registerAndSignIn();
		String organization = "建外街道助老服务队 " + Fixtures.uniqueUsername("");
		Person admin = this.fixtures.aVolunteerIn("110105");
		UUID organizationId = applyForOrganization(admin, organization);
		approveOrganization(this.fixtures.anOperatorOf("110105"), organization, organizationId);
		String title = "社区助老午餐 " + Fixtures.uniqueUsername("");
		UUID activityId = createAndPublishActivity(admin, organizationId, title);
		findAndSignUp(volunteer, title, activityId);

		startsAnHourAgo(activityId);
		String code = readCodeOnTheOrganizersScreen(admin, activityId);
		checkIn(volunteer, activityId, code);
		arrivedNinetyMinutesAgo(activityId);
		checkOut(activityId, this.attendance.issueCode(this.fixtures.actorOf(admin), activityId).shortCode());
		seeTheHours("1.00");
		certificateSteps(volunteer);
	}

	private Person registerAndSignIn() {
		browser.open("/");
		shot("home");
		if (this.flow.isEnglish()) {
			openMenu();
			browser.clickAndWaitForNextPage(By.cssSelector("#mainNav a[lang='en']"));
			browser.waitFor((driver) -> "en".equals(driver.findElement(By.tagName("html")).getDomAttribute("lang")));
		}
		openMenu();
		browser.clickAndWaitForNextPage(By.cssSelector("#mainNav a[href='/register']"));
		Person volunteer = new Person(null, Identities.phone(), Fixtures.PASSWORD, null, Identities.residentIdAged(25));
		browser.type(By.id("name"), "王小雨");
		browser.type(By.id("idNumber"), volunteer.idNumber());
		browser.type(By.id("phone"), volunteer.username());
		browser.type(By.id("password"), volunteer.password());
		browser.chooseRegion("main .region-picker", JIANWAI);
		browser.type(By.id("skills"), "急救, 手语");
		browser.check(By.id("oath"));
		browser.check(By.id("privacyPolicy"));
		shot("registration-form");
		browser.clickAndWaitForNextPage(By.cssSelector("main form button[type=submit]"));
		assertThat(browser.path()).as("registered, on to sign in").isEqualTo("/login");
		browser.waitForText(By.cssSelector(".alert-success"), text("register.done"));
		shot("registered");
		signInOnThePage(volunteer);
		shot("volunteer-signed-in");
		return volunteer;
	}

	private UUID applyForOrganization(Person applicant, String name) {
		signIn(applicant);
		browser.open("/organizations/apply");
		browser.type(By.id("name"), name);
		browser.choose(By.id("type"), "COMMUNITY_TEAM");
		browser.chooseRegion("main .region-picker", JIANWAI);
		browser.check(By.id("sf-ELDERLY_CARE"));
		browser.type(By.id("contactName"), "李主任");
		browser.type(By.id("contactPhone"), Identities.phone());
		browser.type(By.id("description"), "为辖区高龄、独居老人提供助餐、陪伴和上门服务。");
		shot("organization-application");
		browser.clickAndWaitForNextPage(By.cssSelector("main form button[type=submit]"));
		browser.waitForText(By.cssSelector(".alert-success"), text("organization.applied"));
		shot("organization-applied");
		return idAfter("/organizations/");
	}

	private void approveOrganization(Person operator, String name, UUID organizationId) {
		signIn(operator);
		browser.open("/organizations/review");
		browser.visible(By.linkText(name));
		shot("review-list");
		browser.clickAndWaitForNextPage(By.linkText(name));
		browser.clickAndWaitForNextPage(By.cssSelector("button[name=action][value=approve]"));
		assertThat(browser.path()).isEqualTo("/organizations/" + organizationId);
		browser.waitForText(By.cssSelector("main h1 .badge"), text("orgStatus.ACTIVE"));
		shot("organization-approved");
	}

	private UUID createAndPublishActivity(Person admin, UUID organizationId, String title) {
		signIn(admin);
		browser.open("/organizations/mine");
		browser.clickAndWaitForNextPage(By.cssSelector("main a[href='/organizations/" + organizationId + "']"));
		browser.clickAndWaitForNextPage(By.cssSelector("main a[href$='/activities/new']"));
		LocalDate tomorrow = LocalDate.now(CHINA).plusDays(1);
		browser.type(By.id("title"), title);
		browser.type(By.id("description"), "为社区高龄老人送午餐、陪伴聊天。请提前十分钟到达。");
		browser.choose(By.id("category"), "ELDERLY_CARE");
		browser.chooseRegion("main .region-picker", JIANWAI);
		browser.type(By.id("address"), "建外街道社区服务站");
		// the organizer stands at the site and puts the activity where the phone says
		browser.click(By.cssSelector(".map-picker-locate"));
		browser.waitFor((driver) -> !driver.findElement(By.id("lat")).getDomProperty("value").isEmpty());
		browser.type(By.id("geofenceMeters"), "300");
		browser.setValue(By.id("startsAt"), tomorrow + "T09:00");
		browser.setValue(By.id("endsAt"), tomorrow + "T11:00");
		browser.setValue(By.id("signupDeadline"), tomorrow + "T08:00");
		browser.choose(By.id("approval"), "AUTO");
		browser.type(By.cssSelector("input[name=positionName]"), "送餐志愿者");
		browser.type(By.cssSelector("input[name=positionCapacity]"), "5");
		shot("activity-form");
		browser.clickAndWaitForNextPage(By.cssSelector("main form button[type=submit]"));
		assertThat(browser.path()).as("saved as a draft").startsWith("/activities/");
		UUID activityId = idAfter("/activities/");
		browser.waitForText(By.cssSelector("main h1 .badge"), text("activityStatus.DRAFT"));
		shot("activity-draft");
		browser.clickAndWaitForNextPage(By.cssSelector("button[name=action][value=publish]"));
		browser.waitForText(By.cssSelector("main h1 .badge"), text("activityStatus.RECRUITING"));
		shot("activity-published");
		return activityId;
	}

	private void findAndSignUp(Person volunteer, String title, UUID activityId) {
		signIn(volunteer);
		browser.open("/activities");
		browser.type(By.cssSelector("#activity-search input[name=q]"), title);
		browser.clickAndWaitForNextPage(By.cssSelector("#activity-search button[type=submit]"));
		browser.visible(By.linkText(title));
		shot("activity-found");
		browser.clickAndWaitForNextPage(By.linkText(title));
		assertThat(browser.path()).isEqualTo("/activities/" + activityId);
		browser.visible(By.cssSelector("#signup-panel form[action$='/signup'] button[type=submit]"));
		shot("activity-detail");
		browser.clickAndWaitForNextPage(By.cssSelector("#signup-panel form[action$='/signup'] button[type=submit]"));
		browser.waitForText(By.cssSelector(".alert-success"), text("signup.done.APPROVED"));
		browser.visible(By.cssSelector("#signup-panel a[href$='/check-in']"));
		shot("signed-up");
	}

	private String readCodeOnTheOrganizersScreen(Person admin, UUID activityId) {
		signIn(admin);
		browser.open("/activities/" + activityId);
		browser.clickAndWaitForNextPage(By.cssSelector("main a[href$='/checkin-screen']"));
		String code = browser.visible(By.id("short-code")).getText().strip();
		assertThat(code).hasSize(8);
		shot("organizer-checkin-screen");
		return code;
	}

	private void checkIn(Person volunteer, UUID activityId, String code) {
		signIn(volunteer);
		browser.open("/activities/" + activityId);
		browser.clickAndWaitForNextPage(By.cssSelector("#signup-panel a[href$='/check-in']"));
		awaitPosition();
		browser.type(By.id("checkin-code"), code);
		shot("check-in-code-typed");
		browser.clickAndWaitForNextPage(By.cssSelector("#checkin-form button[value=in]"));
		browser.waitForText(By.id("checkin-result"), text("attendance.in"));
		shot("checked-in");
	}

	private void checkOut(UUID activityId, String code) {
		assertThat(browser.path()).isEqualTo("/activities/" + activityId + "/check-in");
		awaitPosition();
		browser.type(By.id("checkin-code"), code);
		browser.clickAndWaitForNextPage(By.cssSelector("#checkin-form button[value=out]"));
		browser.waitForText(By.id("checkin-result"), text("me.hoursValue", "1.00"));
		shot("checked-out");
	}

	private void seeTheHours(String hours) {
		browser.open("/me/records");
		assertThat(browser.visible(By.id("total-hours")).getText()).isEqualTo(hours);
		assertThat(browser.visible(By.cssSelector("main .list-group-item strong")).getText()).isEqualTo(hours);
		shot("my-hours");
	}

	/**
	 * The volunteer downloads a certificate of the hours, and the public verification
	 * page confirms it.
	 */
	private void certificateSteps(Person volunteer) {
		browser.open("/me/certificates");
		shot("certificates");
		browser.clickAndWaitForNextPage(By.cssSelector("#issue-form button[type=submit]"));
		browser.waitFor((driver) -> !driver.findElements(By.id("issued-certificate")).isEmpty());
		String notice = browser.visible(By.id("issued-certificate")).getText();
		java.util.regex.Matcher found = java.util.regex.Pattern.compile("ZY-\\d{4}(-[0-9A-Z]{4}){3}").matcher(notice);
		assertThat(found.find()).as("certificate number in: " + notice).isTrue();
		String number = found.group();
		assertThat(browser.visible(By.id("certificates")).getText()).contains(number, "1.00",
				text("certificate.valid"));
		shot("certificate-issued");
		assertThat(browser.fetchStatusAndType("/certificates/" + number + "/pdf")).isEqualTo("200 application/pdf");

		browser.forgetVisitor();
		browser.open("/verify/" + number + (this.flow.isEnglish() ? "?lang=en" : ""));
		assertThat(browser.visible(By.id("verify-status")).getText()).isEqualTo(text("certificate.verify.valid"));
		assertThat(browser.visible(By.id("verify-name")).getText()).isEqualTo("王*雨");
		assertThat(browser.visible(By.id("verify-hours")).getText()).contains("1.00");
		assertThat(browser.visible(By.tagName("main")).getText()).doesNotContain("王小雨", volunteer.idNumber());
		shot("certificate-verified");
	}

	/** The activity under way: it began an hour ago (the clock is moved, not waited). */
	private void startsAnHourAgo(UUID activityId) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc.sql("UPDATE activity SET starts_at = :s, ends_at = :e, signup_deadline = :d WHERE id = :id")
			.param("s", now.minusHours(1))
			.param("e", now.plusHours(2))
			.param("d", now.minusHours(1))
			.param("id", activityId)
			.update();
	}

	/**
	 * The volunteer checked in ninety minutes ago, half an hour before the activity began
	 * an hour ago: an hour of service.
	 */
	private void arrivedNinetyMinutesAgo(UUID activityId) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc.sql("UPDATE activity SET starts_at = :s WHERE id = :id")
			.param("s", now.minusHours(1))
			.param("id", activityId)
			.update();
		this.jdbc.sql("UPDATE attendance SET checked_in_at = :t WHERE activity_id = :id")
			.param("t", now.minusMinutes(90))
			.param("id", activityId)
			.update();
	}

	@Override
	protected void signIn(Person person) {
		browser.forgetVisitor();
		browser.open("/login" + (this.flow.isEnglish() ? "?lang=en" : ""));
		signInOnThePage(person);
	}

	private void signInOnThePage(Person person) {
		browser.type(By.id("username"), person.username());
		browser.type(By.id("password"), person.password());
		browser.clickAndWaitForNextPage(By.cssSelector("#login-form button[type=submit]"));
		assertThat(browser.path()).as("signed in as " + person.username()).isNotEqualTo("/login");
	}

	/** Opens the navigation, which a phone shows behind the menu button. */
	private void openMenu() {
		if (this.flow.screen().mobile()) {
			browser.click(By.cssSelector(".navbar-toggler"));
			browser.waitFor((driver) -> driver.findElement(By.id("mainNav")).getDomAttribute("class").contains("show")
					&& !driver.findElement(By.id("mainNav")).getDomAttribute("class").contains("collapsing"));
		}
	}

	private void awaitPosition() {
		browser.waitFor((driver) -> driver.findElement(By.id("geo-status")).getText().startsWith("✓"));
	}

	private UUID idAfter(String prefix) {
		String path = browser.path();
		assertThat(path).startsWith(prefix);
		return UUID.fromString(path.substring(prefix.length()).split("/")[0]);
	}

	@Override
	protected String text(String key, Object... args) {
		return this.messages.getMessage(key, args, this.flow.locale());
	}

	@Override
	protected void shot(String step) {
		browser.screenshot(step);
		if (this.flow.screen().mobile() && !browser.fitsTheScreenWidth()) {
			this.overflowing.add(this.flow.name() + ": " + step + " " + browser.path());
		}
	}

	/** One run of the loop: its name (the screenshots' folder), screen and language. */
	private record Flow(String name, Screen screen, Locale locale) {

		boolean isEnglish() {
			return Locale.ENGLISH.getLanguage().equals(this.locale.getLanguage());
		}

	}

}
