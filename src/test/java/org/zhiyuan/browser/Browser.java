package org.zhiyuan.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium, driven through its chromedriver: one browser for a test
 * class, one tab, a fresh profile. Nothing is downloaded: the browser and the driver are
 * the installed ones ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}, or the
 * paths in {@code zhiyuan.test.chromium} and {@code zhiyuan.test.chromedriver}). Every
 * wait is an explicit condition; each step of a flow can be saved as a full-page
 * screenshot under {@code target/browser-screenshots/<flow>/}.
 */
final class Browser implements AutoCloseable {

	static final String SKIP_PROPERTY = "zhiyuan.test.browser.skip";

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

	/**
	 * Selenium warns that it has no DevTools bindings for this Chromium's version; the
	 * tests use none (the CDP commands go through chromedriver), so the warning is noise.
	 */
	private static final java.util.logging.Logger CDP_VERSION_LOG = java.util.logging.Logger
		.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

	private static final java.util.logging.Logger CHROMIUM_DRIVER_LOG = java.util.logging.Logger
		.getLogger("org.openqa.selenium.chromium.ChromiumDriver");

	static {
		CDP_VERSION_LOG.setLevel(java.util.logging.Level.SEVERE);
		CHROMIUM_DRIVER_LOG.setLevel(java.util.logging.Level.SEVERE);
	}

	private final ChromeDriver driver;

	private final ChromeDriverService service;

	private final Path profile;

	private final WebDriverWait wait;

	private String base;

	private Path flowDirectory;

	private int step;

	private Browser(ChromeDriver driver, ChromeDriverService service, Path profile) {
		this.driver = driver;
		this.service = service;
		this.profile = profile;
		this.wait = new WebDriverWait(driver, PATIENCE);
	}

	/**
	 * Starts the installed Chromium, headless, with Chinese as the language it asks pages
	 * for (a browser in China).
	 * @throws IllegalStateException naming the packages to install when the browser or
	 * its driver is missing
	 */
	static Browser launch() {
		File chromium = new File(System.getProperty("zhiyuan.test.chromium", "/usr/bin/chromium"));
		File chromedriver = new File(System.getProperty("zhiyuan.test.chromedriver", "/usr/bin/chromedriver"));
		if (!chromium.canExecute() || !chromedriver.canExecute()) {
			throw new IllegalStateException("""

					=====================================================================
					 Browser tests need the system's Chromium and its driver:
					   %s%s
					   %s%s
					 Install them (Debian: apt-get install chromium chromium-driver), or
					 skip these tests explicitly with -D%s=true.
					=====================================================================
					""".formatted(chromium, chromium.canExecute() ? "" : "  (missing)", chromedriver,
					chromedriver.canExecute() ? "" : "  (missing)", SKIP_PROPERTY));
		}
		Path profile;
		try {
			profile = Files.createTempDirectory("zhiyuan-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create a profile directory for Chromium", ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-extensions", "--hide-scrollbars", "--force-prefers-reduced-motion", "--lang=zh-CN",
				"--user-data-dir=" + profile);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
			.usingAnyFreePort()
			.build();
		try {
			return new Browser(new ChromeDriver(service, options), service, profile);
		}
		catch (RuntimeException ex) {
			service.stop();
			deleteQuietly(profile);
			throw new IllegalStateException("Chromium did not start through " + chromedriver, ex);
		}
	}

	/**
	 * Begins a flow against the application at {@code base}: screenshots go to a fresh
	 * {@code target/browser-screenshots/<name>/}, cookies are cleared, and the page is
	 * laid out as on the given screen.
	 */
	void startFlow(String name, String base, Screen screen) {
		this.base = base;
		this.flowDirectory = SCREENSHOTS.resolve(name);
		this.step = 0;
		deleteQuietly(this.flowDirectory);
		try {
			Files.createDirectories(this.flowDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.driver.manage().deleteAllCookies();
		layOutAs(screen);
	}

	/**
	 * Lays the pages out as on the given screen from now on, keeping whoever is signed in
	 * and the chosen language.
	 */
	void layOutAs(Screen screen) {
		this.driver.manage().window().setSize(new Dimension(screen.width(), screen.height()));
		// a busy machine may apply the new size a moment later
		Object inner = null;
		for (int tries = 0; tries < 40; tries++) {
			inner = ((JavascriptExecutor) this.driver).executeScript("return window.innerWidth");
			if (((Number) inner).intValue() == screen.width()) {
				return;
			}
			if (tries % 10 == 9) {
				this.driver.manage().window().setSize(new Dimension(screen.width(), screen.height()));
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new IllegalStateException("the page is " + inner + " px wide, not " + screen.width());
	}

	/** What a script run in the page returns. */
	Object evaluate(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	/** Lets the application's pages read this position (the phone's GPS). */
	void standAt(double lat, double lng, double accuracyMeters) {
		this.driver.executeCdpCommand("Browser.grantPermissions",
				Map.of("origin", this.base, "permissions", List.of("geolocation")));
		this.driver.executeCdpCommand("Emulation.setGeolocationOverride",
				Map.of("latitude", lat, "longitude", lng, "accuracy", accuracyMeters));
	}

	/** Forgets whoever was signed in, and the chosen language, as a new visitor. */
	void forgetVisitor() {
		this.driver.manage().deleteAllCookies();
	}

	void open(String path) {
		this.driver.get(this.base + path);
		this.wait.until((driver) -> "complete"
			.equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
	}

	/**
	 * Fetches a path with the page's own session, as a link would, and tells the status
	 * and content type: a download that a headless browser would otherwise save unseen.
	 */
	String fetchStatusAndType(String path) {
		Object result = ((JavascriptExecutor) this.driver)
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ "fetch(arguments[0]).then((r) => done(r.status + ' ' + r.headers.get('content-type')))"
					+ ".catch((e) => done('failed ' + e));", path);
		return String.valueOf(result);
	}

	String path() {
		return java.net.URI.create(this.driver.getCurrentUrl()).getPath();
	}

	WebElement visible(By by) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	void waitForText(By by, String text) {
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
	}

	void waitFor(java.util.function.Function<ChromeDriver, Boolean> condition) {
		this.wait.until((driver) -> condition.apply(this.driver));
	}

	void type(By by, String text) {
		WebElement field = visible(by);
		field.clear();
		field.sendKeys(text);
	}

	/**
	 * Sets a field that has no keyboard-independent way to type into it (date and time
	 * inputs follow the browser's locale), as the browser's own picker would.
	 */
	void setValue(By by, String value) {
		WebElement field = visible(by);
		((JavascriptExecutor) this.driver).executeScript("arguments[0].value = arguments[1];"
				+ "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
				+ "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, value);
	}

	void choose(By by, String value) {
		new Select(visible(by)).selectByValue(value);
	}

	/**
	 * Picks a region in the cascading region picker that matches {@code picker} (a CSS
	 * selector), level by level down to the last code, waiting for each level to load.
	 */
	void chooseRegion(String picker, String... path) {
		for (int level = 0; level < path.length; level++) {
			String select = picker + " select[data-level='" + level + "']";
			this.wait.until(ExpectedConditions
				.presenceOfElementLocated(By.cssSelector(select + " option[value='" + path[level] + "']")));
			choose(By.cssSelector(select), path[level]);
		}
		String deepest = path[path.length - 1];
		By hidden = By.cssSelector(picker + " input[type=hidden]");
		this.wait.until((driver) -> deepest.equals(driver.findElement(hidden).getDomProperty("value")));
	}

	void check(By by) {
		WebElement box = visible(by);
		if (!box.isSelected()) {
			box.click();
		}
	}

	/**
	 * Clicks the element once it can be clicked; should the page draw it again between
	 * finding and clicking (a map redrawing its clusters), it is found again.
	 */
	void click(By by) {
		this.wait.ignoring(StaleElementReferenceException.class).until((driver) -> {
			WebElement element = ExpectedConditions.elementToBeClickable(by).apply(driver);
			if (element == null) {
				return null;
			}
			element.click();
			return true;
		});
	}

	/**
	 * Clicks (taps) an element at a point {@code dx}, {@code dy} pixels from its centre,
	 * as on a map.
	 */
	void clickAt(By by, int dx, int dy) {
		WebElement element = visible(by);
		((JavascriptExecutor) this.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		new org.openqa.selenium.interactions.Actions(this.driver).moveToElement(element, dx, dy).click().perform();
	}

	/**
	 * Clicks something that leaves the page (a submit button, a link) and waits until the
	 * next page has replaced it.
	 */
	void clickAndWaitForNextPage(By by) {
		WebElement element = this.wait.until(ExpectedConditions.elementToBeClickable(by));
		WebElement html = this.driver.findElement(By.tagName("html"));
		element.click();
		// While the page is being replaced, Chromium may answer for the old document with
		// a
		// stale element or with "node does not belong to the document": both mean it is
		// gone.
		this.wait.until((driver) -> {
			try {
				html.isEnabled();
				return false;
			}
			catch (WebDriverException ex) {
				return true;
			}
		});
		this.wait.until((driver) -> "complete"
			.equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
	}

	/** Saves the whole page, not only what the screen shows, as the flow's next step. */
	void screenshot(String name) {
		this.step++;
		saveScreenshot("%02d-%s.png".formatted(this.step, name));
	}

	/**
	 * Saves the whole page under the flow's directory in a file of the given name,
	 * without numbering it as a step.
	 */
	void saveScreenshot(String fileName) {
		@SuppressWarnings("unchecked")
		Map<String, Object> size = (Map<String, Object>) this.driver
			.executeCdpCommand("Page.getLayoutMetrics", Map.of())
			.get("cssContentSize");
		double width = ((Number) size.get("width")).doubleValue();
		double height = Math.min(((Number) size.get("height")).doubleValue(), 8000);
		Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip",
						Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
		Path file = this.flowDirectory.resolve(fileName);
		try {
			Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the screenshot " + file, ex);
		}
	}

	/** The elements matching the CSS selector that the page shows. */
	List<WebElement> visibleElements(String selector) {
		return this.driver.findElements(By.cssSelector(selector)).stream().filter(WebElement::isDisplayed).toList();
	}

	/** The document is no wider than the screen: nothing sticks out sideways. */
	boolean fitsTheScreenWidth() {
		Object fits = ((JavascriptExecutor) this.driver)
			.executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
		return Boolean.TRUE.equals(fits);
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			this.service.stop();
			deleteQuietly(this.profile);
		}
	}

	private static void deleteQuietly(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory left behind is harmless
		}
	}

	/** The size of the screen the pages are laid out for. */
	record Screen(int width, int height, boolean mobile) {

		static final Screen PHONE = new Screen(390, 844, true);

		static final Screen DESKTOP = new Screen(1366, 900, false);

	}

}
