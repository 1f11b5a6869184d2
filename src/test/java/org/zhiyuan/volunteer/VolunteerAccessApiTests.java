package org.zhiyuan.volunteer;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may read a volunteer's record: the volunteer, admins of their organizations, and
 * operators and auditors of their region; every read by someone else is audited, allowed
 * or refused.
 */
class VolunteerAccessApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void decidesByRoleOrganizationAndRegion() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person member = this.fixtures.aVolunteerIn("110105002");
		signedIn(team.admin()).post("/api/v1/organizations/" + team.id() + "/members",
				Map.of("volunteerId", member.volunteerId().toString(), "role", "MEMBER"));
		String path = "/api/v1/volunteers/" + member.volunteerId();
		assertThat(signedIn(team.admin()).get(path).status()).as("an admin of an organization that invited them")
			.isEqualTo(403);
		signedIn(member).post("/api/v1/volunteers/me/invitations/" + team.id() + "/acceptance", Map.of());

		assertThat(signedIn(member).get(path).status()).as("the volunteer").isEqualTo(200);
		assertThat(signedIn(team.admin()).get(path).status()).as("an admin of their organization").isEqualTo(200);
		assertThat(signedIn(this.fixtures.anOperatorOf("110105")).get(path).status()).as("their district's operator")
			.isEqualTo(200);
		assertThat(signedIn(this.fixtures.anOperatorOf("110105002")).get(path).status()).as("their street's operator")
			.isEqualTo(200);
		assertThat(signedIn(this.fixtures.anAuditorOf("110000")).get(path).status()).as("their city's auditor")
			.isEqualTo(200);

		assertThat(signedIn(this.fixtures.aVolunteerIn("110105002")).get(path).status()).as("a neighbour")
			.isEqualTo(403);
		assertThat(signedIn(this.fixtures.anOperatorOf("110105001")).get(path).status()).as("another street's operator")
			.isEqualTo(403);
		assertThat(signedIn(this.fixtures.anOperatorOf("310101")).get(path).status()).as("another city's operator")
			.isEqualTo(403);
		Team otherTeam = this.fixtures.anActiveTeamIn("110105");
		assertThat(signedIn(otherTeam.admin()).get(path).status()).as("an admin of another organization")
			.isEqualTo(403);
		assertThat(this.api.get(path).status()).as("anyone signed out").isEqualTo(401);

		assertThat(outcomes(member)).contains("SUCCESS", "DENIED");
	}

	@Test
	void aProfileReadIsAuditedAsPersonalData() {
		Person volunteer = this.fixtures.aVolunteerIn("110105001");
		Person operator = this.fixtures.anOperatorOf("110105");
		assertThat(signedIn(operator).get("/api/v1/volunteers/" + volunteer.volunteerId() + "/profile").status())
			.isEqualTo(200);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE actor_id = :actor AND object_id = :object"
					+ " AND action = 'personal-data.read' AND outcome = 'SUCCESS'")
			.param("actor", operator.id())
			.param("object", volunteer.volunteerId().toString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theOperatorsPageViewShowsTheProfileMaskedAndIsAudited() {
		Person volunteer = this.fixtures.aVolunteerIn("110105001");
		Person operator = this.fixtures.anOperatorOf("110105");
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login",
				Map.of("username", operator.username(), "password", operator.password()));
		var page = browser.get("/volunteers/" + volunteer.volunteerId());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("审计日志").doesNotContain(volunteer.idNumber());
		Api stranger = new Api("http://localhost:" + this.port);
		Person other = this.fixtures.anOperatorOf("310101");
		stranger.submitForm("/login", "/login", Map.of("username", other.username(), "password", other.password()));
		assertThat(stranger.get("/volunteers/" + volunteer.volunteerId()).status()).isEqualTo(403);
	}

	@Test
	void operatorsAndAuditorsFindVolunteersOfTheirRegionOnly() {
		Person jianwai = this.fixtures.aVolunteerIn("110105001");
		Person huangpu = this.fixtures.aVolunteerIn("310101");
		Person districtOperator = this.fixtures.anOperatorOf("110105");
		Api operator = signedIn(districtOperator);
		var byPhone = operator.get("/api/v1/volunteers?regionCode=110105&q=" + jianwai.username()).json();
		assertThat(byPhone.get("items").findValuesAsString("id")).containsExactly(jianwai.volunteerId().toString());
		assertThat(byPhone.toString()).doesNotContain(jianwai.username()).doesNotContain(jianwai.idNumber());
		assertThat(operator.get("/api/v1/volunteers?regionCode=110105&q=" + huangpu.username())
			.json()
			.get("total")
			.asLong()).isZero();
		assertThat(operator.get("/api/v1/volunteers?regionCode=310101").status()).isEqualTo(403);
		assertThat(signedIn(this.fixtures.anAuditorOf("110105001")).get("/api/v1/volunteers?regionCode=110105001")
			.status()).isEqualTo(200);
		assertThat(signedIn(jianwai).get("/api/v1/volunteers?regionCode=110105001").status()).isEqualTo(403);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE actor_id = :actor AND action = 'personal-data.search'")
			.param("actor", districtOperator.id())
			.query(Long.class)
			.single()).isEqualTo(2);

		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login",
				Map.of("username", districtOperator.username(), "password", districtOperator.password()));
		var page = browser.get("/volunteers?regionCode=110105&q=" + jianwai.username());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(jianwai.volunteerId().toString()).doesNotContain(jianwai.idNumber());
	}

	@Test
	void aSelfDeclaredQualificationIsConfirmedOnlyByAnAdminOfTheirOrganizationOrAnOperatorOfTheirRegion() {
		Person volunteer = this.fixtures.aVolunteerIn("110105002");
		var added = signedIn(volunteer)
			.post("/api/v1/volunteers/me/qualifications", Map.of("name", "心理咨询师", "issuer", "人社部"))
			.json();
		assertThat(added.get("status").asString()).isEqualTo("SELF_DECLARED");
		String path = "/api/v1/volunteers/" + volunteer.volunteerId() + "/qualifications/" + added.get("id").asString()
				+ "/confirmation";

		Team invitedBy = this.fixtures.anActiveTeamIn("110105");
		signedIn(invitedBy.admin()).post("/api/v1/organizations/" + invitedBy.id() + "/members",
				Map.of("volunteerId", volunteer.volunteerId().toString(), "role", "MEMBER"));
		assertThat(signedIn(volunteer).post(path, Map.of()).status()).as("the volunteer themselves").isEqualTo(403);
		assertThat(signedIn(invitedBy.admin()).post(path, Map.of()).status())
			.as("an admin of an organization that only invited them")
			.isEqualTo(403);
		assertThat(signedIn(this.fixtures.anOperatorOf("110105001")).post(path, Map.of()).status())
			.as("another street's operator")
			.isEqualTo(403);
		assertThat(signedIn(this.fixtures.anAuditorOf("110105")).post(path, Map.of()).status()).as("auditors only read")
			.isEqualTo(403);
		assertThat(signedIn(volunteer).get("/api/v1/volunteers/me/profile")
			.json()
			.get("qualifications")
			.get(0)
			.get("status")
			.asString()).isEqualTo("SELF_DECLARED");

		signedIn(volunteer).post("/api/v1/volunteers/me/invitations/" + invitedBy.id() + "/acceptance", Map.of());
		var confirmed = signedIn(invitedBy.admin()).post(path, Map.of());
		assertThat(confirmed.status()).as("an admin of an organization they belong to").isEqualTo(200);
		assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(signedIn(this.fixtures.anOperatorOf("110105002")).post(path, Map.of()).problemCode())
			.isEqualTo("QUALIFICATION_CONFIRMED");
		assertThat(signedIn(volunteer).get("/api/v1/volunteers/me/profile")
			.json()
			.get("qualifications")
			.get(0)
			.get("status")
			.asString()).isEqualTo("CONFIRMED");
		assertThat(this.jdbc.sql(
				"SELECT COUNT(*) FROM audit_event WHERE actor_id = :actor AND action = 'volunteer.qualification.confirm'")
			.param("actor", invitedBy.admin().id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anAdminConfirmsAQualificationFromTheVolunteersPage() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteerIn("110105001");
		String qualification = signedIn(volunteer)
			.post("/api/v1/volunteers/me/qualifications", Map.of("name", "红十字救护员证"))
			.json()
			.get("id")
			.asString();
		signedIn(team.admin()).post("/api/v1/organizations/" + team.id() + "/members",
				Map.of("volunteerId", volunteer.volunteerId().toString(), "role", "MEMBER"));
		signedIn(volunteer).post("/api/v1/volunteers/me/invitations/" + team.id() + "/acceptance", Map.of());
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login",
				Map.of("username", team.admin().username(), "password", team.admin().password()));
		String page = "/volunteers/" + volunteer.volunteerId();
		assertThat(browser.get(page).body()).contains("自述").contains("确认");
		var confirmed = browser.submitForm(page, page + "/qualifications/" + qualification + "/confirmation", Map.of());
		assertThat(confirmed.status()).isEqualTo(302);
		assertThat(browser.get(page).body()).contains("已确认");
	}

	private java.util.List<String> outcomes(Person volunteer) {
		return this.jdbc
			.sql("SELECT outcome FROM audit_event WHERE object_type = 'volunteer' AND object_id = :id"
					+ " AND action = 'personal-data.read'")
			.param("id", volunteer.volunteerId().toString())
			.query(String.class)
			.list();
	}

	private Api signedIn(Person person) {
		return this.api.signIn(person.username(), person.password());
	}

}
