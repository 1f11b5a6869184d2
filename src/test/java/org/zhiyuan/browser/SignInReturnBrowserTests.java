package org.zhiyuan.browser;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.zhiyuan.browser.Browser.Screen;
import org.zhiyuan.support.ActivityFixtures;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-out volunteer on a phone finds an activity, taps 报名, signs in, and is back on
 * the activity to confirm: few taps, counted. And the sign-in and sign-up forms around
 * it: the username kept after a wrong password, links between sign-in and registration
 * that keep the way back, the registration's own password hint, and a cancellation that
 * asks first. Screenshots under {@code target/browser-screenshots/signin/}.
 */
@Tag("browser")
class SignInReturnBrowserTests extends BrowserTestSupport {

	/** Activity page → 报名 → 登录 → 确认报名, with room for choosing a position. */
	private static final int MOST_TAPS = 5;

	@Autowired
	JdbcClient jdbc;

	private int taps;

	@Test
	void aSignedOutVolunteerSignsUpInAtMostFiveTaps() {
		String activityId = aRecruitingActivity(7);
		Person volunteer = this.fixtures.aVolunteer();
		start("signin/taps");
		browser.open("/activities/" + activityId);
		browser.visible(By.id("signup-signin"));
		shot("activity-signed-out");

		tapToNextPage(By.id("signup-signin"));
		assertThat(browser.path()).isEqualTo("/login");
		shot("login");
		browser.type(By.id("username"), volunteer.username());
		browser.type(By.id("password"), volunteer.password());
		shot("login-typed");
		tapToNextPage(By.cssSelector("#login-form button[type=submit]"));

		assertThat(browser.path()).as("back on the activity").isEqualTo("/activities/" + activityId);
		browser.visible(By.cssSelector("#signup-panel form[action$='/signup'] button[type=submit]"));
		shot("back-on-the-activity");
		tapToNextPage(By.cssSelector("#signup-panel form[action$='/signup'] button[type=submit]"));
		browser.waitForText(By.cssSelector(".alert-success"), text("signup.done.APPROVED"));
		shot("signed-up");

		assertThat(statusOfSignUp(activityId)).isEqualTo("APPROVED");
		assertThat(this.taps).as("taps from the activity page to an accepted sign-up").isLessThanOrEqualTo(MOST_TAPS);
	}

	@Test
	void aWrongPasswordKeepsTheUsernameAndSaysWhatWasWrongInThePagesLanguage() {
		Person volunteer = this.fixtures.aVolunteer();
		start("signin/wrong-password");
		browser.open("/login");
		browser.type(By.id("username"), volunteer.username());
		browser.type(By.id("password"), "Wrong-pass-77");
		browser.clickAndWaitForNextPage(By.cssSelector("#login-form button[type=submit]"));
		shot("wrong-password");
		assertThat(browser.visible(By.id("username")).getDomProperty("value")).isEqualTo(volunteer.username());
		assertThat(browser.visible(By.id("password")).getDomProperty("value")).isEmpty();
		assertThat(browser.visible(By.id("password-error")).getText()).isEqualTo(text("login.error"));

		browser.forgetVisitor();
		browser.open("/login?lang=en");
		browser.type(By.id("username"), volunteer.username());
		browser.type(By.id("password"), "Wrong-pass-77");
		browser.clickAndWaitForNextPage(By.cssSelector("#login-form button[type=submit]"));
		shot("wrong-password-en");
		assertThat(browser.visible(By.id("username")).getDomProperty("value")).isEqualTo(volunteer.username());
		assertThat(browser.visible(By.id("password-error")).getText())
			.isEqualTo(this.messages.getMessage("login.error", null, Locale.ENGLISH));
	}

	@Test
	void signInAndRegistrationLinkToEachOtherKeepingTheWayBackAndRegistrationHintsAtItsRules() {
		String activityId = aRecruitingActivity(7);
		start("signin/links");
		browser.open("/activities/" + activityId);
		browser.clickAndWaitForNextPage(By.id("signup-signin"));
		browser.clickAndWaitForNextPage(By.id("to-register"));
		assertThat(browser.path()).isEqualTo("/register");
		shot("registration");
		assertThat(browser.visible(By.id("password-hint")).getText()).isEqualTo(text("register.password.hint"))
			.isNotEqualTo(text("account.password.hint"));
		browser.clickAndWaitForNextPage(By.id("to-login"));
		assertThat(browser.path()).isEqualTo("/login");
		String[] back = new String[1];
		browser.waitFor((driver) -> {
			List<WebElement> field = driver.findElements(By.cssSelector("#login-form input[name=continue]"));
			back[0] = field.isEmpty() ? null : field.get(0).getDomProperty("value");
			return back[0] != null;
		});
		assertThat(back[0]).as("the way back survives the detour").startsWith("/activities/" + activityId);
		shot("back-to-login");
	}

	@Test
	void cancellingASignUpAsksFirstAndWarnsWhenItIsLate() {
		String activityId = aRecruitingActivity(7);
		Person volunteer = this.fixtures.aVolunteer();
		start("signin/cancel");
		browser.open("/login?continue=/activities/" + activityId);
		browser.type(By.id("username"), volunteer.username());
		browser.type(By.id("password"), volunteer.password());
		browser.clickAndWaitForNextPage(By.cssSelector("#login-form button[type=submit]"));
		browser.clickAndWaitForNextPage(By.cssSelector("#signup-panel form[action$='/signup'] button[type=submit]"));
		startsInHours(activityId, 5);
		browser.open("/activities/" + activityId);
		browser.click(By.id("cancel-signup"));
		browser.visible(By.id("confirm-cancel"));
		shot("cancel-asks");
		assertThat(statusOfSignUp(activityId)).as("one tap cancels nothing").isEqualTo("APPROVED");
		assertThat(browser.visible(By.id("late-cancel-warning")).getText()).isNotBlank();
		browser.clickAndWaitForNextPage(By.id("confirm-cancel"));
		browser.waitForText(By.cssSelector(".alert-success"), text("signup.cancelled"));
		shot("cancelled");
		assertThat(statusOfSignUp(activityId)).isEqualTo("CANCELLED");
	}

	private void start(String flow) {
		this.taps = 0;
		browser.startFlow(flow, baseUrl(), Screen.PHONE);
	}

	/** A tap that leaves the page, counted. */
	private void tapToNextPage(By by) {
		this.taps++;
		browser.clickAndWaitForNextPage(by);
	}

	private String aRecruitingActivity(int daysAhead) {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		Map<String, Object> body = ActivityFixtures.startingIn(ActivityFixtures.anActivity(team.id().toString(), 5),
				daysAhead, 2);
		String id = admin.post("/api/v1/activities", body).json().get("id").asString();
		assertThat(admin.post("/api/v1/activities/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		return id;
	}

	private void startsInHours(String activityId, long hours) {
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusHours(hours);
		this.jdbc.sql("UPDATE activity SET starts_at = :s, ends_at = :e WHERE id = :id")
			.param("s", start)
			.param("e", start.plusHours(2))
			.param("id", UUID.fromString(activityId))
			.update();
	}

	private String statusOfSignUp(String activityId) {
		return this.jdbc.sql("SELECT status FROM signup WHERE activity_id = :id")
			.param("id", UUID.fromString(activityId))
			.query(String.class)
			.single();
	}

}
