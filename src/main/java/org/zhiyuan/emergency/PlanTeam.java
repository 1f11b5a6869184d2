package org.zhiyuan.emergency;

import java.util.UUID;

/** An emergency team a plan calls first. */
public record PlanTeam(UUID organizationId, String name, TeamTier tier, String regionCode) {

}
