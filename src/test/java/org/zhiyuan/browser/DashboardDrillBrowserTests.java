package org.zhiyuan.browser;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.zhiyuan.browser.Browser.Screen;
import org.zhiyuan.region.Region;
import org.zhiyuan.region.Regions;
import org.zhiyuan.stats.StatisticsFold;
import org.zhiyuan.support.Fixtures.Person;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A national operator's dashboard on a phone, drilled down by tapping the sub-region
 * table: the nation → 西藏自治区 → 拉萨市 → 城关区 → 扎细街道 → one of its communities, where a
 * volunteer lives; at each level the charts are drawn, the page fits the phone, and the
 * breadcrumb grows by one. Then the breadcrumb leads back to the nation, and a district
 * operator's breadcrumb stops at their district. A screenshot per level in
 * {@code target/browser-screenshots/dashboard-drill/}.
 */
@Tag("browser")
class DashboardDrillBrowserTests extends BrowserTestSupport {

	@Autowired
	Regions regions;

	@Autowired
	StatisticsFold fold;

	@Test
	void aNationalOperatorDrillsDownToACommunityAndBackUp() {
		// a community no other test writes to: the last of 扎细街道
		List<Region> communities = this.regions.children("540102005");
		String community = communities.get(communities.size() - 1).code();
		this.fixtures.aVolunteerIn(community);
		this.fold.foldAll();
		Person national = this.fixtures.anOperatorOf(Regions.NATIONAL);

		browser.startFlow("dashboard-drill", baseUrl(), Screen.PHONE);
		signIn(national);
		browser.open("/dashboard");
		assertThat(browser.path()).isEqualTo("/dashboard/" + Regions.NATIONAL);
		level("1-national", "全国", 1);
		for (String[] step : new String[][] { { "540000", "西藏自治区", "2-province" }, { "540100", "拉萨市", "3-city" },
				{ "540102", "城关区", "4-district" }, { "540102005", "扎细街道", "5-street" } }) {
			By link = By.cssSelector("#table-regions tr[data-key='" + step[0] + "'] a");
			browser.clickAndWaitForNextPage(link);
			assertThat(browser.path()).isEqualTo("/dashboard/" + step[0]);
			level(step[2], step[1], Integer.parseInt(step[2].substring(0, 1)));
		}
		By toCommunity = By.cssSelector("#table-regions tr[data-key='" + community + "'] a");
		assertThat(browser.visible(By.cssSelector("#table-regions tr[data-key='" + community + "'] td")).getText())
			.as("the community's registered volunteer")
			.isEqualTo("1");
		browser.clickAndWaitForNextPage(toCommunity);
		assertThat(browser.path()).isEqualTo("/dashboard/" + community);
		level("6-community", this.regions.find(community).orElseThrow().name(), 6);
		assertThat(browser.visible(By.id("dash-leaf")).getText()).contains("最末一级");
		assertThat(browser.visible(By.cssSelector("[data-figure=registeredVolunteers]")).getText()).isEqualTo("1");

		// back up by the breadcrumb, to the nation at once
		browser.clickAndWaitForNextPage(By.cssSelector("#dash-crumbs a[href^='/dashboard/000000']"));
		assertThat(browser.path()).isEqualTo("/dashboard/" + Regions.NATIONAL);

		// a district's operator starts at the district and cannot go above it
		signIn(this.fixtures.anOperatorOf("540102"));
		browser.open("/dashboard");
		assertThat(browser.path()).isEqualTo("/dashboard/540102");
		browser.clickAndWaitForNextPage(By.cssSelector("#table-regions tr[data-key='540102002'] a"));
		assertThat(crumbs()).containsExactly("城关区", "八廓街道");
		shot("7-district-operator-at-a-street");

		// the same dashboard on a desktop screen, in English
		browser.layOutAs(Screen.DESKTOP);
		browser.open("/dashboard/540102?lang=en");
		assertThat(browser.visible(By.id("dash-title")).getText()).contains("Chengguan");
		assertThat(browser.visible(By.id("dash-regions")).getText()).contains("Streets and towns");
		browser.waitFor(
				(driver) -> !driver.findElements(By.cssSelector("#dash-regions [data-drawn=true] canvas")).isEmpty());
		shot("8-desktop-english");
		assertThat(browser.evaluate("return Array.from(document.querySelectorAll('.zy-dashboard .table-responsive'))"
				+ ".filter((box) => box.scrollWidth > box.clientWidth + 1)"
				+ ".map((box) => box.querySelector('table').id)"))
			.as("tables that scroll sideways inside their card at 1366 px")
			.asList()
			.isEmpty();
		browser.open("/?lang=zh-CN");
	}

	/**
	 * The level's page: its name, the breadcrumb's length, the charts drawn; a
	 * screenshot.
	 */
	private void level(String step, String name, int depth) {
		assertThat(browser.visible(By.id("dash-title")).getText()).contains(name);
		assertThat(crumbs()).hasSize(depth).last().isEqualTo(name);
		browser.waitFor(
				(driver) -> !driver.findElements(By.cssSelector("#dash-trend [data-drawn=true] canvas")).isEmpty());
		shot(step);
	}

	private List<String> crumbs() {
		return browser.visibleElements("#dash-crumbs .breadcrumb-item").stream().map(WebElement::getText).toList();
	}

}
