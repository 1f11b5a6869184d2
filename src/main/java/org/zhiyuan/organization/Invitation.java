package org.zhiyuan.organization;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An organization's invitation to join, as the invited volunteer sees it. */
public record Invitation(UUID organizationId, String organizationName, String regionCode, MemberRole role,
		OffsetDateTime invitedAt) {

}
