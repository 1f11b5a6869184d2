package org.zhiyuan.timebank;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.record.RecordAmendments;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.regionsettings.OwnSettings;
import org.zhiyuan.regionsettings.RegionSettings;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.timebank.TimeBankScene.Named;
import org.zhiyuan.volunteer.VolunteerRegistration;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time bank's pages in 克拉玛依市: a volunteer names their mother on 我的时间银行, the mother
 * confirms on hers, the volunteer gives her hours picked from the list and sees a bad
 * amount said beside the field; a volunteer uses hours for services, cancels one and an
 * operator completes the other from the region's list; the operators' ledger check shows
 * the figures of the API and downloads them as Excel; the region settings page sets the
 * cap.
 */
class TimeBankPageTests extends ApiTestSupport {

	private static final String PROVINCE = "650000";

	private static final String DISTRICT = "650203";

	private static final String STREET = "650203001";

	@Autowired
	VolunteerRegistration registration;

	@Autowired
	Activities activities;

	@Autowired
	ServiceRecords records;

	@Autowired
	RecordAmendments amendments;

	@Autowired
	RegionSettings settings;

	@Test
	void aVolunteerNamesTheirMotherWhoConfirmsAndReceivesHours() {
		TimeBankScene scene = new TimeBankScene(this.fixtures, this.registration, this.activities, PROVINCE);
		Team team = this.fixtures.anActiveTeamIn(STREET);
		Named son = scene.volunteer(STREET);
		Named mother = scene.volunteer(STREET);
		scene.serve(team, son.person(), scene.activity(team, STREET, true, 3), 5 * 60);

		Api sonPages = browserOf(son.person());
		String page = sonPages.get("/me/time-bank").body();
		assertThat(page).contains("id=\"time-balance\"").contains(">5.00<").contains("服务存入");
		assertThat(page).doesNotContain("id=\"gift-form\"").contains("先在下方添加亲属");
		Response wrong = sonPages.submitForm("/me/time-bank", "/me/time-bank/relatives",
				Map.of("relation", "PARENT", "phoneOrNumber", mother.phone(), "name", ""));
		assertThat(wrong.status()).isEqualTo(200);
		assertThat(wrong.body()).contains("请填写对方的姓名");
		Response named = sonPages.submitForm("/me/time-bank", "/me/time-bank/relatives",
				Map.of("relation", "PARENT", "phoneOrNumber", mother.phone(), "name", mother.name()));
		assertThat(named.status()).isEqualTo(302);
		assertThat(sonPages.get("/me/time-bank").body()).contains("待确认").contains("父母");

		Api motherPages = browserOf(mother.person());
		String motherPage = motherPages.get("/me/time-bank").body();
		assertThat(motherPage).contains("对方添加了我").contains("子女").contains("relative-confirm");
		String relativeId = motherPage.replaceAll("(?s).*?/me/time-bank/relatives/([0-9a-f-]{36})/confirm.*", "$1");
		Response confirmed = motherPages.submitForm("/me/time-bank",
				"/me/time-bank/relatives/" + relativeId + "/confirm", Map.of());
		assertThat(confirmed.status()).isEqualTo(302);

		page = sonPages.get("/me/time-bank").body();
		assertThat(page).contains("id=\"gift-form\"").contains(mother.person().volunteerId().toString());
		Response tooMuch = sonPages.submitForm("/me/time-bank", "/me/time-bank/gifts",
				Map.of("toVolunteerId", mother.person().volunteerId().toString(), "hours", "9", "memo", ""));
		assertThat(tooMuch.status()).isEqualTo(200);
		assertThat(tooMuch.body()).contains("可用时间不足").contains("value=\"9\"");
		Response bad = sonPages.submitForm("/me/time-bank", "/me/time-bank/gifts",
				Map.of("toVolunteerId", mother.person().volunteerId().toString(), "hours", "两小时", "memo", ""));
		assertThat(bad.body()).contains("请填写大于 0");
		Response given = sonPages.submitForm("/me/time-bank", "/me/time-bank/gifts",
				Map.of("toVolunteerId", mother.person().volunteerId().toString(), "hours", "2.5", "memo", "给妈妈"));
		assertThat(given.status()).isEqualTo(302);
		assertThat(sonPages.get("/me/time-bank").body()).contains(">2.50<").contains("亲属转赠");
		String motherAfter = motherPages.get("/me/time-bank").body();
		assertThat(motherAfter).contains(">2.50<").contains("给妈妈");
		assertThat(motherPages.get("/me/time-bank?lang=en").body()).contains("My time bank")
			.contains("Gift between relatives");
	}

	@Test
	void aVolunteerUsesHoursForServicesThatAreCancelledOrCompletedByAnOperator() {
		TimeBankScene scene = new TimeBankScene(this.fixtures, this.registration, this.activities, PROVINCE);
		Team team = this.fixtures.anActiveTeamIn(STREET);
		Named volunteer = scene.volunteer(STREET);
		scene.serve(team, volunteer.person(), scene.activity(team, STREET, true, 4), 3 * 60);

		Api pages = browserOf(volunteer.person());
		String page = pages.get("/me/time-bank").body();
		assertThat(page).contains("用时间兑换服务").contains("id=\"service-form\"").contains("还没有用时间兑换过服务");
		Response bad = pages.submitForm("/me/time-bank", "/me/time-bank/services",
				Map.of("hours", "两小时", "description", ""));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("id=\"problem-hours\"")
			.contains("id=\"problem-description\"")
			.contains("请填写需要的服务");
		Response tooMuch = pages.submitForm("/me/time-bank", "/me/time-bank/services",
				Map.of("hours", "3.5", "description", "上门助浴"));
		assertThat(tooMuch.body()).contains("这项服务需要 3.50 小时").contains("value=\"上门助浴\"");
		assertThat(
				pages.submitForm("/me/time-bank", "/me/time-bank/services", Map.of("hours", "1", "description", "上门助浴"))
					.status())
			.isEqualTo(302);
		assertThat(pages
			.submitForm("/me/time-bank", "/me/time-bank/services", Map.of("hours", "1.5", "description", "代购药品"))
			.status()).isEqualTo(302);
		page = pages.get("/me/time-bank").body();
		assertThat(page).contains("id=\"time-balance\">0.50<")
			.contains("id=\"time-held\">2.50<")
			.contains("上门助浴")
			.contains("冻结中")
			.contains("service-cancel");
		String bath = page.replaceAll("(?s).*上门助浴.*?/me/time-bank/services/([0-9a-f-]{36})/cancel.*", "$1");
		assertThat(pages.submitForm("/me/time-bank", "/me/time-bank/services/" + bath + "/cancel", Map.of()).status())
			.isEqualTo(302);
		page = pages.get("/me/time-bank").body();
		assertThat(page).contains("id=\"time-balance\">1.50<").contains("id=\"time-held\">1.50<").contains("已取消");

		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		Api operatorPages = browserOf(operator);
		assertThat(operatorPages.get("/time-bank/audit?regionCode=" + DISTRICT).body())
			.contains("/time-bank/services?regionCode=" + DISTRICT);
		String list = operatorPages.get("/time-bank/services?regionCode=" + DISTRICT).body();
		assertThat(list).contains("held-service").contains("代购药品").doesNotContain("上门助浴").contains("1.50 小时");
		String medicine = list.replaceAll("(?s).*代购药品.*?/time-bank/services/([0-9a-f-]{36})/complete.*", "$1");
		Response completed = operatorPages.submitForm("/time-bank/services?regionCode=" + DISTRICT,
				"/time-bank/services/" + medicine + "/complete?regionCode=" + DISTRICT, Map.of());
		assertThat(completed.status()).isEqualTo(302);
		assertThat(operatorPages.get("/time-bank/services?regionCode=" + DISTRICT).body()).doesNotContain("代购药品")
			.contains("没有冻结中的服务");
		page = pages.get("/me/time-bank").body();
		assertThat(page).contains("id=\"time-held\">0.00<").contains("id=\"time-withdrawn\">1.50<").contains("已完成");
		assertThat(pages.get("/me/time-bank?lang=en").body()).contains("Use hours for a service")
			.contains("Spent on services")
			.contains("Done");
		assertThat(browserOf(this.fixtures.anOperatorOf("110105")).get("/time-bank/services?regionCode=" + DISTRICT)
			.status()).isEqualTo(403);
	}

	@Test
	void theLedgerCheckShowsAndDownloadsTheFiguresOfTheApi() throws Exception {
		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		this.settings.update(this.fixtures.actorOf(operator), DISTRICT,
				new OwnSettings(null, null, null, new BigDecimal("4.00")));
		TimeBankScene scene = new TimeBankScene(this.fixtures, this.registration, this.activities, PROVINCE);
		Team team = this.fixtures.anActiveTeamIn(STREET);
		scene.serve(team, scene.volunteer(STREET).person(), scene.activity(team, STREET, true, 2), 6 * 60);

		Api api = new Api("http://localhost:" + this.port).as(this.fixtures.tokenFor(operator));
		var audit = api.get("/api/v1/time-bank/audit?regionCode=" + DISTRICT).json();
		Api pages = browserOf(operator);
		String page = pages.get("/time-bank/audit").body();
		assertThat(page).contains("账目平衡")
			.contains("id=\"audit-sum\">0.00<")
			.contains("id=\"audit-pool\">" + audit.get("regionDonationPool").asString() + "<")
			.contains("id=\"audit-balances\">" + audit.get("regionBalances").asString() + "<");
		assertThat(new BigDecimal(audit.get("regionDonationPool").asString()))
			.isGreaterThanOrEqualTo(new BigDecimal("2"));
		var download = pages.download("/time-bank/audit.xlsx?regionCode=" + DISTRICT);
		assertThat(download.status()).isEqualTo(200);
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			Map<String, Double> cells = new HashMap<>();
			for (Row row : sheet) {
				if (row.getRowNum() > 1) {
					cells.put(row.getCell(0).getStringCellValue(), row.getCell(1).getNumericCellValue());
				}
			}
			assertThat(cells.get("本区域爱心互助池（小时）Donation pool (hours)"))
				.isEqualTo(new BigDecimal(audit.get("regionDonationPool").asString()).doubleValue());
			assertThat(cells.get("全部分录合计（应为 0）Sum of all entries (0)")).isZero();
		}
		assertThat(
				browserOf(this.fixtures.anOperatorOf("110105")).get("/time-bank/audit?regionCode=" + DISTRICT).status())
			.isEqualTo(403);

		String settingsPage = pages.get("/regions/" + DISTRICT + "/settings").body();
		assertThat(settingsPage).contains("id=\"settings-time-bank-cap\">4.00<");
		Response refused = pages.submitForm("/regions/" + DISTRICT + "/settings", "/regions/" + DISTRICT + "/settings",
				Map.of("timeBankCap", "-3"));
		assertThat(refused.body()).contains("请填写大于 0、不超过 100000 的时长");
	}

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

}
