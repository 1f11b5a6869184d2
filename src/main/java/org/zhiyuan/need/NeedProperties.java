package org.zhiyuan.need;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The time limits of a need's steps ({@code zhiyuan.need.*}): a need still not dispatched
 * {@code dispatchWithin} after it was submitted, not accepted {@code acceptWithin} after
 * it was dispatched, or not done {@code completionGrace} after the end of the time the
 * resident wanted, is flagged to its region's operators.
 *
 * @param dispatchWithin default 2 hours
 * @param acceptWithin default 4 hours
 * @param completionGrace default 24 hours
 */
@ConfigurationProperties("zhiyuan.need")
public record NeedProperties(Duration dispatchWithin, Duration acceptWithin, Duration completionGrace) {

	public NeedProperties {
		dispatchWithin = positive(dispatchWithin, Duration.ofHours(2));
		acceptWithin = positive(acceptWithin, Duration.ofHours(4));
		completionGrace = positive(completionGrace, Duration.ofHours(24));
	}

	private static Duration positive(Duration value, Duration otherwise) {
		return (value != null && !value.isNegative() && !value.isZero()) ? value : otherwise;
	}

}
