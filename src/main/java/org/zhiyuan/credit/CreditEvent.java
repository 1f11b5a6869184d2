package org.zhiyuan.credit;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One event of a volunteer's credit: what, when, at which activity, and its points. */
public record CreditEvent(CreditEventKind kind, int points, OffsetDateTime occurredAt, UUID activityId,
		String activityTitle) {

}
