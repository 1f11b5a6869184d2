package org.zhiyuan.emergency;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emergency pages in 海北藏族自治州 (632200), where no other test marks teams: a volunteer
 * finds 我的应急档案 from their own pages, is told beside each field what is wrong (no home
 * picked, no readiness, a day that does not exist) in their language, saves a profile
 * whose home is kept to about 100 m, and a minor is told they are called once they are
 * 18; an operator marks an organization picked from the list of the region's active ones
 * as an emergency team, changes its tier and takes the mark off after confirming, while
 * an auditor only sees the teams and a volunteer is refused the page.
 */
class EmergencyPagesTests extends ApiTestSupport {

	private static final String DISTRICT = "632221";

	private static final String STREET = "632221100";

	private static final String OTHER_DISTRICT = "632222";

	private static final String PROFILE = "/me/emergency-profile";

	private static final String TEAMS = "/emergency/teams?regionCode=" + DISTRICT;

	@Autowired
	JdbcClient jdbc;

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

	private Api apiOf(Person person) {
		return new Api("http://localhost:" + this.port).as(this.fixtures.tokenFor(person));
	}

	private static Map<String, String> profileForm(String lat, String lng, String readiness, String kind,
			String validUntil) {
		return Map.of("lat", lat, "lng", lng, "readiness", readiness, "qualificationKind", kind,
				"qualificationValidUntil", validUntil);
	}

	@Test
	void aVolunteerSetsTheirEmergencyProfileWithEveryBadFieldSaidBesideIt() {
		Person volunteer = this.fixtures.aVolunteerIn(STREET);
		Api pages = browserOf(volunteer);
		assertThat(pages.get("/me").body()).contains("href=\"/me/emergency-profile\"");
		String hub = pages.get("/emergency").body();
		assertThat(hub).contains("id=\"emergency-hub-profile\"").doesNotContain("id=\"emergency-hub-teams\"");

		String page = pages.get(PROFILE).body();
		assertThat(page).contains("id=\"emergency-profile-form\"")
			.contains("约 100 米")
			.contains("加入应急档案意味着什么")
			.contains("你还没有应急档案")
			.contains("class=\"map-picker")
			.contains("map-picker-locate")
			.doesNotContain("id=\"emergency-profile-minor\"");

		Response bad = pages.submitForm(PROFILE, PROFILE, profileForm("", "", "", "FIRST_AID", "2027-02-30"));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("id=\"problem-location\"")
			.contains("请在地图上点选家的大致位置")
			.contains("id=\"problem-readiness\"")
			.contains("id=\"problem-qualifications[0].validUntil\"")
			.contains("value=\"2027-02-30\"")
			.contains("<option value=\"FIRST_AID\" selected=\"selected\"");
		assertThat(apiOf(volunteer).get("/api/v1/me/emergency-profile").status()).as("nothing saved").isEqualTo(404);

		Response outside = pages.submitForm(PROFILE, PROFILE, profileForm("60", "101.5", "HIGH", "", ""));
		assertThat(outside.status()).isEqualTo(200);
		assertThat(outside.body()).contains("id=\"problem-location\"")
			.contains("纬度应在 3 到 54 之间")
			.doesNotContain("id=\"problem-readiness\"");

		Response saved = pages.submitForm(PROFILE, PROFILE,
				profileForm("37.3764321", "101.6238765", "NORMAL", "FIRST_AID", "2027-06-30"));
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		JsonNode held = apiOf(volunteer).get("/api/v1/me/emergency-profile").json();
		assertThat(held.get("homeLat").asDouble()).isEqualTo(37.376);
		assertThat(held.get("homeLng").asDouble()).isEqualTo(101.624);
		assertThat(held.get("readiness").asString()).isEqualTo("NORMAL");
		assertThat(held.get("qualifications").get(0).get("validUntil").asString()).isEqualTo("2027-06-30");
		page = pages.get(PROFILE).body();
		assertThat(page).contains("应急档案已保存")
			.contains("value=\"37.376\"")
			.contains("value=\"101.624\"")
			.contains("<option value=\"NORMAL\" selected=\"selected\"")
			.contains("value=\"2027-06-30\"")
			.contains("上次保存");

		Response cleared = pages.submitForm(PROFILE, PROFILE, profileForm("37.376", "101.624", "LOW", "", ""));
		assertThat(cleared.status()).isEqualTo(302);
		held = apiOf(volunteer).get("/api/v1/me/emergency-profile").json();
		assertThat(held.get("readiness").asString()).isEqualTo("LOW");
		assertThat(held.get("qualifications").size()).as("a row cleared is removed").isZero();

		String english = pages.get(PROFILE + "?lang=en").body();
		assertThat(english).contains("My emergency profile")
			.contains("about 100 m")
			.contains("to call you when something happens near your home")
			.contains("Ready at any time");
		Response badInEnglish = pages.submitForm(PROFILE, PROFILE, profileForm("", "", "HIGH", "DRIVING", "soon"));
		assertThat(badInEnglish.body()).contains("Tap your approximate home on the map")
			.contains("Give the last day the qualification is valid");
	}

	@Test
	void aVolunteerUnder18IsToldTheyAreCalledOnceTheyAre18() {
		Person minor = this.fixtures.aVolunteerIn(STREET);
		this.jdbc.sql("UPDATE volunteer SET birth_date = :birth WHERE id = :id")
			.param("id", minor.volunteerId())
			.param("birth", LocalDate.now(ZoneOffset.ofHours(8)).minusYears(16))
			.update();
		Api pages = browserOf(minor);
		assertThat(pages.get(PROFILE).body()).contains("id=\"emergency-profile-minor\"").contains("年满 18 周岁后才会被呼叫");
		assertThat(pages.submitForm(PROFILE, PROFILE, profileForm("37.4", "101.6", "HIGH", "", "")).status())
			.as("a minor may keep a profile")
			.isEqualTo(302);
		assertThat(pages.get(PROFILE + "?lang=en").body()).contains("you can be called once you are 18");
	}

	@Test
	void anOperatorMarksChangesAndUnmarksATeamPickedFromTheList() {
		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		Team team = this.fixtures.anActiveTeamIn(STREET);
		Team elsewhere = this.fixtures.anActiveTeamIn(OTHER_DISTRICT);
		String name = this.jdbc.sql("SELECT name FROM organization WHERE id = :id")
			.param("id", team.id())
			.query(String.class)
			.single();
		String elsewhereName = this.jdbc.sql("SELECT name FROM organization WHERE id = :id")
			.param("id", elsewhere.id())
			.query(String.class)
			.single();
		Api pages = browserOf(operator);
		assertThat(pages.get("/emergency").body()).contains("id=\"emergency-hub-teams\"");

		String page = pages.get("/emergency/teams").body();
		assertThat(page).as("the operator's own region by default")
			.contains("id=\"mark-team-form\"")
			.contains("<option value=\"" + team.id() + "\"")
			.contains(name)
			.doesNotContain(elsewhereName)
			.doesNotContain("data-organization-id=\"" + team.id() + "\"");
		String options = pages
			.get("/emergency/teams/organizations?regionCode=" + DISTRICT + "&q=" + name.substring(name.length() - 6))
			.body();
		assertThat(options).contains("<option value=\"" + team.id() + "\"").doesNotContain(elsewhereName);

		Response none = pages.submitForm(TEAMS, "/emergency/teams",
				Map.of("regionCode", DISTRICT, "organizationId", "", "tier", ""));
		assertThat(none.status()).isEqualTo(200);
		assertThat(none.body()).contains("id=\"problem-organizationId\"")
			.contains("请从列表中选择一个组织")
			.contains("id=\"problem-tier\"");
		Response noTier = pages.submitForm(TEAMS, "/emergency/teams",
				Map.of("regionCode", DISTRICT, "organizationId", team.id().toString(), "tier", ""));
		assertThat(noTier.body()).contains("id=\"problem-tier\"").doesNotContain("id=\"problem-organizationId\"");

		Response marked = pages.submitForm(TEAMS, "/emergency/teams",
				Map.of("regionCode", DISTRICT, "organizationId", team.id().toString(), "tier", "DISTRICT"));
		assertThat(marked.status()).as(marked.body()).isEqualTo(302);
		assertThat(tierOf(operator, team)).isEqualTo("DISTRICT");
		page = pages.get(TEAMS).body();
		assertThat(page).contains("已设为应急队伍")
			.contains("data-organization-id=\"" + team.id() + "\"")
			.contains("支队（区县级）")
			.contains("team-unmark-confirm");

		Response changed = pages.submitForm(TEAMS, "/emergency/teams/" + team.id() + "/tier?regionCode=" + DISTRICT,
				Map.of("tier", "STREET"));
		assertThat(changed.status()).isEqualTo(302);
		assertThat(tierOf(operator, team)).isEqualTo("STREET");
		assertThat(pages.get(TEAMS + "&lang=en").body()).contains("Emergency volunteer teams")
			.contains("Street (大队)")
			.contains("Yes, unmark");

		Response unmarked = pages.submitForm(TEAMS, "/emergency/teams/" + team.id() + "/unmark?regionCode=" + DISTRICT,
				Map.of());
		assertThat(unmarked.status()).isEqualTo(302);
		assertThat(tierOf(operator, team)).isNull();
		assertThat(pages.get(TEAMS + "&lang=zh-CN").body()).contains("已取消应急队伍身份")
			.doesNotContain("data-organization-id=\"" + team.id() + "\"");
		pages.submitForm(TEAMS, "/emergency/teams/" + team.id() + "/unmark?regionCode=" + DISTRICT, Map.of());
		assertThat(pages.get(TEAMS).body()).as("unmarked meanwhile").contains("这个组织已不是应急队伍");

		assertThat(browserOf(this.fixtures.anOperatorOf(OTHER_DISTRICT)).get(TEAMS).status()).isEqualTo(403);
	}

	@Test
	void anAuditorSeesTheTeamsReadOnlyAndAVolunteerIsRefused() {
		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		Team team = this.fixtures.anActiveTeamIn(STREET);
		assertThat(apiOf(operator).send("PUT", "/api/v1/emergency/teams/" + team.id(), Map.of("tier", "CITY")).status())
			.isEqualTo(200);

		Person auditor = this.fixtures.anAuditorOf(DISTRICT);
		Api auditorPages = browserOf(auditor);
		String page = auditorPages.get(TEAMS).body();
		assertThat(page).contains("data-organization-id=\"" + team.id() + "\"")
			.contains("总队（市级）")
			.doesNotContain("id=\"mark-team-form\"")
			.doesNotContain("team-tier-form")
			.doesNotContain("team-unmark");
		assertThat(auditorPages.get("/emergency").body()).contains("id=\"emergency-hub-teams\"");
		Response refused = auditorPages.submitForm(TEAMS, "/emergency/teams/" + team.id() + "/unmark", Map.of());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(tierOf(operator, team)).isEqualTo("CITY");

		Api volunteerPages = browserOf(this.fixtures.aVolunteerIn(STREET));
		assertThat(volunteerPages.get(TEAMS).status()).isEqualTo(403);
		assertThat(volunteerPages.get("/emergency/teams").status()).isEqualTo(403);
		assertThat(volunteerPages
			.submitForm(PROFILE, "/emergency/teams",
					Map.of("regionCode", DISTRICT, "organizationId", team.id().toString(), "tier", "STREET"))
			.status()).isEqualTo(403);
		assertThat(tierOf(operator, team)).isEqualTo("CITY");
	}

	/** The team's tier as the API lists it, or {@code null} when it is not marked. */
	private String tierOf(Person operator, Team team) {
		for (JsonNode item : apiOf(operator).get("/api/v1/emergency/teams?regionCode=" + DISTRICT + "&size=200")
			.json()
			.get("items")) {
			if (item.get("organizationId").asString().equals(team.id().toString())) {
				return item.get("tier").asString();
			}
		}
		return null;
	}

}
