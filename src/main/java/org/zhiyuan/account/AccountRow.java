package org.zhiyuan.account;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An account row as stored; never leaves the module. */
record AccountRow(UUID id, String username, String passwordHash, String displayName, AccountStatus status,
		int failedAttempts, OffsetDateTime lockedUntil, int credentialsVersion, OffsetDateTime createdAt) {

	boolean isLockedAt(OffsetDateTime now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

}
