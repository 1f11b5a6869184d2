package org.zhiyuan.emergency;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An emergency plan (应急预案) of a region for a hazard: the people needed, the emergency
 * teams to call first, the assembly points (the first the default) and the default radius
 * of a mobilization launched from it.
 */
public record EmergencyPlan(UUID id, String regionCode, String name, Hazard hazard, String description, int radiusKm,
		PlanStatus status, List<Need> needs, List<PlanTeam> teams, List<AssemblyPoint> assemblyPoints,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) {

	/** The ids of the teams to call first, in the order picked. */
	public List<UUID> teamIds() {
		return this.teams.stream().map(PlanTeam::organizationId).toList();
	}

	/** How many people the needs ask for in all. */
	public int people() {
		return this.needs.stream().mapToInt(Need::count).sum();
	}

}
