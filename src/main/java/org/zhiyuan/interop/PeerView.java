package org.zhiyuan.interop;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An installation whose transfer packages this one trusts: its name, its base address
 * (which a package's issuer must equal), the ids of its public keys, who registered it
 * for which region, and when; {@code revokedAt} once removed.
 */
public record PeerView(UUID id, String name, String baseUrl, List<String> keyIds, String regionCode,
		OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime revokedAt) {

	public PeerView {
		keyIds = List.copyOf(keyIds);
	}

	public boolean active() {
		return this.revokedAt == null;
	}

}
