package org.zhiyuan.pairing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContinuityScoreUnitTests {

	private static final OffsetDateTime START = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	@Test
	void oneVolunteerThroughoutScoresAHundred() {
		ContinuityScore.Result result = ContinuityScore.of(List.of(turn(UUID.randomUUID(), 0)), START.plusDays(300),
				START);
		assertThat(result.score()).isEqualTo(100);
		assertThat(result.changes()).isZero();
		assertThat(result.distinct()).isEqualTo(1);
	}

	@Test
	void frequentChangesDriveTheScoreDown() {
		UUID a = UUID.randomUUID();
		UUID b = UUID.randomUUID();
		UUID c = UUID.randomUUID();
		ContinuityScore.Result result = ContinuityScore.of(List.of(turn(a, 0), turn(b, 100), turn(c, 200)),
				START.plusDays(300), START.plusDays(150));
		assertThat(result.score()).isEqualTo(33);
		assertThat(result.changes()).isEqualTo(2);
		assertThat(result.changesSince()).isEqualTo(1);
		assertThat(result.distinct()).isEqualTo(3);
	}

	@Test
	void aVolunteerWhoComesBackCountsAllTheirTurns() {
		UUID a = UUID.randomUUID();
		ContinuityScore.Result result = ContinuityScore
			.of(List.of(turn(a, 0), turn(UUID.randomUUID(), 100), turn(a, 150)), START.plusDays(200), START);
		assertThat(result.score()).isEqualTo(75);
		assertThat(result.distinct()).isEqualTo(2);
	}

	@Test
	void theTeamCountsAsOne() {
		ContinuityScore.Result result = ContinuityScore.of(List.of(turn(null, 0), turn(UUID.randomUUID(), 30)),
				START.plusDays(40), START);
		assertThat(result.score()).isEqualTo(75);
	}

	private static AssignmentView turn(UUID volunteer, int day) {
		return new AssignmentView(day, volunteer, null, null, START.plusDays(day));
	}

}
