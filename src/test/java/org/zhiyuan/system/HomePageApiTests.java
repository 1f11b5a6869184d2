package org.zhiyuan.system;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.ActivityFixtures;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Finished;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page leads with what people come for: a search, the platform's figures and
 * activities recruiting now; each signed-in role sees its own work first, every count a
 * link to its list.
 */
class HomePageApiTests extends ApiTestSupport {

	private static final Pattern FIGURE_VALUE = Pattern.compile("home-figure-value\">([0-9,.]+)<");

	@Test
	void anAnonymousVisitorSeesASearchTheFiguresAndActivitiesRecruitingNow() {
		String before = this.api.get("/").body();
		long volunteers = figure(before, "home.figure.volunteers");
		long recruiting = figure(before, "home.figure.activities");
		assertThat(before).contains("action=\"/activities\"").contains("name=\"q\"");

		this.fixtures.aVolunteerIn("110105");
		Team team = this.fixtures.anActiveTeamIn("110105");
		String title = publish(team, soon(ActivityFixtures.anActivity(team.id().toString(), 5)));

		String after = this.api.get("/").body();
		assertThat(figure(after, "home.figure.volunteers")).as("the new volunteer and the team's admin")
			.isEqualTo(volunteers + 2);
		assertThat(figure(after, "home.figure.activities")).isEqualTo(recruiting + 1);
		assertThat(after).contains("data-figure=\"home.figure.organizations\"")
			.contains("data-figure=\"home.figure.hours\"");
		assertThat(after).as("the activity recruiting now, as a card").contains(title);
		assertThat(after).as("the API and the region browser are not the main buttons")
			.doesNotContain("btn btn-outline-secondary btn-lg mb-2\" href=\"/regions\"");
		assertThat(this.api.in("en").get("/").body()).contains(">Search</button>").contains("Registered volunteers");
	}

	@Test
	void aTeamAdminSeesPendingSignupsCountedAndLinkedToTheRoster() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Map<String, Object> body = soon(ActivityFixtures.anActivity(team.id().toString(), 5));
		body.put("approval", "MANUAL");
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		var created = admin.post("/api/v1/activities", body).json();
		String id = created.get("id").asString();
		assertThat(admin.post("/api/v1/activities/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		Person volunteer = this.fixtures.aVolunteerIn("110105");
		assertThat(this.api.as(this.fixtures.tokenFor(volunteer))
			.post("/api/v1/activities/" + id + "/signups",
					Map.of("positionId", created.get("positions").get(0).get("id").asString()))
			.json()
			.get("status")
			.asString()).isEqualTo("PENDING");

		Queue pending = queue(browserOf(team.admin()).get("/").body(), "home.queue.pendingSignups");
		assertThat(pending.count()).isEqualTo(1);
		assertThat(pending.href()).isEqualTo("/activities/" + id + "/roster");
	}

	@Test
	void anOperatorSeesApplicationsOfTheirRegionOnlyAndReachesTheReviewList() {
		Api chaoyang = browserOf(this.fixtures.anOperatorOf("110105"));
		Api haidian = browserOf(this.fixtures.anOperatorOf("110108"));
		long mine = queue(chaoyang.get("/").body(), "home.queue.applications").count();
		long theirs = queue(haidian.get("/").body(), "home.queue.applications").count();

		Person applicant = this.fixtures.aVolunteerIn("110105001");
		Map<String, Object> application = new HashMap<>();
		application.put("name", "建外街道助老服务队" + org.zhiyuan.support.Identities.suffix());
		application.put("type", "COMMUNITY_TEAM");
		application.put("regionCode", "110105001");
		application.put("fields", List.of("ELDERLY_CARE"));
		assertThat(this.api.as(this.fixtures.tokenFor(applicant)).post("/api/v1/organizations", application).status())
			.isEqualTo(201);

		Queue ofChaoyang = queue(chaoyang.get("/").body(), "home.queue.applications");
		assertThat(ofChaoyang.count()).as("a district operator sees its streets").isEqualTo(mine + 1);
		assertThat(ofChaoyang.href()).startsWith("/organizations/review");
		assertThat(chaoyang.get(ofChaoyang.href()).body()).contains((String) application.get("name"));
		assertThat(queue(haidian.get("/").body(), "home.queue.applications").count()).isEqualTo(theirs);
		assertThat(chaoyang.get("/").body()).contains("data-queue=\"home.queue.overdue\"")
			.contains("data-queue=\"home.queue.flagged\"");
	}

	@Test
	void anOperatorReachesTheOverdueListFromTheirHome() {
		Api operator = browserOf(this.fixtures.anOperatorOf("110105"));
		Queue overdue = queue(operator.get("/").body(), "home.queue.overdue");
		assertThat(overdue.href()).startsWith("/records/overdue");
		Api.Response page = operator.get(overdue.href());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("逾期未录入时长");
	}

	@Test
	void aVolunteerSeesTheirNextActivityAndTheirHours() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteerIn("110105");
		Finished past = this.fixtures.aFinishedActivity(this.api, team, volunteer, 2);
		assertThat(this.api.as(this.fixtures.tokenFor(team.admin()))
			.post("/api/v1/records",
					Map.of("volunteerId", volunteer.volunteerId().toString(), "activityId", past.id(), "startedAt",
							past.startsAt().toString(), "endedAt", past.startsAt().plusMinutes(150).toString(),
							"reason", "纸质签到表补录"))
			.status()).isEqualTo(201);
		Map<String, Object> body = ActivityFixtures.anActivity(team.id().toString(), 5);
		String title = publish(team, body);
		String id = idOf(team, title);
		assertThat(this.api.as(this.fixtures.tokenFor(volunteer))
			.post("/api/v1/activities/" + id + "/signups", Map.of("positionId",
					this.api.get("/api/v1/activities/" + id).json().get("positions").get(0).get("id").asString()))
			.json()
			.get("status")
			.asString()).isEqualTo("APPROVED");

		String home = browserOf(volunteer).get("/").body();
		assertThat(home).contains("id=\"home-next-activity\"");
		String next = home.substring(home.indexOf("id=\"home-next-activity\""));
		assertThat(next).contains(title).contains("/activities/" + id).contains("建外街道某社区服务站");
		assertThat(home).contains("id=\"home-my-hours\"");
		assertThat(home.substring(home.indexOf("id=\"home-my-hours\""))).contains("2.50");
		assertThat(home).contains("href=\"/me/records\"").contains("href=\"/me/certificates\"");
	}

	private String publish(Team team, Map<String, Object> body) {
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		String id = admin.post("/api/v1/activities", body).json().get("id").asString();
		assertThat(admin.post("/api/v1/activities/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		return (String) body.get("title");
	}

	private String idOf(Team team, String title) {
		for (var item : this.api.get("/api/v1/organizations/" + team.id() + "/activities?size=200")
			.json()
			.get("items")) {
			if (title.equals(item.get("title").asString())) {
				return item.get("id").asString();
			}
		}
		throw new AssertionError("no activity " + title);
	}

	/** The activity starting in twenty minutes: sooner than what other tests publish. */
	private static Map<String, Object> soon(Map<String, Object> activity) {
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(20).truncatedTo(ChronoUnit.SECONDS);
		activity.put("startsAt", start.toString());
		activity.put("endsAt", start.plusHours(2).toString());
		return activity;
	}

	private static long figure(String html, String key) {
		int at = html.indexOf("data-figure=\"" + key + "\"");
		assertThat(at).as("figure " + key).isNotNegative();
		Matcher value = FIGURE_VALUE.matcher(html);
		assertThat(value.find(at)).as("value of " + key).isTrue();
		return Long.parseLong(value.group(1).replace(",", ""));
	}

	private static Queue queue(String html, String key) {
		int at = html.indexOf("data-queue=\"" + key + "\"");
		assertThat(at).as("queue " + key).isNotNegative();
		String tag = html.substring(html.lastIndexOf("<a ", at), html.indexOf('>', at));
		Matcher href = Pattern.compile("href=\"([^\"]+)\"").matcher(tag);
		Matcher count = Pattern.compile("data-count=\"([0-9]+)\"").matcher(tag);
		assertThat(href.find()).as("link of " + key).isTrue();
		assertThat(count.find()).as("count of " + key).isTrue();
		return new Queue(href.group(1).replace("&amp;", "&"), Long.parseLong(count.group(1)));
	}

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

	/** A queue on the home page: where its count links and the count. */
	private record Queue(String href, long count) {

	}

}
