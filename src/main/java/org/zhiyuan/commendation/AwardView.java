package org.zhiyuan.commendation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An award as the public sees it: the campaign's title and region, the public name of the
 * one awarded (a volunteer's masked) and, for organizations and projects only, their id.
 */
public record AwardView(UUID id, UUID commendationId, String title, String regionCode, CommendationKind kind,
		String publicName, UUID nomineeId, OffsetDateTime awardedAt) {

}
