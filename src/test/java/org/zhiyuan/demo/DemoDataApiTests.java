package org.zhiyuan.demo;

import org.junit.jupiter.api.Test;
import org.zhiyuan.account.AccountManagement;
import org.zhiyuan.region.Regions;
import org.zhiyuan.support.ApiTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataApiTests extends ApiTestSupport {

	@Autowired
	AccountManagement accounts;

	@Autowired
	Regions regions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void seedsTheDemoDistrictOnceAndItsOperatorsCanWork() {
		DemoData demo = new DemoData(this.accounts, this.regions);
		demo.run(null);
		long accountsAfterFirstRun = this.jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single();
		demo.run(null);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single())
			.isEqualTo(accountsAfterFirstRun);
		var chaoyang = this.api.signIn("chaoyang", DemoData.PASSWORD);
		assertThat(chaoyang.get("/api/v1/staff?regionCode=110105&size=200")
			.json()
			.get("items")
			.findValuesAsString("username")).contains("chaoyang", "jianwai", "chaowai", "shenji")
			.doesNotContain("huangpu");
	}

}
