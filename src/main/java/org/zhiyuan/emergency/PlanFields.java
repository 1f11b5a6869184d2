package org.zhiyuan.emergency;

import java.util.List;
import java.util.UUID;

import org.zhiyuan.emergency.NewMobilization.NeedRequest;

/**
 * An emergency plan as an operator gave it: checked by {@link EmergencyPlans}, which
 * names every bad field at once. The hazard and the needs' qualifications are text so
 * that an unknown one is one more field problem.
 */
public record PlanFields(String name, String hazard, String description, Integer radiusKm, List<NeedRequest> needs,
		List<UUID> teamIds, List<AssemblyPoint> assemblyPoints) {

}
