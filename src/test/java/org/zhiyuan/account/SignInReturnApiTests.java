package org.zhiyuan.account;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.ActivityFixtures;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in on the pages brings the visitor back where they were: to the page given as
 * {@code continue} when it is a path on this platform, never anywhere else; to the
 * private page that sent them to sign in; and the forms keep what was typed and link to
 * each other with the way back.
 */
class SignInReturnApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void returnsToTheActivityGivenAsContinueAfterSigningIn() {
		Person volunteer = this.fixtures.aVolunteer();
		String back = "/activities/" + UUID.randomUUID();
		Response login = signIn(volunteer, back + "#signup-panel");
		assertThat(login.status()).isEqualTo(302);
		assertThat(onThisPlatform(login.header("Location"))).isEqualTo(back + "#signup-panel");
	}

	@Test
	void ignoresAContinueThatLeadsOffSiteAndLandsOnTheHomePage() {
		for (String offSite : new String[] { "https://evil.example.com", "//evil.example.com", "/\\evil.example.com",
				"\\\\evil.example.com", "javascript:alert(1)", "https:/evil.example.com", "/%5Cevil.example.com",
				"evil.example.com", "/ok//evil.example.com" }) {
			Person volunteer = this.fixtures.aVolunteer();
			Api visitor = new Api("http://localhost:" + this.port);
			Response login = visitor.submitForm("/login", "/login",
					Map.of("username", volunteer.username(), "password", volunteer.password(), "continue", offSite));
			assertThat(login.status()).as(offSite).isEqualTo(302);
			assertThat(login.header("Location")).as(offSite).doesNotContainIgnoringCase("evil");
			assertThat(onThisPlatform(login.header("Location"))).as(offSite).isEqualTo("/");
		}
	}

	@Test
	void theLoginPageNeverOffersAnOffSiteWayBack() {
		String page = this.api.get("/login?continue=//evil.example.com").body();
		assertThat(page).doesNotContain("evil.example.com");
		assertThat(this.api.get("/register?continue=https://evil.example.com").body())
			.doesNotContain("evil.example.com");
	}

	@Test
	void returnsToThePrivatePageThatSentTheVisitorToSignIn() {
		Person volunteer = this.fixtures.aVolunteer();
		Response mine = this.api.get("/me/signups");
		assertThat(mine.status()).isEqualTo(302);
		assertThat(mine.header("Location")).endsWith("/login");
		Response login = this.api.submitForm("/login", "/login",
				Map.of("username", volunteer.username(), "password", volunteer.password()));
		assertThat(onThisPlatform(login.header("Location"))).startsWith("/me/signups");
	}

	@Test
	void theSignUpButtonOfASignedOutVisitorLeadsToSignInAndBack() {
		String activityId = aRecruitingActivity(7);
		String panel = this.api.get("/activities/" + activityId + "/signup-panel").body();
		assertThat(panel).contains("id=\"signup-signin\"").contains("href=\"/login?continue=/activities/" + activityId);
	}

	@Test
	void keepsTheUsernameButNeverThePasswordAfterAWrongPassword() {
		Person volunteer = this.fixtures.aVolunteer();
		Response failed = this.api.submitForm("/login", "/login",
				Map.of("username", volunteer.username(), "password", "Wrong-pass-77", "continue", "/activities/123"));
		assertThat(failed.body()).contains("value=\"" + volunteer.username() + "\"")
			.doesNotContain("Wrong-pass-77")
			.contains("用户名或密码错误")
			.contains("is-invalid")
			.contains("name=\"continue\" value=\"/activities/123\"");
		Response english = this.api.in("en")
			.submitForm("/login", "/login", Map.of("username", volunteer.username(), "password", "Wrong-pass-77"));
		assertThat(english.body()).contains("Wrong username or password").doesNotContain("Wrong-pass-77");
	}

	@Test
	void theLoginAndRegistrationPagesLinkToEachOtherKeepingTheWayBack() {
		assertThat(this.api.get("/login?continue=/activities/42").body())
			.contains("href=\"/register?continue=/activities/42\"");
		assertThat(this.api.get("/register?continue=/activities/42").body())
			.contains("href=\"/login?continue=/activities/42\"")
			.contains("name=\"continue\" value=\"/activities/42\"");
		assertThat(this.api.get("/login").body()).contains("href=\"/register\"");
		assertThat(this.api.get("/register").body()).contains("href=\"/login\"");
	}

	@Test
	void theRegistrationFormHintsAtThePasswordRulesNotAtAPasswordChange() {
		String page = this.api.get("/register").body();
		assertThat(page).contains("8 到 64 个字符，同时包含字母和数字").doesNotContain("修改后");
		assertThat(this.api.in("en").get("/register").body()).contains("8 to 64 characters")
			.doesNotContain("Changing it signs out");
	}

	@Test
	void cancellingASignUpAsksFirstAndWarnsWhenItIsLate() {
		Person volunteer = this.fixtures.aVolunteer();
		String activityId = aRecruitingActivity(7);
		signIn(volunteer, null);
		Response signUp = this.api.submitForm("/activities/" + activityId, "/activities/" + activityId + "/signup",
				Map.of("positionId", firstPositionOf(activityId)));
		assertThat(signUp.status()).isEqualTo(302);
		String panel = this.api.get("/activities/" + activityId + "/signup-panel").body();
		assertThat(panel).as("the panel's cancel only asks")
			.doesNotContain("/cancel\" method=\"post\"")
			.contains("href=\"/activities/" + activityId + "/signup/cancel\"");
		startsInHours(activityId, 5);
		Response confirm = this.api.get("/activities/" + activityId + "/signup/cancel");
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.body()).contains("id=\"confirm-cancel\"").contains("临时取消");
		assertThat(statusOfSignUp(activityId)).as("asking cancels nothing").isEqualTo("APPROVED");
	}

	@Test
	void theCancelQuestionIsOnlyForOnesOwnSignUp() {
		String activityId = aRecruitingActivity(7);
		assertThat(this.api.get("/activities/" + activityId + "/signup/cancel").status()).isEqualTo(302);
		signIn(this.fixtures.aVolunteer(), null);
		assertThat(this.api.get("/activities/" + activityId + "/signup/cancel").status())
			.as("no sign-up to cancel: back to the activity")
			.isEqualTo(302);
	}

	private Response signIn(Person person, String back) {
		Map<String, String> fields = (back != null)
				? Map.of("username", person.username(), "password", person.password(), "continue", back)
				: Map.of("username", person.username(), "password", person.password());
		return this.api.submitForm("/login", "/login", fields);
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

	private String firstPositionOf(String activityId) {
		return this.api.get("/api/v1/activities/" + activityId).json().get("positions").get(0).get("id").asString();
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

	/**
	 * The path (and fragment) a redirect leads to, after checking that it stays on this
	 * platform.
	 */
	private String onThisPlatform(String location) {
		URI uri = URI.create(location);
		assertThat(uri.getHost()).as(location).isIn(null, "localhost");
		assertThat(uri.getScheme()).as(location).isIn(null, "http");
		return uri.getRawPath() + ((uri.getRawFragment() != null) ? "#" + uri.getRawFragment() : "");
	}

}
