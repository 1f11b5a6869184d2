package org.zhiyuan.account;

import org.zhiyuan.access.Role;

/** A platform operator or auditor account to be created for a region. */
public record NewStaff(String username, String password, String displayName, Role role, String regionCode) {

}
