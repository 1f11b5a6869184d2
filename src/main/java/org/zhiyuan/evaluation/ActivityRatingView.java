package org.zhiyuan.evaluation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * How a volunteer rated an activity they served at, for that volunteer: 1 to 5 stars, an
 * optional comment, when it was last changed and until when it may still be changed.
 */
public record ActivityRatingView(UUID recordId, UUID activityId, int stars, String comment, OffsetDateTime ratedAt,
		OffsetDateTime changeableUntil) {

}
