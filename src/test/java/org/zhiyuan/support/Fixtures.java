package org.zhiyuan.support;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.zhiyuan.access.Grant;
import org.zhiyuan.account.AccountManagement;
import org.zhiyuan.account.AccountView;

import org.springframework.boot.test.context.TestComponent;

/**
 * Named ways to make the people a test needs. Every account gets a fresh username, so
 * tests never depend on each other's data.
 */
@TestComponent
public class Fixtures {

	public static final String PASSWORD = "Secret-pass-42";

	private final AccountManagement accounts;

	Fixtures(AccountManagement accounts) {
		this.accounts = accounts;
	}

	public Person anOperatorOf(String regionCode) {
		return aPersonWith("op", Grant.operatorOf(regionCode));
	}

	public Person anAuditorOf(String regionCode) {
		return aPersonWith("au", Grant.auditorOf(regionCode));
	}

	public Person aVolunteer() {
		return aPersonWith("vol", Grant.volunteer());
	}

	public Person aPersonWith(String prefix, Grant grant) {
		String username = uniqueUsername(prefix);
		AccountView account = this.accounts.create(username, PASSWORD, "测试" + prefix, Set.of(grant), null);
		return new Person(account.id(), username, PASSWORD);
	}

	public static String uniqueUsername(String prefix) {
		return prefix + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFFFFFL);
	}

	/** Someone the test can sign in as. */
	public record Person(java.util.UUID id, String username, String password) {

	}

}
