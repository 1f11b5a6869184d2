package org.zhiyuan.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's API over HTTP/1.1 with Java's HttpClient: JSON in and out, bearer
 * tokens, and the time each exchange took from sending to the last byte of the answer.
 */
final class Http {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client;

	private final String base;

	Http(String base) {
		this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		// the client keeps its own executor: a bounded pool of workers blocked in send()
		// must never be the one its answers wait for
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	Reply get(String path, String token) {
		return send(request(path, token).GET());
	}

	Reply post(String path, String token, Object body) {
		return post(path, token, Map.of(), body);
	}

	/** A POST with headers of its own, e.g. {@code Idempotency-Key}. */
	Reply post(String path, String token, Map<String, String> headers, Object body) {
		HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json");
		headers.forEach(request::header);
		return send(request.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	private HttpRequest.Builder request(String path, String token) {
		URI uri = URI.create(path.startsWith("http") ? path : this.base + path);
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(60))
			.header("Accept-Language", "en");
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private Reply send(HttpRequest.Builder request) {
		long started = System.nanoTime();
		try {
			HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Reply(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""), System.nanoTime() - started);
		}
		catch (IOException ex) {
			return new Reply(-1, ex.toString().getBytes(StandardCharsets.UTF_8), "", System.nanoTime() - started);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/**
	 * An answer: status ({@code -1} when no answer came), body, content type and time.
	 */
	record Reply(int status, byte[] body, String contentType, long nanos) {

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		/** The problem's {@code code}, or the status when the body is no problem+json. */
		String problemCode() {
			if (this.status < 0) {
				return "NO_ANSWER";
			}
			if (!this.contentType.contains("json")) {
				return Integer.toString(this.status);
			}
			try {
				return json().path("code").asString(Integer.toString(this.status));
			}
			catch (RuntimeException ex) {
				return Integer.toString(this.status);
			}
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
