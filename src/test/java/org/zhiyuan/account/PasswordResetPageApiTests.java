package org.zhiyuan.account;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.shared.identity.PhoneNumbers;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Identities;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 忘记密码 on the pages: from the sign-in form to the number, the code and the new password,
 * and back to the sign-in form with the username filled in and the way back kept; each
 * error next to its field, in the page's language.
 */
class PasswordResetPageApiTests extends ApiTestSupport {

	private static final String NEW_PASSWORD = "Fresh-start-2026";

	@Autowired
	AccountManagement management;

	@Test
	void theSignInFormLinksToForgotPasswordKeepingTheWayBack() {
		assertThat(this.api.get("/login?continue=/activities/42").body())
			.contains("href=\"/password-reset?continue=/activities/42\"")
			.contains("忘记密码？");
		assertThat(this.api.in("en").get("/login").body()).contains("href=\"/password-reset\"")
			.contains("Forgot password?");
		Response phoneStep = this.api.get("/password-reset?continue=/activities/42");
		assertThat(phoneStep.status()).isEqualTo(200);
		assertThat(phoneStep.body()).contains("name=\"continue\" value=\"/activities/42\"")
			.contains("href=\"/login?continue=/activities/42\"");
		assertThat(this.api.get("/password-reset?continue=//evil.example.com").body())
			.doesNotContain("evil.example.com");
	}

	@Test
	void resetsThePasswordAndReturnsToTheSignInFormWithTheUsernameAndTheWayBack() {
		Person volunteer = this.fixtures.aVolunteer();
		Response codeStep = this.api.submitForm("/password-reset", "/password-reset",
				Map.of("phone", volunteer.username(), "continue", "/activities/42"));
		assertThat(codeStep.status()).isEqualTo(200);
		assertThat(codeStep.body()).contains(PhoneNumbers.mask(volunteer.username()))
			.contains("id=\"reset-code-form\"")
			.contains("name=\"continue\" value=\"/activities/42\"")
			.contains("value=\"" + volunteer.username() + "\"")
			.doesNotContain("id=\"demo-code\"");
		String code = this.sentMessages.resetCodeFor(volunteer.id());
		assertThat(codeStep.body()).as("the code is never on the page outside the demo").doesNotContain(code);

		Response signIn = this.api.submitForm("/password-reset/code", "/password-reset/code",
				Map.of("phone", volunteer.username(), "code", code, "newPassword", NEW_PASSWORD, "confirmPassword",
						NEW_PASSWORD, "continue", "/activities/42"));
		assertThat(signIn.status()).isEqualTo(200);
		assertThat(signIn.body()).contains("id=\"login-form\"")
			.contains("密码已重设，请用新密码登录。")
			.contains("value=\"" + volunteer.username() + "\"")
			.contains("name=\"continue\" value=\"/activities/42\"")
			.doesNotContain(NEW_PASSWORD);
		Response login = this.api.submitForm("/login", "/login",
				Map.of("username", volunteer.username(), "password", NEW_PASSWORD, "continue", "/activities/42"));
		assertThat(login.status()).isEqualTo(302);
		assertThat(login.header("Location")).endsWith("/activities/42");
	}

	@Test
	void showsEachProblemNextToItsFieldAndKeepsTheNumberButNeverThePassword() {
		Person volunteer = this.fixtures.aVolunteer();
		this.api.submitForm("/password-reset", "/password-reset", Map.of("phone", volunteer.username()));
		String code = this.sentMessages.resetCodeFor(volunteer.id());
		String wrong = code.equals("000000") ? "000001" : "000000";

		Response wrongCode = this.api.submitForm("/password-reset/code", "/password-reset/code", Map.of("phone",
				volunteer.username(), "code", wrong, "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
		assertThat(wrongCode.body()).contains("id=\"problem-resetCode\"")
			.contains("验证码不正确，还可以再试 4 次。")
			.contains("value=\"" + volunteer.username() + "\"")
			.doesNotContain(NEW_PASSWORD)
			.doesNotContain("签到码");

		Response mismatch = this.api.in("en")
			.submitForm("/password-reset/code", "/password-reset/code", Map.of("phone", volunteer.username(), "code",
					code, "newPassword", NEW_PASSWORD, "confirmPassword", "Fresh-start-2027"));
		assertThat(mismatch.body()).contains("id=\"problem-confirmPassword\"")
			.contains("value=\"" + code + "\"")
			.doesNotContain("Fresh-start-202");

		Response weak = this.api.submitForm("/password-reset/code", "/password-reset/code", Map.of("phone",
				volunteer.username(), "code", code, "newPassword", "password", "confirmPassword", "password"));
		assertThat(weak.body()).contains("id=\"problem-newPassword\"").contains("密码须同时包含字母和数字。");
		assertThat(this.management.passwordMatches(volunteer.id(), volunteer.password())).isTrue();

		Response done = this.api.submitForm("/password-reset/code", "/password-reset/code", Map.of("phone",
				volunteer.username(), "code", code, "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
		assertThat(done.body()).as("the code survived the slips").contains("id=\"login-form\"");
		assertThat(this.management.passwordMatches(volunteer.id(), NEW_PASSWORD)).isTrue();
	}

	@Test
	void asksForAMobileNumberAndSaysWhenToAskAgain() {
		Response malformed = this.api.submitForm("/password-reset", "/password-reset", Map.of("phone", "12345"));
		assertThat(malformed.body()).contains("id=\"problem-phone\"")
			.contains("is-invalid")
			.doesNotContain("id=\"reset-code-form\"");

		Api visitor = new Api("http://localhost:" + this.port).in("en");
		String unknown = Identities.phone();
		Response first = visitor.submitForm("/password-reset", "/password-reset", Map.of("phone", unknown));
		assertThat(first.body()).as("a number without an account reads the same")
			.contains("If " + PhoneNumbers.mask(unknown) + " has an account, a code has been sent to it.");
		Response again = visitor.submitForm("/password-reset", "/password-reset", Map.of("phone", unknown));
		assertThat(again.status()).isEqualTo(429);
		assertThat(again.header("Retry-After")).isNotNull();
		assertThat(again.body()).contains("id=\"reset-throttled\"")
			.containsPattern("Please try again in [0-9]+ seconds\\.")
			.contains("href=\"/password-reset/code\"");
	}

	@Test
	void theCodeStepWorksOnItsOwnForACodeThatArrivedEarlier() {
		Response page = this.api.get("/password-reset/code?continue=/me/signups");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"reset-code-form\"")
			.contains("name=\"continue\" value=\"/me/signups\"")
			.contains("autocomplete=\"one-time-code\"");
	}

}
