package org.zhiyuan.commendation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An objection to a nominee, without who raised it: the reason, its state and the
 * operators' answer.
 */
public record ObjectionView(UUID id, UUID nominationId, String nomineeName, String reason, ObjectionStatus status,
		OffsetDateTime raisedAt, String note, OffsetDateTime answeredAt) {

}
