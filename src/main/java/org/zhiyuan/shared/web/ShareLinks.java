package org.zhiyuan.shared.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Builds the share cards of public pages ({@link ShareCard}): absolute addresses come
 * only from the configured {@code zhiyuan.public-url} (or the older
 * {@code zhiyuan.certificate.public-url}); when neither is set the card carries no
 * address and no image rather than one taken from the request. A page puts the card in
 * its model as {@code share}; the layout writes it with {@code fragments/share}.
 */
@Component
public class ShareLinks {

	/** The platform's default share image (600 × 600 PNG). */
	public static final String DEFAULT_IMAGE = "/img/share.png";

	private static final int DESCRIPTION_LENGTH = 120;

	private final Environment environment;

	public ShareLinks(Environment environment) {
		this.environment = environment;
	}

	/**
	 * The configured public address without a trailing slash, or empty when it is not set
	 * or not an http(s) address. Read on each call.
	 */
	public Optional<String> base() {
		String value = this.environment.getProperty("zhiyuan.public-url");
		if (value == null || value.isBlank()) {
			value = this.environment.getProperty("zhiyuan.certificate.public-url");
		}
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		value = value.strip();
		try {
			URI uri = new URI(value);
			if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
					|| uri.getQuery() != null || uri.getFragment() != null) {
				return Optional.empty();
			}
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
		return Optional.of(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
	}

	/**
	 * The absolute address of a path of this platform, or {@code null} without a base.
	 */
	public String absolute(String path) {
		if (path == null) {
			return null;
		}
		return base().map((b) -> b + (path.startsWith("/") ? path : "/" + path)).orElse(null);
	}

	/**
	 * A card for a page.
	 * @param title the title (the page's own)
	 * @param description plain text, shortened to 120 characters
	 * @param path the page's path, e.g. {@code /stories/…}
	 * @param imagePath an image's path (at least 300 px), or {@code null} for the default
	 * @param type {@code website} or {@code article}
	 */
	public ShareCard card(String title, String description, String path, String imagePath, String type) {
		return new ShareCard(title, shorten(description), absolute(path),
				absolute((imagePath != null) ? imagePath : DEFAULT_IMAGE), type);
	}

	private static String shorten(String text) {
		if (text == null) {
			return "";
		}
		String plain = text.replaceAll("\\s+", " ").strip();
		return (plain.length() > DESCRIPTION_LENGTH) ? plain.substring(0, DESCRIPTION_LENGTH - 1) + "…" : plain;
	}

}
