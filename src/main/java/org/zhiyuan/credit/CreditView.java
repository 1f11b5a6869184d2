package org.zhiyuan.credit;

import java.util.List;
import java.util.UUID;

/**
 * A volunteer's credit: the score and how it is made — the base, the points of services
 * (at most {@link Credits#SERVICE_LIMIT}), no-shows and late cancellations with their
 * counts, complaints upheld against the volunteer — and the latest events, newest first.
 */
public record CreditView(UUID volunteerId, int score, int base, int services, int servicePoints, int noShows,
		int lateCancellations, int upheldComplaints, List<CreditEvent> events) {

}
