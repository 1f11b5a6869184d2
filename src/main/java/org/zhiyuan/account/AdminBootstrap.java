package org.zhiyuan.account;

import java.security.SecureRandom;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhiyuan.access.Grant;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.ProblemException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start with an empty database, creates {@code admin}, a national-level
 * operator. The password comes from {@code ZHIYUAN_ADMIN_PASSWORD}; without it a random
 * one is generated and printed once in the log.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

	static final String ADMIN = "admin";

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private final AccountManagement accounts;

	private final String configuredPassword;

	AdminBootstrap(AccountManagement accounts, @Value("${zhiyuan.admin-password:}") String configuredPassword) {
		this.accounts = accounts;
		this.configuredPassword = configuredPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.accounts.usernameExists(ADMIN)) {
			return;
		}
		boolean generated = this.configuredPassword == null || this.configuredPassword.isBlank();
		String password = generated ? randomPassword() : this.configuredPassword;
		try {
			this.accounts.create(ADMIN, password, "平台管理员", Set.of(Grant.operatorOf(Regions.NATIONAL)), null);
		}
		catch (ProblemException ex) {
			// another instance bootstrapped at the same moment
			return;
		}
		if (generated) {
			log.warn("Created the national operator account 'admin' with the generated password: {}"
					+ " (shown only this once; set ZHIYUAN_ADMIN_PASSWORD to choose it)", password);
		}
		else {
			log.info("Created the national operator account 'admin' with the password from ZHIYUAN_ADMIN_PASSWORD");
		}
	}

	private static String randomPassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 14; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.append(random.nextInt(10)).toString();
	}

}
