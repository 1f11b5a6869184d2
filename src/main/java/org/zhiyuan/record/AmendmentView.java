package org.zhiyuan.record;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A correction of a record's hours that its volunteer asked for: the corrected times
 * (when given) and hours, the reason, and the organization's decision.
 */
public record AmendmentView(UUID id, UUID recordId, UUID volunteerId, String activityTitle, BigDecimal originalHours,
		OffsetDateTime startedAt, OffsetDateTime endedAt, BigDecimal hours, String reason, AmendmentStatus status,
		UUID requestedBy, OffsetDateTime requestedAt, UUID decidedBy, OffsetDateTime decidedAt, String decisionNote) {

}
