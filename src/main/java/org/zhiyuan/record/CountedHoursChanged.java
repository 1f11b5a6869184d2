package org.zhiyuan.record;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.zhiyuan.activity.ActivityView;

/**
 * What a service record counts changed: it was written, an approved amendment changed its
 * hours, or a review counted or voided it. {@code hoursBefore} and {@code hoursAfter} are
 * the hours it counted before and after the change, {@code null} while it did not count;
 * {@code volunteerRegionCode} is the volunteer's region when the record was written;
 * {@code activity} the record's activity as the writer read it, or {@code null};
 * {@code written} whether the change is the record's writing, so that nothing can have
 * been issued for it before. Published in the transaction of the change.
 */
public record CountedHoursChanged(UUID recordId, UUID volunteerId, UUID activityId, OffsetDateTime startedAt,
		String volunteerRegionCode, BigDecimal hoursBefore, BigDecimal hoursAfter, ActivityView activity,
		boolean written) {

	/** A change of a record written earlier. */
	public CountedHoursChanged(UUID recordId, UUID volunteerId, UUID activityId, OffsetDateTime startedAt,
			String volunteerRegionCode, BigDecimal hoursBefore, BigDecimal hoursAfter) {
		this(recordId, volunteerId, activityId, startedAt, volunteerRegionCode, hoursBefore, hoursAfter, null, false);
	}

	/**
	 * The record's activity: as the writer read it when it had it at hand, so that
	 * listeners need not read it again, else read now.
	 */
	public Optional<ActivityView> activityOr(Function<UUID, Optional<ActivityView>> finder) {
		return (this.activity != null) ? Optional.of(this.activity) : finder.apply(this.activityId);
	}

}
