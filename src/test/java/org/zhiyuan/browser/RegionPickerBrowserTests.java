package org.zhiyuan.browser;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.zhiyuan.browser.Browser.Screen;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The region picker lists regions in the page language: Chinese names on a Chinese page,
 * English names on an English one; it goes down to the communities (村/居委会).
 */
@Tag("browser")
class RegionPickerBrowserTests extends BrowserTestSupport {

	private static final String PICKER = ".region-picker";

	@Test
	void thePickerNamesRegionsInThePageLanguage() {
		browser.startFlow("region-picker", baseUrl(), Screen.PHONE);
		browser.open("/activities?lang=en");
		browser.chooseRegion(PICKER, "110000", "110100", "110105");
		assertThat(optionText(0, "110000")).isEqualTo("Beijing");
		assertThat(optionText(0, "150000")).isEqualTo("Inner Mongolia");
		assertThat(optionText(2, "110105")).isEqualTo("Chaoyang District");
		browser.screenshot("en");

		browser.open("/activities?lang=zh-CN&regionCode=110105");
		browser.waitFor((driver) -> !driver
			.findElements(By.cssSelector(PICKER + " select[data-level='2'] option[value='110105']"))
			.isEmpty());
		assertThat(optionText(0, "110000")).isEqualTo("北京市");
		assertThat(optionText(2, "110105")).isEqualTo("朝阳区");
		browser.screenshot("zh-CN");
	}

	@Test
	void thePickerGoesDownToACommunity() {
		browser.startFlow("region-picker-community", baseUrl(), Screen.PHONE);
		browser.open("/activities?lang=zh-CN");
		browser.chooseRegion(PICKER, "110000", "110100", "110101", "110101001", "110101001001");
		assertThat(optionText(4, "110101001001")).isEqualTo("多福巷社区居委会");
		browser.screenshot("community");

		browser.open("/activities?lang=en&regionCode=110101001002");
		browser.waitFor((driver) -> !driver
			.findElements(By.cssSelector(PICKER + " select[data-level='4'] option[value='110101001002']"))
			.isEmpty());
		assertThat(optionText(4, "110101001002")).isEqualTo("Yinzha Community");
		assertThat(browser.visible(By.cssSelector(PICKER + " select[data-level='4']")).getDomProperty("value"))
			.isEqualTo("110101001002");
	}

	private static String optionText(int level, String code) {
		return browser.visible(By.cssSelector(PICKER + " select[data-level='" + level + "']"))
			.findElement(By.cssSelector("option[value='" + code + "']"))
			.getText();
	}

}
