package org.zhiyuan.emergency;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An organization marked as an emergency team. */
public record EmergencyTeamView(UUID organizationId, String name, TeamTier tier, String regionCode,
		OffsetDateTime markedAt) {

}
