package org.zhiyuan.pairing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.organization.MemberRole;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pairing (结对) through the API. The people of these tests live in 杭州市上城区 (330102), which
 * no other test uses; 拱墅区 (330105) is the other region.
 */
class PairingApiTests extends ApiTestSupport {

	static final String DISTRICT = "330102";

	static final String STREET = "330102003";

	static final String OTHER_DISTRICT = "330105";

	/** The person's home, 湖滨街道. */
	static final double LAT = 30.2590;

	static final double LNG = 120.1650;

	static final String NAME = "王秀英";

	static final String ADDRESS = "上城区湖滨街道东坡路 12 号 3 单元 401";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organizations organizations;

	@Autowired
	Pairings pairings;

	@Test
	void onlyThePairingsVolunteerItsOrganizationAndTheRegionsOverseersReadAPersonAndEveryReadIsAudited() {
		Team team = this.fixtures.anActiveTeamIn(STREET);
		Person paired = memberOf(team);
		Person otherVolunteer = this.fixtures.aVolunteerIn(STREET);
		Person otherAdmin = this.fixtures.anActiveTeamIn(STREET).admin();
		Person operator = this.fixtures.anOperatorOf(DISTRICT);
		Person otherOperator = this.fixtures.anOperatorOf(OTHER_DISTRICT);
		Person auditor = this.fixtures.anAuditorOf(DISTRICT);
		String beneficiary = register(team, elderly());
		pair(team, beneficiary, paired, "WEEKLY", null);

		Map<Person, Integer> expected = new LinkedHashMap<>();
		expected.put(paired, 200);
		expected.put(otherVolunteer, 403);
		expected.put(team.admin(), 200);
		expected.put(otherAdmin, 403);
		expected.put(operator, 200);
		expected.put(otherOperator, 403);
		expected.put(auditor, 200);
		expected.forEach((person, status) -> {
			assertThat(as(person).get("/api/v1/beneficiaries/" + beneficiary).status()).as(person.username())
				.isEqualTo(status);
			assertThat(as(person).get("/api/v1/beneficiaries/" + beneficiary + "/contact").status())
				.as(person.username())
				.isEqualTo(status);
		});
		assertThat(this.api.get("/api/v1/beneficiaries/" + beneficiary).status()).isEqualTo(401);

		JsonNode masked = as(paired).get("/api/v1/beneficiaries/" + beneficiary).json();
		assertThat(masked.path("nameMasked").asString()).isEqualTo("王*英").doesNotContain("秀");
		assertThat(masked.toString()).doesNotContain(NAME).doesNotContain("东坡路").doesNotContain("13700001234");
		JsonNode contact = as(paired).get("/api/v1/beneficiaries/" + beneficiary + "/contact").json();
		assertThat(contact.path("name").asString()).isEqualTo(NAME);
		assertThat(contact.path("address").asString()).isEqualTo(ADDRESS);
		assertThat(contact.path("phone").asString()).isEqualTo("13700001234");

		assertThat(audited(beneficiary, "beneficiary", "SUCCESS")).isEqualTo(5);
		assertThat(audited(beneficiary, "beneficiary", "DENIED")).isEqualTo(3);
		assertThat(audited(beneficiary, "beneficiary-contact", "SUCCESS")).isEqualTo(5);
		assertThat(audited(beneficiary, "beneficiary-contact", "DENIED")).isEqualTo(3);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE object_id = :id AND action = 'personal-data.read'"
					+ " AND actor_id = :actor AND outcome = 'DENIED'")
			.param("id", beneficiary)
			.param("actor", otherOperator.id())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void sealsThePersonsDataAtRest() {
		Team team = this.fixtures.anActiveTeamIn(STREET);
		String beneficiary = register(team, elderly());
		Map<String, Object> row = this.jdbc.sql("SELECT * FROM beneficiary WHERE id = :id")
			.param("id", UUID.fromString(beneficiary))
			.query()
			.singleRow();
		Map<String, Object> columns = new LinkedHashMap<>();
		row.forEach((key, value) -> columns.put(key.toLowerCase(java.util.Locale.ROOT), value));
		for (String sealed : List.of("name_sealed", "address_sealed", "location_sealed", "phone_sealed",
				"notes_sealed")) {
			assertThat((String) columns.get(sealed)).as(sealed).startsWith("zk1:");
		}
		String everything = columns.values().toString();
		assertThat(everything).doesNotContain(NAME)
			.doesNotContain("东坡路")
			.doesNotContain("13700001234")
			.doesNotContain(String.valueOf(LAT))
			.doesNotContain("独居");
		assertThat(columns.get("name_masked")).isEqualTo("王*英");
		assertThat(columns.get("phone_masked")).isEqualTo("137****1234");
	}

	@Test
	void aChildsRecordNeedsTheGuardiansNameAndConsent() {
		Team team = this.fixtures.anActiveTeamIn(STREET);
		Map<String, Object> child = withOrganization(elderly(), team);
		child.put("keyGroup", "LEFT_BEHIND_CHILD");
		child.put("birthYear", LocalDate.now(Pairings.CHINA).getYear() - 9);
		Response refused = as(team.admin()).post("/api/v1/beneficiaries", child);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().path("errors").findValuesAsString("field")).contains("guardian.name",
				"guardian.consentOn");
		child.put("guardian", Map.of("name", "王建国", "consentOn", LocalDate.now(Pairings.CHINA).toString()));
		Response registered = as(team.admin()).post("/api/v1/beneficiaries", child);
		assertThat(registered.status()).isEqualTo(201);
		assertThat(registered.json().path("guardianNamed").asBoolean()).isTrue();
		assertThat(registered.body()).doesNotContain("王建国");
	}

	@Test
	void someoneOfAnotherRegionOrOrganizationRegistersNobody() {
		Team team = this.fixtures.anActiveTeamIn(STREET);
		Person otherAdmin = this.fixtures.anActiveTeamIn(STREET).admin();
		assertThat(as(otherAdmin).post("/api/v1/beneficiaries", withOrganization(elderly(), team)).status())
			.isEqualTo(403);
		assertThat(as(this.fixtures.anOperatorOf(OTHER_DISTRICT)).post("/api/v1/beneficiaries", elderly()).status())
			.isEqualTo(403);
		assertThat(as(this.fixtures.anOperatorOf(DISTRICT)).post("/api/v1/beneficiaries", elderly()).status())
			.isEqualTo(201);
	}

	@Test
	void checksAVisitInOnlyWithinTheRadiusOfTheAddress() {
		Team team = this.fixtures.anActiveTeamIn(STREET);
		Person paired = memberOf(team);
		Person other = memberOf(team);
		String pairing = pair(team, register(team, elderly()), paired, "WEEKLY", null);
		LocalDate today = LocalDate.now(Pairings.CHINA);

		Response far = as(paired).post("/api/v1/pairings/" + pairing + "/visits", visitAt(LAT + 0.01, LNG, null));
		assertThat(far.status()).isEqualTo(422);
		assertThat(far.problemCode()).isEqualTo("OUTSIDE_GEOFENCE");
		assertThat(as(other).post("/api/v1/pairings/" + pairing + "/visits", visitAt(LAT, LNG, null)).status())
			.isEqualTo(403);

		Map<String, String> key = Map.of("Idempotency-Key", "visit-" + UUID.randomUUID());
		Response inside = as(paired).postWithHeaders("/api/v1/pairings/" + pairing + "/visits",
				visitAt(LAT + 0.0005, LNG, null), key);
		assertThat(inside.status()).isEqualTo(201);
		assertThat(inside.json().path("visit").path("outsideGeofence").asBoolean()).isFalse();
		assertThat(inside.json().path("nextDueOn").asString()).isEqualTo(today.plusWeeks(1).toString());
		Response repeat = as(paired).postWithHeaders("/api/v1/pairings/" + pairing + "/visits",
				visitAt(LAT + 0.0005, LNG, null), key);
		assertThat(repeat.json().path("visit").path("id").asString())
			.isEqualTo(inside.json().path("visit").path("id").asString());

		Response elsewhere = as(paired).post("/api/v1/pairings/" + pairing + "/visits",
				visitAt(LAT + 0.01, LNG, "陪同老人在医院复诊"));
		assertThat(elsewhere.status()).isEqualTo(201);
		assertThat(elsewhere.json().path("visit").path("outsideGeofence").asBoolean()).isTrue();

		JsonNode visits = as(team.admin()).get("/api/v1/pairings/" + pairing + "/visits").json();
		assertThat(visits.path("total").asLong()).isEqualTo(2);
		assertThat(this.jdbc
			.sql("SELECT note_sealed FROM pairing_visit WHERE pairing_id = :id AND note_sealed IS NOT" + " NULL")
			.param("id", UUID.fromString(pairing))
			.query(String.class)
			.list()).isNotEmpty().allSatisfy((note) -> assertThat(note).startsWith("zk1:").doesNotContain("血压"));
	}

	@Test
	void flagsAPeriodWithoutAVisitOnceToTheOrganizationAndTheRegionsOperators() {
		Team team = this.fixtures.anActiveTeamIn(STREET);
		Person paired = memberOf(team);
		Person operator = this.fixtures.anOperatorOf(STREET);
		Person otherOperator = this.fixtures.anOperatorOf(OTHER_DISTRICT);
		LocalDate today = LocalDate.now(Pairings.CHINA);
		String pairing = pair(team, register(team, elderly()), paired, "WEEKLY", today.minusDays(20));
		assertThat(as(team.admin()).get("/api/v1/pairings/" + pairing).json().path("nextDueOn").asString())
			.isEqualTo(today.minusDays(13).toString());

		this.pairings.flagMissedVisits(today);
		this.pairings.flagMissedVisits(today);

		List<LocalDate> flagged = this.jdbc
			.sql("SELECT due_on FROM pairing_missed_visit WHERE pairing_id = :id ORDER BY due_on")
			.param("id", UUID.fromString(pairing))
			.query(LocalDate.class)
			.list();
		assertThat(flagged).containsExactly(today.minusDays(13), today.minusDays(6));
		JsonNode view = as(team.admin()).get("/api/v1/pairings/" + pairing).json();
		assertThat(view.path("missedVisits").asInt()).isEqualTo(2);
		assertThat(view.path("nextDueOn").asString()).isEqualTo(today.plusDays(1).toString());
		// one notice for the periods flagged at once
		assertThat(notices(team.admin())).isEqualTo(1);
		assertThat(notices(operator)).isEqualTo(1);
		assertThat(notices(otherOperator)).isZero();
		assertThat(notices(paired)).isZero();

		JsonNode missed = as(operator).get("/api/v1/pairings/missed-visits?regionCode=" + STREET).json();
		assertThat(missed.path("items").findValuesAsString("pairingId")).contains(pairing);
		assertThat(as(otherOperator).get("/api/v1/pairings/missed-visits?regionCode=" + STREET).status())
			.isEqualTo(403);
		assertThat(as(team.admin()).get("/api/v1/organizations/" + team.id() + "/missed-visits")
			.json()
			.path("total")
			.asLong()).isEqualTo(2);
	}

	@Test
	void keepsEveryVolunteerOfAPairingWhenTheVolunteerChanges() {
		Team team = this.fixtures.anActiveTeamIn(STREET);
		Person first = memberOf(team);
		Person second = memberOf(team);
		Person stranger = this.fixtures.aVolunteerIn(STREET);
		String beneficiary = register(team, elderly());
		String pairing = pair(team, beneficiary, first, "MONTHLY", null);

		Response changed = as(team.admin()).post("/api/v1/pairings/" + pairing + "/volunteer-changes",
				Map.of("volunteerId", second.volunteerId().toString(), "reason", "原志愿者外出务工"));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().path("volunteerId").asString()).isEqualTo(second.volunteerId().toString());
		assertThat(changed.json().path("volunteerChanges").asInt()).isEqualTo(1);
		assertThat(as(team.admin())
			.post("/api/v1/pairings/" + pairing + "/volunteer-changes",
					Map.of("volunteerId", second.volunteerId().toString(), "reason", "再次"))
			.problemCode()).isEqualTo("ALREADY_ASSIGNED");
		assertThat(as(team.admin())
			.post("/api/v1/pairings/" + pairing + "/volunteer-changes",
					Map.of("volunteerId", stranger.volunteerId().toString(), "reason", "非成员"))
			.problemCode()).isEqualTo("NOT_A_MEMBER");
		assertThat(as(first)
			.post("/api/v1/pairings/" + pairing + "/volunteer-changes",
					Map.of("volunteerId", first.volunteerId().toString(), "reason", "自己改回"))
			.status()).isEqualTo(403);

		JsonNode history = as(team.admin()).get("/api/v1/pairings/" + pairing + "/history").json().get("items");
		assertThat(history.findValuesAsString("volunteerId")).containsExactly(first.volunteerId().toString(),
				second.volunteerId().toString());
		assertThat(history.get(1).path("reason").asString()).isEqualTo("原志愿者外出务工");
		assertThat(as(first).get("/api/v1/beneficiaries/" + beneficiary).status()).isEqualTo(403);
		assertThat(as(second).get("/api/v1/beneficiaries/" + beneficiary).status()).isEqualTo(200);
		assertThat(as(first).post("/api/v1/pairings/" + pairing + "/visits", visitAt(LAT, LNG, null)).status())
			.isEqualTo(403);
		assertThat(as(second).get("/api/v1/volunteers/me/pairings").json().findValuesAsString("id"))
			.containsExactly(pairing);
		assertThat(as(first).get("/api/v1/volunteers/me/pairings").json().findValuesAsString("id")).isEmpty();

		JsonNode continuity = as(this.fixtures.anOperatorOf(DISTRICT))
			.get("/api/v1/pairings/continuity?regionCode=" + STREET + "&size=200")
			.json();
		JsonNode mine = null;
		for (JsonNode item : continuity.path("items")) {
			if (item.path("pairingId").asString().equals(pairing)) {
				mine = item;
			}
		}
		assertThat(mine).isNotNull();
		assertThat(mine.path("volunteerChanges").asInt()).isEqualTo(1);
		assertThat(mine.path("distinctVolunteers").asInt()).isEqualTo(2);
		assertThat(mine.path("score").asInt()).isBetween(50, 100);

		assertThat(as(team.admin()).post("/api/v1/pairings/" + pairing + "/end", Map.of("reason", "老人搬去子女家"))
			.json()
			.path("status")
			.asString()).isEqualTo("ENDED");
		assertThat(as(team.admin())
			.post("/api/v1/pairings/" + pairing + "/volunteer-changes",
					Map.of("volunteerId", first.volunteerId().toString(), "reason", "结束后"))
			.problemCode()).isEqualTo("INVALID_STATE");
		assertThat(
				as(team.admin()).post("/api/v1/pairings/" + pairing + "/end", Map.of("reason", "再次结束")).problemCode())
			.isEqualTo("INVALID_STATE");
		assertThat(as(team.admin()).get("/api/v1/pairings/" + pairing + "/history").json().get("total").asLong())
			.isEqualTo(2);
	}

	@Test
	void pairsOnlyMembersOfTheOrganization() {
		Team team = this.fixtures.anActiveTeamIn(STREET);
		Person stranger = this.fixtures.aVolunteerIn(STREET);
		String beneficiary = register(team, elderly());
		Response refused = as(team.admin()).post("/api/v1/pairings",
				Map.of("beneficiaryId", beneficiary, "organizationId", team.id().toString(), "volunteerId",
						stranger.volunteerId().toString(), "frequency", "WEEKLY"));
		assertThat(refused.problemCode()).isEqualTo("NOT_A_MEMBER");
		Response teamPairing = as(team.admin()).post("/api/v1/pairings",
				Map.of("beneficiaryId", beneficiary, "organizationId", team.id().toString(), "frequency", "BIWEEKLY"));
		assertThat(teamPairing.status()).isEqualTo(201);
		assertThat(teamPairing.json().path("kind").asString()).isEqualTo("TEAM");
		assertThat(as(team.admin())
			.post("/api/v1/pairings",
					Map.of("beneficiaryId", beneficiary, "organizationId", team.id().toString(), "frequency", "WEEKLY"))
			.problemCode()).isEqualTo("ALREADY_PAIRED");
	}

	// fixtures

	static Map<String, Object> elderly() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("regionCode", STREET);
		body.put("name", NAME);
		body.put("keyGroup", "ELDERLY_LIVING_ALONE");
		body.put("gender", "FEMALE");
		body.put("birthYear", 1941);
		body.put("address", ADDRESS);
		body.put("location", Map.of("lat", LAT, "lng", LNG));
		body.put("phone", "13700001234");
		body.put("notes", "独居，患高血压，每周需测血压");
		return body;
	}

	static Map<String, Object> withOrganization(Map<String, Object> body, Team team) {
		body.put("organizationId", team.id().toString());
		return body;
	}

	private String register(Team team, Map<String, Object> person) {
		Response registered = as(team.admin()).post("/api/v1/beneficiaries", withOrganization(person, team));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		return registered.json().path("id").asString();
	}

	private String pair(Team team, String beneficiary, Person volunteer, String frequency, LocalDate startsOn) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("beneficiaryId", beneficiary);
		body.put("organizationId", team.id().toString());
		body.put("volunteerId", volunteer.volunteerId().toString());
		body.put("frequency", frequency);
		if (startsOn != null) {
			body.put("startsOn", startsOn.toString());
		}
		Response paired = as(team.admin()).post("/api/v1/pairings", body);
		assertThat(paired.status()).as(paired.body()).isEqualTo(201);
		return paired.json().path("id").asString();
	}

	private static Map<String, Object> visitAt(double lat, double lng, String outsideReason) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("location", Map.of("lat", lat, "lng", lng, "accuracyMeters", 10));
		body.put("note", "测血压 135/85，精神很好");
		if (outsideReason != null) {
			body.put("outsideReason", outsideReason);
		}
		return body;
	}

	private Person memberOf(Team team) {
		Person member = this.fixtures.aVolunteerIn(STREET);
		this.organizations.addMember(this.fixtures.actorOf(team.admin()), team.id(), member.volunteerId(),
				MemberRole.MEMBER);
		this.organizations.acceptInvitation(this.fixtures.actorOf(member), team.id());
		return member;
	}

	private long audited(String objectId, String type, String outcome) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE object_id = :id AND object_type = :type"
					+ " AND action = 'personal-data.read' AND outcome = :outcome")
			.param("id", objectId)
			.param("type", type)
			.param("outcome", outcome)
			.query(Long.class)
			.single();
	}

	private long notices(Person person) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM notification WHERE account_id = :id AND message_key = 'notice.pairing.missed'")
			.param("id", person.id())
			.query(Long.class)
			.single();
	}

	private Api as(Person person) {
		return this.api.as(this.fixtures.tokenFor(person));
	}

}
