package org.zhiyuan.apiclient;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A row of {@code api_client}. */
record ApiClientRow(UUID id, String clientId, String name, List<String> scopes, String regionCode, UUID accountId,
		String secretHash, int secretVersion, String status, UUID createdBy, OffsetDateTime createdAt,
		OffsetDateTime secretRotatedAt, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {

	static final String ACTIVE = "ACTIVE";

	static final String REVOKED = "REVOKED";

	boolean active() {
		return ACTIVE.equals(this.status);
	}

	static List<String> scopesOf(String stored) {
		return Arrays.stream(stored.split(" ")).filter((scope) -> !scope.isBlank()).toList();
	}

	ApiClientView view() {
		return new ApiClientView(this.id, this.clientId, this.name, this.scopes, this.regionCode, this.status,
				this.createdAt, this.secretRotatedAt, this.revokedAt, this.lastUsedAt);
	}

}
