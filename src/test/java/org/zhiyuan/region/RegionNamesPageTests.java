package org.zhiyuan.region;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhiyuan.access.Grant;
import org.zhiyuan.account.AccountManagement;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages name regions in the page language: Chinese names in Chinese order, English names
 * in English order ("Chaoyang District, Beijing").
 */
class RegionNamesPageTests extends ApiTestSupport {

	@Autowired
	AccountManagement accounts;

	@Autowired
	AuditLog auditLog;

	@Test
	void anOrganizationPageNamesItsRegionInThePageLanguage() {
		Fixtures.Team team = this.fixtures.anActiveTeamIn("110105001");
		String chinese = this.api.get("/organizations/" + team.id() + "?lang=zh-CN").body();
		assertThat(chinese).contains("北京市 朝阳区 建外街道").doesNotContain("Chaoyang District");
		String english = this.api.get("/organizations/" + team.id() + "?lang=en").body();
		assertThat(english).contains("Jianwai Subdistrict, Chaoyang District, Beijing").doesNotContain("北京市 朝阳区");
	}

	@Test
	void theOrganizationDirectoryNamesRegionsInEnglish() {
		this.fixtures.anActiveTeamIn("510107");
		assertThat(this.api.get("/organizations?lang=en").body()).contains("Wuhou District, Chengdu, Sichuan");
	}

	@Test
	void theHomePageNamesEachOperatedRegionInThePageLanguage() {
		String username = Fixtures.uniqueUsername("op");
		this.accounts.create(username, Fixtures.PASSWORD, "测试op",
				Set.of(Grant.operatorOf("110105"), Grant.operatorOf("510107")), null);
		Api operator = signedIn(username);
		assertThat(operator.get("/?lang=en").body()).contains("Chaoyang District", "Wuhou District");
		assertThat(operator.get("/?lang=zh-CN").body()).contains("朝阳区", "武侯区").doesNotContain("Wuhou District");
	}

	@Test
	void theAuditLogNamesRegionsInThePageLanguage() {
		Fixtures.Person operator = this.fixtures.anOperatorOf("110105");
		this.auditLog.record(AuditRecord.of("test.region-name", operator.id()).inRegion("110105001"));
		Api browser = signedIn(operator.username());
		assertThat(browser.get("/audit?lang=en").body()).contains("Jianwai Subdistrict, Chaoyang District, Beijing");
		assertThat(browser.get("/audit?lang=zh-CN").body()).contains("北京市 朝阳区 建外街道");
	}

	private Api signedIn(String username) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", username, "password", Fixtures.PASSWORD));
		return browser;
	}

}
