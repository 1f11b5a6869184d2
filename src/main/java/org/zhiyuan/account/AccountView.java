package org.zhiyuan.account;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.Grant;

/** An account as other modules and the web layer see it: never the password hash. */
public record AccountView(UUID id, String username, String displayName, AccountStatus status, Set<Grant> grants,
		OffsetDateTime createdAt) {

}
