package org.zhiyuan.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the browser tests: one headless Chromium for the class, launched before its
 * first test (or the class skipped with {@code -Dzhiyuan.test.browser.skip=true}) and
 * closed after its last; signing in on the page, the pages' texts, and screenshots, each
 * step's page checked to fit the phone's width.
 */
abstract class BrowserTestSupport extends ApiTestSupport {

	protected static Browser browser;

	@Autowired
	protected MessageSource messages;

	/** The steps whose page was wider than the screen. */
	protected final List<String> overflowing = new ArrayList<>();

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

	@AfterEach
	void noPageWasWiderThanThePhone() {
		assertThat(this.overflowing).as("pages wider than the phone's screen").isEmpty();
	}

	/** Where the application under test answers. */
	protected String baseUrl() {
		return "http://localhost:" + this.port;
	}

	/** Signs the person in on the sign-in page, as a new visitor. */
	protected void signIn(Person person) {
		browser.forgetVisitor();
		browser.open("/login");
		browser.type(By.id("username"), person.username());
		browser.type(By.id("password"), person.password());
		browser.clickAndWaitForNextPage(By.cssSelector("#login-form button[type=submit]"));
		assertThat(browser.path()).as("signed in as " + person.username()).isNotEqualTo("/login");
	}

	/** A text of the pages, in Chinese. */
	protected String text(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

	/** A screenshot of the step; a page wider than the screen is noted. */
	protected void shot(String step) {
		browser.screenshot(step);
		if (!browser.fitsTheScreenWidth()) {
			this.overflowing.add(step + " " + browser.path());
		}
	}

}
