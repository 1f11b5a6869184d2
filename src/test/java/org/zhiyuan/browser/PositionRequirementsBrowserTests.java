package org.zhiyuan.browser;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.zhiyuan.browser.Browser.Screen;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Fixtures.Team;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a 390 px phone an organizer ticks a position's qualification from the platform's
 * list (never types one), then changes the position's requirements on the edit page;
 * neither form scrolls sideways. Screenshots under
 * {@code target/browser-screenshots/position-requirements/}.
 */
@Tag("browser")
class PositionRequirementsBrowserTests extends BrowserTestSupport {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Test
	void anOrganizerPicksQualificationsAndChangesThemOnAPhone() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		browser.startFlow("position-requirements", baseUrl(), Screen.PHONE);
		browser.open("/login");
		browser.type(By.id("username"), team.admin().username());
		browser.type(By.id("password"), team.admin().password());
		browser.clickAndWaitForNextPage(By.cssSelector("#login-form button[type=submit]"));
		browser.open("/organizations/" + team.id() + "/activities/new");
		assertThat(browser.visibleElements("input[name=positionQualifications]"))
			.as("the list waits behind each position's 所需资质")
			.isEmpty();
		browser.click(By.cssSelector("details.qualification-picker summary"));
		browser.check(By.id("positionQualification0-FIRST_AID"));
		assertThat(browser.fitsTheScreenWidth()).as("the form with the list open fits the phone").isTrue();
		browser.screenshot("new-form");

		LocalDate day = LocalDate.now(CHINA).plusDays(3);
		browser.type(By.id("title"), "社区运动会医疗保障");
		browser.type(By.id("description"), "在运动会现场提供急救保障。");
		browser.choose(By.id("category"), "HEALTH");
		browser.chooseRegion("main .region-picker", "110000", "110100", "110105", "110105001");
		browser.type(By.id("address"), "建外街道文体中心");
		browser.setValue(By.id("startsAt"), day + "T09:00");
		browser.setValue(By.id("endsAt"), day + "T12:00");
		browser.type(By.cssSelector("input[name=positionName]"), "急救员");
		browser.type(By.cssSelector("input[name=positionCapacity]"), "2");
		browser.clickAndWaitForNextPage(By.cssSelector("main form button[type=submit]"));
		assertThat(browser.path()).as("saved as a draft").startsWith("/activities/");
		assertThat(browser.visible(By.cssSelector("main table")).getText()).contains("须持有：急救证书");
		String id = browser.path().replaceAll(".*/activities/", "");

		browser.open("/activities/" + id + "/edit");
		assertThat(browser.fitsTheScreenWidth()).as("the edit page with the requirements fits the phone").isTrue();
		browser.screenshot("edit-form");
		Api admin = this.api.signIn(team.admin().username(), team.admin().password());
		String positionId = admin.get("/api/v1/activities/" + id).json().get("positions").get(0).get("id").asString();
		browser.type(By.id("minAge-" + positionId), "18");
		browser.check(By.id("qualification-" + positionId + "-AED"));
		browser.clickAndWaitForNextPage(By.cssSelector("main form button[type=submit]"));
		assertThat(browser.visible(By.cssSelector("main table")).getText()).contains("18 周岁以上")
			.contains("须持有：AED 使用培训合格、急救证书");
	}

}
