package org.zhiyuan.need;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.zhiyuan.shared.ServiceField;

/**
 * A need waiting for volunteers of an organization ({@link NeedStatus#DISPATCHED}), as a
 * recommender may see it: what, where roughly (the community and a point), and when;
 * nothing of the resident.
 */
public record OpenNeed(UUID id, String title, ServiceField field, String regionCode, Double lat, Double lng,
		OffsetDateTime wantedFrom, OffsetDateTime wantedTo, UUID organizationId) {

}
