package org.zhiyuan.record;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A service record as recorded ({@code hours}) and as approved ({@code effectiveHours},
 * which an approved amendment may change). Hours have two decimal places.
 */
public record ServiceRecordView(UUID id, UUID volunteerId, UUID activityId, String activityTitle, UUID organizationId,
		String organizationName, String place, String content, OffsetDateTime startedAt, OffsetDateTime endedAt,
		BigDecimal hours, BigDecimal effectiveHours, RecordMethod method, UUID recordedBy, OffsetDateTime recordedAt,
		RecordStatus status) {

}
