package org.zhiyuan.emergency;

import java.time.OffsetDateTime;

/**
 * A mobilization to launch from a plan: the title (the plan's name when absent), the
 * scene, the radius (the plan's when absent), when to assemble, and where — the plan's
 * assembly point numbered {@code assemblyPointIndex} from 0 (the first when absent), or
 * {@code assemblyPoint} given instead.
 */
public record PlanLaunch(String title, GeoPoint location, Integer radiusKm, OffsetDateTime assembleAt,
		Integer assemblyPointIndex, AssemblyPoint assemblyPoint, boolean drill) {

}
