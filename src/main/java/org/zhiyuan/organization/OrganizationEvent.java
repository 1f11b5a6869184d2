package org.zhiyuan.organization;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of an organization's review and supervision history. */
public record OrganizationEvent(UUID id, OrganizationEventKind kind, String reason, UUID actorId,
		OffsetDateTime occurredAt) {

}
