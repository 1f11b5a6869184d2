package org.zhiyuan.account;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Form sign-in on the pages: sessions in the database, CSRF, the throttle and sign-out.
 */
class PageSignInApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void signsInWithTheFormAndKeepsTheSessionInTheDatabase() {
		Person operator = this.fixtures.anOperatorOf("110105");
		Response login = this.api.submitForm("/login", "/login",
				Map.of("username", operator.username(), "password", operator.password()));
		assertThat(login.status()).isEqualTo(302);
		assertThat(login.header("Location")).doesNotContain("error");
		Response account = this.api.get("/account");
		assertThat(account.status()).isEqualTo(200);
		assertThat(account.body()).contains(operator.username()).contains("平台管理员");
		assertThat(sessionsOf(operator)).isEqualTo(1);
	}

	@Test
	void showsTheErrorForAWrongPasswordAndAsksToWaitAfterFiveFailures() {
		Person volunteer = this.fixtures.aVolunteer();
		for (int attempt = 1; attempt <= 5; attempt++) {
			Response failed = this.api.submitForm("/login", "/login",
					Map.of("username", volunteer.username(), "password", "wrong-pass-0"));
			assertThat(failed.status()).as("attempt %d", attempt).isEqualTo(200);
			assertThat(failed.body()).as("attempt %d", attempt).contains("用户名或密码错误");
		}
		Response right = this.api.submitForm("/login", "/login",
				Map.of("username", volunteer.username(), "password", volunteer.password()));
		assertThat(right.status()).isEqualTo(429);
		assertThat(right.body()).contains("登录尝试过于频繁");
		assertThat(right.header("Retry-After")).isNotNull();
		assertThat(this.api.get("/login?throttled").body()).contains("登录尝试过于频繁");
		assertThat(this.api.in("en").get("/login?throttled").body()).contains("Too many sign-in attempts");
	}

	@Test
	void countsPageAndApiAttemptsTogetherAndTreatsUnknownNamesAlike() {
		Person volunteer = this.fixtures.aVolunteer();
		String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
		for (String username : new String[] { volunteer.username(), unknown }) {
			for (int attempt = 1; attempt <= 3; attempt++) {
				assertThat(this.api.post("/api/v1/auth/token", Map.of("username", username, "password", "wrong-pass-0"))
					.status()).isEqualTo(401);
			}
			for (int attempt = 4; attempt <= 6; attempt++) {
				Response failed = this.api.submitForm("/login", "/login",
						Map.of("username", username, "password", "wrong-pass-0"));
				assertThat(failed.status()).as("%s attempt %d", username, attempt)
					.isEqualTo((attempt <= 5) ? 200 : 429);
			}
		}
	}

	@Test
	void refusesAFormPostWithoutTheCsrfToken() {
		Person operator = this.fixtures.anOperatorOf("110105");
		Response login = this.api.postForm("/login",
				Map.of("username", operator.username(), "password", operator.password()));
		assertThat(login.status()).isEqualTo(403);
		assertThat(sessionsOf(operator)).isZero();
	}

	@Test
	void sendsAnonymousVisitorsOfPrivatePagesToSignIn() {
		Response account = this.api.get("/account");
		assertThat(account.status()).isEqualTo(302);
		assertThat(account.header("Location")).endsWith("/login");
	}

	@Test
	void aPasswordChangeEndsTheOtherSessionsButKeepsThisOne() {
		Person operator = this.fixtures.anOperatorOf("110105");
		Api laptop = signedInBrowser(operator);
		Api phone = signedInBrowser(operator);
		assertThat(sessionsOf(operator)).isEqualTo(2);
		Response change = laptop.submitForm("/account", "/account/password", Map.of("currentPassword",
				operator.password(), "newPassword", "Changed-pass-9", "confirmPassword", "Changed-pass-9"));
		assertThat(change.status()).isEqualTo(302);
		assertThat(laptop.get("/account").status()).isEqualTo(200);
		assertThat(phone.get("/account").status()).isEqualTo(302);
		assertThat(sessionsOf(operator)).isEqualTo(1);
	}

	@Test
	void signsOut() {
		Person operator = this.fixtures.anOperatorOf("110105");
		Api browser = signedInBrowser(operator);
		Response logout = browser.submitForm("/account", "/logout", Map.of());
		assertThat(logout.status()).isEqualTo(302);
		assertThat(browser.get("/account").status()).isEqualTo(302);
	}

	@Test
	void showsTheHomePageInChineseAndEnglish() {
		assertThat(this.api.get("/").body()).contains("志愿服务信息系统").contains("lang=\"zh-CN\"");
		assertThat(this.api.in("en-US,en;q=0.9").get("/").body()).contains("Volunteer service information system");
		Api chosen = new Api("http://localhost:" + this.port);
		assertThat(chosen.get("/?lang=en").body()).contains("Volunteer service information system");
		assertThat(chosen.get("/").body()).as("the choice is remembered").contains("Sign in");
	}

	private Api signedInBrowser(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		Response login = browser.submitForm("/login", "/login",
				Map.of("username", person.username(), "password", person.password()));
		assertThat(login.header("Location")).doesNotContain("error");
		return browser;
	}

	private long sessionsOf(Person person) {
		return this.jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = :name")
			.param("name", person.username())
			.query(Long.class)
			.single();
	}

}
