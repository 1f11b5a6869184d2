package org.zhiyuan.signup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Concurrently;
import org.zhiyuan.support.Concurrently.Call;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiyuan.support.ActivityFixtures.anActivity;

/**
 * Hundreds of volunteers sign up for a few places at the same moment, over HTTP, on each
 * database: exactly the capacity is accepted, never one more, and the counter always
 * equals the sign-ups holding a place.
 */
class SignupConcurrencyApiTests extends SignupTestSupport {

	private static final int VOLUNTEERS = 300;

	private static final int PLACES = 7;

	@Test
	void neverAcceptsMoreThanTheCapacityUnderASignupStorm() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Map<String, Object> body = anActivity(team.id().toString(), PLACES);
		body.put("waitlist", false);
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		var created = admin.post("/api/v1/activities", body).json();
		String activityId = created.get("id").asString();
		String positionId = created.get("positions").get(0).get("id").asString();
		admin.post("/api/v1/activities/" + activityId + "/publish", Map.of());
		List<String> tokens = new ArrayList<>();
		for (Person person : this.fixtures.manyVolunteersIn("110105001", VOLUNTEERS)) {
			tokens.add(this.fixtures.tokenFor(person));
		}

		List<Integer> statuses = Concurrently.postByEach(this.port, tokens,
				"/api/v1/activities/" + activityId + "/signups", "{\"positionId\":\"" + positionId + "\"}");

		assertThat(statuses).filteredOn((s) -> s == 201).hasSize(PLACES);
		assertThat(statuses).filteredOn((s) -> s == 409).hasSize(VOLUNTEERS - PLACES);
		assertThat(accepted(positionId)).isEqualTo(PLACES);
		assertThat(holdingPlaces(positionId)).isEqualTo(PLACES);
	}

	@Test
	void keepsTheWaitingListExactWhileVolunteersCancelConcurrently() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		var created = admin.post("/api/v1/activities", anActivity(team.id().toString(), PLACES)).json();
		String activityId = created.get("id").asString();
		String positionId = created.get("positions").get(0).get("id").asString();
		admin.post("/api/v1/activities/" + activityId + "/publish", Map.of());
		List<String> tokens = new ArrayList<>();
		for (Person person : this.fixtures.manyVolunteersIn("110105001", 60)) {
			tokens.add(this.fixtures.tokenFor(person));
		}
		List<Integer> statuses = Concurrently.postByEach(this.port, tokens,
				"/api/v1/activities/" + activityId + "/signups", "{\"positionId\":\"" + positionId + "\"}");
		assertThat(statuses).containsOnly(201);
		assertThat(accepted(positionId)).isEqualTo(PLACES);

		List<UUID> approved = this.jdbc.sql("SELECT id FROM signup WHERE position_id = :p AND status = 'APPROVED'")
			.param("p", UUID.fromString(positionId))
			.query(UUID.class)
			.list();
		List<String> cancelTokens = new ArrayList<>();
		List<String> cancelPaths = new ArrayList<>();
		for (UUID signup : approved) {
			UUID account = this.jdbc
				.sql("SELECT v.account_id FROM signup s JOIN volunteer v ON v.id = s.volunteer_id WHERE s.id = :id")
				.param("id", signup)
				.query(UUID.class)
				.single();
			cancelTokens.add(this.fixtures.tokenFor(new Person(account, null, null, null, null)));
			cancelPaths.add("/api/v1/signups/" + signup);
		}
		List<Call> cancelCalls = new ArrayList<>();
		for (int i = 0; i < cancelTokens.size(); i++) {
			cancelCalls.add(Call.delete(cancelTokens.get(i), cancelPaths.get(i)));
		}
		List<Integer> cancels = Concurrently.statuses(this.port, cancelCalls);
		assertThat(cancels).containsOnly(200);
		assertThat(accepted(positionId)).as("every freed place went to the next in line").isEqualTo(PLACES);
		assertThat(holdingPlaces(positionId)).isEqualTo(PLACES);
		assertThat(waiting(positionId)).isEqualTo(60 - 2L * PLACES);
	}

	@Test
	void givesPlacesInBatchesWithoutLosingADoubleSignup() throws Exception {
		int volunteers = 120;
		int places = 45;
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		var created = admin.post("/api/v1/activities", anActivity(team.id().toString(), places)).json();
		String activityId = created.get("id").asString();
		String positionId = created.get("positions").get(0).get("id").asString();
		admin.post("/api/v1/activities/" + activityId + "/publish", Map.of());
		List<String> tokens = new ArrayList<>();
		for (Person person : this.fixtures.manyVolunteersIn("110105001", volunteers)) {
			String token = this.fixtures.tokenFor(person);
			// every volunteer taps twice: both requests race into the same batches
			tokens.add(token);
			tokens.add(token);
		}

		List<Integer> statuses = Concurrently.postByEach(this.port, tokens,
				"/api/v1/activities/" + activityId + "/signups", "{\"positionId\":\"" + positionId + "\"}");

		assertThat(statuses).filteredOn((s) -> s == 201).hasSize(volunteers);
		assertThat(statuses).filteredOn((s) -> s == 409).hasSize(volunteers);
		assertThat(accepted(positionId)).isEqualTo(places);
		assertThat(holdingPlaces(positionId)).isEqualTo(places);
		assertThat(waiting(positionId)).isEqualTo(volunteers - places);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'signup.create' AND object_id IN"
					+ " (SELECT CAST(id AS VARCHAR(36)) FROM signup WHERE position_id = :p)")
			.param("p", UUID.fromString(positionId))
			.query(Long.class)
			.single()).as("one audit entry for each sign-up written").isEqualTo(volunteers);
	}

}
