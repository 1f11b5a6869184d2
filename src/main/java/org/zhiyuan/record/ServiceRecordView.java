package org.zhiyuan.record;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A service record as recorded ({@code hours}) and as approved ({@code effectiveHours},
 * which an approved amendment may change), with the anomalies found when it was made and
 * where it stands in review; only records whose review {@linkplain RecordReview#counts()
 * counts} add to totals. Hours have two decimal places.
 */
public record ServiceRecordView(UUID id, UUID volunteerId, UUID activityId, String activityTitle, UUID organizationId,
		String organizationName, String place, String content, OffsetDateTime startedAt, OffsetDateTime endedAt,
		BigDecimal hours, BigDecimal effectiveHours, RecordMethod method, UUID recordedBy, OffsetDateTime recordedAt,
		RecordStatus status, List<RecordFlag> flags, RecordReview review) {

	public ServiceRecordView {
		flags = List.copyOf(flags);
	}

	/** Whether the record's hours count in the volunteer's totals. */
	public boolean counted() {
		return this.review.counts();
	}

}
