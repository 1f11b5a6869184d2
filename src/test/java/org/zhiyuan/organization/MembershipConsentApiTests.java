package org.zhiyuan.organization;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nobody becomes a member of an organization without saying so: an admin's addition is an
 * invitation the volunteer accepts or declines, and until they accept the organization
 * sees no more of them than a masked name.
 */
class MembershipConsentApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminsAdditionIsAnInvitationThatShowsNothingOfTheVolunteerUntilAccepted() {
		Team shanghai = this.fixtures.anActiveTeamIn("310101");
		Person beijinger = this.fixtures.aVolunteerIn("110101");
		Api admin = signedIn(shanghai.admin());
		String base = "/api/v1/organizations/" + shanghai.id();

		Response added = admin.post(base + "/members",
				Map.of("volunteerId", beijinger.volunteerId().toString(), "role", "MEMBER"));
		assertThat(added.status()).isEqualTo(201);
		assertThat(added.json().get("status").asString()).isEqualTo("INVITED");

		String volunteer = "/api/v1/volunteers/" + beijinger.volunteerId();
		assertThat(admin.get(volunteer).status()).as("the profile before consent").isEqualTo(403);
		assertThat(admin.get(volunteer + "/profile").status()).isEqualTo(403);
		assertThat(admin.get(volunteer + "/records").status()).as("the records before consent").isEqualTo(403);

		JsonNode invited = memberRow(admin.get(base + "/members?size=200").json(), beijinger);
		assertThat(invited.get("status").asString()).isEqualTo("INVITED");
		assertThat(invited.get("name").asString()).isEqualTo("测***者");
		assertThat(absent(invited, "phoneMasked")).isTrue();
		assertThat(absent(invited, "idNumberMasked")).isTrue();
		assertThat(absent(invited, "volunteerNumber")).isTrue();
		assertThat(this.api.get(base).json().get("memberCount").asLong()).as("not a member yet").isEqualTo(1);

		Api shanghaiOperator = signedIn(this.fixtures.anOperatorOf("310101"));
		JsonNode seenByOperator = memberRow(shanghaiOperator.get(base + "/members?size=200").json(), beijinger);
		assertThat(seenByOperator.get("name").asString()).isEqualTo("测***者");
		assertThat(absent(seenByOperator, "phoneMasked")).isTrue();
		assertThat(shanghaiOperator.get(volunteer).status()).isEqualTo(403);
		assertThat(shanghaiOperator.get(volunteer + "/records").status()).isEqualTo(403);

		Api invitee = signedIn(beijinger);
		JsonNode invitations = invitee.get("/api/v1/volunteers/me/invitations").json().get("items");
		assertThat(invitations.findValuesAsString("organizationId")).containsExactly(shanghai.id().toString());
		assertThat(invitee.get("/api/v1/notifications").body()).contains("/me/invitations");

		Response accepted = invitee.post("/api/v1/volunteers/me/invitations/" + shanghai.id() + "/acceptance",
				Map.of());
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.json().get("status").asString()).isEqualTo("ACTIVE");
		assertThat(admin.get(volunteer).status()).as("after consent").isEqualTo(200);
		assertThat(memberRow(admin.get(base + "/members?size=200").json(), beijinger).get("phoneMasked").asString())
			.contains("****");
		assertThat(this.api.get(base).json().get("memberCount").asLong()).isEqualTo(2);
		assertThat(invitee.get("/api/v1/volunteers/me/invitations")
			.json()
			.get("items")
			.findValuesAsString("organizationId")).isEmpty();
		assertThat(
				invitee.post("/api/v1/volunteers/me/invitations/" + shanghai.id() + "/acceptance", Map.of()).status())
			.as("nothing left to accept")
			.isEqualTo(404);
	}

	@Test
	void aDeclinedInvitationLeavesTheOrganizationWithNothing() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteerIn("110105001");
		Api admin = signedIn(team.admin());
		String base = "/api/v1/organizations/" + team.id();
		assertThat(admin
			.post(base + "/members", Map.of("volunteerId", volunteer.volunteerId().toString(), "role", "MEMBER"))
			.status()).isEqualTo(201);
		assertThat(admin
			.post(base + "/members", Map.of("volunteerId", volunteer.volunteerId().toString(), "role", "MEMBER"))
			.problemCode()).isEqualTo("INVITATION_PENDING");

		Response declined = signedIn(volunteer).post("/api/v1/volunteers/me/invitations/" + team.id() + "/declination",
				Map.of());
		assertThat(declined.status()).isEqualTo(200);
		assertThat(declined.json().get("status").asString()).isEqualTo("DECLINED");
		assertThat(admin.get(base + "/members?size=200").json().get("items").findValuesAsString("volunteerId"))
			.doesNotContain(volunteer.volunteerId().toString());
		JsonNode declinedRow = memberRow(admin.get(base + "/members?status=DECLINED").json(), volunteer);
		assertThat(declinedRow.get("name").asString()).isEqualTo("测***者");
		assertThat(absent(declinedRow, "phoneMasked")).isTrue();
		assertThat(absent(declinedRow, "idNumberMasked")).isTrue();
		assertThat(admin.get("/api/v1/volunteers/" + volunteer.volunteerId()).status()).isEqualTo(403);
		assertThat(signedIn(volunteer).post("/api/v1/volunteers/me/invitations/" + team.id() + "/acceptance", Map.of())
			.status()).as("a declined invitation cannot be accepted later").isEqualTo(404);
	}

	@Test
	void anInvitationAsAdminGrantsNothingUntilAccepted() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person deputy = this.fixtures.aVolunteerIn("110105");
		String base = "/api/v1/organizations/" + team.id();
		assertThat(signedIn(team.admin())
			.post(base + "/members", Map.of("volunteerId", deputy.volunteerId().toString(), "role", "ADMIN"))
			.status()).isEqualTo(201);
		assertThat(signedIn(deputy).get(base + "/members").status()).as("not an admin before accepting").isEqualTo(403);
		assertThat(signedIn(deputy).post("/api/v1/volunteers/me/invitations/" + team.id() + "/acceptance", Map.of())
			.json()
			.get("role")
			.asString()).isEqualTo("ADMIN");
		assertThat(signedIn(deputy).get(base + "/members").status()).isEqualTo(200);
	}

	@Test
	void anAdminWithdrawsAnInvitation() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteerIn("110105");
		Api admin = signedIn(team.admin());
		String base = "/api/v1/organizations/" + team.id();
		admin.post(base + "/members", Map.of("volunteerId", volunteer.volunteerId().toString(), "role", "MEMBER"));
		assertThat(admin.send("DELETE", base + "/members/" + volunteer.volunteerId()).status()).isEqualTo(204);
		assertThat(absent(memberRow(admin.get(base + "/members?status=LEFT").json(), volunteer), "phoneMasked"))
			.as("a withdrawn invitation shows no more than before")
			.isTrue();
		assertThat(signedIn(volunteer).get("/api/v1/volunteers/me/invitations")
			.json()
			.get("items")
			.findValuesAsString("organizationId")).isEmpty();
		assertThat(signedIn(volunteer).post("/api/v1/volunteers/me/invitations/" + team.id() + "/acceptance", Map.of())
			.status()).isEqualTo(404);
	}

	@Test
	void askingAndBeingAddedMeetAsConsentOnBothSides() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		String base = "/api/v1/organizations/" + team.id();
		Api admin = signedIn(team.admin());

		Person asking = this.fixtures.aVolunteerIn("110105");
		signedIn(asking).post(base + "/join-requests", Map.of());
		Response added = admin.post(base + "/members",
				Map.of("volunteerId", asking.volunteerId().toString(), "role", "MEMBER"));
		assertThat(added.status()).isEqualTo(201);
		assertThat(added.json().get("status").asString()).as("the request was their consent").isEqualTo("ACTIVE");

		Person invited = this.fixtures.aVolunteerIn("110105");
		admin.post(base + "/members", Map.of("volunteerId", invited.volunteerId().toString(), "role", "MEMBER"));
		assertThat(signedIn(invited).post(base + "/join-requests", Map.of()).status()).isEqualTo(201);
		assertThat(admin.get("/api/v1/volunteers/" + invited.volunteerId()).status())
			.as("asking to join where invited accepts the invitation")
			.isEqualTo(200);
		assertThat(this.api.get(base).json().get("memberCount").asLong()).isEqualTo(3);
	}

	@Test
	void theInvitationsPageLetsTheVolunteerAcceptOnAPhone() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteerIn("110105");
		String name = this.api.get("/api/v1/organizations/" + team.id()).json().get("name").asString();
		signedIn(team.admin()).post("/api/v1/organizations/" + team.id() + "/members",
				Map.of("volunteerId", volunteer.volunteerId().toString(), "role", "MEMBER"));

		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login",
				Map.of("username", volunteer.username(), "password", volunteer.password()));
		assertThat(browser.get("/me/invitations?lang=en").body()).contains(name).contains("Accept").contains("Decline");
		String page = browser.get("/me/invitations?lang=zh_CN").body();
		assertThat(page).contains(name).contains("接受").contains("拒绝").contains("name=\"viewport\"");
		Response accepted = browser.submitForm("/me/invitations", "/me/invitations/" + team.id() + "/acceptance",
				Map.of());
		assertThat(accepted.status()).isEqualTo(302);
		assertThat(this.api.get("/api/v1/organizations/" + team.id()).json().get("memberCount").asLong()).isEqualTo(2);
		assertThat(browser.get("/me/invitations").body()).doesNotContain(name);
	}

	private static boolean absent(JsonNode row, String field) {
		return row.path(field).isNull() || row.path(field).isMissingNode();
	}

	private static JsonNode memberRow(JsonNode page, Person person) {
		for (JsonNode item : page.get("items")) {
			if (item.get("volunteerId").asString().equals(person.volunteerId().toString())) {
				return item;
			}
		}
		throw new AssertionError("not in the member list: " + person.volunteerId());
	}

	private Api signedIn(Person person) {
		return this.api.signIn(person.username(), person.password());
	}

}
