package org.zhiyuan.account;

/** Whether an account can sign in. */
public enum AccountStatus {

	ACTIVE, CLOSED

}
