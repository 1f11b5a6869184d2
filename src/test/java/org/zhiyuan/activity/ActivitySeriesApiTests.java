package org.zhiyuan.activity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiyuan.support.ActivityFixtures.anActivity;

/**
 * A weekly or daily activity created once as a series, and copies of an activity as new
 * drafts.
 */
class ActivitySeriesApiTests extends ApiTestSupport {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Autowired
	JdbcClient jdbc;

	@Test
	void generatesWeeklyOccurrencesEachWithItsOwnPositionsAndSignups() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		Map<String, Object> first = anActivity(team.id().toString(), 1);
		Response created = admin.post("/api/v1/activity-series",
				Map.of("activity", first, "repeat", Map.of("frequency", "WEEKLY", "count", 4), "publish", true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		var occurrences = created.json().get("occurrences");
		assertThat(occurrences).hasSize(4);
		OffsetDateTime start = OffsetDateTime.parse((String) first.get("startsAt"));
		Set<String> positions = new HashSet<>();
		for (int i = 0; i < 4; i++) {
			var occurrence = occurrences.get(i);
			assertThat(occurrence.get("status").asString()).isEqualTo("RECRUITING");
			assertThat(OffsetDateTime.parse(occurrence.get("startsAt").asString()).toInstant())
				.isEqualTo(start.atZoneSameInstant(CHINA).plusWeeks(i).toInstant());
			positions.add(occurrence.get("positions").get(0).get("id").asString());
		}
		assertThat(positions).as("each occurrence has positions of its own").hasSize(4);

		// a volunteer takes the only place of the first Saturday; the next is still free
		Api volunteer = this.api.as(this.fixtures.tokenFor(this.fixtures.aVolunteerIn("110105001")));
		String firstId = occurrences.get(0).get("id").asString();
		String secondId = occurrences.get(1).get("id").asString();
		assertThat(volunteer
			.post("/api/v1/activities/" + firstId + "/signups",
					Map.of("positionId", occurrences.get(0).get("positions").get(0).get("id").asString()))
			.status()).isEqualTo(201);
		assertThat(this.api.get("/api/v1/activities/" + firstId).json().get("accepted").asInt()).isEqualTo(1);
		assertThat(this.api.get("/api/v1/activities/" + secondId).json().get("accepted").asInt()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM activity WHERE series_id = :s")
			.param("s", UUID.fromString(created.json().get("id").asString()))
			.query(Long.class)
			.single()).isEqualTo(4);
	}

	@Test
	void endsADailySeriesOnItsLastDayAndKeepsShiftsInStep() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		Map<String, Object> first = anActivity(team.id().toString(), 3);
		OffsetDateTime start = OffsetDateTime.parse((String) first.get("startsAt"));
		first.put("positions", List.of(Map.of("name", "早班", "capacity", 3, "startsAt", start.toString(), "endsAt",
				start.plusHours(1).toString())));
		LocalDate lastDay = start.atZoneSameInstant(CHINA).toLocalDate().plusDays(2);
		Response created = admin.post("/api/v1/activity-series",
				Map.of("activity", first, "repeat", Map.of("frequency", "DAILY", "until", lastDay.toString())));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		var occurrences = created.json().get("occurrences");
		assertThat(occurrences).hasSize(3);
		assertThat(occurrences.findValuesAsString("status")).containsOnly("DRAFT");
		var lastShift = occurrences.get(2).get("positions").get(0);
		assertThat(OffsetDateTime.parse(lastShift.get("startsAt").asString()).toInstant())
			.isEqualTo(start.plusDays(2).toInstant());
	}

	@Test
	void refusesARuleBeyondFiftyTwoOccurrencesOrWithoutAnEndAndCreatesNothing() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		Map<String, Object> first = anActivity(team.id().toString(), 3);
		String title = (String) first.get("title");
		Response tooMany = admin.post("/api/v1/activity-series",
				Map.of("activity", first, "repeat", Map.of("frequency", "DAILY", "count", 53)));
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.json().get("errors").findValuesAsString("field")).contains("repeat.count");
		Response noEnd = admin.post("/api/v1/activity-series",
				Map.of("activity", first, "repeat", Map.of("frequency", "WEEKLY")));
		assertThat(noEnd.status()).isEqualTo(400);
		Map<String, Object> bad = new HashMap<>(first);
		bad.remove("title");
		Response badActivity = admin.post("/api/v1/activity-series",
				Map.of("activity", bad, "repeat", Map.of("frequency", "WEEKLY", "count", 2)));
		assertThat(badActivity.json().get("errors").findValuesAsString("field")).contains("activity.title");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM activity WHERE title = :t")
			.param("t", title)
			.query(Long.class)
			.single()).isZero();
		Response stranger = this.api.as(this.fixtures.tokenFor(this.fixtures.aVolunteerIn("110105001")))
			.post("/api/v1/activity-series",
					Map.of("activity", first, "repeat", Map.of("frequency", "WEEKLY", "count", 2)));
		assertThat(stranger.status()).isEqualTo(403);
	}

	@Test
	void copiesAnActivityIntoANewDraftWithoutItsSignups() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		Map<String, Object> body = anActivity(team.id().toString(), 4);
		body.put("positions", List.of(Map.of("name", "引导员", "capacity", 4, "minAge", 18, "gender", "FEMALE")));
		var original = admin.post("/api/v1/activities", body).json();
		String id = original.get("id").asString();
		admin.post("/api/v1/activities/" + id + "/publish", Map.of());
		this.api.as(this.fixtures.tokenFor(this.fixtures.manyVolunteersIn("110105001", 1).get(0)))
			.post("/api/v1/activities/" + id + "/signups",
					Map.of("positionId", original.get("positions").get(0).get("id").asString()));

		Response copy = admin.post("/api/v1/activities/" + id + "/copy", Map.of());
		assertThat(copy.status()).as(copy.body()).isEqualTo(201);
		assertThat(copy.json().get("id").asString()).isNotEqualTo(id);
		assertThat(copy.json().get("status").asString()).isEqualTo("DRAFT");
		assertThat(copy.json().get("title").asString()).isEqualTo(original.get("title").asString());
		var position = copy.json().get("positions").get(0);
		assertThat(position.get("name").asString()).isEqualTo("引导员");
		assertThat(position.get("gender").asString()).isEqualTo("FEMALE");
		assertThat(position.get("minAge").asInt()).isEqualTo(18);
		assertThat(position.get("accepted").asInt()).isZero();

		Team other = this.fixtures.anActiveTeamIn("110105");
		assertThat(this.api.as(this.fixtures.tokenFor(other.admin()))
			.post("/api/v1/activities/" + id + "/copy", Map.of())
			.status()).isEqualTo(403);
	}

	@Test
	void copiesAPastActivityToTheSameWeekdayAhead() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		var original = admin.post("/api/v1/activities", anActivity(team.id().toString(), 4)).json();
		String id = original.get("id").asString();
		OffsetDateTime twoWeeksAgo = OffsetDateTime.parse(original.get("startsAt").asString()).minusDays(21);
		this.jdbc
			.sql("UPDATE activity SET starts_at = :s, ends_at = :e, signup_deadline = :s, status = 'FINISHED'"
					+ " WHERE id = :id")
			.param("s", twoWeeksAgo)
			.param("e", twoWeeksAgo.plusHours(2))
			.param("id", UUID.fromString(id))
			.update();
		Response copy = admin.post("/api/v1/activities/" + id + "/copy", Map.of());
		assertThat(copy.status()).as(copy.body()).isEqualTo(201);
		OffsetDateTime starts = OffsetDateTime.parse(copy.json().get("startsAt").asString());
		assertThat(starts).isAfter(OffsetDateTime.now());
		assertThat(starts.atZoneSameInstant(CHINA).getDayOfWeek())
			.isEqualTo(twoWeeksAgo.atZoneSameInstant(CHINA).getDayOfWeek());
		assertThat(starts.atZoneSameInstant(CHINA).toLocalTime())
			.isEqualTo(twoWeeksAgo.atZoneSameInstant(CHINA).toLocalTime());
	}

}
