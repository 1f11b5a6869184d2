package org.zhiyuan.evaluation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What an organization said of a volunteer's service: the record, the activity and the
 * organization, 1 to 5 stars and an optional comment, when it was last changed and until
 * when it may still be changed.
 */
public record EvaluationView(UUID recordId, UUID volunteerId, UUID activityId, String activityTitle,
		UUID organizationId, String organizationName, int stars, String comment, OffsetDateTime ratedAt,
		OffsetDateTime changeableUntil) {

}
