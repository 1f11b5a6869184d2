package org.zhiyuan.emergency;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.organization.MemberRole;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Concurrently;
import org.zhiyuan.support.Concurrently.Call;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Emergency duty rosters in the districts of 西宁市, one district a test: only the team's
 * leaders and the operators of its region put members on duty, only active adult members
 * and never twice in a shift (also when the same assignment arrives many times at once);
 * a swap asked, agreed and approved exchanges the two duties in one go, a declined one
 * changes nothing and nobody else may decide it; the page shows a volunteer their shifts
 * and a leader the week, in Chinese and English, with the field problems beside the
 * fields; a deregistered volunteer's duties go.
 */
class DutyRosterApiTests extends ApiTestSupport {

	@Autowired
	Organizations organizations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DutyRosters rosters;

	private Api api(Person person) {
		return new Api("http://localhost:" + this.port).as(this.fixtures.tokenFor(person));
	}

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

	/** An active team of the district marked as an emergency team by its operator. */
	private Team anEmergencyTeamIn(String district, String name) {
		Team team = this.fixtures.anActiveTeamIn(district);
		this.jdbc.sql("UPDATE organization SET name = :name WHERE id = :id")
			.param("name", name)
			.param("id", team.id())
			.update();
		Response marked = api(this.fixtures.anOperatorOf(district)).send("PUT", "/api/v1/emergency/teams/" + team.id(),
				Map.of("tier", "STREET"));
		assertThat(marked.status()).as(marked.body()).isEqualTo(200);
		return team;
	}

	/** A volunteer of the district with a name of their own, a member of the team. */
	private Person aMember(Team team, String district, String name) {
		Person volunteer = named(this.fixtures.aVolunteerIn(district), name);
		this.organizations.addMember(this.fixtures.actorOf(team.admin()), team.id(), volunteer.volunteerId(),
				MemberRole.MEMBER);
		this.organizations.acceptInvitation(this.fixtures.actorOf(volunteer), team.id());
		return volunteer;
	}

	private Person named(Person volunteer, String name) {
		this.jdbc.sql("UPDATE volunteer SET name = :name WHERE id = :id")
			.param("name", name)
			.param("id", volunteer.volunteerId())
			.update();
		return volunteer;
	}

	private void agedNow(Person volunteer, int years) {
		this.jdbc.sql("UPDATE volunteer SET birth_date = :birth WHERE id = :id")
			.param("id", volunteer.volunteerId())
			.param("birth", today().minusYears(years).plusDays(10))
			.update();
	}

	private static LocalDate today() {
		return LocalDate.now(Shift.ZONE);
	}

	private static String duty(Team team, LocalDate day, String shift, Person volunteer) {
		return "/api/v1/emergency/teams/" + team.id() + "/duty/" + day + "/" + shift + "/members/"
				+ volunteer.volunteerId();
	}

	private Response assign(Person by, Team team, LocalDate day, String shift, Person volunteer) {
		return api(by).send("PUT", duty(team, day, shift, volunteer), null);
	}

	private void assigned(Person by, Team team, LocalDate day, String shift, Person volunteer) {
		Response response = assign(by, team, day, shift, volunteer);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	/** Who the table has on duty for the team in the shift. */
	private List<UUID> onDuty(Team team, LocalDate day, String shift) {
		return this.jdbc
			.sql("SELECT volunteer_id FROM emergency_duty WHERE organization_id = :o AND duty_day = :day"
					+ " AND shift = :shift")
			.param("o", team.id())
			.param("day", day)
			.param("shift", shift)
			.query(UUID.class)
			.list();
	}

	/** The names on duty in the shift as the roster reads. */
	private List<String> namesOnDuty(JsonNode roster, LocalDate day, String shift) {
		for (JsonNode entry : roster.get("shifts")) {
			if (entry.get("day").asString().equals(day.toString()) && entry.get("shift").asString().equals(shift)) {
				return entry.get("members").findValuesAsString("name");
			}
		}
		throw new AssertionError("no shift " + day + " " + shift);
	}

	private long notices(Person person, String dedupePrefix) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE account_id = :a AND dedupe_key LIKE :key")
			.param("a", person.id())
			.param("key", dedupePrefix + "%")
			.query(Long.class)
			.single();
	}

	private long audited(String action) {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = :action")
			.param("action", action)
			.query(Long.class)
			.single();
	}

	private static List<String> fields(Response response) {
		List<String> fields = new ArrayList<>();
		response.json().get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		return fields;
	}

	@Test
	void onlyTheLeaderOrAnOperatorPutsActiveAdultMembersOnDutyOnceAShift() {
		String district = "630102";
		Team team = anEmergencyTeamIn(district, "城东应急大队");
		Person leader = team.admin();
		Person wang = aMember(team, district, "王值守");
		Person li = aMember(team, district, "李值守");
		Person minor = aMember(team, district, "小赵");
		agedNow(minor, 17);
		Person outsider = named(this.fixtures.aVolunteerIn(district), "外人甲");
		LocalDate tomorrow = today().plusDays(1);

		assigned(leader, team, tomorrow, "DAY", wang);
		assigned(leader, team, tomorrow, "DAY", wang);
		assertThat(onDuty(team, tomorrow, "DAY")).containsExactly(wang.volunteerId());
		assertThat(notices(wang, "emergency.duty.assigned:")).as("told once").isEqualTo(1);

		Response notMember = assign(leader, team, tomorrow, "DAY", outsider);
		assertThat(notMember.status()).as(notMember.body()).isEqualTo(422);
		assertThat(notMember.problemCode()).isEqualTo("NOT_A_MEMBER");
		Response young = assign(leader, team, tomorrow, "DAY", minor);
		assertThat(young.status()).isEqualTo(422);
		assertThat(young.problemCode()).isEqualTo("REQUIREMENT_NOT_MET");
		assertThat(assign(wang, team, tomorrow, "NIGHT", li).status()).as("a member").isEqualTo(403);
		assertThat(assign(this.fixtures.anOperatorOf("630103"), team, tomorrow, "NIGHT", li).status())
			.as("an operator of another district")
			.isEqualTo(403);
		assertThat(assign(this.fixtures.anAuditorOf(district), team, tomorrow, "NIGHT", li).status()).as("an auditor")
			.isEqualTo(403);
		assigned(this.fixtures.anOperatorOf("630100"), team, tomorrow, "NIGHT", li);

		Response bad = api(leader).send("PUT", "/api/v1/emergency/teams/" + team.id() + "/duty/" + today().minusDays(1)
				+ "/EVENING/members/" + li.volunteerId(), null);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(fields(bad)).containsExactlyInAnyOrder("day", "shift");
		Response badRange = api(leader).get("/api/v1/emergency/teams/" + team.id() + "/duty?from=明天&to=2020-13-01");
		assertThat(badRange.status()).isEqualTo(400);
		assertThat(fields(badRange)).containsExactlyInAnyOrder("from", "to");

		String path = "/api/v1/emergency/teams/" + team.id() + "/duty?from=" + today() + "&to=" + today().plusDays(6);
		JsonNode roster = api(li).get(path).json();
		assertThat(roster.get("shifts")).hasSize(14);
		assertThat(roster.get("mayManage").asBoolean()).isFalse();
		assertThat(namesOnDuty(roster, tomorrow, "DAY")).containsExactly("王值守");
		assertThat(namesOnDuty(roster, tomorrow, "NIGHT")).containsExactly("李值守");
		assertThat(api(leader).get(path).json().get("mayManage").asBoolean()).isTrue();
		assertThat(api(this.fixtures.anAuditorOf("630100")).get(path).status()).isEqualTo(200);
		assertThat(api(outsider).get(path).status()).isEqualTo(403);
		assertThat(audited("emergency.duty.read")).isPositive();

		JsonNode mine = api(wang).get("/api/v1/me/emergency-duty").json();
		assertThat(mine.get("shifts").findValuesAsString("shift")).containsExactly("DAY");
		assertThat(mine.get("shifts").get(0).get("teamName").asString()).isEqualTo("城东应急大队");
		assertThat(mine.get("today").get(0).get("teamName").asString()).isEqualTo("城东应急大队");

		Team other = anEmergencyTeamIn(district, "城东第二应急大队");
		this.organizations.addMember(this.fixtures.actorOf(other.admin()), other.id(), wang.volunteerId(),
				MemberRole.MEMBER);
		this.organizations.acceptInvitation(this.fixtures.actorOf(wang), other.id());
		Response twice = assign(other.admin(), other, tomorrow, "DAY", wang);
		assertThat(twice.status()).as(twice.body()).isEqualTo(409);
		assertThat(twice.problemCode()).isEqualTo("ALREADY_ON_DUTY");

		assertThat(this.rosters.onDuty("630102", tomorrow, Shift.DAY)).containsExactly(wang.volunteerId());
		assertThat(this.rosters.onDuty("630102", tomorrow, Shift.NIGHT)).containsExactly(li.volunteerId());
		assertThat(this.rosters.onDuty("630103", tomorrow, Shift.DAY)).isEmpty();

		Response removed = api(leader).send("DELETE", duty(team, tomorrow, "NIGHT", li));
		assertThat(removed.status()).as(removed.body()).isEqualTo(204);
		assertThat(onDuty(team, tomorrow, "NIGHT")).isEmpty();
		assertThat(api(leader).send("DELETE", duty(team, tomorrow, "NIGHT", li)).status()).isEqualTo(404);
		assertThat(api(wang).send("DELETE", duty(team, tomorrow, "DAY", wang)).status()).isEqualTo(403);
		assertThat(notices(li, "emergency.duty.unassigned:")).isEqualTo(1);
	}

	@Test
	void aSwapAgreedAndApprovedExchangesBothDutiesAndADeclinedOneChangesNothing() {
		String district = "630103";
		Team team = anEmergencyTeamIn(district, "城中应急大队");
		Person leader = team.admin();
		Person zhang = aMember(team, district, "张换班");
		Person chen = aMember(team, district, "陈换班");
		Person zhou = aMember(team, district, "周换班");
		LocalDate first = today().plusDays(2);
		LocalDate second = today().plusDays(3);
		assigned(leader, team, first, "DAY", zhang);
		assigned(leader, team, second, "NIGHT", chen);

		String swaps = "/api/v1/emergency/teams/" + team.id() + "/duty/swaps";
		Map<String, Object> exchange = Map.of("day", first.toString(), "shift", "DAY", "withVolunteerId",
				chen.volunteerId().toString(), "partnerDay", second.toString(), "partnerShift", "NIGHT");
		Response asked = api(zhang).postWithHeaders(swaps, exchange, Map.of("Idempotency-Key", "swap-1"));
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);
		assertThat(asked.json().get("status").asString()).isEqualTo("ASKED");
		String id = asked.json().get("id").asString();
		Response again = api(zhang).postWithHeaders(swaps, exchange, Map.of("Idempotency-Key", "swap-1"));
		assertThat(again.json().get("id").asString()).as("the same key").isEqualTo(id);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM emergency_duty_swap WHERE organization_id = :o")
			.param("o", team.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(notices(chen, "emergency.duty.swap.asked:" + id)).isEqualTo(1);

		Person stranger = this.fixtures.aVolunteerIn(district);
		String swap = swaps + "/" + id;
		assertThat(api(leader).post(swap + "/approve", Map.of()).status()).as("not agreed yet").isEqualTo(409);
		assertThat(api(zhang).post(swap + "/accept", Map.of()).status()).as("the one who asked").isEqualTo(403);
		assertThat(api(stranger).post(swap + "/accept", Map.of()).status()).isEqualTo(403);
		Response agreed = api(chen).post(swap + "/accept", Map.of());
		assertThat(agreed.status()).as(agreed.body()).isEqualTo(200);
		assertThat(agreed.json().get("status").asString()).isEqualTo("AGREED");
		assertThat(notices(leader, "emergency.duty.swap.agreed:" + id)).isEqualTo(1);
		assertThat(notices(zhang, "emergency.duty.swap.agreed:" + id)).isEqualTo(1);

		assertThat(api(stranger).post(swap + "/approve", Map.of()).status()).as("a stranger").isEqualTo(403);
		assertThat(api(chen).post(swap + "/approve", Map.of()).status()).as("a member").isEqualTo(403);
		assertThat(api(this.fixtures.anOperatorOf("630104")).post(swap + "/approve", Map.of()).status())
			.as("an operator of another district")
			.isEqualTo(403);
		assertThat(api(stranger).post(swap + "/decline", Map.of()).status()).isEqualTo(403);
		assertThat(onDuty(team, first, "DAY")).containsExactly(zhang.volunteerId());

		Response approved = api(leader).post(swap + "/approve", Map.of());
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
		assertThat(onDuty(team, first, "DAY")).containsExactly(chen.volunteerId());
		assertThat(onDuty(team, second, "NIGHT")).containsExactly(zhang.volunteerId());
		assertThat(notices(zhang, "emergency.duty.swap.approved:" + id)).isEqualTo(1);
		assertThat(notices(chen, "emergency.duty.swap.approved:" + id)).isEqualTo(1);
		assertThat(api(leader).post(swap + "/approve", Map.of()).status()).as("once").isEqualTo(409);
		assertThat(api(leader).post(swaps + "/" + UUID.randomUUID() + "/approve", Map.of()).status()).isEqualTo(404);
		for (String action : List.of("emergency.duty.swap.ask", "emergency.duty.swap.agree",
				"emergency.duty.swap.approve")) {
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = :a AND object_id = :id")
				.param("a", action)
				.param("id", id)
				.query(Long.class)
				.single()).as(action).isEqualTo(1);
		}

		// zhou takes zhang's night over: agreed, then the leader declines
		Response takeOver = api(zhang).post(swaps,
				Map.of("day", second.toString(), "shift", "NIGHT", "withVolunteerId", zhou.volunteerId().toString()));
		assertThat(takeOver.status()).as(takeOver.body()).isEqualTo(201);
		String declined = swaps + "/" + takeOver.json().get("id").asString();
		assertThat(api(zhou).post(declined + "/accept", Map.of()).status()).isEqualTo(200);
		Response no = api(leader).post(declined + "/decline", Map.of());
		assertThat(no.status()).as(no.body()).isEqualTo(200);
		assertThat(no.json().get("status").asString()).isEqualTo("DECLINED");
		assertThat(onDuty(team, second, "NIGHT")).containsExactly(zhang.volunteerId());
		assertThat(notices(zhou, "emergency.duty.swap.declined:")).isEqualTo(1);
		assertThat(api(leader).post(declined + "/approve", Map.of()).status()).isEqualTo(409);

		// a member declines what they are asked: nothing changes
		Response asked2 = api(chen).post(swaps,
				Map.of("day", first.toString(), "shift", "DAY", "withVolunteerId", zhou.volunteerId().toString()));
		String refused = swaps + "/" + asked2.json().get("id").asString();
		assertThat(api(zhou).post(refused + "/decline", Map.of()).status()).isEqualTo(200);
		assertThat(onDuty(team, first, "DAY")).containsExactly(chen.volunteerId());

		Response badSwap = api(zhang).post(swaps,
				Map.of("day", "下周", "shift", "MORNING", "partnerDay", today().minusDays(1).toString()));
		assertThat(badSwap.status()).isEqualTo(400);
		assertThat(fields(badSwap)).containsExactlyInAnyOrder("day", "shift", "withVolunteerId", "partnerDay",
				"partnerShift");
		Response notOnDuty = api(zhou).post(swaps,
				Map.of("day", first.toString(), "shift", "DAY", "withVolunteerId", chen.volunteerId().toString()));
		assertThat(notOnDuty.status()).isEqualTo(404);
		assertThat(notOnDuty.problemCode()).isEqualTo("DUTY_NOT_FOUND");
	}

	@Test
	void theSameAssignmentSentManyTimesAtOnceMakesOneRow() throws Exception {
		String district = "630104";
		Team team = anEmergencyTeamIn(district, "城西应急大队");
		Person liu = aMember(team, district, "刘并发");
		LocalDate day = today().plusDays(4);
		String token = this.fixtures.tokenFor(team.admin());
		List<Call> calls = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			calls.add(new Call("PUT", duty(team, day, "NIGHT", liu), token, null));
		}
		List<Integer> statuses = Concurrently.statuses(this.port, calls);
		assertThat(statuses).containsOnly(200);
		assertThat(onDuty(team, day, "NIGHT")).containsExactly(liu.volunteerId());

		// two members agreed to take liu's night over: approved at once, only one does
		List<Call> approvals = new ArrayList<>();
		for (String name : List.of("甲替班", "乙替班")) {
			Person taker = aMember(team, district, name);
			Response asked = api(liu).post("/api/v1/emergency/teams/" + team.id() + "/duty/swaps",
					Map.of("day", day.toString(), "shift", "NIGHT", "withVolunteerId", taker.volunteerId().toString()));
			assertThat(asked.status()).as(asked.body()).isEqualTo(201);
			String swap = "/api/v1/emergency/teams/" + team.id() + "/duty/swaps/" + asked.json().get("id").asString();
			assertThat(api(taker).post(swap + "/accept", Map.of()).status()).isEqualTo(200);
			approvals.add(Call.post(token, swap + "/approve", "{}"));
		}
		assertThat(Concurrently.statuses(this.port, approvals)).containsExactlyInAnyOrder(200, 409);
		assertThat(onDuty(team, day, "NIGHT")).hasSize(1).doesNotContain(liu.volunteerId());
	}

	@Test
	void thePageShowsAVolunteerTheirShiftsAndALeaderTheWeekInBothLanguages() {
		String district = "630105";
		Team team = anEmergencyTeamIn(district, "城北应急大队");
		Person leader = team.admin();
		Person sun = aMember(team, district, "孙页面");
		Person wu = aMember(team, district, "吴页面");
		LocalDate today = today();
		LocalDate tomorrow = today.plusDays(1);
		assigned(leader, team, today, "DAY", sun);
		assigned(leader, team, tomorrow, "NIGHT", wu);

		Api volunteer = browserOf(sun);
		Response mine = volunteer.get("/emergency/duty");
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.body()).contains("id=\"my-duty\"")
			.contains("城北应急大队")
			.contains("白班")
			.contains("孙页面")
			.contains("吴页面 · 换他的 " + tomorrow + " 夜班")
			.contains("id=\"teams-today\"")
			.doesNotContain("id=\"assign-form\"");

		String action = "/emergency/duty/" + team.id() + "/swaps";
		Response unchosen = volunteer.submitForm("/emergency/duty", action,
				Map.of("day", today.toString(), "shift", "DAY", "swapWith", ""));
		assertThat(unchosen.status()).isEqualTo(200);
		assertThat(unchosen.body()).contains("id=\"problem-swapWith\"").contains("请选择队员或他的班次");
		Response sent = volunteer.submitForm("/emergency/duty", action, Map.of("day", today.toString(), "shift", "DAY",
				"swapWith", wu.volunteerId() + "/" + tomorrow + "/NIGHT", "formKey", "page-swap"));
		assertThat(sent.status()).as(sent.body()).isEqualTo(302);
		assertThat(volunteer.get("/emergency/duty?lang=en").body()).contains("My duty")
			.contains("Day shift")
			.contains("Ask someone to swap");
		Api other = browserOf(wu);
		assertThat(other.get("/emergency/duty").body()).contains("id=\"swaps-to-answer\"").contains("swap-accept");

		Api pages = browserOf(leader);
		Response week = pages.get("/emergency/duty");
		assertThat(week.status()).isEqualTo(200);
		assertThat(week.body()).contains("id=\"week-grid\"")
			.contains("id=\"assign-form\"")
			.contains("孙页面")
			.contains("吴页面")
			.contains(tomorrow.toString())
			.contains("等待对方同意");
		assertThat(pages.get("/emergency/duty/" + team.id() + "/people?q=孙页").body())
			.contains("data-person-id=\"" + sun.volunteerId() + "\"");
		assertThat(volunteer.get("/emergency/duty/" + team.id() + "/people?q=孙页").status()).isEqualTo(403);

		String assign = "/emergency/duty/" + team.id() + "/assign";
		Response bad = pages.submitForm("/emergency/duty", assign, Map.of("day", "昨天", "shift", ""));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("id=\"problem-volunteerId\"")
			.contains("id=\"problem-day\"")
			.contains("id=\"problem-shift\"");
		Response put = pages.submitForm("/emergency/duty", assign,
				Map.of("day", tomorrow.toString(), "shift", "DAY", "volunteerId", sun.volunteerId().toString()));
		assertThat(put.status()).as(put.body()).isEqualTo(302);
		assertThat(onDuty(team, tomorrow, "DAY")).containsExactly(sun.volunteerId());
		assertThat(pages.get("/emergency/duty?lang=en").body()).contains("Put a member on duty")
			.contains("Night shift")
			.contains("Swaps to decide");
		Response badEn = pages.submitForm("/emergency/duty?lang=en", assign, Map.of("day", "", "shift", "DAY"));
		assertThat(badEn.body()).contains("Choose the day of duty");
	}

	@Test
	void aDeregisteredVolunteersDutiesAndSwapsGoAndTheDownloadHasThem() {
		String district = "630121";
		Team team = anEmergencyTeamIn(district, "大通应急大队");
		Person ma = aMember(team, district, "马注销");
		Person he = aMember(team, district, "何留下");
		LocalDate day = today().plusDays(5);
		assigned(team.admin(), team, day, "DAY", ma);
		assigned(team.admin(), team, day, "NIGHT", he);
		Response asked = api(ma).post("/api/v1/emergency/teams/" + team.id() + "/duty/swaps",
				Map.of("day", day.toString(), "shift", "DAY", "withVolunteerId", he.volunteerId().toString()));
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);
		Response export = api(ma).get("/api/v1/volunteers/me/export");
		assertThat(export.body()).contains("emergencyDuties", "emergencyDutySwaps", "大通应急大队");

		Response gone = api(ma).post("/api/v1/volunteers/me/deregistration", Map.of("password", ma.password()));
		assertThat(gone.status()).as(gone.body()).isEqualTo(204);
		Map<String, Object> counts = new HashMap<>();
		counts.put("duties",
				this.jdbc.sql("SELECT COUNT(*) FROM emergency_duty WHERE volunteer_id = :v")
					.param("v", ma.volunteerId())
					.query(Long.class)
					.single());
		counts.put("swaps",
				this.jdbc.sql("SELECT COUNT(*) FROM emergency_duty_swap WHERE requester_id = :v OR partner_id = :v")
					.param("v", ma.volunteerId())
					.query(Long.class)
					.single());
		assertThat(counts).containsEntry("duties", 0L).containsEntry("swaps", 0L);
		assertThat(onDuty(team, day, "NIGHT")).containsExactly(he.volunteerId());
	}

}
