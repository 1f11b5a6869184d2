package org.zhiyuan.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.zhiyuan.support.Api.Response;

/**
 * One request exactly as the suites mean it: any method, any content type, any bytes,
 * even a body that is not JSON at all.
 */
record Exchange(String description, String method, String path, String contentType, byte[] body,
		Map<String, String> headers) {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	static Exchange json(String description, String method, String path, String json) {
		return new Exchange(description, method, path, "application/json", json.getBytes(StandardCharsets.UTF_8),
				Map.of());
	}

	/**
	 * A multipart form with plain fields and, when {@code fileBytes} is given, a file
	 * part named {@code file}.
	 */
	static Exchange multipart(String description, String path, byte[] fileBytes, Map<String, String> fields) {
		return multipart(description, "POST", path, fileBytes, fields);
	}

	/** A multipart form sent with another method than POST (PUT, for a replaced file). */
	static Exchange multipart(String description, String method, String path, byte[] fileBytes,
			Map<String, String> fields) {
		String boundary = "fault-boundary-7d3f";
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		if (fileBytes != null) {
			body.writeBytes(
					("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"import.xlsx\""
							+ "\r\nContent-Type: application/octet-stream\r\n\r\n")
						.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(fileBytes);
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return new Exchange(description, method, path, "multipart/form-data; boundary=" + boundary, body.toByteArray(),
				Map.of());
	}

	static Exchange empty(String description, String method, String path) {
		return new Exchange(description, method, path, null, null, Map.of());
	}

	Exchange withHeaders(Map<String, String> more) {
		return new Exchange(this.description, this.method, this.path, this.contentType, this.body, more);
	}

	Response send(int port, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + this.path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept-Language", "en");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (this.contentType != null) {
			request.header("Content-Type", this.contentType);
		}
		this.headers.forEach(request::header);
		request.method(this.method, (this.body != null) ? HttpRequest.BodyPublishers.ofByteArray(this.body)
				: HttpRequest.BodyPublishers.noBody());
		try {
			HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException ex) {
			throw new IllegalStateException(this.method + " " + this.path + " (" + this.description + ") failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return this.method + " " + abbreviate(this.path) + " — " + this.description;
	}

	static String abbreviate(String text) {
		return (text.length() > 160) ? text.substring(0, 160) + "…(" + text.length() + " chars)" : text;
	}

}
