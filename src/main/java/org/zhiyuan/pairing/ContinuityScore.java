package org.zhiyuan.pairing;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The continuity of a pairing from its history of volunteers: each entry serves from its
 * assignment until the next one (the last until the pairing ended, or now). The score is
 * the share, in whole percent, of the whole time that the longest-serving volunteer (or
 * the team) served, summed over their turns.
 */
final class ContinuityScore {

	private ContinuityScore() {
	}

	/** Changes of volunteer, volunteers (the team counts as one), and the score. */
	record Result(int changes, int changesSince, int distinct, int score) {

	}

	static Result of(List<AssignmentView> history, OffsetDateTime end, OffsetDateTime since) {
		if (history.isEmpty()) {
			return new Result(0, 0, 0, 100);
		}
		Map<Optional<UUID>, Long> served = new HashMap<>();
		Set<Optional<UUID>> distinct = new HashSet<>();
		long total = 0;
		int changesSince = 0;
		for (int i = 0; i < history.size(); i++) {
			AssignmentView turn = history.get(i);
			OffsetDateTime until = (i + 1 < history.size()) ? history.get(i + 1).assignedAt() : end;
			long seconds = Math.max(0, Duration.between(turn.assignedAt(), until).toSeconds());
			Optional<UUID> who = Optional.ofNullable(turn.volunteerId());
			served.merge(who, seconds, Long::sum);
			distinct.add(who);
			total += seconds;
			if (i > 0 && !turn.assignedAt().isBefore(since)) {
				changesSince++;
			}
		}
		long longest = served.values().stream().mapToLong(Long::longValue).max().orElse(0);
		int score = (total == 0) ? 100 : (int) Math.round(100.0 * longest / total);
		return new Result(history.size() - 1, changesSince, distinct.size(), score);
	}

}
