package org.zhiyuan.map;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zhiyuan.shared.web.MapProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The geocoder client against a Nominatim-like server on this machine: what it sends,
 * what it reads, and that a slow, failing or odd answer means no places, never an error.
 */
class GeocoderUnitTests {

	private HttpServer server;

	private final AtomicReference<String> asked = new AtomicReference<>();

	private final AtomicReference<String> userAgent = new AtomicReference<>();

	private volatile int status = 200;

	private volatile String answer = "[]";

	private volatile long delayMillis;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/search", (exchange) -> {
			this.asked.set(exchange.getRequestURI().getRawQuery());
			this.userAgent.set(exchange.getRequestHeaders().getFirst("User-Agent"));
			try {
				Thread.sleep(this.delayMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			byte[] body = this.answer.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(this.status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void readsNominatimPlacesAndSendsOnlyTheText() {
		this.answer = """
				[{"lat": "39.9087000", "lon": "116.4445000", "name": "建外街道社区服务站",
				  "display_name": "建外街道社区服务站, 建外街道, 朝阳区, 北京市, 中国"},
				 {"lat": "39.91", "lon": "116.45", "display_name": "永安里, 朝阳区, 北京市"},
				 {"lat": "not a number", "lon": "116.45", "display_name": "bad"},
				 {"lat": "95", "lon": "116.45", "display_name": "off the earth"}]
				""";
		List<Place> places = geocoder(Duration.ofSeconds(3)).search("建外 服务站", Locale.SIMPLIFIED_CHINESE, 5);
		assertThat(places).extracting(Place::name).containsExactly("建外街道社区服务站", "永安里");
		assertThat(places.get(0).lat()).isEqualTo(39.9087);
		assertThat(places.get(0).lng()).isEqualTo(116.4445);
		assertThat(places.get(0).source()).isEqualTo(PlaceSource.GEOCODER);
		assertThat(places.get(0).address()).startsWith("建外街道社区服务站, 建外街道");
		assertThat(this.asked.get())
			.isEqualTo("q=%E5%BB%BA%E5%A4%96+%E6%9C%8D%E5%8A%A1%E7%AB%99&format=jsonv2&limit=5&accept-language=zh-CN");
		assertThat(this.userAgent.get()).startsWith("Zhiyuan");
	}

	@Test
	void aSlowGeocoderGivesNoPlaces() {
		this.delayMillis = 4000;
		this.answer = "[{\"lat\": \"39.9\", \"lon\": \"116.4\", \"display_name\": \"late\"}]";
		long started = System.nanoTime();
		assertThat(geocoder(Duration.ofMillis(300)).search("late", Locale.ENGLISH, 5)).isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3500));
	}

	@Test
	void aFailingOrOddAnswerGivesNoPlaces() {
		this.status = 503;
		assertThat(geocoder(Duration.ofSeconds(3)).search("x y", Locale.ENGLISH, 5)).isEmpty();
		this.status = 200;
		this.answer = "{\"error\": \"not a list\"}";
		assertThat(geocoder(Duration.ofSeconds(3)).search("x y", Locale.ENGLISH, 5)).isEmpty();
		this.answer = "<html>not json</html>";
		assertThat(geocoder(Duration.ofSeconds(3)).search("x y", Locale.ENGLISH, 5)).isEmpty();
	}

	@Test
	void withoutAnAddressItAsksNobody() {
		Geocoder none = new Geocoder(new MapProperties("", "", null, null, null, null, null, "", null));
		assertThat(none.configured()).isFalse();
		assertThat(none.search("建外", Locale.SIMPLIFIED_CHINESE, 5)).isEmpty();
		Geocoder notHttp = new Geocoder(
				new MapProperties("", "", null, null, null, null, null, "file:///etc/passwd", null));
		assertThat(notHttp.configured()).isFalse();
		assertThat(this.asked.get()).isNull();
	}

	private Geocoder geocoder(Duration timeout) {
		String url = "http://127.0.0.1:" + this.server.getAddress().getPort() + "/search";
		return new Geocoder(new MapProperties("", "", null, null, null, null, null, url, timeout));
	}

}
