package org.zhiyuan.account;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An account row as stored; never leaves the module. */
record AccountRow(UUID id, String username, String passwordHash, String displayName, AccountStatus status,
		int credentialsVersion, OffsetDateTime createdAt) {

}
