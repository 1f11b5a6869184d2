package org.zhiyuan.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration and API tests: the whole application on a random port, on the
 * database chosen by {@link TestDatabases}. All such tests share one application context
 * per database, so keep configuration out of the subclasses. The maps load no tiles and
 * the place search asks no geocoder: nothing is fetched from beyond this machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zhiyuan.admin-password=" + ApiTestSupport.ADMIN_PASSWORD, "logging.level.root=WARN",
				"zhiyuan.home.figures-ttl=PT0S", "zhiyuan.map.tile-url=", "zhiyuan.map.geocoder-url=" })
@Tag("db")
@Import(Fixtures.class)
public abstract class ApiTestSupport {

	public static final String ADMIN_PASSWORD = "Admin-test-2026";

	@LocalServerPort
	protected int port;

	@Autowired
	protected Fixtures fixtures;

	protected Api api;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.register(registry);
	}

	@BeforeEach
	void connect() {
		this.api = new Api("http://localhost:" + this.port);
	}

}
