package org.zhiyuan.emergency;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An emergency plan in a list: what it is for and how big it is. */
public record PlanSummary(UUID id, String regionCode, String name, Hazard hazard, int radiusKm, int people, int teams,
		int assemblyPoints, OffsetDateTime updatedAt) {

}
