package org.zhiyuan.organization;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The people pickers of an organization's pages: members are found by name or part of the
 * phone, masked; volunteers who are not members yet only by their exact phone or number;
 * an admin of another organization finds nobody.
 */
class PeoplePickerApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void findsMembersByNameAndByPhoneMaskedForTheirAdmin() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person member = aMemberOf(team, "欧阳明月");
		rename(this.fixtures.aVolunteerIn("110105"), "欧阳星河");
		Api admin = pageSession(team.admin());
		String picker = "/organizations/" + team.id() + "/people?q=";

		Response byName = admin.get(picker + q("欧阳"));
		assertThat(byName.status()).isEqualTo(200);
		assertThat(byName.body()).contains("欧阳明月", member.volunteerId().toString(), "****")
			.doesNotContain(member.username(), numberOf(member), member.idNumber());
		Response byPhone = admin.get(picker + member.username().substring(7));
		assertThat(byPhone.body()).contains("欧阳明月").doesNotContain(member.username());
		assertThat(byName.body()).as("not a member").doesNotContain("欧阳星河");
		assertThat(admin.get(picker + "1").body()).as("too short to search").doesNotContain("欧阳明月");
	}

	@Test
	void findsNobodyForAnAdminOfAnotherOrganization() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person member = aMemberOf(team, "司马青云");
		Team other = this.fixtures.anActiveTeamIn("110105");
		Api stranger = pageSession(other.admin());

		assertThat(stranger.get("/organizations/" + team.id() + "/people?q=" + q("司马")).status()).isEqualTo(403);
		assertThat(stranger.get("/organizations/" + team.id() + "/people/candidates?q=" + member.username()).status())
			.isEqualTo(403);
	}

	@Test
	void findsVolunteersWhoAreNotMembersOnlyByTheirExactPhoneOrNumber() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person stranger = this.fixtures.aVolunteerIn("110105");
		rename(stranger, "诸葛长风");
		Person elsewhere = this.fixtures.aVolunteerIn("310101");
		Api admin = pageSession(team.admin());
		String picker = "/organizations/" + team.id() + "/people/candidates?q=";

		assertThat(admin.get(picker + q("诸葛")).body()).as("not by name").doesNotContain("诸葛长风");
		assertThat(admin.get(picker + stranger.username().substring(0, 10)).body()).as("not by part of the phone")
			.doesNotContain("诸葛长风");
		Response exact = admin.get(picker + stranger.username());
		assertThat(exact.body()).contains("诸葛长风", stranger.volunteerId().toString())
			.doesNotContain(stranger.username());
		assertThat(admin.get(picker + numberOf(stranger)).body()).contains("诸葛长风");
		assertThat(admin.get(picker + elsewhere.username()).body()).as("another region")
			.doesNotContain(elsewhere.volunteerId().toString());
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'personal-data.search'"
					+ " AND object_type = 'member-candidates' AND object_id = :org")
			.param("org", team.id().toString())
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(4);
	}

	@Test
	void theMemberFormInvitesThePickedVolunteer() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person picked = this.fixtures.aVolunteerIn("110105");
		Api admin = pageSession(team.admin());
		String page = "/organizations/" + team.id();

		Response added = admin.submitForm(page, page + "/members",
				Map.of("volunteerId", picked.volunteerId().toString(), "role", "MEMBER"));
		assertThat(added.status()).isEqualTo(302);
		assertThat(this.jdbc
			.sql("SELECT status FROM organization_member WHERE organization_id = :org AND volunteer_id = :v")
			.param("org", team.id())
			.param("v", picked.volunteerId())
			.query(String.class)
			.single()).isEqualTo("INVITED");
		assertThat(admin.get(page).body()).contains("people/candidates");
	}

	@Test
	void withoutScriptTheMemberFormTakesTheTypedExactPhoneAndNamesWhatDidNotMatch() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person typed = this.fixtures.aVolunteerIn("110105");
		Api admin = pageSession(team.admin());
		String page = "/organizations/" + team.id();

		Response partly = admin.submitForm(page, page + "/members",
				Map.of("personText", typed.username().substring(0, 9), "role", "MEMBER"));
		assertThat(partly.status()).isEqualTo(302);
		assertThat(admin.get(page).body()).as("the problem, next to the picker")
			.contains("没有找到与“" + typed.username().substring(0, 9) + "”相符的志愿者");
		assertThat(memberStatus(team, typed)).as("nobody added by a guess").isNull();

		admin.submitForm(page, page + "/members", Map.of("personText", typed.username(), "role", "MEMBER"));
		assertThat(memberStatus(team, typed)).isEqualTo("INVITED");
		assertThat(admin.get(page).body()).as("the script-less box").contains("name=\"personText\"");
	}

	@Test
	void withoutScriptTheRecordFormGoesAheadOnlyWhenOneMemberMatches() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person first = aMemberOf(team, "上官明月");
		aMemberOf(team, "上官明日");
		var activity = this.fixtures.aFinishedActivity(this.api, team, null, 3);
		Api admin = pageSession(team.admin());
		String page = "/organizations/" + team.id() + "/records";
		java.time.LocalDateTime start = activity.startsAt()
			.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
			.toLocalDateTime();
		Map<String, String> form = new java.util.HashMap<>(Map.of("activityId", activity.id(), "startedAt",
				start.toString(), "endedAt", start.plusHours(2).toString(), "reason", "纸质签到表补录"));

		form.put("personText", "上官");
		admin.submitForm(page, page, form);
		assertThat(admin.get(page + "?lang=en").body()).contains("2 volunteers match: type the full phone number");
		assertThat(this.fixtures.recordCountOf(first)).isZero();

		form.put("personText", "上官明月");
		assertThat(admin.submitForm(page, page, form).status()).isEqualTo(302);
		assertThat(this.fixtures.recordCountOf(first)).isEqualTo(1);
		assertThat(this.fixtures.totalHoursOf(first)).isEqualByComparingTo("2.00");
	}

	private String memberStatus(Team team, Person person) {
		return this.jdbc
			.sql("SELECT status FROM organization_member WHERE organization_id = :org AND volunteer_id = :v")
			.param("org", team.id())
			.param("v", person.volunteerId())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private Person aMemberOf(Team team, String name) {
		Person person = this.fixtures.aVolunteerIn("110105");
		rename(person, name);
		Api admin = this.api.signIn(team.admin().username(), team.admin().password());
		admin.post("/api/v1/organizations/" + team.id() + "/members",
				Map.of("volunteerId", person.volunteerId().toString(), "role", "MEMBER"));
		this.api.signIn(person.username(), person.password())
			.post("/api/v1/volunteers/me/invitations/" + team.id() + "/acceptance", Map.of());
		return person;
	}

	private static String q(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

	private void rename(Person person, String name) {
		this.jdbc.sql("UPDATE volunteer SET name = :name WHERE id = :id")
			.param("name", name)
			.param("id", person.volunteerId())
			.update();
	}

	private String numberOf(Person person) {
		return this.jdbc.sql("SELECT volunteer_number FROM volunteer WHERE id = :id")
			.param("id", person.volunteerId())
			.query(String.class)
			.single();
	}

	private Api pageSession(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

}
