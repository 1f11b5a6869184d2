package org.zhiyuan.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.zhiyuan.access.Grant;
import org.zhiyuan.browser.Browser.Screen;
import org.zhiyuan.support.ActivityFixtures;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lists people work on a phone, at 390 px: the sign-up roster with twelve pending
 * sign-ups, an operator's volunteer search with twelve volunteers, and the volunteer's
 * own profile. Nothing scrolls sideways, every 通过 and 驳回 lies inside the screen, names
 * are not cut into one character a line, twelve people fit well under 2,000 px, and the
 * profile's first screen offers its sections. Screenshots go to
 * {@code target/browser-screenshots/cards/}.
 */
@Tag("browser")
class ListCardsBrowserTests extends BrowserTestSupport {

	private static final int PEOPLE = 12;

	private static boolean started;

	@BeforeEach
	void startOnAPhone() {
		if (!started) {
			browser.startFlow("cards", baseUrl(), Screen.PHONE);
			started = true;
		}
		browser.layOutAs(Screen.PHONE);
	}

	@Test
	void theRosterShowsEveryPendingSignUpWithItsButtonsOnThePhone() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		Map<String, Object> body = ActivityFixtures.anActivity(team.id().toString(), 30);
		body.put("approval", "MANUAL");
		var created = admin.post("/api/v1/activities", body).json();
		String id = created.get("id").asString();
		String positionId = created.get("positions").get(0).get("id").asString();
		assertThat(admin.post("/api/v1/activities/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		for (Person volunteer : this.fixtures.manyVolunteersIn("110105001", PEOPLE)) {
			assertThat(this.api.as(this.fixtures.tokenFor(volunteer))
				.post("/api/v1/activities/" + id + "/signups", Map.of("positionId", positionId))
				.json()
				.get("status")
				.asString()).isEqualTo("PENDING");
		}
		signIn(team.admin());
		browser.open("/activities/" + id + "/roster");
		browser.screenshot("roster");
		List<String> problems = new ArrayList<>();
		long height = pageHeight();
		System.out.println("cards roster: " + height + " px high for " + PEOPLE + " pending sign-ups");
		if (!browser.fitsTheScreenWidth()) {
			problems.add("the roster scrolls sideways");
		}
		problems.addAll(buttonsOutsideTheScreen("通过"));
		problems.addAll(buttonsOutsideTheScreen("驳回"));
		problems.addAll(namesCutIntoCharacters());
		assertThat(problems).as("the roster on a 390 px phone").isEmpty();
	}

	@Test
	void anOperatorsVolunteerSearchListsTwelvePeopleInUnderTwoThousandPixels() {
		this.fixtures.manyVolunteersIn("110105003", PEOPLE);
		signIn(this.fixtures.aPersonWith("street-operator", Grant.operatorOf("110105003")));
		browser.open("/volunteers?regionCode=110105003");
		browser.screenshot("volunteer-search");
		long height = pageHeight();
		System.out.println("cards volunteer search: " + height + " px high for " + PEOPLE + " volunteers");
		assertThat(browser.visibleElements("main a[href^='/volunteers/']")).as("the volunteers listed").hasSize(PEOPLE);
		assertThat(browser.fitsTheScreenWidth()).as("the volunteer search fits the screen width").isTrue();
		assertThat(namesCutIntoCharacters()).as("names cut into characters").isEmpty();
		assertThat(height).as("the volunteer search's height for %d people", PEOPLE).isLessThan(2000);
	}

	@Test
	void theProfilesFirstScreenOffersItsSectionsAndEachSectionIsShort() {
		signIn(this.fixtures.aVolunteerIn("110105"));
		browser.open("/me");
		browser.screenshot("profile");
		System.out.println("cards profile: " + pageHeight() + " px high");
		assertThat(browser.fitsTheScreenWidth()).as("the profile fits the screen width").isTrue();
		List<String> sections = List.of("基本信息", "服务档案", "资质证书", "紧急联系人", "隐私与数据");
		List<String> links = new ArrayList<>();
		for (String section : sections) {
			String href = (String) browser.evaluate("const a = [...document.querySelectorAll('main a')]"
					+ ".find((e) => e.textContent.trim() === arguments[0] && e.offsetParent !== null);"
					+ "if (!a) { return null; } const r = a.getBoundingClientRect();"
					+ "return (r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0"
					+ " && r.right <= window.innerWidth) ? a.getAttribute('href') : 'outside:' + a.getAttribute('href');",
					section);
			assertThat(href).as("the section menu's link to %s on the first screen", section)
				.isNotNull()
				.doesNotStartWith("outside:");
			links.add(href);
		}
		for (int i = 0; i < links.size(); i++) {
			browser.open(links.get(i));
			browser.screenshot("profile-section-" + (i + 1));
			long height = pageHeight();
			System.out.println("cards profile section " + sections.get(i) + ": " + height + " px high");
			assertThat(browser.fitsTheScreenWidth()).as("section %s fits the screen width", sections.get(i)).isTrue();
			assertThat(height).as("section %s's height", sections.get(i)).isLessThan(2000);
		}
	}

	private static long pageHeight() {
		return ((Number) browser.evaluate("return document.documentElement.scrollHeight")).longValue();
	}

	/** The visible buttons with the text that stick out of the screen, or none at all. */
	private static List<String> buttonsOutsideTheScreen(String text) {
		@SuppressWarnings("unchecked")
		List<Object> outside = (List<Object>) browser.evaluate("const b = [...document.querySelectorAll('main button')]"
				+ ".filter((e) => e.textContent.trim() === arguments[0] && e.offsetParent !== null);"
				+ "return [b.length].concat(b.map((e) => e.getBoundingClientRect())"
				+ ".filter((r) => r.left < 0 || r.right > window.innerWidth).map((r) => Math.round(r.left)"
				+ " + '..' + Math.round(r.right)));", text);
		List<String> problems = new ArrayList<>();
		if (((Number) outside.get(0)).intValue() != PEOPLE) {
			problems.add(outside.get(0) + " visible " + text + " buttons, not " + PEOPLE);
		}
		outside.stream().skip(1).forEach((span) -> problems.add(text + " outside the screen at x " + span));
		return problems;
	}

	/**
	 * Names (the links to a volunteer) narrower than three characters of their font: a
	 * name that the layout wraps one character a line.
	 */
	private static List<String> namesCutIntoCharacters() {
		@SuppressWarnings("unchecked")
		List<String> narrow = (List<String>) browser.evaluate("return [...document.querySelectorAll("
				+ "\"main a[href^='/volunteers/']\")].filter((e) => e.offsetParent !== null)"
				+ ".filter((e) => e.getBoundingClientRect().width" + " <= 3 * parseFloat(getComputedStyle(e).fontSize))"
				+ ".map((e) => e.textContent.trim() + ' ' + Math.round(e.getBoundingClientRect().width) + ' px');");
		return narrow.stream().map((name) -> "name wrapped: " + name).toList();
	}

}
