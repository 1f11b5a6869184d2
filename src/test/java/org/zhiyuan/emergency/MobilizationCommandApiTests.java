package org.zhiyuan.emergency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mobilization beyond its first answers, in the districts of 黄南州 (632300), one district
 * a test: waves that call the nearest first and wider until the needs are met (by the
 * operator's button and by the scheduler), needs that ask for insurance, muster by the
 * signed code, task groups with a leader, the stand-down that records the service of the
 * mustered under their team or the team in command (a drill as a drill), and the lists of
 * mobilizations and of a volunteer's calls.
 */
class MobilizationCommandApiTests extends EmergencyTestSupport {

	@Autowired
	Mobilizations mobilizations;

	private String path(String id, String rest) {
		return "/api/v1/emergency/mobilizations/" + id + rest;
	}

	private List<UUID> calledInWave(String id, int wave) {
		return this.jdbc
			.sql("SELECT volunteer_id FROM emergency_call WHERE mobilization_id = :m AND wave = :w ORDER BY distance_m")
			.param("m", UUID.fromString(id))
			.param("w", wave)
			.query(UUID.class)
			.list();
	}

	private void accept(Person volunteer, String id) {
		Response answer = api(volunteer).post(path(id, "/responses"), Map.of("answer", "ACCEPT"));
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
	}

	private void musteredHoursAgo(Person volunteer, String id, double hours) {
		this.jdbc.sql("UPDATE emergency_call SET mustered_at = :at WHERE mobilization_id = :m AND volunteer_id = :v")
			.param("m", UUID.fromString(id))
			.param("v", volunteer.volunteerId())
			.param("at", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes((long) (hours * 60)))
			.update();
	}

	@Test
	void wavesCallTheNearestFirstAndWiderUntilTheNeedsAreMet() {
		String district = "632301";
		Person operator = this.fixtures.anOperatorOf(district);
		List<Person> byDistance = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			// 1 km, 2 km, ... north of the scene
			byDistance.add(aResponderAt(streetOf(district), LAT + (i + 1) * 0.009, LNG));
		}
		String id = launch(operator, aMobilization(district, List.of(need("急救", 1))), 3);
		assertThat(calledInWave(id, 1)).containsExactly(byDistance.get(0).volunteerId(),
				byDistance.get(1).volunteerId(), byDistance.get(2).volunteerId());

		Response wave = api(operator).post(path(id, "/waves"), Map.of());
		assertThat(wave.status()).as(wave.body()).isEqualTo(200);
		assertThat(wave.json().get("wave").asInt()).isEqualTo(2);
		assertThat(wave.json().get("called").asInt()).isEqualTo(3);
		assertThat(calledInWave(id, 2)).containsExactly(byDistance.get(3).volunteerId(),
				byDistance.get(4).volunteerId(), byDistance.get(5).volunteerId());
		assertThat(api(byDistance.get(4)).get("/api/v1/notifications").body())
			.contains("/emergency/mobilizations/" + id);
		assertThat(api(this.fixtures.anOperatorOf("632322")).post(path(id, "/waves"), Map.of()).status())
			.as("an operator of another district")
			.isEqualTo(403);

		// the scheduler: due, the needs met -> nobody more is called
		accept(byDistance.get(5), id);
		dueNow(id);
		this.mobilizations.callDueWaves();
		assertThat(calledInWave(id, 3)).isEmpty();
		// the accepted drops out: the needs lack one again, and the next wave calls the
		// rest
		api(byDistance.get(5)).post(path(id, "/responses"), Map.of("answer", "DECLINE"));
		dueNow(id);
		this.mobilizations.callDueWaves();
		assertThat(calledInWave(id, 3)).containsExactly(byDistance.get(6).volunteerId(),
				byDistance.get(7).volunteerId());
		JsonNode board = api(operator).get(path(id, "/board")).json();
		assertThat(board.get("notified").asInt()).isEqualTo(8);
		assertThat(board.get("waves").asInt()).isEqualTo(3);
		Response none = api(operator).post(path(id, "/waves"), Map.of());
		assertThat(none.json().get("called").asInt()).as("nobody eligible is left").isZero();
		assertThat(none.json().get("wave").asInt()).isEqualTo(3);
	}

	private void dueNow(String id) {
		this.jdbc.sql("UPDATE emergency_mobilization SET next_wave_at = :at WHERE id = :id")
			.param("id", UUID.fromString(id))
			.param("at", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5))
			.update();
	}

	@Test
	void aNeedThatAsksForInsuranceCallsOnlyTheInsuredSkillHolders() {
		String district = "632621";
		String street = streetOf(district);
		Person operator = this.fixtures.anOperatorOf(district);
		Team team = this.fixtures.anActiveTeamIn(street);
		Person insured = aResponderAt(street, LAT, LNG);
		Person uninsured = aResponderAt(street, LAT, LNG);
		Person lapsed = aResponderAt(street, LAT, LNG);
		insure(team, insured, LocalDate.now(ZoneOffset.ofHours(8)).plusMonths(6));
		insure(team, lapsed, LocalDate.now(ZoneOffset.ofHours(8)).minusDays(1));

		Map<String, Object> insuredNeed = new LinkedHashMap<>(need("急救", 5));
		insuredNeed.put("insured", true);
		String id = launch(operator, aMobilization(district, List.of(insuredNeed)), 1);

		assertThat(called(id)).containsExactly(insured.volunteerId());
		assertThat(called(launch(operator, aMobilization(district, List.of(need("急救", 5))), 3)))
			.as("without insurance asked")
			.contains(uninsured.volunteerId(), lapsed.volunteerId());
		accept(insured, id);
		assertThat(api(operator).get(path(id, "/board")).json().get("needs").get(0).get("insured").asBoolean())
			.isTrue();
	}

	private void insure(Team team, Person volunteer, LocalDate until) {
		UUID policy = Ids.newId();
		this.jdbc
			.sql("INSERT INTO insurance_policy (id, organization_id, insurer, policy_number, starts_on, ends_on,"
					+ " coverage, created_by, created_at) VALUES (:id, :org, '中国人保', :number, :from, :until,"
					+ " '意外伤害', :by, :now)")
			.param("id", policy)
			.param("org", team.id())
			.param("number", "P-" + policy)
			.param("from", until.minusYears(1))
			.param("until", until)
			.param("by", team.admin().id())
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		this.jdbc
			.sql("INSERT INTO insured_volunteer (policy_id, volunteer_id, added_by, added_at) VALUES (:p, :v, :by,"
					+ " :now)")
			.param("p", policy)
			.param("v", volunteer.volunteerId())
			.param("by", team.admin().id())
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
	}

	@Test
	void theAcceptedMusterByTheSignedCodeShownAtTheAssemblyPoint() {
		String district = "632323";
		Person operator = this.fixtures.anOperatorOf(district);
		Person volunteer = aResponderAt(streetOf(district), LAT, LNG);
		Person other = aResponderAt(streetOf(district), LAT, LNG);
		String id = launch(operator, aMobilization(district, List.of(need("急救", 2))), 2);
		String another = launch(operator, aMobilization(district, List.of(need("急救", 2))), 2);
		accept(volunteer, id);
		accept(other, id);
		Response code = api(operator).get(path(id, "/muster-code"));
		assertThat(code.status()).as(code.body()).isEqualTo(200);
		assertThat(api(volunteer).get(path(id, "/muster-code")).status()).as("a volunteer").isEqualTo(403);
		String otherCode = api(operator).get(path(another, "/muster-code")).json().get("code").asString();

		Response wrong = api(volunteer).post(path(id, "/muster"), Map.of("code", "ZZZZZZZZ"));
		assertThat(wrong.status()).as(wrong.body()).isEqualTo(422);
		assertThat(wrong.problemCode()).isEqualTo("CODE_INVALID");
		Response elsewhere = api(volunteer).post(path(id, "/muster"), Map.of("code", otherCode));
		assertThat(elsewhere.problemCode()).as("another mobilization's code").isEqualTo("CODE_INVALID");
		Response typed = api(volunteer).post(path(id, "/muster"),
				Map.of("code", code.json().get("shortCode").asString().toLowerCase()));
		assertThat(typed.status()).as(typed.body()).isEqualTo(200);
		Response scanned = api(other).post(path(id, "/muster"),
				Map.of("code", code.json().get("code").asString(), "location", Map.of("lat", LAT, "lng", LNG)));
		assertThat(scanned.status()).as(scanned.body()).isEqualTo(200);
		assertThat(api(operator).get(path(id, "/board")).json().get("mustered").asInt()).isEqualTo(2);
		JsonNode people = api(operator).get(path(id, "/people")).json();
		assertThat(people.findValuesAsString("name")).hasSize(2);
		assertThat(people.findValues("musterLat").stream().filter((lat) -> !lat.isNull()).count())
			.as("the scanned muster kept the phone's place")
			.isEqualTo(1);
		Response neither = api(volunteer).post(path(id, "/muster"), Map.of());
		assertThat(neither.status()).isEqualTo(400);
	}

	@Test
	void theCommanderFormsTaskGroupsWithALeaderAndEachIsToldTheirTask() {
		String district = "632324";
		Person operator = this.fixtures.anOperatorOf(district);
		Person leader = aResponderAt(streetOf(district), LAT, LNG);
		Person member = aResponderAt(streetOf(district), LAT, LNG);
		Person undecided = aResponderAt(streetOf(district), LAT, LNG);
		String id = launch(operator, aMobilization(district, List.of(need("急救", 3))), 3);
		accept(leader, id);
		accept(member, id);

		Map<String, Object> group = new LinkedHashMap<>();
		group.put("name", "转移一组");
		group.put("task", "转移低洼处老人至安置点");
		group.put("leaderId", leader.volunteerId().toString());
		group.put("memberIds", List.of(member.volunteerId().toString(), undecided.volunteerId().toString()));
		Response formed = api(operator).post(path(id, "/groups"), group);
		assertThat(formed.status()).as(formed.body()).isEqualTo(201);
		assertThat(formed.json().get("members").asInt()).as("only the accepted").isEqualTo(2);
		assertThat(formed.json().get("leaderName").asString()).isNotBlank();
		Response again = api(operator).post(path(id, "/groups"), group);
		assertThat(again.status()).as("the name is taken").isEqualTo(400);
		Map<String, Object> bad = new LinkedHashMap<>(group);
		bad.put("name", "二组");
		bad.put("leaderId", undecided.volunteerId().toString());
		Response notAccepted = api(operator).post(path(id, "/groups"), bad);
		assertThat(notAccepted.status()).as(notAccepted.body()).isEqualTo(400);
		assertThat(notAccepted.body()).contains("leaderId");
		Response empty = api(operator).post(path(id, "/groups"), Map.of());
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body()).contains("name", "task", "leaderId");
		assertThat(api(leader).post(path(id, "/groups"), group).status()).as("a volunteer").isEqualTo(403);

		assertThat(api(operator).get(path(id, "/board")).json().get("assigned").asInt()).isEqualTo(2);
		JsonNode mine = api(member).get("/api/v1/me/emergency-calls/" + id).json();
		assertThat(mine.get("groupName").asString()).isEqualTo("转移一组");
		assertThat(mine.get("task").asString()).isEqualTo("转移低洼处老人至安置点");
		assertThat(mine.get("myStatus").asString()).isEqualTo("ACCEPTED");
		assertThat(api(member).get("/api/v1/notifications").body()).contains("转移低洼处老人至安置点");
		assertThat(api(undecided).get("/api/v1/me/emergency-calls").json().findValuesAsString("myStatus"))
			.containsExactly("NOTIFIED");
		assertThat(api(this.fixtures.aVolunteerIn(district)).get("/api/v1/me/emergency-calls/" + id).status())
			.as("not called")
			.isEqualTo(404);

		// the member drops out: they leave the group
		api(member).post(path(id, "/responses"), Map.of("answer", "DECLINE"));
		assertThat(api(operator).get(path(id, "/groups")).json().get(0).get("members").asInt()).isEqualTo(1);
		String groupId = formed.json().get("id").asString();
		Response moved = api(operator).send("PUT", path(id, "/groups/" + groupId + "/members"),
				Map.of("volunteerIds", List.of(leader.volunteerId().toString())));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
	}

	@Test
	void theStandDownRecordsTheServiceOfTheMusteredUnderTheirTeamOrTheTeamInCommand() {
		String district = "632522";
		String street = streetOf(district);
		Person operator = this.fixtures.anOperatorOf(district);
		Team command = this.fixtures.anActiveTeamIn(district);
		Team streetTeam = this.fixtures.anActiveTeamIn(street);
		api(operator).send("PUT", "/api/v1/emergency/teams/" + command.id(), Map.of("tier", "DISTRICT"));
		api(operator).send("PUT", "/api/v1/emergency/teams/" + streetTeam.id(), Map.of("tier", "STREET"));
		Person member = aResponderAt(street, LAT, LNG);
		joins(streetTeam, member);
		Person skilled = aResponderAt(street, LAT, LNG);
		Person notMustered = aResponderAt(street, LAT, LNG);
		Map<String, Object> body = aMobilization(district, List.of(need("急救", 3)));
		body.put("organizationId", command.id().toString());
		String id = launch(operator, body, 3);
		accept(member, id);
		accept(skilled, id);
		accept(notMustered, id);
		for (Person person : List.of(member, skilled)) {
			Response there = api(person).post(path(id, "/muster"),
					Map.of("location", Map.of("lat", LAT + 0.001, "lng", LNG)));
			assertThat(there.status()).as(there.body()).isEqualTo(200);
		}
		musteredHoursAgo(member, id, 3);
		musteredHoursAgo(skilled, id, 2);
		BigDecimal before = this.fixtures.totalHoursOf(member);

		Response stoodDown = api(operator).post(path(id, "/stand-down"), Map.of());

		assertThat(stoodDown.status()).as(stoodDown.body()).isEqualTo(200);
		assertThat(stoodDown.json().get("recorded").asInt()).isEqualTo(2);
		// a service across midnight (China time) is recorded in one piece per day: run
		// between 00:00 and 03:00 there, the three hours are two records under the same
		// team
		assertThat(recordsOf(member)).isNotEmpty().containsOnly(streetTeam.id() + " 【应急出动】城区内涝抢险 EMERGENCY");
		assertThat(recordsOf(skilled)).isNotEmpty().containsOnly(command.id() + " 【应急出动】城区内涝抢险 EMERGENCY");
		assertThat(recordsOf(notMustered)).isEmpty();
		assertThat(this.fixtures.totalHoursOf(member).subtract(before)).isBetween(new BigDecimal("2.9"),
				new BigDecimal("3.1"));
		JsonNode people = api(operator).get(path(id, "/people")).json();
		assertThat(people.findValues("musterLat").stream().allMatch(JsonNode::isNull))
			.as("where they mustered is forgotten")
			.isTrue();
		assertThat(api(member).get("/api/v1/me/emergency-calls/" + id).json().get("recordedHours").asDouble())
			.isBetween(2.9, 3.1);
		assertThat(api(operator).get(path(id, "/board")).json().get("recorded").asInt()).isEqualTo(2);
		assertThat(api(operator).get("/api/v1/emergency/mobilizations?regionCode=" + district)
			.json()
			.get("items")
			.findValuesAsString("id")).contains(id);
	}

	@Test
	void aDrillIsRecordedAsADrill() {
		String district = "632521";
		Person operator = this.fixtures.anOperatorOf(district);
		Team command = this.fixtures.anActiveTeamIn(district);
		api(operator).send("PUT", "/api/v1/emergency/teams/" + command.id(), Map.of("tier", "DISTRICT"));
		Person volunteer = aResponderAt(streetOf(district), LAT, LNG);
		Map<String, Object> body = aMobilization(district, List.of(need("急救", 1)));
		body.put("drill", true);
		String id = launch(operator, body, 1);
		accept(volunteer, id);
		api(volunteer).post(path(id, "/muster"), Map.of("location", Map.of("lat", LAT + 0.001, "lng", LNG)));
		musteredHoursAgo(volunteer, id, 1.5);

		api(operator).post(path(id, "/stand-down"), Map.of());

		// one record, or one per day when the hour and a half crossed midnight (China
		// time)
		assertThat(recordsOf(volunteer)).as("the team of the district commands by default")
			.isNotEmpty()
			.containsOnly(command.id() + " 【应急演练】城区内涝抢险 EMERGENCY");
	}

	@Test
	void aMobilizationFromAPlanCallsThePlansTeamsFirst() {
		String district = "632523";
		String street = streetOf(district);
		Person operator = this.fixtures.anOperatorOf(district);
		Team planTeam = this.fixtures.anActiveTeamIn(street);
		api(operator).send("PUT", "/api/v1/emergency/teams/" + planTeam.id(), Map.of("tier", "STREET"));
		Person teamMember = aResponderAt(street, LAT + 0.08, LNG);
		withSkillsOnly(teamMember);
		joins(planTeam, teamMember);
		List<Person> near = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			near.add(aResponderAt(street, LAT + (i + 1) * 0.001, LNG));
		}
		Map<String, Object> plan = new LinkedHashMap<>();
		plan.put("regionCode", district);
		plan.put("name", "河道漫堤预案");
		plan.put("hazard", "FLOOD");
		plan.put("radiusKm", 10);
		plan.put("needs", List.of(need("急救", 1)));
		plan.put("teamIds", List.of(planTeam.id().toString()));
		plan.put("assemblyPoints", List.of(Map.of("name", "县体育场", "lat", LAT, "lng", LNG)));
		Response created = api(operator).post("/api/v1/emergency/plans", plan);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		Response launched = api(operator).post(
				"/api/v1/emergency/plans/" + created.json().get("id").asString() + "/mobilizations",
				Map.of("location", Map.of("lat", LAT, "lng", LNG), "assembleAt",
						OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(1).withNano(0).toString()));
		assertThat(launched.status()).as(launched.body()).isEqualTo(201);

		// three for a need of one: the plan's team member, 9 km away, before the two
		// nearest
		assertThat(calledInWave(launched.json().get("id").asString(), 1))
			.containsExactlyInAnyOrder(teamMember.volunteerId(), near.get(0).volunteerId(), near.get(1).volunteerId());
	}

	@Test
	void whoeverIsOnEmergencyDutyNowIsCalledFirst() {
		String district = "632622";
		String street = streetOf(district);
		Person operator = this.fixtures.anOperatorOf(district);
		Team team = this.fixtures.anActiveTeamIn(street);
		api(operator).send("PUT", "/api/v1/emergency/teams/" + team.id(), Map.of("tier", "STREET"));
		Person onDuty = aResponderAt(street, LAT + 0.08, LNG);
		joins(team, onDuty);
		Shift.DayShift now = Shift.at(OffsetDateTime.now(ZoneOffset.UTC));
		// on duty in the shift of this moment (the roster's form plans from today on; the
		// night shift that began yesterday evening is written as the roster stores it)
		this.jdbc
			.sql("INSERT INTO emergency_duty (volunteer_id, duty_day, shift, organization_id, assigned_by, assigned_at)"
					+ " VALUES (:v, :day, :shift, :team, :by, :now)")
			.param("v", onDuty.volunteerId())
			.param("day", now.day())
			.param("shift", now.shift().name())
			.param("team", team.id())
			.param("by", team.admin().id())
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		Person offDuty = aResponderAt(street, LAT + 0.07, LNG);
		joins(team, offDuty);
		List<Person> near = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			near.add(aResponderAt(street, LAT + (i + 1) * 0.001, LNG));
		}

		String id = launch(operator, aMobilization(district, List.of(need("急救", 1))), 3);

		// the one on duty, 9 km away, before the two nearest; the team member off duty
		// waits
		assertThat(calledInWave(id, 1)).containsExactlyInAnyOrder(onDuty.volunteerId(), near.get(0).volunteerId(),
				near.get(1).volunteerId());
	}

	@Test
	void serviceAcrossMidnightIsCutIntoDays() {
		OffsetDateTime from = OffsetDateTime.parse("2026-07-01T20:00:00+08:00");
		OffsetDateTime to = OffsetDateTime.parse("2026-07-02T06:30:00+08:00");
		List<OffsetDateTime[]> spans = MobilizationCommand.daySpans(from, to);
		assertThat(spans).hasSize(2);
		assertThat(spans.get(0)[1].toInstant())
			.isEqualTo(OffsetDateTime.parse("2026-07-02T00:00:00+08:00").toInstant());
		assertThat(spans.get(1)[0]).isEqualTo(spans.get(0)[1]);
		assertThat(spans.get(1)[1]).isEqualTo(to);
		assertThat(MobilizationCommand.daySpans(from, from.plusSeconds(30))).isEmpty();
	}

	/** Each record of the volunteer: its organization, activity title and method. */
	private List<String> recordsOf(Person volunteer) {
		return this.jdbc
			.sql("SELECT a.organization_id, a.title, r.method FROM service_record r JOIN activity a"
					+ " ON a.id = r.activity_id WHERE r.volunteer_id = :v")
			.param("v", volunteer.volunteerId())
			.query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
			.list();
	}

}
