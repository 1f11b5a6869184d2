package org.zhiyuan.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.zhiyuan.access.Grant;
import org.zhiyuan.browser.Browser.Screen;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.support.Fixtures.Person;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role's home and main list pages, in Chinese and English, on a 390 px phone and a
 * 1366 px desktop: no page scrolls sideways, the menu bar stays one line high, and on the
 * phone the unread count shows on the closed menu bar. Each role signs in once; every
 * page is saved as
 * {@code target/browser-screenshots/layout/<role>-<lang>-<width>-<page>.png}.
 */
@Tag("browser")
class LayoutBrowserTests extends BrowserTestSupport {

	/** A menu bar one line high (a line of links, or the brand and the menu button). */
	private static final int ONE_LINE = 72;

	private static final List<String> LANGUAGES = List.of("zh-CN", "en");

	private static final List<Screen> SCREENS = List.of(Screen.PHONE, Screen.DESKTOP);

	private static boolean started;

	@Autowired
	Notifications notifications;

	private final List<String> problems = new ArrayList<>();

	@BeforeEach
	void startOnce() {
		if (!started) {
			browser.startFlow("layout", baseUrl(), Screen.DESKTOP);
			started = true;
		}
	}

	@AfterEach
	void everyPageFitted() {
		assertThat(this.problems).as("pages that scroll sideways or whose menu is not one line").isEmpty();
	}

	@Test
	void anAnonymousVisitorsPagesFitTheScreen() {
		walk("anonymous", null, Map.of("home", "/", "activities", "/activities", "projects", "/projects",
				"organizations", "/organizations", "verify", "/verify", "training", "/training"));
	}

	@Test
	void aVolunteersPagesFitTheScreen() {
		walk("volunteer", this.fixtures.aVolunteerIn("110105"),
				Map.of("home", "/", "signups", "/me/signups", "records", "/me/records", "certificates",
						"/me/certificates", "notifications", "/notifications", "my-training", "/me/training"));
	}

	@Test
	void aTeamAdminsPagesFitTheScreen() {
		walk("team-admin", this.fixtures.anActiveTeamIn("110105").admin(), Map.of("home", "/", "my-organizations",
				"/organizations/mine", "activities", "/activities", "profile", "/me"));
	}

	@Test
	void aStreetOperatorsPagesFitTheScreen() {
		walk("street-operator", this.fixtures.aPersonWith("street-operator", Grant.operatorOf("110105001")),
				Map.of("home", "/", "volunteers", "/volunteers", "review", "/organizations/review", "flagged",
						"/records/flagged", "staff", "/staff"));
	}

	@Test
	void aDistrictOperatorsPagesFitTheScreen() {
		walk("district-operator", this.fixtures.aPersonWith("district-operator", Grant.operatorOf("110105")),
				Map.of("home", "/", "volunteers", "/volunteers", "review", "/organizations/review", "audit", "/audit",
						"staff", "/staff"));
	}

	@Test
	void anAuditorsPagesFitTheScreen() {
		walk("auditor", this.fixtures.aPersonWith("auditor", Grant.auditorOf("110105")),
				Map.of("home", "/", "volunteers", "/volunteers", "audit", "/audit", "flagged", "/records/flagged"));
	}

	/**
	 * Signs in once as the person (nobody when null), with an unread notification, and
	 * opens every page in both languages on both screens.
	 */
	private void walk(String role, Person person, Map<String, String> pages) {
		browser.forgetVisitor();
		browser.layOutAs(Screen.DESKTOP);
		if (person != null) {
			this.notifications.send(new NotificationRequest(person.id(), NotificationKind.GENERAL,
					"notification.signupApproved", List.of("社区助老午餐"), null, null));
			signIn(person);
		}
		for (String language : LANGUAGES) {
			browser.open("/?lang=" + language);
			assertThat(browser.evaluate("return document.documentElement.lang")).isEqualTo(language);
			for (Screen screen : SCREENS) {
				browser.layOutAs(screen);
				pages.entrySet()
					.stream()
					.sorted(Map.Entry.comparingByKey())
					.forEach((page) -> look(role + "-" + language + "-" + screen.width() + "-" + page.getKey(),
							page.getValue(), screen, person != null));
			}
		}
	}

	private void look(String name, String path, Screen screen, boolean signedIn) {
		browser.open(path);
		if (signedIn) {
			browser.waitFor((driver) -> !driver.findElements(By.cssSelector(".notification-count")).isEmpty());
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> figures = (Map<String, Object>) browser
			.evaluate("return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,"
					+ " navbar: Math.round(document.querySelector('nav.navbar').getBoundingClientRect().height)}");
		long scrollWidth = ((Number) figures.get("scrollWidth")).longValue();
		long innerWidth = ((Number) figures.get("innerWidth")).longValue();
		long navbar = ((Number) figures.get("navbar")).longValue();
		String measured = "%s (%s): scrollWidth %d, innerWidth %d, navbar %d px".formatted(name, path, scrollWidth,
				innerWidth, navbar);
		System.out.println("layout " + measured);
		if (scrollWidth > innerWidth) {
			this.problems.add("scrolls sideways: " + measured);
		}
		if (navbar > ONE_LINE) {
			this.problems.add("menu more than one line: " + measured);
		}
		if (signedIn && screen.mobile() && browser.path().equals(path)
				&& browser.visibleElements(".notification-count").isEmpty()) {
			this.problems.add("unread count hidden on the closed phone menu: " + measured);
		}
		browser.saveScreenshot(name + ".png");
		if (path.equals("/")) {
			openTheMenu(name, screen);
		}
	}

	/**
	 * Opens the menu as a person would (the phone's menu button, the desktop's first
	 * drop-down) and saves how it looks.
	 */
	private void openTheMenu(String name, Screen screen) {
		String opener = screen.mobile() ? ".navbar-toggler" : "nav.navbar .dropdown-toggle";
		if (browser.visibleElements(opener).isEmpty()) {
			return;
		}
		browser.visibleElements(opener).get(0).click();
		if (screen.mobile()) {
			browser.waitFor((driver) -> driver.findElement(By.id("mainNav")).getDomAttribute("class").contains("show")
					&& !driver.findElement(By.id("mainNav")).getDomAttribute("class").contains("collapsing"));
		}
		else {
			browser
				.waitFor((driver) -> !driver.findElements(By.cssSelector("nav.navbar .dropdown-menu.show")).isEmpty());
		}
		if (!browser.fitsTheScreenWidth()) {
			this.problems.add("scrolls sideways with the menu open: " + name);
		}
		browser.saveScreenshot(name.replaceFirst("-home$", "-menu") + ".png");
	}

	@Override
	protected void signIn(Person person) {
		browser.open("/login");
		browser.type(By.id("username"), person.username());
		browser.type(By.id("password"), person.password());
		browser.clickAndWaitForNextPage(By.cssSelector("#login-form button[type=submit]"));
		assertThat(browser.path()).as("signed in as " + person.username()).isNotEqualTo("/login");
	}

}
