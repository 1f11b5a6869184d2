package org.zhiyuan.signup;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiyuan.support.ActivityFixtures.anActivity;

/**
 * Base of the sign-up API tests: activities published through the API, and what the tests
 * read and set up straight in the tables (a position's counter and the places held, team
 * members and guardians).
 */
abstract class SignupTestSupport extends ApiTestSupport {

	@Autowired
	protected JdbcClient jdbc;

	/** Creates and publishes the activity as the team's admin. */
	protected Published publish(Team team, Map<String, Object> body) {
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		Response created = admin.post("/api/v1/activities", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(admin.post("/api/v1/activities/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		return new Published(id, created.json().get("positions").findValuesAsString("id"));
	}

	/** An activity of the team from the start to the next day's evening, in shifts. */
	@SafeVarargs
	protected static Map<String, Object> shifts(Team team, OffsetDateTime start, Map<String, Object>... shifts) {
		Map<String, Object> body = anActivity(team.id().toString(), 1);
		body.put("startsAt", start.toString());
		body.put("endsAt", start.plusDays(1).plusHours(9).toString());
		body.put("positions", List.of(shifts));
		return body;
	}

	protected static Map<String, Object> shift(String name, int capacity, OffsetDateTime from, OffsetDateTime to) {
		return Map.of("name", name, "capacity", capacity, "startsAt", from.toString(), "endsAt", to.toString());
	}

	/** The position's accepted count. */
	protected long accepted(String positionId) {
		return this.jdbc.sql("SELECT accepted FROM activity_position WHERE id = :id")
			.param("id", UUID.fromString(positionId))
			.query(Long.class)
			.single();
	}

	/** How many sign-ups hold a place of the position: must equal its accepted count. */
	protected long holdingPlaces(String positionId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM signup WHERE position_id = :id AND holds_place = TRUE")
			.param("id", UUID.fromString(positionId))
			.query(Long.class)
			.single();
	}

	/** How many of the position's sign-ups wait for a place. */
	protected long waiting(String positionId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM signup WHERE position_id = :p AND status = 'WAITLISTED'")
			.param("p", UUID.fromString(positionId))
			.query(Long.class)
			.single();
	}

	/**
	 * How many of the volunteer's sign-ups at the activity, or in the position (whichever
	 * the id is of), are active (pending, accepted or waiting), or only the accepted
	 * ones.
	 */
	protected long signupsOf(UUID volunteerId, String activityOrPositionId, boolean acceptedOnly) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM signup WHERE volunteer_id = :v AND (activity_id = :id OR position_id = :id) AND"
					+ (acceptedOnly ? " status = 'APPROVED'" : " status IN ('APPROVED', 'PENDING', 'WAITLISTED')"))
			.param("v", volunteerId)
			.param("id", UUID.fromString(activityOrPositionId))
			.query(Long.class)
			.single();
	}

	protected void joinTeam(UUID organizationId, UUID volunteerId) {
		this.jdbc
			.sql("INSERT INTO organization_member (organization_id, volunteer_id, member_role, status, requested_at,"
					+ " joined_at) VALUES (:o, :v, 'MEMBER', 'ACTIVE', :now, :now)")
			.param("o", organizationId)
			.param("v", volunteerId)
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
	}

	protected void guardianOf(UUID childId, Person guardian) {
		this.jdbc
			.sql("INSERT INTO volunteer_guardian (volunteer_id, name, phone, id_number_sealed, id_number_masked,"
					+ " consented_at) VALUES (:v, '家长', :phone, 'sealed', '110***********0000', :now)")
			.param("v", childId)
			.param("phone", guardian.username())
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
	}

	/** A published activity and its positions' ids, in order. */
	protected record Published(String id, List<String> positions) {

		String position(int index) {
			return this.positions.get(index);
		}

	}

}
