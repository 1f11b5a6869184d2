package org.zhiyuan.commendation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A nomination as its campaign's operators and the nominating organization see it: the
 * nominee's public name (a volunteer's masked name), the reason, the review and how many
 * objections are still open.
 */
public record NominationView(UUID id, UUID commendationId, CommendationKind kind, UUID nomineeId, String publicName,
		UUID organizationId, String reason, NominationStatus status, OffsetDateTime nominatedAt, String reviewNote,
		int openObjections) {

}
