/**
 * Accounts and sign-in: passwords (and setting a new one with a code sent to the phone),
 * a throttle on repeated attempts, API tokens that expire and die with a password change,
 * the roles granted to each account, and the bootstrap administrator.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "region", "access", "audit", "notification" })
package org.zhiyuan.account;
