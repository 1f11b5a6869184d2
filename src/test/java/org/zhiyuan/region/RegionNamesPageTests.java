package org.zhiyuan.region;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages name regions in the page language: Chinese names in Chinese order, English names
 * in English order ("Chaoyang District, Beijing").
 */
class RegionNamesPageTests extends ApiTestSupport {

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

}
