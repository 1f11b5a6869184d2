package org.zhiyuan.browser;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.zhiyuan.browser.Browser.Screen;
import org.zhiyuan.support.Fixtures.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 我的应急档案 on a 390 px phone with the tiles off: a volunteer of 门源县 sets their home with
 * "Use my location" (the page keeps the point to about 100 m), chooses the readiness,
 * fills the blank qualification row, adds a row and removes it again, saves and sees the
 * approximate point kept; no page scrolls sideways. Screenshots under
 * {@code target/browser-screenshots/emergency-profile/}.
 */
@Tag("browser")
class EmergencyProfileBrowserTests extends BrowserTestSupport {

	@Test
	void aVolunteerSetsTheirEmergencyHomeOnAPhone() {
		Person volunteer = this.fixtures.aVolunteerIn("632221100");
		browser.startFlow("emergency-profile", baseUrl(), Screen.PHONE);
		signIn(volunteer);
		browser.open("/me/emergency-profile");
		browser.visible(By.cssSelector(".map-picker-map.leaflet-container"));
		assertThat(browser.visibleElements("#emergency-home-why")).hasSize(1);
		shot("empty");

		browser.standAt(37.3764321, 101.6238765, 20);
		browser.click(By.cssSelector(".map-picker-locate"));
		browser.waitFor((driver) -> !value("lat").isEmpty());
		assertThat(Double.parseDouble(value("lat"))).isCloseTo(37.3764, org.assertj.core.data.Offset.offset(0.001));
		browser.choose(By.id("readiness"), "HIGH");
		browser.choose(By.id("qualification-kind-new"), "FIRST_AID");
		browser.setValue(By.id("qualification-until-new"), "2027-06-30");
		browser.click(By.cssSelector(".qualification-add"));
		assertThat(browser.visibleElements(".qualification-row")).hasSize(2);
		shot("two-rows");
		browser.click(By.cssSelector(".qualification-row:last-child .qualification-remove"));
		assertThat(browser.visibleElements(".qualification-row")).hasSize(1);

		browser.clickAndWaitForNextPage(By.id("emergency-profile-save"));
		assertThat(browser.path()).isEqualTo("/me/emergency-profile");
		assertThat(value("lat")).as("kept to about 100 m").isEqualTo("37.376");
		assertThat(value("lng")).isEqualTo("101.624");
		assertThat(browser.visibleElements(".qualification-row")).as("the saved one and a blank one").hasSize(2);
		shot("saved");
	}

	private static String value(String id) {
		return String.valueOf(browser.evaluate("return document.getElementById(arguments[0]).value", id));
	}

}
