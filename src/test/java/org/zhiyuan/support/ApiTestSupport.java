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
 * per database, so keep configuration out of the subclasses. Besides the platform's
 * channels, notifications go to {@link SentMessages}, where tests read what an SMS would
 * have carried. The maps load no tiles and the place search asks no geocoder: nothing is
 * fetched from beyond this machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zhiyuan.admin-password=" + ApiTestSupport.ADMIN_PASSWORD, "logging.level.root=WARN",
				"zhiyuan.home.figures-ttl=PT0S", "zhiyuan.map.tile-url=", "zhiyuan.map.geocoder-url=",
				// every test calls from this computer: its address must not run out of
				// codes
				"zhiyuan.security.password-reset.codes-per-address-per-hour=100000",
				"zhiyuan.security.password-reset.attempts-per-address-per-hour=100000",
				// a statistics build on H2 reads the records in many steps, as at scale
				"zhiyuan.stats.build-step=37" })
@Tag("db")
@Import({ Fixtures.class, SentMessages.class })
public abstract class ApiTestSupport {

	public static final String ADMIN_PASSWORD = "Admin-test-2026";

	@LocalServerPort
	protected int port;

	@Autowired
	protected Fixtures fixtures;

	/** What the notification channels were handed, e.g. a code sent by SMS. */
	@Autowired
	protected SentMessages sentMessages;

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
