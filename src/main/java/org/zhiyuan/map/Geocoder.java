package org.zhiyuan.map;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhiyuan.shared.web.MapProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * A Nominatim-compatible geocoder ({@code zhiyuan.map.geocoder-url}), asked by the server
 * only when one is configured: with the text the person typed into the place search and
 * nothing else (no account, no address of the person's, no cookie), and for at most the
 * configured time. Any failure means no places from it, never an error for the person.
 */
@Component
class Geocoder {

	private static final Logger log = LoggerFactory.getLogger(Geocoder.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_BODY = 512 * 1024;

	private final URI endpoint;

	private final Duration timeout;

	private final HttpClient client;

	Geocoder(MapProperties properties) {
		this.endpoint = endpointOf(properties.geocoderUrl());
		this.timeout = properties.geocoderTimeout();
		this.client = (this.endpoint != null) ? HttpClient.newBuilder()
			.connectTimeout(this.timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build() : null;
	}

	boolean configured() {
		return this.endpoint != null;
	}

	/** At most {@code limit} places for the text, in the given language. */
	List<Place> search(String text, Locale locale, int limit) {
		if (this.endpoint == null || limit < 1) {
			return List.of();
		}
		String query = this.endpoint.toString() + ((this.endpoint.getRawQuery() != null) ? "&" : "?") + "q="
				+ URLEncoder.encode(text, StandardCharsets.UTF_8) + "&format=jsonv2&limit=" + limit
				+ "&accept-language=" + (Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "zh-CN");
		HttpRequest request = HttpRequest.newBuilder(URI.create(query))
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.header("User-Agent", "Zhiyuan volunteer platform")
			.GET()
			.build();
		try {
			HttpResponse<byte[]> response = this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200 || response.body().length > MAX_BODY) {
				log.warn("The geocoder answered {} with {} bytes; the place search goes on without it",
						response.statusCode(), response.body().length);
				return List.of();
			}
			return placesOf(JSON.readTree(response.body()), limit);
		}
		catch (IOException | JacksonException ex) {
			log.warn("The geocoder did not answer ({}); the place search goes on without it",
					ex.getClass().getSimpleName());
			return List.of();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return List.of();
		}
	}

	private static List<Place> placesOf(JsonNode answer, int limit) {
		List<Place> places = new ArrayList<>();
		if (!answer.isArray()) {
			return places;
		}
		for (JsonNode item : answer) {
			Double lat = number(item.get("lat"));
			Double lng = number(item.get("lon"));
			String full = text(item.get("display_name"));
			if (lat == null || lng == null || lat < -90 || lat > 90 || lng < -180 || lng > 180 || full == null) {
				continue;
			}
			String name = text(item.get("name"));
			if (name == null) {
				name = full.split("[,，]")[0].strip();
			}
			places.add(new Place(cut(name, 200), cut(full, 400), null, lat, lng, PlaceSource.GEOCODER));
			if (places.size() == limit) {
				break;
			}
		}
		return places;
	}

	private static Double number(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isNumber()) {
			return node.doubleValue();
		}
		try {
			double value = Double.parseDouble(node.asString().strip());
			return Double.isFinite(value) ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String text(JsonNode node) {
		if (node == null || !node.isString() || node.asString().isBlank()) {
			return null;
		}
		return node.asString().strip();
	}

	private static String cut(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) : text;
	}

	private static URI endpointOf(String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		try {
			URI uri = new URI(url.strip());
			if (uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
				return uri;
			}
		}
		catch (java.net.URISyntaxException ex) {
			// reported below
		}
		log.warn("zhiyuan.map.geocoder-url is not an http(s) address; the place search answers from known places only");
		return null;
	}

}
