package org.zhiyuan.organization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.support.Identities;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationApiTests extends ApiTestSupport {

	@Test
	void aTeamAppliesWithoutACreditCodeAndTheRegionsOperatorApprovesIt() {
		Person applicant = this.fixtures.aVolunteerIn("110105001");
		Api api = signedIn(applicant);
		Response applied = api.post("/api/v1/organizations", team("建外街道为老服务队", "110105001"));
		assertThat(applied.status()).isEqualTo(201);
		assertThat(applied.json().get("status").asString()).isEqualTo("PENDING");
		String id = applied.json().get("id").asString();
		assertThat(this.api.get("/api/v1/organizations/" + id).status()).as("not public while pending").isEqualTo(404);

		Response elsewhere = signedIn(this.fixtures.anOperatorOf("310101"))
			.post("/api/v1/organizations/" + id + "/approve", Map.of());
		assertThat(elsewhere.status()).isEqualTo(403);
		Response approved = signedIn(this.fixtures.anOperatorOf("110105"))
			.post("/api/v1/organizations/" + id + "/approve", Map.of());
		assertThat(approved.status()).isEqualTo(200);
		assertThat(approved.json().get("status").asString()).isEqualTo("ACTIVE");
		Response again = signedIn(this.fixtures.anOperatorOf("110105")).post("/api/v1/organizations/" + id + "/approve",
				Map.of());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.problemCode()).isEqualTo("INVALID_STATUS");

		var page = this.api.get("/api/v1/organizations/" + id).json();
		assertThat(page.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(page.get("memberCount").asLong()).as("the applicant is its first member").isEqualTo(1);
		assertThat(this.api.get("/api/v1/organizations?regionCode=110105&q=为老服务&size=200")
			.json()
			.get("items")
			.findValuesAsString("id")).contains(id);
		assertThat(signedIn(applicant).get("/api/v1/organizations/mine").json().get("items").findValuesAsString("id"))
			.contains(id);
	}

	@Test
	void registeredBodiesNeedAValidUniqueCreditCode() {
		Api api = signedIn(this.fixtures.aVolunteerIn("110105"));
		Map<String, Object> body = team("朝阳区志愿者协会", "110105");
		body.put("type", "SOCIAL_ORGANIZATION");
		Response missing = api.post("/api/v1/organizations", body);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("errors").findValuesAsString("field")).containsExactly("creditCode");
		body.put("creditCode", "91350100M000100Y44");
		assertThat(api.post("/api/v1/organizations", body).json().get("errors").get(0).get("field").asString())
			.isEqualTo("creditCode");
		String code = Identities.creditCode();
		body.put("creditCode", code);
		assertThat(api.post("/api/v1/organizations", body).status()).isEqualTo(201);
		Response duplicate = api.post("/api/v1/organizations", body);
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.problemCode()).isEqualTo("CREDIT_CODE_REGISTERED");
	}

	@Test
	void refusesCreditCodesThatOnlyTheirLastCharacterVouchesFor() {
		Api api = signedIn(this.fixtures.aVolunteerIn("110105"));
		Map<String, Object> body = team("朝阳区慈善协会", "110105");
		body.put("type", "SOCIAL_ORGANIZATION");
		String ligature = Identities.creditCode("51", "110105", "MA5FFHKR").replace("FF", "\ufb00");
		String fresh = Identities.creditCode();
		for (String code : List.of(Identities.withCreditCheck("51110105123456780"),
				Identities.creditCode("51", "110199", "12345678"), Identities.creditCode("51", "000000", "12345678"),
				Identities.creditCode("54", "110105", "12345678"), Identities.creditCode("91", "110105", "I2345678"),
				ligature, ligature.toLowerCase(), fresh.substring(0, 9) + "\u200b" + fresh.substring(9),
				fresh.substring(0, 9) + "\u0000" + fresh.substring(9))) {
			body.put("creditCode", code);
			Response refused = api.post("/api/v1/organizations", body);
			assertThat(refused.status()).as(code).isEqualTo(400);
			assertThat(refused.json().get("errors").findValuesAsString("field")).as(code).containsExactly("creditCode");
		}
		body.put("creditCode", Identities.creditCode("53", "100000",
				"5" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999))));
		assertThat(api.post("/api/v1/organizations", body).status()).as("registered by a central authority")
			.isEqualTo(201);
	}

	@Test
	void reportsEveryInvalidFieldOfAnApplication() {
		Map<String, Object> body = new HashMap<>();
		body.put("name", " ");
		body.put("type", "CLUB");
		body.put("regionCode", "999999");
		body.put("fields", List.of("KNITTING"));
		Response invalid = signedIn(this.fixtures.aVolunteer()).post("/api/v1/organizations", body);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").findValuesAsString("field")).contains("type", "fields");
		body.put("type", "COMMUNITY_TEAM");
		body.put("fields", List.of("HEALTH"));
		body.put("contactPhone", "123");
		Response second = signedIn(this.fixtures.aVolunteer()).post("/api/v1/organizations", body);
		assertThat(second.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name",
				"regionCode", "contactPhone");
	}

	@Test
	void volunteersAskToJoinAndAdminsDecide() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person volunteer = this.fixtures.aVolunteerIn("110105001");
		Api member = signedIn(volunteer);
		String base = "/api/v1/organizations/" + team.id();
		assertThat(member.post(base + "/join-requests", Map.of()).status()).isEqualTo(201);
		assertThat(member.post(base + "/join-requests", Map.of()).problemCode()).isEqualTo("JOIN_PENDING");
		assertThat(member.post(base + "/members/" + volunteer.volunteerId() + "/approve", Map.of()).status())
			.as("a volunteer cannot approve themselves")
			.isEqualTo(403);
		Api admin = signedIn(team.admin());
		var pending = admin.get(base + "/members?status=PENDING").json();
		assertThat(pending.get("items").findValuesAsString("volunteerId")).contains(volunteer.volunteerId().toString());
		assertThat(pending.toString()).doesNotContain(volunteer.username());
		assertThat(admin.post(base + "/members/" + volunteer.volunteerId() + "/approve", Map.of()).status())
			.isEqualTo(200);
		assertThat(member.post(base + "/join-requests", Map.of()).problemCode()).isEqualTo("ALREADY_MEMBER");
		assertThat(this.api.get(base).json().get("memberCount").asLong()).isEqualTo(2);
		assertThat(member.send("DELETE", base + "/members/" + volunteer.volunteerId()).status()).isEqualTo(204);
		assertThat(this.api.get(base).json().get("memberCount").asLong()).isEqualTo(1);
	}

	@Test
	void anAdminAddedAsAdminCanManageMembersAndLosesThatOnRemoval() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person deputy = this.fixtures.aVolunteerIn("110105");
		String base = "/api/v1/organizations/" + team.id();
		assertThat(signedIn(team.admin())
			.post(base + "/members", Map.of("volunteerId", deputy.volunteerId().toString(), "role", "ADMIN"))
			.status()).isEqualTo(201);
		assertThat(signedIn(deputy).post("/api/v1/volunteers/me/invitations/" + team.id() + "/acceptance", Map.of())
			.status()).isEqualTo(200);
		assertThat(signedIn(deputy).get(base + "/members").status()).isEqualTo(200);
		assertThat(signedIn(team.admin()).send("DELETE", base + "/members/" + deputy.volunteerId()).status())
			.isEqualTo(204);
		assertThat(signedIn(deputy).get(base + "/members").status()).isEqualTo(403);
	}

	@Test
	void supervisionSuspendsReinstatesAndClosesWithReasonsInTheHistory() {
		Team team = this.fixtures.anActiveTeamIn("110105001");
		Api operator = signedIn(this.fixtures.anOperatorOf("110105"));
		String base = "/api/v1/organizations/" + team.id();
		Response noReason = operator.post(base + "/suspend", Map.of("reason", " "));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(operator.post(base + "/warnings", Map.of("reason", "活动记录不完整")).status()).isEqualTo(200);
		assertThat(operator.post(base + "/suspend", Map.of("reason", "以志愿服务名义收费")).json().get("status").asString())
			.isEqualTo("SUSPENDED");
		Response join = signedIn(this.fixtures.aVolunteer()).post(base + "/join-requests", Map.of());
		assertThat(join.status()).isEqualTo(409);
		assertThat(join.problemCode()).isEqualTo("ORGANIZATION_NOT_ACTIVE");
		assertThat(operator.post(base + "/reinstate", Map.of("reason", "已整改")).json().get("status").asString())
			.isEqualTo("ACTIVE");
		assertThat(operator.post(base + "/close", Map.of("reason", "自行解散")).json().get("status").asString())
			.isEqualTo("CLOSED");
		var history = signedIn(team.admin()).get(base + "/history").json().get("items");
		assertThat(history.findValuesAsString("kind")).containsExactly("APPLIED", "APPROVED", "WARNED", "SUSPENDED",
				"REINSTATED", "CLOSED");
		assertThat(history.findValuesAsString("reason")).contains("以志愿服务名义收费", "已整改");
		var second = signedIn(team.admin()).get(base + "/history?page=1&size=4").json();
		assertThat(second.get("total").asLong()).isEqualTo(6);
		assertThat(second.get("items").findValuesAsString("kind")).containsExactly("REINSTATED", "CLOSED");
		Response bad = signedIn(team.admin()).get(base + "/history?size=0");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactly("size");
		assertThat(signedIn(this.fixtures.aVolunteer()).get(base + "/history").status()).isEqualTo(403);
		assertThat(
				signedIn(this.fixtures.anAuditorOf("110105")).post(base + "/reinstate", Map.of("reason", "x")).status())
			.as("auditors only read")
			.isEqualTo(403);
	}

	@Test
	void anApplicationIsRejectedWithAReasonTheApplicantSees() {
		Person applicant = this.fixtures.aVolunteerIn("110105");
		String id = signedIn(applicant).post("/api/v1/organizations", team("某某队", "110105"))
			.json()
			.get("id")
			.asString();
		Response rejected = signedIn(this.fixtures.anOperatorOf("110105"))
			.post("/api/v1/organizations/" + id + "/reject", Map.of("reason", "名称不规范"));
		assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
		var history = signedIn(applicant).get("/api/v1/organizations/" + id + "/history").json().get("items");
		assertThat(history.findValuesAsString("reason")).contains("名称不规范");
	}

	@Test
	void thePublicPageShowsNoPersonalData() {
		Person applicant = this.fixtures.aVolunteerIn("110105");
		Map<String, Object> body = team("朝外街道助残队", "110105002");
		String contactPhone = Identities.phone();
		body.put("contactName", "刘老师");
		body.put("contactPhone", contactPhone);
		String id = signedIn(applicant).post("/api/v1/organizations", body).json().get("id").asString();
		signedIn(this.fixtures.anOperatorOf("110105")).post("/api/v1/organizations/" + id + "/approve", Map.of());
		Response api = this.api.get("/api/v1/organizations/" + id);
		assertThat(api.body()).doesNotContain(contactPhone).contains(contactPhone.substring(7));
		Response page = this.api.get("/organizations/" + id);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("朝外街道助残队").doesNotContain(contactPhone).doesNotContain(applicant.username());
	}

	@Test
	void thePagesLetAVolunteerApplyAndAnOperatorApprove() {
		Person applicant = this.fixtures.aVolunteerIn("110105");
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login",
				Map.of("username", applicant.username(), "password", applicant.password()));
		Response applied = browser.submitForm("/organizations/apply", "/organizations/apply",
				Map.of("name", "页面申请的服务队", "type", "COMMUNITY_TEAM", "regionCode", "110105001", "fields", "HEALTH"));
		assertThat(applied.status()).isEqualTo(302);
		String location = applied.header("Location").replaceFirst("^https?://[^/]+", "");
		assertThat(browser.get(location).body()).contains("页面申请的服务队").contains("待审核");

		Person operator = this.fixtures.anOperatorOf("110105");
		Api operatorBrowser = new Api("http://localhost:" + this.port);
		operatorBrowser.submitForm("/login", "/login",
				Map.of("username", operator.username(), "password", operator.password()));
		assertThat(operatorBrowser.get("/organizations/review?regionCode=110105&status=PENDING").body())
			.contains("页面申请的服务队");
		Response approved = operatorBrowser.submitForm(location, location + "/supervision",
				Map.of("action", "approve"));
		assertThat(approved.status()).isEqualTo(302);
		assertThat(this.api.get(location).body()).contains("页面申请的服务队").contains("正常");
	}

	private static Map<String, Object> team(String name, String regionCode) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("type", "COMMUNITY_TEAM");
		body.put("regionCode", regionCode);
		body.put("fields", List.of("ELDERLY_CARE", "HEALTH"));
		body.put("description", "为社区老人提供助餐、陪伴服务。");
		return body;
	}

	private Api signedIn(Person person) {
		return this.api.signIn(person.username(), person.password());
	}

}
