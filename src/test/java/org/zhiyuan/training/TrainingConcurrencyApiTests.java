package org.zhiyuan.training;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Concurrently;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many volunteers enrol in a session of a few places at the same moment, over HTTP, on
 * each database: exactly the capacity is enrolled, and the count equals the enrolments.
 */
class TrainingConcurrencyApiTests extends ApiTestSupport {

	private static final int VOLUNTEERS = 150;

	private static final int PLACES = 7;

	@Autowired
	JdbcClient jdbc;

	@Test
	void neverEnrolsMoreThanTheCapacity() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		String courseId = admin
			.post("/api/v1/courses", Map.of("organizationId", team.id().toString(), "title", "急救培训", "hours", "3.0",
					"qualification", Map.of("code", "FIRST_AID", "validMonths", 24)))
			.json()
			.get("id")
			.asString();
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).withNano(0);
		String sessionId = admin.post("/api/v1/courses/" + courseId + "/sessions",
				Map.of("startsAt", start.toString(), "endsAt", start.plusHours(3).toString(), "regionCode", "110105001",
						"address", "社区卫生服务中心", "capacity", PLACES))
			.json()
			.get("id")
			.asString();
		List<String> tokens = new ArrayList<>();
		for (Person person : this.fixtures.manyVolunteersIn("110105001", VOLUNTEERS)) {
			String token = this.fixtures.tokenFor(person);
			tokens.add(token);
			if (tokens.size() <= 20) {
				// some tap twice
				tokens.add(token);
			}
		}

		List<Integer> statuses = Concurrently.postByEach(this.port, tokens,
				"/api/v1/course-sessions/" + sessionId + "/enrolments", "{}");

		assertThat(statuses).filteredOn((s) -> s == 201).hasSize(PLACES);
		assertThat(statuses).filteredOn((s) -> s == 409).hasSize(tokens.size() - PLACES);
		UUID id = UUID.fromString(sessionId);
		assertThat(this.jdbc.sql("SELECT enrolled FROM course_session WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(PLACES);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM course_enrolment WHERE session_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(PLACES);
	}

}
