package org.zhiyuan.browser;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.zhiyuan.browser.Browser.Screen;
import org.zhiyuan.support.Fixtures.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks on a phone, in 吴忠市红寺堡区 (540321): an operator opens Webhook 推送 from the menu,
 * is told beside the field that a private address is refused, registers an address for
 * two events picked as checkboxes and sees the secret once, sends a test and reads the
 * delivery log, rotates the secret after confirming, and reads the page in English. Every
 * step is saved under {@code target/browser-screenshots/webhooks/}.
 */
@Tag("browser")
class WebhookBrowserTests extends BrowserTestSupport {

	private static final String DISTRICT = "540321";

	@Test
	void anOperatorRegistersAnAddressSeesTheSecretOnceAndReadsTheLogOnThePhone() {
		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		browser.startFlow("webhooks", baseUrl(), Screen.PHONE);
		signIn(operator);
		browser.open("/");
		assertThat(browser.evaluate("return document.getElementById('nav-webhooks').getAttribute('href')"))
			.as("in the menu")
			.isEqualTo("/webhooks");
		browser.open("/webhooks");
		assertThat(browser.visible(By.id("register-webhook-form")).getText())
			.contains(text("webhook.event.activity.published"));
		shot("empty");

		browser.type(By.id("webhook-url"), "http://169.254.169.254/latest/meta-data");
		browser.check(By.id("event-ACTIVITY_PUBLISHED"));
		browser.clickAndWaitForNextPage(By.cssSelector("#register-webhook-form button[type=submit]"));
		assertThat(browser.visible(By.id("problem-url")).getText())
			.isEqualTo(text("validation.webhook.privateAddress"));
		shot("private-address-refused");

		browser.type(By.id("webhook-url"), "https://receiver.invalid/zhiyuan/webhooks/volunteer-service-hours");
		browser.check(By.id("event-ACTIVITY_PUBLISHED"));
		browser.check(By.id("event-RECORD_COUNTED"));
		browser.clickAndWaitForNextPage(By.cssSelector("#register-webhook-form button[type=submit]"));
		assertThat(browser.visible(By.id("webhook-secret-value")).getDomProperty("value")).startsWith("whsec_");
		assertThat(browser.visibleElements(".webhook-card")).hasSize(1);
		shot("secret-once");

		browser.open("/webhooks");
		assertThat(browser.visibleElements("#webhook-secret")).isEmpty();
		assertThat(browser.visible(By.cssSelector(".webhook-card")).getText())
			.contains(text("webhook.event.record.counted"))
			.contains(text("webhook.page.enabled"));
		shot("list");

		browser.clickAndWaitForNextPage(By.cssSelector(".webhook-card .webhook-ping"));
		assertThat(browser.path()).startsWith("/webhooks/");
		assertThat(browser.visible(By.cssSelector(".delivery-card")).getText())
			.contains(text("webhook.event.webhook.test"));
		shot("log");

		browser.open("/webhooks");
		browser.click(By.cssSelector(".webhook-card details:nth-of-type(2) summary"));
		shot("rotate-confirm");
		browser.clickAndWaitForNextPage(By.cssSelector(".webhook-card .webhook-rotate"));
		assertThat(browser.visible(By.id("webhook-secret-value")).getDomProperty("value")).startsWith("whsec_");
		shot("rotated");

		browser.open("/webhooks?lang=en");
		assertThat(browser.visible(By.cssSelector(".webhook-card")).getText()).contains("Service hours counted")
			.contains("The old secret signs too until");
		shot("list-en");
	}

}
