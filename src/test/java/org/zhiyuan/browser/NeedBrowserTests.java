package org.zhiyuan.browser;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.zhiyuan.browser.Browser.Screen;
import org.zhiyuan.organization.MemberRole;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.region.Regions;
import org.zhiyuan.support.Fixtures;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.support.Identities;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident's order through to their rating, on a phone (390 px), through the pages
 * only: the resident registers (phone first, community on the region picker) and signs
 * in, orders from an organization's menu with the place picked on the map; the region's
 * operator dispatches it from the queue; a volunteer of the organization accepts it from
 * the 接单 list and completes it; the resident sees who came and rates the service.
 * Screenshots under {@code target/browser-screenshots/need-order/}.
 */
@Tag("browser")
class NeedBrowserTests extends BrowserTestSupport {

	private static final String DISTRICT = "330106";

	private static final String STREET = "330106002";

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	@Autowired
	Organizations organizations;

	@Autowired
	Regions regions;

	@Test
	void aResidentOrdersFromTheMenuAndRatesTheServiceOnAPhone() {
		String community = this.regions.children(STREET).get(0).code();
		Team team = this.fixtures.anActiveTeamIn(DISTRICT);
		Person volunteer = this.fixtures.aVolunteerIn(DISTRICT);
		this.organizations.addMember(this.fixtures.actorOf(team.admin()), team.id(), volunteer.volunteerId(),
				MemberRole.MEMBER);
		this.organizations.acceptInvitation(this.fixtures.actorOf(volunteer), team.id());
		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		assertThat(this.api.as(this.fixtures.tokenFor(team.admin()))
			.post("/api/v1/organizations/" + team.id() + "/menu-items",
					Map.of("title", "上门助浴", "field", "ELDERLY_CARE", "description", "为行动不便的老人上门助浴", "regionCodes",
							List.of(DISTRICT)))
			.status()).isEqualTo(201);

		browser.startFlow("need-order", baseUrl(), Screen.PHONE);
		browser.open("/residents/register");
		String phone = Identities.phone();
		browser.type(By.id("phone"), phone);
		browser.type(By.id("name"), "陈阿婆");
		browser.type(By.id("password"), Fixtures.PASSWORD);
		browser.chooseRegion("main .region-picker", "330000", "330100", DISTRICT, STREET, community);
		shot("register");
		browser.clickAndWaitForNextPage(By.id("resident-submit"));
		assertThat(browser.path()).isEqualTo("/login");
		browser.waitForText(By.cssSelector(".alert-success"), text("need.register.done"));
		signIn(phone);
		browser.open("/me/needs");
		shot("my-needs-empty");

		browser.clickAndWaitForNextPage(By.id("new-need"));
		browser.visible(By.cssSelector("#menu-items .menu-choice"));
		shot("order-menu");
		browser.clickAndWaitForNextPage(By.cssSelector("#menu-items .menu-choice"));
		assertThat(browser.visible(By.id("title")).getDomProperty("value")).isEqualTo("上门助浴");
		browser.type(By.id("description"), "周六上午，需要两人帮忙");
		browser.type(By.id("address"), "文三路 20 号 1 单元 301");
		browser.visible(By.cssSelector(".map-picker-map.leaflet-container"));
		browser.clickAt(By.cssSelector(".map-picker-map"), 40, -30);
		browser.waitFor((driver) -> !driver.findElement(By.id("lat")).getDomProperty("value").isEmpty());
		LocalDateTime from = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(2).truncatedTo(ChronoUnit.HOURS);
		browser.setValue(By.id("wantedFrom"), from.format(LOCAL));
		browser.setValue(By.id("wantedTo"), from.plusHours(2).format(LOCAL));
		shot("order-form");
		browser.clickAndWaitForNextPage(By.id("need-submit"));
		assertThat(browser.path()).startsWith("/needs/");
		String needPath = browser.path();
		assertThat(browser.visible(By.id("need-status")).getDomAttribute("data-status")).isEqualTo("SUBMITTED");
		shot("submitted");

		signIn(operator.username());
		browser.open("/needs/queue?regionCode=" + DISTRICT);
		browser.visible(By.cssSelector(".need-card[data-need-id='" + needPath.substring(7) + "']"));
		shot("operator-queue");
		browser.open(needPath);
		browser.choose(By.id("organizationId"), team.id().toString());
		shot("dispatch");
		browser.clickAndWaitForNextPage(By.id("dispatch-submit"));
		assertThat(browser.visible(By.id("need-status")).getDomAttribute("data-status")).isEqualTo("DISPATCHED");

		signIn(volunteer.username());
		browser.open("/me/needs/accept");
		shot("to-accept");
		browser.clickAndWaitForNextPage(
				By.cssSelector(".need-card[data-need-id='" + needPath.substring(7) + "'] .need-open"));
		assertThat(browser.visibleElements("#need-volunteers")).as("no resident's details before accepting").isEmpty();
		browser.clickAndWaitForNextPage(By.id("accept-submit"));
		assertThat(browser.visible(By.id("need-status")).getDomAttribute("data-status")).isEqualTo("ACCEPTED");
		shot("accepted");
		LocalDateTime end = LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
			.minusMinutes(5)
			.truncatedTo(ChronoUnit.MINUTES);
		browser.setValue(By.id("startedAt"), end.minusMinutes(90).format(LOCAL));
		browser.setValue(By.id("endedAt"), end.format(LOCAL));
		browser.clickAndWaitForNextPage(By.id("complete-submit"));
		assertThat(browser.visible(By.id("need-status")).getDomAttribute("data-status")).isEqualTo("DONE");
		shot("done");
		assertThat(this.fixtures.totalHoursOf(volunteer)).isEqualByComparingTo("1.50");

		signIn(phone);
		browser.open(needPath);
		assertThat(browser.visible(By.id("need-volunteers")).getText()).contains("测试志愿者")
			.doesNotContain(volunteer.username());
		browser.click(By.cssSelector("label[for='star-4']"));
		browser.type(By.id("comment"), "很细心，谢谢");
		shot("rate");
		browser.clickAndWaitForNextPage(By.id("rate-submit"));
		assertThat(browser.visible(By.id("need-status")).getDomAttribute("data-status")).isEqualTo("RATED");
		assertThat(browser.visible(By.id("need-rating")).getText()).contains("很细心");
		assertThat(browser.visibleElements("#need-timeline .need-step")).hasSize(5);
		shot("rated");
	}

	private void signIn(String username) {
		browser.forgetVisitor();
		browser.open("/login");
		browser.type(By.id("username"), username);
		browser.type(By.id("password"), Fixtures.PASSWORD);
		browser.clickAndWaitForNextPage(By.cssSelector("#login-form button[type=submit]"));
		assertThat(browser.path()).as("signed in as " + username).isNotEqualTo("/login");
	}

}
