package org.zhiyuan.pairing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.zhiyuan.organization.MemberRole;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pairing pages through their forms: an admin registers a person with the address on
 * the map and pairs them with a member picked from the list; the volunteer checks a visit
 * in on the phone page; the region's operator sees missed visits and continuity. People
 * live in 杭州市上城区 (330102), as in {@link PairingApiTests}.
 */
class PairingPageTests extends ApiTestSupport {

	private static final Pattern LOCATION_ID = Pattern.compile("/(beneficiaries|pairings)/([0-9a-f-]{36})$");

	@Autowired
	Organizations organizations;

	@Test
	void anAdminRegistersAPersonOnTheFormAndPairsAMemberPickedFromTheList() {
		Team team = this.fixtures.anActiveTeamIn(PairingApiTests.STREET);
		Person member = memberOf(team);
		Api admin = browserOf(team.admin());
		String form = "/organizations/" + team.id() + "/beneficiaries/new";
		String page = admin.get(form).body();
		assertThat(page).contains("登记服务对象").contains("map-picker").contains("独居老人");

		Response refused = admin.submitForm(form, "/organizations/" + team.id() + "/beneficiaries",
				Map.of("name", "", "keyGroup", "LEFT_BEHIND_CHILD", "birthYear", "2017"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("is-invalid")
			.contains("problem-guardian.name")
			.contains("problem-location");

		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("regionCode", PairingApiTests.STREET);
		fields.put("name", "赵桂兰");
		fields.put("keyGroup", "ELDERLY_LIVING_ALONE");
		fields.put("gender", "FEMALE");
		fields.put("birthYear", "1939");
		fields.put("address", "湖滨街道平海路 8 号 2 单元 101");
		fields.put("lat", String.valueOf(PairingApiTests.LAT));
		fields.put("lng", String.valueOf(PairingApiTests.LNG));
		fields.put("phone", "13700005678");
		fields.put("notes", "腿脚不便");
		Response registered = admin.submitForm(form, "/organizations/" + team.id() + "/beneficiaries", fields);
		assertThat(registered.status()).isEqualTo(302);
		String beneficiaryPage = path(registered);
		String beneficiary = admin.get(beneficiaryPage).body();
		assertThat(beneficiary).contains("赵*兰").doesNotContain("赵桂兰").doesNotContain("平海路");
		assertThat(beneficiary).contains(member.volunteerId().toString());
		assertThat(admin.get(beneficiaryPage + "?contact=true").body()).contains("赵桂兰").contains("平海路");

		Response paired = admin.submitForm(beneficiaryPage, beneficiaryPage + "/pairings",
				Map.of("organizationId", team.id().toString(), "volunteerId", member.volunteerId().toString(),
						"frequency", "BIWEEKLY", "startsOn", LocalDate.now(Pairings.CHINA).toString()));
		assertThat(paired.status()).isEqualTo(302);
		String pairingPage = path(paired);
		assertThat(pairingPage).startsWith("/pairings/");
		String pairing = admin.get(pairingPage).body();
		assertThat(pairing).contains("结对志愿者变更记录").contains("每两周一次").contains("更换结对志愿者");
		assertThat(admin.get("/organizations/" + team.id() + "/pairings?lang=en").body()).contains("Every two weeks")
			.contains("Elderly, living alone");
	}

	@Test
	void theVolunteerChecksAVisitInOnThePhonePage() {
		Team team = this.fixtures.anActiveTeamIn(PairingApiTests.STREET);
		Person member = memberOf(team);
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		Map<String, Object> person = PairingApiTests.withOrganization(PairingApiTests.elderly(), team);
		String beneficiary = admin.post("/api/v1/beneficiaries", person).json().path("id").asString();
		String pairing = admin
			.post("/api/v1/pairings", Map.of("beneficiaryId", beneficiary, "organizationId", team.id().toString(),
					"volunteerId", member.volunteerId().toString(), "frequency", "WEEKLY"))
			.json()
			.path("id")
			.asString();

		Api phone = browserOf(member);
		assertThat(phone.get("/me/pairings").body()).contains("王*英").contains("到达签到").contains("下次探访");
		assertThat(phone.get("/").body()).as("the home page's queue of visits due")
			.contains("data-queue=\"home.queue.visitsDue\"");
		String visitPage = "/me/pairings/" + pairing + "/visit";
		assertThat(phone.get(visitPage).body()).contains(PairingApiTests.ADDRESS).contains("checkin-form");
		Response far = phone.submitForm(visitPage, visitPage, Map.of("lat", String.valueOf(PairingApiTests.LAT + 0.01),
				"lng", String.valueOf(PairingApiTests.LNG), "accuracy", "10", "note", "测血压"));
		assertThat(far.status()).isEqualTo(200);
		assertThat(far.body()).contains("超出").contains("在别处探访的原因");
		Response near = phone.submitForm(visitPage, visitPage, Map.of("lat", String.valueOf(PairingApiTests.LAT), "lng",
				String.valueOf(PairingApiTests.LNG), "accuracy", "10", "note", "测血压 128/80"));
		assertThat(near.status()).isEqualTo(302);
		assertThat(phone.get("/me/pairings").body()).contains("已签到").contains("上次探访");

		Person stranger = this.fixtures.aVolunteerIn(PairingApiTests.STREET);
		assertThat(browserOf(stranger).get(visitPage).status()).isEqualTo(403);
	}

	@Test
	void theRegionsOperatorSeesMissedVisitsAndContinuityAndNoOtherOperatorDoes() {
		Api operator = browserOf(this.fixtures.anOperatorOf(PairingApiTests.DISTRICT));
		String page = operator.get("/regions/" + PairingApiTests.DISTRICT + "/pairings").body();
		assertThat(page).contains("漏访").contains("结对稳定性").contains("上城区");
		assertThat(operator.get("/").body()).contains("data-queue=\"home.queue.missedVisits\"");
		assertThat(browserOf(this.fixtures.anOperatorOf(PairingApiTests.OTHER_DISTRICT))
			.get("/regions/" + PairingApiTests.DISTRICT + "/pairings")
			.status()).isEqualTo(403);
		Response start = operator.get("/pairings");
		assertThat(start.status()).isEqualTo(302);
		assertThat(start.header("Location")).endsWith("/regions/" + PairingApiTests.DISTRICT + "/pairings");
	}

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

	private Person memberOf(Team team) {
		Person member = this.fixtures.aVolunteerIn(PairingApiTests.STREET);
		this.organizations.addMember(this.fixtures.actorOf(team.admin()), team.id(), member.volunteerId(),
				MemberRole.MEMBER);
		this.organizations.acceptInvitation(this.fixtures.actorOf(member), team.id());
		return member;
	}

	private static String path(Response redirect) {
		String location = redirect.header("Location");
		Matcher matcher = LOCATION_ID.matcher(location);
		assertThat(matcher.find()).as(location).isTrue();
		return "/" + matcher.group(1) + "/" + matcher.group(2);
	}

}
