package org.zhiyuan.shared.web;

import java.net.URI;
import java.net.URISyntaxException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The platform's address as people reach it ({@code zhiyuan.public-url}, or the older
 * {@code zhiyuan.certificate.public-url}), for links that outlive the request: a
 * certificate's verification link and QR code, download links. It is never taken from a
 * request: the {@code Host} header is whatever the caller says. Without the setting,
 * links point to {@code http://localhost:<port>}, which a warning at start-up says.
 */
@Component
public class PublicUrl implements ApplicationListener<WebServerInitializedEvent> {

	private static final Logger log = LoggerFactory.getLogger(PublicUrl.class);

	private final String configured;

	private volatile String fallback;

	public PublicUrl(Environment environment) {
		String value = environment.getProperty("zhiyuan.public-url");
		if (value == null || value.isBlank()) {
			value = environment.getProperty("zhiyuan.certificate.public-url");
		}
		this.configured = (value != null && !value.isBlank()) ? checked(value.strip()) : null;
		this.fallback = "http://localhost:" + environment.getProperty("server.port", "8080");
	}

	/**
	 * The address without a trailing slash, e.g. {@code https://zhiyuan.example.gov.cn}.
	 */
	public String base() {
		return (this.configured != null) ? this.configured : this.fallback;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (this.configured != null || event.getApplicationContext().getServerNamespace() != null) {
			return;
		}
		this.fallback = "http://localhost:" + event.getWebServer().getPort();
		log.warn("zhiyuan.public-url is not set: links in certificates and their QR codes point to {}, which"
				+ " nobody else can reach. Set it to the platform's public address, e.g."
				+ " https://zhiyuan.example.gov.cn", this.fallback);
	}

	private static String checked(String value) {
		try {
			URI uri = new URI(value);
			if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
					|| uri.getQuery() != null || uri.getFragment() != null) {
				throw new URISyntaxException(value, "not an http(s) address");
			}
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(
					"zhiyuan.public-url must be an http(s) address such as https://zhiyuan.example.gov.cn", ex);
		}
		return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
	}

}
