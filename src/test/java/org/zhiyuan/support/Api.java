package org.zhiyuan.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the tests: real requests against the running application, with
 * JSON bodies, bearer tokens, languages, and a cookie jar for the pages.
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient client;

	private String token;

	private String language = "zh-CN";

	private Map<String, String> headers = Map.of();

	public Api(String base) {
		this.base = base;
		CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		this.client = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	public Api as(String bearerToken) {
		Api copy = new Api(this.base);
		copy.token = bearerToken;
		copy.language = this.language;
		return copy;
	}

	/** The bearer token this client sends, if any. */
	public String token() {
		return this.token;
	}

	public Api in(String acceptLanguage) {
		Api copy = new Api(this.base);
		copy.token = this.token;
		copy.language = acceptLanguage;
		copy.headers = this.headers;
		return copy;
	}

	/** A client that sends this header with every request too. */
	public Api withHeader(String name, String value) {
		Api copy = new Api(this.base);
		copy.token = this.token;
		copy.language = this.language;
		java.util.Map<String, String> more = new java.util.HashMap<>(this.headers);
		more.put(name, value);
		copy.headers = Map.copyOf(more);
		return copy;
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	public Response post(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString((body instanceof String raw) ? raw : JSON.writeValueAsString(body))));
	}

	public Response postWithHeaders(String path, Object body, Map<String, String> headers) {
		HttpRequest.Builder builder = request(path);
		if (headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
			builder.header("Content-Type", "application/json");
		}
		headers.forEach(builder::header);
		return send(builder.POST(HttpRequest.BodyPublishers
			.ofString((body instanceof String raw) ? raw : JSON.writeValueAsString(body))));
	}

	/** Posts a multipart form with one file part and plain fields. */
	public Response postMultipart(String path, String fileField, String fileName, byte[] bytes,
			Map<String, String> fields) {
		return multipart("POST", path, fileField, fileName, bytes, fields);
	}

	/** Sends a multipart form with one file part and plain fields, with any method. */
	public Response multipart(String method, String path, String fileField, String fileName, byte[] bytes,
			Map<String, String> fields) {
		String boundary = "zhiyuan-" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
		fields.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(utf8)));
		if (bytes != null) {
			body.writeBytes(
					("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
							+ fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
						.getBytes(utf8));
			body.writeBytes(bytes);
			body.writeBytes("\r\n".getBytes(utf8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/**
	 * The page's CSRF token, for forms that {@link #submitForm} cannot post (multipart).
	 */
	public String csrfTokenOf(String page) {
		Matcher matcher = CSRF.matcher(get(page).body());
		return matcher.find() ? matcher.group(1) : "";
	}

	public Response send(String method, String path, Object body) {
		return send(request(path).header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	public Response send(String method, String path) {
		return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
	}

	/** Posts a page form, with the CSRF token taken from the page at {@code formPage}. */
	public Response submitForm(String formPage, String action, Map<String, String> fields) {
		Response page = get(formPage);
		Matcher matcher = CSRF.matcher(page.body());
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (matcher.find()) {
			all.put("_csrf", matcher.group(1));
		}
		return postForm(action, all);
	}

	public Response postForm(String action, Map<String, String> fields) {
		StringBuilder form = new StringBuilder();
		fields.forEach((key, value) -> {
			if (!form.isEmpty()) {
				form.append('&');
			}
			form.append(encode(key)).append('=').append(encode(value));
		});
		return send(request(action).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.toString())));
	}

	/** Signs in through the API and returns a client that sends the token. */
	public Api signIn(String username, String password) {
		Response response = post("/api/v1/auth/token", Map.of("username", username, "password", password));
		if (response.status() != 200) {
			throw new IllegalStateException("sign-in failed: " + response.status() + " " + response.body());
		}
		return as(response.json().get("accessToken").asString());
	}

	/** Downloads a binary body, such as a PDF. */
	public Download download(String path) {
		return download(path, null);
	}

	/** Downloads a binary body, asking for the media type ({@code Accept}) when given. */
	public Download download(String path, String accept) {
		try {
			HttpRequest.Builder builder = request(path).GET();
			if (accept != null) {
				builder.header("Accept", accept);
			}
			HttpResponse<byte[]> response = this.client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Download(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept-Language", this.language);
		if (this.token != null) {
			builder.header("Authorization", "Bearer " + this.token);
		}
		this.headers.forEach(builder::header);
		return builder;
	}

	private Response send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = this.client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	/** A binary response. */
	public record Download(int status, byte[] body, String contentType) {

	}

	/** A response with its body as text and, on demand, as JSON. */
	public record Response(int status, String body, Map<String, java.util.List<String>> headers) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		public String problemCode() {
			return json().path("code").asString();
		}

	}

}
