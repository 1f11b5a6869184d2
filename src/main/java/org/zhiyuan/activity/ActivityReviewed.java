package org.zhiyuan.activity;

import java.util.UUID;

/**
 * The operators decided on an activity sent for review: {@code backfill} when it was
 * registered after it took place (补录), so that its records are confirmed or voided with
 * it; {@code reason} is required for a rejection, optional otherwise.
 */
public record ActivityReviewed(UUID activityId, String title, UUID organizationId, String regionCode, boolean backfill,
		ReviewDecision decision, String reason, UUID submittedBy, UUID decidedBy) {

}
