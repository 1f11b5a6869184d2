package org.zhiyuan.browser;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.zhiyuan.browser.Browser.Screen;
import org.zhiyuan.support.Fixtures.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A volunteer who forgot their password, on a phone: 忘记密码 on the sign-in form, the
 * number, the code from the SMS (read from the test channel), the new password twice, and
 * signed in with it, back where they started. Screenshots under
 * {@code target/browser-screenshots/password-reset/}.
 */
@Tag("browser")
class PasswordResetBrowserTests extends BrowserTestSupport {

	private static final String NEW_PASSWORD = "Fresh-start-2026";

	@Test
	void aVolunteerSetsANewPasswordWithTheCodeAndSignsInWithIt() {
		Person volunteer = this.fixtures.aVolunteer();
		browser.startFlow("password-reset", baseUrl(), Screen.PHONE);
		browser.open("/login?continue=/me/signups");
		shot("login");
		browser.clickAndWaitForNextPage(By.id("to-password-reset"));
		assertThat(browser.path()).isEqualTo("/password-reset");
		shot("phone");

		browser.type(By.id("phone"), volunteer.username());
		browser.clickAndWaitForNextPage(By.cssSelector("#reset-phone-form button[type=submit]"));
		assertThat(browser.visible(By.id("reset-sent")).getText()).contains(volunteer.username().substring(7));
		assertThat(browser.visibleElements("#demo-code")).as("no code on the page outside the demo").isEmpty();
		shot("code");

		String code = this.sentMessages.resetCodeFor(volunteer.id());
		browser.type(By.id("code"), code);
		browser.type(By.id("newPassword"), NEW_PASSWORD);
		browser.type(By.id("confirmPassword"), NEW_PASSWORD);
		shot("code-typed");
		browser.clickAndWaitForNextPage(By.cssSelector("#reset-code-form button[type=submit]"));

		browser.waitForText(By.cssSelector(".alert-success"), text("passwordReset.done"));
		assertThat(browser.visible(By.id("username")).getDomProperty("value")).isEqualTo(volunteer.username());
		shot("back-to-login");
		browser.type(By.id("password"), NEW_PASSWORD);
		browser.clickAndWaitForNextPage(By.cssSelector("#login-form button[type=submit]"));
		assertThat(browser.path()).as("signed in, back where they started").isEqualTo("/me/signups");
		shot("signed-in");
	}

}
