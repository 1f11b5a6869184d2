package org.zhiyuan.points;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.record.RecordAmendments;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of points and rewards in 乌鲁木齐市新市区: the operator sets the district's rules and
 * offers a reward (a bad field said beside it) and gets the merchant's link; a volunteer
 * redeems it from the catalogue and sees the code on 我的积分; the merchant opens the link,
 * looks the code up and marks it used, once.
 */
class PointsPageTests extends ApiTestSupport {

	private static final String DISTRICT = "650104";

	private static final String STREET = "650104002";

	private static final Pattern CHECK_LINK = Pattern.compile("href=\"(/rewards/[0-9a-f-]{36}/check/[A-Za-z0-9_-]+)\"");

	@Autowired
	Activities activities;

	@Autowired
	ServiceRecords records;

	@Autowired
	RecordAmendments amendments;

	@Autowired
	PointLedger ledger;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void anOperatorOffersAVolunteerRedeemsAndTheMerchantChecksOnce() {
		PointsScene scene = new PointsScene(this.fixtures, this.activities, this.ledger,
				new TransactionTemplate(this.transactions), "650000");
		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		Api operatorPages = browserOf(operator);
		String manage = operatorPages.get("/rewards/manage?regionCode=" + DISTRICT).body();
		assertThat(manage).contains("礼遇目录").contains("id=\"rule-form\"").contains("沿用平台默认规则");
		Response badRule = operatorPages.submitForm("/rewards/manage?regionCode=" + DISTRICT, "/rewards/rules",
				Map.of("regionCode", DISTRICT, "perHour", "十", "hardPerHour", "15", "emergencyPerHour", "20",
						"validMonths", "36"));
		assertThat(badRule.status()).isEqualTo(200);
		assertThat(badRule.body()).contains("请填写 0 到 1,000 之间的整数").contains("value=\"十\"");
		Response rule = operatorPages.submitForm("/rewards/manage?regionCode=" + DISTRICT, "/rewards/rules",
				Map.of("regionCode", DISTRICT, "perHour", "12", "hardPerHour", "18", "emergencyPerHour", "24",
						"validMonths", "24"));
		assertThat(rule.status()).isEqualTo(302);
		assertThat(operatorPages.get("/rewards/manage?regionCode=" + DISTRICT).body()).contains("本地区自定的规则")
			.contains("value=\"12\"");

		Response bad = operatorPages.submitForm("/rewards/manage?regionCode=" + DISTRICT, "/rewards/new",
				Map.of("regionCode", DISTRICT, "title", "", "merchant", "新市区图书馆", "price", "30", "stock", "两份",
						"perPerson", "1", "availableUntil", ""));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("请填写礼遇名称").contains("数量须为 1 到").contains("value=\"新市区图书馆\"");
		Response offered = operatorPages.submitForm("/rewards/manage?regionCode=" + DISTRICT, "/rewards/new",
				Map.of("regionCode", DISTRICT, "title", "图书馆文创书签", "merchant", "新市区图书馆", "price", "30", "stock", "2",
						"perPerson", "1", "availableUntil", ""));
		assertThat(offered.status()).isEqualTo(302);
		String after = operatorPages.get(offered.header("Location").replaceFirst("^https?://[^/]+", "")).body();
		Matcher link = CHECK_LINK.matcher(after);
		assertThat(link.find()).as(after).isTrue();
		String checkPath = link.group(1);
		assertThat(after).contains("图书馆文创书签").contains("只显示这一次");

		Person volunteer = this.fixtures.aVolunteerIn(STREET);
		scene.grant(volunteer.volunteerId(), STREET, 45, 12);
		Person poor = this.fixtures.aVolunteerIn(STREET);
		scene.grant(poor.volunteerId(), STREET, 5, 12);
		String poorCatalogue = browserOf(poor).get("/rewards").body();
		assertThat(poorCatalogue).contains("图书馆文创书签").contains("积分不足");

		Api pages = browserOf(volunteer);
		String catalogue = pages.get("/rewards").body();
		assertThat(catalogue).contains("图书馆文创书签").contains("由新市区图书馆提供").contains("剩 2 份");
		String rewardId = checkPath.split("/")[2];
		Response redeemed = pages.submitForm("/rewards", "/rewards/" + rewardId + "/redeem",
				Map.of("formKey", "page-redeem-1"));
		assertThat(redeemed.status()).isEqualTo(302);
		String mine = pages.get("/me/points").body();
		assertThat(mine).contains("id=\"new-code\"").contains("待使用").contains(">15<");
		Matcher codeMatch = Pattern.compile("redemption-code\">([2-9A-Z]{5}-[2-9A-Z]{5})<").matcher(mine);
		assertThat(codeMatch.find()).as(mine).isTrue();
		String code = codeMatch.group(1);
		Response again = pages.submitForm("/rewards", "/rewards/" + rewardId + "/redeem",
				Map.of("formKey", "page-redeem-2"));
		assertThat(again.status()).isEqualTo(302);
		assertThat(pages.get("/rewards").body()).contains("每人最多兑换 1 份");

		Api merchant = new Api("http://localhost:" + this.port);
		assertThat(merchant.get(checkPath).body()).contains("核销兑换码").contains("图书馆文创书签");
		assertThat(merchant.get(checkPath + "x").status()).isEqualTo(404);
		Response unknown = merchant.submitForm(checkPath, checkPath, Map.of("code", "22222-22222"));
		assertThat(unknown.body()).contains("没有找到这个兑换码");
		Response malformed = merchant.submitForm(checkPath, checkPath, Map.of("code", "abc"));
		assertThat(malformed.body()).contains("兑换码是 10 位字母和数字");
		Response look = merchant.submitForm(checkPath, checkPath, Map.of("code", code.toLowerCase()));
		assertThat(look.body()).contains("待使用").contains("id=\"check-use\"").contains("*");
		Response used = merchant.submitForm(checkPath, checkPath, Map.of("code", code, "use", "true"));
		assertThat(used.body()).contains("核销成功").contains("已核销").doesNotContain("id=\"check-use\"");
		Response twice = merchant.submitForm(checkPath, checkPath, Map.of("code", code, "use", "true"));
		assertThat(twice.body()).contains("已经核销或取消").contains("已核销");

		assertThat(pages.get("/me/points").body()).contains("已核销");
		assertThat(pages.get("/me/points?lang=en").body()).contains("My points").contains("Used");
		assertThat(merchant.get(checkPath + "?lang=en").body()).contains("Check a redemption code");
	}

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

}
