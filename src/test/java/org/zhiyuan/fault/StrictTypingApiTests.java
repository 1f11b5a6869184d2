package org.zhiyuan.fault;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.fault.Scene.Activity;
import org.zhiyuan.fault.Scene.Certified;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.organization.VolunteerImports;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value of the wrong JSON type is refused, never read as something else: a number is no
 * reason, a flag is no reason, a number is no flag, and no flag at all is no answer.
 */
class StrictTypingApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organizations organizations;

	@Autowired
	Activities activities;

	@Autowired
	Notifications notifications;

	@Autowired
	VolunteerImports imports;

	private Scene scene;

	@BeforeEach
	void setTheScene() {
		this.scene = new Scene(this.fixtures, this.api, this.jdbc, this.organizations, this.activities,
				this.notifications, this.imports, this.sentMessages);
	}

	@Test
	void aNumberIsNoReasonToCancelAnActivityAndNobodyIsTold() {
		Activity activity = this.scene.recruiting(this.scene.team());
		Person volunteer = this.scene.signedUp(activity);
		long told = notificationsOf(volunteer);
		Api organizer = this.scene.as(Caller.ORG_ADMIN);

		Response refused = organizer.post("/api/v1/activities/" + activity.id() + "/cancel", "{\"reason\": 1e308}");

		assertRefusedFor(refused, "reason");
		assertThat(organizer.get("/api/v1/activities/" + activity.id()).json().get("status").asString())
			.isEqualTo("RECRUITING");
		assertThat(notificationsOf(volunteer)).as("no volunteer is told of a cancellation").isEqualTo(told);
	}

	@Test
	void aFlagIsNoReasonToWarnAnOrganization() {
		Team team = this.scene.newTeam();
		Api operator = this.scene.as(Caller.OPERATOR);
		long history = operator.get("/api/v1/organizations/" + team.id() + "/history").json().get("total").asLong();

		Response refused = operator.post("/api/v1/organizations/" + team.id() + "/warnings", "{\"reason\": true}");

		assertRefusedFor(refused, "reason");
		assertThat(operator.get("/api/v1/organizations/" + team.id() + "/history").json().get("total").asLong())
			.isEqualTo(history);
	}

	@Test
	void aNumberIsNoBrandFlagAndNoFlagIsNoAnswer() {
		UUID project = this.scene.project(this.scene.team());
		Api operator = this.scene.as(Caller.OPERATOR);
		String brand = "/api/v1/projects/" + project + "/brand";

		assertRefusedFor(operator.post(brand, "{\"brand\": -1}"), "brand");
		assertThat(isBrand(project)).as("-1 sets no brand flag").isFalse();

		assertThat(operator.post(brand, "{\"brand\": true}").status()).isEqualTo(200);
		assertRefusedFor(operator.post(brand, "{}"), "brand");
		assertRefusedFor(operator.post(brand, "{\"brand\": null}"), "brand");
		assertRefusedFor(operator.post(brand, "{\"brand\": \"false\"}"), "brand");
		assertThat(isBrand(project)).as("a missing flag removes no brand flag").isTrue();
	}

	@Test
	void aNumberIsNoReasonToRevokeACertificate() {
		Certified certificate = this.scene.certified(this.scene.team());
		Api organizer = this.scene.as(Caller.ORG_ADMIN);

		Response refused = organizer.post("/api/v1/certificates/" + certificate.number() + "/revocation",
				"{\"reason\": -1}");

		assertRefusedFor(refused, "reason");
		assertThat(this.api.get("/api/v1/certificates/" + certificate.number() + "/verification")
			.json()
			.get("revoked")
			.asBoolean()).isFalse();
	}

	private static void assertRefusedFor(Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("errors").findValuesAsString("field")).as(response.body()).contains(field);
	}

	private long notificationsOf(Person person) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE account_id = :id")
			.param("id", person.id())
			.query(Long.class)
			.single();
	}

	private boolean isBrand(UUID project) {
		return this.jdbc.sql("SELECT brand FROM project WHERE id = :id")
			.param("id", project)
			.query(Boolean.class)
			.single();
	}

}
