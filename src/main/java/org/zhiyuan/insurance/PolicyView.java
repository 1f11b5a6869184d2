package org.zhiyuan.insurance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An insurance policy of an organization: it covers whole days, China time, from
 * {@code startsOn} to {@code endsOn}; {@code insuredCount} volunteers are insured under
 * it.
 */
public record PolicyView(UUID id, UUID organizationId, String insurer, String policyNumber, LocalDate startsOn,
		LocalDate endsOn, String coverage, long insuredCount, OffsetDateTime createdAt) {

	public boolean covers(LocalDate day) {
		return !day.isBefore(this.startsOn) && !day.isAfter(this.endsOn);
	}

	/** Whether the policy has ended before the day. */
	public boolean endedBefore(LocalDate day) {
		return this.endsOn.isBefore(day);
	}

	/**
	 * Whether it ends within the given number of days from the day (and has not ended).
	 */
	public boolean endsWithin(LocalDate day, int days) {
		return !endedBefore(day) && !this.endsOn.isAfter(day.plusDays(days));
	}

}
