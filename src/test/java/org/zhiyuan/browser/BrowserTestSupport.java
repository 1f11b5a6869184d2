package org.zhiyuan.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.zhiyuan.support.ApiTestSupport;

/**
 * Base of the browser tests: one headless Chromium for the class, launched before its
 * first test (or the class skipped with {@code -Dzhiyuan.test.browser.skip=true}) and
 * closed after its last.
 */
abstract class BrowserTestSupport extends ApiTestSupport {

	protected static Browser browser;

	@BeforeAll
	static void launchBrowser() {
		Assumptions.assumeFalse(Boolean.getBoolean(Browser.SKIP_PROPERTY),
				"browser tests skipped on request (-D" + Browser.SKIP_PROPERTY + "=true)");
		browser = Browser.launch();
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	/** Where the application under test answers. */
	protected String baseUrl() {
		return "http://localhost:" + this.port;
	}

}
