package org.zhiyuan.volunteer;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Identities;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class VolunteerProfileApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void keepsTheProfileAVolunteerGives() {
		Person volunteer = this.fixtures.aVolunteerIn("110105001");
		Api api = signedIn(volunteer);
		Map<String, Object> change = new HashMap<>();
		change.put("regionCode", "110105002");
		change.put("categories", List.of("YOUTH", "STUDENT"));
		change.put("fields", List.of("HEALTH", "LANGUAGE"));
		change.put("skills", List.of("急救", "手语"));
		change.put("languages", List.of("普通话", "English"));
		change.put("availability", List.of("SAT_AM", "SUN_PM"));
		change.put("emergencyContact", Map.of("name", "王妈妈", "phone", "13911112222"));
		Response changed = api.send("PUT", "/api/v1/volunteers/me/profile", change);
		assertThat(changed.status()).isEqualTo(200);
		var profile = api.get("/api/v1/volunteers/me/profile").json();
		assertThat(profile.get("volunteer").get("regionCode").asString()).isEqualTo("110105002");
		assertThat(profile.get("categories").toString()).contains("YOUTH", "STUDENT");
		assertThat(profile.get("fields").toString()).contains("HEALTH", "LANGUAGE");
		assertThat(profile.get("availability").toString()).contains("SAT_AM", "SUN_PM");
		assertThat(profile.get("emergencyContact").get("phone").asString()).isEqualTo("139****2222");
	}

	@Test
	void refusesAProfileWithBadFieldsAndChangesNothing() {
		Person volunteer = this.fixtures.aVolunteerIn("110105001");
		Api api = signedIn(volunteer);
		Map<String, Object> change = new HashMap<>();
		change.put("regionCode", "000000");
		change.put("skills", List.of("x".repeat(31)));
		change.put("emergencyContact", Map.of("name", "王妈妈", "phone", "12"));
		Response refused = api.send("PUT", "/api/v1/volunteers/me/profile", change);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("regionCode",
				"skills", "emergencyContact.phone");
		assertThat(api.get("/api/v1/volunteers/me").json().get("regionCode").asString()).isEqualTo("110105001");
	}

	@Test
	void keepsQualificationsAndCommunityReportIns() {
		Api api = signedIn(this.fixtures.aVolunteerIn("110105001"));
		Response added = api.post("/api/v1/volunteers/me/qualifications",
				Map.of("name", "红十字救护员证", "issuer", "北京市红十字会", "expiresOn", "2029-12-31"));
		assertThat(added.status()).isEqualTo(201);
		Response report = api.post("/api/v1/volunteers/me/party-report-ins",
				Map.of("regionCode", "110105001", "communityName", "建外街道某社区", "reportedOn", "2026-03-01"));
		assertThat(report.status()).isEqualTo(201);
		var profile = api.get("/api/v1/volunteers/me/profile").json();
		assertThat(profile.get("qualifications").get(0).get("name").asString()).isEqualTo("红十字救护员证");
		assertThat(profile.get("partyReportIns").get(0).get("communityName").asString()).isEqualTo("建外街道某社区");
		assertThat(profile.get("categories").toString()).contains("PARTY_MEMBER");
		String qualificationId = added.json().get("id").asString();
		assertThat(api.send("DELETE", "/api/v1/volunteers/me/qualifications/" + qualificationId).status())
			.isEqualTo(204);
		assertThat(api.get("/api/v1/volunteers/me/profile").json().get("qualifications").size()).isZero();
		assertThat(api.send("DELETE", "/api/v1/volunteers/me/qualifications/" + qualificationId).status())
			.isEqualTo(404);
	}

	@Test
	void exportsEverythingHeldAsJsonAndExcelWithTheIdNumberMasked() throws Exception {
		Person volunteer = this.fixtures.aVolunteerIn("110105001");
		Api api = signedIn(volunteer);
		Response json = api.get("/api/v1/volunteers/me/export");
		assertThat(json.status()).isEqualTo(200);
		assertThat(json.json().get("profile").get("volunteer").get("idNumberMasked").asString())
			.endsWith(volunteer.idNumber().substring(14));
		assertThat(json.body()).doesNotContain(volunteer.idNumber()).doesNotContain(volunteer.username());

		String token = this.api
			.post("/api/v1/auth/token", Map.of("username", volunteer.username(), "password", volunteer.password()))
			.json()
			.get("accessToken")
			.asString();
		HttpResponse<byte[]> excel = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/volunteers/me/export.xlsx"))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(excel.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(excel.body()))) {
			StringBuilder text = new StringBuilder();
			workbook.getSheetAt(0).forEach((row) -> row.forEach((cell) -> text.append(cell.toString()).append('|')));
			assertThat(text).contains("测试志愿者").contains(volunteer.idNumber().substring(14));
			assertThat(text.toString()).doesNotContain(volunteer.idNumber());
			assertThat(workbook.getSheet("资质 Qualifications")).isNotNull();
			assertThat(workbook.getSheet("组织 Organizations")).isNotNull();
			assertThat(workbook.getSheet("服务记录 Service records")).isNotNull();
		}
	}

	@Test
	void showsHoursAsDecimalTextInTheProfileAndTheDownloads() {
		Person volunteer = this.fixtures.aVolunteerIn("110105001");
		this.jdbc.sql("UPDATE volunteer_standing SET total_hours = 2.5 WHERE volunteer_id = :id")
			.param("id", volunteer.volunteerId())
			.update();
		Api api = signedIn(volunteer);
		isTwoAndAHalfHours(api.get("/api/v1/volunteers/me/profile").json().get("volunteer").get("totalHours"));
		isTwoAndAHalfHours(
				api.get("/api/v1/volunteers/me/export").json().get("profile").get("volunteer").get("totalHours"));
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login",
				Map.of("username", volunteer.username(), "password", volunteer.password()));
		isTwoAndAHalfHours(browser.get("/me/export.json").json().get("profile").get("volunteer").get("totalHours"));
	}

	private static void isTwoAndAHalfHours(JsonNode hours) {
		assertThat(hours.isString()).as("hours are decimal text, not a JSON number: " + hours).isTrue();
		assertThat(hours.asString()).isEqualTo("2.50");
	}

	@Test
	void deregistrationClosesTheAccountErasesPersonalDataAndKeepsTheRecordAttributable() {
		Person volunteer = this.fixtures.aVolunteerIn("110105001");
		Api api = signedIn(volunteer);
		api.post("/api/v1/volunteers/me/qualifications", Map.of("name", "救护员证"));
		Response wrong = api.post("/api/v1/volunteers/me/deregistration", Map.of("password", "not-mine-1"));
		assertThat(wrong.status()).isEqualTo(400);
		Response done = api.post("/api/v1/volunteers/me/deregistration", Map.of("password", volunteer.password()));
		assertThat(done.status()).isEqualTo(204);
		assertThat(api.get("/api/v1/volunteers/me").status()).isEqualTo(401);
		assertThat(this.api
			.post("/api/v1/auth/token", Map.of("username", volunteer.username(), "password", volunteer.password()))
			.status()).isEqualTo(401);
		var row = this.jdbc
			.sql("SELECT status, name, phone, id_number_sealed, id_number_fingerprint, id_number_masked FROM volunteer"
					+ " WHERE id = :id")
			.param("id", volunteer.volunteerId())
			.query((rs,
					n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5), rs.getString(6) })
			.single();
		assertThat(row[0]).isEqualTo("DEREGISTERED");
		assertThat(row[1]).isEqualTo("测试志愿者");
		assertThat(row[2]).isNull();
		assertThat(row[3]).isNull();
		assertThat(row[4]).isNull();
		assertThat(row[5]).endsWith(volunteer.idNumber().substring(14));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM volunteer_qualification WHERE volunteer_id = :id")
			.param("id", volunteer.volunteerId())
			.query(Long.class)
			.single()).isZero();

		Map<String, Object> again = new HashMap<>();
		again.put("name", "测试志愿者");
		again.put("idType", "RESIDENT_ID");
		again.put("idNumber", volunteer.idNumber());
		again.put("phone", volunteer.username());
		again.put("password", "Passw0rd-again");
		again.put("regionCode", "110105001");
		again.put("consents", Map.of("privacyPolicy", "2026-01", "oath", true));
		assertThat(this.api.post("/api/v1/volunteers", again).status()).as("the same person may register anew")
			.isEqualTo(201);
	}

	@Test
	void staffAccountsHaveNoVolunteerRecord() {
		Response me = signedIn(this.fixtures.anOperatorOf("110105")).get("/api/v1/volunteers/me");
		assertThat(me.status()).isEqualTo(404);
		assertThat(me.problemCode()).isEqualTo("NOT_A_VOLUNTEER");
	}

	@Test
	void theProfilePageSavesChanges() {
		Person volunteer = this.fixtures.aVolunteerIn("110105001");
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login",
				Map.of("username", volunteer.username(), "password", volunteer.password()));
		Response saved = browser.submitForm("/me", "/me/profile",
				Map.of("regionCode", "110105001", "categories", "VETERAN", "skills", "摄影，驾驶", "languages", "粤语",
						"emergencyName", "李四", "emergencyPhone", Identities.phone()));
		assertThat(saved.status()).isEqualTo(302);
		Response page = browser.get("/me");
		assertThat(page.body()).contains("退役军人").contains("摄影").contains("驾驶").contains("李四");
		Response json = browser.get("/me/export.json");
		assertThat(json.status()).isEqualTo(200);
		assertThat(json.body()).contains("VETERAN").doesNotContain(volunteer.idNumber());
	}

	@Test
	void eachSectionOfTheProfilePageSavesOnlyItsOwnFields() {
		Person volunteer = this.fixtures.aVolunteerIn("110105001");
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login",
				Map.of("username", volunteer.username(), "password", volunteer.password()));
		assertThat(browser
			.submitForm("/me?section=emergency", "/me/profile",
					Map.of("section", "emergency", "emergencyName", "李四", "emergencyPhone", Identities.phone()))
			.header("Location")).endsWith("/me?section=emergency");
		assertThat(browser
			.submitForm("/me?section=service", "/me/profile",
					Map.of("section", "service", "categories", "VETERAN", "skills", "摄影", "languages", "粤语"))
			.status()).isEqualTo(302);
		assertThat(browser
			.submitForm("/me?section=basic", "/me/profile", Map.of("section", "basic", "regionCode", "110105002"))
			.status()).isEqualTo(302);

		Response page = browser.get("/me?section=basic");
		assertThat(page.body()).as("every section's fields kept")
			.contains("退役军人")
			.contains("摄影")
			.contains("粤语")
			.contains("李四")
			.contains("section=privacy");
		assertThat(browser.get("/me/export.json").body()).contains("110105002");
		assertThat(browser.get("/me?section=privacy").body()).contains("/me/export.xlsx")
			.contains("/me/deregistration");
	}

	private Api signedIn(Person person) {
		return this.api.signIn(person.username(), person.password());
	}

}
