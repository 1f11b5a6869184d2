package org.zhiyuan.demo;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhiyuan.access.Grant;
import org.zhiyuan.account.AccountManagement;
import org.zhiyuan.region.Regions;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds 北京市朝阳区 (110105) once: the district's operator, operators of two of its streets,
 * an auditor, and the city's operator. Every demo account uses the password
 * {@value #PASSWORD}. Running again changes nothing.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("zhiyuan.demo")
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "demo2026zy";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final AccountManagement accounts;

	private final Regions regions;

	DemoData(AccountManagement accounts, Regions regions) {
		this.accounts = accounts;
		this.regions = regions;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.accounts.usernameExists("chaoyang")) {
			return;
		}
		List<DemoStaff> staff = List.of(new DemoStaff("beijing", "北京市志愿服务联合会", Grant.operatorOf("110000")),
				new DemoStaff("chaoyang", "朝阳区志愿服务指导中心", Grant.operatorOf("110105")),
				new DemoStaff("jianwai", "建外街道志愿服务站", Grant.operatorOf("110105001")),
				new DemoStaff("chaowai", "朝外街道志愿服务站", Grant.operatorOf("110105002")),
				new DemoStaff("shenji", "朝阳区志愿服务督查员", Grant.auditorOf("110105")),
				new DemoStaff("huangpu", "上海市黄浦区志愿服务指导中心", Grant.operatorOf("310101")));
		for (DemoStaff person : staff) {
			if (this.regions.exists(person.grant().scope())) {
				this.accounts.create(person.username(), PASSWORD, person.displayName(), Set.of(person.grant()), null);
			}
		}
		log.info("Demo data seeded: operators of 北京市, 朝阳区 and two of its streets, an auditor, and 黄浦区;"
				+ " usernames beijing, chaoyang, jianwai, chaowai, shenji, huangpu");
	}

	record DemoStaff(String username, String displayName, Grant grant) {

	}

}
