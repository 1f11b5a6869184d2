package org.zhiyuan.insurance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Grant;
import org.zhiyuan.organization.MemberRole;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.region.Regions;
import org.zhiyuan.regionsettings.OwnSettings;
import org.zhiyuan.regionsettings.RegionSettings;
import org.zhiyuan.regionsettings.ReviewRequirement;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Concurrently;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiyuan.support.ActivityFixtures.anActivity;

class InsuranceApiTests extends ApiTestSupport {

	private static final String STREET = "110105001";

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final Map<String, Object> AT_THE_SITE = Map.of("lat", 39.9088, "lng", 116.4446, "accuracyMeters",
			15);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organizations organizations;

	@Autowired
	InsurancePolicies insurance;

	@Autowired
	RegionSettings regionSettings;

	/**
	 * These tests are about insurance, not review: the street of their activities
	 * publishes without review, whatever another test left there (its other settings are
	 * kept).
	 */
	@BeforeEach
	void publishWithoutReview() {
		Actor operator = new Actor(UUID.randomUUID(), "op", "op", Set.of(Grant.operatorOf(Regions.NATIONAL)));
		OwnSettings own = this.regionSettings.view(operator, STREET).own();
		this.regionSettings.update(operator, STREET,
				new OwnSettings(ReviewRequirement.NONE, own.starThresholds(), own.population()));
	}

	@Test
	void publishesAHighRiskActivityOnlyWhenAPolicyOfItsOrganizationCoversItsDates() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = as(team.admin());
		Map<String, Object> body = anActivity(team.id().toString(), 5);
		body.put("riskLevel", "HIGH");
		String id = admin.post("/api/v1/activities", body).json().get("id").asString();
		LocalDate day = OffsetDateTime.parse((String) body.get("startsAt")).atZoneSameInstant(CHINA).toLocalDate();

		Response bare = admin.post("/api/v1/activities/" + id + "/publish", Map.of());
		assertThat(bare.status()).isEqualTo(422);
		assertThat(bare.problemCode()).isEqualTo("NOT_INSURED");
		assertThat(bare.json().get("detail").asString())
			.contains(day.getMonthValue() + "月" + day.getDayOfMonth() + "日");

		policy(team, day.minusDays(30), day.minusDays(1));
		Response english = admin.in("en").post("/api/v1/activities/" + id + "/publish", Map.of());
		assertThat(english.problemCode()).as("a policy that ends the day before covers nothing of it")
			.isEqualTo("NOT_INSURED");
		assertThat(english.json().get("detail").asString()).contains(", " + day.getYear()).doesNotContain("{");
		Team other = this.fixtures.anActiveTeamIn("110105");
		policy(other, day.minusDays(1), day.plusDays(1));
		assertThat(admin.post("/api/v1/activities/" + id + "/publish", Map.of()).problemCode())
			.as("another organization's policy does not count")
			.isEqualTo("NOT_INSURED");
		assertThat(this.jdbc.sql("SELECT status FROM activity WHERE id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.single()).isEqualTo("DRAFT");

		policy(team, day, day.plusDays(365));
		Response published = admin.post("/api/v1/activities/" + id + "/publish", Map.of());
		assertThat(published.status()).isEqualTo(200);
		assertThat(published.json().get("status").asString()).isEqualTo("RECRUITING");
	}

	@Test
	void lowRiskActivitiesNeedNoPolicy() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = as(team.admin());
		String id = admin.post("/api/v1/activities", anActivity(team.id().toString(), 5)).json().get("id").asString();
		assertThat(admin.post("/api/v1/activities/" + id + "/publish", Map.of()).status()).isEqualTo(200);
	}

	@Test
	void aVolunteerNotInsuredOnTheDatesCannotCheckInUntilInsured() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		LocalDate today = LocalDate.now(CHINA);
		String policyId = policy(team, today.minusDays(3), today.plusDays(60));
		Person volunteer = this.fixtures.aVolunteerIn("110105");
		Person other = this.fixtures.aVolunteerIn("110105");
		String activity = runningHighRiskActivity(team, volunteer, other);
		Api admin = as(team.admin());
		String code = admin.post("/api/v1/activities/" + activity + "/checkin-codes", Map.of())
			.json()
			.get("code")
			.asString();

		Response refused = as(volunteer).post("/api/v1/attendance/check-in",
				Map.of("code", code, "location", AT_THE_SITE));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.problemCode()).isEqualTo("NOT_INSURED");
		String name = this.jdbc.sql("SELECT name FROM volunteer WHERE id = :id")
			.param("id", volunteer.volunteerId())
			.query(String.class)
			.single();
		LocalDate activityDay = this.jdbc.sql("SELECT starts_at FROM activity WHERE id = :id")
			.param("id", UUID.fromString(activity))
			.query(OffsetDateTime.class)
			.single()
			.atZoneSameInstant(CHINA)
			.toLocalDate();
		assertThat(refused.json().get("detail").asString()).as("the day the activity began, in China")
			.contains(name)
			.contains(activityDay.getMonthValue() + "月" + activityDay.getDayOfMonth() + "日");
		Response manual = admin.post("/api/v1/activities/" + activity + "/attendance/check-in",
				Map.of("volunteerId", other.volunteerId().toString(), "reason", "手机没电"));
		assertThat(manual.problemCode()).as("an organizer's entry is held to the same rule").isEqualTo("NOT_INSURED");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM attendance WHERE activity_id = :a")
			.param("a", UUID.fromString(activity))
			.query(Long.class)
			.single()).isZero();

		Response insured = admin.post("/api/v1/activities/" + activity + "/insurance", Map.of("policyId", policyId));
		assertThat(insured.status()).isEqualTo(200);
		assertThat(insured.json().get("insured").asInt()).isEqualTo(2);
		assertThat(insured.json().get("added").asInt()).isEqualTo(2);
		assertThat(as(volunteer).post("/api/v1/attendance/check-in", Map.of("code", code, "location", AT_THE_SITE))
			.status()).isEqualTo(200);
		assertThat(admin
			.post("/api/v1/activities/" + activity + "/attendance/check-in",
					Map.of("volunteerId", other.volunteerId().toString(), "reason", "手机没电"))
			.status()).isEqualTo(200);
	}

	@Test
	void insuresMembersAndAcceptedVolunteersOnceAndNobodyWhenAStrangerIsNamed() throws IOException {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person member = memberOf(team);
		Person stranger = this.fixtures.aVolunteerIn("110105");
		String policyId = policy(team, LocalDate.now(CHINA), LocalDate.now(CHINA).plusYears(1));
		Api admin = as(team.admin());
		String insured = "/api/v1/insurance-policies/" + policyId + "/insured";

		Response refused = admin.post(insured,
				Map.of("volunteerIds", List.of(member.volunteerId().toString(), stranger.volunteerId().toString())));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.problemCode()).isEqualTo("NOT_INSURABLE");
		assertThat(admin.get(insured).json().get("total").asInt()).as("all or none").isZero();

		Response first = admin.post(insured,
				Map.of("volunteerIds", List.of(member.volunteerId().toString(), member.volunteerId().toString())));
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().get("insured").asInt()).isEqualTo(1);
		assertThat(first.json().get("added").asInt()).isEqualTo(1);
		Response again = admin.post(insured, Map.of("volunteerIds", List.of(member.volunteerId().toString())));
		assertThat(again.json().get("insured").asInt()).isEqualTo(1);
		assertThat(again.json().get("added").asInt()).isZero();

		Response list = admin.get(insured);
		assertThat(list.json().get("total").asInt()).isEqualTo(1);
		assertThat(list.body()).doesNotContain(member.idNumber());
		assertThat(list.json().get("items").get(0).get("phoneMasked").asString()).contains("*");
		assertThat(as(team.admin()).get("/api/v1/organizations/" + team.id() + "/insurance-policies")
			.json()
			.get("items")
			.get(0)
			.get("insuredCount")
			.asInt()).isEqualTo(1);

		Api.Download sheet = admin.download(insured + ".xlsx");
		assertThat(sheet.status()).isEqualTo(200);
		assertThat(sheet.contentType()).startsWith("application/vnd.openxmlformats");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(sheet.body()))) {
			Sheet insuredSheet = workbook.getSheetAt(0);
			assertThat(insuredSheet.getLastRowNum()).isEqualTo(1);
			String row = insuredSheet.getRow(1).getCell(2).getStringCellValue();
			assertThat(row).contains("*").isNotEqualTo(member.idNumber());
		}
		assertThat(
				as(stranger).post(insured, Map.of("volunteerIds", List.of(stranger.volunteerId().toString()))).status())
			.isEqualTo(403);
	}

	@Test
	void importsASheetRowByRowAndReportsWhatBecameOfEach() throws IOException {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Person member = memberOf(team);
		Person accepted = this.fixtures.aVolunteerIn("110105");
		Person stranger = this.fixtures.aVolunteerIn("110105");
		Map<String, Object> body = anActivity(team.id().toString(), 5);
		Api admin = as(team.admin());
		var created = admin.post("/api/v1/activities", body).json();
		admin.post("/api/v1/activities/" + created.get("id").asString() + "/publish", Map.of());
		as(accepted).post("/api/v1/activities/" + created.get("id").asString() + "/signups",
				Map.of("positionId", created.get("positions").get(0).get("id").asString()));
		String policyId = policy(team, LocalDate.now(CHINA), LocalDate.now(CHINA).plusYears(1));
		String memberNumber = numberOf(member);
		String acceptedPhone = phoneOf(accepted);

		Response report = admin.postMultipart("/api/v1/insurance-policies/" + policyId + "/imports", "file",
				"insured.xlsx",
				sheet(memberNumber, acceptedPhone, phoneOf(stranger), memberNumber.toLowerCase(), null, "不存在"),
				Map.of());
		assertThat(report.status()).isEqualTo(200);
		var json = report.json();
		assertThat(json.get("rows").asInt()).isEqualTo(6);
		assertThat(json.get("insured").asInt()).isEqualTo(2);
		List<String> outcomes = new ArrayList<>();
		json.get("report").forEach((row) -> outcomes.add(row.get("outcome").asString()));
		assertThat(outcomes).containsExactly("INSURED", "INSURED", "NOT_OF_ORGANIZATION", "DUPLICATE", "EMPTY",
				"NOT_OF_ORGANIZATION");
		assertThat(report.body()).as("phones and strangers stay hidden")
			.doesNotContain(acceptedPhone)
			.doesNotContain(phoneOf(stranger));
		assertThat(json.get("report").get(2).get("name").isNull()).isTrue();
		assertThat(admin.get("/api/v1/insurance-policies/" + policyId + "/insured").json().get("total").asInt())
			.isEqualTo(2);

		Response notASheet = admin.postMultipart("/api/v1/insurance-policies/" + policyId + "/imports", "file",
				"insured.xlsx", "not a workbook".getBytes(), Map.of());
		assertThat(notASheet.status()).isEqualTo(400);
	}

	@Test
	void parallelRequestsInsureEachVolunteerOnce() throws Exception {
		Team team = this.fixtures.anActiveTeamIn("110105");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(memberOf(team).volunteerId().toString());
		}
		String policyId = policy(team, LocalDate.now(CHINA), LocalDate.now(CHINA).plusYears(1));
		Api admin = as(team.admin());
		List<Callable<Response>> calls = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			calls.add(() -> admin.post("/api/v1/insurance-policies/" + policyId + "/insured",
					Map.of("volunteerIds", ids)));
		}
		int added = 0;
		for (Response done : Concurrently.run(calls)) {
			assertThat(done.status()).isEqualTo(200);
			added += done.json().get("added").asInt();
		}
		assertThat(added).as("each volunteer is added by one request only").isEqualTo(3);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM insured_volunteer WHERE policy_id = :p")
			.param("p", UUID.fromString(policyId))
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void policiesAreCheckedAndOnlyTheOrganizationsAdminsEnterThem() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api admin = as(team.admin());
		Response backwards = admin.post("/api/v1/insurance-policies",
				policyBody(team, LocalDate.now(), LocalDate.now().minusDays(1), "PN-1"));
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.body()).contains("endsOn");
		assertThat(admin
			.post("/api/v1/insurance-policies",
					policyBody(team, LocalDate.now(), LocalDate.now().plusDays(1), "<script>"))
			.status()).isEqualTo(400);
		assertThat(admin
			.post("/api/v1/insurance-policies", policyBody(team, LocalDate.now(), LocalDate.now().plusDays(1), "PN-2"))
			.status()).isEqualTo(201);
		assertThat(admin
			.post("/api/v1/insurance-policies", policyBody(team, LocalDate.now(), LocalDate.now().plusDays(9), "PN-2"))
			.problemCode()).isEqualTo("POLICY_NUMBER_TAKEN");
		assertThat(as(memberOf(team))
			.post("/api/v1/insurance-policies", policyBody(team, LocalDate.now(), LocalDate.now().plusDays(1), "PN-3"))
			.status()).isEqualTo(403);
	}

	@Test
	void warnsTheAdminsOnceWhenAPolicyIsAboutToEnd() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		LocalDate today = LocalDate.now(CHINA);
		policy(team, today.minusDays(300), today.plusDays(10));
		policy(team, today.minusDays(10), today.plusDays(200));
		this.insurance.warnEnding(today);
		this.insurance.warnEnding(today);
		Response notifications = as(team.admin()).get("/api/v1/notifications");
		long warnings = 0;
		for (var item : notifications.json().get("items")) {
			if (item.toString().contains(today.plusDays(10).toString())) {
				warnings++;
			}
		}
		assertThat(warnings).isEqualTo(1);
		assertThat(notifications.body()).doesNotContain(today.plusDays(200).toString());
	}

	@Test
	void theRosterOfAHighRiskActivityMarksWhoIsNotInsuredAndInsuresThemAll() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		LocalDate today = LocalDate.now(CHINA);
		String policyId = policy(team, today.minusDays(3), today.plusDays(60));
		Person volunteer = this.fixtures.aVolunteerIn("110105");
		String activity = runningHighRiskActivity(team, volunteer);
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login",
				Map.of("username", team.admin().username(), "password", team.admin().password()));
		String roster = "/activities/" + activity + "/roster";
		String page = browser.get(roster).body();
		assertThat(page).contains("roster-mark").contains("insurance-panel").contains(policyId);

		Response done = browser.submitForm(roster, "/activities/" + activity + "/insurance",
				Map.of("policyId", policyId));
		assertThat(done.status()).isEqualTo(302);
		assertThat(browser.get(roster).body()).doesNotContain("roster-mark");
		assertThat(browser.get("/organizations/" + team.id() + "/insurance").body()).contains(policyId);
		assertThat(browser.get("/insurance-policies/" + policyId).body()).contains("insured-card");
	}

	// fixtures

	private Api as(Person person) {
		return this.api.as(this.fixtures.tokenFor(person));
	}

	private String policy(Team team, LocalDate from, LocalDate to) {
		Response created = as(team.admin()).post("/api/v1/insurance-policies",
				policyBody(team, from, to, "PICC-" + UUID.randomUUID().toString().substring(0, 8)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static Map<String, Object> policyBody(Team team, LocalDate from, LocalDate to, String number) {
		return Map.of("organizationId", team.id().toString(), "insurer", "中国人民财产保险", "policyNumber", number, "startsOn",
				from.toString(), "endsOn", to.toString(), "coverage", "意外身故/伤残 50 万元，意外医疗 5 万元");
	}

	private Person memberOf(Team team) {
		Person member = this.fixtures.aVolunteerIn("110105");
		this.organizations.addMember(this.fixtures.actorOf(team.admin()), team.id(), member.volunteerId(),
				MemberRole.MEMBER);
		this.organizations.acceptInvitation(this.fixtures.actorOf(member), team.id());
		return member;
	}

	/**
	 * A high-risk activity of the team (published under a policy the caller entered
	 * first) that started an hour ago, with the volunteers accepted.
	 */
	private String runningHighRiskActivity(Team team, Person... volunteers) {
		Api admin = as(team.admin());
		Map<String, Object> body = anActivity(team.id().toString(), 5);
		body.put("riskLevel", "HIGH");
		OffsetDateTime soon = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.SECONDS);
		body.put("startsAt", soon.toString());
		body.put("endsAt", soon.plusHours(2).toString());
		var created = admin.post("/api/v1/activities", body).json();
		String id = created.get("id").asString();
		assertThat(admin.post("/api/v1/activities/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		for (Person volunteer : volunteers) {
			assertThat(as(volunteer)
				.post("/api/v1/activities/" + id + "/signups",
						Map.of("positionId", created.get("positions").get(0).get("id").asString()))
				.json()
				.get("status")
				.asString()).isEqualTo("APPROVED");
		}
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		this.jdbc.sql("UPDATE activity SET starts_at = :s, ends_at = :e, signup_deadline = :d WHERE id = :id")
			.param("s", now.minusHours(1))
			.param("e", now.plusHours(2))
			.param("d", now.plusHours(1))
			.param("id", UUID.fromString(id))
			.update();
		return id;
	}

	private String numberOf(Person volunteer) {
		return this.jdbc.sql("SELECT volunteer_number FROM volunteer WHERE id = :id")
			.param("id", volunteer.volunteerId())
			.query(String.class)
			.single();
	}

	private String phoneOf(Person volunteer) {
		return this.jdbc.sql("SELECT phone FROM volunteer WHERE id = :id")
			.param("id", volunteer.volunteerId())
			.query(String.class)
			.single();
	}

	/** A filled template: one row a value; a null value leaves only the name column. */
	private static byte[] sheet(String... values) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(InsuredSheet.template()))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (int i = 0; i < values.length; i++) {
				var row = sheet.createRow(i + 1);
				if (values[i] != null) {
					row.createCell(0).setCellValue(values[i]);
				}
				row.createCell(1).setCellValue("某人");
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

}
