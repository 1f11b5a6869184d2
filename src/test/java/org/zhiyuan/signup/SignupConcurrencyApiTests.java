package org.zhiyuan.signup;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiyuan.support.ActivityFixtures.anActivity;

/**
 * Hundreds of volunteers sign up for a few places at the same moment, over HTTP, on each
 * database: exactly the capacity is accepted, never one more, and the counter always
 * equals the sign-ups holding a place.
 */
class SignupConcurrencyApiTests extends ApiTestSupport {

	private static final int VOLUNTEERS = 300;

	private static final int PLACES = 7;

	@Autowired
	JdbcClient jdbc;

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

		List<Integer> statuses = storm(tokens, "/api/v1/activities/" + activityId + "/signups",
				"{\"positionId\":\"" + positionId + "\"}");

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
		List<Integer> statuses = storm(tokens, "/api/v1/activities/" + activityId + "/signups",
				"{\"positionId\":\"" + positionId + "\"}");
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
		List<Integer> cancels = stormDelete(cancelTokens, cancelPaths);
		assertThat(cancels).containsOnly(200);
		assertThat(accepted(positionId)).as("every freed place went to the next in line").isEqualTo(PLACES);
		assertThat(holdingPlaces(positionId)).isEqualTo(PLACES);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM signup WHERE position_id = :p AND status = 'WAITLISTED'")
			.param("p", UUID.fromString(positionId))
			.query(Long.class)
			.single()).isEqualTo(60 - 2L * PLACES);
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

		List<Integer> statuses = storm(tokens, "/api/v1/activities/" + activityId + "/signups",
				"{\"positionId\":\"" + positionId + "\"}");

		assertThat(statuses).filteredOn((s) -> s == 201).hasSize(volunteers);
		assertThat(statuses).filteredOn((s) -> s == 409).hasSize(volunteers);
		assertThat(accepted(positionId)).isEqualTo(places);
		assertThat(holdingPlaces(positionId)).isEqualTo(places);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM signup WHERE position_id = :p AND status = 'WAITLISTED'")
			.param("p", UUID.fromString(positionId))
			.query(Long.class)
			.single()).isEqualTo(volunteers - places);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'signup.create' AND object_id IN"
					+ " (SELECT CAST(id AS VARCHAR(36)) FROM signup WHERE position_id = :p)")
			.param("p", UUID.fromString(positionId))
			.query(Long.class)
			.single()).as("one audit entry for each sign-up written").isEqualTo(volunteers);
	}

	private List<Integer> storm(List<String> tokens, String path, String body) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		ExecutorService pool = Executors.newFixedThreadPool(64);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (String token : tokens) {
				calls.add(() -> {
					start.await();
					HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
						.header("Authorization", "Bearer " + token)
						.header("Content-Type", "application/json")
						.timeout(Duration.ofSeconds(60))
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build();
					return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
				});
			}
			List<Future<Integer>> futures = new ArrayList<>();
			for (Callable<Integer> call : calls) {
				futures.add(pool.submit(call));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> future : futures) {
				statuses.add(future.get());
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private List<Integer> stormDelete(List<String> tokens, List<String> paths) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Integer>> futures = new ArrayList<>();
			for (int i = 0; i < tokens.size(); i++) {
				String token = tokens.get(i);
				String path = paths.get(i);
				futures.add(pool.submit(() -> {
					start.await();
					return client
						.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
							.header("Authorization", "Bearer " + token)
							.DELETE()
							.build(), HttpResponse.BodyHandlers.discarding())
						.statusCode();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> future : futures) {
				statuses.add(future.get());
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private int accepted(String positionId) {
		return this.jdbc.sql("SELECT accepted FROM activity_position WHERE id = :id")
			.param("id", UUID.fromString(positionId))
			.query(Integer.class)
			.single();
	}

	private long holdingPlaces(String positionId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM signup WHERE position_id = :id AND holds_place = TRUE")
			.param("id", UUID.fromString(positionId))
			.query(Long.class)
			.single();
	}

}
