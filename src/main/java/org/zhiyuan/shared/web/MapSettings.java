package org.zhiyuan.shared.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * The map settings as the pages read them ({@code ${@maps.tilesOn()}}) and as the content
 * security policy needs them: the tile service's origin is the one place beyond the
 * platform that a page may load images from.
 */
@Component("maps")
public class MapSettings {

	private final MapProperties properties;

	public MapSettings(MapProperties properties) {
		this.properties = properties;
	}

	public MapProperties properties() {
		return this.properties;
	}

	/** Whether the maps load tiles at all. */
	public boolean tilesOn() {
		return !this.properties.tileUrl().isEmpty();
	}

	/**
	 * The origin that tiles come from, for {@code img-src} ({@code {s}} subdomains as a
	 * wildcard); {@code null} when there are no tiles or they come from the platform
	 * itself.
	 */
	public String tileOrigin() {
		String url = this.properties.tileUrl();
		if (url.isEmpty() || url.startsWith("/")) {
			return null;
		}
		try {
			URI uri = URI.create(url.replace("{s}", "subdomain").replaceAll("\\{[^}]*}", "0"));
			if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
				return null;
			}
			String host = uri.getHost().toLowerCase(Locale.ROOT);
			if (host.contains("subdomain")) {
				// a policy takes a wildcard only as the whole first label
				host = "*" + host.substring(host.indexOf('.'));
			}
			return uri.getScheme() + "://" + host + ((uri.getPort() > 0) ? ":" + uri.getPort() : "");
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The "open in a map app" link for a point. */
	public String link(Double lat, Double lng, String label) {
		if (lat == null || lng == null) {
			return null;
		}
		return this.properties.linkUrl()
			.replace("{lat}", coordinate(lat))
			.replace("{lng}", coordinate(lng))
			.replace("{label}", URLEncoder.encode((label != null) ? label : "", StandardCharsets.UTF_8));
	}

	/** A coordinate as the pages write it: six decimals, about ten centimetres. */
	public String coordinate(Double value) {
		return (value != null) ? String.format(Locale.ROOT, "%.6f", value) : "";
	}

}
