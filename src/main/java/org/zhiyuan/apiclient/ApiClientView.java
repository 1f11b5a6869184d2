package org.zhiyuan.apiclient;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A registered system as operators see it; never its secret.
 *
 * @param id the client's record id
 * @param clientId the identifier the system sends with its secret
 * @param scopes the scopes it holds, as written (e.g. {@code records:read})
 * @param status {@code ACTIVE} or {@code REVOKED}
 * @param lastUsedAt its last API call, to the minute, or {@code null}
 */
public record ApiClientView(UUID id, String clientId, String name, List<String> scopes, String regionCode,
		String status, OffsetDateTime createdAt, OffsetDateTime secretRotatedAt, OffsetDateTime revokedAt,
		OffsetDateTime lastUsedAt) {

	public boolean active() {
		return ApiClientRow.ACTIVE.equals(this.status);
	}

}
