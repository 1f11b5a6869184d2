package org.zhiyuan.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries to a receiver on this computer (private addresses allowed for the test's
 * duration): signed after Standard Webhooks, an event of the endpoint's region or below
 * delivered and one of another region not, a 500 retried with the same webhook-id, a 410
 * disabling the endpoint, the retry schedule run to its end (time driven, not waited for)
 * disabling it, both signatures during a rotation, a replay as a new attempt of the same
 * message, and an address refused at delivery time once private addresses are not
 * allowed. Regions 5403xx (吴忠市).
 */
class WebhookDeliveryApiTests extends ApiTestSupport {

	private static final String CITY = "540300";

	private static final String DISTRICT = "540302";

	private static final String OTHER_DISTRICT = "540321";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	WebhookSettings settings;

	@Autowired
	WebhookSender sender;

	@Autowired
	JdbcClient jdbc;

	private HttpServer server;

	private final List<Received> received = new ArrayList<>();

	private final Deque<Integer> answers = new ArrayDeque<>();

	private int fallback = 200;

	/** The endpoint registered for each receiver path. */
	private final Map<String, UUID> endpoints = new java.util.HashMap<>();

	record Received(String path, String id, String timestamp, String signature, String contentType, String body) {

	}

	@BeforeEach
	void receiver() throws IOException {
		this.settings.allowPrivateAddresses(true);
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			int status;
			synchronized (this) {
				this.received.add(new Received(exchange.getRequestURI().getPath(),
						exchange.getRequestHeaders().getFirst("webhook-id"),
						exchange.getRequestHeaders().getFirst("webhook-timestamp"),
						exchange.getRequestHeaders().getFirst("webhook-signature"),
						exchange.getRequestHeaders().getFirst("content-type"), body));
				status = this.answers.isEmpty() ? this.fallback : this.answers.poll();
			}
			byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.settings.allowPrivateAddresses(false);
		this.server.stop(0);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	private Api operatorOf(String region) {
		return new Api("http://localhost:" + this.port).as(this.fixtures.tokenFor(this.fixtures.anOperatorOf(region)));
	}

	private JsonNode register(Api operator, String region, String path, String... events) {
		Response created = operator.post("/api/v1/webhooks",
				Map.of("url", url(path), "events", List.of(events), "regionCode", region));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("secret").asString()).startsWith("whsec_");
		this.endpoints.put(path, UUID.fromString(created.json().get("id").asString()));
		return created.json();
	}

	private synchronized List<Received> at(String path) {
		return this.received.stream().filter((r) -> r.path().equals(path)).toList();
	}

	/**
	 * Runs the sender (as the scheduler would, which may also get there first) until the
	 * receiver has {@code count} requests at the path.
	 */
	private List<Received> awaitRequests(String path, int count) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (at(path).size() < count && System.nanoTime() < until) {
			this.sender.deliverDue(Webhooks.now(), this.endpoints.get(path));
			Thread.sleep(100);
		}
		assertThat(at(path)).hasSize(count);
		return at(path);
	}

	private JsonNode deliveries(Api operator, String webhookId) {
		Response log = operator.get("/api/v1/webhooks/" + webhookId + "/deliveries");
		assertThat(log.status()).as(log.body()).isEqualTo(200);
		return log.json().get("items");
	}

	private static String sign(String secret, String id, String timestamp, String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		return "v1," + Base64.getEncoder()
			.encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void anEventOfTheRegionIsDeliveredSignedAndOneOfAnotherRegionIsNot() throws Exception {
		Api operator = operatorOf(DISTRICT);
		JsonNode webhook = register(operator, DISTRICT, "/signed", "volunteer.registered");
		String secret = webhook.get("secret").asString();

		Person inside = this.fixtures.aVolunteerIn(DISTRICT);
		Person outside = this.fixtures.aVolunteerIn(OTHER_DISTRICT);
		Received request = awaitRequests("/signed", 1).get(0);
		Thread.sleep(300);
		this.sender.deliverDue(Webhooks.now(), this.endpoints.get("/signed"));
		assertThat(at("/signed")).as("the other district's volunteer is not sent").hasSize(1);

		assertThat(request.id()).startsWith("msg_");
		assertThat(request.contentType()).startsWith("application/json");
		long timestamp = Long.parseLong(request.timestamp());
		assertThat(Math.abs(timestamp - OffsetDateTime.now().toEpochSecond())).isLessThan(120);
		assertThat(request.signature()).isEqualTo(sign(secret, request.id(), request.timestamp(), request.body()));
		JsonNode payload = JSON.readTree(request.body());
		assertThat(payload.get("type").asString()).isEqualTo("volunteer.registered");
		assertThat(payload.get("timestamp").asString()).endsWith("Z");
		assertThat(payload.get("data").get("volunteerId").asString()).isEqualTo(inside.volunteerId().toString());
		assertThat(payload.get("data").get("regionCode").asString()).isEqualTo(DISTRICT);
		assertThat(request.body()).as("no personal data")
			.doesNotContain(inside.idNumber())
			.doesNotContain(inside.username())
			.doesNotContain("测试志愿者")
			.doesNotContain(outside.volunteerId().toString());

		JsonNode log = deliveries(operator, webhook.get("id").asString());
		assertThat(log).hasSize(1);
		assertThat(log.get(0).get("status").asString()).isEqualTo("DELIVERED");
		assertThat(log.get(0).get("messageId").asString()).isEqualTo(request.id());
		assertThat(log.get(0).get("attemptLog").get(0).get("statusCode").asInt()).isEqualTo(200);

		// a city's endpoint gets its districts' events
		JsonNode city = register(operatorOf(CITY), CITY, "/city", "volunteer.registered");
		this.fixtures.aVolunteerIn(OTHER_DISTRICT);
		assertThat(awaitRequests("/city", 1).get(0).signature()).startsWith("v1,")
			.isEqualTo(sign(city.get("secret").asString(), at("/city").get(0).id(), at("/city").get(0).timestamp(),
					at("/city").get(0).body()));
	}

	@Test
	void aFailureIsRetriedWithTheSameIdAndA410DisablesTheEndpoint() throws Exception {
		Api operator = operatorOf(DISTRICT);
		JsonNode webhook = register(operator, DISTRICT, "/retried", "volunteer.registered");
		String id = webhook.get("id").asString();
		synchronized (this) {
			this.answers.add(500);
		}
		Response ping = operator.post("/api/v1/webhooks/" + id + "/test", Map.of());
		assertThat(ping.status()).as(ping.body()).isEqualTo(202);
		awaitRequests("/retried", 1);
		JsonNode first = deliveries(operator, id).get(0);
		assertThat(first.get("status").asString()).isEqualTo("PENDING");
		assertThat(first.get("lastStatusCode").asInt()).isEqualTo(500);
		OffsetDateTime next = OffsetDateTime.parse(first.get("nextAttemptAt").asString());
		OffsetDateTime last = OffsetDateTime.parse(first.get("lastAttemptAt").asString());
		assertThat(Duration.between(last, next)).isEqualTo(Duration.ofSeconds(5));

		this.sender.deliverDue(next, UUID.fromString(id));
		List<Received> both = at("/retried");
		assertThat(both).hasSize(2);
		assertThat(both.get(1).id()).isEqualTo(both.get(0).id());
		JsonNode delivered = deliveries(operator, id).get(0);
		assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
		assertThat(delivered.get("attempts").asInt()).isEqualTo(2);
		assertThat(JSON.readTree(both.get(0).body()).get("type").asString()).isEqualTo("webhook.test");

		// 410: disabled at once, nothing more is recorded or sent
		synchronized (this) {
			this.answers.add(410);
		}
		operator.post("/api/v1/webhooks/" + id + "/test", Map.of());
		awaitRequests("/retried", 3);
		JsonNode gone = operator.get("/api/v1/webhooks/" + id).json();
		assertThat(gone.get("enabled").asBoolean()).isFalse();
		assertThat(gone.get("disabledReason").asString()).isEqualTo("GONE");
		assertThat(deliveries(operator, id).get(0).get("status").asString()).isEqualTo("FAILED");
		assertThat(operator.post("/api/v1/webhooks/" + id + "/test", Map.of()).problemCode())
			.isEqualTo("WEBHOOK_DISABLED");
		this.fixtures.aVolunteerIn(DISTRICT);
		this.sender.deliverDue(Webhooks.now().plusDays(4), UUID.fromString(id));
		assertThat(at("/retried")).hasSize(3);
		assertThat(deliveries(operator, id)).as("nothing recorded while disabled").hasSize(2);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM notification n JOIN webhook_endpoint e"
					+ " ON e.created_by = n.account_id WHERE e.id = :id AND n.message_key = 'notice.webhook.disabled'")
			.param("id", UUID.fromString(id))
			.query(Long.class)
			.single()).as("the operator is told").isEqualTo(1);

		// enabled again: sent again
		assertThat(operator.post("/api/v1/webhooks/" + id + "/enable", Map.of()).json().get("enabled").asBoolean())
			.isTrue();
		this.fixtures.aVolunteerIn(DISTRICT);
		awaitRequests("/retried", 4);
	}

	@Test
	void theRetriesFollowTheScheduleAndTheLastFailureDisablesTheEndpoint() throws Exception {
		Api operator = operatorOf(DISTRICT);
		JsonNode webhook = register(operator, DISTRICT, "/failing", "organization.status_changed");
		String id = webhook.get("id").asString();
		this.fallback = 503;
		operator.post("/api/v1/webhooks/" + id + "/test", Map.of());
		awaitRequests("/failing", 1);
		List<Duration> waits = new ArrayList<>();
		for (int attempt = 2; attempt <= WebhookSettings.MAX_ATTEMPTS; attempt++) {
			JsonNode delivery = deliveries(operator, id).get(0);
			assertThat(delivery.get("status").asString()).isEqualTo("PENDING");
			OffsetDateTime next = OffsetDateTime.parse(delivery.get("nextAttemptAt").asString());
			waits.add(Duration.between(OffsetDateTime.parse(delivery.get("lastAttemptAt").asString()), next));
			this.sender.deliverDue(next.minusSeconds(1), UUID.fromString(id));
			assertThat(at("/failing")).as("not before its time").hasSize(attempt - 1);
			this.sender.deliverDue(next, UUID.fromString(id));
			assertThat(at("/failing")).hasSize(attempt);
		}
		assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
				Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14),
				Duration.ofHours(20), Duration.ofHours(24));
		assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus)).isBetween(Duration.ofHours(75),
				Duration.ofHours(76));
		JsonNode failed = deliveries(operator, id).get(0);
		assertThat(failed.get("status").asString()).isEqualTo("FAILED");
		assertThat(failed.get("attempts").asInt()).isEqualTo(10);
		assertThat(failed.get("attemptLog")).hasSize(10);
		assertThat(failed.get("attemptLog").get(0).get("statusCode").asInt()).isEqualTo(503);
		assertThat(failed.has("nextAttemptAt") && !failed.get("nextAttemptAt").isNull()).isFalse();
		JsonNode disabled = operator.get("/api/v1/webhooks/" + id).json();
		assertThat(disabled.get("enabled").asBoolean()).isFalse();
		assertThat(disabled.get("disabledReason").asString()).isEqualTo("FAILING");
		assertThat(at("/failing").stream().map(Received::id).distinct()).hasSize(1);
	}

	@Test
	void aRotationSignsWithBothSecretsAndAReplayIsANewAttemptOfTheSameMessage() throws Exception {
		Api operator = operatorOf(DISTRICT);
		JsonNode webhook = register(operator, DISTRICT, "/rotated", "activity.published");
		String id = webhook.get("id").asString();
		String old = webhook.get("secret").asString();
		Response rotated = operator.post("/api/v1/webhooks/" + id + "/secret", Map.of());
		assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
		String secret = rotated.json().get("secret").asString();
		assertThat(secret).startsWith("whsec_").isNotEqualTo(old);
		assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
		assertThat(rotated.json().get("previousSecretValidUntil").isNull()).isFalse();
		assertThat(this.jdbc.sql("SELECT secret_sealed FROM webhook_endpoint WHERE id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.single()).as("sealed at rest").doesNotContain(secret.substring(6));

		operator.post("/api/v1/webhooks/" + id + "/test", Map.of());
		Received request = awaitRequests("/rotated", 1).get(0);
		String[] signatures = request.signature().split(" ");
		assertThat(signatures).containsExactly(sign(secret, request.id(), request.timestamp(), request.body()),
				sign(old, request.id(), request.timestamp(), request.body()));

		String delivery = deliveries(operator, id).get(0).get("id").asString();
		Response replay = operator.post("/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/replay", Map.of());
		assertThat(replay.status()).as(replay.body()).isEqualTo(202);
		assertThat(replay.json().get("replayOf").asString()).isEqualTo(delivery);
		List<Received> both = awaitRequests("/rotated", 2);
		assertThat(both.get(1).id()).isEqualTo(request.id());
		assertThat(both.get(1).body()).isEqualTo(request.body());
		assertThat(both.get(1).signature().split(" ")[0])
			.isEqualTo(sign(secret, request.id(), both.get(1).timestamp(), both.get(1).body()));
		JsonNode log = deliveries(operator, id);
		assertThat(log).hasSize(2);
		assertThat(log.get(0).get("messageId").asString()).isEqualTo(log.get(1).get("messageId").asString());
		assertThat(log.get(0).get("status").asString()).isEqualTo("DELIVERED");

		Response unknown = operator.post("/api/v1/webhooks/" + id + "/deliveries/" + UUID.randomUUID() + "/replay",
				Map.of());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.problemCode()).isEqualTo("DELIVERY_NOT_FOUND");

		// the log keeps ended deliveries for a while, then forgets them and their message
		this.sender.purge(Webhooks.now().minusDays(30));
		assertThat(deliveries(operator, id)).hasSize(2);
		this.sender.purge(Webhooks.now().plusSeconds(1));
		assertThat(deliveries(operator, id)).isEmpty();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM webhook_message WHERE id = :id")
			.param("id", request.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aPrivateAddressIsRefusedAtDeliveryTimeOnceTheInstallationDoesNotAllowIt() throws Exception {
		Api operator = operatorOf(DISTRICT);
		JsonNode webhook = register(operator, DISTRICT, "/refused", "activity.cancelled");
		String id = webhook.get("id").asString();
		this.settings.allowPrivateAddresses(false);
		assertThat(operator.post("/api/v1/webhooks/" + id + "/test", Map.of()).status()).isEqualTo(202);
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		JsonNode delivery = deliveries(operator, id).get(0);
		while (delivery.get("attempts").asInt() == 0 && System.nanoTime() < until) {
			this.sender.deliverDue(Webhooks.now(), UUID.fromString(id));
			Thread.sleep(100);
			delivery = deliveries(operator, id).get(0);
		}
		assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
		assertThat(delivery.get("lastError").asString()).isEqualTo("FORBIDDEN_ADDRESS");
		assertThat(delivery.get("status").asString()).isEqualTo("PENDING");
		assertThat(at("/refused")).isEmpty();
	}

}
