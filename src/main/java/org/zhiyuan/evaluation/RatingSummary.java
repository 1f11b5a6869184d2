package org.zhiyuan.evaluation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The ratings of an activity by the volunteers who served at it, as anyone may see them:
 * how many, their average (one decimal, {@code null} when there is none), how many gave
 * each number of stars ({@code distribution[0]} one star to {@code distribution[4]} five)
 * and the most recent comments, with no names.
 */
public record RatingSummary(UUID activityId, long count, BigDecimal average, List<Long> distribution,
		List<Comment> recentComments) {

	public RatingSummary {
		distribution = List.copyOf(distribution);
		recentComments = List.copyOf(recentComments);
	}

	/** The average rounded to whole stars, 0 when there is none, for pages. */
	public int wholeStars() {
		return (this.average != null) ? this.average.setScale(0, java.math.RoundingMode.HALF_UP).intValue() : 0;
	}

	/** A comment as the public sees it: the stars given with it and when, no name. */
	public record Comment(int stars, String comment, OffsetDateTime ratedAt) {

	}

}
