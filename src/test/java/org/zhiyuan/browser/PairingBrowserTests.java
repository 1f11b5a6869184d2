package org.zhiyuan.browser;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.zhiyuan.browser.Browser.Screen;
import org.zhiyuan.organization.MemberRole;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pairing (结对) on a phone, through the pages: a team's admin registers an elderly woman
 * living alone, placing her home with "使用我的位置" on the map picker, and pairs her with a
 * member picked from the list; the volunteer opens 我的结对, is refused a check-in from afar,
 * and checks the visit in at her door; the district's operator sees the pairing and its
 * continuity. People live in 杭州市上城区 (330102), as in the pairing API tests. Every step is
 * saved under {@code target/browser-screenshots/pairing/}.
 */
@Tag("browser")
class PairingBrowserTests extends BrowserTestSupport {

	private static final String STREET = "330102003";

	private static final double HOME_LAT = 30.2575;

	private static final double HOME_LNG = 120.1688;

	@Autowired
	Organizations organizations;

	@Test
	void anAdminPairsAPersonAndTheVolunteerChecksAVisitInAtTheirHome() {
		Team team = this.fixtures.anActiveTeamIn(STREET);
		Person volunteer = this.fixtures.aVolunteerIn(STREET);
		this.organizations.addMember(this.fixtures.actorOf(team.admin()), team.id(), volunteer.volunteerId(),
				MemberRole.MEMBER);
		this.organizations.acceptInvitation(this.fixtures.actorOf(volunteer), team.id());
		browser.startFlow("pairing", baseUrl(), Screen.PHONE);
		browser.standAt(HOME_LAT, HOME_LNG, 10);

		// the admin registers the person, her home placed on the map
		signIn(team.admin());
		browser.open("/organizations/" + team.id() + "/pairings");
		shot("organization-pairings");
		browser.clickAndWaitForNextPage(By.cssSelector("a[href$='/beneficiaries/new']"));
		browser.type(By.id("name"), "钱秀珍");
		browser.choose(By.id("keyGroup"), "ELDERLY_LIVING_ALONE");
		browser.choose(By.id("gender"), "FEMALE");
		browser.type(By.id("birthYear"), "1940");
		browser.type(By.id("address"), "湖滨街道开元路 6 号 1 单元 302");
		browser.click(By.cssSelector(".map-picker-locate"));
		browser.waitFor((driver) -> !driver.findElement(By.id("lat")).getDomProperty("value").isBlank());
		browser.type(By.id("phone"), "13700004321");
		browser.type(By.id("notes"), "独居，需每周测血压");
		shot("register-person");
		browser.clickAndWaitForNextPage(By.cssSelector("#beneficiary-form button[type=submit]"));
		browser.waitForText(By.cssSelector(".alert-success"), text("pairing.beneficiary.registered"));
		assertThat(browser.visible(By.cssSelector("main h1")).getText()).contains("钱*珍").doesNotContain("秀");
		shot("person-registered");

		// and pairs her with the member, picked from the list
		browser.choose(By.id("volunteerId"), volunteer.volunteerId().toString());
		browser.choose(By.id("frequency"), "WEEKLY");
		browser.clickAndWaitForNextPage(By.cssSelector("#pairing-form button[type=submit]"));
		browser.waitForText(By.cssSelector(".alert-success"), text("pairing.created"));
		assertThat(browser.visible(By.id("history")).getText()).contains("测");
		shot("paired");

		// the volunteer, away from home, is refused
		signIn(volunteer);
		browser.open("/me/pairings");
		assertThat(browser.visible(By.id("my-pairings")).getText()).contains("钱*珍")
			.contains(text("pairing.visit.checkIn"));
		shot("my-pairings");
		browser.standAt(HOME_LAT + 0.02, HOME_LNG, 10);
		browser.clickAndWaitForNextPage(By.cssSelector("#my-pairings .visit-button"));
		browser.waitFor((driver) -> driver.findElement(By.id("geo-status")).getText().startsWith("✓"));
		assertThat(browser.visible(By.cssSelector("main")).getText()).contains("钱秀珍").contains("开元路");
		browser.clickAndWaitForNextPage(By.cssSelector("#checkin-form button[type=submit]"));
		assertThat(browser.visible(By.id("visit-error")).getText()).contains("超出");
		shot("visit-refused-from-afar");

		// and checks in at her door
		browser.standAt(HOME_LAT + 0.0003, HOME_LNG, 10);
		browser.open(browser.path());
		browser.waitFor((driver) -> driver.findElement(By.id("geo-status")).getText().startsWith("✓"));
		browser.type(By.id("note"), "血压 128/82，精神好");
		shot("visit-at-the-door");
		browser.clickAndWaitForNextPage(By.cssSelector("#checkin-form button[type=submit]"));
		browser.waitForText(By.cssSelector(".alert-success"), text("pairing.visit.done"));
		assertThat(browser.visible(By.id("my-pairings")).getText()).contains("上次探访");
		shot("visited");

		// the district's operator sees it
		signIn(this.fixtures.anOperatorOf("330102"));
		browser.open("/regions/330102/pairings");
		assertThat(browser.visible(By.id("continuity")).getText()).contains("钱*珍");
		shot("operator-region");
	}

}
